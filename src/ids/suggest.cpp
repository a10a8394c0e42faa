// --suggest-doi: each reference that gives no DOI (nor an ISBN: a book's DOI is rarely the one
// meant) searched at Crossref with its own text (query.bibliographic), and the best candidates
// validated against it, as Crossref's own matcher does: a relevance score that is not weak for
// the length of the text, then the title, first author and year (match.cpp's confirms). A DOI is
// offered only when one work passes. docs/identifiers.md.
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <cctype>

#include "citelint/extract.hpp"
#include "ids/asking.hpp"
#include "ids/match.hpp"
#include "ids/records.hpp"

namespace citelint::ids {

namespace {

constexpr std::size_t kCandidates = 5;  // rows asked of a search
constexpr double kScorePerWord = 1.0;   // Crossref's score below this per word of the text: weak
constexpr std::size_t kQueryLongest = 600;  // bytes of a reference's text sent

// The reference's text as a query: its URLs left out, whitespace as single spaces, cut at a
// character's boundary.
std::string query_of(const Reference& ref, std::string_view text) {
  std::string kept;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t at = ref.span.begin + i;
    const auto in_url = std::find_if(ref.urls.begin(), ref.urls.end(), [&](const Url& u) {
      return u.span.begin <= at && at < u.span.end;
    });
    if (in_url != ref.urls.end())
      i = in_url->span.end - ref.span.begin - 1;
    else
      kept += text[i];
  }
  std::string out = squeezed(kept);
  if (out.size() > kQueryLongest) {
    std::size_t cut = kQueryLongest;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

std::size_t words_in(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (const char c : s) {
    const bool word = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (word && !in) ++n;
    in = word;
  }
  return n;
}

bool wants_search(const Reference& ref, std::string_view query, const std::vector<int>& years) {
  if (!ref.dois.empty() || years.empty() || words_in(query) < 6) return false;
  return std::none_of(ref.ids.begin(), ref.ids.end(),
                      [](const Identifier& id) { return id.scheme == IdScheme::isbn; });
}

// The one candidate past doubt: strong enough for the text's length and confirmed by it. Two
// different works that both pass (a preprint and its article) leave the article; two articles,
// nothing.
void choose(DoiSuggestion& s, const std::vector<Candidate>& candidates, std::string_view text,
            const std::vector<int>& years, std::size_t words) {
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (c.score < kScorePerWord * static_cast<double>(words) || !confirms(c.work, text, years))
      continue;
    if (!best) {
      best = &c;
    } else if (best->work.type == "posted-content" && c.work.type != "posted-content") {
      best = &c;
    } else if (c.work.type != "posted-content" && c.doi != best->doi) {
      return;  // two works fit: no suggestion
    }
  }
  if (!best) return;
  s.doi = best->doi;
  s.work = best->work;
  s.score = best->score;
}

}  // namespace

void suggest_dois(IdReport& report, const Corpus& corpus, const IdOptions& options,
                  net::LinkCache* cache, const CheckOptions& network) {
  const std::string crossref = endpoint(options, "crossref");
  if (!options.suggest_doi || crossref.empty()) return;
  // Searches cost Crossref more than lookups: one at a time, five a second.
  CheckOptions settings = network;
  const std::string host = net::host_of(crossref);
  if (!network.hosts.count(host))
    settings.hosts[host] = HostPolicy{1, std::chrono::milliseconds(200)};
  boost::asio::io_context io;
  net::Scheduler scheduler(io, settings);
  Asking asking(scheduler, cache, settings);
  const std::vector<std::string> headers = crossref_headers(options);
  for (std::size_t i = 0; i < corpus.references.size(); ++i) {
    const Reference& ref = corpus.references[i];
    const std::string_view text = corpus.documents[ref.input]->slice(ref.span);
    std::vector<int> years = years_of(ref, text);
    const std::string query = query_of(ref, text);
    if (!wants_search(ref, query, years)) continue;
    report.suggestions.push_back({i, "", {}, 0, ""});
    const std::size_t at = report.suggestions.size() - 1;
    auto judge = [&report, at, text, years = std::move(years), words = words_in(query)](
                     int status, std::string_view body) {
      const auto candidates = read_crossref_search(status, body);
      if (!candidates) return false;
      choose(report.suggestions[at], *candidates, text, years, words);
      return true;
    };
    if (const auto cached = asking.cached("crossref-search", query, network.cache_max_age);
        cached && judge(cached->http_status, cached->body))
      continue;
    std::string url = crossref + "/works?query.bibliographic=" + query_value(query) +
                      "&rows=" + std::to_string(kCandidates);
    if (!options.mailto.empty()) url += "&mailto=" + query_value(options.mailto);
    asking.ask(url, headers, [&report, &asking, at, query, judge](net::Response r) {
      if (judge(r.http_status, r.body))
        asking.store("crossref-search", query, r.http_status, r.body);
      else
        report.suggestions[at].error = failure(r, "Crossref's search");
    });
  }
  scheduler.run();
  report.requests += scheduler.requests();
}

}  // namespace citelint::ids
