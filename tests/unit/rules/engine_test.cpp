#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "citelint/rules.hpp"
#include "support/corpus.hpp"

using namespace citelint;

namespace {
RuleSet load(const std::string& yaml, const std::string& path = "rules/t/R.yml") {
  std::vector<Diagnostic> d;
  RuleSet set = RuleSet::load({{path, yaml}}, d);
  REQUIRE(d.empty());
  return set;
}
std::vector<Finding> run(const RuleSet& set, const std::string& text,
                         LintOptions as_of = {2024, 1, 1}) {
  static std::vector<Corpus> keep;  // findings point into their corpus
  keep.push_back(test::corpus_from(text));
  return lint(set, keep.back(), as_of);
}
}  // namespace

TEST_CASE("existence: every match, with captures, focus, fix and exceptions") {
  const RuleSet set = load(
      "extends: existence\nmessage: '{word} repeated'\ncategory: punctuation\n"
      "pattern: '(?i)\\b(?P<word>the) (?P<focus>the)\\b'\nexceptions: ['THE THE']\n"
      "fix: {replace: '(?i)the', with: ''}\n");
  const auto f = run(set, "1 Read the the book.\n2 THE THE band.\n3 The the end.\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "the repeated");
  CHECK(f[0].span.line == 1);
  CHECK(f[0].span.column == 12);
  CHECK(f[0].reference == "1");
  REQUIRE(f[0].fix);
  CHECK(f[0].fix->replacement.empty());
  CHECK(f[1].reference == "3");
}

TEST_CASE("rules see the scope they ask for") {
  const RuleSet set =
      load("extends: existence\nmessage: m\ncategory: url-syntax\nscope: url\npattern: '^http:'\n");
  const auto f = run(set, "1 http: is a word here. https://a.org/x http://b.org/y.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].span.column == 41);
}

TEST_CASE("compare: roles, as-of, halves and named captures") {
  const RuleSet order = load(
      "extends: compare\nmessage: '{left} < {right}'\ncategory: date-order\nleft: accessed\nop: "
      "'>='\nright: published\n");
  auto f = run(order, "1 A. (2019-06-10)[2019-04-02]. x.\n2 B. (2019-06)[2019-06-02]. y.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "2019-04-02 < 2019-06-10");

  const RuleSet future = load(
      "extends: compare\nmessage: '{left} after {right}'\ncategory: date-future\nleft: any\nop: "
      "'<='\nright: as-of\n");
  f = run(future, "1 A. (2019-06-10)[2020-01-02]. Press, 2021.\n", {2020, 1, 1});
  REQUIRE(f.size() == 2);
  CHECK(f[0].message == "2020-01-02 after 2020-01-01");
  CHECK(f[1].message == "2021 after 2020-01-01");

  const RuleSet captures = load(
      "extends: compare\nmessage: 'ends before it starts'\ncategory: date-order\nscope: entry\n"
      "pattern: 'from (?P<start>\\d{4}-\\d\\d-\\d\\d) to (?P<stop>\\d{4}-\\d\\d-\\d\\d)'\n"
      "left: start\nop: '<='\nright: stop\nat: right\n");
  f = run(captures,
          "1 Survey from 2019-05-01 to 2019-04-01.\n2 Survey from 2019-05-01 to 2019-06-01.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].span.column == 29);
}

TEST_CASE("consistency needs a clear majority, counted per entry") {
  const RuleSet set = load(
      "extends: consistency\nmessage: '{form} ({count} of {total} use {majority})'\ncategory: "
      "consistency\n"
      "scope: entry\nforms:\n  dots: '\\d{4}\\.\\d\\d'\n  dashes: '\\d{4}-\\d\\d'\n");
  auto f = run(set, "1 A 2019.01.\n2 B 2019-02.\n3 C 2019-03.\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "dots (2 of 3 use dashes)");
  CHECK(run(set, "1 A 2019.01.\n2 B 2019-02.\n").empty());  // a tie says nothing
}

TEST_CASE("unique: duplicates across entries, not within one") {
  const RuleSet set = load(
      "extends: unique\nmessage: 'same as {first} (line {first_line})'\ncategory: duplicate\n");
  const auto f =
      run(set,
          "1 A. https://a.org/x https://a.org/x\n2 B. https://b.org/y\n3 C. HTTPS://A.ORG/x\n"
          "4 D. https://b.org/y\n");
  REQUIRE(f.size() == 2);
  CHECK(f[0].reference == "3");
  CHECK(f[0].message == "same as 1 (line 1)");
  CHECK(f[1].message == "same as 2 (line 2)");
}

TEST_CASE("unique entries compare folded text, and only equal text") {
  const RuleSet set =
      load("extends: unique\nscope: entry\nmessage: 'same as {first}'\ncategory: duplicate\n");
  // Same letters in another order land in the same bucket but are not duplicates.
  const auto f = run(set, "1 Smith J. Ab.\n2 Smith J. Ba.\n3 smith  j,  ab\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].reference == "3");
  CHECK(f[0].message == "same as 1");
}

TEST_CASE("results replayed for repeated texts equal checking each unit") {
  // Dates repeat; the engine checks each distinct date text once and replays its findings.
  const RuleSet set = load(
      "extends: existence\nscope: date\nmessage: '{role} {value}'\ncategory: date-format\npattern: "
      "'-\\d-'\n");
  const auto f = run(set, "1 A. (2019-2-07)[2019-2-07].\n2 B. (2019-2-07)[2020-03-01].\n");
  REQUIRE(f.size() == 3);
  CHECK(f[0].message == "published 2019-02-07");
  CHECK(f[1].message == "accessed 2019-02-07");
  CHECK(f[2].span.line == 2);
}

TEST_CASE("a scope whose units mostly match stops using its set, and loses nothing") {
  // Two rules in one scope share an RE2::Set until a sample shows most units match; from then on
  // each rule searches on its own. A third rule runs on every unit regardless. Every entry must
  // be reported by each rule that applies, before, at and after the switch.
  std::vector<Diagnostic> d;
  const RuleSet set = RuleSet::load(
      {{"rules/t/A.yml", "extends: existence\nmessage: a\ncategory: punctuation\npattern: 'x,,'\n"},
       {"rules/t/B.yml", "extends: existence\nmessage: b\ncategory: punctuation\npattern: 'y;;'\n"},
       {"rules/t/C.yml", "extends: balance\nmessage: c\ncategory: punctuation\npairs: ['()']\n"}},
      d);
  REQUIRE(d.empty());
  std::string list;
  for (int i = 1; i <= 3000; ++i)
    list += std::to_string(i) + (i % 3 ? " Ax,, (b.\n" : " By;; (c.\n");
  const auto f = run(set, list);
  auto count = [&](const char* rule) {
    return std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; });
  };
  CHECK(count("t/A") == 2000);
  CHECK(count("t/B") == 1000);
  CHECK(count("t/C") == 3000);
}

TEST_CASE("findings come sorted by position and without duplicates") {
  const auto f =
      run(test::core_rules(),
          "1 B. (2019- 2-7)[2019-03-12]. http://www. a.org/x.\n2 A,, b. https://a.org/y.\n");
  for (std::size_t i = 1; i < f.size(); ++i) CHECK(f[i - 1].span.begin <= f[i].span.begin);
}

TEST_CASE("rules test: annotated fixtures pass or say what failed") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "citelint-rules-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "pack");
  const std::string yaml = "extends: existence\nmessage: m\ncategory: punctuation\npattern: ',,'\n";
  std::ofstream(dir / "pack" / "Commas.yml") << yaml;
  std::ofstream(dir / "pack" / "Commas.txt")
      << "# ruleid: pack/Commas\n1 A,, b.\n\n# ok: pack/Commas\n2 A, b.\n\n3 C,, d.\n";
  std::vector<Diagnostic> d;
  const auto files = rule_files_from_path(dir.string(), d);
  REQUIRE(d.empty());
  const RuleSet set = RuleSet::load(files, d);
  auto results = test_rules(set, files, {});
  REQUIRE(results.size() == 1);
  CHECK(results[0].must_fire == 1);
  CHECK(results[0].must_not_fire == 1);
  REQUIRE(results[0].failures.size() == 1);  // entry 3 fires but is not annotated
  CHECK(results[0].failures[0].find("unannotated finding") != std::string::npos);
  CHECK(results[0].failures[0].find("Commas.txt:7:4") != std::string::npos);

  std::ofstream(dir / "pack" / "Commas.txt") << "# ok: pack/Commas\n1 A,, b.\n";
  results = test_rules(set, files, {});
  REQUIRE_FALSE(results[0].failures.empty());
  CHECK(results[0].failures[0].find("should not fire on reference 1") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("list-wide rules report across batches: units are made again after recycling") {
  // 9,000 entries span three of the engine's batches of 4,096; the element sequences of the
  // first batches are recycled before the consistency and duplicate rules report at the end.
  std::string list;
  for (int i = 1; i <= 9000; ++i) {
    const std::string n = std::to_string(i);
    const std::string url = "https://www.example.org/report/" + (i == 8500 ? "7" : n) + ".html";
    const std::string dates = "(2019-06-14)[2019-09-01]";
    list += n + " Author " + n + ". Report " + n + "[EB/OL]. " +
            (i == 10 || i == 5000 ? url + ". " + dates : dates + ". " + url) + ".\n\n";
  }
  const Corpus corpus = test::corpus_from(list);
  const auto findings = lint(test::core_rules(), corpus, {2024, 1, 1});
  std::vector<std::pair<std::string, int>> seen;
  for (const Finding& f : findings)
    if (f.rule == "core/UrlPosition" || f.rule == "core/DuplicateUrl")
      seen.emplace_back(f.rule, f.span.line);
  const std::vector<std::pair<std::string, int>> expected = {
      {"core/UrlPosition", 19}, {"core/UrlPosition", 9999}, {"core/DuplicateUrl", 16999}};
  CHECK(seen == expected);
  for (const Finding& f : findings)
    if (f.rule == "core/DuplicateUrl")
      CHECK(f.message.find("reference 7 (line 13)") != std::string::npos);
}
