#include "read/headings.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

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
  std::string t = bare(line);
  // Letter-spaced headings ("R E F E R E N C E S") and capitals with accents (RÉFÉRENCES).
  if (t.size() > 4 && t[1] == ' ' && t[3] == ' ')
    t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  t = lower(t);
  return one_of(t, kNames) || ocr_references(t);
}

bool is_after_references_heading(std::string_view line) {
  if (line.size() > 80) return false;
  static constexpr std::array<std::string_view, 14> kNames = {"appendix",
                                                              "appendices",
                                                              "supplementary material",
                                                              "supplementary materials",
                                                              "supplementary information",
                                                              "supporting information",
                                                              "acknowledgements",
                                                              "about the authors",
                                                              "author biographies",
                                                              "biographies",
                                                              "index",
                                                              "anexo",
                                                              "apêndice",
                                                              "附录"};
  const std::string t = lower(bare(line));
  if (one_of(t, kNames)) return true;
  // "Appendix A", "Appendix A: Data".
  return t.rfind("appendix ", 0) == 0 && t.size() < 60;
}

}  // namespace citelint::headings
