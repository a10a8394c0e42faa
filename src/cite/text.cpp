// Citations in plain text (a PDF's or a DOCX's body, a text file, the prose of a Markdown file):
// numbers in brackets when the list is numbered, else author-year citations, parenthetical
// ("(Smith, 2020; Lee & Wu, 2019a)") and narrative ("Smith et al. (2020)"), read by RE2.
#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "cite/scan.hpp"

namespace citelint::cite {

namespace {

// The names' patterns are Unicode classes many times over: their automata need more memory
// than RE2's default allows (it would give up on a long paragraph, and match nothing).
const RE2::Options& large() {
  static const RE2::Options options = [] {
    RE2::Options o;
    o.set_max_mem(64 << 20);
    return o;
  }();
  return options;
}

// A family name: particles ("van der", "de", "O'"), then a capital and letters.
constexpr const char* kName =
    R"((?:\b(?:[Vv][ao]n|[Dd]e[rn]?|[Dd]ell?[ae]?|[Dd][iu]|[Ll][ae]|[Dd][oa]s|[Tt]e[rn])\s+)*)"
    R"(\p{Lu}[\p{L}\p{M}'’\-]*\p{L})";
// A comma, also a full-width one (CJK typesetting, OCR).
constexpr const char* kComma = R"((?:,|，))";
// The names of one work: "Smith", "Smith et al.", "Smith and Lee", "Smith, Lee, & Wu".
std::string names_pattern() {
  const std::string n = kName;
  const std::string comma = kComma;
  return n + R"((?:\s+et\s*al\.?|(?:\s*)" + comma + R"(\s*)" + n + R"()*(?:\s*)" + comma +
         R"(?(?:\s*&\s*|\s+and\s+))" + n + ")?)";
}
// An organisation as author, in parentheses: "Danish Government", "Ministry of Food and Health".
constexpr const char* kBody =
    R"(\p{Lu}[\p{L}\p{M}'’\-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)?\p{Lu}[\p{L}\p{M}'’\-]*){1,6})";
const RE2& names_re() {
  static const RE2 re(names_pattern(), large());
  return re;
}
// A year, also as OCR reads it ("20o8", "2O06", "20l3"): ocr_year() reads it right.
constexpr const char* kYear =
    R"((?:(?:1[5-9]\d[\dOolI]|20[\dOolI]{2}|2[Oo][\dOolI]{2})[a-z]?|n\.\s?d\.))";
constexpr const char* kLocator = R"((?:\s*,\s*(?:pp?\.|p|chap\.|ch\.|para\.|§)\s*[\w–\-]+)?)";

const RE2& name_re() {
  static const RE2 re(std::string("(") + kName + ")");
  return re;
}
// One work of a parenthetical citation, the whole part: "see Smith et al., 2019, 2020, p. 4".
const RE2& part_re() {
  const std::string comma = kComma;
  static const RE2 re(std::string(R"(\s*(?:(?:see(?:\s+also)?|e\.g\.(?:,|，)?|cf\.|i\.e\.(?:,|，)?)"
                                  R"(|also|but\s+see)\s*)*(?:\p{Ll}+,?\s+){0,5}()") +
                          names_pattern() + "|" + kBody + R"()(?:\s*)" + comma + R"(\s*|\s+)()" +
                          kYear + R"((?:\s*)" + comma + R"(\s*(?:)" + kYear + R"(|[a-z]\b))*))" +
                          kLocator + R"(\s*[.,]?\s*)",
                      large());
  return re;
}
// A narrative citation: "Smith and Lee (2019a)", "Smith et al.'s (2020, p. 3)".
const RE2& narrative_re() {
  static const RE2 re(std::string("(") + names_pattern() + R"()(?:'s|’s)?\s*\(()" + kYear +
                          R"((?:\s*,\s*(?:)" + kYear + R"(|[a-z]\b))*))" + kLocator + R"(\))",
                      large());
  return re;
}
// A part of a parenthetical citation that is years alone: "1987" of "(Lowe, 1986; 1987)".
const RE2& years_alone_re() {
  static const RE2 re(std::string(R"(\s*()") + kYear + R"((?:\s*,\s*)" + kYear + R"()*)\s*)");
  return re;
}

const RE2& year_re() {
  static const RE2 re(std::string("(") + kYear + R"(|\b[a-z]\b))");
  return re;
}
// A numeric mark: "[1]", "[1-3, 7]", "[1–3,7]".
const RE2& bracket_re() {
  // Full-width brackets and commas, and 、, in CJK text: "［1，3］", "[94，95、96]"; ranges with
  // a tilde (GB/T 7714's "[21~23]"); OCR's letters for digits ("[1o]", "[3I]").
  static const RE2 re([] {
    std::string p =
        R"((?:\[|［)(\s*N(?:\s*D\s*N)?(?:\s*(?:[,;]|，|；|、)\s*N(?:\s*D\s*N)?)*\s*)(?:\]|］))";
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"N", R"([\dOolI]{1,4})"},
                                   {"D", R"((?:-|–|—|‒|−|~|\\~|～))"}})
      for (std::size_t at = p.find(from); at != std::string::npos;
           at = p.find(from, at + to.size()))
        p.replace(at, from.size(), to);
    return p;
  }());
  return re;
}

// Capitalised words that start sentences, months and a document's own parts: no author.
bool common_word(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "However",   "Moreover", "Furthermore", "Thus",   "Therefore", "Recently",  "Previously",
      "Similarly", "Although", "While",       "Here",   "Finally",   "Also",      "In",
      "The",       "This",     "These",       "That",   "As",        "And",       "But",
      "For",       "From",     "See",         "By",     "Following", "According", "Unlike",
      "Like",      "Both",     "Then",        "Later",  "Earlier",   "First",     "Second",
      "Third",     "Table",    "Tables",      "Figure", "Figures",   "Fig",       "Section",
      "Chapter",   "Appendix", "Equation",    "Eq",     "January",   "February",  "March",
      "April",     "May",      "June",        "July",   "August",    "September", "October",
      "November",  "December", "Spring",      "Summer", "Autumn",    "Fall",      "Winter",
      "Since",     "Until",    "Before",      "After",  "During",    "Around",    "About",
      "Version",   "Vol",      "Volume",      "No",     "Page",      "Pages",     "Part"};
  return kWords.count(w) > 0;
}

std::size_t at(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

// A citation of `c`'s names per year, the first at the names.
void add_years(const Document& doc, std::string_view text, std::size_t names_begin,
               re2::StringPiece years, Citation c, std::vector<Citation>& out) {
  re2::StringPiece ys = years, year;
  bool first = true;
  std::string base;
  while (RE2::FindAndConsume(&ys, year_re(), &year)) {
    c.year = ocr_year(std::string(year.data(), year.size()));
    if (c.year.size() == 1) {  // "2012a,b": b of the year before
      if (base.empty()) continue;
      c.year = base + c.year;
    }
    base = c.year.substr(0, std::min<std::size_t>(c.year.size(), 4));
    const std::size_t end = at(text, year) + year.size();
    c.span = doc.span(first ? names_begin : at(text, year), end);
    out.push_back(c);
    first = false;
  }
}

// The works one run of names and years cites: a citation per year, the first at the names.
// `named`: the names are followed by a comma ("May, 2006"): a month's or a common word's name
// is then a family name too.
void add_author_year(const Document& doc, std::string_view text, re2::StringPiece names,
                     re2::StringPiece years, std::uint32_t group, std::vector<Citation>& out,
                     bool named = false) {
  Citation c;
  c.form = CiteForm::author_year;
  c.group = group;
  c.et_al =
      names.find("et al") != re2::StringPiece::npos || names.find("etal") != re2::StringPiece::npos;
  if (!RE2::FullMatch(names, names_re())) {  // an organisation: its whole name
    c.author = std::string(names.data(), names.size());
    add_years(doc, text, at(text, names), years, c, out);
    return;
  }
  re2::StringPiece rest = names, name;
  int count = 0;
  std::size_t names_begin = at(text, names);
  while (RE2::FindAndConsume(&rest, name_re(), &name)) {
    const std::string_view n(name.data(), name.size());
    if (count == 0 && common_word(n) && !(named && rest.empty())) {
      names_begin = at(text, name) + name.size();
      continue;  // "However, Smith (2020)"
    }
    if (count == 1) c.second = std::string(n);
    if (count++ == 0) {
      c.author = std::string(n);
      names_begin = at(text, name);
    }
  }
  if (c.author.empty() || (common_word(c.author) && !named)) return;
  c.names = static_cast<std::uint8_t>(std::min(count, 255));
  add_years(doc, text, names_begin, years, c, out);
}

// A colon that parts two works ("(Xu et al., 2012: Yu et al., 2013)", for a semicolon), not a
// page's ("Smith, 2020: 45"): one followed by a capital.
std::size_t colon_before_name(std::string_view inside, std::size_t from) {
  for (std::size_t c = inside.find(':', from); c != std::string_view::npos;
       c = inside.find(':', c + 1)) {
    std::size_t n = c + 1;
    while (n < inside.size() && inside[n] == ' ') ++n;
    if (n < inside.size() && std::isupper(static_cast<unsigned char>(inside[n]))) return c;
  }
  return std::string_view::npos;
}

// A comma that parts two works ("[Google DeepMind, 2025, Wang et al., 2025a,b]"): after a year
// (or its letter), before a capital.
std::size_t comma_before_name(std::string_view inside, std::size_t from) {
  for (std::size_t c = inside.find(", ", from); c != std::string_view::npos;
       c = inside.find(", ", c + 1)) {
    if (c < 4 || c + 2 >= inside.size() || !std::isupper(static_cast<unsigned char>(inside[c + 2])))
      continue;
    std::size_t y = c;
    if (std::islower(static_cast<unsigned char>(inside[y - 1]))) {  // "2025a", "2025a,b"
      --y;
      if (y > 0 && inside[y - 1] == ',') --y;
      while (y > 0 && std::islower(static_cast<unsigned char>(inside[y - 1]))) --y;
    }
    if (y >= 4 && std::isdigit(static_cast<unsigned char>(inside[y - 1])) &&
        std::isdigit(static_cast<unsigned char>(inside[y - 4])))
      return c;
  }
  return std::string_view::npos;
}

// "(...)", and "[...]" as natbib's square option sets them ("[Chen et al., 2024]"): each part
// of a parenthetical citation that reads as names and years.
void scan_parenthetical(const Document& doc, Range range, std::uint32_t& group,
                        std::vector<Citation>& out, char open_char = '(', char close_char = ')') {
  const std::string_view text(doc.text());
  const char both[] = {open_char, close_char, '\0'};
  for (std::size_t open = text.find(open_char, range.first); open < range.second;
       open = text.find(open_char, open + 1)) {
    const std::size_t close = text.find_first_of(both, open + 1);
    if (close == std::string_view::npos || close >= range.second || text[close] != close_char)
      continue;
    if (close - open > 1500) continue;  // a list of citations may run over several lines
    const std::string_view inside = text.substr(open + 1, close - open - 1);
    bool any = false;
    std::string_view last_names;  // "(Lowe, 1986; 1987)": a year alone is the names' before
    for (std::size_t b = 0; b <= inside.size();) {
      const std::size_t semicolon = inside.find(';', b), wide = inside.find("；", b);
      std::size_t e =
          std::min({semicolon, wide, colon_before_name(inside, b), comma_before_name(inside, b)});
      if (e == std::string_view::npos) e = inside.size();
      re2::StringPiece names, years;
      const re2::StringPiece part(inside.data() + b, e - b);
      re2::StringPiece alone;
      if (RE2::FullMatch(part, part_re(), &names, &years)) {
        if (!any) ++group;
        any = true;
        const std::size_t after = at(text, names) + names.size();
        const bool comma = text.substr(after, at(text, years) - after).find_first_of(",，") !=
                           std::string_view::npos;
        add_author_year(doc, text, names, years, group, out, comma);
        last_names = std::string_view(names.data(), names.size());
      } else if (!last_names.empty() && RE2::FullMatch(part, years_alone_re(), &alone)) {
        add_author_year(doc, text, re2::StringPiece(last_names.data(), last_names.size()), alone,
                        group, out, true);
      }
      b = e + (e == wide ? std::string_view("；").size() : 1);
    }
  }
}

void scan_narrative(const Document& doc, Range range, std::uint32_t& group,
                    std::vector<Citation>& out) {
  const std::string_view text(doc.text());
  re2::StringPiece rest(text.data() + range.first, range.second - range.first), names, years;
  while (RE2::FindAndConsume(&rest, narrative_re(), &names, &years)) {
    const std::size_t before = out.size();
    add_author_year(doc, text, names, years, ++group, out);
    for (std::size_t k = before; k < out.size(); ++k) out[k].narrative = true;
  }
}

// A converter's math (MinerU's "$^ { [ 4 5 ] }$"): each character spaced out, "[ 4 5 ]" is 45,
// "[ 2 1 - 2 3 ]" is 21 to 23. Every number of it at the whole bracket.
void scan_spaced_numbers(const Document& doc, Range range, std::uint32_t& group,
                         std::vector<Citation>& out) {
  static const RE2 re(R"(\[ (\d(?: \d){0,3}(?: [,\-~] \d(?: \d){0,3})*) \])");
  const std::string_view text(doc.text());
  re2::StringPiece rest(text.data() + range.first, range.second - range.first), inside;
  while (RE2::FindAndConsume(&rest, re, &inside)) {
    const std::size_t b = at(text, inside) - 2, e = at(text, inside) + inside.size() + 2;
    std::string squeezed;
    for (char c : std::string_view(inside.data(), inside.size()))
      if (c != ' ') squeezed += c;
    Citation c;
    c.form = CiteForm::number;
    c.group = ++group;
    c.span = doc.span(b, e);
    for (std::size_t from = 0; from < squeezed.size();) {
      std::size_t to = squeezed.find(',', from);
      if (to == std::string::npos) to = squeezed.size();
      const std::string item = squeezed.substr(from, to - from);
      const std::size_t dash = item.find_first_of("-~");
      const int lo = std::atoi(item.c_str());
      const int hi = dash == std::string::npos ? lo : std::atoi(item.c_str() + dash + 1);
      for (int n = std::min(lo, hi); n <= std::max(lo, hi) && n - std::min(lo, hi) < 1000; ++n) {
        c.number = n;
        c.backwards = n == std::min(lo, hi) && dash != std::string::npos && hi <= lo;
        out.push_back(c);
      }
      from = to + 1;
    }
  }
}

void scan_numbers(const Document& doc, Range range, std::uint32_t& group,
                  std::vector<Citation>& out) {
  const std::string_view text(doc.text());
  re2::StringPiece rest(text.data() + range.first, range.second - range.first), inside;
  while (RE2::FindAndConsume(&rest, bracket_re(), &inside)) {
    const std::size_t b = at(text, inside);
    add_numbers(doc, b, b + inside.size(), group + 1, out) && ++group;
  }
  scan_spaced_numbers(doc, range, group, out);
}

bool is_dash(std::string_view s, std::size_t i, std::size_t& len) {
  for (std::string_view d : {"-", "–", "—", "‒", "−", "~", "\\~", "～"})
    if (s.substr(i, d.size()) == d) {
      len = d.size();
      return true;
    }
  return false;
}

// A CJK text's separator between numbers ("，", "；", "、"): its length, or 0.
std::size_t separator(std::string_view s, std::size_t i) {
  for (std::string_view d : {"，", "；", "、"})
    if (s.substr(i, d.size()) == d) return d.size();
  return 0;
}

}  // namespace

std::string ocr_year(std::string year) {
  for (std::size_t i = 0; i < std::min<std::size_t>(year.size(), 4); ++i)
    if (year[i] == 'O' || year[i] == 'o') {
      year[i] = '0';
    } else if (year[i] == 'l' || year[i] == 'I') {
      year[i] = '1';
    }
  return year;
}

bool list_after_body(const Document& doc) {
  return doc.format() == "text" || doc.format() == "pdf" || doc.format() == "docx";
}

std::size_t list_begin(const Document& doc) {
  const int first = doc.list_first_line();
  return first > 1 && first <= static_cast<int>(doc.line_count()) ? doc.line_begin(first)
                                                                  : doc.text().size();
}

std::vector<Range> body_ranges(const Document& doc, std::span<const Reference> refs) {
  const std::size_t end = list_begin(doc);
  // The list's lines after the body (a list alone has none); in markup the entries sit inside
  // the text.
  const bool laid_out = list_after_body(doc);
  if (laid_out) refs = {};
  if (laid_out && doc.list_first_line() <= 1) return {};
  std::vector<Range> holes;
  for (const Reference& r : refs) holes.emplace_back(r.span.begin, r.span.end);
  for (const Document::Field& f : doc.fields())  // a reference manager's citation
    if (f.code.find("CSL_CITATION") != f.code.npos || f.code.find("EN.CITE") != f.code.npos)
      holes.emplace_back(f.begin, f.end);
  std::sort(holes.begin(), holes.end());
  std::vector<Range> out;
  std::size_t from = 0;
  for (const auto& [b, e] : holes) {
    if (b >= end) break;
    if (b > from) out.emplace_back(from, b);
    from = std::max(from, e);
  }
  if (from < end) out.emplace_back(from, end);
  return out;
}

bool numbered(std::span<const Reference> refs) {
  const auto n = std::count_if(refs.begin(), refs.end(),
                               [](const Reference& r) { return !r.label.number.empty(); });
  return n > 0 && static_cast<std::size_t>(n) * 2 >= refs.size();
}

void scan_plain(const Document& doc, const std::vector<Range>& ranges, bool numbers,
                std::uint32_t& group, std::vector<Citation>& out) {
  const std::size_t first = out.size();
  for (const Range& r : ranges) {
    if (numbers) {
      scan_numbers(doc, r, group, out);
    } else {
      scan_parenthetical(doc, r, group, out);
      scan_parenthetical(doc, r, group, out, '[', ']');
      scan_narrative(doc, r, group, out);
    }
  }
  // Parenthetical and narrative citations found apart: in the order of the text.
  std::stable_sort(
      out.begin() + static_cast<long>(first), out.end(),
      [](const Citation& a, const Citation& b) { return a.span.begin < b.span.begin; });
}

bool add_numbers(const Document& doc, std::size_t begin, std::size_t end, std::uint32_t group,
                 std::vector<Citation>& out) {
  const std::string_view s = std::string_view(doc.text()).substr(0, end);
  std::vector<Citation> made;
  std::size_t i = begin;
  auto skip_space = [&] {
    while (i < end && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t')) ++i;
  };
  auto number = [&](int& n, std::size_t& from) {
    skip_space();
    from = i;
    n = 0;
    bool digit = false;  // OCR's letters count as digits beside one ("1o", "I3")
    for (; i < end && i - from < 4; ++i) {
      const char c = s[i];
      const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : (c == 'O' || c == 'o')                    ? 0
                    : (c == 'l' || c == 'I')                    ? 1
                                                                : -1;
      if (d < 0) break;
      digit = digit || std::isdigit(static_cast<unsigned char>(c));
      n = n * 10 + d;
    }
    return i > from && digit;
  };
  while (i < end) {
    int a = 0, b = 0;
    std::size_t a_at = 0, b_at = 0, dash = 0;
    if (!number(a, a_at)) return false;
    const std::size_t a_end = i;
    skip_space();
    Citation c;
    c.form = CiteForm::number;
    c.group = group;
    if (i < end && is_dash(s, i, dash)) {
      i += dash;
      if (!number(b, b_at)) return false;
      c.span = doc.span(a_at, i);  // every number of a range at the range
      const int lo = std::min(a, b), hi = std::max(a, b);
      for (int n = lo; n <= hi && n - lo < 1000; ++n) {
        c.number = n;
        c.backwards = n == lo && b <= a;  // "[5-3]", "[3-3]"
        made.push_back(c);
      }
    } else {
      c.number = a;
      c.span = doc.span(a_at, a_end);
      made.push_back(c);
    }
    skip_space();
    if (i < end && (s[i] == ',' || s[i] == ';')) {
      ++i;
      continue;
    }
    if (const std::size_t wide = separator(s, i); wide > 0) {
      i += wide;
      continue;
    }
    if (i < end) return false;
  }
  if (made.empty()) return false;
  out.insert(out.end(), made.begin(), made.end());
  return true;
}

Citation key_citation(const Document& doc, std::string key, std::size_t begin, std::size_t end,
                      std::uint32_t group) {
  Citation c;
  c.form = CiteForm::key;
  c.key = std::move(key);
  c.group = group;
  c.span = doc.span(begin, end);
  return c;
}

}  // namespace citelint::cite
