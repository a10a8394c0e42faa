// Rule tests in the manner of semgrep's: annotated fixtures, plus each rule's own examples.
#include <re2/re2.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "citelint/read.hpp"
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

std::string find_fixture(const RuleFile& file, const std::string& id,
                         const std::vector<std::string>& roots) {
  std::error_code ec;
  for (const std::string& root : roots) {
    const fs::path p = fs::path(root) / (id + ".txt");
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  fs::path beside(file.path);
  beside.replace_extension(".txt");
  return fs::is_regular_file(beside, ec) ? beside.string() : std::string();
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

}  // namespace

std::vector<RuleTestResult> test_rules(const RuleSet& rules, const std::vector<RuleFile>& files,
                                       const std::vector<std::string>& fixture_roots) {
  std::vector<RuleTestResult> results;
  const std::vector<RuleInfo> infos = rules.rules();
  for (const RuleInfo& info : infos) {
    RuleTestResult result;
    result.rule = info.id;
    const RuleSet one = rules.only({info.id});
    test_examples(one, info, result);

    const auto file = std::find_if(files.begin(), files.end(),
                                   [&](const RuleFile& f) { return f.path == info.path; });
    result.fixture =
        file == files.end() ? std::string() : find_fixture(*file, info.id, fixture_roots);
    if (result.fixture.empty()) {
      result.failures.push_back(info.path + ": no fixture (tests/rules/" + info.id + ".txt)");
      results.push_back(std::move(result));
      continue;
    }
    std::ifstream in(result.fixture, std::ios::binary);
    const std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Fixture fixture = parse_fixture(result.fixture, raw);
    Corpus corpus;
    const std::vector<Finding> findings =
        run(one, result.fixture, fixture.text, fixture.options, corpus);

    // An annotation speaks of the entries that start on the next line that starts any: a
    // glued entry starts on the same line as the one it is glued to.
    auto references_after = [&](int line) {
      std::vector<const Reference*> out;
      for (const Reference& r : corpus.references) {
        if (r.span.line <= line) continue;
        if (!out.empty() && r.span.line != out.front()->span.line) break;
        out.push_back(&r);
      }
      return out;
    };
    auto fires_on = [&](const std::vector<const Reference*>& refs) {
      return std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return std::any_of(refs.begin(), refs.end(), [&](const Reference* r) {
          return f.span.begin >= r->span.begin && f.span.begin <= r->span.end;
        });
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
      if (a.must_fire) {
        ++result.must_fire;
        expected.insert(expected.end(), refs.begin(), refs.end());
        if (fires_on(refs) == 0)
          result.failures.push_back(where + info.id + " should fire on " + describe(refs) +
                                    " but does not");
      } else {
        ++result.must_not_fire;
        if (fires_on(refs) != 0)
          result.failures.push_back(where + info.id + " should not fire on " + describe(refs) +
                                    " but does");
      }
    }
    for (const Finding& f : findings) {
      const bool annotated = std::any_of(expected.begin(), expected.end(), [&](const Reference* r) {
        return f.span.begin >= r->span.begin && f.span.begin <= r->span.end;
      });
      if (!annotated)
        result.failures.push_back(result.fixture + ":" + std::to_string(f.span.line) + ":" +
                                  std::to_string(f.span.column) +
                                  ": unannotated finding: " + f.message);
    }
    if (result.must_fire == 0)
      result.failures.push_back(result.fixture + ": needs at least one '# ruleid: " + info.id +
                                "'");
    if (result.must_not_fire == 0)
      result.failures.push_back(result.fixture + ": needs at least one '# ok: " + info.id + "'");
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace citelint
