#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "citelint/ids.hpp"
#include "citelint/report.hpp"

namespace citelint {

namespace {

// Distinct strings counted in an open-addressing table: a report over 100,000 references counts
// its unique URLs without allocating per URL.
std::size_t count_distinct(const std::vector<std::string_view>& items) {
  std::size_t capacity = 16;
  while (capacity < items.size() * 2) capacity *= 2;
  struct Slot {  // 8 bytes: a part of the hash, and the item's index + 1 (0: empty)
    std::uint32_t hash = 0, item = 0;
  };
  std::vector<Slot> slots(capacity);
  const std::size_t mask = capacity - 1;
  std::size_t distinct = 0;
  for (std::size_t n = 0; n < items.size(); ++n) {
    const std::size_t h = std::hash<std::string_view>{}(items[n]);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (!slots[i].item) {
        slots[i] = Slot{tag, static_cast<std::uint32_t>(n + 1)};
        ++distinct;
        break;
      }
      if (slots[i].hash == tag && items[slots[i].item - 1] == items[n]) break;
    }
  }
  return distinct;
}

}  // namespace

Summary summarise(const ReportInput& input) {
  Summary s;
  s.references = input.corpus.references.size();
  // The link results hold each URL they checked once (the cited ones): only the rest (all,
  // offline) are counted here, without a table as large as the list.
  const LinkResults* results = input.links ? &input.links->results : nullptr;
  std::vector<std::string_view> others;
  for (const Reference& r : input.corpus.references) {
    s.urls += r.urls.size();
    for (const Url& u : r.urls)
      if (!results || !results->find(u.normalised)) others.push_back(u.normalised);
  }
  s.unique_urls = count_distinct(others) + (results ? results->size() : 0);
  // Per unique URL: the checker's status, or unchecked (offline, or not a web URL).
  if (!input.links) {
    if (s.urls) s.links["unchecked"] = s.unique_urls;
  } else {
    std::size_t known = 0;
    for (const auto& [url, r] : input.links->results) {
      ++s.links[std::string(to_string(r.status))];
      ++known;
    }
    if (s.unique_urls > known) s.links["unchecked"] += s.unique_urls - known;
  }
  if (input.archive)
    for (const ArchiveLookup& l : input.archive->lookups)
      ++(l.capture ? s.archived : s.not_archived);
  if (input.ids) {
    for (const DoiResolution& r : input.ids->dois)
      if (const std::string_view state = resolution_state(r); !state.empty())
        ++s.identifiers["DOI " + std::string(state)];
    for (const IdResolution& r : input.ids->others)
      if (const std::string_view state = resolution_state(r); !state.empty())
        ++s.identifiers[std::string(id_scheme_name(r.scheme)) + " " + std::string(state)];
  }
  for (const Finding& f : input.findings) {
    switch (f.severity) {
      case Severity::error:
        ++s.errors;
        break;
      case Severity::warning:
        ++s.warnings;
        break;
      case Severity::info:
        ++s.infos;
        break;
    }
  }
  return s;
}

}  // namespace citelint
