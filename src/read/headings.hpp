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
// Supplementary material, Figure legends, About the authors, 附录, an appendix lettered "A
// Dataset details"), or the start of a publisher's box after it ("Cite this article as").
bool is_after_references_heading(std::string_view line);

// Whether a line is the heading of a first appendix lettered A ("A Dataset details", "A.
// Proofs", "A.1 Setup"), not the start of an entry ("A. Smith, ...").
bool is_first_appendix_heading(std::string_view line);

// Whether a line has a year in it (1500 to 2099, not part of a longer number): what most lines
// of a reference list have, and a table's or an author list's lines do not.
bool has_year(std::string_view line);

// Whether a line starts the way an entry of a reference list does: a label ("[1]", "12.") or
// authors ("Andraos, J.", "Kudsk KA,", "F. Englert", "Nader Akoury, Shufan Wang").
bool starts_like_entry(std::string_view line);

// The reference section of a document's lines (PDF lines, DOCX paragraphs; `text_of` gives a
// line's text): [begin, end) after a References heading up to the first heading after it of
// what follows references. Of several such, the one that reads most like a list: its first line
// starts like an entry, half its lines or more have a year, and the most lines have one (the
// article's list, not a supplement's, a running head's, or the rest of the article after a
// table's column headed "Citations"); the last of equals. Every line, found false, when there
// is no such heading.
struct Section {
  std::size_t begin = 0, end = 0;
  bool found = false;
};
template <class Lines, class TextOf>
Section reference_section(const Lines& lines, TextOf text_of) {
  Section best{0, lines.size(), false};
  std::size_t best_score = 0;
  std::size_t end = lines.size(), years = 0;  // of the section after line i; lines with a year
  for (std::size_t i = lines.size(); i-- > 0;) {
    const auto text = text_of(lines[i]);
    if (is_after_references_heading(text)) {
      end = i;
      years = 0;
    }
    if (is_references_heading(text)) {
      const std::size_t n = end - i - 1;
      const std::size_t score = (n > 0 && starts_like_entry(text_of(lines[i + 1])) ? 4 * n : 0) +
                                (years * 2 >= n ? 2 * n : 0) + years + 1;
      if (score > best_score) {
        best = {i + 1, end, true};
        best_score = score;
      }
    }
    years += has_year(text);
  }
  return best;
}

// The number a line's entry label gives ("[12] ...", "12. ..."), or 0 for none.
long label_number(std::string_view line);

// A reference list without a heading (REVTeX's, in a physics letter): the longest run of lines
// whose labels count up from [1] or 1. (other lines between them), five or more, from its
// first label to the first heading of what follows a list, or the end; found false when there
// is none.
template <class Lines, class TextOf>
Section numbered_list(const Lines& lines, TextOf text_of) {
  Section best{0, lines.size(), false};
  std::size_t best_count = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (label_number(text_of(lines[i])) != 1) continue;
    long next = 2;
    std::size_t end = lines.size(), count = 1;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const auto text = text_of(lines[j]);
      if (is_after_references_heading(text)) {
        end = j;
        break;
      }
      if (label_number(text) == next) {
        ++next;
        ++count;
      }
    }
    if (count >= 5 && count >= best_count) {  // the later of equals: a list ends an article
      best = {i, end, true};
      best_count = count;
    }
  }
  return best;
}

}  // namespace citelint::headings
