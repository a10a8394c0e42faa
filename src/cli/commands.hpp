// The subcommands of the citelint binary.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "citelint/model.hpp"
#include "citelint/rules.hpp"

namespace citelint::cli {

// Exit codes of the design's contract.
enum Exit { kClean = 0, kFindings = 1, kUsage = 2, kOffline = 3 };

struct RuleOptions {
  std::vector<std::string> styles;      // shipped packs besides core
  std::vector<std::string> rule_paths;  // packs on disk
};

// Core plus the chosen shipped styles plus packs from disk; diagnostics on any problem.
std::vector<RuleFile> select_rule_files(const RuleOptions& options,
                                        std::vector<Diagnostic>& diagnostics);
void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

// citelint's own words on standard error: "citelint: warning: ..." for what the user should
// know, "citelint: ..." for why a run stops (fail returns kUsage, for `return fail(...)`), and
// say() for what a run did ("3 findings suppressed").
void warn(std::string_view message);
int fail(std::string_view message);
void say(std::string_view message);

void add_check_command(CLI::App& app, int& exit_code);  // check, baseline and fix
void add_rules_command(CLI::App& app, int& exit_code);
void add_text_command(CLI::App& app, int& exit_code);
void add_generate_command(CLI::App& app, int& exit_code);

}  // namespace citelint::cli
