// .citelint.yaml: a project's settings for citelint check, found upward from the working
// directory (docs/config.md). The command line wins over the file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "citelint/check.hpp"
#include "citelint/model.hpp"

namespace citelint::cli {

struct Config {
  std::string path;  // the file read; empty when there is none
  // A level for a rule or a category: a severity, or off (nullopt). Where it was written, for
  // the error that names a rule no pack has.
  struct Level {
    std::optional<Severity> level;
    int line = 0, column = 0;
  };
  std::map<std::string, Level> rule_levels;  // rules.<id>
  std::map<std::string, Level> policy;       // policy.<category>
  // The options' keys (check_options(): fail-on, network.timeout, rules.packs ...), their values
  // as written (a list's items; paths made relative to the file's folder), for merge_options.
  struct Value {
    std::vector<std::string> values;
    int line = 0, column = 0;
    // Where each of a list's values is written (empty for one value: line and column).
    std::vector<std::pair<int, int>> places;
  };
  std::map<std::string, Value> values;
  std::map<std::string, HostPolicy> hosts;  // network.hosts
  // suppress: findings of a reference (in an input, of rules) left out, listed in SARIF.
  struct Suppress {
    std::string reference, input;
    std::vector<std::string> rules;  // empty: every rule
  };
  std::vector<Suppress> suppress;
};

// .citelint.yaml (or .citelint.yml) in the working directory or the nearest folder above it.
std::optional<std::string> find_config();

// Reads a config strictly: an unknown key, a wrong type or a bad value is a diagnostic at its
// file:line:col, and the config is not used. Paths in it (rules.packs, cache, suppress's input)
// are relative to the file's folder.
std::optional<Config> load_config(const std::string& path, std::vector<Diagnostic>& diagnostics);

// Applies rule levels (first) and category policies to findings: off removes them, a level
// changes their severity.
void apply_levels(const Config& config, std::vector<Finding>& findings);

// Whether a config suppress entry covers a finding of reference `reference` in input `input`.
bool config_suppresses(const Config& config, const Finding& finding, const std::string& input);

}  // namespace citelint::cli
