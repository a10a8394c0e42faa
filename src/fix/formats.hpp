// The rows of citelint fix's formats (src/fix/formats.cpp): each format's file says how a URL
// is spelled in it and how an archived copy is added.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "citelint/fix.hpp"

namespace citelint::fixes {

std::string url_as_is(std::string_view url);
std::string url_in_xml(std::string_view url);       // html.cpp: &, <, > and " as entities
std::string url_in_json(std::string_view url);      // csl_json.cpp: a JSON string's escapes
std::string url_in_markdown(std::string_view url);  // markdown.cpp: brackets, spaces escaped
std::string url_in_latex(std::string_view url);     // bibtex.cpp: % and # escaped outside fields

std::optional<Edit> archive_in_bibtex(const ArchiveInsert& at, std::string& why_not);
std::optional<Edit> archive_in_csl_json(const ArchiveInsert& at, std::string& why_not);
std::optional<Edit> archive_in_ris(const ArchiveInsert& at, std::string& why_not);
std::optional<Edit> archive_in_markdown(const ArchiveInsert& at, std::string& why_not);
std::optional<Edit> archive_in_html(const ArchiveInsert& at, std::string& why_not);
std::optional<Edit> archive_in_text(const ArchiveInsert& at, std::string& why_not);

// The edit of an archived copy for one reference's URL: [begin, end) becomes `text`.
Edit archive_edit(const ArchiveInsert& at, std::size_t begin, std::size_t end, std::string text);

// Shared by the rows: the entry's text; the file's line ending ("\r\n" or "\n"); the white
// space that starts the line `at` is on; "Archived at URL (DATE)."; the Robust Links anchor
// attributes.
std::string_view entry_text(const ArchiveInsert& at);
std::string line_ending(std::string_view text);
std::string indent_of_line(std::string_view text, std::size_t at);
std::string archived_at(const ArchivedCopy& copy);
std::string robust_attributes(const ArchiveInsert& at, std::string_view original);

}  // namespace citelint::fixes
