// UTF-8 helpers: decoding, code point classes, display width.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace citelint::utf8 {

// Decodes the code point at s[i]; advances i past it. Invalid bytes decode as U+FFFD, one byte each.
char32_t next(std::string_view s, std::size_t& i);
// Decodes the code point that ends just before s[i]; moves i back to its first byte.
char32_t prev(std::string_view s, std::size_t& i);
void append(std::string& out, char32_t cp);

// Number of code points in s.
std::size_t length(std::string_view s);

// The first invalid byte of s, or npos.
std::size_t first_invalid(std::string_view s);
// s with every invalid byte replaced by U+FFFD.
std::string repair(std::string_view s);

// Han ideographs (CJK Unified Ideographs, extensions, compatibility).
bool is_han(char32_t c);
// Han, kana, Hangul, CJK punctuation and full-width forms: text set in a CJK font.
bool is_cjk(char32_t c);
// Full-width forms of ASCII (U+FF01..U+FF5E) and the ideographic space; folded to ASCII.
bool is_fullwidth_ascii(char32_t c);
char32_t fold_fullwidth(char32_t c);
// Columns a terminal gives the code point (2 for East Asian wide and full-width, else 1).
int display_width(char32_t c);
bool is_space(char32_t c);

}  // namespace citelint::utf8
