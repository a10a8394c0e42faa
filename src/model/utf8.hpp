// UTF-8 helpers: decoding, code point classes, display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>

namespace citelint::utf8 {

// Decodes the code point at s[i]; advances i past it. Invalid bytes decode as U+FFFD, one byte
// each.
char32_t next_multibyte(std::string_view s, std::size_t& i);
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return next_multibyte(s, i);
}
// Decodes the code point that ends just before s[i]; moves i back to its first byte.
char32_t prev(std::string_view s, std::size_t& i);
void append(std::string& out, char32_t cp);

// Number of code points in s.
inline std::size_t length(std::string_view s) {
  // Continuation bytes are 10xxxxxx: count them eight bytes at a time, then subtract.
  const char* p = s.data();
  std::size_t i = 0, continuation = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t ones = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 1 per byte
    continuation += static_cast<std::size_t>((ones * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

// The first byte in [from, to) that is not ASCII, or `to`; eight bytes at a time.
inline std::size_t ascii_until(std::string_view s, std::size_t from, std::size_t to) {
  const char* p = s.data();
  while (from + 8 <= to) {
    std::uint64_t word;
    std::memcpy(&word, p + from, 8);
    if (word & 0x8080808080808080ull) break;
    from += 8;
  }
  while (from < to && static_cast<unsigned char>(p[from]) < 0x80) ++from;
  return from;
}

// The first invalid byte of s, or npos.
std::size_t first_invalid(std::string_view s);
// s with every invalid byte replaced by U+FFFD.
std::string repair(std::string_view s);

// Han ideographs (CJK Unified Ideographs, extensions, compatibility).
inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2EBEF) || (c >= 0xF900 && c <= 0xFAFF) || c == 0x3007;
}
// Han, kana, Hangul, CJK punctuation and full-width forms: text set in a CJK font.
bool is_cjk(char32_t c);
// Full-width forms of ASCII (U+FF01..U+FF5E), the ideographic space and full stop folded to
// ASCII; other code points unchanged.
char32_t fold_fullwidth(char32_t c);
// Columns a terminal gives the code point (2 for East Asian wide and full-width, else 1).
int display_width(char32_t c);
bool is_space(char32_t c);

}  // namespace citelint::utf8

namespace citelint {

// A set of bytes, for scanning loops that skip everything else: one table load per byte.
class ByteSet {
 public:
  constexpr ByteSet(std::initializer_list<unsigned char> bytes) {
    for (unsigned char b : bytes) has_[b] = true;
  }
  constexpr bool operator[](unsigned char b) const { return has_[b]; }
  // The first index in [i, end) whose byte is in the set, or end.
  std::size_t find(std::string_view s, std::size_t i, std::size_t end) const {
    const char* p = s.data();
    while (i < end && !has_[static_cast<unsigned char>(p[i])]) ++i;
    return i;
  }

 private:
  bool has_[256] = {};
};

}  // namespace citelint
