#include "read/pdf_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
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
};

// The segments of a row of words: split where the gap is a column's gutter, not a space.
void add_row(std::vector<const Word*>& row, int page, std::vector<Line>& out) {
  std::sort(row.begin(), row.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  Line* seg = nullptr;
  bool space = false;
  for (const Word* w : row) {
    const double size = w->size > 0 ? w->size : std::max(1.0, w->y1 - w->y0);
    if (!seg || w->x0 - seg->x1 > 1.5 * size) {
      Line l;
      l.page = page;
      l.x0 = w->x0;
      l.x1 = w->x1;
      l.top = w->y0;
      l.bottom = w->y1;
      l.size = size;
      l.first_width = w->x1 - w->x0;
      l.text = w->text;
      out.push_back(std::move(l));
      seg = &out.back();
    } else {
      if (space || w->x0 - seg->x1 > 0.2 * size) seg->text += ' ';
      seg->text += w->text;
      seg->x1 = std::max(seg->x1, w->x1);
      seg->top = std::min(seg->top, w->y0);
      seg->bottom = std::max(seg->bottom, w->y1);
      seg->size = std::max(seg->size, size);
    }
    space = w->space_after;
  }
  row.clear();
}

// A page's lines in reading order: rows of words, split at gutters; where the page has columns
// (x ranges that no narrow line crosses), a run of rows in columns reads column by column,
// while lines as wide as the page (titles, running heads) stay where they stand.
void order_page(std::vector<Line>& lines) {
  if (lines.empty()) return;
  double left = lines[0].x0, right = lines[0].x1;
  for (const Line& l : lines) {
    left = std::min(left, l.x0);
    right = std::max(right, l.x1);
  }
  const double width = right - left;
  auto wide = [&](const Line& l) { return l.x1 - l.x0 > 0.55 * width; };
  // Columns: the x ranges that narrow lines cover, in 1-point steps.
  const auto cells = static_cast<std::size_t>(std::min(std::max(width, 1.0), 20000.0)) + 1;
  std::vector<bool> covered(cells, false);
  for (const Line& l : lines) {
    if (wide(l)) continue;
    const auto a = static_cast<std::size_t>(std::clamp(l.x0 - left, 0.0, double(cells - 1)));
    const auto b = static_cast<std::size_t>(std::clamp(l.x1 - left, 0.0, double(cells - 1)));
    for (std::size_t x = a; x <= b; ++x) covered[x] = true;
  }
  // Columns: covered ranges a tenth of the width or more (not a page number in the gutter).
  std::vector<std::pair<double, double>> columns;
  for (std::size_t x = 0; x < cells;) {
    if (!covered[x]) {
      ++x;
      continue;
    }
    std::size_t y = x;
    while (y < cells && covered[y]) ++y;
    if (double(y - x) >= 0.1 * width) columns.emplace_back(left + double(x), left + double(y));
    x = y;
  }
  auto column = [&](const Line& l) {
    if (wide(l) || columns.size() < 2) return -1;
    for (std::size_t c = 0; c < columns.size(); ++c)
      if (l.x0 + 0.5 >= columns[c].first && l.x0 < columns[c].second) return static_cast<int>(c);
    return -1;  // beside the columns: a page number, a margin note
  };
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
    while (j < lines.size() && column(lines[j]) >= 0) ++j;
    std::stable_sort(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(j),
                     [&](const Line& a, const Line& b) { return column(a) < column(b); });
    for (; i < j; ++i) ordered.push_back(std::move(lines[i]));
  }
  lines = std::move(ordered);
}

// Words to lines in reading order, page by page, each numbered on its page.
std::vector<Line> lines_of(const std::vector<Word>& words) {
  std::vector<Line> lines, page_lines;
  std::vector<const Word*> row;
  double row_top = 0, row_bottom = 0;
  int page = 0;
  auto end_page = [&] {
    if (!row.empty()) add_row(row, page, page_lines);
    order_page(page_lines);
    int number = 0;
    for (Line& l : page_lines) {
      l.number = ++number;
      std::replace(l.text.begin(), l.text.end(), '\n', ' ');  // poppler's own line breaks
      std::replace(l.text.begin(), l.text.end(), '\r', ' ');
      lines.push_back(std::move(l));
    }
    page_lines.clear();
  };
  // Poppler gives a page's words row by row (across columns) or block by block: a word whose
  // middle is outside the row so far starts a new row.
  for (const Word& w : words) {
    if (w.text.empty() || !std::isfinite(w.x0 + w.x1 + w.y0 + w.y1 + w.size)) continue;
    if (w.page != page) {
      end_page();
      page = w.page;
    }
    const double middle = (w.y0 + w.y1) / 2;
    if (!row.empty() && (middle < row_top || middle > row_bottom)) add_row(row, page, page_lines);
    if (row.empty()) {
      row_top = w.y0;
      row_bottom = w.y1;
    }
    row.push_back(&w);
  }
  end_page();
  return lines;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
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
    }
  }
  std::map<std::string, int> seen;  // key -> lines with it at an edge
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!edge[i]) continue;
    const std::string key = furniture_key(lines[i].text);
    if (key.size() >= 3) ++seen[key];
  }
  std::vector<Line> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto it = edge[i] ? seen.find(furniture_key(lines[i].text)) : seen.end();
    const bool drop = edge[i] && (page_number(lines[i].text) ||
                                  (pages.size() > 1 && it != seen.end() && it->second > 1));
    if (!drop) kept.push_back(std::move(lines[i]));
  }
  return kept;
}

bool overlaps(const Line& a, const Line& b) {
  return a.page == b.page && a.x0 < b.x1 && b.x0 < a.x1;
}

// Where the URL the text ends with begins (its scheme or "www."), or npos when the text does not
// end inside a URL.
std::size_t url_at_end(std::string_view text) {
  const std::size_t space = text.rfind(' ');
  const std::size_t token = space == std::string_view::npos ? 0 : space + 1;
  const std::string tail = utf8::ascii_lower(text.substr(token));
  std::size_t at = tail.find("://");
  if (at != std::string::npos) {
    while (at > 0 && std::isalpha(static_cast<unsigned char>(tail[at - 1]))) --at;
    return token + at;
  }
  at = tail.find("www.");
  return at == std::string::npos ? std::string_view::npos : token + at;
}

// Whether the URL `url` at the end of line `l` goes on at the start of `next`: the line was full
// (the next line's first word would not have fitted in what is left of it) and that word reads
// as the rest of a URL.
bool wraps(std::string_view url, const Line& l, double right, const Line& next) {
  if (url.empty() || right - l.x1 > std::max(next.first_width, 2 * l.size)) return false;
  const std::string_view rest = std::string_view(next.text).substr(0, next.text.find(' '));
  if (rest.empty()) return false;
  if (url_continues_on_next_line(url, rest)) return true;
  // After a URL's own separators the next part may start with a capital ("/Annual_Report.pdf").
  const bool separator = std::string_view("/-_=&?#~%").find(url.back()) != std::string_view::npos;
  return separator && std::isalnum(static_cast<unsigned char>(rest[0])) &&
         rest.find_first_of("./_-=?&%0123456789") != std::string_view::npos;
}

}  // namespace

Text reference_text(const std::vector<Word>& words) {
  std::vector<Line> lines = without_furniture(lines_of(words));
  Text out;
  const headings::Section section =
      headings::reference_section(lines, [](const Line& l) -> std::string_view { return l.text; });
  out.found_heading = section.found;
  lines.erase(lines.begin() + static_cast<long>(section.end), lines.end());
  lines.erase(lines.begin(), lines.begin() + static_cast<long>(section.begin));
  if (lines.empty()) return out;

  // The column each line is in: its left and right edges, from the lines beside it.
  std::vector<double> left(lines.size()), right(lines.size());
  std::size_t page_begin = 0;  // lines come page by page
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].page != lines[page_begin].page) page_begin = i;
    left[i] = lines[i].x0;
    right[i] = lines[i].x1;
    for (std::size_t j = page_begin; j < lines.size() && lines[j].page == lines[i].page; ++j) {
      if (!overlaps(lines[i], lines[j])) continue;
      left[i] = std::min(left[i], lines[j].x0);
      right[i] = std::max(right[i], lines[j].x1);
    }
  }
  // The usual step from line to line: a wider gap is a paragraph's end.
  std::vector<double> steps;
  for (std::size_t i = 1; i < lines.size(); ++i)
    if (overlaps(lines[i - 1], lines[i]) && lines[i].top > lines[i - 1].top)
      steps.push_back(lines[i].top - lines[i - 1].top);
  const double step = median(steps);
  // A wider step is a paragraph's end only where the list spaces its entries so: at several
  // places, not one gap before a figure or a page's last line.
  auto gap_after = [&](std::size_t i) {
    return step > 0 && overlaps(lines[i - 1], lines[i]) &&
           lines[i].top - lines[i - 1].top > 1.6 * step;
  };
  std::size_t gaps = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) gaps += gap_after(i);
  const bool spaced = gaps >= 2 && gaps * 8 >= lines.size();

  auto place = [](const Line& l) { return Document::Place{l.page, l.number}; };
  std::size_t line_begin = 0;  // of the text's current line, for the URL it ends with
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (i > 0) {
      const Line& prev = lines[i - 1];
      const std::string_view current = std::string_view(out.text).substr(line_begin);
      const std::size_t url = url_at_end(current);
      if (url != std::string_view::npos && wraps(current.substr(url), prev, right[i - 1], l)) {
        out.line_starts.push_back(static_cast<std::uint32_t>(out.text.size()));
        out.places.push_back(place(l));
        out.text += l.text;
        ++out.wraps;
        continue;
      }
      out.text += '\n';
      if (spaced && gap_after(i)) {
        out.line_starts.push_back(static_cast<std::uint32_t>(out.text.size()));
        out.places.push_back(place(l));
        out.text += '\n';
      }
      line_begin = out.text.size();
      if (l.x0 - left[i] > 0.8 * l.size) out.text += "    ";  // a hanging indent
    }
    out.line_starts.push_back(static_cast<std::uint32_t>(out.text.size()));
    out.places.push_back(place(l));
    out.text += l.text;
  }
  return out;
}

}  // namespace citelint::pdf
