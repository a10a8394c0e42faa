// LaTeX bibliographies: \bibitem entries of a thebibliography environment, in a .tex file or a
// BibTeX-made .bbl. Each entry runs from its \bibitem to the next (or to \end{thebibliography});
// its URLs (\url{}, \href{}{}, bare), dates and DOIs are found as in plain text, in the TeX
// source, so each keeps its position.
#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "read/record.hpp"
#include "read/tex.hpp"

namespace citelint {

namespace {

// Past a balanced group that opens at s[i] ('[' or '{'); i stays when none opens there.
std::size_t skip_group(std::string_view s, std::size_t i, char open, char close) {
  if (i >= s.size() || s[i] != open) return i;
  int depth = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == open) {
      ++depth;
    } else if (s[j] == close && --depth == 0) {
      return j + 1;
    }
  }
  return s.size();
}

}  // namespace

std::vector<Reference> read_latex(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  const std::string_view s = doc.text();
  std::vector<std::size_t> items;
  for (std::size_t at = s.find("\\bibitem"); at != std::string_view::npos;
       at = s.find("\\bibitem", at + 1)) {
    const std::size_t after = at + 8;
    if (after < s.size() && std::isalpha(static_cast<unsigned char>(s[after]))) continue;
    if (!in_tex_comment(s, at)) items.push_back(at);
  }
  // biber's .bbl: fields, not text (cut short before its first \endentry too).
  if (items.empty() && s.find("\\entry{") != std::string_view::npos &&
      (s.find("\\endentry") != std::string_view::npos ||
       s.find("\\refsection") != std::string_view::npos ||
       s.find("biblatex auxiliary file") != std::string_view::npos))
    return read_biblatex_bbl(doc, diagnostics);
  if (items.empty() && s.find("\\begin{thebibliography}") != std::string_view::npos) {
    const Span where =
        doc.span(s.find("\\begin{thebibliography}"), s.find("\\begin{thebibliography}"));
    diagnostics.push_back({doc.path(), where.line, where.column,
                           "a thebibliography environment without any \\bibitem"});
  }
  // A file cut short: the environment opened and never closed.
  if (const std::size_t begun = s.rfind("\\begin{thebibliography}");
      begun != std::string_view::npos &&
      s.find("\\end{thebibliography}", begun) == std::string_view::npos) {
    const Span where = doc.span(s.size(), s.size());
    diagnostics.push_back({doc.path(), where.line, where.column,
                           "the file ends inside thebibliography (begun at line " +
                               std::to_string(doc.span(begun, begun).line) +
                               "): cut short? its last entry was read as far as it goes"});
  }
  std::vector<Reference> refs;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const std::size_t at = items[k];
    std::size_t i = at + 8;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    i = skip_group(s, i, '[', ']');  // the label: \bibitem[Lee et al.(2017)]
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t key_open = i;
    i = skip_group(s, i, '{', '}');
    Reference ref;
    if (i > key_open + 1) ref.id = std::string(s.substr(key_open + 1, i - key_open - 2));
    if (ref.id.empty()) {
      const Span where = doc.span(at, at);
      diagnostics.push_back({doc.path(), where.line, where.column, "\\bibitem without a {key}"});
      ref.id = std::to_string(k + 1);
    }
    // To the next \bibitem, or the end of this environment (a file may hold several).
    std::size_t end = k + 1 < items.size() ? items[k + 1] : s.size();
    end = std::min(end, std::max(i, s.find("\\end{thebibliography}", i)));
    while (end > i && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
    // The entry's text, after its key: the label's "(2017)" is no date of the work.
    ref.span = doc.span(i, end);
    ref.input = static_cast<std::uint32_t>(doc.id());
    extract(doc, ref);
    // A DOI read with its TeX around it, "\doi{10...}": the DOI is what the braces hold.
    for (Doi& d : ref.dois) {
      const std::size_t open = d.as_written.find('{');
      if (d.as_written.empty() || d.as_written[0] != '\\' || open == std::string_view::npos ||
          d.as_written.back() != '}')
        continue;
      const std::size_t b = d.span.begin + open + 1, e = d.span.end - 1;
      d.as_written = s.substr(b, e - b);
      d.value = std::string(d.as_written);
      d.span = doc.span(b, e);
    }
    refs.push_back(std::move(ref));
  }
  return refs;
}

// Whether the text is a LaTeX bibliography: a thebibliography environment, or \bibitem first.
bool looks_like_latex(std::string_view t) {
  // Near the start: a list copied out of a .bbl opens with it (and a large text list is not
  // searched through).
  const std::string_view head = t.substr(0, 65536);
  if (head.find("\\begin{thebibliography}") != std::string_view::npos) return true;
  // biblatex's .bbl: "% $ biblatex auxiliary file $", then \entry ... \endentry.
  if (head.find("biblatex auxiliary file") != std::string_view::npos &&
      head.find("\\entry{") != std::string_view::npos)
    return true;
  return record::past_blanks(t).starts_with("\\bibitem");
}

}  // namespace citelint
