// What the date readers share: separators, spaces, numbers in ASCII or full-width digits.
#pragma once

#include <string_view>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint::date_parts {

inline bool is_separator(char32_t c) {
  return c == U'-' || c == U'/' || c == U'.' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0xFF0D || c == 0xFF0F || c == 0xFF0E;
}

inline bool is_horizontal_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0;
}

// Reads up to max_digits decimal digits (ASCII or full-width) at s[i].
inline int read_number(std::string_view s, std::size_t& i, int max_digits, int* digits_read) {
  int value = 0, n = 0;
  while (i < s.size() && n < max_digits) {
    std::size_t j = i;
    const char32_t c = utf8::fold_fullwidth(utf8::next(s, j));
    if (c < U'0' || c > U'9') break;
    value = value * 10 + static_cast<int>(c - U'0');
    ++n;
    i = j;
  }
  *digits_read = n;
  return value;
}

inline void skip_horizontal_space(std::string_view s, std::size_t& i) {
  while (i < s.size()) {
    std::size_t j = i;
    if (!is_horizontal_space(utf8::next(s, j))) break;
    i = j;
  }
}

// Fills d.value (YYYY, YYYY-MM or YYYY-MM-DD, after how many parts were read) and d.valid.
inline void finish_date(ParsedDate& d, int parts) {
  auto two = [](std::string& out, int n) {
    out += static_cast<char>('0' + n / 10 % 10);
    out += static_cast<char>('0' + n % 10);
  };
  d.value.clear();
  two(d.value, d.year / 100);
  two(d.value, d.year);
  if (parts >= 2) {
    d.value += '-';
    two(d.value, d.month);
  }
  if (parts == 3) {
    d.value += '-';
    two(d.value, d.day);
  }
  d.valid = parts == 3   ? is_calendar_date(d.year, d.month, d.day)
            : parts == 2 ? d.month >= 1 && d.month <= 12
                         : true;
}

}  // namespace citelint::date_parts
