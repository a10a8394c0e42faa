// HTML: the reference list of a web page or an HTML article. A reference is an item (<li>) of a
// list that is the references: one under a heading that names them (References, Bibliography,
// Works Cited, 参考文献...), or in an element whose id or class says so ("references",
// "bibliography", "ref-list"). Its URLs (href attributes, the text), dates and DOIs are found as
// in text, in the HTML source, so each keeps its position.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

// A tag at s[i] ('<'): its name (lowercase, "/x" for a closing one) and where it ends.
struct Tag {
  std::string name;
  std::size_t begin = 0, end = 0;
  std::string_view attributes;
};

bool read_tag(std::string_view s, std::size_t i, Tag& tag) {
  if (i + 1 >= s.size() || s[i] != '<') return false;
  std::size_t j = i + 1;
  const bool closing = j < s.size() && s[j] == '/';
  if (closing) ++j;
  const std::size_t name_begin = j;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])))) ++j;
  if (j == name_begin) return false;
  const std::size_t gt = s.find('>', j);
  if (gt == std::string_view::npos) return false;
  tag.name = closing ? "/" : "";  // built up: GCC 12 warns falsely on a + b here
  tag.name += utf8::ascii_lower(s.substr(name_begin, j - name_begin));
  tag.begin = i;
  tag.end = gt + 1;
  tag.attributes = s.substr(j, gt - j);
  return true;
}

bool heading(const std::string& name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

}  // namespace

std::vector<Reference> read_html(const Document& doc, std::vector<Diagnostic>&) {
  const std::string_view s = doc.text();
  std::vector<Reference> refs;
  // How deep inside lists that are the references the scan is, and the open item.
  int in_reference_list = 0;
  bool after_references_heading = false;
  std::size_t item_begin = std::string_view::npos;
  std::vector<bool> lists;  // for each open list: whether it is a references list
  auto close_item = [&](std::size_t end) {
    if (item_begin == std::string_view::npos) return;
    Reference ref;
    ref.id = std::to_string(refs.size() + 1);
    ref.span = doc.span(item_begin, end);
    ref.input = static_cast<std::uint32_t>(doc.id());
    extract(doc, ref);
    // An href and the link's text are one URL; &amp; stands for '&'.
    std::vector<Url> urls = std::move(ref.urls);
    ref.urls.clear();
    for (Url& u : urls) {
      if (u.as_written.find("&amp;") != std::string_view::npos) {
        std::string meaning;
        for (std::size_t k = 0; k < u.as_written.size(); ++k) {
          meaning += u.as_written[k];
          if (u.as_written.compare(k, 5, "&amp;") == 0) k += 4;
        }
        u = make_url(doc, u.span.begin, u.span.end, meaning);
        u.composed = true;
      }
      record::add_url(ref, std::move(u));
    }
    refs.push_back(std::move(ref));
    item_begin = std::string_view::npos;
  };
  for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (s.compare(i, 4, "<!--") == 0) {  // comments
      const std::size_t end = s.find("-->", i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    Tag tag;
    if (!read_tag(s, i, tag)) continue;
    if (tag.name == "script" || tag.name == "style") {
      const std::size_t end = s.find(tag.name == "script" ? "</script" : "</style", tag.end);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (heading(tag.name)) {
      const char closing[] = {'<', '/', 'h', tag.name[1], '\0'};
      const std::size_t end = s.find(closing, tag.end);
      const std::string_view title =
          s.substr(tag.end, (end == std::string_view::npos ? s.size() : end) - tag.end);
      after_references_heading = headings::names_references(title);
    } else if (tag.name == "ol" || tag.name == "ul" || tag.name == "dl") {
      const bool references = after_references_heading ||
                              headings::names_references(tag.attributes) ||
                              (!lists.empty() && lists.back());
      lists.push_back(references);
      in_reference_list += references;
    } else if ((tag.name == "/ol" || tag.name == "/ul" || tag.name == "/dl") && !lists.empty()) {
      close_item(tag.begin);
      in_reference_list -= lists.back();
      lists.pop_back();
      if (lists.empty()) after_references_heading = false;
    } else if ((tag.name == "li" || tag.name == "dd") && in_reference_list > 0 &&
               lists.size() == 1) {
      close_item(tag.begin);
      item_begin = tag.end;
    } else if ((tag.name == "/li" || tag.name == "/dd") && lists.size() == 1) {
      close_item(tag.begin);
    } else if (headings::names_references(tag.attributes) &&
               (tag.name == "section" || tag.name == "div")) {
      after_references_heading = true;
    }
    i = tag.end - 1;
  }
  close_item(s.size());
  return refs;
}

// Whether the text opens as an HTML page.
bool looks_like_html(std::string_view t) {
  const std::string head = utf8::ascii_lower(record::past_blanks(t).substr(0, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

}  // namespace citelint
