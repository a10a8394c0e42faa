// The headings of a reference section, as the readers of laid-out formats (Markdown, HTML, PDF,
// DOCX) find where the references are.
#pragma once

#include <cstddef>
#include <string_view>

namespace citelint::headings {

// Whether a heading's text, or an element's id or class, names the references anywhere in it
// ("References", "Works cited", "ref-list", "参考文献").
bool names_references(std::string_view text);

// Whether an element's id or class value names the references: a name as a whole word of it,
// hyphens and underscores dividing words ("mw-references", "ref-list", "reflist"), not a part
// of another word ("client-preferences").
bool attribute_names_references(std::string_view value);

// Whether a line by itself is the heading of a reference section: the name alone, in any case,
// maybe numbered ("7 References", "VII. REFERENCES", "Referências:"). A sentence that mentions
// references is not.
bool is_references_heading(std::string_view line);

// Whether a line by itself is the heading of what follows a reference section (Appendix,
// Supplementary material, About the authors, 附录).
bool is_after_references_heading(std::string_view line);

// The reference section of a document's lines (PDF lines, DOCX paragraphs; `text_of` gives a
// line's text): [begin, end) after the last References heading, up to the first heading after
// it of what follows references; every line, found false, when there is no such heading.
struct Section {
  std::size_t begin = 0, end = 0;
  bool found = false;
};
template <class Lines, class TextOf>
Section reference_section(const Lines& lines, TextOf text_of) {
  Section s{0, lines.size(), false};
  for (std::size_t i = lines.size(); i-- > 0;)
    if (is_references_heading(text_of(lines[i]))) {
      s.begin = i + 1;
      s.found = true;
      break;
    }
  for (std::size_t i = s.begin; i < s.end; ++i)
    if (is_after_references_heading(text_of(lines[i]))) s.end = i;
  return s;
}

}  // namespace citelint::headings
