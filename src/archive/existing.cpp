// Archive URLs already in a reference list: which capture each names, and whether it was taken
// near the day the page was read.
#include <boost/url/parse.hpp>

#include "archive/capture.hpp"

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
  if (!archive::timestamp_day(digits)) return std::nullopt;
  return digits;
}

std::string as_date(std::string_view timestamp) {
  return std::string(timestamp.substr(0, 4)) + "-" + std::string(timestamp.substr(4, 2)) + "-" +
         std::string(timestamp.substr(6, 2));
}

}  // namespace

std::optional<ArchivedUrl> parse_archive_url(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  std::string host(parsed->encoded_host());
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // The original URL keeps its own query and fragment: read it from the text, not the parse.
  const std::size_t authority = url.find("//");
  const std::size_t path_at =
      url.find('/', authority == std::string_view::npos ? 0 : authority + 2);
  if (path_at == std::string_view::npos) return std::nullopt;
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

std::vector<Finding> archived_url_findings(const Corpus& corpus, const CheckReport* links,
                                           int tolerance_days) {
  std::vector<Finding> findings;
  for (const Reference& ref : corpus.references) {
    const Date* accessed = nullptr;
    for (const Date& d : ref.dates)
      if (d.role == DateRole::accessed && d.valid && d.day > 0 && !accessed) accessed = &d;
    if (!accessed) continue;
    const long access_day =
        archive::days_from_civil(accessed->year, accessed->month, accessed->day);
    for (const Url& u : ref.urls) {
      auto archived = parse_archive_url(u.normalised);
      if (!archived) continue;
      // Where the archive sent the request is the capture a reader gets.
      const LinkResult* r = links ? links->results.find(u.normalised) : nullptr;
      if (r && !r->final_url().empty())
        if (auto landed = parse_archive_url(r->final_url())) archived = std::move(landed);
      const long days = *archive::timestamp_day(archived->timestamp) - access_day;
      if (days <= tolerance_days) continue;
      Finding f;
      f.rule = "archive/after-access";
      f.category = "date-mismatch";
      f.severity = Severity::warning;
      f.span = u.span;
      f.reference = ref.id;
      f.message = "the archived copy was captured on " + as_date(archived->timestamp) + ", " +
                  std::to_string(days) + " days after the access date " +
                  std::string(accessed->value()) + " (more than the " +
                  std::to_string(tolerance_days) +
                  " allowed): it may not show the page as the author read it";
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace citelint
