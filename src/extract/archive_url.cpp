// Archive URLs as cited: which capture of which page each names, from the URL alone.
#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"

namespace citelint {

namespace {

// Hosts that serve captures as /<prefix>/<timestamp>/<original URL> (the Wayback software and
// archive.today's long form), with the path prefix before the timestamp.
constexpr std::pair<std::string_view, std::string_view> kArchives[] = {
    {"web.archive.org", "/web/"},
    {"wayback.archive.org", "/web/"},
    {"archive.org", "/web/"},
    {"arquivo.pt", "/wayback/"},
    {"www.webarchive.org.uk", "/wayback/archive/"},
    {"webarchive.loc.gov", "/all/"},
    {"webarchive.nla.gov.au", "/awa/"},
    {"archive.today", "/"},
    {"archive.ph", "/"},
    {"archive.is", "/"},
    {"archive.li", "/"},
    {"archive.vn", "/"},
    {"archive.md", "/"},
    {"archive.fo", "/"},
};
constexpr std::size_t kShortestHost = 10, kLongestHost = 21;  // archive.is, www.webarchive.org.uk

// Whether 14 digits start with a real calendar date.
bool is_timestamp(std::string_view ts) {
  auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (ts[i] - '0');
    return v;
  };
  return is_calendar_date(number(0, 4), number(4, 2), number(6, 2));
}

// "20210303", "2021", "20210303120000id_", "2021.03.03-120000" -> 14 digits, the missing part
// filled with the start of the period; nothing when it is not a timestamp.
std::optional<std::string> read_timestamp(std::string_view text) {
  std::string digits;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c != '.' && c != '-') {
      break;
    }
  }
  for (; i < text.size(); ++i)  // a Wayback modifier: id_, if_, im_, js_, cs_, oe_, mp_
    if (!std::isalpha(static_cast<unsigned char>(text[i])) && text[i] != '_') return std::nullopt;
  if (digits.size() < 4 || digits.size() > 14) return std::nullopt;
  constexpr std::string_view kStart = "00000101000000";
  digits += kStart.substr(digits.size());
  if (!is_timestamp(digits)) return std::nullopt;
  return digits;
}

}  // namespace

std::optional<ArchivedUrl> parse_archive_url(std::string_view url) {
  // The host, lowercased, without a port: most URLs are no archive's, and stop at its length
  // or its first letter, without a search.
  std::size_t host_at;
  if (url.compare(0, 8, "https://") == 0) {
    host_at = 8;
  } else if (url.compare(0, 7, "http://") == 0) {
    host_at = 7;
  } else {
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos) return std::nullopt;
    host_at = scheme + 3;
  }
  std::size_t path_at = host_at;
  bool upper = false;
  while (path_at < url.size() && url[path_at] != '/' && url[path_at] != '?' &&
         url[path_at] != '#') {
    upper = upper || (url[path_at] >= 'A' && url[path_at] <= 'Z');
    ++path_at;
  }
  if (path_at == url.size() || url[path_at] != '/') return std::nullopt;
  std::string_view host = url.substr(host_at, path_at - host_at);
  host = host.substr(0, host.find(':'));
  if (host.size() < kShortestHost || host.size() > kLongestHost) return std::nullopt;
  std::string lower;
  if (upper) {
    lower.assign(host);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    host = lower;
  }
  if (host[0] != 'a' && host[0] != 'w') return std::nullopt;
  const std::string_view rest = url.substr(path_at);
  for (const auto& [archive_host, prefix] : kArchives) {
    if (host != archive_host || rest.rfind(prefix, 0) != 0) continue;
    const std::string_view after = rest.substr(prefix.size());
    const std::size_t slash = after.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    const auto timestamp = read_timestamp(after.substr(0, slash));
    const std::string_view original = after.substr(slash + 1);
    if (!timestamp || original.empty()) return std::nullopt;
    return ArchivedUrl{*timestamp, std::string(original)};
  }
  return std::nullopt;
}

bool is_archive_url(std::string_view url) { return parse_archive_url(url).has_value(); }

}  // namespace citelint
