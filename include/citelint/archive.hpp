// Archived copies: for a link that died, the capture an archive holds from the day the author
// read the page (the Wayback Machine's availability and CDX APIs, any Memento TimeGate); and
// the archive URLs a list already cites, checked against its access dates.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/check.hpp"
#include "citelint/extract.hpp"
#include "citelint/model.hpp"

namespace citelint {

struct ArchiveOptions {
  // A Wayback-compatible archive: its availability API at <endpoint>/wayback/available, its CDX
  // API at <endpoint>/cdx/search/cdx and captures at <endpoint>/web/<timestamp>/<url>. Empty:
  // the Internet Archive's own hosts.
  std::string endpoint;
  // A Memento TimeGate (RFC 7089), asked as <timegate><url> with Accept-Datetime when the
  // Wayback APIs have no capture from before the date. Empty: none.
  std::string memento_timegate;
  // An archive URL in a reference may be captured this many days after its access date.
  int tolerance_days = 30;
};

// One capture of a page.
struct Capture {
  std::string url;        // where to read it
  std::string timestamp;  // YYYYMMDDhhmmss
  int days = 0;           // from the date looked for: negative before it, positive after
  std::string source;     // wayback-availability, wayback-cdx or memento
};
// The day of a timestamp (YYYYMMDD..., at least eight digits) as YYYY-MM-DD.
std::string timestamp_date(std::string_view timestamp);

// What was found for one URL and date.
struct ArchiveLookup {
  std::string url;   // normalised, as the link checker has it
  std::string date;  // YYYY-MM-DD looked for (the access date, or else the publication date)
  DateRole role = DateRole::accessed;  // which date of the reference that is
  std::optional<Capture> capture;
  std::string why;  // why there is none: no capture, or what went wrong asking
  bool from_cache = false;
};

struct ArchiveReport {
  std::vector<ArchiveLookup> lookups;  // sorted by URL, then date; each pair once
  std::size_t requests = 0;
  std::vector<std::string> warnings;
  const ArchiveLookup* find(std::string_view url, std::string_view date) const;
};

// The date an archived copy of a reference's links should come from: its access date, or else
// its publication (or update) date; a year or month alone stands for its last day. Nothing
// when the reference has no such date.
std::optional<std::pair<std::string, DateRole>> archive_date(const Reference& ref);

// The page an archived copy is looked for: the URL as normalised, or for an archive URL that
// no longer resolves, the page it holds.
std::string archive_lookup_url(const Url& url);

// Whether a link with this result wants an archived copy: it is dead (broken, soft 404, a
// name that no longer resolves) or refuses to be read (blocked).
bool wants_archive(LinkStatus status);

// Looks up an archived copy for every link that wants one, once per URL and date, under the
// checker's politeness settings, and through its cache. A link with a verified repair (in
// `repairs`, when given) is not dead, only mistyped: it wants none.
ArchiveReport find_archived_copies(const Corpus& corpus, const CheckReport& links,
                                   const CheckOptions& network, const ArchiveOptions& options,
                                   const RepairReport* repairs = nullptr);

// An `archive` finding at each citation of a link that wants a copy: the capture as the fix,
// or why none was found.
std::vector<Finding> archive_findings(const Corpus& corpus, const CheckReport& links,
                                      const ArchiveReport& archive,
                                      const RepairReport* repairs = nullptr);

// date-mismatch findings for archive URLs captured more than tolerance_days after the
// reference's access date. With link results, a capture that redirected elsewhere (the
// Wayback Machine sends a timestamp to its nearest capture) is judged by where it landed.
std::vector<Finding> archived_url_findings(const Corpus& corpus, const CheckReport* links,
                                           int tolerance_days);

}  // namespace citelint
