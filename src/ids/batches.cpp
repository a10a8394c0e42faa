// The identifiers asked in batches: PMIDs and PMCIDs of the NCBI ID converter (up to 200 ids of
// one scheme a request), arXiv ids of arXiv's API (up to 100 a request). Each answer is cached
// per id, so a later run asks only what it has not seen. docs/identifiers.md.
#include <algorithm>
#include <map>
#include <memory>

#include "ids/asking.hpp"
#include "ids/records.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace ids {

namespace {

using std::chrono::hours;
using std::chrono::seconds;

constexpr std::size_t kConverterBatch = 200;  // the converter's own limit
constexpr std::size_t kArxivBatch = 100;
// The links between a PMID, a PMCID and a DOI do not change; whether a paper was withdrawn
// does, and is asked as often as a link is checked.
constexpr seconds kConverterMaxAge = hours(24 * 30);

std::string cache_key(const IdResolution& r) {
  return std::string(to_string(r.scheme)) + " " + r.value;
}

std::string joined(const std::vector<IdResolution*>& batch) {
  std::string ids;
  for (const IdResolution* r : batch) {
    if (!ids.empty()) ids += ',';
    ids += query_value(r->value);
  }
  return ids;
}

bool same_id(std::string_view a, std::string_view b) {
  return utf8::ascii_lower(a) == utf8::ascii_lower(b);
}

class Batches {
 public:
  Batches(IdReport& report, const IdOptions& options, Asking& asking)
      : report_(report), options_(options), asking_(asking) {}

  void start() {
    std::map<IdScheme, std::vector<IdResolution*>> waiting;
    for (IdResolution& r : report_.others)
      if (!from_cache(r)) waiting[r.scheme].push_back(&r);
    for (auto& [scheme, rs] : waiting) {
      const std::size_t size = scheme == IdScheme::arxiv ? kArxivBatch : kConverterBatch;
      for (std::size_t i = 0; i < rs.size(); i += size) {
        std::vector<IdResolution*> batch(
            rs.begin() + static_cast<long>(i),
            rs.begin() + static_cast<long>(std::min(rs.size(), i + size)));
        if (scheme == IdScheme::arxiv)
          ask_arxiv(std::move(batch), true);
        else
          ask_converter(scheme, std::move(batch));
      }
    }
  }

 private:
  bool from_cache(IdResolution& r) {
    const bool arxiv = r.scheme == IdScheme::arxiv;
    const seconds max_age = arxiv ? asking_.network().cache_max_age : kConverterMaxAge;
    const auto cached = asking_.cached(arxiv ? "arxiv" : "ncbi", cache_key(r), max_age);
    if (!cached) return false;
    r.from_cache = true;
    if (arxiv) {
      const auto feed = read_arxiv_feed(200, cached->body);
      if (cached->http_status == 404 || !feed || feed->entries.empty())
        on_arxiv_missing(r, "arXiv has no such paper");
      else
        on_arxiv_entry(r, feed->entries.front());
    } else if (const auto records = read_converter(200, cached->body, r.scheme);
               records && !records->empty()) {
      on_record(r, records->front());
    } else {
      r.from_cache = false;
    }
    return r.from_cache;
  }

  // The converter: ?ids=...&idtype=...&format=json, with the tool's name and the contact.
  void ask_converter(IdScheme scheme, std::vector<IdResolution*> batch) {
    std::string url = endpoint(options_, "ncbi") + "/?ids=" + joined(batch) +
                      "&idtype=" + std::string(to_string(scheme)) +
                      "&format=json&versions=no&tool=citelint";
    if (!options_.mailto.empty()) url += "&email=" + query_value(options_.mailto);
    asking_.ask(url, {}, [this, scheme, batch](net::Response resp) {
      const auto records = read_converter(resp.http_status, resp.body, scheme);
      for (IdResolution* r : batch) {
        if (!records) {
          fail(*r, failure(resp, "the NCBI ID converter"));
          continue;
        }
        const auto it =
            std::find_if(records->begin(), records->end(),
                         [&](const ConverterRecord& c) { return same_id(c.requested, r->value); });
        if (it == records->end()) {
          fail(*r, "the NCBI ID converter's answer has no record of it");
          continue;
        }
        on_record(*r, *it);
        asking_.store("ncbi", cache_key(*r), 200, converter_body(*it));
      }
    });
  }

  static void on_record(IdResolution& r, const ConverterRecord& c) {
    if (c.found) {
      r.state = DoiState::registered;
      r.pmid = c.pmid;
      r.pmcid = c.pmcid;
      r.doi = c.doi;
      return;
    }
    // The converter knows PubMed Central's articles: a PMCID it does not have does not exist; a
    // PMID it does not have may well be in PubMed.
    r.state = r.scheme == IdScheme::pmcid ? DoiState::unregistered : DoiState::unknown;
    r.error = c.errmsg.empty() ? "not in PubMed Central" : c.errmsg;
  }

  // arXiv: ?id_list=...&max_results=N. When arXiv rejects one id, the feed is its error alone:
  // that id is marked, and the rest asked again (once).
  void ask_arxiv(std::vector<IdResolution*> batch, bool again) {
    const std::string url = endpoint(options_, "arxiv") + "/query?id_list=" + joined(batch) +
                            "&max_results=" + std::to_string(batch.size());
    asking_.ask(url, {}, [this, batch, again](net::Response resp) {
      const auto feed = read_arxiv_feed(resp.http_status, resp.body);
      if (!feed) {
        for (IdResolution* r : batch) fail(*r, failure(resp, "arXiv"));
        return;
      }
      if (!feed->error.empty()) return on_arxiv_error(batch, feed->error, again);
      for (IdResolution* r : batch) {
        const auto it = std::find_if(feed->entries.begin(), feed->entries.end(),
                                     [&](const ArxivEntry& e) { return same_id(e.id, r->value); });
        if (it == feed->entries.end()) {
          on_arxiv_missing(*r, "arXiv has no such paper");
          asking_.store("arxiv", cache_key(*r), 404, "");
        } else {
          on_arxiv_entry(*r, *it);
          asking_.store("arxiv", cache_key(*r), 200, arxiv_body(*it));
        }
      }
    });
  }

  void on_arxiv_error(const std::vector<IdResolution*>& batch, const std::string& error,
                      bool again) {
    std::vector<IdResolution*> rest;
    for (IdResolution* r : batch) {
      const std::size_t at = error.rfind(r->value);
      if (at != std::string::npos && at + r->value.size() == error.size())
        on_arxiv_missing(*r, "arXiv rejects it: " + error);
      else
        rest.push_back(r);
    }
    if (rest.size() == batch.size() || !again) {
      for (IdResolution* r : rest) fail(*r, "arXiv answered with an error: " + error);
      return;
    }
    if (!rest.empty()) ask_arxiv(std::move(rest), false);
  }

  static void on_arxiv_missing(IdResolution& r, std::string why) {
    r.state = DoiState::unregistered;
    r.error = std::move(why);
  }

  static void on_arxiv_entry(IdResolution& r, const ArxivEntry& e) {
    r.state = DoiState::registered;
    r.work = e.work;
    r.latest_version = e.version;
    if (arxiv_withdrawn(e))
      r.notices.push_back(
          Notice{"withdrawal", "", "", "arXiv: " + (e.comment.empty() ? e.summary : e.comment)});
  }

  static void fail(IdResolution& r, std::string why) {
    r.state = DoiState::inconclusive;
    r.error = std::move(why);
  }

  IdReport& report_;
  const IdOptions& options_;
  Asking& asking_;
};

}  // namespace

std::shared_ptr<void> ask_batches(IdReport& report, const IdOptions& options, Asking& asking) {
  auto batches = std::make_shared<Batches>(report, options, asking);
  batches->start();
  return batches;
}

}  // namespace ids

std::string resolution_value(const Identifier& id) {
  std::string v = id.value;
  if (id.scheme != IdScheme::arxiv) return v;
  if (v.size() > 6 && utf8::ascii_lower(v.substr(0, 6)) == "arxiv:") v.erase(0, 6);
  const std::size_t slash = v.find('/');
  if (slash != std::string::npos) {
    const std::size_t dot = v.find('.');
    if (dot < slash) v.erase(dot, slash - dot);  // math.GT/0309136
  }
  return ids::split_version(v).first;
}

int cited_version(const Identifier& id) {
  return id.scheme == IdScheme::arxiv ? ids::split_version(id.value).second : 0;
}

}  // namespace citelint
