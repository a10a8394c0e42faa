// citelint rules list | explain ID | test [PATH]
#include <filesystem>
#include <iomanip>
#include <iostream>

#include "citelint/kinds.hpp"
#include "cli/commands.hpp"

namespace citelint::cli {

namespace {

namespace fs = std::filesystem;

bool load(const RuleOptions& options, std::vector<RuleFile>& files, RuleSet& set) {
  std::vector<Diagnostic> diagnostics;
  files = select_rule_files(options, diagnostics);
  set = RuleSet::load(files, diagnostics);
  print_diagnostics(diagnostics);
  return diagnostics.empty();
}

int list_rules(const RuleOptions& options) {
  std::vector<RuleFile> files;
  RuleSet set;
  if (!load(options, files, set)) return kUsage;
  std::size_t width = 0;
  for (const RuleInfo& r : set.rules()) width = std::max(width, r.id.size());
  for (const FindingKind& k : finding_kinds()) width = std::max(width, k.id.size());
  auto row = [&](std::string_view id, Severity level, std::string_view category,
                 std::string_view kind, std::string_view summary) {
    std::cout << std::left << std::setw(static_cast<int>(width) + 2) << id << std::setw(9)
              << to_string(level) << std::setw(18) << category << std::setw(13) << kind
              << summary.substr(0, summary.find('\n')) << '\n';
  };
  for (const RuleInfo& r : set.rules()) row(r.id, r.severity, r.category, r.kind, r.description);
  // The kinds citelint's own code reports (links, archives, identifiers): levels and categories
  // a config can set.
  for (const FindingKind& k : finding_kinds())
    row(k.id, k.level, k.category, "built-in", k.summary);
  std::cout << set.size() << " rules, " << finding_kinds().size() << " built-in kinds\n";
  return kClean;
}

int explain_rule(const RuleOptions& options, const std::string& id) {
  std::vector<RuleFile> files;
  RuleSet set;
  if (!load(options, files, set)) return kUsage;
  for (const RuleInfo& r : set.rules()) {
    if (r.id != id) continue;
    std::cout << r.id << "  (" << to_string(r.severity) << ", " << r.category << ")\n\n";
    if (!r.description.empty())
      std::cout << r.description << (r.description.back() == '\n' ? "" : "\n") << '\n';
    std::cout << "kind:     " << r.kind << "\nscope:    " << r.scope << "\nmessage:  " << r.message
              << "\nfile:     " << r.path << '\n';
    if (!r.link.empty()) std::cout << "more:     " << r.link << '\n';
    for (const auto& e : r.bad_examples) std::cout << "\nbad:\n  " << e << '\n';
    for (const auto& e : r.good_examples) std::cout << "\ngood:\n  " << e << '\n';
    return kClean;
  }
  if (const FindingKind* k = find_finding_kind(id)) {
    std::cout
        << k->id << "  (" << to_string(k->level) << ", " << k->category << ")\n\n"
        << k->summary << ".\n\n"
        << k->help << "\n\nkind:     built-in (citelint's own code reports it: the link "
        << "checker, the archive lookup or the identifiers' checks; no rule file)\nmore:     docs/"
        << k->docs << '\n';
    return kClean;
  }
  return fail("no rule '" + id + "'; `citelint rules list` shows them all");
}

int test_rule_packs(RuleOptions options, const std::string& path) {
  // Default: the packs of the source tree we stand in, else the shipped ones.
  std::string root = path;
  std::error_code ec;
  if (root.empty() && fs::is_directory("rules", ec)) root = "rules";
  std::vector<RuleFile> files;
  RuleSet set;
  std::vector<Diagnostic> diagnostics;
  if (root.empty()) {
    files = select_rule_files(options, diagnostics);
  } else {
    files = rule_files_from_path(root, diagnostics);
  }
  set = RuleSet::load(files, diagnostics);
  print_diagnostics(diagnostics);
  if (!diagnostics.empty()) return kUsage;

  std::vector<std::string> roots;
  const fs::path base = root.empty() ? fs::path(".") : fs::path(root);
  const fs::path packs_root =
      fs::is_regular_file(base, ec) ? base.parent_path().parent_path() : base;
  roots.push_back((packs_root.parent_path() / "tests" / "rules").string());
  roots.push_back((packs_root / ".." / "tests" / "rules").lexically_normal().string());
  roots.push_back("tests/rules");

  int passed = 0, failed = 0;
  for (const RuleTestResult& r : test_rules(set, files, roots)) {
    if (r.failures.empty()) {
      ++passed;
      std::cout << "ok    " << r.rule << "  (" << r.must_fire << " must fire, " << r.must_not_fire
                << " must not)\n";
    } else {
      ++failed;
      std::cout << "FAIL  " << r.rule << '\n';
      for (const std::string& f : r.failures) std::cout << "      " << f << '\n';
    }
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed ? kFindings : kClean;
}

}  // namespace

void add_rules_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<RuleOptions>();
  CLI::App* cmd = app.add_subcommand("rules", "List, explain and test the rules.");
  cmd->require_subcommand(1);
  cmd->add_option("--rules", options->rule_paths, "Extra rule packs: a .yml file or a folder")
      ->type_name("PATH");
  cmd->add_option("--style", options->styles, "A shipped style pack to add to core")
      ->type_name("NAME");

  cmd->add_subcommand("list", "One line per rule: id, level, category, kind, description")
      ->callback([options, &exit_code] { exit_code = list_rules(*options); });

  auto id = std::make_shared<std::string>();
  CLI::App* explain = cmd->add_subcommand("explain", "Everything about one rule, with examples");
  explain->add_option("id", *id, "The rule id, e.g. core/UrlWhitespace")->required();
  explain->callback([options, id, &exit_code] { exit_code = explain_rule(*options, *id); });

  auto path = std::make_shared<std::string>();
  CLI::App* test = cmd->add_subcommand(
      "test", "Run every rule over its annotated fixture (tests/rules/<pack>/<Rule>.txt)");
  test->add_option("path", *path, "Rule packs to test (default: ./rules, else the shipped packs)");
  test->callback([options, path, &exit_code] { exit_code = test_rule_packs(*options, *path); });
}

}  // namespace citelint::cli
