// A PDF's words, as poppler lays them out, to the text of its reference section: lines in
// reading order, page furniture (running heads, page numbers) dropped, the section found by
// its heading, hanging indents and paragraph gaps kept as a text reader expects them, and a
// URL that wraps at the end of a line joined to its rest on the next (where it broke is a
// line start of the text, so spans still say which line of the page each part is on). The
// links over the section's words come with it, as spans of its text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "citelint/model.hpp"

namespace citelint::pdf {

// A word as poppler gives it: its page (1-based), its box in points from the page's top left,
// its font size, and whether a space follows it on its line.
struct Word {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double size = 0;
  std::string text;
  bool space_after = false;
  bool rotated = false;  // not upright on the page: a margin's notice set sideways
};

// A link annotation that opens an address: its page, its area (points from the page's top left)
// and its target.
struct Link {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string target;
};

// The text a Document holds for a PDF, with the layout Document::set_layout takes.
struct Text {
  std::string text;
  std::vector<std::uint32_t> line_starts;
  std::vector<Document::Place> places;
  bool found_heading = false;  // a References heading marked where the section starts
  std::size_t wraps = 0;       // URLs joined across line ends
  struct Link {                // a link over [begin, end) of text, to target
    std::size_t begin = 0, end = 0;
    std::string target;
  };
  std::vector<Link> links;
  // The lines before the section (the heading too), a line each with its place: the body text
  // whose citations src/cite/ reads. Empty when the section has no heading before it.
  std::string body;
  std::vector<std::uint32_t> body_starts;
  std::vector<Document::Place> body_places;
};

// `words` in poppler's reading order, page by page, and the links over them.
Text reference_text(std::vector<Word> words, const std::vector<Link>& links = {});

}  // namespace citelint::pdf
