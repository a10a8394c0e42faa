// End to end: what the GitHub Action runs (ci/github-action/check.sh), in a scratch repository
// with a .bib, as the action's container runs it: annotations on the .bib's lines, SARIF and a
// Markdown summary beside them, citelint's exit status.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

namespace fs = std::filesystem;
using citelint_test::scratch_file;
using citelint_test::slurp;

TEST_CASE("the GitHub Action's check annotates the .bib's lines and writes SARIF and a summary") {
  const fs::path bib = scratch_file("repo/paper/refs.bib", slurp(fs::path(CITELINT_SOURCE_DIR) /
                                                                 "tests/fixtures/bibtex/refs.bib"));
  const fs::path repo = bib.parent_path().parent_path();
  const fs::path summary = repo / "summary.md", out = repo / "out", log = repo / "log";
  scratch_file("repo/summary.md", "");
  const std::string command = "cd " + repo.string() + " && CITELINT_BIN=" + CITELINT_BINARY +
                              " GITHUB_STEP_SUMMARY=" + summary.string() + " " +
                              CITELINT_SOURCE_DIR + "/ci/github-action/check.sh " + out.string() +
                              " --offline --as-of 2024-01-01 paper/refs.bib >" + log.string() +
                              " 2>&1";
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // a finding at error level
  const std::string annotations = slurp(log);
  INFO(annotations);
  CHECK(annotations.find("::error file=paper/refs.bib,line=42,col=14,endLine=42,endColumn=23,"
                         "title=core/DateImpossible::'yesterday' is not a date that exists") !=
        std::string::npos);
  const auto sarif = nlohmann::json::parse(slurp(out / "citelint.sarif"));
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
             ["uri"] == "paper/refs.bib");
  CHECK(slurp(summary).find("## citelint: 6 references, 5 URLs") == 0);
}
