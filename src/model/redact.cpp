// Passwords in URLs (scheme://user:password@host/) hidden before anything reads the text.
#include <string_view>

#include "citelint/model.hpp"

namespace citelint {

std::size_t redact_passwords(std::string& text) {
  std::size_t hidden = 0;
  for (std::size_t mark = text.find("://"); mark != std::string::npos;
       mark = text.find("://", mark + 3)) {
    // The authority: up to the path, query or fragment, or the end of what a URL can be.
    const std::size_t start = mark + 3;
    std::size_t end = start;
    constexpr std::size_t kLongest = 512;
    while (end < text.size() && end - start < kLongest &&
           std::string_view("/?#<>\"' \t\r\n").find(text[end]) == std::string_view::npos)
      ++end;
    const std::size_t at = std::string_view(text).substr(start, end - start).rfind('@');
    if (at == std::string_view::npos) continue;
    const std::size_t colon = std::string_view(text).substr(start, at).find(':');
    if (colon == std::string_view::npos || colon + 1 == at) continue;
    for (std::size_t i = start + colon + 1; i < start + at; ++i) text[i] = '*';
    ++hidden;
  }
  return hidden;
}

}  // namespace citelint
