// Checking links over the network: each unique normalised URL once, politely, with a verdict
// that calls a link broken only when it is.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

// The link statuses of the report contract. blocked, timeout, dns-error, connection-error,
// tls-error and server-error are inconclusive: they never count as broken.
enum class LinkStatus : std::uint8_t {
  ok,
  redirect,  // reached through a permanent redirect: cite the final URL instead
  broken,
  soft_404,
  parked,   // a parking or domain-for-sale page, or another domain's front page: the work is gone
  drifted,  // the page answers, but shows none of what the reference cites (src/history/)
  failing,  // broken or a soft 404, not yet as often or as long as links.confirm asks
  blocked,
  timeout,
  dns_error,
  connection_error,
  tls_error,
  server_error,
  excluded,
  skipped,
  invalid,
  unchecked,
};
std::string_view to_string(LinkStatus s);
std::optional<LinkStatus> parse_link_status(std::string_view s);
// Whether a status says something about the link itself (and may be cached) rather than
// about this attempt to reach it.
bool is_conclusive(LinkStatus s);

struct Redirect {
  std::string url;  // where this hop went
  int http_status = 0;
};

// What the cache's checks over runs say of a URL (src/history/): the streak of failed checks it
// is on, this run's included. Times are seconds since the epoch; 0 is none on record.
struct LinkHistory {
  long long failing_since = 0;  // the first failed check of the streak
  int failed_checks = 0;        // checks in the streak
  long long last_ok = 0;        // the last check that found the page
  int checks = 0;               // checks on record
};

// 24 bytes: what most links have (an ok, no redirect, no error) is held inline, the rest once
// there is some (a run keeps a result for each of its URLs until the report).
class LinkResult {
 public:
  LinkStatus status = LinkStatus::unchecked;
  bool from_cache = false;
  int http_status = 0;  // of the last response; 0 when there was none
  int attempts = 0;
  int elapsed_ms = 0;

  LinkResult() = default;
  LinkResult(const LinkResult& other);
  LinkResult& operator=(const LinkResult& other);
  LinkResult(LinkResult&&) noexcept = default;
  LinkResult& operator=(LinkResult&&) noexcept = default;

  // What went wrong, in words: status, curl's error, backoff applied; empty when nothing did.
  const std::string& error() const { return more_ ? more_->error : none().error; }
  void set_error(std::string error);
  // Every redirect hop, in order.
  const std::vector<Redirect>& redirects() const {
    return more_ ? more_->redirects : none().redirects;
  }
  void set_redirects(std::vector<Redirect> redirects);
  // Where the redirects ended (the last hop); empty when there were none.
  const std::string& final_url() const;
  // What the page names itself (its <title>, og:title and first <h1>; a PDF's metadata title),
  // one per line; empty when it names nothing or was not read.
  const std::string& title() const { return more_ ? more_->title : none().title; }
  void set_title(std::string title);
  // The checks of earlier runs, when the run keeps a history.
  const std::optional<LinkHistory>& history() const {
    return more_ ? more_->history : none().history;
  }
  void set_history(LinkHistory history) { more().history = history; }

 private:
  struct More {
    std::string error;
    std::vector<Redirect> redirects;
    std::string title;
    std::optional<LinkHistory> history;
  };
  static const More& none();
  More& more();
  std::unique_ptr<More> more_;
};

// One result per unique URL, sorted by URL, each URL held once: a run over 100,000 URLs keeps
// them all until the report is written.
class LinkResults {
 public:
  using Entry = std::pair<std::string_view, LinkResult>;

  LinkResults() = default;
  // Every URL once (repeats dropped), each unchecked until a result is filled in. Views: the
  // strings must outlive the results (a corpus's URLs). Strings: the results keep them.
  explicit LinkResults(std::vector<std::string_view> urls);
  explicit LinkResults(std::vector<std::string> urls);
  LinkResults(LinkResults&&) = default;
  LinkResults& operator=(LinkResults&&) = default;
  LinkResults(const LinkResults&) = delete;  // the entries would view the other's strings
  LinkResults& operator=(const LinkResults&) = delete;

  const LinkResult* find(std::string_view url) const;
  LinkResult* find(std::string_view url);
  const LinkResult& at(std::string_view url) const;  // throws std::out_of_range
  std::size_t count(std::string_view url) const { return find(url) ? 1 : 0; }
  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  std::vector<Entry>::iterator begin() { return entries_.begin(); }
  std::vector<Entry>::iterator end() { return entries_.end(); }
  std::vector<Entry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<Entry>::const_iterator end() const { return entries_.end(); }

 private:
  std::vector<std::string> owned_;  // what the entries view, when given strings
  std::vector<Entry> entries_;
};

inline std::vector<int> default_accept() {
  std::vector<int> codes;
  for (int c = 200; c < 300; ++c) codes.push_back(c);
  return codes;
}

// Per-host politeness overrides (config file: network.hosts).
struct HostPolicy {
  std::optional<int> concurrency;
  std::optional<std::chrono::milliseconds> interval;
};

struct CheckOptions {
  int max_concurrency = 128;  // clamped to the open-file limit
  int host_concurrency = 4;
  std::chrono::milliseconds host_interval{0};  // between request starts on one host
  std::chrono::milliseconds timeout{20000};    // per attempt
  std::chrono::milliseconds connect_timeout{10000};
  int retries = 2;                                   // after the first attempt
  std::chrono::milliseconds retry_base{250};         // backoff: base * 2^attempt, jittered
  std::chrono::milliseconds retry_after_max{60000};  // longest Retry-After honoured
  int max_redirects = 10;
  std::size_t body_limit = 64 * 1024;          // bytes of (decompressed) body read per response
  std::string user_agent;                      // empty: citelint's own (default_user_agent())
  std::vector<std::string> headers;            // "Name: value"
  std::vector<std::string> resolve;            // HOST:PORT:ADDR, as curl's --resolve
  std::vector<std::string> exclude, include;   // RE2 patterns over the normalised URL
  std::vector<int> accept = default_accept();  // HTTP statuses that count as ok
  bool allow_private = false;                  // check loopback, private and link-local targets
  bool browser_retry = true;                   // retry a 403 once as a browser would ask
  std::string ca_file;                         // extra trusted certificates (PEM), for private CAs
  std::map<std::string, HostPolicy> hosts;     // per host name
  // Cache: SQLite file; empty with use_cache on means the default in the working directory.
  bool use_cache = true;
  std::string cache_file;
  std::chrono::seconds cache_max_age{24 * 3600};
  bool recheck_failures = false;  // ask again for what the cache has as failed (--confirm)
  bool progress = false;          // draw a progress bar on standard error
};

std::string default_user_agent();
constexpr std::string_view kDefaultCacheFile = ".citelint-cache.sqlite";

// What a run of the checker found, per normalised URL.
struct CheckReport {
  LinkResults results;
  bool network_down = false;          // every lookup or connection failed alike: nothing is known
  std::size_t requests = 0;           // sent, retries included; 0 when the cache answered all
  std::vector<std::string> warnings;  // e.g. the cache could not be opened
};

// Checks every URL once (the list may repeat them); the report keeps the strings.
CheckReport check_links(std::vector<std::string> urls, const CheckOptions& options);
// Checks every valid URL the corpus cites, once. The report's URLs view the corpus's: it must
// outlive the report. `known`: results known without asking (DOI links the DOI system answered
// for, doi_link_results()), taken as they are.
CheckReport check_cited_links(const Corpus& corpus, const CheckOptions& options,
                              const LinkResults* known = nullptr);

// Findings for links that are not ok, one at each citation of the URL: link-broken,
// link-redirect (with the final URL as the fix), link-blocked, and so on.
std::vector<Finding> link_findings(const Corpus& corpus, const CheckReport& report);

// Verified repairs: for each URL that is malformed, or broken as cited (broken, soft 404, a host
// name that does not resolve), the candidates of repair_candidates() are asked for, and the
// first that resolves is the repair.
struct LinkRepair {
  std::string url;    // the URL as normalised (or, when malformed, as written)
  std::string fixed;  // the repair that resolved
  std::string why;    // what was changed, in words
};
struct RepairReport {
  std::vector<LinkRepair> repairs;  // sorted by url
  std::size_t candidates = 0;       // candidate URLs asked for
  std::size_t requests = 0;
  const LinkRepair* find(std::string_view url) const;
};
RepairReport verify_repairs(const Corpus& corpus, const CheckReport& links,
                            const CheckOptions& options);
// A link/repair finding at each citation of a repaired URL, the repair as its verified fix.
std::vector<Finding> repair_findings(const Corpus& corpus, const RepairReport& repairs);
// Marks verified the fixes of URL findings (url-whitespace, url-syntax) whose fixed URL the
// checker found to resolve.
void verify_fixes(const Corpus& corpus, const CheckReport& links, std::vector<Finding>& findings);

}  // namespace citelint
