// Putting a run's findings in order: their keys are sorted, then each finding is moved once.
#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

namespace {

// order_key packed in two words, and where the finding is before the sort.
struct OrderKey {
  std::uint64_t where;  // input, begin
  std::uint64_t then;   // end, gravity, the rule's rank among the rules' names
  std::uint32_t part, at;
  bool operator<(const OrderKey& o) const {
    return std::tie(where, then) < std::tie(o.where, o.then);
  }
};

// Each rule name's rank in the names' order: a few dozen names, compared as numbers.
std::unordered_map<std::string_view, std::uint32_t> rule_ranks(
    std::span<std::vector<Finding>> parts) {
  std::vector<std::string_view> names;
  std::unordered_map<std::string_view, std::uint32_t> rank;
  for (const auto& part : parts)
    for (const Finding& f : part)
      if (rank.emplace(f.rule, 0).second) names.push_back(f.rule);
  std::sort(names.begin(), names.end());
  for (std::uint32_t i = 0; i < names.size(); ++i) rank[names[i]] = i;
  return rank;
}

}  // namespace

std::vector<Finding> in_order(std::span<std::vector<Finding>> parts) {
  const auto before = [](const Finding& a, const Finding& b) {
    return order_key(a) < order_key(b);
  };
  // Parts each in order already (lint's, and the identifiers' checks after it): merged, the
  // empty ones passed over.
  if (std::all_of(parts.begin(), parts.end(), [&](const std::vector<Finding>& part) {
        return std::is_sorted(part.begin(), part.end(), before);
      })) {
    std::vector<Finding> merged;
    for (std::vector<Finding>& part : parts) {
      if (part.empty()) continue;
      if (merged.empty()) {
        merged = std::move(part);
        continue;
      }
      std::vector<Finding> both;
      both.reserve(merged.size() + part.size());
      std::merge(std::make_move_iterator(merged.begin()), std::make_move_iterator(merged.end()),
                 std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()),
                 std::back_inserter(both), before);
      merged = std::move(both);
    }
    for (auto& part : parts) part = {};
    return merged;
  }
  const auto rank = rule_ranks(parts);
  std::vector<OrderKey> keys;
  for (std::uint32_t p = 0; p < parts.size(); ++p)
    for (std::uint32_t i = 0; i < parts[p].size(); ++i) {
      const Finding& f = parts[p][i];
      // Gravest first, as order_key's negated severity (0..2): 4 - severity fits the 4 bits
      // above the rank; 2^28 rule names are plenty.
      const auto gravity = static_cast<std::uint64_t>(4 - static_cast<int>(f.severity));
      keys.push_back({std::uint64_t{f.span.input} << 32 | f.span.begin,
                      std::uint64_t{f.span.end} << 32 | gravity << 28 | rank.at(f.rule), p, i});
    }
  std::sort(keys.begin(), keys.end());
  std::vector<Finding> sorted;
  sorted.reserve(keys.size());
  for (const OrderKey& k : keys) sorted.push_back(std::move(parts[k.part][k.at]));
  for (auto& part : parts) part = {};
  return sorted;
}

void sort_findings(std::vector<Finding>& findings) { findings = in_order(std::span(&findings, 1)); }

}  // namespace citelint
