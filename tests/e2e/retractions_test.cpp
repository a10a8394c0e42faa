// End to end: --retractions FILE, a local copy of the Retraction Watch dataset, flags retracted,
// concerning and corrected works by DOI and PMID with no request at all (--offline), and a
// damaged file is an error at its line and column while the rest is still read.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

namespace fs = std::filesystem;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using nlohmann::json;

namespace {

const std::string kDataset =
    std::string(CITELINT_SOURCE_DIR) + "/tests/fixtures/identifiers/retraction_watch.csv";

const std::string kList =
    "1. Wakefield AJ. Vaccines and autism. The Lancet. 1998;351:637-41. doi:10.1234/retracted.1\n\n"
    "2. Raoult D. Hydroxychloroquine in patients. IJAA. 2020;56:105949. "
    "https://doi.org/10.1234/concern.1\n\n"
    "3. Resplandy L. Ocean heat content rising. Nature. 2018;563:105-8. PMID: 30383114\n\n"
    "4. Rossi M. A paper that came back. J Things. 2014;1:1-2. doi:10.1234/reinstated.1\n\n"
    "5. Fine F. A sound paper. J Good. 2019;2:3-4. doi:10.1234/fine.1\n";

std::vector<std::pair<std::string, int>> rules_and_lines(const json& report) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& f : report["findings"]) {
    const std::string rule = f["rule"];
    if (rule.rfind("integrity/", 0) == 0) out.emplace_back(rule, f["line"].get<int>());
  }
  return out;
}

}  // namespace

TEST_CASE(
    "a local Retraction Watch dataset flags retracted, concerning and corrected works offline") {
  const fs::path list = scratch_file("retractions/refs.txt", kList);
  const Run run = run_citelint("check --offline --as-of 2024-01-01 --format json --retractions " +
                               kDataset + " " + list.string());
  INFO(run.err);
  CHECK(run.exit == 1);
  const json j = json::parse(run.out);
  using Row = std::pair<std::string, int>;
  CHECK(rules_and_lines(j) == std::vector<Row>{{"integrity/retracted", 1},
                                               {"integrity/concern", 3},
                                               {"integrity/corrected", 5},
                                               {"integrity/corrected", 7}});
  std::string retracted, reinstated;
  for (const auto& f : j["findings"]) {
    if (f["line"] == 1 && f["rule"] == "integrity/retracted") retracted = f["message"];
    if (f["line"] == 7) reinstated = f["message"];
  }
  // The dataset writes the DOI in capitals and the date month first.
  CHECK_THAT(retracted, Catch::Contains("retracted (2010-02-02, notice 10.1234/notice.1"));
  CHECK_THAT(reinstated, Catch::Contains("reinstated") && Catch::Contains("it stands again"));
  const json res = j["references"][0]["dois"][0]["resolution"];
  CHECK(res["state"] == "unknown");  // not asked: offline
  REQUIRE(res["notices"].size() == 1);
  CHECK(res["notices"][0]["type"] == "retraction");
  CHECK(j["references"][4]["dois"][0].contains("resolution") == false);
}

TEST_CASE("retractions from the local dataset: every report format carries the notices") {
  const fs::path list = scratch_file("retractions/refs-formats.txt", kList);
  for (const char* format : {"text", "sarif", "junit", "github", "markdown", "html"}) {
    const Run run =
        run_citelint("check --offline --as-of 2024-01-01 --format " + std::string(format) +
                     " --retractions " + kDataset + " " + list.string());
    INFO(format << "\n" << run.err);
    CHECK(run.exit == 1);
    CHECK_THAT(run.out, Catch::Contains("integrity/retracted"));
  }
}

TEST_CASE("a damaged retractions file is an error at its line and column; the rest still counts") {
  const fs::path dataset =
      scratch_file("retractions/damaged.csv",
                   "Record ID,OriginalPaperDOI,RetractionNature,RetractionDate,RetractionDOI\n"
                   "1,10.1234/retracted.1,Retraction,2/2/2010 0:00,10.1234/notice.1\n"
                   "2,10.1234/short\n"
                   "3,10.1234/concern.1,Expression of concern,4/3/2020 0:00,\"10.1234/notice.3\n");
  const fs::path list = scratch_file("retractions/refs-damaged.txt", kList);
  const Run run = run_citelint("check --offline --as-of 2024-01-01 --format json --retractions " +
                               dataset.string() + " " + list.string());
  CHECK(run.exit == 2);
  CHECK_THAT(run.err, Catch::Contains(dataset.string() + ":3:1: error: a row of 2 fields"));
  CHECK_THAT(run.err,
             Catch::Contains(dataset.string() + ":4:57: error: a quoted field that never"));
  const json j = json::parse(run.out);
  CHECK(rules_and_lines(j).at(0) == std::pair<std::string, int>("integrity/retracted", 1));
  CHECK(j["errors"].size() == 2);

  SECTION("a file that is not the dataset, or is not there") {
    const fs::path other = scratch_file("retractions/other.csv", "name,value\na,1\n");
    Run r = run_citelint("check --offline --retractions " + other.string() + " " + list.string());
    CHECK(r.exit == 2);
    CHECK_THAT(r.err, Catch::Contains(":1:1: error: not the Retraction Watch dataset"));
    r = run_citelint("check --offline --retractions /nonexistent/rw.csv " + list.string());
    CHECK(r.exit == 2);
    CHECK_THAT(r.err, Catch::Contains("cannot read the retractions file"));
  }
}
