// HTML: a URL with its entities; an archived copy as Robust Links' attributes on the anchor
// (data-originalurl, data-versionurl, data-versiondate), or an anchor made for a bare URL.
#include <algorithm>
#include <cctype>

#include "fix/formats.hpp"
#include "report/text_forms.hpp"

namespace citelint::fixes {

namespace {

bool opens_anchor(std::string_view text, std::size_t lt) {
  return lt + 2 < text.size() && (text[lt + 1] == 'a' || text[lt + 1] == 'A') &&
         std::isspace(static_cast<unsigned char>(text[lt + 2]));
}

// The '<' of the anchor whose tag or content holds `at`; npos when none does.
std::size_t anchor_around(std::string_view text, std::size_t at, std::size_t from) {
  const std::size_t lt = text.rfind('<', at);
  if (lt == text.npos || lt < from) return text.npos;
  if (opens_anchor(text, lt)) return lt;  // in the tag, or its content's first text
  // In an anchor's content, after other tags: the last <a before, with no </a> after it.
  for (std::size_t a = text.rfind("<a", at); a != text.npos && a >= from;
       a = a == 0 ? text.npos : text.rfind("<a", a - 1)) {
    if (!opens_anchor(text, a)) continue;
    const std::size_t close = text.find("</a", a);
    return close != text.npos && close < at ? text.npos : a;
  }
  return text.npos;
}

}  // namespace

std::string url_in_xml(std::string_view url) { return report::xml_escape(url); }

std::optional<Edit> archive_in_html(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view text = at.doc.text();
  const std::size_t a = anchor_around(text, at.url.span.begin, at.ref.span.begin);
  if (a == text.npos) {  // a URL in the text: made an anchor
    const std::string url = url_in_xml(at.url.normalised);
    return archive_edit(at, at.url.span.begin, at.url.span.end,
                        "<a href=\"" + url + "\"" + robust_attributes(at, at.url.normalised) + ">" +
                            std::string(at.url.as_written) + "</a>");
  }
  std::size_t gt = a;
  for (char quote = 0; gt < text.size(); ++gt) {  // the tag's end, outside quoted values
    if (quote) {
      if (text[gt] == quote) quote = 0;
    } else if (text[gt] == '"' || text[gt] == '\'') {
      quote = text[gt];
    } else if (text[gt] == '>') {
      break;
    }
  }
  if (gt >= text.size()) {
    why_not = "the anchor's tag has no end";
    return std::nullopt;
  }
  if (text.substr(a, gt - a).find("data-versionurl") != std::string_view::npos) {
    why_not = "the anchor links an archived copy already";
    return std::nullopt;
  }
  const std::size_t insert = gt > a && text[gt - 1] == '/' ? gt - 1 : gt;
  return archive_edit(at, insert, insert, robust_attributes(at, at.url.normalised));
}

}  // namespace citelint::fixes
