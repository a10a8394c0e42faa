// What the readers' tests share: a fixture file's bytes, every item a reader found as a row to
// compare, and the shared corpus (when it is there) with counts taken by a pattern.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "citelint/read.hpp"

namespace citelint::test {

// tests/fixtures/<path>, as bytes.
inline std::string fixture(const std::string& path) {
  std::ifstream in(std::string(CITELINT_SOURCE_DIR) + "/tests/fixtures/" + path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A file read as citelint reads it: loaded (a PDF or a DOCX laid out), then its references.
struct ReadFile {
  std::unique_ptr<Document> doc;
  std::vector<Diagnostic> diagnostics;
  std::vector<Reference> refs;
};
inline ReadFile read_file(const std::string& name, std::string bytes) {
  ReadFile r;
  r.doc = make_document(0, name, std::move(bytes), r.diagnostics);
  if (r.doc) r.refs = read_references(*r.doc, r.diagnostics);
  return r;
}

// A document made from bytes in memory, its diagnostics dropped (tests of what is read).
inline std::unique_ptr<Document> document(std::string name, std::string bytes,
                                          const std::string& format = "") {
  std::vector<Diagnostic> ignored;
  return make_document(0, std::move(name), std::move(bytes), ignored, format);
}

// One item a reader found: reference id, kind ("url", "doi" or a date role), value, line,
// column. URLs first, then dates, then DOIs, per reference.
using ItemRow = std::tuple<std::string, std::string, std::string, int, int>;
inline std::vector<ItemRow> items_of(const std::vector<Reference>& refs) {
  std::vector<ItemRow> items;
  for (const Reference& r : refs) {
    for (const Url& u : r.urls)
      items.emplace_back(r.id, "url", std::string(u.normalised), u.span.line, u.span.column);
    for (const Date& d : r.dates)
      items.emplace_back(r.id, std::string(to_string(d.role)), std::string(d.value()), d.span.line,
                         d.span.column);
    for (const Doi& d : r.dois)
      items.emplace_back(r.id, "doi", d.value, d.span.line, d.span.column);
  }
  return items;
}

// One item as the original shows where it is: reference id, kind, value, page (0 without
// pages), line (a DOCX's paragraph), column; and the page and line where it ends.
using PlacedRow = std::tuple<std::string, std::string, std::string, int, int, int, int, int>;
inline std::vector<PlacedRow> placed_items_of(const Document& doc,
                                              const std::vector<Reference>& refs) {
  std::vector<PlacedRow> items;
  auto add = [&](const Reference& r, std::string kind, std::string value, const Span& s) {
    const Document::Place at = doc.place(s.line), to = doc.place(s.end_line);
    items.emplace_back(r.id, std::move(kind), std::move(value), at.page, at.line, s.column, to.page,
                       to.line);
  };
  for (const Reference& r : refs) {
    for (const Url& u : r.urls) add(r, "url", std::string(u.normalised), u.span);
    for (const Date& d : r.dates)
      add(r, std::string(to_string(d.role)), std::string(d.value()), d.span);
    for (const Doi& d : r.dois) add(r, "doi", d.value, d.span);
  }
  return items;
}

// The shared corpus of real reference lists beside the project, or an empty path when it is
// not there (its tests are then skipped).
inline std::filesystem::path shared_corpus() {
  const auto dir = std::filesystem::path(CITELINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  return std::filesystem::exists(dir) ? dir : std::filesystem::path();
}

// How often a pattern matches a text: counts taken without any reader.
inline int count_matches(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern, std::regex::icase | std::regex::multiline);
  return static_cast<int>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

}  // namespace citelint::test
