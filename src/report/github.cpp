// GitHub Actions workflow commands: annotations on the lines at fault in a pull request.
#include "citelint/report.hpp"

namespace citelint {

namespace {

// The escapes of workflow commands: data escapes %, CR and LF; properties also ':' and ','.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string render_github(const ReportInput& input) {
  std::string out;
  if (input.errors)  // inputs that could not be read, whole or in part
    for (const Diagnostic& d : *input.errors) {
      out += "::error file=" + escape(d.path, true);
      if (d.line > 0) out += ",line=" + std::to_string(d.line);
      if (d.column > 0) out += ",col=" + std::to_string(d.column);
      out += ",title=" + escape("citelint: input not read", true) +
             "::" + escape(d.message, false) + "\n";
    }
  for (const Finding& f : input.findings) {
    const Document& doc = *input.corpus.documents[f.span.input];
    const char* command = f.severity == Severity::error     ? "error"
                          : f.severity == Severity::warning ? "warning"
                                                            : "notice";
    std::string message = f.message;
    if (f.fix && !f.fix->replacement.empty())
      message += "\nfix: " + f.fix->replacement + (f.fix->verified ? " (verified)" : "");
    out += "::";
    out += command;
    out += " file=" + escape(doc.path(), true);
    out += ",line=" + std::to_string(doc.place(f.span.line).line);
    out += ",col=" + std::to_string(f.span.column);
    out += ",endLine=" + std::to_string(doc.place(f.span.end_line).line);
    out += ",endColumn=" + std::to_string(f.span.end_column);
    out += ",title=" + escape(f.rule, true);
    out += "::" + escape(message, false) + "\n";
  }
  return out;
}

}  // namespace citelint
