// The headings of a reference section, as the readers of laid-out formats (Markdown, HTML, PDF,
// DOCX) find where the references are.
#pragma once

#include <string_view>

namespace citelint::headings {

// Whether a heading's text, or an element's id or class, names the references anywhere in it
// ("References", "Works cited", "ref-list", "参考文献").
bool names_references(std::string_view text);

// Whether a line by itself is the heading of a reference section: the name alone, in any case,
// maybe numbered ("7 References", "VII. REFERENCES", "Referências:"). A sentence that mentions
// references is not.
bool is_references_heading(std::string_view line);

// Whether a line by itself is the heading of what follows a reference section (Appendix,
// Supplementary material, About the authors, 附录).
bool is_after_references_heading(std::string_view line);

}  // namespace citelint::headings
