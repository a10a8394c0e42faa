// From what a server answered to a link status, and what to do next: follow a redirect, try
// again, or stop with a verdict.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/check.hpp"
#include "net/fetch.hpp"

namespace citelint::net {

enum class Next {
  done,        // the verdict stands
  redirect,    // follow response.location
  retry,       // the same request again, after a backoff
  as_browser,  // once more, asking as a browser (a 403)
  as_head,     // once more with HEAD (a 405 or 501 on GET)
};

struct Verdict {
  Next next = Next::done;
  LinkStatus status = LinkStatus::ok;
  std::string error;  // the cause in words, for anything but ok
  // A server's Retry-After, in whatever form it came (delta-seconds or an HTTP date).
  std::optional<std::chrono::seconds> retry_after;
};

// What the response to one request means. `accept` lists statuses that count as ok.
Verdict classify(const Response& response, const std::vector<int>& accept);

// Whether a 2xx page says it is missing (its title or body, in English or Chinese), or a
// deep link landed on the site's root or an error page after redirects.
bool looks_missing(const Response& response);
bool redirected_to_error_page(std::string_view original, std::string_view final_url);
// Where a page's <meta http-equiv="refresh"> sends the browser, resolved against the page's
// URL; empty when it has none.
std::string meta_refresh_target(const Response& response, std::string_view page_url);
// Whether redirects ended on a sign-in page: the page may well exist, behind a login.
bool redirected_to_login(std::string_view final_url);

// Retry-After: delta-seconds or an HTTP date; nothing when absent or unreadable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

}  // namespace citelint::net
