// The benchmark's damaged lists are what bench/README.md says they are: every entry carries two
// or more findings, at the density each row is named for. A rule that stopped firing on them would
// make the bench faster by measuring less; this keeps the rows honest.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using namespace citelint_test;

namespace {

struct ListFindings {
  double per_mb = 0;                         // findings per MB of input
  std::map<std::string, int> per_reference;  // reference id -> findings
  std::size_t references = 0;
};

ListFindings findings_of(const std::string& kind, int entries) {
  const fs::path list = fs::temp_directory_path() /
                        ("citelint-bench-" + kind + "-" + std::to_string(getpid()) + ".txt");
  const std::string make = std::string(CITELINT_BENCH_GEN) + " " + std::to_string(entries) +
                           " 7714 " + kind + " > " + list.string();
  REQUIRE(std::system(make.c_str()) == 0);
  const Run run = run_citelint("check --offline --as-of 2024-01-01 --fail-on never --format json " +
                               list.string());
  REQUIRE(run.exit == 0);
  const auto report = nlohmann::json::parse(run.out);
  ListFindings out;
  out.references = report["references"].size();
  for (const auto& f : report["findings"]) ++out.per_reference[f.value("reference", "")];
  out.per_mb = static_cast<double>(report["findings"].size()) /
               (static_cast<double>(fs::file_size(list)) / 1e6);
  fs::remove(list);
  return out;
}

}  // namespace

TEST_CASE("bench lists: the extracted list has two or more findings in every entry") {
  const ListFindings got = findings_of("extracted", 400);
  REQUIRE(got.references == 400);
  CHECK(got.per_reference.size() == 400);
  for (const auto& [id, n] : got.per_reference) {
    INFO("reference " << id);
    CHECK(n >= 2);
  }
  // The list: 77,000 findings for 20 MB (3,850 a MB); this one is a little harsher.
  CHECK(got.per_mb > 3'850);
  CHECK(got.per_mb < 6'000);
}

TEST_CASE("bench lists: the damaged list is about three times as dense") {
  const ListFindings got = findings_of("damaged", 400);
  CHECK(got.per_reference.size() == 400);  // every entry has a finding, most two or three
  CHECK(got.per_mb > 10'000);
}
