// The options of `citelint check` and `citelint baseline`: one table (src/cli/options.cpp) of
// each option's flag, config key, default and check, from which the command line, the config
// file's keys and the help are made, and merged in one loop: command line > config > default.
// A new option is one row there and, if the run needs it, one field in CheckSettings.
#pragma once

#include <CLI/CLI.hpp>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/archive.hpp"
#include "citelint/check.hpp"
#include "citelint/cite.hpp"
#include "citelint/fix.hpp"
#include "citelint/history.hpp"
#include "citelint/ids.hpp"
#include "citelint/read.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"

namespace citelint::cli {

// What a run of check (or baseline) is asked to do, once the command line, the config and the
// defaults are merged.
struct CheckSettings {
  std::vector<std::string> files;
  bool offline = false;
  std::string format = "text";
  std::string input_format;                      // empty: detected per input
  std::size_t max_input_bytes = kMaxInputBytes;  // read of each input at most
  std::string output;
  std::vector<std::string> reports;  // FORMAT=PATH, each written besides --format's
  std::string baseline;              // check --baseline FILE
  bool writing_baseline = false;     // citelint baseline
  bool fixing = false;               // citelint fix: the fixes written back, no report
  FixOptions fix;                    // citelint fix: --redirects, --add-archive, --diff
  std::string as_of;                 // empty: today
  std::string fail_on = "error";
  RuleOptions rules;
  citelint::CheckOptions network;
  bool archive = false, no_repair = false;
  ConfirmPolicy confirm{0, kDefaultConfirm.days};  // links.confirm; off until checks are set
  bool no_drift = false;
  ArchiveOptions archives;
  IdOptions ids;                 // the identifier services (the retractions loaded by the run)
  std::string retractions_file;  // --retractions
  CiteOrder citation_order = CiteOrder::automatic;
  bool quiet = false;
  std::string config_file;  // --config; empty: .citelint.yaml found upward
  bool no_config = false;
  Config config;  // what the config sets beyond the options: levels, policy, hosts, suppress
};

// citelint fix's last phase: the run's verified fixes written into its inputs (or printed as a
// diff with --diff), what was left alone said; kUsage when an input could not be written.
int write_fixes(const Corpus& corpus, const std::vector<Finding>& findings,
                const ArchiveReport* archive, const CheckSettings& settings);

// One option. Values reach `set` as text (a flag's as "true"), from the command line, the
// config or the default; it stores them in the settings, or says why it cannot.
struct OptionSpec {
  enum Arity { flag, one, many };
  std::string_view flags;  // CLI11's names, "-o,--output"; empty: the config only
  std::string_view key;    // the config's key, "network.timeout"; empty: command line only
  Arity arity;
  std::string_view fallback;   // the default, as text; empty: the settings' own
  std::string_view type_name;  // N, S, FILE ... in the help
  std::string_view group;      // the help's heading; empty: Options
  std::string_view help;
  bool path = false;  // a path, relative to the config file's folder when the config sets it
  std::string (*set)(CheckSettings& settings, const std::string& value) = nullptr;
  // The values it takes, for shell completions; null: any (a file, a number ...).
  std::vector<std::string> (*choices)() = nullptr;
};
// The values an option takes, by its long name ("--format"); empty: any.
std::vector<std::string> option_choices(std::string_view long_name);
std::span<const OptionSpec> check_options();

// The values given on the command line, by option, as CLI11 collected them.
struct GivenOptions {
  std::map<std::string_view, std::vector<std::string>> values;
  std::map<std::string_view, bool> flags;
};

// Declares every option with a flag on `cmd`, its values to be collected in `given`.
void define_options(CLI::App& cmd, GivenOptions& given);

// The settings from the defaults, then the config's values, then the command line's: each
// value through its option's check. Problems are diagnostics (at the config's file:line:col
// for its values); lists add up (config, then command line).
void merge_options(const CLI::App& cmd, const GivenOptions& given, const Config* config,
                   CheckSettings& settings, std::vector<Diagnostic>& diagnostics);

}  // namespace citelint::cli
