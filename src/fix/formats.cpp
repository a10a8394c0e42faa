// The formats citelint fix writes: one row each (include/citelint/fix.hpp). A new one is a row
// here and a file beside it; PDF and DOCX have none (their text is not their bytes).
#include "fix/formats.hpp"

#include <array>

namespace citelint {

namespace {

using namespace fixes;

constexpr std::array kFormats = {
    FixFormat{"bibtex", url_as_is, archive_in_bibtex},
    FixFormat{"csl-json", url_in_json, archive_in_csl_json},
    FixFormat{"ris", url_as_is, archive_in_ris},
    FixFormat{"markdown", url_in_markdown, archive_in_markdown},
    FixFormat{"html", url_in_xml, archive_in_html},
    FixFormat{"text", url_as_is, archive_in_text},
    FixFormat{"jats", url_in_xml, nullptr},
    FixFormat{"latex", url_in_latex, nullptr},
    FixFormat{"medline", url_as_is, nullptr},
};

}  // namespace

std::span<const FixFormat> fix_formats() { return kFormats; }

const FixFormat* find_fix_format(std::string_view name) {
  for (const FixFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

namespace fixes {

std::string url_as_is(std::string_view url) { return std::string(url); }

Edit archive_edit(const ArchiveInsert& at, std::size_t begin, std::size_t end, std::string text) {
  return Edit{at.url.span.input, begin, end, std::move(text), "", "", nullptr};
}

std::string_view entry_text(const ArchiveInsert& at) {
  return std::string_view(at.doc.text())
      .substr(at.ref.span.begin, at.ref.span.end - at.ref.span.begin);
}

std::string line_ending(std::string_view text) {
  return text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
}

std::string indent_of_line(std::string_view text, std::size_t at) {
  const std::size_t nl = text.rfind('\n', at);
  const std::size_t line = nl == std::string_view::npos ? 0 : nl + 1;
  std::size_t end = line;
  while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
  return std::string(text.substr(line, end - line));
}

std::string archived_at(const ArchivedCopy& copy) {
  std::string words = "Archived at " + copy.url;
  if (!copy.date.empty()) words += " (" + copy.date + ")";
  return words + ".";
}

std::string robust_attributes(const ArchiveInsert& at, std::string_view original) {
  std::string a = " data-originalurl=\"" + url_in_xml(original) + "\" data-versionurl=\"" +
                  url_in_xml(at.copy.url) + "\"";
  if (!at.copy.date.empty()) a += " data-versiondate=\"" + at.copy.date + "\"";
  return a;
}

}  // namespace fixes

}  // namespace citelint
