// Dates in URL paths: many sites (news, government, the Chinese ministries' t<date>_<id>.html)
// file a page under the day it was published.

#include "citelint/extract.hpp"

namespace citelint {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view s, std::size_t at, std::size_t n) {
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

// A run of digits that stands alone: not part of a longer number.
std::size_t digits_at(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && digit(s[j])) ++j;
  return j - i;
}

bool plausible(int y, int m, int d) {
  return y >= 1990 && y <= 2099 && m >= 1 && m <= 12 && (d == 0 || is_calendar_date(y, m, d));
}

}  // namespace

Url::PathDate url_path_date(std::string_view url) {
  Url::PathDate first;  // the first full date, or else the first year and month
  if (url.size() > 0xFFFF) return first;
  // The path: from the first '/' after "scheme://" to a '?' or '#'. It is walked once, and
  // only up to the first full date.
  std::size_t begin = url.compare(0, 8, "https://") == 0  ? 8
                      : url.compare(0, 7, "http://") == 0 ? 7
                                                          : 0;
  while (begin < url.size() && url[begin] != '/') ++begin;
  const std::string_view s = url;
  // The character at k, or '\0' past the path's end.
  auto at = [&](std::size_t k) { return k < s.size() && s[k] != '?' && s[k] != '#' ? s[k] : '\0'; };
  bool full = false;
  auto add = [&](int y, int m, int d, std::size_t b, std::size_t e) {
    if (full || !plausible(y, m, d) || (first.year && d == 0)) return;
    first = {static_cast<std::uint16_t>(y), static_cast<std::uint8_t>(m),
             static_cast<std::uint8_t>(d), static_cast<std::uint16_t>(b),
             static_cast<std::uint16_t>(e)};
    full = d != 0;
  };
  for (std::size_t i = begin + 1; i < s.size() && !full; ++i) {
    if (s[i] == '?' || s[i] == '#') break;
    if (!digit(s[i]) || digit(s[i - 1])) continue;
    const char before = s[i - 1];
    // Only after a path separator, or the "t" of t20180530_.
    if (before != '/' && before != '_' && before != '-' &&
        !(before == 't' && i >= 2 && s[i - 2] == '/'))
      continue;
    const std::size_t n = digits_at(s, i);
    const std::size_t after = i + n;
    const char next = at(after) ? at(after) : '/';  // the path's end parts like a '/'
    if (n == 8 && (next == '/' || next == '_' || next == '.' || next == '-')) {
      add(number(s, i, 4), number(s, i + 4, 2), number(s, i + 6, 2), i, after);  // 20180530
    } else if (n == 4 && next == '-' && digits_at(s, after + 1) == 2) {
      const std::size_t m_end = after + 3;
      if (at(m_end) == '-' && digits_at(s, m_end + 1) == 2) {  // 2021-03-03
        add(number(s, i, 4), number(s, after + 1, 2), number(s, m_end + 1, 2), i, m_end + 3);
      } else if (at(m_end) == '/' && digits_at(s, m_end + 1) == 2 &&
                 (at(m_end + 3) == '/' || at(m_end + 3) == '\0')) {  // /2020-11/09/
        add(number(s, i, 4), number(s, after + 1, 2), number(s, m_end + 1, 2), i, m_end + 3);
      } else if (at(m_end) == '/') {  // /2020-11/
        add(number(s, i, 4), number(s, after + 1, 2), 0, i, m_end);
      }
    } else if (n == 4 && next == '/' && before == '/' && digits_at(s, after + 1) == 2 &&
               at(after + 3) == '/') {
      const std::size_t m_end = after + 3;
      // /2021/03/03/; not /2021/03/ alone, which journals use for volume and issue.
      if (digits_at(s, m_end + 1) == 2 &&
          (at(m_end + 3) == '/' || at(m_end + 3) == '\0' || at(m_end + 3) == '.'))
        add(number(s, i, 4), number(s, after + 1, 2), number(s, m_end + 1, 2), i, m_end + 3);
    }
    i = after;
  }
  return first;
}

}  // namespace citelint
