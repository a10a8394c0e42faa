// End to end: .bib files through the binary.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

TEST_CASE("a .bib is checked with its findings at their places in the file") {
  const Run r = run_citelint(
      "check --offline --as-of 2024-01-01 --format json tests/fixtures/bibtex/refs.bib");
  INFO(r.err);
  CHECK(r.exit == 1);  // urldate = {yesterday}
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["inputs"][0]["format"] == "bibtex");
  CHECK(j["summary"]["references"] == 6);
  CHECK(j["summary"]["urls"] == 5);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["rule"] == "core/DateImpossible");
  CHECK(j["findings"][0]["line"] == 42);
  CHECK(j["findings"][0]["column"] == 14);
  CHECK(j["findings"][0]["reference"] == "concat");
  // The text report shows the .bib line.
  const Run text =
      run_citelint("check --offline --as-of 2024-01-01 tests/fixtures/bibtex/refs.bib");
  CHECK(text.out.find("tests/fixtures/bibtex/refs.bib:42:14: error[core/DateImpossible]: "
                      "'yesterday' is not a date that exists") != std::string::npos);
}

TEST_CASE("a malformed .bib: the error with its position, the rest still checked") {
  const fs::path bib =
      scratch_file("bib/bad.bib",
                   "@online{a, url = {http://a.example/1}, urldate = {2021-02-30}}\n"
                   "@online{b, title = {unclosed, url = {http://b.example/2}\n"
                   "@online{c, url = {http://c.example/3}, urldate = {2021-03-03}}\n");
  const Run r = run_citelint("check --offline --as-of 2024-01-01 --format json " + bib.string());
  CHECK(r.exit == 2);  // an input error
  CHECK(r.err.find(bib.string() + ":2:20: error: unbalanced '{'") != std::string::npos);
  CHECK(r.err.find("1 entry skipped; the other 2 were read") != std::string::npos);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["summary"]["references"] == 2);
  REQUIRE(j["findings"].size() == 1);  // 2021-02-30, in the entry before the bad one
  CHECK(j["findings"][0]["line"] == 1);
}

TEST_CASE("BibTeX on standard input, by its content or by --input-format") {
  const std::string bib = "@misc{x, howpublished = {\\url{http://x.example/a}}}\n";
  auto read = [](const Run& r) { return nlohmann::json::parse(r.out); };
  auto j = read(run_citelint("check --offline --format json -", bib));
  CHECK(j["inputs"][0]["format"] == "bibtex");
  CHECK(j["references"][0]["urls"][0]["url"] == "http://x.example/a");
  j = read(run_citelint("check --offline --format json --input-format text -", bib));
  CHECK(j["inputs"][0]["format"] == "text");
  CHECK(run_citelint("check --offline --input-format pdf -", bib).exit == 2);
}

TEST_CASE("the links of a .bib are checked, and reported at their fields") {
  citelint::test::FakeWeb web;
  const fs::path bib = scratch_file(
      "bib/links.bib", "@online{ok, url = {" + web.url("a.test", "/ok") +
                           "}, urldate = {2021-03-03}}\n@online{gone,\n  url = {" +
                           web.url("a.test", "/404") + "},\n  urldate = {2021-03-03}}\n");
  const Run r = run_citelint("check --as-of 2024-01-01 --no-cache --allow-private --resolve " +
                             web.resolve("a.test") + " --format json " + bib.string());
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 1);
  CHECK(j["findings"][0]["rule"] == "link/broken");
  CHECK(j["findings"][0]["line"] == 3);
  CHECK(j["findings"][0]["column"] == 10);
}
