// Markdown: a URL as a link destination spells it; an archived copy as a Robust Links anchor
// (inline HTML, which CommonMark keeps) in place of the link or the bare URL.
#include "fix/formats.hpp"

namespace citelint::fixes {

std::string url_in_markdown(std::string_view url) {
  std::string out;
  for (const char c : url) {
    switch (c) {
      case ' ':
        out += "%20";
        break;
      case '(':
        out += "%28";
        break;
      case ')':
        out += "%29";
        break;
      case '<':
        out += "%3C";
        break;
      case '>':
        out += "%3E";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<Edit> archive_in_markdown(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view text = at.doc.text();
  const std::size_t b = at.url.span.begin, e = at.url.span.end;
  const std::string href = url_in_xml(at.url.normalised);
  auto anchor = [&](std::size_t from, std::size_t to, std::string_view words) {
    return archive_edit(at, from, to,
                        "<a href=\"" + href + "\"" + robust_attributes(at, at.url.normalised) +
                            ">" + std::string(words) + "</a>");
  };
  if (b >= 2 && text[b - 1] == '(' && text[b - 2] == ']') {  // [words](url "title")
    int depth = 0;
    std::size_t open = b - 2;
    for (; open > at.ref.span.begin; --open) {
      if (text[open] == ']') ++depth;
      if (text[open] == '[' && --depth == 0) break;
    }
    const std::size_t close = text.find(')', e);
    if (text[open] != '[' || close == text.npos || close > at.ref.span.end) {
      why_not = "the link's brackets could not be told apart";
      return std::nullopt;
    }
    return anchor(open, close + 1, text.substr(open + 1, b - 2 - open - 1));
  }
  if (b >= 1 && text[b - 1] == '<' && e < text.size() && text[e] == '>')
    return anchor(b - 1, e + 1, at.url.as_written);  // <url>
  const std::size_t line = text.rfind('\n', b);
  const std::string_view before = text.substr(line == text.npos ? 0 : line + 1);
  if (before.find("]:") != std::string_view::npos && before.find("]:") < b) {
    why_not = "a link definition takes no attributes: cite the capture by hand";
    return std::nullopt;
  }
  return anchor(b, e, at.url.as_written);
}

}  // namespace citelint::fixes
