#include <catch2/catch.hpp>

#include "citelint/rules.hpp"
#include "rules/rule.hpp"

using namespace citelint;

namespace {
std::vector<Diagnostic> load_errors(const std::string& yaml,
                                    const std::string& path = "rules/t/R.yml") {
  std::vector<Diagnostic> d;
  RuleSet::load({{path, yaml}}, d);
  return d;
}
bool has(const std::vector<Diagnostic>& ds, int line, int column, const std::string& words) {
  for (const auto& d : ds)
    if (d.line == line && d.column == column && d.message.find(words) != std::string::npos)
      return true;
  return false;
}
const char* kGood = "extends: existence\nmessage: m\ncategory: punctuation\npattern: 'a'\n";
}  // namespace

TEST_CASE("the shipped packs load cleanly and cover every offline category") {
  std::vector<Diagnostic> d;
  const RuleSet set = RuleSet::load(shipped_rule_files(), d);
  CHECK(d.empty());
  std::set<std::string> categories;
  for (const RuleInfo& r : set.rules()) {
    categories.insert(r.category);
    CHECK(r.id.rfind("core/", 0) == 0);
    CHECK_FALSE(r.description.empty());
    CHECK_FALSE(r.bad_examples.empty());
    CHECK_FALSE(r.good_examples.empty());
  }
  for (const char* c :
       {"url-whitespace", "url-syntax", "date-format", "date-order", "date-future", "date-mismatch",
        "punctuation", "entry-structure", "consistency", "cjk-spacing", "duplicate", "doi"})
    CHECK(categories.count(c));
}

TEST_CASE("a good rule file loads, ids come from pack and file name") {
  CHECK(load_errors(kGood).empty());
  CHECK(rule_id_from_path("rules/core/UrlWhitespace.yml") == "core/UrlWhitespace");
  CHECK(rule_id_from_path("/x/y/mypack/Rule.yaml") == "mypack/Rule");
}

TEST_CASE("strict loading: every problem at file:line:col") {
  SECTION("unknown key, with a suggestion") {
    const auto d =
        load_errors("extends: existence\nmessage: m\ncategory: punctuation\npatern: 'a'\n");
    CHECK(has(d, 4, 1, "unknown key 'patern'; did you mean 'pattern'?"));
    CHECK(has(d, 1, 1, "needs 'pattern' or 'tokens'"));
  }
  SECTION("YAML syntax") {
    const auto d = load_errors("extends: existence\nmessage: [m\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].path == "rules/t/R.yml");
    CHECK(d[0].line >= 2);
    CHECK(d[0].message.find("YAML error") != std::string::npos);
  }
  SECTION("RE2 errors point into the pattern") {
    const auto d =
        load_errors("extends: existence\nmessage: m\ncategory: punctuation\npattern: 'ab(?<=c)'\n");
    CHECK(has(d, 4, 13, "invalid RE2 pattern"));
  }
  SECTION("unknown kind, category, level, scope") {
    auto d = load_errors("extends: nonsense\nmessage: m\ncategory: punctuation\n");
    CHECK(has(d, 1, 10, "unknown rule kind 'nonsense'"));
    d = load_errors(
        "extends: existence\nmessage: m\ncategory: typos\nlevel: fatal\nscope: page\npattern: a\n");
    CHECK(has(d, 3, 11, "unknown category 'typos'"));
    CHECK(has(d, 4, 8, "level must be error, warning or info"));
    CHECK(has(d, 5, 8, "unknown scope 'page'"));
  }
  SECTION("kind keys are checked too") {
    auto d = load_errors(
        "extends: compare\nmessage: m\ncategory: date-order\nleft: accesed\nop: '=<'\nright: "
        "as-of\n");
    CHECK(has(d, 4, 7, "'accesed' is not a date role"));
    CHECK(has(d, 5, 5, "op must be one of"));
    d = load_errors("extends: format\nmessage: m\ncategory: doi\nscope: url\nvalid: doi\n");
    CHECK(has(d, 5, 8, "valid: doi needs scope: doi"));
    d = load_errors("extends: balance\nmessage: m\ncategory: punctuation\npairs: ['(', '[]']\n");
    CHECK(has(d, 4, 8, "each pair is two different characters"));
    d = load_errors("extends: sequence\nmessage: m\ncategory: entry-structure\nscope: entry\n");
    CHECK(has(d, 4, 8, "cannot have scope 'entry'"));
  }
  SECTION("the same id twice") {
    std::vector<Diagnostic> d;
    RuleSet::load({{"rules/t/R.yml", kGood}, {"other/t/R.yml", kGood}}, d);
    REQUIRE(d.size() == 1);
    CHECK(d[0].message.find("defined twice") != std::string::npos);
  }
}

TEST_CASE("message templates") {
  using rules::render_template;
  CHECK(render_template("{a} and {b}", {{"a", "x"}, {"b", "y"}}) == "x and y");
  CHECK(render_template("{{literal}} {unknown}", {}) == "{literal} {unknown}");
  CHECK(render_template("}} {a} { }", {{"a", "x"}}) == "} x { }");
  // The kind's own variables first, then the lookup; a name neither knows stays as written.
  const rules::Lookup more = [](std::string_view name) -> std::optional<std::string_view> {
    if (name == "a" || name == "match") return "common";
    return std::nullopt;
  };
  CHECK(render_template("{a}/{match}/{url}{", {{"a", "own"}}, more) == "own/common/{url}{");
}

TEST_CASE("a subset of a rule set shares its rules") {
  std::vector<Diagnostic> d;
  const RuleSet all = RuleSet::load(shipped_rule_files(), d);
  const RuleSet one = all.only({"core/UrlWhitespace"});
  CHECK(one.size() == 1);
  CHECK(one.contains("core/UrlWhitespace"));
  CHECK_FALSE(one.contains("core/DateSpaces"));
}
