// What the citation scanners of the formats share (src/cite/): the body's ranges of a document,
// numbers and author-year citations in plain text, a citation made at a span.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citelint/cite.hpp"

namespace citelint::cite {

using Range = std::pair<std::size_t, std::size_t>;  // [begin, end) of a document's text

// Whether the document's list is its lines from Document::list_first_line on, its body the
// text before them (a text, a PDF, a DOCX), rather than entries inside the text (markup).
bool list_after_body(const Document& doc);
// Where the list's lines begin: the offset of list_first_line, or the text's end when the list
// starts at the first line (the whole text is the list) or past the last.
std::size_t list_begin(const Document& doc);

// The body of a document: its text before its list's lines (a PDF, a DOCX), less its entries
// (a Markdown or LaTeX file holds both), and less the DOCX fields a scanner read already.
std::vector<Range> body_ranges(const Document& doc, std::span<const Reference> refs);

// Whether the list numbers its entries ("[12]", "12."): its citations are then numbers.
bool numbered(std::span<const Reference> refs);

// Citations in plain text within `ranges`: numbers in brackets ("[1]", "[1-3, 7]", "[1–3,7]")
// when the list is numbered, else author-year ones ("(Smith, 2020)", "Smith et al. (2020)",
// "(Smith & Lee, 2019a; Wu, 2018)"). `group` counts the marks read so far.
void scan_plain(const Document& doc, const std::vector<Range>& ranges, bool numbers,
                std::uint32_t& group, std::vector<Citation>& out);

// The numbers of a numeric mark's inside ("1-3, 7", "1–3,7"), each a citation at its own
// digits; false (nothing added) when it holds anything else.
bool add_numbers(const Document& doc, std::size_t begin, std::size_t end, std::uint32_t group,
                 std::vector<Citation>& out);

// Whether a Markdown entry is a definition ("[^1]: ...", "[id]: ..."): its key is its label
// (an item of a References section is known by its place alone).
bool markdown_definition(const Document& doc, const Reference& ref);
// The anchors a Markdown entry sets (<a name="smith2020">): its keys too.
std::vector<std::string> markdown_anchors(const Document& doc, const Reference& ref);

// A year as OCR may read it ("2O06", "20l3"), its letters read as the digits they stand for.
std::string ocr_year(std::string year);

// A key citation at [begin, end) of the text.
Citation key_citation(const Document& doc, std::string key, std::size_t begin, std::size_t end,
                      std::uint32_t group);

}  // namespace citelint::cite
