// YAML rule packs (RE2 patterns, one rule per file) and the engine that runs them.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

namespace rules {
class Rule;
}

// A rule file's text and where it came from: rules/<pack>/<Rule>.yml gives id <pack>/<Rule>.
struct RuleFile {
  std::string path;
  std::string text;
};

struct RuleInfo {
  std::string id;
  std::string kind;
  std::string category;
  Severity severity = Severity::warning;
  std::string scope;
  std::string message;
  std::string description;
  std::string link;
  std::string path;
  std::vector<std::string> bad_examples;
  std::vector<std::string> good_examples;
};

class RuleSet {
 public:
  RuleSet();
  ~RuleSet();
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;

  // Loads every file strictly: an unknown key, a YAML error, a wrong type or an RE2 compile
  // error is a diagnostic at file:line:col. A set loaded with diagnostics must not run.
  static RuleSet load(const std::vector<RuleFile>& files, std::vector<Diagnostic>& diagnostics);

  std::vector<RuleInfo> rules() const;
  std::size_t size() const { return rules_.size(); }
  bool contains(std::string_view id) const;
  // The rules whose ids are listed, sharing this set's compiled rules.
  RuleSet only(const std::vector<std::string>& ids) const;

  const std::vector<std::shared_ptr<const rules::Rule>>& compiled() const { return rules_; }

 private:
  std::vector<std::shared_ptr<const rules::Rule>> rules_;
};

struct LintOptions {
  int as_of_year = 0, as_of_month = 0, as_of_day = 0;  // "today" for date rules
};

// Runs every rule over every reference and returns the findings sorted by input, line, column
// and rule, without duplicates.
std::vector<Finding> lint(const RuleSet& rules, const Corpus& corpus, const LintOptions& options);

// The packs compiled into citelint (rules/<pack>/*.yml of the source tree).
std::vector<RuleFile> shipped_rule_files();
// Rule files on disk: a .yml file, a pack folder of .yml files, or a folder of packs.
std::vector<RuleFile> rule_files_from_path(const std::string& path,
                                           std::vector<Diagnostic>& diagnostics);
// "<pack>/<Rule>" from ".../<pack>/<Rule>.yml".
std::string rule_id_from_path(std::string_view path);

// Rule tests: each rule's fixture is a reference list whose entries are preceded by
// `# ruleid: <id>` (the rule must fire on the entry) or `# ok: <id>` (it must not); an optional
// `# as-of: YYYY-MM-DD` line sets the date. Every finding of the rule must be annotated.
struct RuleTestResult {
  std::string rule;
  std::string fixture;  // empty when none was found
  int must_fire = 0;
  int must_not_fire = 0;
  std::vector<std::string> failures;  // "fixture:line: ..." messages; empty when it passes
};
std::vector<RuleTestResult> test_rules(const RuleSet& rules, const std::vector<RuleFile>& files,
                                       const std::vector<std::string>& fixture_roots);

}  // namespace citelint
