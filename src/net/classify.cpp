#include "net/classify.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <ctime>

#include "net/page.hpp"
#include "net/parked.hpp"

namespace citelint::net {

namespace {

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Answers that say a bot wall or challenge stands in front of the page, whatever the status:
// Cloudflare's cf-mitigated, DataDome, AWS WAF, Akamai and PerimeterX markers.
bool challenged(const Response& r) {
  auto has = [&](const char* name) { return r.headers.count(name) > 0; };
  const auto cf = r.headers.find("cf-mitigated");
  if (cf != r.headers.end() && cf->second.find("challenge") != std::string::npos) return true;
  if (has("x-datadome") || has("x-dd-b") || has("x-px-block")) return true;
  const auto waf = r.headers.find("x-amzn-waf-action");
  if (waf != r.headers.end()) return true;
  const auto server = r.headers.find("server");
  return server != r.headers.end() && server->second.find("DataDome") != std::string::npos &&
         r.http_status >= 400;
}

std::string http_error(int status, std::string_view what) {
  std::string text = "HTTP ";
  text += std::to_string(status);
  if (!what.empty()) {
    text += ' ';
    text.append(what);
  }
  return text;
}

}  // namespace

std::optional<std::chrono::milliseconds> rate_limit_spacing(
    const std::map<std::string, std::string>& headers) {
  const auto limit = headers.find("x-rate-limit-limit");
  const auto interval = headers.find("x-rate-limit-interval");
  if (limit == headers.end() || interval == headers.end()) return std::nullopt;
  auto number = [](std::string_view v, std::string_view& unit) -> std::optional<long long> {
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    long long n = 0;
    std::size_t i = 0;
    for (; i < v.size() && v[i] >= '0' && v[i] <= '9' && n < 1'000'000'000; ++i)
      n = n * 10 + (v[i] - '0');
    if (i == 0) return std::nullopt;
    unit = v.substr(i);
    while (!unit.empty() && unit.back() == ' ') unit.remove_suffix(1);
    return n;
  };
  std::string_view unit;
  const auto per = number(limit->second, unit);
  if (!per || *per <= 0 || (!unit.empty() && !std::isdigit(static_cast<unsigned char>(unit[0]))))
    return std::nullopt;
  const auto span = number(interval->second, unit);
  if (!span) return std::nullopt;
  long long ms = 0;
  if (unit.empty() || unit == "s")
    ms = *span * 1000;
  else if (unit == "ms")
    ms = *span;
  else if (unit == "m")
    ms = *span * 60'000;
  else
    return std::nullopt;
  return spacing_under(*per, std::chrono::milliseconds(ms));
}

std::chrono::milliseconds spacing_under(long long requests, std::chrono::milliseconds interval) {
  // A twentieth under the limit: requests reach the server with the network's jitter, and a
  // server that counts in a sliding window refuses the one that arrives early.
  return std::chrono::milliseconds((interval.count() * 21 + requests * 20 - 1) / (requests * 20));
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  // delta-seconds (RFC 9110, 10.2.3): digits only, saturated, never wrapped to a negative.
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    long long seconds = 0;
    for (char c : value) {
      seconds = seconds * 10 + (c - '0');
      if (seconds >= kRetryAfterLongest.count()) return kRetryAfterLongest;
    }
    return std::chrono::seconds(seconds);
  }
  const std::string date(value);
  const time_t when = curl_getdate(date.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  const double ahead = std::difftime(when, std::time(nullptr));
  if (ahead <= 0) return std::chrono::seconds(0);
  if (ahead >= static_cast<double>(kRetryAfterLongest.count())) return kRetryAfterLongest;
  return std::chrono::seconds(static_cast<long long>(ahead));
}

namespace {

// Whether a 2xx page says it is missing: its title, or its body in a set phrase (English and
// Chinese).
bool looks_missing(const Response& r) {
  const auto type = r.headers.find("content-type");
  if (type != r.headers.end() && type->second.find("html") == std::string::npos) return false;
  // The title says so; or the body does, in words no real page about something else uses.
  static const RE2 kTitle("(?is)<title[^>]*>([^<]{0,300})</title>");
  // Only wordings that name the page as missing: "404" alone is not enough ("Regulation 404"),
  // nor are "not found" or "does not exist" inside a title ("Lost and Not Found: essays").
  static const RE2 kMissingTitle(
      "(?i)^\\W*404\\b|\\b404\\W{0,3}(?:error|not found|page)|(?:error|page)\\W{0,3}404\\b|"
      "^\\W*(?:page|file|document|article|resource)?\\W{0,3}not\\W{0,3}found\\W*(?:$|[|\\-:])|"
      "\\bpage\\W{0,3}not\\W{0,3}found\\b|"
      "\\b(?:page|article|document) (?:does not|doesn't|no longer) exists?\\b|"
      "\\b(?:page|article|document) (?:is )?(?:missing|unavailable|no longer available)\\b|"
      "页面不存在|页面未找到|找不到(?:该)?(?:页面|网页)|网页不存在|页面已删除|404错误|"
      "无法找到(?:该)?(?:页面|网页)");
  static const RE2 kMissingBody(
      "(?i)the page you (?:requested|are looking for|were looking for) (?:could not be found|"
      "(?:does not|doesn't) exist|(?:is|was) not found|cannot be found)|"
      "(?:您|你)(?:所)?(?:访问|请求|查找)的页面(?:不存在|已删除|找不到|未找到)|"
      "抱歉，?(?:您|你)?(?:访问|请求)的页面不存在");
  std::string title;
  if (RE2::PartialMatch(r.body, kTitle, &title) && RE2::PartialMatch(title, kMissingTitle))
    return true;
  return RE2::PartialMatch(r.body, kMissingBody);
}

// Whether a deep link landed on the site's front page or an error page.
bool redirected_to_error_page(std::string_view original, std::string_view final_url) {
  const std::string_view from = url_path(original), to = url_path(final_url);
  if (is_front_path(from)) return false;
  if (is_front_path(to)) return true;
  static const RE2 kErrorPath(
      "(?i)/(?:404|not[-_]?found|page[-_]?not[-_]?found|error)(?:[./?#]|$)");
  return RE2::PartialMatch(std::string(to), kErrorPath);
}

// Where a page's <meta http-equiv="refresh"> sends the browser, resolved against the page's
// URL; empty when it has none.
std::string meta_refresh_target(const Response& r, std::string_view page_url) {
  static const RE2 kRefresh(
      "(?is)<meta[^>]+http-equiv\\s*=\\s*[\"']?refresh[^>]+content\\s*=\\s*[\"']?\\s*\\d*"
      "\\s*;?\\s*url\\s*=\\s*['\"]?([^\"'>\\s]+)");
  std::string target;
  if (!RE2::PartialMatch(r.body, kRefresh, &target)) return {};
  return resolved_against(page_url, target);
}

// Whether redirects ended on a sign-in page: the page may well exist, behind a login.
bool redirected_to_login(std::string_view final_url) {
  static const RE2 kLogin(
      "(?i)^https?://[^/]+/(?:[^?#]*/)?(?:log-?in|sign-?in|signon|sso|auth(?:enticate)?|"
      "account/login|users?/login|idp/profile)(?:[./?#]|$)");
  return RE2::PartialMatch(std::string(final_url), kLogin);
}

}  // namespace

std::string_view url_path(std::string_view url) {
  const std::size_t scheme = url.find("://");
  const std::size_t slash = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (slash == std::string_view::npos) return "/";
  std::string_view path = url.substr(slash);
  path = path.substr(0, path.find_first_of("?#"));
  return path.empty() ? std::string_view("/") : path;
}

std::string resolved_against(std::string_view page, std::string_view target) {
  const auto base = boost::urls::parse_uri(page);
  const auto ref = boost::urls::parse_uri_reference(target);
  if (!base || !ref) return {};
  boost::urls::url resolved;
  if (!boost::urls::resolve(*base, *ref, resolved)) return {};
  return std::string(resolved.buffer());
}

bool is_front_path(std::string_view path) {
  return path == "/" || path.empty() || path == "/index.html" || path == "/index.htm" ||
         path == "/index.php";
}

Verdict after_redirects(Verdict v, const Response& r, std::string_view original,
                        std::string_view final_url, const std::vector<Redirect>& chain) {
  if (v.status != LinkStatus::ok) return v;
  v.title = page_title(r);  // read once: for the parking signs here, and for drift
  if (std::string why = parked_reason(r, v.title, original, final_url, chain); !why.empty()) {
    v.status = LinkStatus::parked;
    v.error = std::move(why);
  } else if (!chain.empty() && redirected_to_login(final_url)) {
    v.status = LinkStatus::blocked;
    v.error = "redirected to a sign-in page, " + std::string(final_url);
  } else if (!chain.empty() && redirected_to_error_page(original, final_url)) {
    v.status = LinkStatus::soft_404;
    v.error = "redirected to " + std::string(final_url) + ", the site's front or error page";
  } else if (const std::string refresh = meta_refresh_target(r, final_url);
             !refresh.empty() && redirected_to_error_page(original, refresh)) {
    // Removed pages often send the browser home by a <meta> refresh rather than a 3xx.
    v.status = LinkStatus::soft_404;
    v.error = "the page sends the browser to " + refresh + ", the site's front or error page";
  } else if (std::any_of(chain.begin(), chain.end(), [](const Redirect& hop) {
               return hop.http_status == 301 || hop.http_status == 308;
             })) {
    v.status = LinkStatus::redirect;
  }
  return v;
}

namespace {

// No answer, or one that could not be read: what curl's error says of the link, and whether to
// try again. Only a silent server is a connection error or a timeout (and counts toward giving
// its host up); a failure on citelint's own side is said as such.
Verdict classify_failure(const Response& r) {
  Verdict v;
  v.error = r.curl_error;
  switch (r.code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      v.status = LinkStatus::dns_error;
      return v;
    case CURLE_OPERATION_TIMEDOUT:
      v.status = LinkStatus::timeout;
      v.next = Next::retry;
      if (r.http_status > 0)
        v.error = "the answer (HTTP " + std::to_string(r.http_status) + ") did not finish in time";
      return v;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
      v.status = LinkStatus::tls_error;
      return v;
    case CURLE_OUT_OF_MEMORY:  // with an answer begun (own_failure has it otherwise):
      // curl refuses a header over its limit (100 KB) this way: the server's answer is at fault.
      v.status = LinkStatus::server_error;
      v.error = "the answer (HTTP " + std::to_string(r.http_status) +
                ") has a header longer than curl reads (100 KB)";
      return v;
    case CURLE_UNSUPPORTED_PROTOCOL:  // the URL is http(s): an HTTP/0.9 answer, say
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_BAD_CONTENT_ENCODING:
      v.status = LinkStatus::server_error;
      v.error = "the server's answer is not valid HTTP: " + r.curl_error;
      return v;
    default:
      // Refused, reset, dropped: the connection failed; another try may get through.
      v.status = LinkStatus::connection_error;
      v.next = Next::retry;
      if (r.http_status > 0)
        v.error = "the answer broke off after HTTP " + std::to_string(r.http_status) +
                  " arrived: " + r.curl_error;
      return v;
  }
}

// Failures on citelint's own side, before the server answered anything: a URL too long or too
// strange for curl, or memory curl could not have.
bool own_failure(const Response& r) {
  const CURLcode code = r.code;
  return code == CURLE_URL_MALFORMAT || code == CURLE_BAD_FUNCTION_ARGUMENT ||
         code == CURLE_FAILED_INIT || code == CURLE_NOT_BUILT_IN || code == CURLE_UNKNOWN_OPTION ||
         (code == CURLE_OUT_OF_MEMORY && r.http_status == 0);
}

// An answer: what its status (and, for a 2xx, its page) says of the link.
Verdict classify_answer(const Response& r, const std::vector<int>& accept) {
  Verdict v;
  const int s = r.http_status;
  const bool accepted = std::find(accept.begin(), accept.end(), s) != accept.end();
  if (accepted && (s < 200 || s >= 300)) {  // a 2xx still gets the soft-404 check below
    v.status = LinkStatus::ok;
    return v;
  }
  if (is_redirect(s) && !r.location.empty()) {
    v.next = Next::redirect;
    v.status = LinkStatus::ok;
    return v;
  }
  if (challenged(r)) {
    v.status = LinkStatus::blocked;
    v.error = http_error(s, "behind a bot challenge");
    return v;
  }
  if (s >= 200 && s < 300 && (accepted || accept.empty())) {
    v.status = looks_missing(r) ? LinkStatus::soft_404 : LinkStatus::ok;
    if (v.status == LinkStatus::soft_404)
      v.error = http_error(s, "but the page says it is missing");
    return v;
  }
  if (s == 404 || s == 410) {
    v.status = LinkStatus::broken;
    v.error = http_error(s, s == 404 ? "Not Found" : "Gone");
    return v;
  }
  if (s == 429 || s == 503) {
    v.status = s == 429 ? LinkStatus::blocked : LinkStatus::server_error;
    v.error = http_error(s, s == 429 ? "Too Many Requests" : "Service Unavailable");
    v.next = Next::retry;
    const auto it = r.headers.find("retry-after");
    if (it != r.headers.end()) v.retry_after = parse_retry_after(it->second);
    return v;
  }
  if (s == 403) {
    v.status = LinkStatus::blocked;
    v.error = http_error(s, "Forbidden");
    v.next = Next::as_browser;
    return v;
  }
  if (s == 401 || s == 407 || s == 451 || s == 999) {
    v.status = LinkStatus::blocked;
    v.error = http_error(s, s == 999   ? "(a bot wall)"
                            : s == 451 ? "Unavailable For Legal Reasons"
                                       : "login required");
    return v;
  }
  if (s == 405 || s == 501) {
    v.status = LinkStatus::broken;
    v.error = http_error(s, "for this method");
    v.next = Next::as_head;
    return v;
  }
  if (s >= 500) {
    v.status = LinkStatus::server_error;
    v.error = http_error(s, "server error");
    v.next = Next::retry;
    return v;
  }
  if (s == 408) {
    v.status = LinkStatus::timeout;
    v.error = http_error(s, "Request Timeout");
    v.next = Next::retry;
    return v;
  }
  v.status = s >= 400 ? LinkStatus::broken : LinkStatus::server_error;
  v.error = http_error(s, s >= 400 ? "client error" : "unexpected answer");
  return v;
}

}  // namespace

Verdict classify(const Response& r, const std::vector<int>& accept) {
  if (r.refused) {
    Verdict v;
    v.status = LinkStatus::skipped;
    v.error = "a private, loopback or link-local address (--allow-private checks it)";
    return v;
  }
  if (own_failure(r)) {
    Verdict v;
    v.status = LinkStatus::invalid;
    v.error = "citelint could not make the request: " + r.curl_error;
    return v;
  }
  return r.code != CURLE_OK ? classify_failure(r) : classify_answer(r, accept);
}

}  // namespace citelint::net
