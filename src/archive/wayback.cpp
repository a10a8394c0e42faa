// The Wayback Machine's APIs: availability (the capture closest to a date) and CDX (captures
// filtered and sorted as asked), as the Internet Archive documents them.
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <nlohmann/json.hpp>

#include "archive/capture.hpp"

namespace citelint::archive {

namespace {

std::string base(const ArchiveOptions& o, std::string_view fallback) {
  if (o.endpoint.empty()) return std::string(fallback);
  std::string b = o.endpoint;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b;
}

std::string with_query(std::string endpoint,
                       std::initializer_list<std::pair<std::string_view, std::string_view>> q) {
  // Every reserved character of a value encoded: the page's own URL has ?, & and = of its own.
  std::string url = std::move(endpoint);
  char sep = url.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [k, v] : q) {
    url += sep + std::string(k) + "=" + boost::urls::encode(v, boost::urls::unreserved_chars);
    sep = '&';
  }
  return url;
}

// A capture's address on the archive that holds it.
std::string replay_url(const ArchiveOptions& o, std::string_view timestamp,
                       std::string_view original) {
  return base(o, "https://web.archive.org") + "/web/" + std::string(timestamp) + "/" +
         std::string(original);
}

// An answer that is not JSON, or not the shape the API gives.
Answer malformed(std::string_view api) {
  return {std::nullopt, std::string(api) + " answered something that is not its JSON"};
}

}  // namespace

std::string availability_url(const ArchiveOptions& o, std::string_view url, std::string_view date) {
  return with_query(base(o, "https://archive.org") + "/wayback/available",
                    {{"url", url}, {"timestamp", date_timestamp(date)}});
}

Answer read_availability(const net::Response& r) {
  if (std::string error = transport_error(r); !error.empty())
    return {std::nullopt, "the availability API: " + error};
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (!j.is_object() || !j.contains("archived_snapshots") || !j["archived_snapshots"].is_object())
    return malformed("the availability API");
  const auto& snapshots = j["archived_snapshots"];
  if (!snapshots.contains("closest")) return {};  // nothing archived
  const auto& closest = snapshots["closest"];
  if (!closest.is_object() || !closest.value("url", nlohmann::json()).is_string() ||
      !closest.value("timestamp", nlohmann::json()).is_string())
    return malformed("the availability API");
  const auto status = closest.value("status", nlohmann::json());
  const std::string code = status.is_string()   ? status.get<std::string>()
                           : status.is_number() ? std::to_string(status.get<int>())
                                                : "";
  Capture c;
  c.url = closest["url"].get<std::string>();
  if (c.url.rfind("http://web.archive.org/", 0) == 0) c.url.insert(4, "s");
  c.timestamp = closest["timestamp"].get<std::string>();
  if (!timestamp_day(c.timestamp)) return malformed("the availability API");
  if (!closest.value("available", true) || !usable_status(code)) return {};
  c.source = "wayback-availability";
  return {std::move(c), ""};
}

std::string cdx_url(const ArchiveOptions& o, std::string_view url, std::string_view date,
                    bool before) {
  const std::string day = date_timestamp(date);
  const std::string bound = before ? day + "235959" : day;
  return with_query(base(o, "https://web.archive.org") + "/cdx/search/cdx",
                    {{"url", url},
                     {"output", "json"},
                     {"fl", "timestamp,original,statuscode"},
                     {"filter", "statuscode:20[036]"},
                     {"closest", bound},
                     {"sort", "closest"},
                     {before ? "to" : "from", bound},
                     {"limit", "1"}});
}

Answer read_cdx(const ArchiveOptions& o, const net::Response& r) {
  if (std::string error = transport_error(r); !error.empty())
    return {std::nullopt, "the CDX API: " + error};
  // An empty body is how the CDX server says "no captures" in JSON output.
  if (r.body.find_first_not_of(" \r\n\t") == std::string::npos) return {};
  const auto j = nlohmann::json::parse(r.body, nullptr, false);
  if (!j.is_array()) return malformed("the CDX API");
  if (j.size() < 2) return {};  // the field names alone
  const auto& head = j[0];
  const auto& row = j[1];
  if (!head.is_array() || !row.is_array() || row.size() != head.size())
    return malformed("the CDX API");
  std::string timestamp, original, status;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (!head[i].is_string() || !row[i].is_string()) return malformed("the CDX API");
    const std::string field = head[i].get<std::string>();
    const std::string value = row[i].get<std::string>();
    if (field == "timestamp") timestamp = value;
    if (field == "original") original = value;
    if (field == "statuscode") status = value;
  }
  if (!timestamp_day(timestamp) || original.empty()) return malformed("the CDX API");
  if (!usable_status(status)) return {};
  return {Capture{replay_url(o, timestamp, original), timestamp, 0, "wayback-cdx"}, ""};
}

}  // namespace citelint::archive
