// citelint check (and baseline): a run in phases over one Run value: load rules, read inputs,
// lint, check the network, apply policy (levels, suppressions, baseline), write reports, exit
// status. docs/architecture.md draws them.
#include "citelint/check.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <functional>
#include <optional>

#include "citelint/archive.hpp"
#include "citelint/cite.hpp"
#include "citelint/extract.hpp"
#include "citelint/history.hpp"
#include "citelint/ids.hpp"
#include "citelint/kinds.hpp"
#include "citelint/read.hpp"
#include "citelint/report.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/phase_timer.hpp"
#include "model/parallel.hpp"

namespace citelint::cli {

namespace {

// What a run read and found lives until the process exits: the OS takes it back at once, where
// freeing a hundred thousand references piece by piece takes a tenth of the run. The pointer
// stays reachable, so leak checkers do not count it. The one place a run keeps such memory.
struct Kept {
  Corpus corpus;
  std::vector<Finding> findings;
  std::vector<Finding> suppressed;  // by comments in the inputs or the config's suppress
};
Kept& kept_until_exit() {
  static Kept* kept = new Kept;
  return *kept;
}

// One run: the settings, then what each phase adds.
struct Run {
  explicit Run(const CheckSettings& s) : settings(s) {}
  const CheckSettings& settings;
  Corpus& corpus = kept_until_exit().corpus;
  std::vector<Finding>& findings = kept_until_exit().findings;
  std::vector<Finding>& suppressed = kept_until_exit().suppressed;
  std::string as_of;
  LintOptions lint_options;
  std::optional<RuleSet> rules;
  std::vector<RuleInfo> rule_infos;  // what SARIF describes, once the rules are freed
  std::optional<CheckReport> links;
  std::optional<ArchiveReport> archive;
  IdOptions id_options;  // the settings' and the retractions file, once read
  std::optional<IdReport> ids;
  std::vector<Paper> papers;  // the inputs that cite, with the files they name
  std::optional<CitationReport> citations;
  bool input_error = false;
  std::vector<Diagnostic> input_errors;  // every input's problems, for the reports too
};

std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &local);
  return buf;
}

// "1 finding", "2 findings": what standard error says of the findings a step set aside.
std::string findings_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " finding" : " findings");
}

// Moves `more` to the end of `to`: a large list's references or findings are not held twice.
template <class T>
void append(std::vector<T>& to, std::vector<T> more) {
  if (to.empty()) {
    to = std::move(more);
  } else {
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
}

// Problems with the inputs (or a file a run reads, a paper names): printed, kept for the
// reports, and the run's exit status 2.
void input_problems(Run& run, std::vector<Diagnostic> problems) {
  print_diagnostics(problems);
  run.input_error = run.input_error || !problems.empty();
  append(run.input_errors, std::move(problems));
}

// The rules, the as-of date, and the config's rule ids (each a rule of the packs or a built-in
// kind). Any problem stops the run before an input is read.
std::optional<int> load_rules(Run& run) {
  const CheckSettings& s = run.settings;
  std::vector<Diagnostic> diagnostics;
  run.rules = RuleSet::load(select_rule_files(s.rules, diagnostics), diagnostics);
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    return fail("no input was checked: fix the rule files above first");
  }
  run.as_of = s.as_of.empty() ? today() : s.as_of;
  const auto parsed = parse_date(run.as_of);
  if (!parsed || !parsed->valid || parsed->day == 0)
    return fail("--as-of wants a date as YYYY-MM-DD, not '" + run.as_of + "'");
  run.lint_options = LintOptions{parsed->year, parsed->month, parsed->day};
  for (const auto& [id, level] : s.config.rule_levels)
    if (!run.rules->contains(id) && !find_finding_kind(id))
      diagnostics.push_back({s.config.path, level.line, level.column,
                             "no rule " + id + " in the packs this run loads"});
  print_diagnostics(diagnostics);
  if (!diagnostics.empty()) return kUsage;
  return std::nullopt;
}

// The local Retraction Watch dataset, when --retractions names one: a file that cannot be read
// is an input error (exit 2), and every input is still checked.
void load_retraction_list(Run& run) {
  run.id_options = run.settings.ids;
  if (run.settings.retractions_file.empty()) return;
  std::vector<Diagnostic> problems;
  run.id_options.retractions = load_retractions(run.settings.retractions_file, problems);
  input_problems(run, std::move(problems));
}

// One input (or a file an input names), read and its references extracted: its index, or
// none when it could not be read (an error; the others are still checked).
std::optional<std::uint32_t> read_input(Run& run, PhaseTimer& timer, const std::string& path,
                                        const std::string& format) {
  std::vector<Diagnostic> problems;
  std::unique_ptr<Document> doc = load_document(run.corpus.documents.size(), path, format, problems,
                                                run.settings.max_input_bytes);
  timer.lap("load input");
  std::vector<Reference> refs;
  if (doc) refs = read_references(*doc, problems);
  input_problems(run, std::move(problems));
  timer.lap("read and extract");
  if (!doc) return std::nullopt;
  append(run.corpus.references, std::move(refs));
  run.corpus.documents.push_back(std::move(doc));
  return static_cast<std::uint32_t>(run.corpus.documents.size() - 1);
}

// Each input; then the files the inputs that cite name (a .tex's .bib and \input files, a
// Markdown file's bibliography), each read once, as inputs of the run too.
void read_inputs(Run& run, PhaseTimer& timer) {
  for (const std::string& path : run.settings.files)
    read_input(run, timer, path, run.settings.input_format);
  std::vector<Diagnostic> problems;
  run.papers = gather_papers(
      run.corpus, [&](const std::string& path) { return read_input(run, timer, path, ""); },
      problems);
  input_problems(run, std::move(problems));
}

// The rules, the identifiers' offline checks (check digits, forms), and the citations in the
// text against the list.
void lint_inputs(Run& run, PhaseTimer& timer) {
  std::vector<Diagnostic> problems;
  run.citations = check_citations(run.corpus, run.papers, run.settings.citation_order, problems);
  input_problems(run, std::move(problems));
  for (const std::string& note : run.citations->notes) warn(note);
  timer.lap("citations");
  std::vector<Finding> parts[] = {lint(*run.rules, run.corpus, run.lint_options),
                                  identifier_findings(run.corpus),
                                  std::move(run.citations->findings)};
  run.findings = in_order(parts);
  run.rule_infos = run.rules->rules();
  run.rules.reset();  // compiled patterns and their caches: the network phase reuses the memory
}

// Archive URLs the list cites, against its access dates: known from the URLs alone offline, from
// where each landed when checked.
void check_cited_archive_urls(Run& run) {
  append(run.findings, archived_url_findings(run.corpus, run.links ? &*run.links : nullptr,
                                             run.settings.archives.tolerance_days));
}

// The identifiers: the local dataset's notices, and online what the DOI system, the agencies,
// the NCBI converter and arXiv say.
void check_identifiers(Run& run, const citelint::CheckOptions* network) {
  if (run.id_options.suggest_doi && !network)
    warn("--suggest-doi asks Crossref: not with --offline");
  else if (run.id_options.suggest_doi && !run.id_options.apis.count("crossref"))
    warn("--suggest-doi needs Crossref's endpoint (--api crossref=URL): no search made");
  run.ids = resolve_identifiers(run.corpus, run.id_options, network);
  for (const std::string& w : run.ids->warnings) warn(w);
}

// Links, their repairs and archived copies, and the DOIs: the findings of each, with the rules'
// fixes marked verified where the network showed them to work.
void check_network(Run& run) {
  const CheckSettings& s = run.settings;
  if (s.offline) {
    if (s.archive) warn("--archive asks the network: not with --offline");
    check_identifiers(run, nullptr);
    append(run.findings, resolution_findings(run.corpus, *run.ids));
    check_cited_archive_urls(run);
    sort_findings(run.findings);
    return;
  }
  // What the readers' and the lint's threads freed, for the checker to reuse: a long phase
  // whose peak is the run's (an offline run ends soon instead, and skips the cost).
  parallel::reclaim_memory();
  citelint::CheckOptions network = s.network;
  network.progress = !s.quiet && isatty(STDERR_FILENO);
  network.recheck_failures = s.confirm.on();  // each run a check of what is failing
  check_identifiers(run, &network);
  const LinkResults doi_links = doi_link_results(run.corpus, *run.ids);
  run.links = check_cited_links(run.corpus, network, &doi_links);
  apply_history(*run.links, network, s.confirm, std::time(nullptr));
  if (!s.no_drift) find_drift(run.corpus, *run.links);
  for (const std::string& w : run.links->warnings) warn(w);
  std::vector<Finding> found = resolution_findings(run.corpus, *run.ids);
  std::optional<RepairReport> repairs;
  if (!s.no_repair) {
    repairs = verify_repairs(run.corpus, *run.links, network);
    append(found, repair_findings(run.corpus, *repairs));
  }
  if (s.archive) {
    const RepairReport* repaired = repairs ? &*repairs : nullptr;
    run.archive = find_archived_copies(run.corpus, *run.links, network, s.archives, repaired);
    for (const std::string& w : run.archive->warnings) warn(w);
    witness_drift(run.corpus, *run.links, *run.archive, network);
    append(found, archive_findings(run.corpus, *run.links, *run.archive, repaired));
  }
  append(found, link_findings(run.corpus, *run.links));  // drift as the captures witness it
  verify_fixes(run.corpus, *run.links, run.findings);
  check_cited_archive_urls(run);
  append(run.findings, std::move(found));
  sort_findings(run.findings);
}

// The config's levels per rule and per category, then what the inputs' comments and the
// config's suppress entries switch off (out of reports and exit status, in SARIF as
// suppressed), then what the baseline already holds.
std::optional<int> apply_policy(Run& run) {
  const Config& config = run.settings.config;
  apply_levels(config, run.findings);
  run.suppressed = take_suppressed(run.corpus, run.findings);
  if (!config.suppress.empty()) {
    std::erase_if(run.findings, [&](Finding& f) {
      if (!config_suppresses(config, f, run.corpus.documents[f.span.input]->path())) return false;
      run.suppressed.push_back(std::move(f));
      return true;
    });
  }
  if (!run.suppressed.empty())
    say(findings_count(run.suppressed.size()) +
        " suppressed (by comments in the input, or the config's suppress)");
  const std::string& path = run.settings.baseline;
  if (path.empty() || run.settings.writing_baseline) return std::nullopt;
  std::vector<Diagnostic> problems;
  const std::optional<Baseline> baseline = load_baseline(path, problems);
  print_diagnostics(problems);
  if (!baseline) return kUsage;
  if (const std::size_t known = apply_baseline(*baseline, run.corpus, run.findings); known > 0)
    say(findings_count(known) + " left out: in the baseline " + path);
  return std::nullopt;
}

// Writes to `path` ("-" or empty: standard output) what `fill` gives its writer. Empty when all
// of it was written; else why not, in the OS's words, naming where ("standard output").
std::string write_output(const std::string& path,
                         const std::function<void(const ReportSink&, bool to_terminal)>& fill) {
  const bool to_stdout = path.empty() || path == "-";
  const std::string where = to_stdout ? "standard output" : path;
  std::FILE* out = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (!out) return "cannot write " + where + ": " + std::strerror(errno);
  int error = 0;
  fill(
      [&](std::string_view chunk) {
        if (error == 0 && std::fwrite(chunk.data(), 1, chunk.size(), out) != chunk.size())
          error = errno ? errno : EIO;
      },
      to_stdout && isatty(STDOUT_FILENO));
  if (std::fflush(out) != 0 && error == 0) error = errno ? errno : EIO;
  if (!to_stdout && std::fclose(out) != 0 && error == 0) error = errno ? errno : EIO;
  return error == 0 ? std::string() : "cannot write " + where + ": " + std::strerror(error);
}

// The report in --format (to -o), then each --report FORMAT=PATH; or, for `citelint baseline`,
// the baseline. One that cannot be written is said, with the OS's reason, and the others are
// still written.
std::optional<int> write_reports(Run& run) {
  const CheckSettings& s = run.settings;
  if (s.writing_baseline) {
    const std::string path = s.output.empty() ? "citelint-baseline.json" : s.output;
    if (const std::string error = write_output(
            path, [&](const ReportSink& write,
                      bool) { write(render_baseline(run.corpus, run.findings, run.as_of)); });
        !error.empty())
      return fail(error);
    say(findings_count(run.findings.size()) + " written to the baseline " + path);
    return run.input_error ? kUsage : kClean;
  }
  ReportInput report{run.corpus, run.findings, run.as_of, run.links ? &*run.links : nullptr,
                     run.archive ? &*run.archive : nullptr};
  report.ids = run.ids ? &*run.ids : nullptr;
  report.citations = run.citations ? &*run.citations : nullptr;
  report.suppressed = &run.suppressed;
  report.rules = &run.rule_infos;
  report.errors = &run.input_errors;
  report.fail_on = parse_severity(s.fail_on);  // none with never
  std::vector<std::pair<std::string, std::string>> outputs = {{s.format, s.output}};
  for (const std::string& extra : s.reports)
    outputs.emplace_back(extra.substr(0, extra.find('=')), extra.substr(extra.find('=') + 1));
  bool failed = false;
  for (const auto& [format, path] : outputs) {
    const ReportFormat& writer = *find_report_format(format);
    if (const std::string error = write_output(path,
                                               [&](const ReportSink& write, bool to_terminal) {
                                                 report.color =
                                                     to_terminal && !std::getenv("NO_COLOR");
                                                 writer.write(report, write);
                                               });
        !error.empty()) {
      fail(error);
      failed = true;
    }
  }
  if (failed) return kUsage;
  return std::nullopt;
}

int exit_status(const Run& run) {
  if (run.input_error) return kUsage;
  if ((run.links && run.links->network_down) || (run.ids && run.ids->network_down)) {
    say("the network is unreachable (every lookup or connection failed): link results are "
        "inconclusive, and no link is called broken");
    return kOffline;
  }
  const std::optional<Severity> threshold = parse_severity(run.settings.fail_on);
  if (!threshold) return kClean;  // never
  for (const Finding& f : run.findings)
    if (f.severity >= *threshold) return kFindings;
  return kClean;
}

int run_check(const CheckSettings& settings) {
  PhaseTimer timer;
  Run run(settings);
  if (auto stop = load_rules(run)) return *stop;
  timer.lap("load rules");
  load_retraction_list(run);
  read_inputs(run, timer);
  lint_inputs(run, timer);
  timer.lap("lint");
  check_network(run);
  if (!settings.offline) timer.lap("check links");
  if (auto stop = apply_policy(run)) return *stop;
  timer.lap("suppress");
  if (settings.fixing) {  // nothing verified without a network: nothing written
    const int status = exit_status(run);
    if (status == kOffline) return status;
    const int fixed =
        write_fixes(run.corpus, run.findings, run.archive ? &*run.archive : nullptr, settings);
    return status == kUsage ? status : fixed;
  }
  if (auto stop = write_reports(run)) return *stop;
  timer.lap("report");
  return exit_status(run);
}

// The options of `check`, which `baseline` and `fix` share, and its run: the config file
// first, the command line's options winning over it.
enum class Mode { check, baseline, fix };

void define_check(CLI::App* cmd, Mode mode, int& exit_code) {
  auto given = std::make_shared<GivenOptions>();
  define_options(*cmd, *given);
  auto fix = std::make_shared<FixOptions>();  // fix's own flags, copied into the settings
  if (mode == Mode::fix) {
    cmd->add_flag("--diff", fix->diff, "Print the fixes as a unified diff; change no file")
        ->group("Fix");
    cmd->add_flag("--redirects", fix->redirects,
                  "Also cite where permanent redirects land (link/redirect)")
        ->group("Fix");
    cmd->add_flag("--add-archive", fix->add_archive,
                  "Also add the archived copy from the access day (implies --archive)")
        ->group("Fix");
  }
  cmd->callback([cmd, given, fix, mode, &exit_code] {
    auto fresh = [&] {
      CheckSettings s;
      s.writing_baseline = mode == Mode::baseline;
      s.fixing = mode == Mode::fix;
      s.fix = *fix;
      return s;
    };
    CheckSettings settings = fresh();
    std::vector<Diagnostic> problems;
    merge_options(*cmd, *given, nullptr, settings, problems);  // --config and --no-config
    std::optional<Config> config;
    if (problems.empty() && !settings.no_config) {
      const std::optional<std::string> path =
          settings.config_file.empty() ? find_config() : std::optional(settings.config_file);
      if (path) config = load_config(*path, problems);
    }
    if (problems.empty()) {
      settings = fresh();
      if (config) settings.config = *config;
      merge_options(*cmd, *given, config ? &*config : nullptr, settings, problems);
    }
    if (settings.fix.add_archive) settings.archive = true;
    if (settings.fixing && settings.offline && problems.empty())
      problems.push_back({"citelint", 0, 0,
                          "fix: --offline verifies nothing, and only verified fixes are written"});
    print_diagnostics(problems);
    exit_code = problems.empty() ? run_check(settings) : kUsage;
  });
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Read reference lists, lint them, check their links, and report.");
  std::string inputs, reports;
  for (const InputFormat& f : input_formats())
    inputs += "\n  " + std::string(f.name) + ": " + std::string(f.summary);
  for (const ReportFormat& f : report_formats())
    reports += "\n  " + std::string(f.name) + ": " + std::string(f.summary);
  cmd->footer(
      "\nInputs are read by extension, then content (--input-format to choose):" + inputs +
      "\nFindings are reported file:line:col (page and line in a PDF, paragraph in a DOCX),\n"
      "gravest first at one place, with a summary line last.\n"
      "\nReports, one with --format (-o FILE), more with --report FORMAT=FILE:" +
      reports +
      "\nText is coloured on a terminal unless NO_COLOR is set. Settings come from\n"
      ".citelint.yaml (here or above) unless given here.\n"
      "\nExamples:\n"
      "  citelint check --offline refs.bib\n"
      "  citelint check --fail-on warning --report sarif=citelint.sarif refs.txt\n"
      "  citelint check --archive --archive-tolerance 14 --format html -o report.html article.pdf\n"
      "\nExit status: 0 clean, 1 findings at or above --fail-on, 2 input or usage error,\n"
      "3 network unreachable. More: docs/cli.md.");
  define_check(cmd, Mode::check, exit_code);

  CLI::App* base = app.add_subcommand(
      "baseline", "Write the current findings to a baseline that check --baseline leaves out.");
  base->footer(
      "\nChecks as check does (the same options; --offline for the rules alone) and writes the\n"
      "findings to -o FILE (default citelint-baseline.json). check --baseline FILE then reports\n"
      "and fails only on findings not in it. Findings are matched by rule, the reference's text\n"
      "and the URL they are about, not by line: lines added above keep the matches.\n"
      "\nExample:\n"
      "  citelint baseline --offline -o citelint-baseline.json refs.bib\n"
      "  citelint check --offline --baseline citelint-baseline.json refs.bib");
  define_check(base, Mode::baseline, exit_code);

  CLI::App* fix = app.add_subcommand(
      "fix", "Check as check does, then write the verified fixes back into the inputs.");
  fix->footer(
      "\nWrites each fix the network verified, in the input's own syntax, changing nothing else:\n"
      "URLs rejoined or repaired, dates in the list's own form; with --redirects, where a\n"
      "permanent redirect lands; with --add-archive, the capture from the access day (BibTeX\n"
      "fields, CSL-JSON archive_location, an RIS note, Robust Links in Markdown and HTML, a\n"
      "sentence in plain text). A fix not verified is never applied. More: docs/fixing.md.\n"
      "\nExamples:\n"
      "  citelint fix --diff refs.bib         what it would change\n"
      "  citelint fix --add-archive refs.md   write the fixes and the archived copies\n"
      "\nExit status: 0 done (or nothing to fix), 2 an input or a file not written, 3 network\n"
      "unreachable (nothing verified).");
  define_check(fix, Mode::fix, exit_code);
}

}  // namespace citelint::cli
