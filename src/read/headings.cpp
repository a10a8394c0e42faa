#include "read/headings.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "model/utf8.hpp"

namespace citelint::headings {

namespace {

// A line less its numbering ("7", "7.", "VII.", "A.1"), a trailing colon and spaces, lowercase
// in ASCII (other scripts as they are).
std::string bare(std::string_view line) {
  auto trim = [](std::string_view& t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    while (!t.empty() &&
           (t.back() == ' ' || t.back() == '\t' || t.back() == ':' || t.back() == '.'))
      t.remove_suffix(1);
    // A full-width colon, as Chinese writes "参考文献：".
    while (t.size() >= 3 && t.substr(t.size() - 3) == "\xEF\xBC\x9A") t.remove_suffix(3);
  };
  trim(line);
  // Section numbers: digits and dots, or a Roman numeral, then a dot or a space.
  std::size_t i = 0;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.'))
    ++i;
  if (i == 0) {
    while (i < line.size() && std::string_view("IVXLivxl").find(line[i]) != std::string_view::npos)
      ++i;
    if (i == line.size() || (line[i] != '.' && line[i] != ' ')) i = 0;
  }
  if (i > 0 && i < line.size() && (line[i] == ' ' || line[i] == '.')) line.remove_prefix(i + 1);
  trim(line);
  return utf8::ascii_lower(line);
}

// Lowercase in ASCII and Latin-1 (RÉFÉRENCES, REFERÊNCIAS); other letters as they are.
std::string lower(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = utf8::next(s, i);
    if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) c += 0x20;
    utf8::append(out, c);
  }
  return out;
}

// "参考又献": 参考文献 with one character misread (OCR of a PDF), or 参考 and one more.
bool ocr_references(const std::string& t) {
  static constexpr char32_t kName[] = {U'参', U'考', U'文', U'献'};
  std::size_t i = 0;
  int n = 0, same = 0;
  while (i < t.size() && n < 5) {
    const char32_t c = utf8::next(t, i);
    if (n < 4 && c == kName[n]) ++same;
    ++n;
  }
  return n == 4 && same == 3;
}

template <std::size_t N>
bool one_of(const std::string& t, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), t) != names.end();
}

}  // namespace

bool names_references(std::string_view text) {
  static constexpr std::array<std::string_view, 11> kNames = {
      "references",      "bibliography", "works cited", "sources",  "literature", "citations",
      "further reading", "ref-list",     "reflist",     "参考文献", "引用文献"};
  const std::string t = utf8::ascii_lower(text);
  return std::any_of(kNames.begin(), kNames.end(),
                     [&](std::string_view n) { return t.find(n) != std::string::npos; });
}

bool attribute_names_references(std::string_view value) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "references", "bibliography", "works-cited",   "citations",
      "ref-list",   "reflist",      "reference-list"};
  const std::string v = utf8::ascii_lower(value);
  auto divides = [&](std::size_t at) { return v[at] == '-' || v[at] == '_' || v[at] == ' '; };
  for (std::string_view n : kNames)
    for (std::size_t at = v.find(n); at != std::string::npos; at = v.find(n, at + 1))
      if ((at == 0 || divides(at - 1)) && (at + n.size() == v.size() || divides(at + n.size())))
        return true;
  return false;
}

bool is_references_heading(std::string_view line) {
  if (line.size() > 80) return false;
  static constexpr std::array<std::string_view, 30> kNames = {"references",
                                                              "reference",
                                                              "bibliography",
                                                              "works cited",
                                                              "literature cited",
                                                              "cited literature",
                                                              "literature",
                                                              "sources",
                                                              "references and notes",
                                                              "notes and references",
                                                              "bibliographic references",
                                                              "citations",
                                                              "further reading",
                                                              "reference list",
                                                              "referências",
                                                              "referências bibliográficas",
                                                              "referencias",
                                                              "referencias bibliográficas",
                                                              "bibliografía",
                                                              "bibliografia",
                                                              "références",
                                                              "références bibliographiques",
                                                              "literaturverzeichnis",
                                                              "literatur",
                                                              "quellen",
                                                              "riferimenti bibliografici",
                                                              "参考文献",
                                                              "引用文献",
                                                              "參考文獻",
                                                              "文献"};
  // A sentence's last word on a line of its own ("literature.") is no heading.
  const std::size_t letter = line.find_first_not_of(" \t0123456789.IVXivx");
  const std::size_t last = line.find_last_not_of(" \t");
  if (letter != std::string_view::npos && std::islower(static_cast<unsigned char>(line[letter])) &&
      line[last] == '.')
    return false;
  std::string t = bare(line);
  // Letter-spaced headings ("R E F E R E N C E S"), small capitals set as a larger first letter
  // ("R EFERENCES"), capitals with accents (RÉFÉRENCES).
  const bool spaced = (t.size() > 4 && t[1] == ' ' && t[3] == ' ') ||
                      (t.size() > 3 && t[1] == ' ' && std::count(t.begin(), t.end(), ' ') <= 2);
  if (spaced) t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  t = lower(t);
  return one_of(t, kNames) || ocr_references(t);
}

bool is_after_references_heading(std::string_view line) {
  // A publisher's box after the list: "Cite this article as: ...", "Submit your next manuscript
  // to BioMed Central", "Publisher's Note Springer Nature remains neutral ...".
  static constexpr std::array<std::string_view, 6> kBoxes = {
      "cite this article as",        "submit your manuscript", "submit your next manuscript",
      "publish with biomed central", "publisher's note",       "publisher\xE2\x80\x99s note"};
  // The article's licence after the list: "© 2014 by the authors; licensee MDPI, ...".
  if (line.rfind("\xC2\xA9 ", 0) == 0) return true;
  const char first = line.empty() ? ' ' : static_cast<char>(line[0] | 0x20);
  if (first == 'c' || first == 's' || first == 'p') {  // what the boxes start with
    const std::string start = lower(line.substr(0, 40));
    if (std::any_of(kBoxes.begin(), kBoxes.end(),
                    [&](std::string_view b) { return start.rfind(b, 0) == 0; }) ||
        start.rfind("copyright \xC2\xA9", 0) == 0)
      return true;
  }
  if (line.size() > 80) return false;
  // An experiment's author list after its references: "The ATLAS Collaboration".
  if (line.rfind("The ", 0) == 0 && line.size() < 40 &&
      std::string_view(line).ends_with(" Collaboration"))
    return true;
  static constexpr std::array<std::string_view, 34> kNames = {"appendix",
                                                              "appendices",
                                                              "supplementary material",
                                                              "supplementary materials",
                                                              "supplementary information",
                                                              "supporting information",
                                                              "supplementary data",
                                                              "supplementary figures",
                                                              "supplementary tables",
                                                              "acknowledgements",
                                                              "acknowledgments",
                                                              "about the authors",
                                                              "about the author",
                                                              "author biographies",
                                                              "biographies",
                                                              "index",
                                                              "figure legends",
                                                              "figure captions",
                                                              "figures",
                                                              "tables",
                                                              "tables and figures",
                                                              "legends",
                                                              "conflict of interest",
                                                              "conflicts of interest",
                                                              "competing interests",
                                                              "author contributions",
                                                              "funding",
                                                              "data availability",
                                                              "data availability statement",
                                                              "ethics statement",
                                                              "abbreviations",
                                                              "anexo",
                                                              "apêndice",
                                                              "附录"};
  const std::string t = lower(bare(line));
  if (one_of(t, kNames)) return true;
  // "Appendix A", "Appendix A: Data".
  if (t.rfind("appendix ", 0) == 0 && t.size() < 60) return true;
  return is_first_appendix_heading(line);
}

bool starts_like_entry(std::string_view line) {
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < line.size() && words.size() < 4;) {
    while (i < line.size() && line[i] == ' ') ++i;
    const std::size_t end = std::min(line.find(' ', i), line.size());
    if (end > i) words.push_back(line.substr(i, end - i));
    i = end;
  }
  if (words.empty()) return false;
  auto upper = [](std::string_view w) {
    return !w.empty() && std::isupper(static_cast<unsigned char>(w[0]));
  };
  auto initials = [](std::string_view w) {  // "KA", "M.", "J.-P.", "P.W.", "D.;"
    return !w.empty() && w.size() <= 6 && std::all_of(w.begin(), w.end(), [](char c) {
      return std::isupper(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ',' ||
             c == ';';
    });
  };
  std::string_view first = words[0];
  if (!first.empty() && (first.front() == '[' || first.front() == '(')) first.remove_prefix(1);
  while (!first.empty() && (first.back() == '.' || first.back() == ']' || first.back() == ')'))
    first.remove_suffix(1);
  if (!first.empty() && first.size() <= 4 && std::all_of(first.begin(), first.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c));
      }))
    // A label and a name or a title, not a number alone (a plot's axis), a line that starts
    // with one ("20 minutes."), nor a year that goes on an entry ("2015. Effects of ...").
    return words.size() >= 2 && !std::islower(static_cast<unsigned char>(words[1][0])) &&
           !(first.size() == 4 && words[0].size() == 5 && words[0][4] == '.' &&
             (first[0] == '1' || first[0] == '2'));
  if (!upper(words[0])) return false;
  if (words.size() < 2) return false;
  if (words[0].back() == ',') return initials(words[1]);  // "Andraos, J.", not "Seattle, USA:"
  if (initials(words[0]) && words[0].find('.') != std::string_view::npos && upper(words[1]) &&
      !initials(words[1]))
    return true;                        // "F. Englert", not "NCBI Gene"
  if (initials(words[1])) return true;  // "Kudsk KA,"
  // "Nader Akoury, Shufan", "Mathieu Andreux et al.": names before a comma, not "Chem. 266,".
  auto name = [&](std::string_view w) {
    return upper(w) && std::all_of(w.begin(), w.end(), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' ||
                    static_cast<unsigned char>(c) >= 0x80;
           });
  };
  for (std::size_t k = 1; k < words.size(); ++k) {
    if (words[k] == "et" || words[k] == "and") return name(words[k - 1]);
    if (words[k].back() == ',')
      return name(words[k - 1]) && name(words[k].substr(0, words[k].size() - 1));
  }
  return false;
}

long label_number(std::string_view line) {
  std::size_t i = 0;
  const bool bracket = !line.empty() && line[0] == '[';
  i += bracket;
  long n = 0;
  const std::size_t digits = i;
  while (i < line.size() && i - digits < 5 && std::isdigit(static_cast<unsigned char>(line[i])))
    n = n * 10 + (line[i++] - '0');
  if (i == digits || i >= line.size()) return 0;
  if (bracket ? line[i] != ']' : line[i] != '.') return 0;
  return i + 1 < line.size() && line[i + 1] == ' ' ? n : 0;
}

bool has_year(std::string_view line) {
  for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
    if ((i > 0 && std::isdigit(static_cast<unsigned char>(line[i - 1]))) ||
        (i + 4 < line.size() && std::isdigit(static_cast<unsigned char>(line[i + 4]))))
      continue;
    if (!std::all_of(line.begin() + static_cast<long>(i), line.begin() + static_cast<long>(i + 4),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      continue;
    const int year = std::stoi(std::string(line.substr(i, 4)));
    if (year >= 1500 && year <= 2099) return true;
  }
  return false;
}

bool is_first_appendix_heading(std::string_view line) {
  // "A Dataset details", "A. Proofs of Theorem 1", "A.1 Setup", "A The ATLAS Collaboration":
  // the letter A, then a capitalised word; a short title, not the start of an entry (no comma,
  // no year, not "A. Smith, ..." nor "A. Exp. Psychol.").
  if (line.size() > 70 || line.size() < 4 || line[0] != 'A') return false;
  std::size_t i = 1;
  while (i + 1 < line.size() && line[i] == '.' &&
         std::isdigit(static_cast<unsigned char>(line[i + 1]))) {
    ++i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
  }
  if (i < line.size() && line[i] == '.') ++i;
  if (i >= line.size() || line[i] != ' ') return false;
  while (i < line.size() && line[i] == ' ') ++i;
  const std::string_view title = line.substr(i);
  const std::size_t first_end = std::min(title.find(' '), title.size());
  if (title.empty() || !std::isupper(static_cast<unsigned char>(title[0])) || first_end < 2 ||
      title[first_end - 1] == '.' || title.back() == '.' || title.back() == ',' ||
      title.find_first_of(",;") != std::string_view::npos)
    return false;
  int digits = 0, words = 1;
  for (char c : title) {
    digits = std::isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0;
    if (digits >= 4) return false;
    words += c == ' ';
  }
  return words <= 10;
}

}  // namespace citelint::headings
