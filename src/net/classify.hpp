// From what a server answered to a link status, and what to do next: follow a redirect, try
// again, or stop with a verdict.
#pragma once

#include <chrono>
#include <map>
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
  // What an answered page names itself (page.hpp's page_title), read once by after_redirects.
  std::string title;
};

// What the response to one request means. `accept` lists statuses that count as ok.
Verdict classify(const Response& response, const std::vector<int>& accept);

// The verdict on a URL whose last request answered `verdict`, after the redirects it took
// from `original` to `final_url`: a parked domain's page is parked (parked.hpp); an ok page
// reached by a permanent redirect is a redirect;
// one that lands on a sign-in page is blocked; one sent to the front or an error page (by a
// redirect or a <meta> refresh) is a soft 404.
Verdict after_redirects(Verdict verdict, const Response& response, std::string_view original,
                        std::string_view final_url, const std::vector<Redirect>& chain);

// A URL's path, without its query and fragment; "/" when it has none.
std::string_view url_path(std::string_view url);
// A link `target` on `page` as an absolute URL; empty when either cannot be read.
std::string resolved_against(std::string_view page, std::string_view target);
// Whether a path is a site's front page: "/", "/index.html" and the like.
bool is_front_path(std::string_view path);

// Retry-After: delta-seconds or an HTTP date; nothing when absent or unreadable. Saturated at
// kRetryAfterLongest (a year), so that no value overflows a duration in milliseconds.
constexpr std::chrono::seconds kRetryAfterLongest{365L * 24 * 3600};
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value);

// The spacing between requests that a rate limit the server announces calls for: its
// x-rate-limit-limit requests per x-rate-limit-interval ("1s", "500ms", "1m"; bare seconds), as
// Crossref's API sends them, with a twentieth to spare. Nothing when the headers are absent or
// unreadable.
std::optional<std::chrono::milliseconds> rate_limit_spacing(
    const std::map<std::string, std::string>& headers);
// The spacing between request starts that keeps `requests` per `interval` with a twentieth to
// spare (rounded up): 10 a second, 105 ms.
std::chrono::milliseconds spacing_under(long long requests, std::chrono::milliseconds interval);

}  // namespace citelint::net
