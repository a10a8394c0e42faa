// Archive URLs already in a reference list: which capture each names, and whether it was taken
// near the day the page was read.
#include <algorithm>

#include "archive/capture.hpp"
#include "citelint/extract.hpp"
#include "citelint/kinds.hpp"

namespace citelint {

std::vector<Finding> archived_url_findings(const Corpus& corpus, const CheckReport* links,
                                           int tolerance_days) {
  std::vector<Finding> findings;
  if (std::none_of(corpus.documents.begin(), corpus.documents.end(),
                   [](const auto& d) { return d->cites_archive(); }))
    return findings;
  for (const Reference& ref : corpus.references) {
    if (std::none_of(ref.urls.begin(), ref.urls.end(), [](const Url& u) { return u.archived; }))
      continue;
    const Date* accessed = nullptr;
    for (const Date& d : ref.dates)
      if (d.role == DateRole::accessed && d.valid && d.day > 0 && !accessed) accessed = &d;
    if (!accessed) continue;
    const long access_day = day_number(accessed->year, accessed->month, accessed->day);
    for (const Url& u : ref.urls) {
      auto archived = u.archived ? parse_archive_url(u.normalised) : std::nullopt;
      if (!archived) continue;
      // Where the archive sent the request is the capture a reader gets.
      const LinkResult* r = links ? links->results.find(u.normalised) : nullptr;
      if (r && !r->final_url().empty())
        if (auto landed = parse_archive_url(r->final_url())) archived = std::move(landed);
      const long days = *archive::timestamp_day(archived->timestamp) - access_day;
      if (days <= tolerance_days) continue;
      findings.push_back(url_finding(
          ref, u, Kind::archive_after_access,
          "the archived copy was captured on " + timestamp_date(archived->timestamp) + ", " +
              std::to_string(days) + " days after the access date " +
              std::string(accessed->value()) + " (more than the " + std::to_string(tolerance_days) +
              " allowed): it may not show the page as the author read it"));
    }
  }
  return findings;
}

}  // namespace citelint
