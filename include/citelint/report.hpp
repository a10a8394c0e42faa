// Reports: what a run read and found, for people (text) and programs (json).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/archive.hpp"
#include "citelint/check.hpp"
#include "citelint/cite.hpp"
#include "citelint/ids.hpp"
#include "citelint/model.hpp"
#include "citelint/rules.hpp"

namespace citelint {

struct Summary {
  std::size_t references = 0, urls = 0, unique_urls = 0;
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::map<std::string, std::size_t> links;  // link status -> URLs
  // Archive lookups (with --archive): URL and date pairs with a capture, and without one.
  std::size_t archived = 0, not_archived = 0;
  // Identifiers asked of the services, each once: "DOI registered", "PMID not in PMC", "arXiv
  // id retracted" ... (resolution_state) -> how many.
  std::map<std::string, std::size_t> identifiers;
};

struct ReportInput {
  const Corpus& corpus;
  const std::vector<Finding>& findings;
  std::string as_of;                          // YYYY-MM-DD
  const CheckReport* links = nullptr;         // none offline: every link is unchecked
  const ArchiveReport* archive = nullptr;     // none without --archive
  const IdReport* ids = nullptr;              // the DOIs' resolution (JSON dois[].resolution)
  const CitationReport* citations = nullptr;  // where the text cites each reference
  // --fail-on: findings at or above it fail (JUnit's failures); none with --fail-on never.
  std::optional<Severity> fail_on = Severity::error;
  // Findings that suppression comments in the inputs cover: SARIF lists them as suppressed.
  const std::vector<Finding>* suppressed = nullptr;
  // The rules that ran: SARIF describes them. None: only the built-in kinds are described.
  const std::vector<RuleInfo>* rules = nullptr;
  bool color = false;  // text: ANSI colours (on a terminal, unless NO_COLOR)
  // What could not be read, whole (an input with no document: line 0) or in part: every
  // report carries them (JSON errors, SARIF toolExecutionNotifications, JUnit errors, GitHub
  // error annotations, a Markdown and HTML section), not standard error alone.
  const std::vector<Diagnostic>* errors = nullptr;
};

Summary summarise(const ReportInput& input);

// Where a report's text goes, in chunks of about a megabyte.
using ReportSink = std::function<void(std::string_view)>;

// A report format: a row of the table in src/report/formats.cpp, which --format, --report and
// the help read. Adding one: docs/architecture.md.
struct ReportFormat {
  std::string_view name;     // --format NAME
  std::string_view summary;  // one line, for help
  void (*write)(const ReportInput& input, const ReportSink& out);
};
std::span<const ReportFormat> report_formats();
const ReportFormat* find_report_format(std::string_view name);

// The JSON report, schema citelint-report/1 (docs/report-json.md), streamed to `out`.
void write_json(const ReportInput& input, const ReportSink& out);
std::string render_json(const ReportInput& input);

// SARIF 2.1.0 (docs/report-sarif.md) for code scanning: `rules` are those that ran (their
// descriptions become the reportingDescriptors), with the link checker's finding kinds.
std::string render_sarif(const ReportInput& input, const std::vector<RuleInfo>& rules);

// JUnit XML (GitLab, Jenkins): a test suite per input, a test case per reference, a failure
// per finding at or above fail_on (the others in the case's system-out).
std::string render_junit(const ReportInput& input);

// GitHub Actions workflow commands: a `::error file=...,line=...,col=...,endLine=...,
// endColumn=...,title=RULE::message` line per finding (warning, notice for the others).
std::string render_github(const ReportInput& input);

// A Markdown summary for a pull-request comment: counts by category and link status, then the
// findings grouped by reference, fixes and archived copies as links.
std::string render_markdown(const ReportInput& input);

// A finding's fingerprint: its rule, the text of the reference it is in (whitespace folded),
// and the URL it is about (else the text it covers). The same where edits move the list.
std::string finding_fingerprint(const Corpus& corpus, const Finding& finding);
// The same for many findings, in time linear in the findings and the text: each reference's
// text is folded and hashed once per rule that has findings in it, and its URLs looked up by
// position (finding_fingerprint alone folds the reference for every finding).
class Fingerprinter {
 public:
  explicit Fingerprinter(const Corpus& corpus) : corpus_(corpus) {}
  std::string operator()(const Finding& finding);

 private:
  const Corpus& corpus_;
  // The hash's state after "rule\n" and the reference's folded text and "\n".
  std::map<std::pair<const Reference*, std::string>, std::uint64_t> states_;
  std::map<const Reference*, std::vector<const Url*>> urls_;  // by where they start
};

// Baselines (citelint baseline, check --baseline): the findings a list had when it was taken,
// by fingerprint; a finding in it is left out of a check's report and exit status.
struct Baseline {
  std::map<std::string, std::size_t> fingerprints;  // -> how many findings had it
};
std::string render_baseline(const Corpus& corpus, const std::vector<Finding>& findings,
                            const std::string& as_of);
std::optional<Baseline> load_baseline(const std::string& path,
                                      std::vector<Diagnostic>& diagnostics);
// Removes the findings the baseline holds (each fingerprint as many times as it was taken);
// returns how many.
std::size_t apply_baseline(const Baseline& baseline, const Corpus& corpus,
                           std::vector<Finding>& findings);

// The HTML report (docs/report-html.md): one self-contained page, no network and no external
// assets: a summary, every reference with its links' statuses, findings, fixes and archived
// copies; filters by link status, category and level, and sorting (kept in the page's #hash).
std::string render_html(const ReportInput& input);

// Compiler-style text: file:line:col: severity[rule]: message, the source line with a caret
// under the span, the fix, and a summary line last.
struct TextOptions {
  bool color = false;
};
std::string render_text(const ReportInput& input, const TextOptions& options);

}  // namespace citelint
