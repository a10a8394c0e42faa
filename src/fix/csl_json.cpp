// CSL-JSON: a URL as a JSON string spells it; an archived copy as the item's archive and
// archive_location (the capture), after the string that holds the URL, in the item's layout.
#include <cstdio>

#include "fix/formats.hpp"
#include "net/scheduler.hpp"

namespace citelint::fixes {

std::string url_in_json(std::string_view url) {
  std::string out;
  for (const char c : url) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<Edit> archive_in_csl_json(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view text = at.doc.text();
  if (entry_text(at).find("\"archive_location\"") != std::string_view::npos) {
    why_not = "the item has an archive_location already";
    return std::nullopt;
  }
  std::size_t close = at.url.span.end;
  while (close < at.ref.span.end && text[close] != '"') close += text[close] == '\\' ? 2 : 1;
  if (close >= at.ref.span.end) {
    why_not = "the string that holds the URL has no end";
    return std::nullopt;
  }
  // The item's layout: a key a line, indented as the URL's; or all on one line.
  const std::size_t line = text.rfind('\n', at.url.span.begin);
  const bool one_line = line == text.npos || line < at.ref.span.begin;
  std::string sep = ",";  // appended: GCC 12 warns falsely on "," + string
  if (one_line)
    sep += ' ';
  else
    sep.append(line_ending(text)).append(indent_of_line(text, at.url.span.begin));
  const std::string fields = sep + "\"archive\": \"" + url_in_json(net::host_of(at.copy.url)) +
                             "\"" + sep + "\"archive_location\": \"" + url_in_json(at.copy.url) +
                             "\"";
  return archive_edit(at, close + 1, close + 1, fields);
}

}  // namespace citelint::fixes
