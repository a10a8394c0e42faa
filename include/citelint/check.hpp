// Checking links over the network: each unique normalised URL once, politely, with a verdict
// that calls a link broken only when it is.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

// The link statuses of the report contract. blocked, timeout, dns-error, connection-error,
// tls-error and server-error are inconclusive: they never count as broken.
enum class LinkStatus {
  ok,
  redirect,  // reached through a permanent redirect: cite the final URL instead
  broken,
  soft_404,
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

struct LinkResult {
  LinkStatus status = LinkStatus::unchecked;
  int http_status = 0;  // of the last response; 0 when there was none
  std::string final_url;
  std::vector<Redirect> redirects;  // every hop, in order
  int attempts = 0;
  long elapsed_ms = 0;
  bool from_cache = false;
  std::string error;  // what went wrong, in words: status, curl's error, backoff applied
};

// 200..299: the HTTP statuses that count as ok unless --accept says otherwise.
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
  bool progress = false;  // draw a progress bar on standard error
};

std::string default_user_agent();
constexpr std::string_view kDefaultCacheFile = ".citelint-cache.sqlite";

// What a run of the checker found, per normalised URL.
struct CheckReport {
  std::map<std::string, LinkResult> results;
  bool network_down = false;          // every lookup or connection failed alike: nothing is known
  std::size_t requests = 0;           // sent, retries included; 0 when the cache answered all
  std::vector<std::string> warnings;  // e.g. the cache could not be opened
};

// Checks every URL once (the list may repeat them).
CheckReport check_links(const std::vector<std::string>& urls, const CheckOptions& options);

// The unique normalised URLs a corpus cites, valid ones only, in order of first citation.
std::vector<std::string> urls_to_check(const Corpus& corpus);

// Findings for links that are not ok, one at each citation of the URL: link-broken,
// link-redirect (with the final URL as the fix), link-blocked, and so on.
std::vector<Finding> link_findings(const Corpus& corpus, const CheckReport& report);

}  // namespace citelint
