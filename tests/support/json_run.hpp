// Running citelint on a list with --format json, for the identifier tests: the list written to
// a scratch file, the exit checked, the report parsed.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/cli.hpp"

namespace citelint_test {

// `name` is the scratch file's path ("doi-registry/good.txt").
inline nlohmann::json run_json(const std::string& args, const std::string& name,
                               const std::string& list, int expected_exit) {
  const fs::path file = scratch_file(name, list);
  const Run run = run_citelint(args + " " + file.string());
  INFO(run.err);
  CHECK(run.exit == expected_exit);
  return nlohmann::json::parse(run.out);
}

// The report's findings of one rule, in order.
inline std::vector<nlohmann::json> findings_of(const nlohmann::json& report,
                                               const std::string& rule) {
  std::vector<nlohmann::json> out;
  for (const auto& f : report["findings"])
    if (f["rule"] == rule) out.push_back(f);
  return out;
}

}  // namespace citelint_test
