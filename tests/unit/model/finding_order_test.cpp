#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "citelint/model.hpp"

using namespace citelint;

namespace {

Finding finding(std::uint32_t input, std::uint32_t begin, std::uint32_t end, Severity severity,
                std::string rule) {
  Finding f;
  f.span.input = input;
  f.span.begin = begin;
  f.span.end = end;
  f.severity = severity;
  f.rule = std::move(rule);
  f.message = "m " + f.rule + " " + std::to_string(begin);
  f.fix = Fix{"fix " + std::to_string(end), false};
  return f;
}

bool in_key_order(const std::vector<Finding>& v) {
  return std::is_sorted(v.begin(), v.end(), [](const Finding& a, const Finding& b) {
    return order_key(a) < order_key(b);
  });
}

}  // namespace

TEST_CASE("in_order merges parts in order_key order, each finding whole") {
  // Ties on position break by severity (gravest first), then by rule name.
  std::vector<Finding> all;
  const Severity severities[] = {Severity::info, Severity::warning, Severity::error};
  const char* rules[] = {"core/B", "core/A", "link/broken", "core/C"};
  for (std::uint32_t input = 0; input < 2; ++input)
    for (std::uint32_t begin = 0; begin < 30; begin += 3)
      for (const Severity s : severities)
        for (const char* r : rules)
          all.push_back(finding(input, begin, begin + 1 + begin % 4, s, r));
  std::vector<Finding> expected = all;
  std::sort(expected.begin(), expected.end(),
            [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  std::shuffle(all.begin(), all.end(), std::mt19937(7));
  std::vector<Finding> parts[2];
  parts[0].assign(all.begin(), all.begin() + 100);
  parts[1].assign(all.begin() + 100, all.end());
  const std::vector<Finding> sorted = in_order(parts);
  REQUIRE(sorted.size() == expected.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    CHECK(order_key(sorted[i]) == order_key(expected[i]));
    CHECK(sorted[i].message == expected[i].message);
    CHECK(sorted[i].fix->replacement == expected[i].fix->replacement);
  }
  CHECK(parts[0].empty());
  CHECK(parts[1].empty());
}

TEST_CASE("sort_findings sorts one vector, and leaves one in order as it is") {
  std::vector<Finding> v{
      finding(0, 9, 10, Severity::warning, "core/A"), finding(0, 2, 5, Severity::warning, "core/A"),
      finding(0, 2, 5, Severity::error, "core/Z"), finding(0, 2, 5, Severity::error, "core/B")};
  sort_findings(v);
  REQUIRE(in_key_order(v));
  CHECK(v[0].rule == "core/B");
  CHECK(v[1].rule == "core/Z");
  CHECK(v[2].rule == "core/A");
  CHECK(v[3].span.begin == 9);
  sort_findings(v);
  CHECK(in_key_order(v));
  CHECK(v.size() == 4);
  std::vector<Finding> none;
  sort_findings(none);
  CHECK(none.empty());
}

TEST_CASE("in_order merges parts that are each in order, and passes over empty ones") {
  std::vector<Finding> parts[3];
  parts[0] = {finding(0, 1, 2, Severity::warning, "core/A"),
              finding(0, 5, 6, Severity::warning, "core/A"),
              finding(1, 0, 3, Severity::error, "core/B")};
  parts[2] = {finding(0, 1, 2, Severity::error, "id/form"),
              finding(0, 7, 9, Severity::error, "id/checksum")};
  const std::vector<Finding> merged = in_order(parts);
  REQUIRE(merged.size() == 5);
  CHECK(in_key_order(merged));
  CHECK(merged[0].rule == "id/form");  // the gravest first at one span
  CHECK(merged[4].span.input == 1);
  CHECK(merged[2].message == "m core/A 5");
  for (const auto& part : parts) CHECK(part.empty());
}
