#include "archive/capture.hpp"

#include <charconv>

#include "citelint/extract.hpp"

namespace citelint::archive {

namespace {

std::optional<int> number(std::string_view digits) {
  int n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return n;
}

}  // namespace

std::optional<long> timestamp_day(std::string_view timestamp) {
  if (timestamp.size() < 8) return std::nullopt;
  const auto y = number(timestamp.substr(0, 4)), m = number(timestamp.substr(4, 2)),
             d = number(timestamp.substr(6, 2));
  if (!y || !m || !d || !is_calendar_date(*y, *m, *d)) return std::nullopt;
  return day_number(*y, *m, *d);
}

std::optional<long> date_day(std::string_view date) {
  return date.size() == 10 ? timestamp_day(date_timestamp(date)) : std::nullopt;
}

std::string date_timestamp(std::string_view date) {
  std::string ts;
  for (char c : date)
    if (c != '-') ts += c;
  return ts;
}

bool usable_status(std::string_view status) {
  return status == "200" || status == "203" || status == "206";
}

std::string transport_error(const net::Response& r, int wanted_status) {
  if (r.code != CURLE_OK) return r.curl_error.empty() ? "no answer" : r.curl_error;
  if (r.http_status != wanted_status) return "HTTP " + std::to_string(r.http_status);
  return "";
}

}  // namespace citelint::archive

namespace citelint {

std::string timestamp_date(std::string_view timestamp) {
  std::string date(timestamp.substr(0, 4));
  (date += '-').append(timestamp.substr(4, 2));
  (date += '-').append(timestamp.substr(6, 2));
  return date;
}

}  // namespace citelint
