// Dates as the citation styles write them, and the words that make one the access date:
// APA "Retrieved March 3, 2021, from", Chicago "accessed March 3, 2021", MLA "Accessed 3 Mar.
// 2021", IEEE "Accessed: Mar. 3, 2021", Vancouver "[updated 2020 Jan 5; cited 2021 Mar 3]",
// Harvard "(Accessed: 3 March 2021)", ACS "(accessed 2021-03-03)", Chinese "2021年3月3日" and
// "访问日期", Portuguese "Acesso em: 3 mar. 2021", German "abgerufen am 3.3.2021".
#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "citelint/extract.hpp"
#include "extract/date_parts.hpp"
#include "model/utf8.hpp"

namespace citelint {

using namespace date_parts;

namespace {

struct MonthName {
  std::string_view name;  // lowercase; abbreviations match with or without a full stop
  int month;
};

// English, Portuguese and German names and their abbreviations. Longer names first, so "june"
// is read whole rather than as "jun" and a stray "e".
constexpr std::array kMonths = {
    MonthName{"september", 9}, MonthName{"fevereiro", 2}, MonthName{"dezembro", 12},
    MonthName{"novembro", 11}, MonthName{"setembro", 9},  MonthName{"dezember", 12},
    MonthName{"november", 11}, MonthName{"february", 2},  MonthName{"december", 12},
    MonthName{"oktober", 10},  MonthName{"outubro", 10},  MonthName{"january", 1},
    MonthName{"october", 10},  MonthName{"janeiro", 1},   MonthName{"februar", 2},
    MonthName{"januar", 1},    MonthName{"august", 8},    MonthName{"agosto", 8},
    MonthName{"junho", 6},     MonthName{"julho", 7},     MonthName{"march", 3},
    MonthName{"março", 3},     MonthName{"marco", 3},     MonthName{"april", 4},
    MonthName{"abril", 4},     MonthName{"maerz", 3},     MonthName{"märz", 3},
    MonthName{"maio", 5},      MonthName{"june", 6},      MonthName{"juni", 6},
    MonthName{"july", 7},      MonthName{"juli", 7},      MonthName{"sept", 9},
    MonthName{"jan", 1},       MonthName{"feb", 2},       MonthName{"fev", 2},
    MonthName{"mar", 3},       MonthName{"mär", 3},       MonthName{"apr", 4},
    MonthName{"abr", 4},       MonthName{"may", 5},       MonthName{"mai", 5},
    MonthName{"jun", 6},       MonthName{"jul", 7},       MonthName{"aug", 8},
    MonthName{"ago", 8},       MonthName{"sep", 9},       MonthName{"set", 9},
    MonthName{"oct", 10},      MonthName{"okt", 10},      MonthName{"out", 10},
    MonthName{"nov", 11},      MonthName{"dec", 12},      MonthName{"dez", 12},
};

// ASCII lower case, inline (std::tolower is a call into the C library, per byte).
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view word) {
  if (s.size() - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if (lower(s[i + k]) != word[k]) return false;
  return true;
}

bool is_letter_at(std::string_view s, std::size_t i) {
  return i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) ||
                          static_cast<unsigned char>(s[i]) >= 0x80);
}

// A month name at s[i] (a whole word, an optional full stop after it); 0 when there is none.
int read_month(std::string_view s, std::size_t& i) {
  if (i >= s.size() || !std::isalpha(static_cast<unsigned char>(s[i]))) return 0;
  const char first = lower(s[i]);
  for (const MonthName& m : kMonths) {
    if (m.name.front() != first) continue;
    if (!starts_with_ci(s, i, m.name)) continue;
    std::size_t j = i + m.name.size();
    if (is_letter_at(s, j)) continue;  // "marketing" is not "mar"
    if (j < s.size() && s[j] == '.') ++j;
    i = j;
    return m.month;
  }
  return 0;
}

// Spaces, and at most one comma or full stop among them ("March 3, 2021", "3. März 2021").
// Spaces, and one line break among them: where a wrapped line broke between words.
void skip_spaces_and_break(std::string_view s, std::size_t& i) {
  skip_horizontal_space(s, i);
  if (i < s.size() && s[i] == '\r') ++i;
  if (i < s.size() && s[i] == '\n') ++i;
  skip_horizontal_space(s, i);
}

void skip_gap(std::string_view s, std::size_t& i) {
  skip_horizontal_space(s, i);
  if (i < s.size() && (s[i] == ',' || s[i] == '.')) ++i;
  skip_spaces_and_break(s, i);  // a wrapped line may break inside the date ("11 Jun" / "2019")
}

bool is_cjk_unit(std::string_view s, std::size_t& i, char32_t unit) {
  std::size_t j = i;
  skip_horizontal_space(s, j);
  if (j >= s.size() || utf8::next(s, j) != unit) return false;
  i = j;
  return true;
}

// A number of min_digits to max_digits digits (ASCII or full-width) that no further digit
// follows.
bool read_whole_number(std::string_view s, std::size_t& i, int min_digits, int max_digits,
                       int& value) {
  int n = 0;
  std::size_t j = i;
  value = read_number(s, j, max_digits, &n);
  if (n < min_digits) return false;
  std::size_t k = j;
  if (k < s.size()) {
    const char32_t c = utf8::fold_fullwidth(utf8::next(s, k));
    if (c >= U'0' && c <= U'9') return false;
  }
  i = j;
  return true;
}

bool read_day(std::string_view s, std::size_t& i, int& day) {
  return read_whole_number(s, i, 1, 2, day);
}

bool read_year(std::string_view s, std::size_t& i, int& year) {
  return read_whole_number(s, i, 4, 4, year);
}

std::optional<ParsedDate> done(ParsedDate d, int parts, std::size_t& i, std::size_t end) {
  finish_date(d, parts);
  i = end;
  return d;
}

// Year first: "2021-03-03", "2021.12.21", "2021- 9-12", "2021 Mar 3", "2021年3月3日".
std::optional<ParsedDate> year_first(std::string_view s, std::size_t& i) {
  ParsedDate d;
  std::size_t j = i;
  if (!read_year(s, j, d.year)) return std::nullopt;
  if (is_cjk_unit(s, j, U'年')) {
    std::size_t k = j;
    skip_horizontal_space(s, k);
    int n = 0;
    d.month = read_number(s, k, 2, &n);
    if (n == 0 || !is_cjk_unit(s, k, U'月')) return done(d, 1, i, j);
    j = k;
    k = j;
    skip_horizontal_space(s, k);
    d.day = read_number(s, k, 2, &n);
    if (n == 0 || !is_cjk_unit(s, k, U'日')) return done(d, 2, i, j);
    return done(d, 3, i, k);
  }
  // "2021 Mar 3" (Vancouver), "2020, May 5" (APA's publication date)
  std::size_t k = j;
  skip_horizontal_space(s, k);
  if (k < s.size() && s[k] == ',') {
    ++k;
    skip_horizontal_space(s, k);
  }
  if (k > j) {
    if ((d.month = read_month(s, k)) != 0) {
      std::size_t m = k;
      skip_horizontal_space(s, m);
      if (read_day(s, m, d.day)) return done(d, 3, i, m);
      return done(d, 2, i, k);
    }
    d.month = 0;
  }
  // Numeric, with separators (spaces allowed around them).
  int parts = 1;
  for (int* field : {&d.month, &d.day}) {
    k = j;
    skip_horizontal_space(s, k);
    if (k >= s.size()) break;
    std::size_t sep = k;
    if (!is_separator(utf8::next(s, sep))) break;
    skip_horizontal_space(s, sep);
    int value = 0;
    if (!read_day(s, sep, value)) break;
    *field = value;
    j = sep;
    ++parts;
  }
  return done(d, parts, i, j);
}

// A month as a Roman numeral (I to XII, upper case) that no letter follows; 0 when there is none.
int read_roman_month(std::string_view s, std::size_t& i) {
  static constexpr std::array<std::string_view, 12> kRoman = {
      "XII", "VIII", "VII", "XI", "IX", "IV", "VI", "III", "II", "X", "V", "I"};
  static constexpr std::array<int, 12> kValue = {12, 8, 7, 11, 9, 4, 6, 3, 2, 10, 5, 1};
  for (std::size_t k = 0; k < kRoman.size(); ++k) {
    if (s.compare(i, kRoman[k].size(), kRoman[k]) != 0) continue;
    if (is_letter_at(s, i + kRoman[k].size())) continue;
    i += kRoman[k].size();
    return kValue[k];
  }
  return 0;
}

// "18-V-2020", "18.V.2020", "18 V 2020": the month in Roman numerals between one separator
// written twice (Portuguese and Polish usage).
std::optional<ParsedDate> roman_month(std::string_view s, std::size_t& i, ParsedDate d,
                                      std::size_t j) {
  if (j >= s.size()) return std::nullopt;
  const char sep = s[j];
  if (sep != '-' && sep != '.' && sep != '/' && sep != ' ') return std::nullopt;
  std::size_t k = j + 1;
  if ((d.month = read_roman_month(s, k)) == 0 || k >= s.size() || s[k] != sep) return std::nullopt;
  ++k;
  if (!read_year(s, k, d.year)) return std::nullopt;
  return done(d, 3, i, k);
}

// Day first: "3 March 2021", "3 Mar. 2021", "3. März 2021", "3 mar. 2021", "3.3.2021", "25th
// March 2013", "18-V-2020".
std::optional<ParsedDate> day_first(std::string_view s, std::size_t& i) {
  ParsedDate d;
  std::size_t j = i;
  if (!read_day(s, j, d.day)) return std::nullopt;
  if (auto roman = roman_month(s, i, d, j)) return roman;
  std::size_t k = j;
  // An English ordinal: "1st", "2nd", "3rd", "25th".
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (starts_with_ci(s, k, suffix) && !is_letter_at(s, k + 2)) k += 2;
  skip_gap(s, k);
  if ((d.month = read_month(s, k)) != 0) {
    skip_gap(s, k);
    if (!read_year(s, k, d.year)) return std::nullopt;
    return done(d, 3, i, k);
  }
  // D.M.YYYY (German), with full stops only: "3/3/2021" is month first in the US.
  k = j;
  if (k >= s.size() || s[k] != '.') return std::nullopt;
  ++k;
  if (!read_day(s, k, d.month) || k >= s.size() || s[k] != '.') return std::nullopt;
  ++k;
  if (!read_year(s, k, d.year)) return std::nullopt;
  return done(d, 3, i, k);
}

// Month first: "March 3, 2021", "Mar. 3, 2021", "Mar 3 2021", "March 2021".
std::optional<ParsedDate> month_first(std::string_view s, std::size_t& i) {
  ParsedDate d;
  std::size_t j = i;
  if ((d.month = read_month(s, j)) == 0) return std::nullopt;
  skip_horizontal_space(s, j);
  // A line break after the month ("Cited: Jan." / "9, 2011").
  if (j < s.size() && (s[j] == '\n' || s[j] == '\r')) {
    while (j < s.size() && (s[j] == '\n' || s[j] == '\r')) ++j;
    skip_horizontal_space(s, j);
  }
  std::size_t k = j;
  if (read_day(s, k, d.day)) {
    skip_gap(s, k);
    if (!read_year(s, k, d.year)) return std::nullopt;
    return done(d, 3, i, k);
  }
  d.day = 0;
  // "August, 2002": a comma between the month and the year.
  if (j < s.size() && s[j] == ',' && j + 1 < s.size() && s[j + 1] == ' ')
    skip_horizontal_space(s, ++j);
  if (!read_year(s, j, d.year)) return std::nullopt;
  return done(d, 2, i, j);
}

struct Marker {
  std::string_view words;  // lowercase ASCII, or CJK as written
  DateRole role;
};

// What comes before an access (update, archive) date. Each may be followed by ":" or "on".
constexpr std::array kMarkers = {
    Marker{"retrieved", DateRole::accessed},
    Marker{"accessed", DateRole::accessed},
    Marker{"cited", DateRole::accessed},
    Marker{"updated", DateRole::updated},
    Marker{"visited", DateRole::accessed},  // biblatex's "visited on"

    Marker{"acesso em", DateRole::accessed},
    Marker{"acessado em", DateRole::accessed},
    Marker{"abgerufen am", DateRole::accessed},
    Marker{"zugegriffen am", DateRole::accessed},
    Marker{"consulté le", DateRole::accessed},
    Marker{"访问日期", DateRole::accessed},
    Marker{"访问时间", DateRole::accessed},
    Marker{"引用日期", DateRole::accessed},
    Marker{"检索日期", DateRole::accessed},
    Marker{"访问于", DateRole::accessed},
    // Wikipedia's "Archived from the original on 21 May 2013", "Archived 2016-03-04 at the
    // Wayback Machine", "（原始内容存档于2012-01-10）": the archived copy's date.
    Marker{"archived from the original", DateRole::archived},
    Marker{"archived", DateRole::archived},
    Marker{"原始内容存档于", DateRole::archived},
};

// The first three bytes of each marker (ASCII ones in either case).
struct Triple {
  unsigned char a, b, c;
  bool folded;
};
constexpr Triple kMarkerStarts[] = {
    {'r', 'e', 't', true},     {'a', 'c', 'c', true},     {'a', 'c', 'e', true},
    {'c', 'i', 't', true},     {'u', 'p', 'd', true},     {'a', 'b', 'g', true},
    {'c', 'o', 'n', true},     {'z', 'u', 'g', true},     {'v', 'i', 's', true},
    {0xE8, 0xAE, 0xBF, false},                             // 访
    {0xE5, 0xBC, 0x95, false},                             // 引
    {0xE6, 0xA3, 0x80, false},                             // 检
    {'a', 'r', 'c', true},     {0xE5, 0x8E, 0x9F, false},  // 原
};

bool marker_start_at(std::string_view s, std::size_t i) {
  for (const Triple& t : kMarkerStarts) {
    auto byte = [&](std::size_t k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      return t.folded ? static_cast<unsigned char>(b | 0x20) : b;
    };
    if (byte(0) == t.a && byte(1) == t.b && byte(2) == t.c) return true;
  }
  return false;
}

// The first index in [i, end) where a marker may start, or end: three bytes compared sixteen
// positions at a time, so a list is passed over at memory speed.
std::size_t find_marker_start(std::string_view s, std::size_t i, std::size_t end) {
#ifdef __SSE2__
  const char* p = s.data();
  const __m128i fold = _mm_set1_epi8(0x20);
  for (; i + 18 <= end; i += 16) {
    const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    const __m128i f0 = _mm_or_si128(v0, fold), f1 = _mm_or_si128(v1, fold),
                  f2 = _mm_or_si128(v2, fold);
    __m128i hit = _mm_setzero_si128();
    for (const Triple& t : kMarkerStarts) {
      const __m128i m = _mm_and_si128(
          _mm_and_si128(_mm_cmpeq_epi8(t.folded ? f0 : v0, _mm_set1_epi8(static_cast<char>(t.a))),
                        _mm_cmpeq_epi8(t.folded ? f1 : v1, _mm_set1_epi8(static_cast<char>(t.b)))),
          _mm_cmpeq_epi8(t.folded ? f2 : v2, _mm_set1_epi8(static_cast<char>(t.c))));
      hit = _mm_or_si128(hit, m);
    }
    if (const int mask = _mm_movemask_epi8(hit))
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 2 < end; ++i)
    if (marker_start_at(s, i)) return i;
  return end;
}

}  // namespace

std::optional<ParsedDate> read_date(std::string_view s, std::size_t& i) {
  skip_horizontal_space(s, i);
  if (i >= s.size()) return std::nullopt;
  if (auto d = year_first(s, i)) return d;
  if (auto d = day_first(s, i)) return d;
  return month_first(s, i);
}

std::optional<ParsedDate> parse_date_text(std::string_view text) {
  std::size_t i = 0;
  auto d = read_date(text, i);
  skip_horizontal_space(text, i);
  if (i < text.size() && text[i] == '.') ++i;  // "3 Mar. 2021." as cut from a sentence
  if (!d || i != text.size()) return std::nullopt;
  return d;
}

// After an access marker only: Elsevier Harvard's "(accessed 12.14.15)", month, day and a
// two-digit year (day first where the first number cannot be a month: "28.02.16").
std::optional<ParsedDate> short_dotted_date(std::string_view s, std::size_t& i) {
  std::size_t j = i;
  int n[3] = {0, 0, 0};
  for (int k = 0; k < 3; ++k) {
    const std::size_t from = j;
    while (j < s.size() && j - from < 2 && std::isdigit(static_cast<unsigned char>(s[j])))
      n[k] = n[k] * 10 + (s[j++] - '0');
    if (j == from || (k == 2 && j - from != 2)) return std::nullopt;
    if (k < 2 && (j >= s.size() || s[j++] != '.')) return std::nullopt;
  }
  if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) return std::nullopt;
  ParsedDate d;
  d.month = n[0] > 12 ? n[1] : n[0];
  d.day = n[0] > 12 ? n[0] : n[1];
  d.year = (n[2] < 70 ? 2000 : 1900) + n[2];
  if (!is_calendar_date(d.year, d.month, d.day)) return std::nullopt;
  return done(d, 3, i, j);
}

// Whether the marker `words` is written at s[i] (in any case), a space in it matching the
// spaces, or a line break, between its words in the text ("Acesso" / "em: 5 jan. 2021");
// `end` is set to where it ends.
bool matches_words(std::string_view s, std::size_t i, std::string_view words, std::size_t& end) {
  std::size_t j = i;
  for (std::size_t w = 0; w < words.size(); ++w) {
    if (words[w] == ' ') {
      const std::size_t from = j;
      skip_spaces_and_break(s, j);
      if (j == from) return false;
      continue;
    }
    if (j >= s.size() || lower(s[j]) != words[w]) return false;
    ++j;
  }
  end = j;
  return true;
}

std::vector<MarkedDate> find_marked_dates(std::string_view text, std::size_t begin,
                                          std::size_t end) {
  std::vector<MarkedDate> found;
  const std::string_view rest = text.substr(0, end);
  for (std::size_t i = find_marker_start(text, begin, end); i < end;) {
    std::size_t resume = i + 1;
    // A marker starts a word: not inside one ("recited", "unaccessed").
    const bool word_start = i == begin || !std::isalpha(static_cast<unsigned char>(text[i - 1]));
    const Marker* hit = nullptr;
    std::size_t after = i;
    for (const Marker& m : kMarkers) {
      if (!word_start || !matches_words(rest, i, m.words, after)) continue;
      if (std::isalpha(static_cast<unsigned char>(m.words.back())) && is_letter_at(rest, after))
        continue;  // "citedness"
      hit = &m;
      break;
    }
    if (hit) {
      // Spaces, and one line break where a wrapped line broke between the words and the date.
      std::size_t j = after;
      skip_spaces_and_break(rest, j);
      if (j < end && (rest[j] == ':' || rest[j] == ',')) ++j;
      if (rest.substr(j, 3) == "\xEF\xBC\x9A") j += 3;  // full-width colon
      skip_spaces_and_break(rest, j);
      // "on", then a space or the line's end ("(accessed on" / "16 October 2013)").
      if (starts_with_ci(rest, j, "on") && j + 2 < end &&
          (rest[j + 2] == ' ' || rest[j + 2] == '\n' || rest[j + 2] == '\r'))
        j += 2;
      std::size_t date_begin = j;
      skip_spaces_and_break(rest, date_begin);
      std::size_t date_end = date_begin;
      auto d = read_date(rest, date_end);
      if (!d && hit->role == DateRole::accessed) d = short_dotted_date(rest, date_end);
      if (d) {
        found.push_back({hit->role, date_begin, date_end, std::move(*d)});
        resume = date_end;
      }
    }
    i = find_marker_start(text, resume, end);
  }
  return found;
}

}  // namespace citelint
