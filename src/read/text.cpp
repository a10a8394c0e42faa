// Plain-text reference lists, as PDF extraction and copy-paste leave them.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "citelint/read.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

// glued: the number run into the entry's first word ("1Hey T", "2科学数据"), as OCR leaves it.
enum class LabelStyle { bracket, dot, paren, space, glued };

struct LabelCandidate {
  int line = 0;
  std::size_t begin = 0;  // first byte of the label
  std::size_t end = 0;    // one past the label's last byte
  long number = 0;
  LabelStyle style = LabelStyle::space;
};

constexpr std::size_t npos_ = std::string_view::npos;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Skips spaces, tabs and the ideographic space.
std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (is_blank(s[i])) {
      ++i;
    } else if (s.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

bool blank_line(std::string_view line) { return skip_spaces(line, 0) == line.size(); }

// A label at the start of a line: `[12]`, `12.`, `12)`, `12 ` followed by the entry's text.
std::optional<LabelCandidate> label_at_line_start(std::string_view line, std::size_t line_begin,
                                                  int line_no) {
  std::size_t i = skip_spaces(line, 0);
  // "# 39 Smith ...": a PDF converter made a Markdown heading of an entry.
  if (line.compare(i, 2, "# ") == 0) i = skip_spaces(line, i + 2);
  const std::size_t start = i;
  LabelCandidate c;
  c.line = line_no;
  bool bracket = false;
  if (i < line.size() && line[i] == '[') {
    bracket = true;
    ++i;
  }
  const std::size_t digits = i;
  // Up to seven digits: lists of a million entries exist (whole back catalogues).
  while (i < line.size() && is_digit(line[i]) && i - digits < 8) ++i;
  if (i == digits || i - digits > 7) return std::nullopt;
  c.number = std::stol(std::string(line.substr(digits, i - digits)));
  if (bracket) {
    if (i >= line.size() || line[i] != ']') return std::nullopt;
    ++i;
    c.style = LabelStyle::bracket;
  } else if (i < line.size() && line[i] == '.') {
    ++i;
    if (i < line.size() && !is_blank(line[i])) return std::nullopt;  // "2019.3", "1.5"
    c.style = LabelStyle::dot;
  } else if (i < line.size() && line[i] == ')') {
    ++i;
    c.style = LabelStyle::paren;
  } else if (i < line.size() && is_blank(line[i])) {
    c.style = LabelStyle::space;
  } else if (std::size_t k = i; i < line.size() && i - digits <= 3) {
    // Run into a capital letter or a CJK character (not a unit: "2019年", "3月").
    const char32_t first = utf8::next(line, k);
    if (!((first >= U'A' && first <= U'Z') ||
          (utf8::is_cjk(first) && first != U'年' && first != U'月' && first != U'日')))
      return std::nullopt;
    c.style = LabelStyle::glued;
  } else {
    return std::nullopt;
  }
  const std::size_t content = skip_spaces(line, i);
  if (content >= line.size()) return std::nullopt;  // a label with nothing after it
  if (c.style == LabelStyle::space && content == i) return std::nullopt;
  if (c.style == LabelStyle::glued && content != i) return std::nullopt;
  c.begin = line_begin + start;
  c.end = line_begin + i;
  return c;
}

// Whether the numbering that `last` is in goes on, in its own style, at one of the candidates
// soon after `k`: then candidate k, of another style and out of turn, is no label but a line
// that starts with a number ("13. ... (accessed on" / "16 October 2013)." / "14. ...").
bool continued_later(const std::vector<LabelCandidate>& candidates, std::size_t k,
                     const LabelCandidate& last) {
  for (std::size_t j = k + 1; j < candidates.size() && j <= k + 3; ++j)
    if (candidates[j].style == last.style && candidates[j].number == last.number + 1) return true;
  return false;
}

// The labels of a numbering that starts at candidates[first]: each goes on from the one before
// (1, 2, 3, with small gaps allowed), so a paragraph that starts with "2019." continues the
// previous entry.
std::vector<LabelCandidate> numbering_from(const std::vector<LabelCandidate>& candidates,
                                           std::size_t first) {
  std::vector<LabelCandidate> accepted;
  for (std::size_t k = first; k < candidates.size(); ++k) {
    const LabelCandidate& c = candidates[k];
    if (accepted.empty()) {
      if (c.style != LabelStyle::glued || c.number == 1) accepted.push_back(c);
      continue;
    }
    const LabelCandidate& last = accepted.back();
    const bool same_style = c.style == last.style;
    if (c.number == last.number + 1) {
      accepted.push_back(c);
    } else if (c.number > last.number && c.number <= last.number + 3 && c.style != last.style &&
               !continued_later(candidates, k, last)) {
      accepted.push_back(c);  // OCR wrote labels several ways ("38Gold", "40 Cox")
    } else if (c.style == LabelStyle::glued && c.number > last.number &&
               c.number <= last.number + 20) {
      accepted.push_back(c);  // "35Tenopir" after entries the converter lost
    } else if (c.style == LabelStyle::glued) {
      continue;  // "2014Smith" is no label 2014
    } else if (same_style && c.number > last.number &&
               (c.number <= last.number + 20 || c.style == LabelStyle::bracket)) {
      // A gap in the numbering (a rule reports it); any gap after "[n]", whose entries
      // between may be run together on a few lines ("... [7] ... [8] ...").
      accepted.push_back(c);
    } else if (same_style && c.style == LabelStyle::bracket && c.number <= last.number) {
      accepted.push_back(c);  // "[3]" twice: repeated numbering, still two entries
    }
  }
  return accepted;
}

// Chooses which line-start numbers are entry labels: the longest numbering that starts at one
// of the first candidates (a line "2000 Year Book of Statistics." before "1. ..." does not
// start it). A numbering is a sequence, not one number: one label alone is none unless it is
// 1, and one that does not start at 1, 2 or 3 goes up by one at most steps ("1984. London",
// "1990. Paris" are years). None: the list is unnumbered.
std::vector<LabelCandidate> accept_labels(const std::vector<LabelCandidate>& candidates) {
  std::vector<LabelCandidate> best;
  for (std::size_t first = 0; first < std::min<std::size_t>(candidates.size(), 8); ++first) {
    std::vector<LabelCandidate> labels = numbering_from(candidates, first);
    if (labels.size() > best.size()) best = std::move(labels);
    if (best.size() * 2 > candidates.size()) break;  // most of them: no other can be longer
  }
  if (best.size() == 1 && best[0].number != 1) return {};
  std::size_t steps = 0;
  for (std::size_t k = 1; k < best.size(); ++k) steps += best[k].number == best[k - 1].number + 1;
  if (best.size() >= 2 && best[0].number > 3 && steps * 2 < best.size() - 1) return {};
  return best;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char c = text[end - 1];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      --end;
    } else if (end - begin >= 3 && text.compare(end - 3, 3, "\xE3\x80\x80") == 0) {
      end -= 3;
    } else {
      break;
    }
  }
  return end;
}

bool is_abbreviation_before(std::string_view text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (dot - b == 0 || dot - b > 4) return false;
  std::string word(text.substr(b, dot - b));
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char ch) { return std::tolower(ch); });
  static const std::array<std::string_view, 17> kAbbrev = {"vol",  "no",  "nr",  "pp",  "p",  "ch",
                                                           "chap", "sec", "fig", "art", "ed", "eds",
                                                           "bd",   "s",   "n",   "v",   "iss"};
  return std::find(kAbbrev.begin(), kAbbrev.end(), word) != kAbbrev.end();
}

// The preceding whitespace-delimited token is a URL: "http://x.org/a.3 Foo" is not glued.
bool inside_url_token(std::string_view text, std::size_t pos, std::size_t floor) {
  std::size_t b = pos;
  while (b > floor && !is_blank(text[b - 1]) && text[b - 1] != '\n') --b;
  const std::string_view token = text.substr(b, pos - b);
  return token.find("://") != std::string_view::npos || token.rfind("www.", 0) == 0;
}

// Whether the digits before `label` (text[label - 1] is a digit) end a page range whose end
// they complete: "74-78" before "18" in "74-7818", "102-108" before "20" in "102-10820" (OCR
// lost the space between an entry's last page and the next one's number). The range's end is
// no smaller than its start.
bool ends_page_range(std::string_view text, std::size_t from, std::size_t label) {
  std::size_t b = label;
  while (b > from && is_digit(text[b - 1])) --b;
  if (b == label || b <= from + 1 || text[b - 1] != '-' || !is_digit(text[b - 2])) return false;
  std::size_t a = b - 1;
  while (a > from && is_digit(text[a - 1])) --a;
  const std::string_view first = text.substr(a, b - 1 - a), last = text.substr(b, label - b);
  if (first.size() > 6 || last.size() > 6) return false;
  return std::stol(std::string(last)) >= std::stol(std::string(first));
}

// Finds label `number` glued to the end of the previous entry's text in [from, to):
// "... (in Chinese)3 World Bank. ..." or "...[3] World Bank". Returns the label's span.
std::optional<std::pair<std::size_t, std::size_t>> find_glued_label(std::string_view text,
                                                                    std::size_t from,
                                                                    std::size_t to, long number) {
  const std::string digits = std::to_string(number);
  for (std::size_t p = text.find(digits, from); p != std::string_view::npos && p < to;
       p = text.find(digits, p + 1)) {
    const std::size_t after = p + digits.size();
    if (after >= to || is_digit(text[after])) continue;
    if (p > from && is_digit(text[p - 1]) && !ends_page_range(text, from, p)) continue;
    std::size_t label_begin = p, label_end = after;
    if (p > from && is_digit(text[p - 1])) {
      // "...:74-7818 Smith": after a page range, checked by ends_page_range.
    } else if (p > from && text[p - 1] == '[' && text[after] == ']') {
      label_begin = p - 1;
      label_end = after + 1;
    } else {
      // The character before must end a sentence or a bracket: ")3 World", ".3 World".
      std::size_t q = p;
      const char32_t before = q > from ? utf8::prev(text, q) : U' ';
      const bool closes = before == U')' || before == U']' || before == U'.' || before == 0xFF09 ||
                          before == 0x3011 || before == 0x3002;
      if (!closes) continue;
      if (before == U'.' && is_abbreviation_before(text, p - 1)) continue;
      if (label_end < to && (text[label_end] == '.' || text[label_end] == ')')) ++label_end;
    }
    if (inside_url_token(text, label_begin, from)) continue;
    // Then whitespace and the start of an entry: a capital letter or a CJK character (after a
    // page range, maybe with no space: "53-5921张瑶").
    std::size_t q = label_end;
    const bool after_range = p > from && is_digit(text[p - 1]);
    if (q >= to || (!is_blank(text[q]) && !after_range)) continue;
    q = skip_spaces(text, q);
    if (q >= to) continue;
    std::size_t r = q;
    const char32_t first = utf8::next(text, r);
    if (!((first >= U'A' && first <= U'Z') || utf8::is_cjk(first) || first == U'[' ||
          first == U'"' || first == 0x201C))
      continue;
    return std::make_pair(label_begin, label_end);
  }
  return std::nullopt;
}

// A line that is no part of any entry, and ends the one above: a rule or a heading's underline
// ("----", "====="), a reST label or directive (".. _references:"), a note of when the paper
// came in ("(收稿日期：2015-05-20)", "(Received 3 May 2015)").
bool not_entry_line(std::string_view line) {
  const std::size_t b = skip_spaces(line, 0);
  // Most lines start with a label, a letter or a CJK character: no rule, label or note.
  if (b >= line.size() || std::string_view("=-*_~#+.([\xEF\xE3").find(line[b]) == npos_)
    return false;
  std::size_t e = line.size();
  while (e > b && is_blank(line[e - 1])) --e;
  const std::string_view t = line.substr(b, e - b);
  if (t.size() >= 3 && t.find_first_not_of("=-*_~#+") == std::string_view::npos) return true;
  if (t.rfind(".. ", 0) == 0) return true;
  std::size_t i = 0;
  const char32_t open = t.empty() ? 0 : utf8::next(t, i);
  if (open != U'(' && open != 0xFF08 && open != U'[' && open != 0x3010) return false;
  const std::string_view inside = t.substr(i, 24);
  for (std::string_view note : {"收稿日期", "收稿", "修回日期", "Received", "Manuscript received"})
    if (inside.rfind(note, 0) == 0) return true;
  return false;
}

bool is_heading(std::string_view paragraph) {
  std::string t;
  for (char c : paragraph) {
    if (c == ':' || is_blank(c) || c == '\n') continue;
    t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static const std::array<std::string_view, 9> kHeadings = {
      "references",  "bibliography", "workscited", "literaturecited", "sources",
      "referências", "referencias",  "literatur",  "参考文献"};
  return std::find(kHeadings.begin(), kHeadings.end(), t) != kHeadings.end();
}

Reference make_reference(const Document& doc, std::string id, std::size_t begin, std::size_t end) {
  Reference r;
  r.id = std::move(id);
  r.input = doc.id();
  r.span = doc.span(begin, trim_end(doc.text(), begin, end));
  return r;
}

// No numbered labels: one entry per paragraph, or per line where the list has no blank lines
// (lines that start with whitespace continue the entry above: hanging indents).
std::vector<Reference> read_unnumbered(const Document& doc, int first, int lines) {
  const std::string_view text(doc.text());
  const std::size_t range_end =
      lines < static_cast<int>(doc.line_count()) ? doc.line_begin(lines + 1) : text.size();
  // Paragraph mode when a blank line stands between two lines of text (not merely at the end).
  bool has_blank_between = false;
  bool seen_text = false, blank_after_text = false;
  for (int l = first; l <= lines && !has_blank_between; ++l) {
    const bool blank = blank_line(doc.line_text(l));
    if (blank) {
      blank_after_text = seen_text;
    } else {
      has_blank_between = blank_after_text;
      seen_text = true;
    }
  }
  std::vector<std::pair<std::size_t, std::size_t>> blocks;
  std::size_t start = std::string::npos;
  for (int l = first; l <= lines; ++l) {
    const std::string_view line = doc.line_text(l);
    const std::size_t lb = doc.line_begin(l);
    if (not_entry_line(line)) {
      if (start != std::string::npos) blocks.emplace_back(start, lb);
      start = std::string::npos;
      continue;
    }
    const bool blank = blank_line(line);
    // A line that a PDF's layout wrapped (doc.wrapped_before) goes on with the one above.
    const bool continuation = !blank && !line.empty() &&
                              (is_blank(line[0]) || line.rfind("\xE3\x80\x80", 0) == 0 ||
                               doc.wrapped_before(l) || doc.indented(l));
    const bool starts_block =
        !blank && (start == std::string::npos || (!has_blank_between && !continuation));
    if ((blank || starts_block) && start != std::string::npos &&
        (blank ? has_blank_between : true)) {
      blocks.emplace_back(start, lb);
      start = std::string::npos;
    }
    if (!blank && start == std::string::npos) start = lb + skip_spaces(line, 0);
  }
  if (start != std::string::npos) blocks.emplace_back(start, range_end);

  std::vector<Reference> refs;
  for (auto [b, e] : blocks) {
    const std::size_t te = trim_end(text, b, e);
    if (te <= b || is_heading(text.substr(b, te - b))) continue;
    Reference r = make_reference(doc, std::to_string(refs.size() + 1), b, e);
    r.label.span = doc.span(b, b);
    refs.push_back(std::move(r));
  }
  return refs;
}

}  // namespace

std::vector<Reference> read_text(const Document& doc, int first_line, int last_line) {
  const std::string_view text(doc.text());
  const int lines = last_line > 0 ? std::min(last_line, static_cast<int>(doc.line_count()))
                                  : static_cast<int>(doc.line_count());
  const std::size_t range_end =
      lines < static_cast<int>(doc.line_count()) ? doc.line_begin(lines + 1) : text.size();
  std::vector<LabelCandidate> candidates;
  std::vector<int> stops;  // lines that end the entry above them (not_entry_line)
  for (int l = std::max(first_line, 1); l <= lines; ++l) {
    if (not_entry_line(doc.line_text(l))) {
      stops.push_back(l);
      continue;
    }
    // The rest of a URL from the line above, or a laid-out entry's hanging indent.
    if (doc.wrapped_before(l) || doc.indented(l)) continue;
    if (auto c = label_at_line_start(doc.line_text(l), doc.line_begin(l), l))
      candidates.push_back(*c);
  }
  const std::vector<LabelCandidate> labels = accept_labels(candidates);
  if (labels.empty()) return read_unnumbered(doc, std::max(first_line, 1), lines);

  // Text before the first label is never dropped: entries of its own, as an unnumbered list.
  std::vector<Reference> refs;
  if (labels[0].line > std::max(first_line, 1))
    refs = read_unnumbered(doc, std::max(first_line, 1), labels[0].line - 1);
  refs.reserve(labels.size() + 8);  // glued entries add a few
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const LabelCandidate& label = labels[i];
    std::size_t end = i + 1 < labels.size() ? doc.line_begin(labels[i + 1].line) : range_end;
    const auto stop = std::upper_bound(stops.begin(), stops.end(), label.line);
    if (stop != stops.end()) end = std::min(end, doc.line_begin(*stop));
    const long next_number = i + 1 < labels.size() ? labels[i + 1].number : -1;

    std::size_t begin = label.begin;
    std::size_t label_end = label.end;
    long number = label.number;
    bool glued = false;
    // Numbers missing before the next label may be glued inside this entry: split them off.
    // A label lost to OCR ("[z9]") does not stop the search for the ones after it.
    while (true) {
      long wanted = number;
      std::optional<std::pair<std::size_t, std::size_t>> found;
      for (int ahead = 1; ahead <= 3 && !found; ++ahead) {
        wanted = number + ahead;
        if (next_number >= 0 && wanted >= next_number) break;
        found = find_glued_label(text, label_end, end, wanted);
      }
      Reference r = make_reference(doc, std::to_string(number), begin, found ? found->first : end);
      r.label.number = std::to_string(number);
      r.label.span = doc.span(begin, label_end);
      r.label.glued = glued;
      refs.push_back(std::move(r));
      if (!found) break;
      begin = found->first;
      label_end = found->second;
      number = wanted;
      glued = true;
    }
  }
  return refs;
}

}  // namespace citelint
