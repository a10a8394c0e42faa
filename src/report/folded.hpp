// A reference's text on one line, as the reports name it: runs of whitespace folded to one
// space, cut (at a character's boundary) after about `max` bytes with "..." when it was longer.
#pragma once

#include <string>
#include <string_view>

namespace citelint::report {

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

}  // namespace citelint::report
