// What the reports that go reference by reference share: a reference's text on one line
// (folded), text escaped for XML and HTML (xml_escape), whether a fix is a web address, and the
// findings of each reference (FindingsByReference).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citelint/model.hpp"
#include "model/utf8.hpp"

namespace citelint::report {

// A reference's text on one line: runs of whitespace folded to one space, cut (at a
// character's boundary) after about `max` bytes with "..." when it was longer.
inline std::string folded(std::string_view s, std::size_t max = std::string::npos) {
  std::string text;
  bool space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (blank && !space && !text.empty()) text += ' ';
    if (!blank) text += c;
    space = blank;
    const bool boundary =
        i + 1 >= s.size() || (static_cast<unsigned char>(s[i + 1]) & 0xC0) != 0x80;
    if (text.size() >= max && boundary && i + 1 < s.size()) {
      text += "...";
      break;
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// Text for XML and HTML content and attribute values: & < > " escaped, a line break as &#10;,
// other control characters (which XML 1.0 cannot hold) as spaces.
inline std::string xml_escape(std::string_view s) {
  // Valid UTF-8 always: a byte that is not (a file name's, a server's) is written as U+FFFD.
  if (utf8::first_invalid(s) != std::string_view::npos) return xml_escape(utf8::repair(s));
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "&#10;";
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 && c != '\t' ? ' ' : c;
    }
  }
  return out;
}

// Whether text is an http(s) address, to show as a link.
inline bool is_web_url(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

// The findings of each reference, by input and reference id; those outside any reference under
// the id "".
class FindingsByReference {
 public:
  explicit FindingsByReference(const std::vector<Finding>& findings) {
    for (const Finding& f : findings) by_ref_[{f.span.input, f.reference}].push_back(&f);
  }
  // In report order; empty when it has none.
  const std::vector<const Finding*>& of(std::uint32_t input, const std::string& id) const {
    static const std::vector<const Finding*> kNone;
    const auto it = by_ref_.find({input, id});
    return it == by_ref_.end() ? kNone : it->second;
  }

 private:
  std::map<std::pair<std::uint32_t, std::string>, std::vector<const Finding*>> by_ref_;
};

}  // namespace citelint::report
