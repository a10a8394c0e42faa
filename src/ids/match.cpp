// A registered work against the reference that gives its DOI: is it the same work, nearly
// (a year off by one for online-first, a subtitle left out), or another one? Words are compared
// folded (case, diacritics, TeX's accents and HTML tags aside); CJK text, which has no spaces,
// by pairs of characters.
#include "ids/match.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "model/utf8.hpp"

namespace citelint::ids {

namespace {

// A letter or digit as compared: lowercase, its diacritics dropped (NFKD's first code point).
char32_t folded(char32_t c) {
  if (c < 0x80) return static_cast<char32_t>(std::tolower(static_cast<int>(c)));
  UErrorCode error = U_ZERO_ERROR;
  static const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(error);
  icu::UnicodeString d;
  if (nfkd && nfkd->getDecomposition(static_cast<UChar32>(c), d) && d.length() > 0)
    c = static_cast<char32_t>(d.char32At(0));
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

bool stop_word(std::string_view w) {
  static const std::set<std::string_view> kStop = {
      "a",  "an", "and", "as",  "at",  "by",  "for",  "from", "in",  "into", "is",
      "of", "on", "or",  "the", "to",  "via", "with", "der",  "die", "das",  "und",
      "le", "la", "les", "de",  "des", "et",  "el",   "en",   "y"};
  return kStop.count(w) > 0;
}

// The text without what markup adds between letters: HTML tags (<i>, <sub>), TeX's braces and
// accent commands (M{\"u}ller is Müller's letters).
std::string plain(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '<') {
      const std::size_t close = s.find('>', i);
      const bool tag = close != s.npos && close - i < 40 && close > i + 1 &&
                       (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/');
      if (tag) {
        i = close;
        continue;
      }
    }
    if (c == '{' || c == '}') continue;
    if (c == '\\' && i + 1 < s.size() && std::string_view("\"'^`~=.").find(s[i + 1]) != s.npos) {
      ++i;
      continue;
    }
    out += c;
  }
  return out;
}

// Words (folded, stop words dropped) and CJK character pairs, each once per occurrence.
std::vector<std::string> tokens(std::string_view text) {
  const std::string s = plain(text);
  std::vector<std::string> out;
  std::string word;
  std::vector<char32_t> cjk;
  auto flush = [&] {
    if (!word.empty() && !stop_word(word)) out.push_back(word);
    word.clear();
    for (std::size_t i = 0; i + 1 < cjk.size(); ++i) {
      std::string pair;
      utf8::append(pair, cjk[i]);
      utf8::append(pair, cjk[i + 1]);
      out.push_back(std::move(pair));
    }
    if (cjk.size() == 1) {
      out.emplace_back();
      utf8::append(out.back(), cjk[0]);
    }
    cjk.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    const bool alnum = u_isalnum(static_cast<UChar32>(c));
    if (alnum && utf8::is_cjk(c)) {
      if (!word.empty()) {
        const std::vector<char32_t> held = std::move(cjk);
        cjk.clear();
        flush();
        cjk = held;
      }
      cjk.push_back(c);
    } else if (alnum) {
      if (!cjk.empty()) flush();
      utf8::append(word, folded(c));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

// The family name's words all among the text's (Van der Berg: van, berg).
bool holds_name(const std::vector<std::string>& name, const std::set<std::string>& words) {
  return !name.empty() && std::all_of(name.begin(), name.end(),
                                      [&](const std::string& w) { return words.count(w); });
}

std::string quoted(std::string_view s) {
  std::string out = "'";
  out.append(s);
  return out += '\'';
}

}  // namespace

std::string folded_name(std::string_view name) {
  const std::string s = plain(name);
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = utf8::next(s, i);
    if (u_isalpha(static_cast<UChar32>(c))) utf8::append(out, folded(c));
  }
  return out;
}

std::size_t title_words(std::string_view text) { return tokens(text).size(); }

double title_cover(std::string_view title, std::string_view text) {
  const std::vector<std::string> wanted = tokens(title);
  if (wanted.empty()) return 1;
  const std::vector<std::string> have = tokens(text);
  const std::set<std::string> words(have.begin(), have.end());
  const auto found = std::count_if(wanted.begin(), wanted.end(),
                                   [&](const std::string& w) { return words.count(w) > 0; });
  return static_cast<double>(found) / static_cast<double>(wanted.size());
}

WorkMatch match_work(const RegisteredWork& work, std::string_view text,
                     const std::vector<int>& years) {
  const std::vector<std::string> have = tokens(text);
  const std::set<std::string> words(have.begin(), have.end());
  WorkMatch m;
  std::vector<std::string> differs;
  // The title, whole and without its subtitle.
  const double whole = work.title.empty() ? 1 : title_cover(work.title, text);
  const std::size_t colon = work.title.find(": ");
  const double main =
      colon == std::string::npos ? whole : title_cover(work.title.substr(0, colon), text);
  const double best = std::max(whole, main);
  const bool title_other = best < kTitleOther;
  if (best < kTitleSame)
    differs.push_back("the title: registered as " + quoted(work.title));
  else if (whole < kTitleSame)
    differs.push_back("the subtitle: registered as " + quoted(work.title));
  // The first author.
  const std::vector<std::string> family = tokens(work.family);
  const bool author_known = !family.empty();
  // A CJK family name is a character or two before the given name, with no space between: it is
  // looked for as written.
  const bool cjk_name = std::any_of(work.family.begin(), work.family.end(),
                                    [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
  const bool author_other =
      author_known &&
      (cjk_name ? plain(text).find(work.family) == std::string::npos : !holds_name(family, words));
  if (author_other) differs.push_back("the first author: registered as " + work.family);
  // The year: off by one is online-first against print.
  int gap = -1;
  if (work.year > 0)
    for (const int y : years)
      if (y > 0 && (gap < 0 || std::abs(y - work.year) < gap)) gap = std::abs(y - work.year);
  const bool year_other = gap > 1;
  if (gap >= 1) {
    int cited = 0;
    for (const int y : years)
      if (y > 0 && std::abs(y - work.year) == gap) cited = y;
    differs.push_back("the year: " + std::to_string(work.year) + " registered, " +
                      std::to_string(cited) + " cited");
  }
  for (const std::string& d : differs) m.differs += (m.differs.empty() ? "" : "; ") + d;
  if (title_other && (author_other || year_other || (!author_known && gap < 0)))
    m.verdict = WorkMatch::other_work;
  else if (!differs.empty())
    m.verdict = WorkMatch::near_miss;
  return m;
}

bool confirms(const RegisteredWork& work, std::string_view text, const std::vector<int>& years) {
  if (tokens(work.title).size() < 3 || work.year <= 0) return false;
  const std::size_t colon = work.title.find(": ");
  const double main = title_cover(work.title.substr(0, colon), text);
  if (std::max(title_cover(work.title, text), main) < kTitleSuggest) return false;
  const std::vector<std::string> family = tokens(work.family);
  const std::vector<std::string> have = tokens(text);
  if (family.empty() || !holds_name(family, std::set<std::string>(have.begin(), have.end())))
    return false;
  return std::any_of(years.begin(), years.end(),
                     [&](int y) { return y > 0 && std::abs(y - work.year) <= 1; });
}

// The years the reference gives: its dates' (published, updated, a year alone), else every
// number in its text that reads as a year ("Nature. 2020;596:583-9"), outside its URLs and DOIs.
std::vector<int> years_of(const Reference& ref, std::string_view text) {
  std::vector<int> years;
  for (const Date& d : ref.dates)
    if (d.role == DateRole::published || d.role == DateRole::year || d.role == DateRole::updated)
      if (d.year > 0) years.push_back(d.year);
  if (!years.empty()) return years;
  auto inside_link = [&](std::size_t at) {
    const std::size_t offset = ref.span.begin + at;
    auto holds = [&](const Span& s) { return s.begin <= offset && offset < s.end; };
    return std::any_of(ref.urls.begin(), ref.urls.end(),
                       [&](const Url& u) { return holds(u.span); }) ||
           std::any_of(ref.dois.begin(), ref.dois.end(),
                       [&](const Doi& d) { return holds(d.span); });
  };
  auto digit = [&](std::size_t i) {
    return i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]));
  };
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!digit(i) || (i > 0 && digit(i - 1)) || digit(i + 4) || !digit(i + 1) || !digit(i + 2) ||
        !digit(i + 3))
      continue;
    const int y = std::atoi(std::string(text.substr(i, 4)).c_str());
    if (y >= 1800 && y <= 2100 && !inside_link(i)) years.push_back(y);
  }
  return years;
}

}  // namespace citelint::ids
