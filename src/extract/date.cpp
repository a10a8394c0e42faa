// Dates in references and their roles: GB/T 7714 `(published)[accessed]`, and the year of
// publication in its `, 2019.` slot.
#include <algorithm>
#include <cstdio>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "citelint/extract.hpp"
#include "extract/date_parts.hpp"
#include "model/utf8.hpp"

namespace citelint {

using namespace date_parts;

namespace {

constexpr std::size_t npos = std::string_view::npos;

}  // namespace

Date make_date(const Document& doc, DateRole role, std::size_t begin, std::size_t end,
               const ParsedDate& parsed) {
  Date d;
  d.role = role;
  d.set_value(parsed.value);
  d.as_written = std::string_view(doc.text()).substr(begin, end - begin);
  d.year = parsed.year;
  d.month = parsed.month;
  d.day = parsed.day;
  d.valid = parsed.valid;
  d.span = doc.span(begin, end);
  return d;
}

long day_number(int year, int month, int day) {  // after H. Hinnant's algorithm
  year -= month <= 2;
  const long era = (year >= 0 ? year : year - 399) / 400;
  const long yoe = year - era * 400;
  const long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool is_calendar_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int limit = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= limit;
}

std::optional<ParsedDate> parse_date(std::string_view text) {
  std::size_t i = 0;
  skip_horizontal_space(text, i);
  int n = 0;
  ParsedDate d;
  d.year = read_number(text, i, 4, &n);
  if (n != 4) return std::nullopt;
  int parts = 1;
  for (int* field : {&d.month, &d.day}) {
    std::size_t j = i;
    skip_horizontal_space(text, j);
    if (j >= text.size()) break;
    std::size_t k = j;
    if (!is_separator(utf8::next(text, k))) break;
    skip_horizontal_space(text, k);
    *field = read_number(text, k, 2, &n);
    if (n == 0) return std::nullopt;
    i = k;
    ++parts;
  }
  skip_horizontal_space(text, i);
  if (i != text.size()) return std::nullopt;
  finish_date(d, parts);
  return d;
}

namespace {

// "20190520": a date written without separators (GB/T lists typed in a hurry), when its eight
// digits make a real calendar date from 1900 on; core/DateSeparator asks for 2019-05-20.
std::optional<ParsedDate> compact_date(std::string_view t) {
  if (t.size() != 8 ||
      !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  ParsedDate d;
  d.year = std::stoi(std::string(t.substr(0, 4)));
  d.month = std::stoi(std::string(t.substr(4, 2)));
  d.day = std::stoi(std::string(t.substr(6, 2)));
  if (d.year < 1900 || d.year > 2099 || !is_calendar_date(d.year, d.month, d.day))
    return std::nullopt;
  finish_date(d, 3);
  return d;
}

// A date in the brackets that open before `i` (round: published or a year; square: accessed),
// added to `dates`; where to go on from (the closing bracket), or `i` when there is none.
std::size_t bracketed_date(const Document& doc, std::size_t i, std::size_t end, bool round,
                           bool square, std::vector<Date>& dates) {
  const std::string_view s(doc.text());
  // "D(2030)", "X(3872)": a name's number, glued to it, is no year.
  if (round && i >= 2 && s[i - 1] == '(' && std::isalnum(static_cast<unsigned char>(s[i - 2])))
    return i;
  // The bracket's content up to its closing bracket, at most a date's length away.
  std::size_t j = i;
  std::size_t close = std::string_view::npos;
  int newlines = 0;
  while (j < end && j - i < 48) {
    const std::size_t k = j;
    const char32_t d = utf8::next(s, j);
    if ((round && (d == U')' || d == 0xFF09)) || (square && (d == U']' || d == 0xFF3D))) {
      close = k;
      break;
    }
    // One line break inside: a wrapped line ("[cited 11 Jun" / "2019]"); not a blank line.
    if (d == U'(' || d == U'[' || d == 0xFF08 || d == 0xFF3B || (d == U'\n' && newlines++ > 0))
      break;
  }
  if (close == std::string_view::npos) return i;
  std::size_t b = i;
  skip_horizontal_space(s, b);
  std::size_t e = close;
  while (e > b && is_horizontal_space(static_cast<unsigned char>(s[e - 1]))) --e;
  std::string joined;  // the content on one line, where it was wrapped
  std::string_view content = s.substr(b, e - b);
  if (newlines > 0) {
    for (char c : content)
      if (!((c == ' ' || c == '\t' || c == '\r' || c == '\n') && !joined.empty() &&
            joined.back() == ' '))
        joined += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
    content = joined;
  }
  auto parsed = parse_date(content);
  // "(2020, May 5)", "[2021年3月3日]"; not "[EB/OL]" or "(in Chinese)", which have no digit
  // (ASCII, or full-width behind its lead byte 0xEF).
  if (!parsed && std::any_of(s.begin() + static_cast<std::ptrdiff_t>(b),
                             s.begin() + static_cast<std::ptrdiff_t>(e),
                             [](char c) { return (c >= '0' && c <= '9') || c == '\xEF'; }))
    parsed = parse_date_text(s.substr(b, e - b));
  const std::string_view inner = s.substr(b, e - b);
  if (!parsed) parsed = compact_date(inner);
  if (!parsed) {
    // "(2019a)": a year with a disambiguating letter; the year is its four digits.
    if (round && inner.size() == 5 && std::isalpha(static_cast<unsigned char>(inner[4]))) {
      if (auto year = parse_date(inner.substr(0, 4)))
        dates.push_back(make_date(doc, DateRole::year, b, b + 4, *year));
    }
    return i;
  }
  const bool year_only = parsed->month == 0;
  if (square && year_only) return i;
  // "(5359)" after a volume is an issue number, not a year: a year alone in brackets is one
  // a work could have, as in the ", 2019." slot.
  if (year_only && (parsed->year < 1400 || parsed->year > 2199)) return i;
  const DateRole role =
      square ? DateRole::accessed : (year_only ? DateRole::year : DateRole::published);
  dates.push_back(make_date(doc, role, b, e, *parsed));
  return close;
}

// Whether the comma at `comma` stands inside a month-first date that ends at `year_end`
// ("April 28, 2017"): the date's own words say what it is (find_marked_dates, sentence_date),
// not the year slot.
bool ends_month_day_date(std::string_view s, std::size_t comma, std::size_t year_end) {
  std::size_t d = comma;
  while (d > 0 && comma - d < 2 && std::isdigit(static_cast<unsigned char>(s[d - 1]))) --d;
  if (d == comma || d < 2 || s[d - 1] != ' ') return false;
  std::size_t w = d - 1;
  while (w > 0 && (std::isalpha(static_cast<unsigned char>(s[w - 1])) || s[w - 1] == '.')) --w;
  if (w == d - 1) return false;
  std::size_t at = w;
  const auto date = read_date(s.substr(0, year_end), at);
  return date && at == year_end;
}

// ", 2019." ", 2019:" ", 2019," ", 2019a.": the publication year slot after the comma before
// `i`, added to `dates`.
void year_slot(const Document& doc, std::size_t i, std::size_t end, const std::vector<Url>& skip,
               std::vector<Date>& dates) {
  const std::string_view s(doc.text());
  std::size_t j = i;
  skip_horizontal_space(s, j);
  const std::size_t yb = j;
  int n = 0;
  const int year = read_number(s, j, 4, &n);
  if (n != 4 || year < 1400 || year > 2199 || inside_url(skip, yb)) return;
  const std::size_t ye = j;
  if (ends_month_day_date(s, i - 1, ye)) return;
  if (j < end && s[j] >= 'a' && s[j] <= 'z') ++j;
  std::size_t k = j;
  const char32_t next = j < end ? utf8::next(s, k) : U'.';
  // natbib's "2024{\natexlab{a}}" tells two works of a year apart as "2024a" does.
  const bool natexlab = next == U'{' && s.compare(k, 9, "\\natexlab") == 0;
  const bool closes = next == U'.' || next == U',' || next == U':' || next == U';' ||
                      next == U')' || next == 0xFF0C || next == 0x3002 || next == 0xFF1A ||
                      next == 0xFF1B || next == U'\n' || next == U'\r' || natexlab;
  if (!closes) return;
  // "2019.3" is not a bare year; "Press, 2016: 1-9" and "Press,2016:1-9" are a year and pages.
  if (next == U'.' && k < end && std::isdigit(static_cast<unsigned char>(s[k]))) return;
  ParsedDate parsed;
  parsed.year = year;
  parsed.valid = true;
  parsed.value = std::to_string(year);
  dates.push_back(make_date(doc, DateRole::year, yb, ye, parsed));
}

// "Deptford Cinema. August 9, 2017. Retrieved ...", "Press. 2008.": a date that is a sentence of
// its own after the site's or publisher's name (Wikipedia's CS1, MLA) is the publication date
// (a year alone, the year), added to `dates`; where to go on from: past it, or `i` (after the
// full stop) when there is none.
std::size_t sentence_date(const Document& doc, std::size_t i, std::size_t end,
                          const std::vector<Url>& skip, std::vector<Date>& dates) {
  const std::string_view s = std::string_view(doc.text()).substr(0, end);
  // After a space, or right after a GB/T type marker ("[S].2006.", "[M].2019.").
  const bool after_marker =
      i >= 2 && s[i - 2] == ']' && i < end && std::isdigit(static_cast<unsigned char>(s[i]));
  if (i + 1 >= end || (s[i] != ' ' && !after_marker)) return i;
  const std::size_t b = after_marker ? i : i + 1;
  const auto c = static_cast<unsigned char>(s[b]);
  // A digit, or a capital a month's name starts with (English, Portuguese, German).
  if (!std::isdigit(c) && std::string_view("JFMASOND").find(static_cast<char>(c)) == npos) return i;
  if (inside_url(skip, b)) return i;
  std::size_t e = b;
  std::optional<ParsedDate> parsed = read_date(s, e);
  if (parsed && parsed->month == 0) parsed.reset();  // years: below, only before a full stop
  if (!parsed && std::isdigit(c)) {
    int n = 0;
    e = b;
    const int year = read_number(s, e, 4, &n);
    if (n == 4 && year >= 1400 && year <= 2199) {
      parsed = ParsedDate{year, 0, 0, true, std::to_string(year)};
      if (e < end && s[e] != '.') return i;
    }
  }
  if (!parsed) return i;
  // The sentence ends with the date, or an access date in brackets follows ("2009年7月
  // [2016-02-04]").
  std::size_t k = e;
  skip_horizontal_space(s, k);
  if (k < end && s[k] != '.' && s[k] != ',' && s[k] != '[' && s[k] != '(') return i;
  dates.push_back(
      make_date(doc, parsed->month ? DateRole::published : DateRole::year, b, e, *parsed));
  return e;
}

// Letters OCR reads for digits: O, o and U for 0, l and I for 1.
int ocr_digit(char c) {
  switch (c) {
    case 'O':
    case 'o':
    case 'U':
      return 0;
    case 'l':
    case 'I':
      return 1;
    default:
      return c >= '0' && c <= '9' ? c - '0' : -1;
  }
}

bool ocr_letter(char c) { return c == 'O' || c == 'o' || c == 'U' || c == 'l' || c == 'I'; }

// The first index in [i, end) of a digit that such a letter follows, or end: sixteen bytes at a
// time (a list is passed over at memory speed; such pairs are rare outside OCR text).
std::size_t find_digit_letter(std::string_view s, std::size_t i, std::size_t end) {
#ifdef __SSE2__
  const char* p = s.data();
  const __m128i below0 = _mm_set1_epi8('0' - 1), above9 = _mm_set1_epi8('9' + 1);
  for (; i + 17 <= end; i += 16) {
    const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v0, below0), _mm_cmplt_epi8(v0, above9));
    __m128i letter = _mm_cmpeq_epi8(v1, _mm_set1_epi8('O'));
    for (char c : {'o', 'U', 'l', 'I'})
      letter = _mm_or_si128(letter, _mm_cmpeq_epi8(v1, _mm_set1_epi8(c)));
    if (const int mask = _mm_movemask_epi8(_mm_and_si128(digit, letter)))
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 1 < end; ++i)
    if (s[i] >= '0' && s[i] <= '9' && ocr_letter(s[i + 1])) return i;
  return end;
}

// Years that OCR damaged, a letter read for a digit ("201O", "2U1U", "20o8", "(2O06)"): a word
// of four such characters, two or more of them digits and the first a 1 or a 2, that reads as a
// year from 1400 to 2199. Each is a year, its value repaired; core/DateOcrDamage reports it
// with the repair.
void ocr_years(const Document& doc, std::size_t begin, std::size_t end,
               const std::vector<Url>& skip, std::vector<Date>& dates) {
  const std::string_view s(doc.text());
  auto word_edge = [&](std::size_t k) {
    return k < begin || k >= end || !std::isalnum(static_cast<unsigned char>(s[k]));
  };
  for (std::size_t at = begin; (at = find_digit_letter(s, at, end)) < end; ++at) {
    // The year's first digit, a 1 or a 2 (the year 2O06, not O006), is at most two places back.
    for (std::size_t t = at >= begin + 2 ? at - 2 : begin; t <= at; ++t) {
      if ((s[t] != '1' && s[t] != '2') || t + 4 > end || !word_edge(t - 1) || !word_edge(t + 4))
        continue;
      int year = 0, digits = 0;
      bool ok = true;
      for (std::size_t k = t; k < t + 4 && ok; ++k) {
        const int d = ocr_digit(s[k]);
        ok = d >= 0;
        year = year * 10 + d;
        digits += s[k] >= '0' && s[k] <= '9';
      }
      if (!ok || digits < 2 || digits == 4 || year < 1400 || year > 2199 || inside_url(skip, t))
        continue;
      ParsedDate parsed{year, 0, 0, true, std::to_string(year)};
      dates.push_back(make_date(doc, DateRole::year, t, t + 4, parsed));
      at = t + 3;
      break;
    }
  }
}

// Dates the words before them name ("accessed March 3, 2021"): they replace what the other
// readers made of the same text (its year in the `, 2021.` slot).
void add_marked_dates(const Document& doc, std::size_t begin, std::size_t end,
                      const std::vector<Url>& skip, std::vector<Date>& dates) {
  const std::string_view s(doc.text());
  // Searched between the URLs only (a quarter of a web reference's text), over the whole entry:
  // a note that cites a second work ("Retrieved 27 January 2015. citing Gilchrist J. (2008)")
  // gives its access date before another work's year.
  std::vector<MarkedDate> marked;
  std::size_t from = begin;
  for (std::size_t u = 0; u <= skip.size(); ++u) {
    if (u < skip.size() && skip[u].span.end <= from) continue;  // a URL before the search
    const std::size_t to =
        u < skip.size() ? std::clamp<std::size_t>(skip[u].span.begin, from, end) : end;
    std::vector<MarkedDate> more = find_marked_dates(s, from, to);
    marked.insert(marked.end(), more.begin(), more.end());
    if (u < skip.size()) from = std::clamp<std::size_t>(skip[u].span.end, from, end);
  }
  if (marked.empty()) return;
  // One pass, however many there are (a whole list read as one entry has thousands): the
  // marked dates in order, each date the others made checked against the one that could
  // overlap it.
  std::sort(marked.begin(), marked.end(),
            [](const MarkedDate& a, const MarkedDate& b) { return a.begin < b.begin; });
  std::erase_if(dates, [&](const Date& d) {
    auto it = std::partition_point(marked.begin(), marked.end(),
                                   [&](const MarkedDate& m) { return m.begin < d.span.end; });
    // Those starting before the date ends; the last few of them may reach into it.
    for (int k = 0; k < 4 && it != marked.begin(); ++k)
      if (--it; d.span.begin < it->end) return true;
    return false;
  });
  for (const MarkedDate& m : marked) dates.push_back(make_date(doc, m.role, m.begin, m.end, m.date));
}

}  // namespace

std::vector<Date> find_dates(const Document& doc, std::size_t begin, std::size_t end,
                             const std::vector<Url>& skip) {
  const std::string_view s(doc.text());
  std::vector<Date> dates;
  // Only brackets, commas and full stops (ASCII, or full-width behind lead byte 0xEF) start a
  // date; a full stop, a date that is a sentence of its own (". 21 December 2005.", "].2006.").
  static constexpr ByteSet kStarts = {'(', '[', ',', '.', 0xEF};
  std::size_t sentence_end = begin;  // where the last sentence date ended
  for (std::size_t i = begin; (i = kStarts.find(s, i, end)) < end;) {
    const std::size_t at = i;
    const char32_t c = utf8::next(s, i);
    const bool round = c == U'(' || c == 0xFF08;
    const bool square = c == U'[' || c == 0xFF3B;
    if ((round || square) && !inside_url(skip, at)) {
      i = bracketed_date(doc, i, end, round, square, dates);
    } else if ((c == U',' || c == 0xFF0C) && at >= sentence_end) {
      year_slot(doc, i, end, skip, dates);
    } else if (c == U'.' && i < end && (s[i] == ' ' || (at > begin && s[at - 1] == ']')) &&
               !inside_url(skip, at)) {
      const std::size_t after = sentence_date(doc, i, end, skip, dates);
      if (after != i) sentence_end = i = after;
    }
  }
  add_marked_dates(doc, begin, end, skip, dates);
  ocr_years(doc, begin, end, skip, dates);
  std::sort(dates.begin(), dates.end(),
            [](const Date& a, const Date& b) { return a.span.begin < b.span.begin; });
  return dates;
}

}  // namespace citelint
