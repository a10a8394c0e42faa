// What an entry of the list says of its authors and year, as an author-year citation names it:
// from a record's fields (BibTeX's author and year, CSL-JSON's author and issued, RIS's AU and
// PY, JATS's surname and year), else from the words an entry starts with ("Smith, J., & Lee,
// K. (2019a).", "Smith J, Lee K. 2019.", "van Dijk, A. 2020.").
#include "cite/entries.hpp"

#include <re2/re2.h>

#include <algorithm>

#include "cite/scan.hpp"
#include "ids/match.hpp"

namespace citelint::cite {

namespace {

// A year, also as OCR reads it ("2O06", "2oo9": letters O for zeros).
const RE2& year_re() {
  static const RE2 re(
      R"(\b((?:1[5-9]\d|20[\dOolI]|2[Oo][\dOolI])[\dOolI][a-z]?|n\.\s?d\.)(?:[^0-9a-z]|$))");
  return re;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::string_view(" \t\r\n{}\"'.,;()").find(s.front()) != s.npos)
    s.remove_prefix(1);
  while (!s.empty() && std::string_view(" \t\r\n{}\"'.,;()").find(s.back()) != s.npos)
    s.remove_suffix(1);
  return s;
}

// Whether a piece of an author list holds initials only ("J.", "J. K.", "J.-P.", "JK").
bool initials_only(std::string_view p) {
  static const RE2 re(R"((?:\p{Lu}\.?[\s\-]*)+|\p{Lu}\p{Ll}?\.)");
  return RE2::FullMatch(re2::StringPiece(p.data(), p.size()), re);
}

// "Smith J" or "Smith JK" (Vancouver): the family name, initials after it; else empty.
std::string vancouver_family(std::string_view p) {
  static const RE2 re(R"((.*\p{Ll}.*?)\s+\p{Lu}{1,3})");
  std::string family;
  if (RE2::FullMatch(re2::StringPiece(p.data(), p.size()), re, &family)) return family;
  return {};
}

// The family names of a written author list ("Smith, J., & Lee, K."; "Smith J, Lee K";
// "J. Smith and K. Lee"): exact when every piece is a family name, initials, or a family name
// with its initials after it; `known` false when a given name written out may be a family name.
void read_names(std::string_view list, EntryNames& out) {
  for (std::string_view etal : {"et al", "etal"})
    if (list.find(etal) != std::string_view::npos) {
      out.many = true;
      list = list.substr(0, list.find(etal));
    }
  std::vector<std::string_view> pieces;
  for (std::size_t b = 0; b < list.size();) {
    std::size_t e = list.find_first_of(",;&", b);
    const std::size_t and_at = list.find(" and ", b);
    std::size_t skip = 1;
    if (and_at != std::string_view::npos && (e == std::string_view::npos || and_at < e)) {
      e = and_at;
      skip = 5;
    }
    if (e == std::string_view::npos) e = list.size();
    if (const std::string_view p = trim(list.substr(b, e - b)); !p.empty()) pieces.push_back(p);
    b = e + skip;
  }
  bool exact = true;
  // No piece of initials alone: each piece is a whole name, given names first ("Hongliang He,
  // Wenlin Yao": ACL's, NeurIPS's lists), and its family name is its last word.
  const bool whole_names = (pieces.size() > 1 || out.many) &&
                           std::none_of(pieces.begin() + 1, pieces.end(),
                                        [](std::string_view p) { return initials_only(p); });
  for (std::string_view p : pieces) {
    // A list starts with a name: "FAO", "IPCC" are no initials there.
    if (initials_only(p) && !out.families.empty()) continue;
    std::string family = vancouver_family(p);
    if (family.empty() && whole_names && p.rfind(' ') != std::string_view::npos &&
        std::isupper(static_cast<unsigned char>(p[0])))
      family = std::string(p.substr(p.rfind(' ') + 1));
    if (family.empty()) {
      // "J. Smith" (initials first): the last word; "Smith" alone: itself.
      const std::size_t space = p.rfind(' ');
      const bool given_first =
          space != std::string_view::npos && initials_only(trim(p.substr(0, space)));
      if (space != std::string_view::npos && !given_first) {
        // "van Dijk" is a name with particles; "John Smith" may be given and family.
        const std::string_view first = p.substr(0, p.find(' '));
        if (!first.empty() && !std::islower(static_cast<unsigned char>(first[0]))) exact = false;
      }
      family = std::string(given_first ? p.substr(space + 1) : p);
    }
    out.families.push_back(ids::folded_name(family));
    if (out.first.empty()) out.first = std::string(trim(family));
  }
  out.authors_known = exact && !pieces.empty();
}

// The text of a field of a BibTeX entry ("author = {...}", "year = 2020"), braces kept.
std::string_view bibtex_field(std::string_view entry, std::string_view name) {
  static const RE2 re(R"((?i)(?:^|[,\s])([a-z]+)\s*=\s*)");
  re2::StringPiece rest(entry.data(), entry.size());
  std::string field;
  while (RE2::FindAndConsume(&rest, re, &field)) {
    std::transform(field.begin(), field.end(), field.begin(), ::tolower);
    if (field != name) continue;
    std::string_view v(rest.data(), rest.size());
    if (v.empty()) return {};
    if (v[0] == '{' || v[0] == '"') {
      const char close = v[0] == '{' ? '}' : '"';
      int depth = 0;
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '{') ++depth;
        if (v[i] == '}') --depth;
        if ((close == '}' && depth == 0 && i > 0) || (close == '"' && i > 0 && v[i] == '"'))
          return v.substr(1, i - 1);
      }
      return v.substr(1);
    }
    return v.substr(0, v.find_first_of(",}\n"));
  }
  return {};
}

void from_bibtex(std::string_view entry, EntryNames& out) {
  const std::string_view authors = bibtex_field(entry, "author");
  for (std::size_t b = 0; b < authors.size();) {
    std::size_t e = authors.find(" and ", b);
    if (e == std::string_view::npos) e = authors.size();
    std::string_view name = trim(authors.substr(b, e - b));
    b = e + 5;
    if (name == "others") {
      out.many = true;
      continue;
    }
    // "Family, Given" or "Given Family" (a braced {World Health Organization} whole).
    const std::size_t comma = name.find(',');
    std::string_view family = comma != std::string_view::npos ? name.substr(0, comma) : name;
    if (comma == std::string_view::npos && name.find(' ') != std::string_view::npos &&
        authors.substr(0, 1) != "{")
      family = name.substr(name.rfind(' ') + 1);
    family = trim(family);
    if (out.first.empty()) out.first = std::string(family);
    out.families.push_back(ids::folded_name(family));
  }
  out.authors_known = !out.families.empty();
  std::string_view year = trim(bibtex_field(entry, "year"));
  if (year.empty()) year = trim(bibtex_field(entry, "date")).substr(0, 4);
  out.year = std::string(year);
}

// Every value of a tag in markup or a record: "<surname>Smith</surname>", "AU  - Smith, J.".
std::vector<std::string> all_of(std::string_view text, const RE2& re) {
  std::vector<std::string> out;
  re2::StringPiece rest(text.data(), text.size());
  std::string v;
  while (RE2::FindAndConsume(&rest, re, &v)) out.push_back(v);
  return out;
}

void from_fields(std::string_view text, const RE2& name, const RE2& year, EntryNames& out) {
  for (const std::string& family : all_of(text, name)) {
    if (out.first.empty()) out.first = family;
    out.families.push_back(ids::folded_name(family));
  }
  out.authors_known = !out.families.empty();
  if (const std::vector<std::string> years = all_of(text, year); !years.empty())
    out.year = years.front();
}

// Math a converter left in the text ("Hamelin $\scriptstyle L,$ Wesnaes M"): blanked.
std::string without_math(std::string_view text) {
  std::string out(text);
  for (std::size_t b = out.find('$'); b != std::string::npos; b = out.find('$', b)) {
    const std::size_t e = out.find('$', b + 1);
    if (e == std::string::npos || e - b > 200) break;
    std::fill(out.begin() + static_cast<long>(b), out.begin() + static_cast<long>(e) + 1, ' ');
    b = e + 1;
  }
  return out;
}

void from_text(std::string_view written, EntryNames& out) {
  const std::string plain = without_math(written);
  const std::string_view text = plain;
  re2::StringPiece rest(text.data(), text.size()), year;
  if (!RE2::FindAndConsume(&rest, year_re(), &year)) {
    read_names(text.substr(0, std::min<std::size_t>(text.size(), 120)), out);
    out.authors_known = false;
    return;
  }
  out.year = ocr_year(std::string(year.data(), year.size()));
  const std::size_t at = static_cast<std::size_t>(year.data() - text.data());
  if (at > 300) return;  // the authors end long before: no author-year entry
  read_names(text.substr(0, at), out);
}

}  // namespace

EntryNames entry_names(const Document& doc, const Reference& ref) {
  EntryNames out;
  std::string_view text = doc.slice(ref.span);
  if (const Document::EntryText* written = doc.entry_text(ref.span.begin)) text = written->text;
  const std::string& format = doc.format();
  if (format == "bibtex") {
    from_bibtex(text, out);
  } else if (format == "jats") {
    static const RE2 name(R"(<surname[^>]*>\s*([^<]+?)\s*</surname>)");
    static const RE2 year(R"(<year[^>]*>\s*(\d{4}[a-z]?))");
    from_fields(doc.slice(ref.span), name, year, out);
    out.many = doc.slice(ref.span).find("<etal") != std::string_view::npos;
  } else if (format == "csl-json") {
    static const RE2 name(R"x("family"\s*:\s*"([^"]+)")x");
    static const RE2 year(R"x("(?:date-parts"\s*:\s*\[\s*\[\s*"?|raw"\s*:\s*")(\d{4}))x");
    from_fields(text, name, year, out);
  } else if (format == "ris") {
    static const RE2 name(R"((?m)^A[U1]  - ([^,\r\n]+))");
    static const RE2 year(R"((?m)^(?:PY|Y1)  - (\d{4}))");
    from_fields(text, name, year, out);
  } else {
    const std::size_t label_end =
        ref.label.number.empty() ? ref.span.begin : std::max(ref.label.span.end, ref.span.begin);
    std::string_view body = doc.slice(ref.span).substr(label_end - ref.span.begin);
    if (doc.format() == "latex") {  // "\bibitem[Smith(2020)]{smith}": past the key
      const std::size_t close = body.find('}');
      if (body.rfind("\\bibitem", 0) == 0 && close != std::string_view::npos)
        body.remove_prefix(close + 1);
    }
    from_text(trim(body), out);
  }
  out.base_year = out.year.substr(0, std::min<std::size_t>(out.year.size(), 4));
  out.suffix = out.year.size() == 5 && std::islower(static_cast<unsigned char>(out.year[4]))
                   ? out.year[4]
                   : '\0';
  return out;
}

}  // namespace citelint::cite
