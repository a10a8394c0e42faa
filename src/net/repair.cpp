// Verified repairs: candidate fixes for URLs that do not resolve as cited, asked for under the
// checker's politeness and cache, and the first that resolves reported as the fix.
#include <algorithm>
#include <map>
#include <set>

#include "citelint/check.hpp"
#include "citelint/extract.hpp"
#include "citelint/kinds.hpp"
#include "net/scheduler.hpp"

namespace citelint {

namespace {

bool resolves(const LinkResult* r) {
  return r && (r->status == LinkStatus::ok || r->status == LinkStatus::redirect);
}

bool wants_repair(const Url& u, const CheckReport& links) {
  if (!u.valid) return true;
  const LinkResult* r = links.results.find(u.normalised);
  return r && (r->status == LinkStatus::broken || r->status == LinkStatus::soft_404 ||
               r->status == LinkStatus::dns_error || r->status == LinkStatus::failing ||
               r->status == LinkStatus::parked);
}

// The key a URL's repair is found by: its normalised form, or as written when it is malformed
// (two malformed citations normalise alike only when they are the same text).
std::string_view repair_key(const Url& u) { return u.valid ? u.normalised : u.as_written; }

}  // namespace

const LinkRepair* RepairReport::find(std::string_view url) const {
  const auto it =
      std::lower_bound(repairs.begin(), repairs.end(), url,
                       [](const LinkRepair& r, std::string_view u) { return r.url < u; });
  return it != repairs.end() && it->url == url ? &*it : nullptr;
}

RepairReport verify_repairs(const Corpus& corpus, const CheckReport& links,
                            const CheckOptions& options) {
  RepairReport report;
  if (links.network_down) return report;
  // The words of every URL's path, by host, counted once per URL: the vocabulary that tells
  // where a lost hyphen was.
  std::map<std::string, std::map<std::string, int>> host_words;
  std::set<std::string_view> seen;
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls)
      if (u.valid && seen.insert(u.normalised).second) {
        const std::vector<std::string> words = path_words(u.normalised);
        auto& counts = host_words[net::host_of(u.normalised)];
        for (const std::string& w : std::set<std::string>(words.begin(), words.end())) ++counts[w];
      }

  std::map<std::string_view, std::vector<RepairCandidate>> wanted;
  for (const Reference& ref : corpus.references) {
    for (const Url& u : ref.urls) {
      if (!wants_repair(u, links) || wanted.count(repair_key(u))) continue;
      // Words other URLs on the host have: this URL's own words do not count.
      std::vector<std::string> others;
      if (u.valid) {
        const auto& counts = host_words[net::host_of(u.normalised)];
        const std::vector<std::string> own_list = path_words(u.normalised);
        const std::set<std::string> own(own_list.begin(), own_list.end());
        for (const auto& [w, n] : counts)
          if (n > static_cast<int>(own.count(w))) others.push_back(w);
      }
      // Where a PDF's layout wrapped it: a break the text does not show.
      const Document& doc = *corpus.documents[u.span.input];
      std::vector<std::size_t> breaks;
      for (int l = u.span.line + 1; l <= u.span.end_line; ++l)
        if (doc.wrapped_before(l)) breaks.push_back(doc.line_begin(l) - u.span.begin);
      wanted[repair_key(u)] = repair_candidates(u, others, breaks);
    }
  }
  std::vector<std::string> asked;
  for (const auto& [url, candidates] : wanted)
    for (const RepairCandidate& c : candidates) asked.push_back(c.url);
  if (asked.empty()) return report;
  report.candidates = asked.size();
  CheckReport checked = check_links(std::move(asked), options);
  report.requests = checked.requests;
  for (const auto& [url, candidates] : wanted) {
    for (const RepairCandidate& c : candidates) {
      if (!resolves(checked.results.find(c.url))) continue;
      report.repairs.push_back({std::string(url), c.url, c.why});
      break;
    }
  }
  return report;  // `wanted` was walked in URL order: sorted
}

std::vector<Finding> repair_findings(const Corpus& corpus, const RepairReport& repairs) {
  std::vector<Finding> findings;
  if (repairs.repairs.empty()) return findings;
  for (const Reference& ref : corpus.references) {
    for (const Url& u : ref.urls) {
      const LinkRepair* r = repairs.find(repair_key(u));
      if (!r) continue;
      Finding f = url_finding(
          ref, u, Kind::link_repair,
          "the URL does not resolve as cited; with " + r->why + " it does: " + r->fixed);
      f.fix = Fix{r->fixed, true};
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

void verify_fixes(const Corpus& corpus, const CheckReport& links, std::vector<Finding>& findings) {
  for (Finding& f : findings) {
    if (!f.fix || f.fix->verified || f.category.rfind("url-", 0) != 0) continue;
    const Reference* ref = reference_holding(corpus, f.span);
    if (!ref) continue;
    for (const Url& u : ref->urls) {
      if (f.span.begin < u.span.begin || f.span.end > u.span.end) continue;
      // A replacement is the whole URL (UrlWhitespace's "{url}"), or the part the span covers.
      bool valid = false;
      std::string url = normalise_url(f.fix->replacement, &valid);
      if (!valid) {
        std::string fixed(u.as_written);
        fixed.replace(f.span.begin - u.span.begin, f.span.end - f.span.begin, f.fix->replacement);
        url = normalise_url(fixed, &valid);
      }
      f.fix->verified = valid && resolves(links.results.find(url));
      break;
    }
  }
}

}  // namespace citelint
