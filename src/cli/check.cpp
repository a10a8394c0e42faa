// citelint check: read, lint, (check links), report.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "citelint/report.hpp"
#include "cli/commands.hpp"

namespace citelint::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool offline = false;
  std::string format = "text";
  std::string output;
  std::string as_of;
  std::string fail_on = "error";
  RuleOptions rules;
};

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// CITELINT_TIMING=1 also prints the time of each phase of a run, after the engine's per-rule
// times.
class PhaseTimer {
 public:
  void lap(const char* phase) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    laps_.emplace_back(phase, std::chrono::duration<double, std::milli>(now - last_).count());
    last_ = now;
  }
  ~PhaseTimer() {
    for (const auto& [phase, ms] : laps_) std::fprintf(stderr, "%9.2f ms  phase: %s\n", ms, phase);
  }

 private:
  bool on_ = std::getenv("CITELINT_TIMING") != nullptr;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<const char*, double>> laps_;
};

// Writes the report in the chosen format to stdout or to -o FILE.
bool write_report(const CheckOptions& o, const ReportInput& report) {
  const bool to_stdout = o.output.empty() || o.output == "-";
  std::FILE* out = to_stdout ? stdout : std::fopen(o.output.c_str(), "wb");
  if (!out) return false;
  bool ok = true;
  auto write = [&](std::string_view chunk) {
    ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size();
  };
  if (o.format == "json") {
    write_json(report, write);
  } else {
    const bool colour = to_stdout && isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    write(render_text(report, TextOptions{colour}));
  }
  ok = std::fflush(out) == 0 && ok;
  if (!to_stdout) ok = std::fclose(out) == 0 && ok;
  return ok;
}

int run_check(const CheckOptions& o) {
  PhaseTimer timer;
  std::vector<Diagnostic> diagnostics;
  const std::vector<RuleFile> files = select_rule_files(o.rules, diagnostics);
  const RuleSet rules = RuleSet::load(files, diagnostics);
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    std::cerr << "citelint: no input was checked: fix the rule files above first\n";
    return kUsage;
  }
  timer.lap("load rules");

  const std::string as_of = o.as_of.empty() ? today() : o.as_of;
  const auto parsed = parse_date(as_of);
  if (!parsed || !parsed->valid || parsed->day == 0) {
    std::cerr << "citelint: --as-of wants a date as YYYY-MM-DD, not '" << as_of << "'\n";
    return kUsage;
  }
  LintOptions lint_options{parsed->year, parsed->month, parsed->day};

  // What a run read and found lives until the process exits: the OS takes it back at once,
  // where freeing a hundred thousand references piece by piece takes a tenth of the run. The
  // pointer stays reachable, so leak checkers do not count it.
  static Corpus* kept = nullptr;
  kept = new Corpus;
  Corpus& corpus = *kept;
  bool input_error = false;
  for (const std::string& path : o.files) {
    LoadResult loaded = load_document(corpus.documents.size(), path);
    timer.lap("load input");
    print_diagnostics(loaded.diagnostics);
    input_error = input_error || !loaded.diagnostics.empty();
    if (!loaded.document) continue;
    std::vector<Reference> refs = read_references(*loaded.document);
    timer.lap("read and extract");
    if (corpus.references.empty()) {
      corpus.references = std::move(refs);  // no second copy of a large list
    } else {
      corpus.references.insert(corpus.references.end(), std::make_move_iterator(refs.begin()),
                               std::make_move_iterator(refs.end()));
    }
    corpus.documents.push_back(std::move(loaded.document));
  }
  if (!o.offline && !corpus.references.empty())
    std::cerr << "citelint: note: this version does not check links yet; every link is reported "
                 "as unchecked (use --offline to say so and silence this note)\n";

  static std::vector<Finding>* kept_findings = nullptr;
  kept_findings = new std::vector<Finding>(lint(rules, corpus, lint_options));
  const std::vector<Finding>& findings = *kept_findings;
  timer.lap("lint");
  const ReportInput report{corpus, findings, as_of};
  if (!write_report(o, report)) {
    std::cerr << "citelint: cannot write " << o.output << "\n";
    return kUsage;
  }
  timer.lap("report");

  if (input_error) return kUsage;
  if (o.fail_on == "never") return kClean;
  const Severity threshold = *parse_severity(o.fail_on);
  for (const Finding& f : findings)
    if (f.severity >= threshold) return kFindings;
  return kClean;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Read reference lists, lint them, check their links, and report.");
  cmd->add_option("files", o->files, "Reference lists to check; - reads standard input")
      ->required();
  cmd->add_flag("--offline", o->offline, "Rules only: send no network request");
  cmd->add_option("--format", o->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Write the report to this file instead of stdout");
  cmd->add_option("--as-of", o->as_of,
                  "The day date rules take as today (YYYY-MM-DD); default today");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above this level")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule packs: a .yml file or a folder")
      ->type_name("PATH");
  cmd->add_option("--style", o->rules.styles, "A shipped style pack to add to core")
      ->type_name("NAME");
  cmd->callback([o, &exit_code] { exit_code = run_check(*o); });
}

}  // namespace citelint::cli
