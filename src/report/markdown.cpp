// A Markdown summary for a pull-request comment: counts first, then each reference with a
// finding, its findings, fixes and archived copies as links.
#include <map>

#include "citelint/kinds.hpp"
#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {

// Text as Markdown shows it literally: its punctuation escaped, line breaks as spaces.
std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

// A URL as a link (its text escaped, the address with spaces and brackets encoded).
std::string link(std::string_view url) {
  std::string target;
  for (char c : url) {
    if (c == ' ') {
      target += "%20";
    } else if (c == '(' || c == ')') {
      target += c == '(' ? "%28" : "%29";
    } else {
      target += c;
    }
  }
  std::string out = "[";  // built with += (GCC 12 warns falsely on a + b + c here)
  out += md(url);
  out += "](";
  out += target;
  out += ')';
  return out;
}

// A table of counts by name; nothing when there are none.
std::string counts_table(std::string_view what, std::string_view counted,
                         const std::map<std::string, std::size_t>& counts) {
  if (counts.empty()) return {};
  std::string out = "| " + std::string(what) + " | " + std::string(counted) + " |\n|---|---:|\n";
  for (const auto& [name, n] : counts) out += "| " + name + " | " + std::to_string(n) + " |\n";
  return out + "\n";
}

}  // namespace

std::string render_markdown(const ReportInput& input) {
  const Corpus& corpus = input.corpus;
  const Summary s = summarise(input);
  std::string out = "## citelint: " + std::to_string(s.references) + " references, " +
                    std::to_string(s.urls) + " URLs\n\n";
  out += "**" + std::to_string(s.errors) + " errors, " + std::to_string(s.warnings) +
         " warnings, " + std::to_string(s.infos) + " info** (as of " + input.as_of + ")\n\n";
  std::map<std::string, std::size_t> categories;
  for (const Finding& f : input.findings) ++categories[f.category];
  out += counts_table("category", "findings", categories);
  out += counts_table("link status", "URLs", s.links);
  out += counts_table("identifiers", "count", s.identifiers);
  if (input.errors && !input.errors->empty()) {
    out += "**Inputs not read, whole or in part:**\n\n";
    for (const Diagnostic& d : *input.errors) out += "- " + md(format_diagnostic(d)) + "\n";
    out += "\n";
  }
  if (input.archive)
    out += "Archived copies: " + std::to_string(s.archived) + " found, " +
           std::to_string(s.not_archived) + " not found.\n\n";

  const report::FindingsByReference by_ref(input.findings);
  std::uint32_t shown_input = static_cast<std::uint32_t>(-1);
  auto findings_of = [&](const Document& doc, const std::vector<const Finding*>& fs) {
    for (const Finding* f : fs) {
      out += "- **" + std::string(to_string(f->severity)) + "** `" + f->rule + "` " +
             md(doc.where(f->span.line, f->span.column)) + ": " + md(f->message);
      if (f->fix && !f->fix->replacement.empty()) {
        const bool archived = f->rule == finding_kind(Kind::archive_copy).id;
        out += archived ? " (archived copy: " : " (fix: ";
        out += report::is_web_url(f->fix->replacement) ? link(f->fix->replacement)
                                                       : "`" + f->fix->replacement + "`";
        out += f->fix->verified && !archived ? ", verified)" : ")";
      }
      out += "\n";
    }
  };
  for (const Reference& r : corpus.references) {
    const std::vector<const Finding*>& fs = by_ref.of(r.input, r.id);
    if (fs.empty()) continue;
    const Document& doc = *corpus.documents[r.input];
    if (r.input != shown_input) {
      out += "### " + md(doc.path()) + "\n\n";
      shown_input = r.input;
    }
    out += "**[" + md(r.id) + "]** " + md(report::folded(doc.slice(r.span), 100)) + "\n\n";
    findings_of(doc, fs);
    out += "\n";
  }
  for (const auto& d : corpus.documents)
    if (const auto& outside = by_ref.of(static_cast<std::uint32_t>(d->id()), "");
        !outside.empty()) {
      out += "### " + md(d->path()) + ", outside any reference\n\n";
      findings_of(*d, outside);
      out += "\n";
    }
  if (input.findings.empty()) out += "No findings.\n";
  return out;
}

}  // namespace citelint
