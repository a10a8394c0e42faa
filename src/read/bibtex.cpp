// BibTeX and BibLaTeX: @type{key, field = value, ...} entries, @string macros, # concatenation,
// braces and quotes, TeX escapes. Structured fields are used as such: url, doi, eprint with its
// eprinttype, urldate (the access date), date or year and month; \url{} and \href{}{} in
// howpublished, note and addendum, and the access date a note gives in words. Every item keeps
// its position in the .bib file. A malformed entry is reported with its position and skipped;
// the reader goes on at the next entry.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/date_parts.hpp"
#include "model/utf8.hpp"
#include "read/record.hpp"
#include "read/tex.hpp"

namespace citelint {

namespace {

// A stretch of a value as written: a {braced} or "quoted" literal (its content), a number, or
// the name of a @string macro.
struct Piece {
  enum Kind { literal, number, macro } kind;
  std::size_t begin, end;
};

struct Field {
  std::string name;  // lowercase
  std::size_t name_begin = 0;
  std::size_t begin = 0, end = 0;  // the value as written, delimiters included
  std::vector<Piece> pieces;
  std::string value;  // macros resolved, pieces joined; TeX as written
  // Where the value's text stands in the file: the content of a value that is one literal (or
  // a number), else the whole value.
  std::size_t text_begin() const {
    return pieces.size() == 1 && pieces[0].kind != Piece::macro ? pieces[0].begin : begin;
  }
  std::size_t text_end() const {
    return pieces.size() == 1 && pieces[0].kind != Piece::macro ? pieces[0].end : end;
  }
  bool verbatim() const { return pieces.size() == 1 && pieces[0].kind != Piece::macro; }
};

struct Error {
  std::size_t at;
  std::string message;
};

bool name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("_-:.+/'!?*&$", c) ||
         static_cast<unsigned char>(c) >= 0x80;
}

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

// What a URL or DOI field means: TeX escapes and grouping braces taken out, nothing else
// (a URL has no accents to decode).
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '{' || s[i] == '}') continue;
    if (s[i] == '\\' && i + 1 < s.size() && std::strchr("_%&#$~/", s[i + 1])) {
      out += s[++i];
      if (out.back() == '~' && i + 2 < s.size() && s[i + 1] == '{' && s[i + 2] == '}') i += 2;
      continue;
    }
    if (s.compare(i, 19, "\\textasciitilde{}") == 0) {
      out += '~';
      i += 18;
      continue;
    }
    out += s[i];
  }
  return out;
}

class Parser {
 public:
  Parser(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {
    static constexpr const char* kMonthNames[] = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
    for (int m = 0; m < 12; ++m) macros_[kMonths[m]] = kMonthNames[m];
  }

  std::vector<Reference> run() {
    std::vector<Reference> refs;
    std::size_t skipped = 0;
    while (true) {
      i_ = s_.find('@', i_);
      if (i_ == std::string_view::npos) break;
      const std::size_t start = i_;
      try {
        if (auto ref = entry()) refs.push_back(std::move(*ref));
      } catch (const Error& e) {
        report(e.at, e.message);
        ++skipped;
        i_ = next_entry(start + 1);
      }
    }
    if (skipped)
      diagnostics_.push_back({doc_.path(), 0, 0,
                              std::to_string(skipped) + (skipped == 1 ? " entry" : " entries") +
                                  " skipped; the other " + std::to_string(refs.size()) +
                                  " were read"});
    return refs;
  }

 private:
  void report(std::size_t at, std::string message) {
    record::report(doc_, diagnostics_, at, std::move(message));
  }

  // Where the next entry starts: an '@' at the start of a line (after blanks).
  std::size_t next_entry(std::size_t from) const {
    for (std::size_t at = s_.find('@', from); at != std::string_view::npos;
         at = s_.find('@', at + 1)) {
      std::size_t b = at;
      while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t')) --b;
      if (b == 0 || s_[b - 1] == '\n') return at;
    }
    return std::string_view::npos;
  }

  // Whether an entry starts at `at`: '@', letters, '{' or '(', at the start of a line.
  bool entry_starts(std::size_t at) const {
    if (next_entry(at) != at) return false;
    std::size_t j = at + 1;
    while (j < s_.size() && std::isalpha(static_cast<unsigned char>(s_[j]))) ++j;
    while (j < s_.size() && (s_[j] == ' ' || s_[j] == '\t')) ++j;
    return j > at + 1 && j < s_.size() && (s_[j] == '{' || s_[j] == '(');
  }

  void skip_space() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        ++i_;
      } else if (s_[i_] == '%') {  // a comment, to the end of the line (biber reads them so)
        while (i_ < s_.size() && s_[i_] != '\n') ++i_;
      } else {
        break;
      }
    }
  }

  std::string_view name() {
    const std::size_t b = i_;
    while (i_ < s_.size() && name_char(s_[i_])) ++i_;
    return s_.substr(b, i_ - b);
  }

  void expect(char c, const char* what) {
    skip_space();
    if (i_ >= s_.size() || s_[i_] != c)
      throw Error{i_, std::string("expected ") + what +
                          (i_ >= s_.size() ? " before the end of the file"
                                           : ", found " + utf8::quoted_char(s_, i_))};
    ++i_;
  }

  // A {braced} literal from its opening brace, or a "quoted" one (braces inside balanced).
  Piece literal(std::size_t entry_start) {
    const char open = s_[i_];
    const std::size_t opened = i_++;
    int depth = 0;
    for (; i_ < s_.size(); ++i_) {
      const char c = s_[i_];
      if (c == '\\' && i_ + 1 < s_.size()) {
        ++i_;  // an escaped brace or quote does not count
      } else if (c == '{') {
        ++depth;
      } else if (c == '}') {
        if (depth == 0) {
          if (open == '{') return Piece{Piece::literal, opened + 1, i_++};
          throw Error{i_, "unbalanced '}' in a quoted value"};
        }
        --depth;
      } else if (c == '"' && open == '"' && depth == 0) {
        return Piece{Piece::literal, opened + 1, i_++};
      } else if (c == '@' && entry_starts(i_)) {
        // Another entry begins inside this value: a brace was never closed.
        break;
      }
    }
    const Span e = doc_.span(entry_start, entry_start);
    throw Error{opened, std::string("unbalanced ") + (open == '{' ? "'{'" : "'\"'") +
                            ": this value is not closed before " +
                            (i_ >= s_.size() ? "the end of the file" : "the next entry") +
                            " (the entry starts at line " + std::to_string(e.line) + ")"};
  }

  // value := piece ('#' piece)*
  Field value(std::size_t entry_start) {
    Field f;
    skip_space();
    f.begin = i_;
    while (true) {
      skip_space();
      if (i_ >= s_.size()) throw Error{i_, "expected a value before the end of the file"};
      const char c = s_[i_];
      if (c == '{' || c == '"') {
        const Piece p = literal(entry_start);
        f.value.append(s_.substr(p.begin, p.end - p.begin));
        f.pieces.push_back(p);
      } else if (std::isdigit(static_cast<unsigned char>(c))) {
        const std::size_t b = i_;
        while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
        f.pieces.push_back({Piece::number, b, i_});
        f.value.append(s_.substr(b, i_ - b));
      } else if (name_char(c)) {
        const std::size_t b = i_;
        const std::string key = utf8::ascii_lower(name());
        f.pieces.push_back({Piece::macro, b, i_});
        if (const auto it = macros_.find(key); it != macros_.end()) f.value += it->second;
      } else {
        throw Error{i_, "expected a value ({...}, \"...\", a number or a @string name), found " +
                            utf8::quoted_char(s_, i_)};
      }
      f.end = i_;
      skip_space();
      if (i_ < s_.size() && s_[i_] == '#') {
        ++i_;
        continue;
      }
      return f;
    }
  }

  std::optional<Reference> entry() {
    const std::size_t start = i_++;
    const std::string type = utf8::ascii_lower(name());
    if (type.empty()) return std::nullopt;  // an '@' in text between entries
    skip_space();
    if (i_ >= s_.size() || (s_[i_] != '{' && s_[i_] != '(')) {
      if (type == "comment") return std::nullopt;  // @comment to the end of the line
      throw Error{i_, "expected '{' or '(' after @" + type};
    }
    const char close = s_[i_] == '{' ? '}' : ')';
    if (type == "comment") {
      literal(start);
      return std::nullopt;
    }
    ++i_;
    if (type == "preamble") {
      value(start);
      expect(close, close == '}' ? "'}'" : "')'");
      return std::nullopt;
    }
    if (type == "string") {
      skip_space();
      const std::string key = utf8::ascii_lower(name());
      if (key.empty()) throw Error{i_, "expected a @string name"};
      expect('=', "'='");
      const Field f = value(start);
      macros_[key] = f.value;
      expect(close, close == '}' ? "'}'" : "')'");
      return std::nullopt;
    }
    skip_space();
    const std::size_t key_begin = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != close &&
           !std::isspace(static_cast<unsigned char>(s_[i_])))
      ++i_;
    const std::string key(s_.substr(key_begin, i_ - key_begin));
    std::vector<Field> fields;
    while (true) {
      skip_space();
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        break;
      }
      expect(',', "',' or the end of the entry");
      skip_space();
      if (i_ < s_.size() && s_[i_] == close) {  // a trailing comma
        ++i_;
        break;
      }
      const std::size_t field_at = i_;
      const std::string field = utf8::ascii_lower(name());
      if (field.empty())
        throw Error{i_, i_ < s_.size() ? "expected a field name, found " + utf8::quoted_char(s_, i_)
                                       : "expected a field name before the end of the file"};
      expect('=', ("'=' after " + field).c_str());
      Field f = value(start);
      f.name = field;
      f.name_begin = field_at;
      fields.push_back(std::move(f));
    }
    return make_reference(type, key, start, i_, fields);
  }

  const Field* find(const std::vector<Field>& fields, std::string_view name) const {
    for (const Field& f : fields)
      if (f.name == name) return &f;
    return nullptr;
  }

  void add_url(Reference& ref, std::size_t b, std::size_t e, std::string_view meaning,
               bool composed = false) {
    if (meaning.empty()) return;  // url = {}, or macros that stand for nothing
    Url u = make_url(doc_, b, e, meaning);
    u.composed = composed;
    record::add_url(ref, std::move(u));
  }

  void add_date(Reference& ref, DateRole role, const Field& f, std::string_view text) {
    std::string_view t = text;
    if (const std::size_t slash = t.find('/'); slash != std::string_view::npos)
      t = t.substr(0, slash);  // a range, 2021-03-03/2021-03-05: its start
    while (!t.empty() && (t.back() == '~' || t.back() == '?' || t.back() == '%'))
      t.remove_suffix(1);  // EDTF's approximate and uncertain marks
    ParsedDate parsed;
    if (auto p = parse_date_text(t)) parsed = *p;
    // Written as it stands in the file: the date is the part read (a range's start).
    const bool as_written =
        f.verbatim() && text == s_.substr(f.text_begin(), f.text_end() - f.text_begin());
    const std::size_t end = as_written && parsed.valid ? f.text_begin() + t.size() : f.text_end();
    ref.dates.push_back(make_date(doc_, role, f.text_begin(), end, parsed));
  }

  // The year field, as a date with the month field's month. The year as GB/T styles write it
  // may carry more: "c1988", "[1936]", "1957/1990", "1947(民国三十六年)". Its first four-digit run
  // is the year; the date is those digits.
  void add_year(Reference& ref, const Field& year, const Field* month_field) {
    const Field* y = &year;
    std::size_t yb = y->text_begin(), ye = y->text_end();
    if (y->verbatim()) {
      const std::string_view t = s_.substr(yb, ye - yb);
      for (std::size_t k = 0; k + 4 <= t.size(); ++k) {
        const auto digit = [&](std::size_t at) {
          return at < t.size() && std::isdigit(static_cast<unsigned char>(t[at]));
        };
        if (digit(k) && digit(k + 1) && digit(k + 2) && digit(k + 3) && (k == 0 || !digit(k - 1)) &&
            !digit(k + 4)) {
          ye = yb + k + 4;
          yb += k;
          break;
        }
      }
    }
    const std::string text =
        y->verbatim() ? std::string(s_.substr(yb, ye - yb)) : unescape(y->value);
    int month = 0;
    if (const Field* m = month_field) {
      const std::string mv = utf8::ascii_lower(unescape(m->value));
      for (int k = 0; k < 12; ++k)
        if (mv.rfind(kMonths[k], 0) == 0 || mv == utf8::ascii_lower(macros_[kMonths[k]]))
          month = k + 1;
      if (!month && !mv.empty() && std::all_of(mv.begin(), mv.end(), ::isdigit))
        month = std::stoi(mv);
      if (month < 1 || month > 12) month = 0;
    }
    ParsedDate parsed;
    if (auto p = parse_date_text(text)) parsed = *p;
    if (month && parsed.valid && parsed.month == 0) {
      parsed.month = month;
      date_parts::finish_date(parsed, 2);
    }
    ref.dates.push_back(
        make_date(doc_, parsed.month ? DateRole::published : DateRole::year, yb, ye, parsed));
  }

  Reference make_reference(const std::string& type, const std::string& key, std::size_t begin,
                           std::size_t end, const std::vector<Field>& fields) {
    Reference ref;
    ref.id = key.empty() ? "@" + type : key;
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    for (const Field& f : fields) {
      if (f.name == "url") {
        add_url(ref, f.text_begin(), f.text_end(), unescape(f.value), !f.verbatim());
      } else if (f.name == "doi") {
        ref.dois.push_back(record::make_doi(doc_, f.text_begin(), f.text_end(), unescape(f.value)));
      } else if (f.name == "isbn" || f.name == "issn" || f.name == "pmid" || f.name == "pmcid") {
        record::add_identifiers(doc_, ref, f.text_begin(), f.text_end(),
                                f.name == "isbn"   ? IdScheme::isbn
                                : f.name == "issn" ? IdScheme::issn
                                : f.name == "pmid" ? IdScheme::pmid
                                                   : IdScheme::pmcid);
      } else if (f.name == "eprint") {
        const Field* kind = find(fields, "eprinttype");
        if (!kind) kind = find(fields, "archiveprefix");
        if (const std::string k = kind ? utf8::ascii_lower(unescape(kind->value)) : "";
            k == "arxiv" || k == "pubmed")
          record::add_identifiers(doc_, ref, f.text_begin(), f.text_end(),
                                  k == "arxiv" ? IdScheme::arxiv : IdScheme::pmid);
        // The address an identifier stands for: a URL made, not written.
        const std::string url =
            record::eprint_url(kind ? unescape(kind->value) : "", unescape(f.value));
        if (!url.empty()) add_url(ref, f.text_begin(), f.text_end(), url, true);
      } else if (f.name == "urldate") {
        add_date(ref, DateRole::accessed, f, unescape(f.value));
      } else if (f.name == "date") {
        add_date(ref, DateRole::published, f, unescape(f.value));
      } else if (f.name == "howpublished" || f.name == "note" || f.name == "addendum") {
        // \url{...} and \href{...}{...}: braces end a URL, so the text's own reader finds them;
        // "doi:10..." or a bare DOI written in a note is a DOI as well.
        const std::vector<Url> urls = find_urls(doc_, f.begin, f.end);
        for (const Url& u : urls) add_url(ref, u.span.begin, u.span.end, u.as_written);
        for (Doi& d : find_dois(doc_, f.begin, f.end, urls))
          if (std::none_of(ref.dois.begin(), ref.dois.end(),
                           [&](const Doi& x) { return x.value == d.value; }))
            ref.dois.push_back(std::move(d));
      }
    }
    // year (and month), when there is no date field.
    if (!find(fields, "date"))
      if (const Field* y = find(fields, "year")) add_year(ref, *y, find(fields, "month"));
    // An access date in words in a note ("Accessed: 2021-03-03", "visited on 3 March 2021"),
    // when there is no urldate.
    if (!find(fields, "urldate")) {
      for (const char* name : {"note", "howpublished", "addendum"}) {
        const Field* f = find(fields, name);
        if (!f) continue;
        record::add_marked_dates(doc_, ref, f->begin, f->end);
      }
    }
    record::sort_items(ref);
    return ref;
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t i_ = 0;
  std::map<std::string, std::string> macros_;
};

}  // namespace

std::vector<Reference> read_bibtex(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return Parser(doc, diagnostics).run();
}

// Whether the text opens, past blanks and % comments, with a BibTeX entry: @type{ or @type(.
bool looks_like_bibtex(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (std::isspace(static_cast<unsigned char>(t[i]))) {
      ++i;
    } else if (t[i] == '%') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i >= t.size() || t[i] != '@') return false;
  std::size_t j = i + 1;
  while (j < t.size() && std::isalpha(static_cast<unsigned char>(t[j]))) ++j;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
  return j > i + 1 && j < t.size() && (t[j] == '{' || t[j] == '(');
}

}  // namespace citelint
