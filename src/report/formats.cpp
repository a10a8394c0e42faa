// The report formats: one table that --format, --report and the help read. A new format is a
// row here and a file of its own (src/report/<format>.cpp): docs/architecture.md.
#include "citelint/report.hpp"

namespace citelint {

namespace {

const ReportFormat kFormats[] = {
    {"text", "compiler-style lines with the source and a caret, a summary last",
     [](const ReportInput& in, const ReportSink& out) {
       out(render_text(in, TextOptions{in.color}));
     }},
    {"json", "everything read and found, schema citelint-report/1 (docs/report-json.md)",
     write_json},
    {"sarif", "SARIF 2.1.0 for code scanning",
     [](const ReportInput& in, const ReportSink& out) {
       out(render_sarif(in, in.rules ? *in.rules : std::vector<RuleInfo>{}));
     }},
    {"junit", "JUnit XML: a test case per reference, a failure per finding",
     [](const ReportInput& in, const ReportSink& out) { out(render_junit(in)); }},
    {"github", "GitHub Actions workflow commands (annotations)",
     [](const ReportInput& in, const ReportSink& out) { out(render_github(in)); }},
    {"markdown", "a Markdown summary for a pull-request comment or a job summary",
     [](const ReportInput& in, const ReportSink& out) { out(render_markdown(in)); }},
    {"html", "one self-contained page with filters",
     [](const ReportInput& in, const ReportSink& out) { out(render_html(in)); }},
};

}  // namespace

std::span<const ReportFormat> report_formats() { return kFormats; }

const ReportFormat* find_report_format(std::string_view name) {
  for (const ReportFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace citelint
