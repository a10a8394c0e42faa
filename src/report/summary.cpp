#include <functional>
#include <string_view>
#include <vector>

#include "citelint/report.hpp"

namespace citelint {

namespace {

// Distinct strings counted in an open-addressing table: a report over 100,000 references counts
// its unique URLs without allocating per URL.
std::size_t count_distinct(const std::vector<std::string_view>& items) {
  std::size_t capacity = 16;
  while (capacity < items.size() * 2) capacity *= 2;
  struct Slot {
    std::size_t hash = 0;
    const std::string_view* item = nullptr;
  };
  std::vector<Slot> slots(capacity);
  const std::size_t mask = capacity - 1;
  std::size_t distinct = 0;
  for (const std::string_view& item : items) {
    const std::size_t h = std::hash<std::string_view>{}(item);
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      if (!slots[i].item) {
        slots[i] = Slot{h, &item};
        ++distinct;
        break;
      }
      if (slots[i].hash == h && *slots[i].item == item) break;
    }
  }
  return distinct;
}

}  // namespace

Summary summarise(const ReportInput& input) {
  Summary s;
  s.references = input.corpus.references.size();
  std::vector<std::string_view> urls;
  for (const Reference& r : input.corpus.references)
    for (const Url& u : r.urls) urls.push_back(u.normalised);
  s.urls = urls.size();
  s.unique_urls = count_distinct(urls);
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
