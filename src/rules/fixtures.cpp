// Rule tests in the manner of semgrep's: annotated fixtures, plus each rule's own examples.
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "citelint/read.hpp"
#include "rules/embedded.hpp"
#include "rules/rule.hpp"

namespace citelint {

namespace fs = std::filesystem;

namespace {

struct Annotation {
  int line;
  bool must_fire;
  std::string rule;
};

struct Fixture {
  std::string text;  // annotation lines blanked, so positions stay as in the file
  std::vector<Annotation> annotations;
  LintOptions options;
  std::vector<std::string> errors;
};

LintOptions default_as_of() {
  // Fixtures without `# as-of:` are read as of a fixed day, so they never age.
  return LintOptions{2024, 1, 1};
}

Fixture parse_fixture(const std::string& path, const std::string& raw) {
  static const RE2 kAnnotation(R"(^\s*#\s*(ruleid|ok)\s*:\s*(.+?)\s*$)");
  static const RE2 kAsOf(R"(^\s*#\s*as-of\s*:\s*(\d{4})-(\d{2})-(\d{2})\s*$)");
  Fixture f;
  f.options = default_as_of();
  std::istringstream in(raw);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string kind, ids;
    int y, m, d;
    if (RE2::FullMatch(line, kAnnotation, &kind, &ids)) {
      std::istringstream list(ids);
      for (std::string id; std::getline(list, id, ',');) {
        id.erase(0, id.find_first_not_of(' '));
        id.erase(id.find_last_not_of(' ') + 1);
        if (!id.empty()) f.annotations.push_back({n, kind == "ruleid", id});
      }
      line.clear();
    } else if (RE2::FullMatch(line, kAsOf, &y, &m, &d)) {
      f.options = LintOptions{y, m, d};
      line.clear();
    } else if (line.find_first_not_of(" \t") != std::string::npos &&
               line[line.find_first_not_of(" \t")] == '#') {
      line.clear();  // a comment
    }
    f.text += line;
    f.text += '\n';
  }
  (void)path;
  return f;
}

std::vector<Finding> run(const RuleSet& rule, const std::string& path, const std::string& text,
                         const LintOptions& options, Corpus& corpus) {
  std::vector<Diagnostic> problems;  // a fixture's own: what its rules see is what matters
  corpus.documents.push_back(make_document(0, path, text, problems));
  corpus.references = read_references(*corpus.documents.back(), problems);
  return lint(rule, corpus, options);
}

// A rule's fixture: tests/rules/<id>.txt under a root, else beside the rule file, else the one
// compiled in for a shipped rule. Its path (for messages) and text; no path when none is found.
struct FixtureFile {
  std::string path, text;
};
FixtureFile find_fixture(const RuleFile& file, const std::string& id,
                         const std::vector<std::string>& roots) {
  std::error_code ec;
  fs::path beside(file.path);
  beside.replace_extension(".txt");
  std::vector<fs::path> candidates;
  for (const std::string& root : roots) candidates.push_back(fs::path(root) / (id + ".txt"));
  candidates.push_back(beside);
  for (const fs::path& p : candidates) {
    if (!fs::is_regular_file(p, ec)) continue;
    std::ifstream in(p, std::ios::binary);
    return {p.string(), std::string(std::istreambuf_iterator<char>(in), {})};
  }
  const std::string shipped = "tests/rules/" + id + ".txt";
  for (const EmbeddedRuleFile& f : embedded_rule_fixtures())
    if (f.path == shipped && file.path == "rules/" + id + ".yml") return {shipped, f.text};
  return {};
}

void test_examples(const RuleSet& one, const RuleInfo& info, RuleTestResult& result) {
  auto check = [&](const std::string& example, bool must_fire) {
    Corpus corpus;
    const auto findings = run(one, "<example>", example + "\n", default_as_of(), corpus);
    if (findings.empty() == must_fire)
      result.failures.push_back(info.path + ": the " + (must_fire ? "bad" : "good") + " example " +
                                (must_fire ? "gives no finding" : "gives a finding") + ": " +
                                example);
  };
  for (const auto& e : info.bad_examples) check(e, true);
  for (const auto& e : info.good_examples) check(e, false);
}

// The rule's findings on its fixture against the fixture's annotations: each `ruleid` entry
// must have one, each `ok` entry none, and no finding may fall outside a `ruleid` entry.
void check_annotations(const Fixture& fixture, const Corpus& corpus,
                       const std::vector<Finding>& findings, const RuleInfo& info,
                       RuleTestResult& result) {
  // An annotation speaks of the entries that start on the next line that starts any: a glued
  // entry starts on the same line as the one it is glued to.
  auto references_after = [&](int line) {
    std::vector<const Reference*> out;
    for (const Reference& r : corpus.references) {
      if (r.span.line <= line) continue;
      if (!out.empty() && r.span.line != out.front()->span.line) break;
      out.push_back(&r);
    }
    return out;
  };
  auto in = [](const Finding& f, const std::vector<const Reference*>& refs) {
    return std::any_of(refs.begin(), refs.end(), [&](const Reference* r) {
      return f.span.begin >= r->span.begin && f.span.begin <= r->span.end;
    });
  };
  auto describe = [](const std::vector<const Reference*>& refs) {
    std::string s = "reference";
    for (const Reference* r : refs) s += " " + r->id;
    return s + " (line " + std::to_string(refs.front()->span.line) + ")";
  };
  std::vector<const Reference*> expected;
  for (const Annotation& a : fixture.annotations) {
    if (a.rule != info.id) continue;
    const std::string where = result.fixture + ":" + std::to_string(a.line) + ": ";
    const std::vector<const Reference*> refs = references_after(a.line);
    if (refs.empty()) {
      result.failures.push_back(where + "no reference follows this annotation");
      continue;
    }
    (a.must_fire ? result.must_fire : result.must_not_fire)++;
    if (a.must_fire) expected.insert(expected.end(), refs.begin(), refs.end());
    const bool fires = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return in(f, refs); });
    if (fires != a.must_fire)
      result.failures.push_back(where + info.id +
                                (a.must_fire ? " should fire on " : " should not fire on ") +
                                describe(refs) + (a.must_fire ? " but does not" : " but does"));
  }
  for (const Finding& f : findings)
    if (!in(f, expected))
      result.failures.push_back(result.fixture + ":" + std::to_string(f.span.line) + ":" +
                                std::to_string(f.span.column) +
                                ": unannotated finding: " + f.message);
  if (result.must_fire == 0)
    result.failures.push_back(result.fixture + ": needs at least one '# ruleid: " + info.id + "'");
  if (result.must_not_fire == 0)
    result.failures.push_back(result.fixture + ": needs at least one '# ok: " + info.id + "'");
}

}  // namespace

std::vector<RuleTestResult> test_rules(const RuleSet& rules, const std::vector<RuleFile>& files,
                                       const std::vector<std::string>& fixture_roots) {
  std::vector<RuleTestResult> results;
  for (const RuleInfo& info : rules.rules()) {
    RuleTestResult& result = results.emplace_back();
    result.rule = info.id;
    const RuleSet one = rules.only({info.id});
    test_examples(one, info, result);
    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const RuleFile& f) { return f.path == info.path; });
    const FixtureFile found =
        file == files.end() ? FixtureFile{} : find_fixture(*file, info.id, fixture_roots);
    result.fixture = found.path;
    if (found.path.empty()) {
      result.failures.push_back(info.path + ": no fixture (tests/rules/" + info.id + ".txt)");
      continue;
    }
    const Fixture fixture = parse_fixture(found.path, found.text);
    Corpus corpus;
    const std::vector<Finding> findings =
        run(one, found.path, fixture.text, fixture.options, corpus);
    check_annotations(fixture, corpus, findings, info, result);
  }
  return results;
}

}  // namespace citelint
