// Memento (RFC 7089): a TimeGate asked with Accept-Datetime answers with the memento nearest
// that moment, by a redirect (pattern 2) or as the memento itself (pattern 1); the memento's
// datetime comes from its Link header entry, a Wayback-style timestamp in its URL, or its own
// Memento-Datetime header.
#include <cstdio>
#include <cstring>
#include <ctime>

#include "archive/capture.hpp"
#include "citelint/extract.hpp"

namespace citelint::archive {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "Wed, 03 Mar 2021 12:00:00 GMT" (RFC 1123, as Memento-Datetime is written) -> 14 digits.
std::optional<std::string> http_date_timestamp(std::string_view text) {
  char month[4] = {};
  int day = 0, year = 0, h = 0, m = 0, s = 0;
  const std::string t(text);
  if (std::sscanf(t.c_str(), "%*3s, %d %3s %d %d:%d:%d", &day, month, &year, &h, &m, &s) != 6)
    return std::nullopt;
  int mon = 0;
  for (int i = 0; i < 12; ++i)
    if (std::strcmp(month, kMonths[i]) == 0) mon = i + 1;
  if (!mon || !is_calendar_date(year, mon, day) || h > 23 || m > 59 || s > 60) return std::nullopt;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", year, mon, day, h, m, s);
  return std::string(buf);
}

// A Wayback-style /<timestamp>[modifier_]/ path segment of 14 digits.
std::optional<std::string> url_timestamp(std::string_view url) {
  for (std::size_t i = url.find('/'); i != std::string_view::npos; i = url.find('/', i + 1)) {
    std::size_t j = i + 1;
    while (j < url.size() && j - i - 1 < 14 && url[j] >= '0' && url[j] <= '9') ++j;
    if (j - i - 1 == 14 && j < url.size() && (url[j] == '/' || std::isalpha(url[j])) &&
        timestamp_day(url.substr(i + 1, 14)))
      return std::string(url.substr(i + 1, 14));
  }
  return std::nullopt;
}

// The datetime the Link header gives `target`: <URL>; rel="... memento ..."; datetime="...".
std::optional<std::string> link_datetime(std::string_view link, std::string_view target) {
  for (std::size_t open = link.find('<'); open != std::string_view::npos;) {
    const std::size_t close = link.find('>', open);
    if (close == std::string_view::npos) break;
    const std::string_view url = link.substr(open + 1, close - open - 1);
    const std::size_t next = link.find('<', close);
    const std::string_view params = link.substr(close, next - close);
    open = next;
    if (url != target || params.find("memento") == std::string_view::npos) continue;
    const std::size_t dt = params.find("datetime=\"");
    if (dt == std::string_view::npos) continue;
    const std::size_t from = dt + 10, to = params.find('"', from);
    if (to != std::string_view::npos) return http_date_timestamp(params.substr(from, to - from));
  }
  return std::nullopt;
}

std::string header(const net::Response& r, const char* name) {
  const auto it = r.headers.find(name);
  return it == r.headers.end() ? "" : it->second;
}

Answer capture(std::string url, std::string timestamp) {
  return {Capture{std::move(url), std::move(timestamp), 0, "memento"}, ""};
}

}  // namespace

std::string timegate_url(const ArchiveOptions& o, std::string_view url) {
  return o.memento_timegate + std::string(url);
}

std::string accept_datetime(std::string_view date) {
  const auto day = date_day(date);
  if (!day) return "";
  const std::time_t end_of_day = static_cast<std::time_t>(*day) * 86400 + 86399;
  std::tm utc{};
  gmtime_r(&end_of_day, &utc);
  char buf[64];
  std::strftime(buf, sizeof buf, "Accept-Datetime: %a, %d %b %Y %H:%M:%S GMT", &utc);
  return buf;
}

TimeGateAnswer read_timegate(const net::Response& r, std::string_view asked) {
  if (r.code != CURLE_OK) return {{std::nullopt, "the TimeGate: " + transport_error(r)}, ""};
  if (r.http_status == 404) return {};  // no memento of this page
  if (r.http_status >= 300 && r.http_status < 400 && !r.location.empty()) {
    if (auto dt = link_datetime(header(r, "link"), r.location))
      return {capture(r.location, *dt), r.location};
    if (auto ts = url_timestamp(r.location)) return {capture(r.location, *ts), r.location};
    return {{}, r.location};
  }
  if (r.http_status == 200) {  // the TimeGate is the memento
    const std::string location = header(r, "content-location");
    if (auto dt = http_date_timestamp(header(r, "memento-datetime")))
      return {capture(location.empty() ? std::string(asked) : location, *dt), ""};
  }
  return {
      {std::nullopt, "the TimeGate: HTTP " + std::to_string(r.http_status) + " without a memento"},
      ""};
}

Answer read_memento(const net::Response& r, std::string_view memento,
                    std::string_view timegate_timestamp) {
  if (r.code != CURLE_OK || !usable_status(std::to_string(r.http_status)))
    return {std::nullopt, "the memento: " + transport_error(r)};
  if (auto dt = http_date_timestamp(header(r, "memento-datetime")))
    return capture(std::string(memento), *dt);
  if (!timegate_timestamp.empty())
    return capture(std::string(memento), std::string(timegate_timestamp));
  return {std::nullopt, "the memento " + std::string(memento) + " gave no Memento-Datetime"};
}

}  // namespace citelint::archive
