// citelint check: read, lint, (check links), report.
#include "citelint/check.hpp"

#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <optional>

#include "citelint/archive.hpp"
#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "citelint/report.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"

namespace citelint::cli {

namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool offline = false;
  std::string format = "text";
  std::string input_format;  // empty: detected per input
  std::string output;
  std::vector<std::string> reports;  // FORMAT=PATH, each written besides --format's
  std::string baseline;              // check --baseline FILE
  bool writing_baseline = false;     // citelint baseline
  std::string as_of;
  std::string fail_on = "error";
  RuleOptions rules;
  citelint::CheckOptions network;
  bool archive = false, no_repair = false;
  ArchiveOptions archives;
  // As given on the command line, converted in run_check.
  double timeout_s = 20, connect_timeout_s = 10, retry_after_max_s = 60;
  long host_interval_ms = 0;
  std::string accept, cache_max_age = "1d";
  bool no_cache = false, quiet = false;
  std::string config_file;  // --config; empty: .citelint.yaml found upward
  bool no_config = false;
  Config config;  // what the config file sets beyond the command line's options
};

// The config's settings for what the command line did not set (`given` says what it did).
void apply_config(const Config& c, CheckOptions& o, const std::function<bool(const char*)>& given) {
  o.config = c;
  o.rules.rule_paths.insert(o.rules.rule_paths.end(), c.packs.begin(), c.packs.end());
  o.rules.styles.insert(o.rules.styles.end(), c.styles.begin(), c.styles.end());
  o.network.exclude.insert(o.network.exclude.end(), c.exclude.begin(), c.exclude.end());
  o.network.include.insert(o.network.include.end(), c.include.begin(), c.include.end());
  o.network.headers.insert(o.network.headers.end(), c.headers.begin(), c.headers.end());
  for (const auto& [host, policy] : c.hosts) o.network.hosts[host] = policy;
  if (c.fail_on && !given("--fail-on")) o.fail_on = *c.fail_on;
  if (c.offline && !given("--offline")) o.offline = *c.offline;
  if (c.cache && !given("--cache") && !given("--no-cache")) {
    o.no_cache = c.cache->empty();
    o.network.cache_file = *c.cache;
  }
  if (c.cache_max_age && !given("--cache-max-age")) o.cache_max_age = *c.cache_max_age;
  if (c.max_concurrency && !given("--max-concurrency"))
    o.network.max_concurrency = *c.max_concurrency;
  if (c.host_concurrency && !given("--host-concurrency"))
    o.network.host_concurrency = *c.host_concurrency;
  if (c.host_interval_ms && !given("--host-interval")) o.host_interval_ms = *c.host_interval_ms;
  if (c.timeout_s && !given("--timeout")) o.timeout_s = *c.timeout_s;
  if (c.retries && !given("--retries")) o.network.retries = *c.retries;
  if (c.user_agent && !given("--user-agent")) o.network.user_agent = *c.user_agent;
  if (c.accept && !given("--accept")) o.accept = *c.accept;
}

// "1d", "12h", "30m", "90s" or plain seconds.
std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long factor = 1;
  switch (text.back()) {
    case 'd':
      factor = 86400;
      break;
    case 'h':
      factor = 3600;
      break;
    case 'm':
      factor = 60;
      break;
    case 's':
      break;
    default:
      factor = 0;
  }
  if (factor) text.remove_suffix(1);
  long n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size() || n < 0) return std::nullopt;
  return std::chrono::seconds(n * (factor ? factor : 1));
}

// "200,206,403" or ranges "200..299,403".
std::optional<std::vector<int>> parse_accept(std::string_view text) {
  std::vector<int> codes;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t dots = item.find("..");
    int from = 0, to = 0;
    const std::string_view a = item.substr(0, dots);
    const std::string_view b = dots == std::string_view::npos ? a : item.substr(dots + 2);
    if (std::from_chars(a.data(), a.data() + a.size(), from).ec != std::errc() ||
        std::from_chars(b.data(), b.data() + b.size(), to).ec != std::errc() || from < 100 ||
        to > 999 || from > to)
      return std::nullopt;
    for (int c = from; c <= to; ++c) codes.push_back(c);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return codes;
}

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
    Lap lap{phase, std::chrono::duration<double, std::milli>(now - last_).count(), 0, 0};
    read_rss(lap);
    laps_.push_back(lap);
    last_ = now;
  }
  ~PhaseTimer() {  // destroyed last in run_check: after the run's memory is freed
    lap("free");
    for (const Lap& l : laps_)
      std::fprintf(stderr, "%9.2f ms  phase: %-18s RSS %6.1f MB, peak so far %6.1f MB\n", l.ms,
                   l.phase, static_cast<double>(l.rss_kb) / 1024,
                   static_cast<double>(l.peak_kb) / 1024);
  }

 private:
  struct Lap {
    const char* phase;
    double ms;
    long rss_kb, peak_kb;
  };
  // VmRSS: resident now; VmHWM: the most the process has had.
  static void read_rss(Lap& lap) {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status) return;
    char line[256];
    while (std::fgets(line, sizeof line, status)) {
      std::sscanf(line, "VmHWM: %ld kB", &lap.peak_kb);
      std::sscanf(line, "VmRSS: %ld kB", &lap.rss_kb);
    }
    std::fclose(status);
  }

  bool on_ = std::getenv("CITELINT_TIMING") != nullptr;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<Lap> laps_;
};

// Writes the report in the chosen format to stdout or to -o FILE.
const std::vector<std::string> kReportFormats = {"text",   "json",     "sarif", "junit",
                                                 "github", "markdown", "html"};

// "1 finding", "2 findings": what standard error says of the findings a step set aside.
std::string findings_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " finding" : " findings");
}

// Writes to `path` ("-" or empty: standard output) what `fill` gives its writer; whether all
// of it was written. `to_terminal` says whether that is standard output on a terminal.
bool write_output(const std::string& path,
                  const std::function<void(const ReportSink&, bool to_terminal)>& fill) {
  const bool to_stdout = path.empty() || path == "-";
  std::FILE* out = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (!out) return false;
  bool ok = true;
  fill(
      [&](std::string_view chunk) {
        ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size();
      },
      to_stdout && isatty(STDOUT_FILENO));
  ok = std::fflush(out) == 0 && ok;
  if (!to_stdout) ok = std::fclose(out) == 0 && ok;
  return ok;
}

// Writes one report in `format` to `path`.
bool write_report(const std::string& format, const std::string& path, const ReportInput& report,
                  const std::vector<RuleInfo>& rules) {
  return write_output(path, [&](const ReportSink& write, bool to_terminal) {
    if (format == "json") {
      write_json(report, write);
    } else if (format == "sarif") {
      write(render_sarif(report, rules));
    } else if (format == "junit") {
      write(render_junit(report));
    } else if (format == "github") {
      write(render_github(report));
    } else if (format == "markdown") {
      write(render_markdown(report));
    } else if (format == "html") {
      write(render_html(report));
    } else {
      const bool colour = to_terminal && !std::getenv("NO_COLOR");
      write(render_text(report, TextOptions{colour}));
    }
  });
}

int run_check(const CheckOptions& o) {
  PhaseTimer timer;
  std::vector<Diagnostic> diagnostics;
  std::optional<RuleSet> rules =
      RuleSet::load(select_rule_files(o.rules, diagnostics), diagnostics);
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
  // The config names rules the packs have (or the link checker's kinds).
  for (const auto& [id, level] : o.config.rule_levels)
    if (!rules->contains(id) && id.rfind("link/", 0) != 0 && id.rfind("archive/", 0) != 0)
      diagnostics.push_back({o.config.path, level.line, level.column,
                             "no rule " + id + " in the packs this run loads"});
  if (!diagnostics.empty()) {
    print_diagnostics(diagnostics);
    return kUsage;
  }

  // What a run read and found lives until the process exits: the OS takes it back at once,
  // where freeing a hundred thousand references piece by piece takes a tenth of the run. The
  // pointer stays reachable, so leak checkers do not count it.
  static Corpus* kept = nullptr;
  kept = new Corpus;
  Corpus& corpus = *kept;
  bool input_error = false;
  for (const std::string& path : o.files) {
    LoadResult loaded = load_document(corpus.documents.size(), path, o.input_format);
    timer.lap("load input");
    print_diagnostics(loaded.diagnostics);
    input_error = input_error || !loaded.diagnostics.empty();
    if (!loaded.document) continue;
    std::vector<Diagnostic> problems;
    std::vector<Reference> refs = read_references(*loaded.document, &problems);
    print_diagnostics(problems);
    input_error = input_error || !problems.empty();
    timer.lap("read and extract");
    if (corpus.references.empty()) {
      corpus.references = std::move(refs);  // no second copy of a large list
    } else {
      corpus.references.insert(corpus.references.end(), std::make_move_iterator(refs.begin()),
                               std::make_move_iterator(refs.end()));
    }
    corpus.documents.push_back(std::move(loaded.document));
  }
  static std::vector<Finding>* kept_findings = nullptr;
  kept_findings = new std::vector<Finding>(lint(*rules, corpus, lint_options));
  std::vector<Finding>& findings = *kept_findings;
  const std::vector<RuleInfo> rule_infos = rules->rules();  // what SARIF describes
  rules.reset();  // compiled patterns and their caches: the network phase reuses the memory
  timer.lap("lint");

  // Archive URLs the list cites, against its access dates: known from the URLs alone offline,
  // from where each landed when checked.
  auto archived = [&](const CheckReport* checked) {
    std::vector<Finding> found = archived_url_findings(corpus, checked, o.archives.tolerance_days);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                    std::make_move_iterator(found.end()));
  };
  std::optional<CheckReport> links;
  std::optional<ArchiveReport> archive;
  if (o.offline) {
    if (o.archive) std::cerr << "citelint: --archive asks the network: not with --offline\n";
    const std::size_t linted = findings.size();
    archived(nullptr);
    if (findings.size() > linted)
      std::sort(findings.begin(), findings.end(),
                [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  } else {
    citelint::CheckOptions network = o.network;
    network.progress = !o.quiet && isatty(STDERR_FILENO);
    links = check_cited_links(corpus, network);
    for (const std::string& w : links->warnings) std::cerr << "citelint: warning: " << w << "\n";
    std::vector<Finding> found = link_findings(corpus, *links);
    auto add = [&](std::vector<Finding> more) {
      found.insert(found.end(), std::make_move_iterator(more.begin()),
                   std::make_move_iterator(more.end()));
    };
    std::optional<RepairReport> repairs;
    if (!o.no_repair) {
      repairs = verify_repairs(corpus, *links, network);
      add(repair_findings(corpus, *repairs));
    }
    if (o.archive) {
      const RepairReport* repaired = repairs ? &*repairs : nullptr;
      archive = find_archived_copies(corpus, *links, network, o.archives, repaired);
      for (const std::string& w : archive->warnings)
        std::cerr << "citelint: warning: " << w << "\n";
      add(archive_findings(corpus, *links, *archive, repaired));
    }
    verify_fixes(corpus, *links, findings);
    archived(&*links);
    if (findings.empty()) {
      findings = std::move(found);  // a large list's findings are not held twice
    } else {
      findings.insert(findings.end(), std::make_move_iterator(found.begin()),
                      std::make_move_iterator(found.end()));
    }
    // No two findings share an order key, so an in-place sort is as good as a stable one,
    // without the stable sort's buffer of as many findings.
    std::sort(findings.begin(), findings.end(),
              [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
    timer.lap("check links");
  }
  // The config's levels per rule and per category, then the findings the inputs' own comments
  // and the config's suppress entries switch off: out of reports and exit status, in SARIF as
  // suppressed.
  apply_levels(o.config, findings);
  static std::vector<Finding>* suppressed = nullptr;
  suppressed = new std::vector<Finding>(take_suppressed(corpus, findings));
  if (!o.config.suppress.empty()) {
    std::erase_if(findings, [&](Finding& f) {
      if (!config_suppresses(o.config, f, corpus.documents[f.span.input]->path())) return false;
      suppressed->push_back(std::move(f));
      return true;
    });
  }
  if (!suppressed->empty())
    std::cerr << "citelint: " << findings_count(suppressed->size())
              << " suppressed (by comments in the input, or the config's suppress)\n";
  if (o.writing_baseline) {
    const std::string path = o.output.empty() ? "citelint-baseline.json" : o.output;
    if (!write_output(path, [&](const ReportSink& write, bool) {
          write(render_baseline(corpus, findings, as_of));
        })) {
      std::cerr << "citelint: cannot write " << path << "\n";
      return kUsage;
    }
    std::cerr << "citelint: " << findings_count(findings.size()) << " written to the baseline "
              << path << "\n";
    return input_error ? kUsage : kClean;
  }
  if (!o.baseline.empty()) {
    std::vector<Diagnostic> problems;
    const std::optional<Baseline> baseline = load_baseline(o.baseline, problems);
    print_diagnostics(problems);
    if (!baseline) return kUsage;
    const std::size_t known = apply_baseline(*baseline, corpus, findings);
    if (known > 0)
      std::cerr << "citelint: " << findings_count(known) << " left out: in the baseline "
                << o.baseline << "\n";
  }
  ReportInput report{corpus, findings, as_of, links ? &*links : nullptr,
                     archive ? &*archive : nullptr};
  report.suppressed = suppressed;
  if (o.fail_on == "never") {
    report.fail_on.reset();
  } else {
    report.fail_on = parse_severity(o.fail_on);
  }
  if (!write_report(o.format, o.output, report, rule_infos)) {
    std::cerr << "citelint: cannot write " << o.output << "\n";
    return kUsage;
  }
  for (const std::string& extra : o.reports) {
    const std::size_t eq = extra.find('=');
    const std::string format = extra.substr(0, eq), path = extra.substr(eq + 1);
    if (!write_report(format, path, report, rule_infos)) {
      std::cerr << "citelint: cannot write " << path << "\n";
      return kUsage;
    }
  }
  timer.lap("report");

  if (input_error) return kUsage;
  if (links && links->network_down) {
    std::cerr << "citelint: the network is unreachable (every lookup or connection failed): link "
                 "results are inconclusive, and no link is called broken\n";
    return kOffline;
  }
  if (o.fail_on == "never") return kClean;
  const Severity threshold = *parse_severity(o.fail_on);
  for (const Finding& f : findings)
    if (f.severity >= threshold) return kFindings;
  return kClean;
}

// The options and the run of `check`, which `baseline` shares.
void define_check(CLI::App* cmd, const std::shared_ptr<CheckOptions>& o, int& exit_code) {
  cmd->add_option("files", o->files, "Reference lists to check; - reads standard input")
      ->required();
  cmd->add_flag("--offline", o->offline, "Rules only: send no network request");
  cmd->add_option("--format", o->format, "Report format")
      ->check(CLI::IsMember(kReportFormats))
      ->capture_default_str();
  cmd->add_option("--report", o->reports,
                  "Also write a report in FORMAT to PATH (text, json, sarif, junit, github, "
                  "markdown or html), e.g. "
                  "--report sarif=citelint.sarif; may be given more than once")
      ->type_name("FORMAT=PATH")
      ->check([](const std::string& v) -> std::string {
        const std::size_t eq = v.find('=');
        const std::string format = v.substr(0, eq);
        if (eq == std::string::npos || eq + 1 >= v.size())
          return "expected FORMAT=PATH, e.g. sarif=citelint.sarif";
        if (std::find(kReportFormats.begin(), kReportFormats.end(), format) == kReportFormats.end())
          return "unknown report format '" + format +
                 "' (text, json, sarif, junit, github, markdown or html)";
        return {};
      });
  cmd->add_option("-o,--output", o->output, "Write the report to this file instead of stdout");
  cmd->add_option("--input-format", o->input_format,
                  "Read every input as this format instead of detecting it")
      ->check(CLI::IsMember({"text", "bibtex", "csl-json", "ris", "jats", "latex", "markdown",
                             "html", "pdf", "docx"}));
  cmd->add_option("--as-of", o->as_of,
                  "The day date rules take as today (YYYY-MM-DD); default today");
  cmd->add_option("--fail-on", o->fail_on, "Exit 1 when a finding is at or above this level")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str();
  cmd->add_option("--rules", o->rules.rule_paths, "Extra rule packs: a .yml file or a folder")
      ->type_name("PATH");
  cmd->add_option("--style", o->rules.styles, "A shipped style pack to add to core")
      ->type_name("NAME");

  // Network (ignored with --offline).
  auto& n = o->network;
  const std::string net = "Network";
  cmd->add_option("--max-concurrency", n.max_concurrency,
                  "Requests in flight at most (clamped to the open-file limit)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group(net);
  cmd->add_option("--host-concurrency", n.host_concurrency, "Requests in flight per host at most")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group(net);
  cmd->add_option("--host-interval", o->host_interval_ms,
                  "Milliseconds between request starts on one host")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group(net);
  cmd->add_option("--timeout", o->timeout_s, "Seconds per attempt")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group(net);
  cmd->add_option("--connect-timeout", o->connect_timeout_s, "Seconds to connect")
      ->capture_default_str()
      ->check(CLI::PositiveNumber)
      ->group(net);
  cmd->add_option("--retries", n.retries, "Retries after a dropped connection, 5xx, 429 or timeout")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group(net);
  cmd->add_option("--retry-after-max", o->retry_after_max_s,
                  "Longest Retry-After honoured, in seconds")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group(net);
  cmd->add_option("--user-agent", n.user_agent, "User-Agent header (default: citelint's own)")
      ->group(net);
  cmd->add_option("--header", n.headers, "An extra request header, 'Name: value' (repeatable)")
      ->group(net);
  cmd->add_option("--exclude", n.exclude, "Do not check URLs matching this RE2 pattern")
      ->group(net);
  cmd->add_option("--include", n.include, "Check only URLs matching this RE2 pattern")->group(net);
  cmd->add_option("--accept", o->accept, "HTTP statuses that count as ok, e.g. 200..299,403")
      ->group(net);
  cmd->add_option("--resolve", n.resolve, "HOST:PORT:ADDR, as curl's --resolve (repeatable)")
      ->group(net);
  cmd->add_flag("--allow-private", n.allow_private,
                "Check loopback, private and link-local addresses too")
      ->group(net);
  cmd->add_option("--ca-file", n.ca_file, "Trust the certificates in this PEM file")->group(net);
  cmd->add_option("--cache", n.cache_file,
                  "The link cache (SQLite; default .citelint-cache.sqlite here)")
      ->group(net);
  cmd->add_flag("--no-cache", o->no_cache, "Neither read nor write the link cache")->group(net);
  cmd->add_option("--cache-max-age", o->cache_max_age,
                  "Oldest cached result used: 1d, 12h, 30m, 90s")
      ->capture_default_str()
      ->group(net);
  cmd->add_flag("--no-repair", o->no_repair,
                "Do not try repairs (restored hyphens, stripped brackets) of URLs that fail")
      ->group(net);
  const std::string arch = "Archives";
  cmd->add_flag("--archive", o->archive,
                "Find an archived copy, from near the access date, of each dead or blocked link")
      ->group(arch);
  cmd->add_option("--archive-endpoint", o->archives.endpoint,
                  "A Wayback-compatible archive to ask instead of the Internet Archive")
      ->type_name("URL")
      ->group(arch);
  cmd->add_option("--memento-timegate", o->archives.memento_timegate,
                  "Also ask this Memento TimeGate (RFC 7089); the page's URL is appended")
      ->type_name("URL")
      ->group(arch);
  cmd->add_option("--archive-tolerance", o->archives.tolerance_days,
                  "Days an archive URL in a reference may be captured after its access date")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber)
      ->group(arch);
  cmd->add_flag("-q,--quiet", o->quiet, "No progress bar");
  cmd->add_option("--config", o->config_file,
                  "Settings from this file instead of the .citelint.yaml found in the working "
                  "directory or above it (docs/config.md)")
      ->type_name("FILE");
  cmd->add_flag("--no-config", o->no_config, "Read no .citelint.yaml");
  cmd->callback([o, cmd, &exit_code] {
    // The config file first: the command line's options win over it.
    if (!o->no_config) {
      const std::optional<std::string> path =
          o->config_file.empty() ? find_config() : std::optional<std::string>(o->config_file);
      if (path) {
        std::vector<Diagnostic> problems;
        const std::optional<Config> config = load_config(*path, problems);
        if (!config) {
          print_diagnostics(problems);
          exit_code = kUsage;
          return;
        }
        apply_config(*config, *o, [cmd](const char* name) { return cmd->count(name) > 0; });
      }
    }
    // Values that need more than CLI11's checks.
    auto& n = o->network;
    n.timeout = std::chrono::milliseconds(static_cast<long>(o->timeout_s * 1000));
    n.connect_timeout = std::chrono::milliseconds(static_cast<long>(o->connect_timeout_s * 1000));
    n.retry_after_max = std::chrono::milliseconds(static_cast<long>(o->retry_after_max_s * 1000));
    n.host_interval = std::chrono::milliseconds(o->host_interval_ms);
    n.use_cache = !o->no_cache;
    const auto age = parse_duration(o->cache_max_age);
    if (!age) {
      std::cerr << "citelint: --cache-max-age wants 1d, 12h, 30m or 90s, not '" << o->cache_max_age
                << "'\n";
      exit_code = kUsage;
      return;
    }
    n.cache_max_age = *age;
    if (!o->accept.empty()) {
      const auto codes = parse_accept(o->accept);
      if (!codes) {
        std::cerr << "citelint: --accept wants statuses such as 200..299,403, not '" << o->accept
                  << "'\n";
        exit_code = kUsage;
        return;
      }
      n.accept = *codes;
    }
    for (const auto* list : {&n.exclude, &n.include}) {
      for (const std::string& p : *list) {
        RE2 re(p, RE2::Quiet);
        if (!re.ok()) {
          std::cerr << "citelint: bad pattern '" << p << "': " << re.error() << "\n";
          exit_code = kUsage;
          return;
        }
      }
    }
    exit_code = run_check(*o);
  });
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Read reference lists, lint them, check their links, and report.");
  cmd->footer(
      "\nInputs are read by extension, then content: plain text, BibTeX/BibLaTeX (.bib),\n"
      "CSL-JSON, RIS, JATS XML, LaTeX (thebibliography, .bbl), Markdown, HTML, DOCX, PDF\n"
      "(--input-format to choose). Findings are reported file:line:col (page and line in a PDF,\n"
      "paragraph in a DOCX), gravest first at one place, with a summary line last.\n"
      "\nReports: text (colour on a terminal unless NO_COLOR), json, sarif, junit, github\n"
      "(workflow commands), markdown, html; one with --format (-o FILE), more with --report\n"
      "FORMAT=FILE. Settings come from .citelint.yaml (here or above) unless given here.\n"
      "\nExamples:\n"
      "  citelint check --offline refs.bib\n"
      "  citelint check --fail-on warning --report sarif=citelint.sarif refs.txt\n"
      "  citelint check --archive --archive-tolerance 14 --format html -o report.html article.pdf\n"
      "\nExit status: 0 clean, 1 findings at or above --fail-on, 2 input or usage error,\n"
      "3 network unreachable. More: docs/cli.md.");
  define_check(cmd, o, exit_code);
  cmd->add_option("--baseline", o->baseline,
                  "Leave out the findings this baseline holds (written by citelint baseline): "
                  "only new findings are reported and fail the run")
      ->type_name("FILE");

  auto b = std::make_shared<CheckOptions>();
  b->writing_baseline = true;
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
  define_check(base, b, exit_code);
}

}  // namespace citelint::cli
