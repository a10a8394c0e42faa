// BibTeX and BibLaTeX: an archived copy as two fields after the one that holds the URL,
// archiveurl and archivedate, indented as it is; LaTeX's escapes for a URL in .tex and .bbl.
#include "fix/formats.hpp"

namespace citelint::fixes {

namespace {

// Where the value of the field that starts at `eq` (its '=') ends: past its closing brace or
// quote, or past a macro or number.
std::size_t value_end(std::string_view text, std::size_t eq, std::size_t limit) {
  std::size_t i = eq + 1;
  while (i < limit && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
    ++i;
  if (i >= limit) return std::string_view::npos;
  if (text[i] == '{' || text[i] == '"') {
    const char open = text[i];
    int depth = 0;
    for (std::size_t j = i; j < limit; ++j) {
      if (text[j] == '\\') {
        ++j;
        continue;
      }
      if (text[j] == '{') ++depth;
      if (text[j] == '}') --depth;
      if ((open == '{' && depth == 0) || (open == '"' && j > i && text[j] == '"' && depth == 0))
        return j + 1;
    }
    return std::string_view::npos;
  }
  const std::size_t end = text.find_first_of(",}\n", i);
  return end < limit ? end : std::string_view::npos;
}

}  // namespace

std::string url_in_latex(std::string_view url) {
  std::string out;
  for (const char c : url) {
    if (c == '%' || c == '#') out += '\\';
    out += c;
  }
  return out;
}

std::optional<Edit> archive_in_bibtex(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view text = at.doc.text();
  const std::string_view entry = entry_text(at);
  if (entry.find("archiveurl") != entry.npos || entry.find("ARCHIVEURL") != entry.npos) {
    why_not = "the entry has an archiveurl field already";
    return std::nullopt;
  }
  const std::size_t eq = text.rfind('=', at.url.span.begin);
  const std::size_t end =
      eq == text.npos || eq < at.ref.span.begin ? text.npos : value_end(text, eq, at.ref.span.end);
  if (end == text.npos) {
    why_not = "the field that holds the URL could not be told apart";
    return std::nullopt;
  }
  const std::string indent = indent_of_line(text, eq), eol = line_ending(text);
  std::string fields = "," + eol + indent + "archiveurl = {" + at.copy.url + "}";
  if (!at.copy.date.empty()) fields += "," + eol + indent + "archivedate = {" + at.copy.date + "}";
  return archive_edit(at, end, end, std::move(fields));
}

}  // namespace citelint::fixes
