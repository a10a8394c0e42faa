// resolve_identifiers: every DOI the corpus gives, once. Offline, the local Retraction Watch
// dataset's notices. Online, per DOI: the handle API (registered? a shortDOI's full DOI), the
// agency of its prefix (asked once per prefix), and that agency's record of the work (Crossref's,
// with its updated-by notices, or DataCite's), each through the checker's scheduler, politeness and
// cache (and the PMIDs, PMCIDs and arXiv ids in batches: batches.cpp). docs/identifiers.md.
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <memory>
#include <set>

#include "citelint/extract.hpp"
#include "citelint/ids.hpp"
#include "ids/asking.hpp"
#include "ids/records.hpp"
#include "model/utf8.hpp"
#include "net/cache.hpp"
#include "net/classify.hpp"
#include "net/fetch.hpp"
#include "net/scheduler.hpp"

namespace citelint {

using std::chrono::hours;
using std::chrono::seconds;

namespace ids {

std::string endpoint(const IdOptions& o, const std::string& service) {
  const auto it = o.apis.find(service);
  if (it == o.apis.end()) return {};
  std::string url = it->second;
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

std::string failure(const net::Response& r, std::string_view service) {
  if (r.http_status != 0)
    return std::string(service) + " answered HTTP " + std::to_string(r.http_status);
  return "could not ask " + std::string(service) + ": " +
         (r.curl_error.empty() ? curl_easy_strerror(r.code) : r.curl_error);
}

std::vector<std::string> crossref_headers(const IdOptions& options) {
  if (options.mailto.empty()) return {};
  return {"User-Agent: " + default_user_agent() + " mailto:" + options.mailto};
}

std::string query_value(std::string_view value) {
  return boost::urls::encode(value, boost::urls::unreserved_chars);
}

void Asking::ask(const std::string& url, std::vector<std::string> headers,
                 net::Scheduler::Reply reply, bool first) {
  scheduler_.ask(
      url, std::move(headers),
      [this, reply = std::move(reply)](net::Response r) {
        ++asked_;
        // Asking failed before any answer came: no connection, no address.
        if (r.http_status == 0 &&
            (r.code == CURLE_COULDNT_CONNECT || r.code == CURLE_COULDNT_RESOLVE_HOST ||
             r.code == CURLE_COULDNT_RESOLVE_PROXY || r.refused))
          ++unreachable_;
        reply(std::move(r));
      },
      first);
}

std::optional<net::CachedAnswer> Asking::cached(std::string_view service, std::string_view key,
                                                seconds max_age) {
  if (!cache_) return std::nullopt;
  return cache_->find_answer(service, key, max_age);
}

void Asking::store(std::string_view service, std::string_view key, int http_status,
                   std::string_view body) {
  if (cache_) cache_->store_answer(service, key, {http_status, std::string(body), 0});
}

}  // namespace ids

namespace {

using ids::endpoint;
using ids::failure;

// How long an answer is reused: whether a DOI exists and a prefix's agency change rarely; a
// Crossref record carries the notices, so it is asked again as often as a link is checked.
constexpr seconds kHandleMaxAge = hours(24 * 30);
constexpr seconds kAgencyMaxAge = hours(24 * 90);
constexpr seconds kDataCiteMaxAge = hours(24 * 30);

// A DOI as a URL's path: what a path segment may not hold literally, percent-encoded, its '/'
// kept.
std::string doi_path(std::string_view doi) {
  static constexpr auto kPath = boost::urls::pchars + '/';
  return boost::urls::encode(doi, kPath);
}

std::string prefix_of(std::string_view doi) { return std::string(doi.substr(0, doi.find('/'))); }

class Resolver {
 public:
  Resolver(ids::Asking& asking, const IdOptions& options)
      : asking_(asking),
        options_(options),
        doi_api_(endpoint(options, "doi")),
        handle_api_(endpoint(options, "handle")),
        crossref_(endpoint(options, "crossref")),
        datacite_(endpoint(options, "datacite")),
        crossref_headers_(ids::crossref_headers(options)) {}

  // A DOI (then its agency and record), or a handle (`doi` false: the Handle System's answer
  // alone, from the handle proxy, else the DOI system's, which resolves every handle).
  void start(DoiResolution& r, bool doi = true) {
    const std::string key = r.doi;
    if (auto cached = cached_answer("handle", key)) {
      const ids::HandleAnswer a = ids::read_handle(cached->http_status, cached->body);
      const bool fresh =
          a.state == DoiState::registered || seconds(cached->age) < asking_.network().cache_max_age;
      if (fresh) {
        r.from_cache = true;
        return on_handle(r, a, doi);
      }
    }
    const std::string& api = doi || handle_api_.empty() ? doi_api_ : handle_api_;
    asking_.ask(api + "/api/handles/" + doi_path(key), {},
                [this, &r, key, doi](net::Response resp) {
                  ids::HandleAnswer a = ids::read_handle(resp.http_status, resp.body);
                  if (a.state == DoiState::inconclusive && resp.http_status != 200 &&
                      resp.http_status != 404)
                    a.error = failure(resp, doi ? "the DOI system" : "the Handle System");
                  if (a.state != DoiState::inconclusive) store("handle", key, resp);
                  on_handle(r, a, doi);
                });
  }

 private:
  void on_handle(DoiResolution& r, const ids::HandleAnswer& a, bool is_doi) {
    r.state = a.state;
    r.alias = a.alias;
    if (a.state == DoiState::inconclusive) r.error = a.error;
    if (a.state != DoiState::registered || !is_doi) return;
    const std::string doi = registered_doi(r);
    if (doi.compare(0, 3, "10/") == 0) return;  // a shortDOI whose alias was not given
    agency(r, prefix_of(doi));
  }

  static const std::string& registered_doi(const DoiResolution& r) {
    return r.alias.empty() ? r.doi : r.alias;
  }

  // The prefix's agency: known, being asked (the DOI waits for it), or asked now.
  void agency(DoiResolution& r, const std::string& prefix) {
    if (const auto known = agencies_.find(prefix); known != agencies_.end()) {
      r.agency = known->second;
      return work(r);
    }
    auto [waiting, first] = waiting_.try_emplace(prefix);
    waiting->second.push_back(&r);
    if (!first) return;
    if (auto cached = cached_answer("ra", prefix); cached && seconds(cached->age) < kAgencyMaxAge)
      return on_agency(prefix, ids::read_agency(cached->http_status, cached->body));
    // First in the DOI system's line: every DOI of the prefix waits on it.
    asking_.ask(
        doi_api_ + "/ra/" + doi_path(prefix), {},
        [this, prefix](net::Response resp) {
          std::string found = ids::read_agency(resp.http_status, resp.body);
          if (!found.empty()) store("ra", prefix, resp);
          on_agency(prefix, std::move(found));
        },
        true);
  }

  void on_agency(const std::string& prefix, std::string agency) {
    if (!agency.empty()) agencies_[prefix] = agency;
    std::vector<DoiResolution*> waiting = std::move(waiting_[prefix]);
    waiting_.erase(prefix);
    for (DoiResolution* r : waiting) {
      r->agency = agency;
      if (agency.empty()) r->error = "the DOI system did not name its registration agency";
      work(*r);
    }
  }

  // The agency's record of the work, when citelint is given that agency's endpoint.
  void work(DoiResolution& r) {
    const std::string doi = registered_doi(r);
    const bool crossref = r.agency == "crossref" && !crossref_.empty();
    const bool datacite = r.agency == "datacite" && !datacite_.empty();
    if (!crossref && !datacite) return;
    const std::string service = crossref ? "crossref" : "datacite";
    auto read = crossref ? ids::read_crossref_work : ids::read_datacite_doi;
    const seconds max_age = crossref ? asking_.network().cache_max_age : kDataCiteMaxAge;
    if (auto cached = cached_answer(service, doi); cached && seconds(cached->age) < max_age)
      return on_work(r, read(cached->http_status, cached->body));
    std::string url =
        crossref ? crossref_ + "/works/" + doi_path(doi) : datacite_ + "/dois/" + doi_path(doi);
    if (crossref && !options_.mailto.empty()) url += "?mailto=" + options_.mailto;
    asking_.ask(url, crossref ? crossref_headers_ : std::vector<std::string>{},
                [this, &r, service, doi, read](net::Response resp) {
                  ids::WorkAnswer a = read(resp.http_status, resp.body);
                  if (a.conclusive) {
                    store(service, doi, resp);
                  } else if (resp.http_status == 0 || resp.http_status >= 429) {
                    a.error = failure(resp, service == "crossref" ? "Crossref" : "DataCite");
                  }
                  on_work(r, std::move(a));
                });
  }

  static void on_work(DoiResolution& r, ids::WorkAnswer a) {
    r.work = std::move(a.work);
    r.notices.insert(r.notices.begin(), a.notices.begin(), a.notices.end());
    if (!r.work) r.error = std::move(a.error);
  }

  std::optional<net::CachedAnswer> cached_answer(std::string_view service, std::string_view key) {
    const seconds longest =
        std::max({kHandleMaxAge, kAgencyMaxAge, kDataCiteMaxAge, asking_.network().cache_max_age});
    return asking_.cached(service, key, longest);
  }

  void store(std::string_view service, std::string_view key, const net::Response& resp) {
    asking_.store(service, key, resp.http_status, resp.body);
  }

  ids::Asking& asking_;
  const IdOptions& options_;
  const std::string doi_api_, handle_api_, crossref_, datacite_;
  const std::vector<std::string> crossref_headers_;
  std::map<std::string, std::string> agencies_;                 // by prefix
  std::map<std::string, std::vector<DoiResolution*>> waiting_;  // for their prefix's agency
};

// Each service's politeness, unless the run sets the host's own: Crossref asks API clients for
// at most a few requests at once, about ten a second (its polite pool); NCBI for three a second;
// arXiv for one request every three seconds. Each a twentieth under, for the network's jitter.
CheckOptions polite(const CheckOptions& network, const IdOptions& options) {
  CheckOptions polite = network;
  using net::spacing_under;
  using std::chrono::milliseconds;
  const std::pair<const char*, HostPolicy> services[] = {
      {"crossref", HostPolicy{3, spacing_under(10, milliseconds(1000))}},
      {"ncbi", HostPolicy{1, spacing_under(3, milliseconds(1000))}},
      {"arxiv", HostPolicy{1, spacing_under(1, milliseconds(3000))}},
  };
  for (const auto& [service, policy] : services) {
    const std::string url = endpoint(options, service);
    if (url.empty()) continue;
    const std::string host = net::host_of(url);
    if (!polite.hosts.count(host)) polite.hosts[host] = policy;
  }
  return polite;
}

void resolve_online(IdReport& report, const Corpus& corpus, const IdOptions& options,
                    const CheckOptions& network) {
  const std::unique_ptr<net::LinkCache> cache = net::open_cache(network, report.warnings);
  const CheckOptions settings = polite(network, options);
  boost::asio::io_context io;
  net::Scheduler scheduler(io, settings);
  ids::Asking asking(scheduler, cache.get(), settings);
  Resolver resolver(asking, options);
  if (cache) cache->begin();
  if (!endpoint(options, "doi").empty())
    for (DoiResolution& r : report.dois) resolver.start(r);
  for (DoiResolution& h : report.handles) resolver.start(h, false);
  const std::shared_ptr<void> batches = ids::ask_batches(report, options, asking);
  scheduler.run();
  report.requests = scheduler.requests();
  report.network_down = asking.network_down();
  if (!report.network_down) ids::suggest_dois(report, corpus, options, cache.get(), network);
  if (cache) cache->commit();
}

// The PMIDs, PMCIDs and arXiv ids the corpus gives, valid offline, when their service is given.
void collect_others(IdReport& report, const Corpus& corpus, const IdOptions& options) {
  const bool ncbi = !endpoint(options, "ncbi").empty();
  const bool arxiv = !endpoint(options, "arxiv").empty();
  std::set<std::pair<IdScheme, std::string>> seen;
  for (const Reference& ref : corpus.references)
    for (const Identifier& id : ref.ids) {
      const bool asked =
          id.scheme == IdScheme::arxiv
              ? arxiv
              : (id.scheme == IdScheme::pmid || id.scheme == IdScheme::pmcid) && ncbi;
      if (asked && !check_identifier(id)) seen.emplace(id.scheme, resolution_value(id));
    }
  for (const auto& [scheme, value] : seen) {
    IdResolution r;
    r.scheme = scheme;
    r.value = value;
    report.others.push_back(std::move(r));
  }
}

}  // namespace

std::string_view to_string(DoiState state) {
  switch (state) {
    case DoiState::registered:
      return "registered";
    case DoiState::unregistered:
      return "unregistered";
    case DoiState::inconclusive:
      return "inconclusive";
    default:
      return "unknown";
  }
}

std::vector<std::string_view> id_services() {
  return {"doi", "handle", "crossref", "datacite", "ncbi", "arxiv"};
}

namespace {

// A DOI's or handle's resolution in a list sorted by it.
const DoiResolution* find_in(const std::vector<DoiResolution>& sorted, std::string_view key) {
  const auto it =
      std::lower_bound(sorted.begin(), sorted.end(), key,
                       [](const DoiResolution& r, std::string_view k) { return r.doi < k; });
  return it != sorted.end() && it->doi == key ? &*it : nullptr;
}

}  // namespace

const DoiResolution* IdReport::find(std::string_view doi) const { return find_in(dois, doi); }

const DoiResolution* IdReport::find_handle(std::string_view handle) const {
  return find_in(handles, handle);
}

const IdResolution* IdReport::find(IdScheme scheme, std::string_view value) const {
  const auto it =
      std::lower_bound(others.begin(), others.end(), std::pair(scheme, value),
                       [](const IdResolution& r, std::pair<IdScheme, std::string_view> k) {
                         return std::pair<IdScheme, std::string_view>(r.scheme, r.value) < k;
                       });
  return it != others.end() && it->scheme == scheme && it->value == value ? &*it : nullptr;
}

IdReport resolve_identifiers(const Corpus& corpus, const IdOptions& options,
                             const CheckOptions* network) {
  IdReport report;
  std::set<std::string> dois;
  for (const Reference& ref : corpus.references) {
    for (const Doi& d : ref.dois)
      if (is_valid_doi(d.value)) dois.insert(utf8::ascii_lower(d.value));
    if (options.retractions)
      for (const Identifier& id : ref.ids)
        if (id.scheme == IdScheme::pmid)
          if (const auto it = options.retractions->by_pmid.find(id.value);
              it != options.retractions->by_pmid.end())
            report.pmids[id.value] = it->second;
  }
  for (const std::string& doi : dois) {
    DoiResolution r;
    r.doi = doi;
    if (options.retractions)
      if (const auto it = options.retractions->by_doi.find(doi);
          it != options.retractions->by_doi.end())
        r.notices = it->second;
    report.dois.push_back(std::move(r));
  }
  if (!network) return report;
  collect_others(report, corpus, options);
  if (!endpoint(options, "handle").empty() || !endpoint(options, "doi").empty()) {
    std::set<std::string> handles;
    for (const Reference& ref : corpus.references)
      for (const Url& u : ref.urls)
        if (std::string h = handle_of_link(u.normalised); u.valid && !h.empty())
          handles.insert(std::move(h));
    for (const std::string& h : handles) {
      DoiResolution r;
      r.doi = h;
      report.handles.push_back(std::move(r));
    }
  }
  if ((!endpoint(options, "doi").empty() && !report.dois.empty()) || !report.others.empty() ||
      !report.handles.empty() || options.suggest_doi)
    resolve_online(report, corpus, options, *network);
  return report;
}

}  // namespace citelint
