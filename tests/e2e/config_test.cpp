// End to end: .citelint.yaml found upward from the working directory, its rule levels,
// category policy, suppress entries and fail policy; the command line winning; strict errors.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

namespace fs = std::filesystem;
using citelint_test::Run;
using citelint_test::scratch_file;
using citelint_test::slurp;

namespace {

Run run_in(const fs::path& dir, const std::string& args) {
  return citelint_test::run_citelint_in(dir, args);
}

const std::string kList =
    "1 Ministry. Report[EB/OL]. (2018-05-30)[2019-03-12]. http://www. moe.gov.cn/a.html.\n"
    "2 Office. Data[EB/OL]. (2018-10-31)[2019-02-30]. https://data.example.org/x.\n"
    "3 Office. Data again , revised[EB/OL]. (2018-10-31)[2019-03-01]. "
    "https://data.example.org/x.\n";

}  // namespace

TEST_CASE("a .citelint.yaml above the working directory sets levels, policy and suppressions") {
  const fs::path list = scratch_file("config/project/refs/list.txt", kList);
  const fs::path dir = list.parent_path();
  const Run plain = run_in(dir, "check --offline --as-of 2024-01-01 list.txt");
  INFO(plain.out);
  CHECK(plain.out.find("error[core/UrlWhitespace]") != std::string::npos);
  CHECK(plain.out.find("error[core/DateImpossible]") != std::string::npos);
  CHECK(plain.out.find("[core/SpaceBeforePunctuation]") != std::string::npos);
  CHECK(plain.out.find("[core/DuplicateUrl]") != std::string::npos);

  scratch_file("config/project/.citelint.yaml",
               "# the project's settings\n"
               "fail-on: warning\n"
               "rules:\n"
               "  core/DateImpossible: off\n"
               "  core/UrlWhitespace: warning\n"
               "policy:\n"
               "  punctuation: off\n"
               "suppress:\n"
               "  - reference: \"3\"\n"
               "    input: refs/list.txt\n"  // relative to the config's folder
               "    rules: [DuplicateUrl]\n"
               "network:\n"
               "  hosts:\n"
               "    web.archive.org: {concurrency: 1, interval: 1000}\n");
  const Run r = run_in(dir, "check --offline --as-of 2024-01-01 list.txt");
  INFO(r.out + r.err);
  CHECK(r.out.find("warning[core/UrlWhitespace]") != std::string::npos);  // its level
  CHECK(r.out.find("DateImpossible") == std::string::npos);               // off
  CHECK(r.out.find("SpaceBeforePunctuation") == std::string::npos);       // its category off
  CHECK(r.out.find("DuplicateUrl") == std::string::npos);                 // suppressed
  CHECK(r.exit == 1);  // fail-on: warning, and a warning is left
  CHECK(r.err.find("1 finding suppressed") != std::string::npos);

  // The command line wins; --no-config reads none.
  CHECK(run_in(dir, "check --offline --as-of 2024-01-01 --fail-on never list.txt").exit == 0);
  const Run none = run_in(dir, "check --offline --as-of 2024-01-01 --no-config list.txt");
  CHECK(none.out.find("error[core/DateImpossible]") != std::string::npos);
}

TEST_CASE("a config with an unknown key, a bad value or an unknown rule is an error at its place") {
  const fs::path list = scratch_file("config/bad/list.txt", kList);
  const fs::path dir = list.parent_path();
  auto with = [&](const std::string& yaml) {
    scratch_file("config/bad/.citelint.yaml", yaml);
    return run_in(dir, "check --offline --as-of 2024-01-01 list.txt");
  };
  Run r = with("fail-on: error\nnetwrok:\n  timeout: 5\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:2:1: error: unknown key 'netwrok' in the config") !=
        std::string::npos);
  r = with("policy:\n  link-broken: fatal\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:2:16: error: policy.link-broken must be error, warning, "
                   "info or off, not 'fatal'") != std::string::npos);
  r = with("rules:\n  core/NoSuchRule: off\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:2:3: error: no rule core/NoSuchRule in the packs") !=
        std::string::npos);
  r = with("network:\n  hosts:\n    a.example: {concurency: 2}\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:3:17: error: unknown key 'concurency'") != std::string::npos);
}

TEST_CASE("one options table: a config value is checked as its flag is, lists add up, flags win") {
  const fs::path list = scratch_file("config/options/list.txt", kList);
  const fs::path dir = list.parent_path();
  scratch_file("config/options/.citelint.yaml", "network:\n  timeout: soon\n");
  Run r = run_in(dir, "check --offline --as-of 2024-01-01 list.txt");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:2:12: error: network.timeout wants a number of seconds, not "
                   "'soon'") != std::string::npos);
  // The same check on the command line.
  r = run_in(dir, "check --offline --no-config --timeout soon list.txt");
  CHECK(r.exit == 2);
  CHECK(r.err.find("--timeout wants a number of seconds, not 'soon'") != std::string::npos);
  // A config's bad value is an error even when the command line gives the option.
  scratch_file("config/options/.citelint.yaml", "fail-on: sometimes\n");
  r = run_in(dir, "check --offline --fail-on never list.txt");
  CHECK(r.exit == 2);
  CHECK(
      r.err.find(".citelint.yaml:1:10: error: fail-on wants one of error, warning, info, never") !=
      std::string::npos);
  // Lists: the config's exclude and the command line's both hold (nothing is asked: both
  // hosts excluded, so no link is checked and the run needs no network).
  scratch_file("config/options/.citelint.yaml", "exclude: ['moe\\.gov']\nfail-on: never\n");
  r = run_in(dir,
             "check --as-of 2024-01-01 --no-cache --exclude data\\.example --format json "
             "list.txt");
  INFO(r.err);
  CHECK(r.exit == 0);
  CHECK(nlohmann::json::parse(r.out)["summary"]["links"]["excluded"] == 2);
}
