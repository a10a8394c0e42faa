// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): each input a
// testsuite, each reference a testcase, each finding at or above --fail-on a failure.

#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {}  // namespace

std::string render_junit(const ReportInput& input) {
  const Corpus& corpus = input.corpus;
  auto fails = [&](const Finding& f) { return input.fail_on && f.severity >= *input.fail_on; };
  const report::FindingsByReference by_ref(input.findings);

  std::size_t tests = 0, failures = 0;
  std::string suites;
  for (const auto& d : corpus.documents) {
    const auto input_id = static_cast<std::uint32_t>(d->id());
    std::string cases;
    std::size_t n = 0, failed = 0;
    auto add_case = [&](const std::string& name, int line, const std::vector<const Finding*>& fs) {
      ++n;
      cases += "    <testcase classname=\"" + report::xml_escape(d->path()) + "\" name=\"" +
               report::xml_escape(name) + "\" file=\"" + report::xml_escape(d->path()) +
               "\" line=\"" + std::to_string(line) + "\">\n";
      std::string out;
      bool case_failed = false;
      for (const Finding* f : fs) {
        const std::string where = d->path() + ":" + d->where(f->span.line, f->span.column);
        const std::string line_text =
            where + ": " + std::string(to_string(f->severity)) + "[" + f->rule + "]: " + f->message;
        if (fails(*f)) {
          case_failed = true;
          cases += "      <failure type=\"" + report::xml_escape(f->rule) + "\" message=\"" +
                   report::xml_escape(f->message) + "\">" + report::xml_escape(line_text) +
                   "</failure>\n";
        } else {
          out += line_text + "\n";
        }
      }
      if (!out.empty()) cases += "      <system-out>" + report::xml_escape(out) + "</system-out>\n";
      cases += "    </testcase>\n";
      failed += case_failed;
    };
    for (const Reference& r : corpus.references) {
      if (r.input != input_id) continue;
      add_case("[" + r.id + "] " + report::folded(d->slice(r.span), 80), d->place(r.span.line).line,
               by_ref.of(input_id, r.id));
    }
    if (const auto& outside = by_ref.of(input_id, ""); !outside.empty())
      add_case("(outside any reference)", 0, outside);
    tests += n;
    failures += failed;
    suites += "  <testsuite name=\"" + report::xml_escape(d->path()) + "\" tests=\"" +
              std::to_string(n) + "\" failures=\"" + std::to_string(failed) +
              "\" errors=\"0\" skipped=\"0\" time=\"0\">\n" + cases + "  </testsuite>\n";
  }
  // Inputs that could not be read, whole or in part: a suite of their own, each an error.
  const std::size_t errors = input.errors ? input.errors->size() : 0;
  if (errors > 0) {
    suites += "  <testsuite name=\"citelint: inputs not read\" tests=\"" + std::to_string(errors) +
              "\" failures=\"0\" errors=\"" + std::to_string(errors) +
              "\" skipped=\"0\" time=\"0\">\n";
    for (const Diagnostic& d : *input.errors) {
      const std::string said = format_diagnostic(d);  // path:line:col: error: message
      suites += "    <testcase classname=\"" + report::xml_escape(d.path) + "\" name=\"" +
                report::xml_escape(d.path) + "\" file=\"" + report::xml_escape(d.path) +
                "\" line=\"" + std::to_string(d.line) +
                "\">\n      <error type=\"input\" message=\"" + report::xml_escape(d.message) +
                "\">" + report::xml_escape(said) + "</error>\n    </testcase>\n";
    }
    suites += "  </testsuite>\n";
    tests += errors;
  }
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"citelint\" tests=\"" +
         std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
         std::to_string(errors) + "\" time=\"0\">\n" + suites + "</testsuites>\n";
}

}  // namespace citelint
