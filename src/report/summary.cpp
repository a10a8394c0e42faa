#include <unordered_set>

#include "citelint/report.hpp"

namespace citelint {

Summary summarise(const ReportInput& input) {
  Summary s;
  std::unordered_set<std::string_view> unique;
  s.references = input.corpus.references.size();
  for (const Reference& r : input.corpus.references) {
    s.urls += r.urls.size();
    for (const Url& u : r.urls) unique.insert(u.normalised);
  }
  s.unique_urls = unique.size();
  // Offline runs leave every link unchecked; the checker fills in the other statuses.
  if (s.urls) s.links["unchecked"] = s.unique_urls;
  for (const Finding& f : input.findings) {
    switch (f.severity) {
      case Severity::error: ++s.errors; break;
      case Severity::warning: ++s.warnings; break;
      case Severity::info: ++s.infos; break;
    }
  }
  return s;
}

}  // namespace citelint
