// The fuzz target's PDF case: the PDF reader's own part, words with any boxes, sizes and text,
// as poppler might give them, laid out (pdf_layout.cpp) and read as the text of a reference
// list. Poppler itself is fuzzed by its own project; this target does not load it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "read/pdf_layout.hpp"

inline int fuzz_pdf_layout(const std::uint8_t* data, std::size_t size) {
  // Each word: page, x, y (two bytes each), width, height, font size, flags, text length, text.
  // Flags: a space after it, set sideways, a link over it.
  std::vector<citelint::pdf::Word> words;
  std::vector<citelint::pdf::Link> links;
  std::size_t i = 0;
  auto byte = [&]() -> unsigned { return i < size ? data[i++] : 0; };
  while (i + 10 <= size) {
    citelint::pdf::Word w;
    w.page = 1 + static_cast<int>(byte() % 4);
    w.x0 = static_cast<double>(byte() << 8 | byte()) / 64.0;
    w.y0 = static_cast<double>(byte() << 8 | byte()) / 64.0;
    w.x1 = w.x0 + static_cast<double>(byte()) / 2.0;
    w.y1 = w.y0 + static_cast<double>(byte()) / 8.0;
    w.size = static_cast<double>(byte()) / 8.0;
    const unsigned flags = byte();
    w.space_after = flags & 1;
    w.rotated = flags & 2;
    if (flags & 4)
      links.push_back({w.page, w.x0, w.y0 - 1, w.x1 + static_cast<double>(flags >> 3), w.y1 + 1,
                       "https://fuzz.test/" + std::to_string(links.size())});
    const std::size_t n = std::min<std::size_t>(byte(), size - i);
    w.text.assign(reinterpret_cast<const char*>(data + i), n);
    i += n;
    words.push_back(std::move(w));
  }
  citelint::pdf::Text text = citelint::pdf::reference_text(words, links);
  for (const auto& link : text.links)
    if (link.begin >= link.end || link.end > text.text.size()) __builtin_trap();
  std::vector<citelint::Diagnostic> diagnostics;
  const auto loaded =
      citelint::make_document(0, "fuzz.txt", std::move(text.text), diagnostics, "text");
  if (!loaded) return 0;
  citelint::Document& doc = *loaded;
  doc.set_format("pdf");
  if (text.line_starts.size() != text.places.size()) __builtin_trap();
  for (std::size_t k = 1; k < text.line_starts.size(); ++k)
    if (text.line_starts[k] < text.line_starts[k - 1]) __builtin_trap();
  // The words' text may hold bytes that are not UTF-8: the layout is kept only when the text
  // came through unchanged.
  if (!text.line_starts.empty() && text.line_starts.back() <= doc.text().size()) {
    doc.set_layout(std::move(text.line_starts), std::move(text.places), "line");
    for (const auto& link : text.links)
      if (link.end <= doc.text().size()) doc.add_link(link.begin, link.end, link.target);
  }
  const std::vector<citelint::Reference> refs = citelint::read_references(doc, diagnostics);
  for (const citelint::Reference& r : refs) {
    if (r.span.end > doc.text().size()) __builtin_trap();
    for (const citelint::Url& u : r.urls) (void)doc.where(u.span.line, u.span.column);
  }
  return 0;
}
