// End to end: the citelint binary, run as a user runs it.
#include "support/cli.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;

namespace {

using citelint_test::Run;
using citelint_test::scratch_file;
using citelint_test::slurp;
const std::string kExample = "examples/gbt7714.txt";

}  // namespace

TEST_CASE("the issue's reference list gives exactly the findings noted under each entry") {
  const Run r =
      citelint_test::run_citelint("check --offline --as-of 2020-01-01 --format json " + kExample);
  CHECK(r.exit == 1);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  std::multiset<std::tuple<std::string, std::string, int, std::string>> got;
  for (const auto& f : j["findings"])
    got.emplace(f["reference"], f["category"], f["line"], f["rule"]);
  const std::multiset<std::tuple<std::string, std::string, int, std::string>> want = {
      {"1", "date-mismatch", 3, "core/BilingualDates"},      // halves disagree on the year
      {"2", "punctuation", 5, "core/UnbalancedBrackets"},    // "))"
      {"2", "url-whitespace", 5, "core/UrlWhitespace"},      // "http://www. moe..."
      {"3", "entry-structure", 5, "core/GluedEntry"},        // "(in Chinese)3 World Bank"
      {"3", "date-format", 5, "core/DateSpaces"},            // "(2018- 10-31)"
      {"4", "date-format", 7, "core/DatePadding"},           // "[2019-2-7]"
      {"4", "url-whitespace", 7, "core/UrlWhitespace"},      // "25186167. htm"
      {"5", "cjk-spacing", 9, "core/CjkSpaces"},             // the name
      {"5", "cjk-spacing", 9, "core/CjkSpacedDigits"},       // "2 0 1 9年"
      {"5", "date-order", 9, "core/AccessBeforePublished"},  // accessed before published
      {"6", "consistency", 11, "core/UrlPosition"},          // URL before the dates
      {"8", "date-future", 15, "core/FutureDate"},           // 2029 after the as-of date
      {"8", "duplicate", 15, "core/DuplicateUrl"},           // same URL as 7
  };
  CHECK(got == want);
  CHECK(j["summary"]["references"] == 8);
  CHECK(j["summary"]["urls"] == 8);
  CHECK(j["summary"]["unique_urls"] == 6);

  // The same in text, one header line per finding and the summary last.
  const Run text = citelint_test::run_citelint("check --offline --as-of 2020-01-01 " + kExample);
  CHECK(text.exit == 1);
  for (const auto& f : j["findings"]) {
    const std::string header =
        kExample + ":" + std::to_string(f["line"].get<int>()) + ":" +
        std::to_string(f["column"].get<int>()) + ": " + f["severity"].get<std::string>() + "[" +
        f["rule"].get<std::string>() + "]: " + f["message"].get<std::string>() + "\n";
    CHECK(text.out.find(header) != std::string::npos);
  }
  CHECK(text.out.find(
            "= fix: http://www.moe.gov.cn/jyb_xxgk/moe_1777/201805/t20180530_337652.html\n") !=
        std::string::npos);
  CHECK(text.out.ends_with(
      "8 references, 8 URLs (6 unique), 13 findings: 5 errors, 8 warnings, 0 info "
      "(as of 2020-01-01)\n"));
}

TEST_CASE("exit codes follow --fail-on") {
  CHECK(citelint_test::run_citelint("check --offline --as-of 2020-01-01 examples/clean.txt").exit ==
        0);
  CHECK(
      citelint_test::run_citelint("check --offline --as-of 2020-01-01 --fail-on never " + kExample)
          .exit == 0);
  const fs::path warnings =
      scratch_file("warn.txt", "1 Smith J. A title,, and more. Press, 2019.\n");
  CHECK(citelint_test::run_citelint("check --offline " + warnings.string()).exit == 0);
  CHECK(
      citelint_test::run_citelint("check --offline --fail-on warning " + warnings.string()).exit ==
      1);
  CHECK(citelint_test::run_citelint("check --offline --fail-on info examples/clean.txt").exit == 0);
}

TEST_CASE("a file that cannot be read is reported, and the others are still checked") {
  const Run r = citelint_test::run_citelint(
      "check --offline --as-of 2020-01-01 --format json missing.txt " + kExample);
  CHECK(r.exit == 2);
  CHECK(r.err.find("missing.txt: error: cannot read: No such file or directory") !=
        std::string::npos);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["inputs"].size() == 1);
  CHECK(j["summary"]["references"] == 8);
  CHECK(j["findings"].size() == 13);
}

TEST_CASE("bytes that are not UTF-8 are reported with their position, and the rest is read") {
  const fs::path bad = scratch_file("bad.txt",
                                    "1 Smith J. A title. Press, 2019.\n2 Br\xFFwn K. (2019- "
                                    "2-07)[2019-03-12]. https://a.org/x.\n");
  const Run r = citelint_test::run_citelint("check --offline --format json " + bad.string());
  CHECK(r.exit == 2);
  CHECK(r.err.find(bad.string() + ":2:5: error: not valid UTF-8: byte 0xFF") != std::string::npos);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["references"] == 2);
  bool date_found = false;
  for (const auto& f : j["findings"])
    date_found = date_found || (f["rule"] == "core/DateSpaces" && f["line"] == 2);
  CHECK(date_found);
}

TEST_CASE("standard input and an output file") {
  const std::string list = "1 Smith J. A title,, and more. Press, 2019.\n";
  Run r = citelint_test::run_citelint("check --offline --format json -", list);
  CHECK(r.exit == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["inputs"][0]["path"] == "<stdin>");
  CHECK(j["findings"][0]["input"] == "<stdin>");

  const fs::path out =
      fs::temp_directory_path() / ("citelint-e2e-report-" + std::to_string(getpid()) + ".json");
  r = citelint_test::run_citelint("check --offline --format json -o " + out.string() + " -", list);
  CHECK(r.out.empty());
  j = nlohmann::json::parse(slurp(out));
  CHECK(j["findings"].size() == 1);
  fs::remove(out);
}

TEST_CASE("usage errors exit 2 and say what is wrong") {
  Run r = citelint_test::run_citelint("check --offline --as-of 2020-13-45 " + kExample);
  CHECK(r.exit == 2);
  CHECK(r.err.find("--as-of wants a date as YYYY-MM-DD") != std::string::npos);
  CHECK(citelint_test::run_citelint("check --offline --format yaml " + kExample).exit == 2);
  CHECK(citelint_test::run_citelint("check --offline --no-such-flag " + kExample).exit == 2);
  CHECK(citelint_test::run_citelint("check --offline").exit == 2);
  CHECK(citelint_test::run_citelint("").exit == 2);
  r = citelint_test::run_citelint("check --offline --style nonesuch " + kExample);
  CHECK(r.exit == 2);
  CHECK(r.err.find("no shipped style pack 'nonesuch' (shipped: core)") != std::string::npos);
}

TEST_CASE("extra rule packs: loaded strictly, then run with the core pack") {
  const fs::path good =
      scratch_file("packs/house/NoEtAl.yml",
                   "extends: existence\nmessage: 'write the authors out: {match}'\n"
                   "category: entry-structure\nlevel: error\npattern: '\\bet al\\.'\n");
  Run r = citelint_test::run_citelint("check --offline --format json --rules " +
                                          good.parent_path().parent_path().string() +
                                          " examples/clean.txt",
                                      "");
  CHECK(r.exit == 0);
  const fs::path list = scratch_file("etal.txt", "1 Smith J, et al. A title. Press, 2019.\n");
  r = citelint_test::run_citelint("check --offline --format json --rules " + good.string() + " " +
                                  list.string());
  CHECK(r.exit == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["rule"] == "house/NoEtAl");
  CHECK(j["findings"][0]["message"] == "write the authors out: et al.");

  const fs::path bad =
      scratch_file("packs/broken/Bad.yml",
                   "extends: existence\nmessage: m\ncategory: punctuation\npattern: '(?=x)'\n");
  r = citelint_test::run_citelint("check --offline --rules " + bad.string() + " " + list.string());
  CHECK(r.exit == 2);
  CHECK(r.err.find(bad.string() + ":4:11: error: invalid RE2 pattern") != std::string::npos);
  CHECK(r.err.find("no input was checked") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("rules list, explain and test") {
  Run r = citelint_test::run_citelint("rules list");
  CHECK(r.exit == 0);
  CHECK(r.out.find("core/UrlWhitespace") != std::string::npos);
  CHECK(r.out.ends_with("34 rules, 38 built-in kinds\n"));
  CHECK(r.out.find("link/broken") != std::string::npos);
  r = citelint_test::run_citelint("rules explain link/soft-404");
  CHECK(r.exit == 0);
  CHECK(r.out.find("link/soft-404  (warning, link-soft404)") != std::string::npos);

  r = citelint_test::run_citelint("rules explain core/CjkSpaces");
  CHECK(r.exit == 0);
  CHECK(r.out.find("core/CjkSpaces  (warning, cjk-spacing)") != std::string::npos);
  CHECK(r.out.find("bad:\n  1 中华 人民") != std::string::npos);
  CHECK(citelint_test::run_citelint("rules explain core/Nope").exit == 2);

  r = citelint_test::run_citelint("rules test");
  CHECK(r.exit == 0);
  CHECK(r.out.ends_with("34 passed, 0 failed\n"));
  // Outside the source tree, the shipped rules are tested against the fixtures built in.
  const fs::path elsewhere = scratch_file("rules-test-elsewhere/x", "").parent_path();
  r = citelint_test::run_citelint_in(elsewhere, "rules test");
  CHECK(r.exit == 0);
  CHECK(r.out.find("tests/rules/core/UrlWhitespace.txt") == std::string::npos);
  CHECK(r.out.ends_with("34 passed, 0 failed\n"));

  const fs::path pack =
      scratch_file("tested/pack/Commas.yml",
                   "extends: existence\nmessage: m\ncategory: punctuation\npattern: ',,'\n");
  scratch_file("tested/pack/Commas.txt", "# ok: pack/Commas\n1 A,, b.\n");
  r = citelint_test::run_citelint("rules test " + pack.parent_path().string());
  CHECK(r.exit == 1);
  CHECK(r.out.find("FAIL  pack/Commas") != std::string::npos);
  CHECK(r.out.ends_with("0 passed, 1 failed\n"));
}

TEST_CASE("citelint --version, and check --help") {
  Run r = citelint_test::run_citelint("--version");
  CHECK(r.exit == 0);
  CHECK(r.out.rfind("citelint ", 0) == 0);
  r = citelint_test::run_citelint("check --help");
  CHECK(r.exit == 0);
  CHECK(r.out.find("--as-of") != std::string::npos);
}

TEST_CASE("the man page and the completions are made from the command line's definition") {
  const Run man = citelint_test::run_citelint("generate man");
  CHECK(man.exit == 0);
  CHECK(man.out.rfind(".TH CITELINT 1", 0) == 0);
  for (const char* word : {"citelint check", "citelint baseline", "citelint rules explain",
                           "citelint text", "\\-\\-archive\\-tolerance", "EXIT STATUS"})
    CHECK(man.out.find(word) != std::string::npos);
  const Run bash = citelint_test::run_citelint("generate bash");
  CHECK(bash.out.find("complete -F _citelint citelint") != std::string::npos);
  // Choices from the tables: report formats, input formats (MEDLINE included), levels.
  CHECK(bash.out.find("\"text json sarif junit github markdown html\"") != std::string::npos);
  CHECK(bash.out.find("medline") != std::string::npos);
  CHECK(bash.out.find("\"error warning info never\"") != std::string::npos);
  const Run zsh = citelint_test::run_citelint("generate zsh");
  CHECK(zsh.out.rfind("#compdef citelint", 0) == 0);
  CHECK(zsh.out.find("--max-concurrency'[") != std::string::npos);
  const Run fish = citelint_test::run_citelint("generate fish");
  CHECK(fish.out.find("-l fail-on -x -a 'error warning info never'") != std::string::npos);
  // Hidden from the help: it is for packagers.
  CHECK(citelint_test::run_citelint("--help").out.find("generate") == std::string::npos);
}

// One defect, one finding (issue 14): a record duplicated whole is one DuplicateEntry, not a
// DuplicateDoi and a DuplicateUrl as well; two works citing one site's home page are info.
TEST_CASE("a duplicated entry is one finding; a shared home page is info") {
  const auto list = citelint_test::scratch_file(
      "dup.txt",
      "1 Smith J. A study. Nature, 2020, 580: 6-9. doi:10.1038/s41586-020-5678-9. "
      "https://www.nature.com/articles/s41586-020-5678-9.\n"
      "2 Smith J. A study. Nature, 2020, 580: 6-9. doi:10.1038/s41586-020-5678-9. "
      "https://www.nature.com/articles/s41586-020-5678-9.\n"
      "3 Figshare. A repository for research outputs. https://figshare.com/\n"
      "4 Figshare. Data for: a study of things. https://figshare.com/\n");
  const Run r = citelint_test::run_citelint("check --offline --as-of 2024-01-01 --format json " +
                                            list.string());
  const auto j = nlohmann::json::parse(r.out);
  std::multiset<std::pair<std::string, std::string>> got;
  for (const auto& f : j["findings"])
    if (f["category"] == "duplicate") got.emplace(f["reference"], f["rule"]);
  CHECK(got == std::multiset<std::pair<std::string, std::string>>{{"2", "core/DuplicateEntry"},
                                                                  {"4", "core/DuplicateSiteRoot"}});
}

TEST_CASE("a full-width bracket closed by an ASCII one is one finding") {
  const auto list =
      citelint_test::scratch_file("brackets.txt",
                                  "1 张三. 城市化研究（2019)[2020-01-01]. 北京: 出版社, 2019.\n"
                                  "2 李四. 经济增长研究(2018）. 北京: 出版社, 2018.\n");
  const Run r = citelint_test::run_citelint("check --offline --as-of 2024-01-01 --format json " +
                                            list.string());
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : j["findings"])
    if (f["rule"] == "core/UnbalancedBrackets") got.emplace_back(f["reference"], f["message"]);
  CHECK(got ==
        std::vector<std::pair<std::string, std::string>>{
            {"1", "a full-width bracket closed by ')'"}, {"2", "an ASCII bracket closed by '）'"}});
}
