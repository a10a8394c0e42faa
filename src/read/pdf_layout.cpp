#include "read/pdf_layout.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"

namespace citelint::pdf {

namespace {

struct Line {
  int page = 0;
  int number = 0;  // on its page, from 1, in reading order
  double x0 = 0, x1 = 0, top = 0, bottom = 0, size = 0;
  double first_width = 0;  // of its first word: what would have fitted at the end of the line above
  std::string text;
  // Where each word is: on the page (x0, x1) and in text [begin, end), for the links over them.
  struct Piece {
    double x0, x1;
    std::uint32_t begin, end;
  };
  std::vector<Piece> pieces;
};

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

double size_of(const Word& w) { return w.size > 0 ? w.size : std::max(1.0, w.y1 - w.y0); }

// An entry's label alone: "12", "12.", "[12]", "(12)", "12)".
bool is_label(std::string_view t) {
  if (!t.empty() && (t.front() == '[' || t.front() == '(')) t.remove_prefix(1);
  if (!t.empty() && (t.back() == '.' || t.back() == ']' || t.back() == ')')) t.remove_suffix(1);
  return !t.empty() && t.size() <= 4 && std::all_of(t.begin(), t.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// A page's rows: words whose middles are near the first one's (within most of the row's usual
// height), left to right. Poppler gives
// words block by block (a margin's entry numbers before their text), so rows are made anew from
// where the words stand.
std::vector<std::vector<const Word*>> rows_of(std::vector<const Word*> words) {
  std::sort(words.begin(), words.end(),
            [](const Word* a, const Word* b) { return a->y0 + a->y1 < b->y0 + b->y1; });
  std::vector<std::vector<const Word*>> rows;
  double first = 0;             // the row's first middle
  std::vector<double> heights;  // of its words: their median, not one tall glyph's box
  for (const Word* w : words) {
    const double middle = (w->y0 + w->y1) / 2, height = w->y1 - w->y0;
    if (rows.empty() || middle - first > 0.6 * std::max(median(heights), height)) {
      rows.emplace_back();
      first = middle;
      heights.clear();
    }
    rows.back().push_back(w);
    heights.push_back(height);
  }
  for (auto& row : rows)
    std::stable_sort(row.begin(), row.end(),
                     [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  return rows;
}

// Whether the gap [x0, x1] in row r is a gutter between columns, not the wide space of a
// justified line: sure where, somewhere across it, the rows near it that have words on its left
// and close on its right mostly have none there (a row that ends short of it, the last line of a
// paragraph, says nothing either way), or no row near has a word there and the gap is wider than a
// space; one side's where none of those on one side has (the other may be text across the page
// above a section set in columns).
enum class Gutter { none, one_side, sure };
Gutter gutter(const std::vector<std::vector<const Word*>>& rows, std::size_t r, double x0,
              double x1) {
  Gutter found = Gutter::none;
  const double reach = 4 * std::max(1.0, rows[r].front()->y1 - rows[r].front()->y0);
  const std::size_t from = r >= 8 ? r - 8 : 0, to = std::min(rows.size(), r + 9);
  // The near rows' words within reach of the gap, once: a row's index and a word's extent.
  struct Near {
    std::size_t row;
    double x0, x1;
  };
  std::vector<Near> near;
  for (std::size_t k = from; k < to; ++k)
    for (const Word* w : rows[k])
      if (k != r && w->x1 > x0 - reach && w->x0 < x1 + reach) near.push_back({k, w->x0, w->x1});
  struct Count {
    std::size_t across = 0, beside = 0;
  };
  auto apart = [](const Count& c) {
    return c.beside >= 2 && c.across * 10 < (c.across + c.beside) * 3;
  };
  auto clear = [](const Count& c) { return c.beside >= 3 && c.across == 0; };
  // Where the near words start and end inside the gap (what is free changes only there), its
  // middle, and just before its end (where this row's next column starts).
  std::vector<double> xs = {(x0 + x1) / 2, x1 - 1.5};
  for (const Near& n : near)
    for (double x : {n.x1 + 0.6, n.x0 - 0.6})
      if (x > x0 + 1 && x < x1 - 1) xs.push_back(x);
  for (double x : xs) {
    Count above, below;
    for (std::size_t i = 0; i < near.size();) {
      const std::size_t row = near[i].row;
      // A column's lines start level on its left; they end anywhere (a hanging indent's short
      // lines, the last of a paragraph): text on the left at any distance counts.
      bool left = rows[row].front()->x1 <= x, right = false, on = false;
      for (; i < near.size() && near[i].row == row; ++i) {
        on = on || (near[i].x0 < x + 0.5 && near[i].x1 > x - 0.5);
        right = right || (near[i].x0 >= x && near[i].x0 < x + reach);
      }
      Count& c = row < r ? above : below;
      c.across += on;
      c.beside += !on && left && right;
    }
    const Count both{above.across + below.across, above.beside + below.beside};
    if (apart(both)) return Gutter::sure;
    if (both.across == 0 && to - from > 2 && x1 - x0 > reach / 2) return Gutter::sure;
    if (clear(above) || clear(below)) found = Gutter::one_side;
  }
  return found;
}

// A row's lines: its words split where a gap is a gutter between columns; an
// entry's label set apart in a margin stays with its entry's text.
void add_row(const std::vector<std::vector<const Word*>>& rows, std::size_t r, int page,
             std::vector<Line>& out) {
  // The spaces beside each gap: a justified line spreads its spaces alike, a gutter is wider
  // than the spaces on either side of it.
  const std::vector<const Word*>& words = rows[r];
  auto space = [&](std::size_t k) {  // before words[k]
    return k > 0 && k < words.size() ? words[k]->x0 - words[k - 1]->x1 : 0.0;
  };
  Line* seg = nullptr;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const Word* w = words[k];
    const double size = size_of(*w);
    const double gap = seg ? w->x0 - seg->x1 : 0;
    // A label set apart in a margin ("51.", "A") stays with the text beside it.
    const bool candidate = seg && gap > 0.8 * size &&
                           !((is_label(seg->text) || seg->text.size() <= 2) && gap < 5 * size);
    // A justified line of few words spreads them as far apart as a gutter, but all alike (to a
    // fraction of a point: the same stretch each).
    bool alike = false;
    for (std::size_t j = 1; candidate && j < words.size() && !alike; ++j)
      alike =
          j != k && space(j) > 0.8 * size && std::abs(space(j) - gap) <= std::max(0.6, 0.03 * gap);
    const Gutter g = candidate && !alike ? gutter(rows, r, seg->x1, w->x0) : Gutter::none;
    const bool wider = gap > 1.5 * std::max(space(k - 1), space(k + 1));
    const bool split = g == Gutter::sure || (g == Gutter::one_side && wider);
    if (!seg || split) {
      Line l;
      l.page = page;
      l.x0 = w->x0;
      l.x1 = w->x1;
      l.top = w->y0;
      l.bottom = w->y1;
      l.size = size;
      l.first_width = w->x1 - w->x0;
      l.text = w->text;
      l.pieces.push_back({w->x0, w->x1, 0, static_cast<std::uint32_t>(l.text.size())});
      out.push_back(std::move(l));
      seg = &out.back();
    } else {
      // A space where the gap is one: poppler's own word breaks inside a word set with
      // invisible characters (a link's zero-width spaces) are not.
      if (gap > 0.08 * size) seg->text += ' ';
      const auto begin = static_cast<std::uint32_t>(seg->text.size());
      seg->text += w->text;
      seg->pieces.push_back({w->x0, w->x1, begin, static_cast<std::uint32_t>(seg->text.size())});
      seg->x1 = std::max(seg->x1, w->x1);
      seg->top = std::min(seg->top, w->y0);
      seg->bottom = std::max(seg->bottom, w->y1);
      seg->size = std::max(seg->size, size);
    }
  }
}

bool page_number(std::string_view t);

// A page's columns: x ranges a tenth of its width or more that many narrow lines (`wide` tells
// which are not) cover, apart from a page number or a caption across the gutter; each reaching
// as far right as the lines that start in it.
template <class Wide>
std::vector<std::pair<double, double>> columns_of(const std::vector<Line>& lines, double left,
                                                  double right, Wide wide) {
  const double width = right - left;
  // How many narrow lines cover each x, in 1-point steps.
  const auto cells = static_cast<std::size_t>(std::min(std::max(width, 1.0), 20000.0)) + 1;
  std::vector<int> covered(cells, 0);
  int narrow = 0;
  for (const Line& l : lines) {
    if (wide(l)) continue;
    ++narrow;
    const auto a = static_cast<std::size_t>(std::clamp(l.x0 - left, 0.0, double(cells - 1)));
    const auto b = static_cast<std::size_t>(std::clamp(l.x1 - left, 0.0, double(cells - 1)));
    for (std::size_t x = a; x <= b; ++x) ++covered[x];
  }
  const int enough = std::max(2, narrow / 20);
  std::vector<std::pair<double, double>> columns;
  for (std::size_t x = 0; x < cells;) {
    if (covered[x] < enough) {
      ++x;
      continue;
    }
    std::size_t y = x;
    while (y < cells && covered[y] >= enough) ++y;
    if (double(y - x) >= 0.1 * width) columns.emplace_back(left + double(x), left + double(y));
    x = y;
  }
  // A column's core is where most of its lines are; a long line of one of few goes on past it.
  for (const Line& l : lines)
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (!wide(l) && l.x0 >= columns[c].first - 3 * l.size && l.x0 < columns[c].second) {
        const double limit = c + 1 < columns.size() ? columns[c + 1].first : right;
        columns[c].second = std::max(columns[c].second, std::min(l.x1, limit));
      }
  return columns;
}

// A page's lines in reading order: where the page has columns (x ranges that many narrow lines
// cover, apart from a page number or a caption across the gutter), a band of rows in columns
// reads column by column; a line as wide as the page (a title, a running head), or a blank strip
// across the whole page (a section set in columns of its own below), ends a band.
void order_page(std::vector<Line>& lines) {
  if (lines.empty()) return;
  double left = lines[0].x0, right = lines[0].x1;
  for (const Line& l : lines) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
  }
  const double width = right - left;
  auto wide = [&](const Line& l) { return l.x1 - l.x0 > 0.55 * width; };
  const std::vector<std::pair<double, double>> columns = columns_of(lines, left, right, wide);
  auto column = [&](const Line& l) {
    if (wide(l) || columns.size() < 2) return -1;
    // The column that holds most of it (a label may stand out to its left).
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double in = std::min(l.x1, columns[c].second) - std::max(l.x0, columns[c].first);
      if (in >= 0.5 * (l.x1 - l.x0)) return static_cast<int>(c);
    }
    return -1;  // beside the columns: a page number, a margin note
  };
  // A page number in the margin beside the columns, halfway down (SciELO), is no line of them.
  if (columns.size() >= 2)
    std::erase_if(lines, [&](const Line& l) {
      return !wide(l) && (l.x1 <= columns.front().first || l.x0 >= columns.back().second) &&
             page_number(l.text);
    });
  // Rows top down; a band of column rows reads column by column.
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return a.bottom < b.bottom - 0.5 * std::min(a.size, b.size) ||
           (std::abs(a.bottom - b.bottom) <= 0.5 * std::min(a.size, b.size) && a.x0 < b.x0);
  });
  std::vector<Line> ordered;
  ordered.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size();) {
    if (column(lines[i]) < 0) {
      ordered.push_back(std::move(lines[i++]));
      continue;
    }
    std::size_t j = i;
    double bottom = lines[i].bottom;
    while (j < lines.size() && column(lines[j]) >= 0 &&
           (j == i || lines[j].top - bottom < 1.2 * lines[j].size)) {
      bottom = std::max(bottom, lines[j].bottom);
      ++j;
    }
    std::stable_sort(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(j),
                     [&](const Line& a, const Line& b) { return column(a) < column(b); });
    for (; i < j; ++i) ordered.push_back(std::move(lines[i]));
  }
  lines = std::move(ordered);
}

// Line numbers in a margin (a manuscript's "583", "584", ... beside every line): a bare number
// first on most of a page's rows, set apart from the rest of its row, counting up one a row; or
// on fewer, numbers that go on from the last page's (`last`, 0 for none). Returns
// the page's last line number, or 0.
long drop_line_numbers(std::vector<std::vector<const Word*>>& rows, long last) {
  auto number = [](const std::vector<const Word*>& row) {
    const std::string& t = row.front()->text;
    const bool apart = row.size() == 1 || row[1]->x0 - row[0]->x1 > size_of(*row[0]);
    const bool digits = !t.empty() && t.size() <= 5 && std::all_of(t.begin(), t.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c));
    });
    return apart && digits ? std::stol(t) : -1L;
  };
  std::vector<std::size_t> numbered;  // rows that start with a number
  std::vector<long> values;           // and those numbers
  for (std::size_t r = 0; r < rows.size(); ++r)
    if (const long n = number(rows[r]); n >= 0) {
      numbered.push_back(r);
      values.push_back(n);
    }
  if (numbered.empty()) return 0;
  std::size_t steps = 0;
  long end = values.front();  // the last that counts on (not a page number)
  for (std::size_t k = 1; k < values.size(); ++k)
    if (values[k] == values[k - 1] + 1) {
      ++steps;
      end = values[k];
    }
  const long first = values.front();
  // Counting up, all but a page number or so.
  const bool counts = steps * 5 >= (numbered.size() - 1) * 4 || numbered.size() <= steps + 2;
  const bool goes_on = last > 0 && first > last && first <= last + 3;
  const bool most_rows = numbered.size() >= 10 && numbered.size() * 2 >= rows.size();
  if (!counts || !(most_rows || goes_on)) return 0;
  for (std::size_t r : numbered) rows[r].erase(rows[r].begin());
  std::erase_if(rows, [](const auto& row) { return row.empty(); });
  return end;
}

// Characters that take no room and mean nothing in a word's text: zero-width spaces and joiners
// (publishers set them between a link's parts to let it break), the word joiner, a BOM, a soft
// hyphen.
std::string visible(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(t, i);
    if ((c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0xAD) continue;
    out.append(t.substr(at, i - at));
  }
  return out;
}

// Words to lines in reading order, page by page, each numbered on its page (the words' texts
// are cleaned in place). Text set at an angle (a licence notice up a margin) is left out.
std::vector<Line> lines_of(std::vector<Word>& words) {
  std::vector<Line> lines;
  std::vector<const Word*> page_words;
  long line_number = 0;  // the last line number in a margin, on the page before
  for (std::size_t i = 0; i < words.size();) {
    const int page = words[i].page;
    page_words.clear();
    Word* before = nullptr;  // the last word kept
    for (; i < words.size() && words[i].page == page; ++i) {
      Word& w = words[i];
      if (w.rotated || !std::isfinite(w.x0 + w.x1 + w.y0 + w.y1 + w.size)) continue;
      // Most words are ASCII, with nothing to clean.
      if (std::any_of(w.text.begin(), w.text.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0xC2 || c == '\n' || c == '\r';
          })) {
        w.text = visible(w.text);
        std::replace(w.text.begin(), w.text.end(), '\n', ' ');  // poppler's own line breaks
        std::replace(w.text.begin(), w.text.end(), '\r', ' ');
      }
      if (!w.text.empty()) {
        page_words.push_back(&w);
        before = &w;
      } else if (before && before->y0 < w.y1 && w.y0 < before->y1) {
        before->x1 = std::max(before->x1, w.x1);  // its room is the word's before
      }
    }
    auto rows = rows_of(page_words);
    line_number = drop_line_numbers(rows, line_number);
    std::vector<Line> page_lines;
    for (std::size_t r = 0; r < rows.size(); ++r) add_row(rows, r, page, page_lines);
    order_page(page_lines);
    int number = 0;
    for (Line& l : page_lines) {
      l.number = ++number;
      lines.push_back(std::move(l));
    }
  }
  return lines;
}

// A page number alone: "12", "- 12 -", "Page 12", "12 of 30", "xii".
bool page_number(std::string_view t) {
  std::string s = utf8::ascii_lower(t);
  std::erase_if(s, [](char c) { return c == ' ' || c == '-' || c == '|'; });
  if (s.rfind("page", 0) == 0) s.erase(0, 4);
  if (const std::size_t of = s.find("of"); of != std::string::npos && of > 0) s.erase(of);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
         (s.size() <= 6 && s.find_first_not_of("ivxlc") == std::string::npos);
}

// A running head or foot: the line less its digits, the same on two pages or more.
std::string furniture_key(std::string_view t) {
  std::string s = utf8::ascii_lower(t);
  std::erase_if(s, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == ' '; });
  return s;
}

// Drops page numbers and running heads and feet: lines in a page's top or bottom margin (set
// off from the body by a wider gap) that are a page number, or read the same (less digits)
// there on two pages or more.
std::vector<Line> without_furniture(std::vector<Line> lines) {
  std::map<int, std::vector<std::size_t>> pages;
  for (std::size_t i = 0; i < lines.size(); ++i) pages[lines[i].page].push_back(i);
  std::vector<bool> edge(lines.size(), false);
  std::vector<bool> outer(lines.size(), false);  // in a short page's first or last row
  for (auto& [page, ids] : pages) {
    std::vector<double> rows;  // distinct row bottoms, top down
    for (std::size_t i : ids) rows.push_back(lines[i].bottom);
    std::sort(rows.begin(), rows.end());
    std::vector<double> distinct;
    for (double r : rows)
      if (distinct.empty() || r - distinct.back() > 2) distinct.push_back(r);
    // The margins' rows: above the first gap wider than the page's usual step among its top
    // three rows, below the last such gap among its bottom three. A page without such a gap
    // has none (a column's last line repeats across pages as often as a running foot does).
    std::vector<double> steps;
    for (std::size_t k = 1; k < distinct.size(); ++k)
      steps.push_back(distinct[k] - distinct[k - 1]);
    const double step = median(steps);
    const auto wide_gap = [&](std::size_t k) {  // between rows k - 1 and k
      return step > 0 && distinct[k] - distinct[k - 1] > 1.4 * step;
    };
    std::size_t top = 0, bottom = distinct.size();
    for (std::size_t k = 1; k < distinct.size() && k <= 3; ++k)
      if (wide_gap(k)) {
        top = k;
        break;
      }
    for (std::size_t k = distinct.size(); k-- > 1 && k + 3 >= distinct.size();)
      if (wide_gap(k)) {
        bottom = k;
        break;
      }
    for (std::size_t i : ids) {
      const auto row = static_cast<std::size_t>(
          std::lower_bound(distinct.begin(), distinct.end(), lines[i].bottom - 2) -
          distinct.begin());
      edge[i] = row < top || row >= bottom;
      outer[i] = (row == 0 || row + 1 == distinct.size()) && distinct.size() <= 6;
    }
  }
  std::map<std::string, int> seen;  // key -> lines with it at an edge
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!edge[i]) continue;
    const std::string key = furniture_key(lines[i].text);
    if (key.size() >= 3) ++seen[key];
  }
  // A page too short to show its margins by a gap (a list's last lines): a running head seen at
  // other pages' edges, or a page number, in its first or last row is furniture too.
  std::vector<Line> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool at_edge = edge[i] || outer[i];
    const auto it = at_edge ? seen.find(furniture_key(lines[i].text)) : seen.end();
    const bool repeated = pages.size() > 1 && it != seen.end() && it->second > (edge[i] ? 1 : 2);
    const bool drop = at_edge && (page_number(lines[i].text) || repeated);
    if (!drop) kept.push_back(std::move(lines[i]));
  }
  return kept;
}

bool overlaps(const Line& a, const Line& b) {
  return a.page == b.page && a.x0 < b.x1 && b.x0 < a.x1;
}

// Where the URL or DOI the text ends with begins (its scheme, "www." or "10."), or npos when
// the text does not end inside one. A scheme alone ("URL http:") counts.
std::size_t link_at_end(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  const std::size_t token = space == std::string_view::npos ? 0 : space + 1;
  const std::string tail = utf8::ascii_lower(text.substr(token));
  std::size_t at = tail.find("://");
  if (at == std::string::npos && tail.size() >= 5 && tail.back() == ':') at = tail.size() - 1;
  if (at != std::string::npos && (at + 1 == tail.size() || tail.compare(at, 3, "://") == 0)) {
    while (at > 0 && std::isalpha(static_cast<unsigned char>(tail[at - 1]))) --at;
    if (tail.compare(at, 4, "http") == 0 || tail.compare(at, 3, "ftp") == 0) return token + at;
  }
  at = tail.find("www.");
  if (at != std::string::npos) return token + at;
  // A DOI: "10.1016/j.x", "doi:10.1016/"; one without its slash yet only after "doi:" ("doi:
  // 10." / "7554/eLife.11351"), not a page number ("p. 10.").
  at = tail.rfind("doi:", 0) == 0 ? 4 : 0;
  if (tail.compare(at, 3, "10.") != 0) return std::string_view::npos;
  if (at > 0 || tail.find('/') != std::string::npos) return token + at;
  const std::string before = utf8::ascii_lower(text.substr(0, token));
  const bool marked =
      std::string_view(before).ends_with("doi ") || std::string_view(before).ends_with("doi: ");
  return marked ? token : std::string_view::npos;
}

// The DOI in `link` (a DOI, or a URL with one in its path), or empty.
std::string_view doi_in(std::string_view link) {
  std::size_t at = link.rfind("10.", 0) == 0 ? 0 : link.find("/10.");
  if (at == std::string_view::npos) return {};
  return link.substr(at == 0 ? 0 : at + 1);
}

// Whether a DOI `doi` at the end of a line goes on with `next`, the next line's first word: a
// DOI with no suffix yet ("10.", "10.7554") or one that ends with a separator always does; one
// that looks whole does only where the line was full and the next word reads as more of it
// (digits, or lower case after a dot or hyphen), not as the next entry's label.
bool doi_wraps(std::string_view doi, std::string_view next, bool full) {
  const auto n0 = static_cast<unsigned char>(next[0]);
  if (std::string_view(",;)]").find(doi.back()) != std::string_view::npos) return false;  // ended
  const std::size_t slash = doi.find('/');
  if (slash == std::string_view::npos) return std::isdigit(n0) || n0 == '/';
  if (slash + 1 == doi.size() || doi.back() == '-' || doi.back() == '_')
    return std::isalnum(n0) != 0;
  if (!full || is_label(next)) return false;
  if ((n0 == '-' || n0 == '_') && next.size() > 1 &&
      std::isalnum(static_cast<unsigned char>(next[1])))
    return true;  // "10.18429/JACoW" + "-HP071-WEPTY035"
  const bool digits = next.find_first_of("0123456789") != std::string_view::npos;
  const bool after_separator = doi.back() == '.' || doi.back() == '-';
  return (std::isdigit(n0) && digits) || (std::islower(n0) && (digits || after_separator));
}

// Whether the URL or DOI `link` at the end of line `l` goes on at the start of `next`: a scheme
// alone goes on with "//"; otherwise the line was full (the next line's first word would not have
// fitted in what is left of it) and that word reads as the rest of the address.
bool wraps(std::string_view link, const Line& l, double right, const Line& next) {
  const std::string_view rest = std::string_view(next.text).substr(0, next.text.find(' '));
  if (link.empty() || rest.empty()) return false;
  if (link.back() == ':' && rest.rfind("//", 0) == 0) return true;
  // "20. Smith ..." starts the next entry; "1" alone on the line ends the link.
  if (is_label(rest) && next.text.size() > rest.size()) return false;
  const bool full = right - l.x1 <= std::max(next.first_width, 2 * l.size);
  if (const std::string_view doi = doi_in(link); !doi.empty() && doi_wraps(doi, rest, full))
    return true;
  if (!full || link.rfind("10.", 0) == 0) return false;
  // Broken inside the host ("http://doi.or" / "g/10.1108/..."): the rest of the host and a path.
  const std::size_t scheme = link.find("://");
  if (scheme != std::string_view::npos && link.find('/', scheme + 3) == std::string_view::npos &&
      (std::islower(static_cast<unsigned char>(rest[0])) ||
       std::isdigit(static_cast<unsigned char>(rest[0]))) &&
      rest.find('/') != std::string_view::npos)
    return true;
  if (url_continues_on_next_line(link, rest)) return true;
  // After a URL's own separators the next part may start with a capital ("/Annual_Report.pdf"),
  // or be a name in mixed case ("/microsoft/" + "NLWeb,"), not a word ("/" + "Accessed").
  const bool separator = std::string_view("/-_=&?#~%").find(link.back()) != std::string_view::npos;
  const bool mixed_case = std::any_of(rest.begin() + 1, rest.end(), [](char c) {
    return std::isupper(static_cast<unsigned char>(c));
  });
  return separator && std::isalnum(static_cast<unsigned char>(rest[0])) &&
         (mixed_case || rest.find_first_of("./_-=?&%0123456789") != std::string_view::npos);
}

// Whether a line that ends with a word broken by a hyphen ("ac-") and the next line, which starts
// with its rest ("cessed April 17, 2022"), make a word that marks a date: the hyphen is the
// typesetter's, and the word is read whole.
bool hyphenated_marker(std::string_view line, std::string_view next) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "accessed", "retrieved", "visited",    "consulted", "available",
      "updated",  "acessado",  "disponível", "abgerufen", "zugegriffen"};
  if (line.size() < 3 || line.back() != '-') return false;
  std::size_t a = line.size() - 1;
  while (a > 0 && std::isalpha(static_cast<unsigned char>(line[a - 1]))) --a;
  std::size_t b = 0;
  while (b < next.size() && next[b] != ' ' && next[b] != ',' && next[b] != ':') ++b;
  if (a + 1 >= line.size() || b == 0) return false;
  const std::string word = utf8::ascii_lower(std::string(line.substr(a, line.size() - 1 - a)) +
                                             std::string(next.substr(0, b)));
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// The reference section of the lines (found: whether a heading, or a numbered list of its own,
// marked it), less what follows it.
std::vector<Line> section_lines(std::vector<Line> lines, bool& found, std::vector<Line>& body) {
  auto text_of = [](const Line& l) -> std::string_view { return l.text; };
  headings::Section section = headings::reference_section(lines, text_of);
  // No heading: a numbered list of its own (REVTeX sets none).
  if (!section.found) section = headings::numbered_list(lines, text_of);
  found = section.found;
  // "doi:10.1186/1752-2897-4-1" alone before "Cite this article as": the article's own DOI.
  std::size_t end = section.end;
  if (end < lines.size() && end > section.begin &&
      utf8::ascii_lower(lines[end].text).rfind("cite this article", 0) == 0 &&
      lines[end - 1].text.find(' ') == std::string::npos &&
      utf8::ascii_lower(lines[end - 1].text).rfind("doi:", 0) == 0)
    --end;
  // The list ends where entries stop: at a page after its first whose lines in it (three or
  // more) none start like an entry (the figures and their captions after a manuscript's list).
  for (std::size_t i = section.begin; i < end;) {
    std::size_t j = i, entries = 0;
    while (j < end && lines[j].page == lines[i].page)
      entries += headings::starts_like_entry(lines[j++].text);
    if (lines[i].page != lines[section.begin].page && j - i >= 3 && entries == 0) {
      end = i;
      break;
    }
    i = j;
  }
  lines.erase(lines.begin() + static_cast<long>(end), lines.end());
  body.assign(std::make_move_iterator(lines.begin()),
              std::make_move_iterator(lines.begin() + static_cast<long>(section.begin)));
  lines.erase(lines.begin(), lines.begin() + static_cast<long>(section.begin));
  return lines;
}

// How the list uses indents: whether it does, and whether it sets in each entry's first line
// (Frontiers) rather than its later ones (a hanging indent): the set-in lines start like
// entries, the others mostly do not.
struct Indents {
  bool used = false;        // some lines are set in: the indents tell entries apart
  bool first_line = false;  // and the set-in lines are the entries' first
};
template <class Indented>
Indents indents_of(const std::vector<Line>& lines, Indented indented) {
  std::size_t in = 0, in_entries = 0, flush = 0, flush_entries = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool entry = headings::starts_like_entry(lines[i].text);
    (indented(i) ? in : flush) += 1;
    (indented(i) ? in_entries : flush_entries) += entry;
  }
  // A few lines set in (a centred line, a column read against the page before) are no indents.
  const bool used = in >= 3 && in * 5 >= lines.size();
  return {used, used && in_entries * 10 >= in * 7 && flush_entries * 2 < flush};
}

// The column each line is in: its left and right edges, from the lines beside it (and, for the
// few lines of a list's last page, from the page before).
void column_edges(const std::vector<Line>& lines, std::vector<double>& left,
                  std::vector<double>& right) {
  left.assign(lines.size(), 0);
  right.assign(lines.size(), 0);
  std::size_t page_begin = 0, last_page_begin = 0;  // lines come page by page
  std::vector<double> starts;                       // of the lines beside line i (it among them)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].page != lines[page_begin].page) {
      last_page_begin = page_begin;
      page_begin = i;
    }
    right[i] = lines[i].x1;
    starts.assign(1, lines[i].x0);
    auto widen = [&](std::size_t from, int page) {
      for (std::size_t j = from; j < lines.size() && lines[j].page == page; ++j) {
        if (j == i || lines[i].x0 >= lines[j].x1 || lines[j].x0 >= lines[i].x1) continue;
        right[i] = std::max(right[i], lines[j].x1);
        starts.push_back(lines[j].x0);
      }
    };
    widen(page_begin, lines[i].page);
    // Where the page's few lines all start level, its indents cannot be seen (the page before
    // shows them); where they do not, they can (and the page's margins may differ from the
    // page before's, as left and right pages do).
    const auto [low, high] = std::minmax_element(starts.begin(), starts.end());
    if (starts.size() < 4 && *high - *low <= 0.8 * lines[i].size && last_page_begin < page_begin)
      widen(last_page_begin, lines[last_page_begin].page);
    // The left edge: the leftmost start that two lines or more share (one line that reaches far
    // further left, a row run into the next column's, is no edge), or the line's own.
    // A start of one line's own a hanging indent or so further left counts (an entry's first
    // line, alone in its column); on a page of a few lines, where none is shared, the leftmost.
    left[i] = lines[i].x0;
    std::sort(starts.begin(), starts.end());
    for (std::size_t k = 0; k < starts.size(); ++k)  // the first start that another is near
      if ((k > 0 && starts[k] - starts[k - 1] <= 1) ||
          (k + 1 < starts.size() && starts[k + 1] - starts[k] <= 1)) {
        left[i] = std::min(left[i], starts[k]);
        break;
      }
    const double edge = left[i];
    for (double a : starts)
      if (a < left[i] && edge - a <= 3 * lines[i].size) left[i] = a;
  }
}

// The step from line to line inside an entry (the lower quartile: in a list of one- and
// two-line entries, half the steps may be gaps between entries): a wider gap is an entry's end.
double line_step(const std::vector<Line>& lines) {
  std::vector<double> steps;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (overlaps(lines[i - 1], lines[i]) && lines[i].top > lines[i - 1].top)
      steps.push_back(lines[i].top - lines[i - 1].top);
  if (steps.empty()) return 0;
  std::nth_element(steps.begin(), steps.begin() + static_cast<long>(steps.size() / 4), steps.end());
  return steps[steps.size() / 4];
}

// Whether a list with neither indents nor gaps (eLife's) tells its entries apart by how lines
// start: enough lines start like entries (authors, a label) for that to be how it reads, and it
// is not numbered (the text reader splits a numbered list by its labels).
bool reads_by_content(const std::vector<Line>& lines) {
  std::size_t entry_like = 0, labelled = 0;
  for (const Line& l : lines) {
    entry_like += headings::starts_like_entry(l.text);
    labelled += is_label(std::string_view(l.text).substr(0, l.text.find(' ')));
  }
  return entry_like * 5 >= lines.size() && labelled * 4 < entry_like;
}

// In such a list, whether line i starts an entry: it starts like one, after a line that ends one
// (a full stop, a number, a closing bracket).
bool starts_entry_by_content(const std::vector<Line>& lines, std::size_t i) {
  const std::string& before = lines[i - 1].text;
  const char end = before.empty() ? '.' : before.back();
  return headings::starts_like_entry(lines[i].text) &&
         (end == '.' || std::isdigit(static_cast<unsigned char>(end)) || end == ')');
}

// The links over the section's words, as spans of its text: a link covers the words (most of
// each) inside its area; one whose area covers words on several lines (a URL wrapped) spans
// from the first to the last.
std::vector<Text::Link> links_in_text(const std::vector<Line>& lines,
                                      const std::vector<std::size_t>& at,
                                      const std::vector<Link>& links) {
  std::vector<Text::Link> out;
  for (const Link& link : links) {
    std::size_t begin = std::string::npos, end = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const Line& l = lines[i];
      const double middle = (l.top + l.bottom) / 2;
      if (l.page != link.page || middle < link.y0 || middle > link.y1) continue;
      for (const Line::Piece& p : l.pieces) {
        const double in = std::min(p.x1, link.x1) - std::max(p.x0, link.x0);
        if (in < 0.5 * (p.x1 - p.x0)) continue;
        begin = std::min(begin, at[i] + p.begin);
        end = std::max(end, at[i] + p.end);
      }
    }
    if (begin < end) out.push_back({begin, end, link.target});
  }
  return out;
}

}  // namespace

// A word the body hyphenated at a line's end ("Knud-" / "sen, 1982"): joined on the first line,
// so that names and words read whole (a citation's author). Its hyphen goes; the next line
// starts after it.
void join_hyphenated(std::vector<Line>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    std::string& t = lines[i].text;
    std::string& next = lines[i + 1].text;
    if (t.size() < 2 || t.back() != '-' || !std::isalpha(static_cast<unsigned char>(t[t.size() - 2])))
      continue;
    if (next.empty() || !std::islower(static_cast<unsigned char>(next[0]))) continue;
    const std::size_t space = std::min(next.find(' '), next.size());
    t.pop_back();
    t += next.substr(0, space);
    next.erase(0, std::min(next.size(), space + 1));
  }
}

Text reference_text(std::vector<Word> words, const std::vector<Link>& links) {
  Text out;
  std::vector<Line> body;
  std::vector<Line> lines =
      section_lines(without_furniture(lines_of(words)), out.found_heading, body);
  join_hyphenated(body);
  for (const Line& l : body) {
    out.body_starts.push_back(static_cast<std::uint32_t>(out.body.size()));
    out.body_places.push_back({l.page, l.number});
    out.body += l.text;
    out.body += '\n';
  }
  if (lines.empty()) return out;

  std::vector<double> left, right;
  column_edges(lines, left, right);
  const double step = line_step(lines);
  // A wider step is a paragraph's end only where the list spaces its entries so: at several
  // places, not one gap before a figure or a page's last line.
  auto gap_after = [&](std::size_t i) {
    return step > 0 && overlaps(lines[i - 1], lines[i]) &&
           lines[i].top - lines[i - 1].top > 1.3 * step;
  };
  std::size_t gaps = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) gaps += gap_after(i);
  const bool spaced = gaps >= 2 && gaps * 8 >= lines.size();

  auto indented = [&](std::size_t i) { return lines[i].x0 - left[i] > 0.8 * lines[i].size; };
  const Indents indents = indents_of(lines, indented);
  // Where an entry starts: after a wider gap in a list spaced so, and, where a column or page
  // breaks and no gap can be seen, at a line its indent says is an entry's first.
  // Without indents, a line that starts like an entry after one that ends a sentence.
  auto starts_entry = [&](std::size_t i) {
    if (!spaced) return false;
    if (gap_after(i)) return true;
    if (overlaps(lines[i - 1], lines[i])) return false;
    if (indents.used) return indented(i) == indents.first_line;
    return !lines[i - 1].text.empty() && lines[i - 1].text.back() == '.' &&
           headings::starts_like_entry(lines[i].text);
  };
  const bool by_content = !indents.used && !spaced && reads_by_content(lines);
  std::vector<std::size_t> at(lines.size());  // where each line's text is in out.text
  // A line of the text starts here, at line l's place on its page.
  auto mark = [&](const Line& l) {
    out.line_starts.push_back(static_cast<std::uint32_t>(out.text.size()));
    out.places.push_back({l.page, l.number});
  };
  std::size_t line_begin = 0;  // of the text's current line, for the URL it ends with
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (i > 0) {
      const std::string_view current = std::string_view(out.text).substr(line_begin);
      const std::size_t link = link_at_end(current);
      const bool wrapped = link != std::string_view::npos &&
                           wraps(current.substr(link), lines[i - 1], right[i - 1], l);
      if (wrapped) {
        ++out.wraps;
      } else if (hyphenated_marker(current, l.text)) {  // "Last ac-" / "cessed April 17, 2022"
        out.text.pop_back();
      } else {
        out.text += '\n';
        if (starts_entry(i)) {
          mark(l);
          out.text += '\n';
        }
        line_begin = out.text.size();
        if (by_content ? !starts_entry_by_content(lines, i) : indented(i) != indents.first_line)
          out.text += "    ";  // a line that goes on an entry
      }
    }
    mark(l);
    at[i] = out.text.size();
    out.text += l.text;
  }
  out.links = links_in_text(lines, at, links);
  return out;
}

}  // namespace citelint::pdf
