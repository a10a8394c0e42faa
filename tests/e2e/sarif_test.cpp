// End to end: SARIF 2.1.0 from the binary, validated against the schema (with its formats) and
// GitHub code scanning's requirements by tests/support/validate_sarif.py, with Debian's Python
// and python3-jsonschema (ci/install-deps.sh).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using citelint_test::slurp;

namespace {

// The validator's output, empty when the file is valid.
std::string validate(const std::string& sarif_path) {
  const auto out = scratch_file("sarif/validate.out", "");
  const std::string command = std::string("/usr/bin/python3 ") + CITELINT_SOURCE_DIR +
                              "/tests/support/validate_sarif.py " + CITELINT_SOURCE_DIR +
                              "/tests/fixtures/sarif/sarif-schema-2.1.0.json " + sarif_path + " >" +
                              out.string() + " 2>&1";
  const int status = std::system(command.c_str());
  const std::string said = slurp(out);
  return status == 0 ? said : "exit " + std::to_string(status) + ": " + said;
}

}  // namespace

TEST_CASE("SARIF is valid against the 2.1.0 schema and what code scanning asks") {
  const auto out = scratch_file("sarif/all.sarif", "");
  const Run r =
      run_citelint("check --offline --as-of 2024-01-01 --format sarif -o " + out.string() +
                   " examples/gbt7714.txt tests/fixtures/bibtex/refs.bib "
                   "tests/fixtures/pdf/article.pdf tests/fixtures/docx/refs.docx");
  INFO(r.err);
  CHECK(r.exit == 1);
  CHECK(validate(out.string()).empty());
  const auto sarif = nlohmann::json::parse(slurp(out));
  const auto& run = sarif["runs"][0];
  CHECK(sarif["version"] == "2.1.0");
  CHECK(run["columnKind"] == "unicodeCodePoints");
  CHECK(run["artifacts"][0]["location"]["uri"] == "examples/gbt7714.txt");
  // Every rule that ran, and the link checker's kinds.
  std::set<std::string> ids;
  for (const auto& rule : run["tool"]["driver"]["rules"]) ids.insert(rule["id"]);
  CHECK(ids.count("core/UrlWhitespace"));
  CHECK(ids.count("link/broken"));
  CHECK(ids.count("archive/copy"));
  // The whitespace in a URL: the fix replaces the URL as written with the URL.
  bool found = false;
  for (const auto& result : run["results"]) {
    const auto& at = result["locations"][0]["physicalLocation"];
    if (result["ruleId"] != "core/UrlWhitespace" || at["artifactLocation"]["index"] != 0 ||
        at["region"]["startLine"] != 5)
      continue;
    found = true;
    CHECK(run["tool"]["driver"]["rules"][result["ruleIndex"].get<int>()]["id"] == result["ruleId"]);
    CHECK(result["level"] == "error");
    CHECK(
        result["locations"][0]["physicalLocation"]["region"] ==
        nlohmann::json{{"startLine", 5}, {"startColumn", 226}, {"endLine", 5}, {"endColumn", 227}});
    const auto& replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
    CHECK(replacement["deletedRegion"]["startColumn"] == 215);
    CHECK(replacement["insertedContent"]["text"] ==
          "http://www.moe.gov.cn/jyb_xxgk/moe_1777/201805/t20180530_337652.html");
  }
  CHECK(found);
}

TEST_CASE("more report formats at once with --report, and fingerprints that survive moved lines") {
  const std::string list =
      "1 Ministry. Report[EB/OL]. (2018-05-30)[2019-03-12]. http://www. moe.gov.cn/a.html.\n"
      "2 Office. Data[EB/OL]. (2018-10-31)[2019-02-30]. https://data.example.org/x.\n";
  const auto before = scratch_file("sarif/before.txt", list);
  const auto after = scratch_file("sarif/after.txt", "\n\n" + list);  // moved down two lines
  const auto a = scratch_file("sarif/a.sarif", ""), b = scratch_file("sarif/b.sarif", "");
  const auto j = scratch_file("sarif/a.json", "");
  const Run r1 = run_citelint("check --offline --as-of 2024-01-01 --report sarif=" + a.string() +
                              " --report json=" + j.string() + " " + before.string());
  INFO(r1.err);
  CHECK(r1.out.find("error[core/UrlWhitespace]") != std::string::npos);  // text on stdout
  CHECK(nlohmann::json::parse(slurp(j))["summary"]["references"] == 2);
  run_citelint("check --offline --as-of 2024-01-01 --report sarif=" + b.string() + " " +
               after.string());
  auto prints = [](const std::string& path) {
    std::vector<std::pair<std::string, int>> out;
    const auto sarif = nlohmann::json::parse(slurp(path));
    // Outside the working directory: an absolute file URI, not one under SRCROOT.
    const auto& artifact = sarif["runs"][0]["artifacts"][0]["location"];
    CHECK(artifact["uri"].get<std::string>().rfind("file:///", 0) == 0);
    CHECK(!artifact.contains("uriBaseId"));
    for (const auto& result : sarif["runs"][0]["results"])
      out.emplace_back(result["partialFingerprints"]["citelint/v1"],
                       result["locations"][0]["physicalLocation"]["region"]["startLine"]);
    return out;
  };
  const auto pa = prints(a.string()), pb = prints(b.string());
  REQUIRE(pa.size() == 2);
  REQUIRE(pb.size() == 2);
  for (std::size_t i = 0; i < pa.size(); ++i) {
    CHECK(pa[i].first == pb[i].first);
    CHECK(pa[i].second + 2 == pb[i].second);
  }
  CHECK(pa[0].first != pa[1].first);

  const Run bad = run_citelint("check --offline --report xml=out.xml " + before.string());
  CHECK(bad.exit == 2);
  CHECK(bad.err.find("--report wants a report format (text, json, sarif") != std::string::npos);
  CHECK(bad.err.find("not 'xml'") != std::string::npos);
}
