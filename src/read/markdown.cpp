// Markdown: the references of a README, a paper or a wiki page. A reference is a footnote
// definition ([^id]: ...), a link reference definition ([id]: url), or an item of a list under
// a heading that names the references (References, Bibliography, Works Cited, Sources,
// 参考文献...). Its URLs (inline links, autolinks, bare), dates and DOIs are found as in text,
// in the Markdown source.
#include <algorithm>
#include <array>
#include <cctype>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"

namespace citelint {

namespace {

struct Line {
  std::size_t begin, end;  // without the line break
  std::string_view text;
};

// A heading's level (1 to 6) and text, or level 0.
int heading(std::string_view t, std::string_view& text) {
  int level = 0;
  while (level < static_cast<int>(t.size()) && t[static_cast<std::size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6 ||
      (static_cast<std::size_t>(level) < t.size() && t[static_cast<std::size_t>(level)] != ' '))
    return 0;
  text = t.substr(static_cast<std::size_t>(level));
  while (!text.empty() && (text.front() == ' ')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '#')) text.remove_suffix(1);
  return level;
}

// The start of a list item's text: after "- ", "* ", "+ ", "1. " or "1) " (indented up to 3).
std::size_t list_item(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] == ' ') ++i;
  if (i + 1 < t.size() && (t[i] == '-' || t[i] == '*' || t[i] == '+') && t[i + 1] == ' ')
    return i + 2;
  std::size_t j = i;
  while (j < t.size() && std::isdigit(static_cast<unsigned char>(t[j])) && j - i < 9) ++j;
  if (j > i && j + 1 < t.size() && (t[j] == '.' || t[j] == ')') && t[j + 1] == ' ') return j + 2;
  return std::string_view::npos;
}

// "[^id]: " or "[id]: " at the start of a line: the id, and where the text starts.
bool definition(std::string_view t, std::string& id, std::size_t& text_at, bool& footnote) {
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] == ' ') ++i;
  if (i >= t.size() || t[i] != '[') return false;
  const std::size_t close = t.find("]:", i);
  if (close == std::string_view::npos || close == i + 1) return false;
  footnote = t[i + 1] == '^';
  id = std::string(t.substr(i + 1 + footnote, close - i - 1 - footnote));
  if (id.empty() || id.find('[') != std::string::npos) return false;
  text_at = close + 2;
  while (text_at < t.size() && t[text_at] == ' ') ++text_at;
  return true;
}

}  // namespace

std::vector<Reference> read_markdown(const Document& doc, std::vector<Diagnostic>&) {
  const std::string_view s = doc.text();
  std::vector<Line> lines;
  for (std::size_t i = 0; i <= s.size();) {
    std::size_t eol = s.find('\n', i);
    if (eol == std::string_view::npos) eol = s.size();
    std::size_t end = eol;
    if (end > i && s[end - 1] == '\r') --end;
    lines.push_back({i, end, s.substr(i, end - i)});
    if (eol == s.size()) break;
    i = eol + 1;
  }
  std::vector<Reference> refs;
  bool in_references = false, in_code = false;
  int section_level = 0;
  std::size_t open_begin = std::string_view::npos, open_end = 0;
  std::string open_id;
  auto close = [&]() {
    if (open_begin == std::string_view::npos) return;
    Reference ref;
    ref.id = open_id.empty() ? std::to_string(refs.size() + 1) : open_id;
    ref.span = doc.span(open_begin, open_end);
    ref.input = static_cast<std::uint32_t>(doc.id());
    extract(doc, ref);
    refs.push_back(std::move(ref));
    open_begin = std::string_view::npos;
  };
  for (const Line& l : lines) {
    const std::string_view t = l.text;
    if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {  // code is no reference
      close();
      in_code = !in_code;
      continue;
    }
    if (in_code) continue;
    std::string_view title;
    if (const int level = heading(t, title)) {
      close();
      if (headings::names_references(title)) {
        in_references = true;
        section_level = level;
      } else if (in_references && level <= section_level) {
        in_references = false;
      }
      continue;
    }
    std::string id;
    std::size_t text_at = 0;
    bool footnote = false;
    if (definition(t, id, text_at, footnote)) {
      close();
      open_begin = l.begin + text_at;
      open_end = l.end;
      open_id = id;
      continue;
    }
    const std::size_t item = in_references ? list_item(t) : std::string_view::npos;
    if (item != std::string_view::npos) {
      close();
      open_begin = l.begin + item;
      open_end = l.end;
      open_id.clear();
      continue;
    }
    const bool blank = t.find_first_not_of(" \t") == std::string_view::npos;
    if (open_begin != std::string_view::npos && !blank && (t.front() == ' ' || t.front() == '\t')) {
      open_end = l.end;  // an indented line continues the item or footnote
    } else if (open_begin != std::string_view::npos && !blank) {
      open_end = l.end;  // a lazy continuation line
    } else if (blank) {
      close();
    }
  }
  close();
  return refs;
}

}  // namespace citelint
