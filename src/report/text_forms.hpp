// Text as the reports write it: a reference's text on one line (folded), and text escaped for
// XML and HTML (xml_escape).
#pragma once

#include <string>
#include <string_view>

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

}  // namespace citelint::report
