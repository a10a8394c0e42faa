// Identifiers other than DOIs: ISBNs and ISSNs after their markers ("ISBN 978-...", "eISSN:
// 1234-5678"), arXiv ids ("arXiv:2101.00001v2", "arXiv: hep-th/9901001"), PMIDs ("PMID:
// 12345678") and PMCIDs ("PMCID: PMC1234567", or a bare "PMC1234567"), and the ids that links to
// arXiv's abstracts and PubMed's records carry. Each is taken as written, damage and all: the
// identifiers stage (src/ids/) says what is wrong with it.
#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
// Letters that OCR reads for digits (O and o for 0, l and I for 1), kept inside a number so that
// the check can name them.
bool ocr_digit(char c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I'; }

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A separator inside an ISBN or ISSN as typeset: a hyphen (ASCII, U+2010, U+2011, or an en dash,
// U+2013), alone or with a line break after it, or white space with at most one line break (a
// number wrapped at the end of a line). Its length in bytes, or 0.
std::size_t separator_at(std::string_view s, std::size_t i, std::size_t end) {
  if (i >= end) return 0;
  std::size_t k = i;
  if (s[k] == '-') {
    ++k;
  } else if (k + 3 <= end && s.compare(k, 2, "\xE2\x80") == 0 &&
             (s[k + 2] == '\x90' || s[k + 2] == '\x91' || s[k + 2] == '\x93')) {
    k += 3;
  }
  const bool hyphen = k > i;
  const std::size_t blanks = k;
  int breaks = 0;
  while (k < end && blank(s[k])) breaks += s[k++] == '\n';
  if (breaks > 1 || (hyphen && k > blanks && breaks == 0)) return hyphen ? blanks - i : 0;
  return k - i;
}

// Which kind a separator is: '-' for a hyphen or dash, ' ' for white space.
char separator_kind(char first) { return blank(first) ? ' ' : '-'; }

// After a marker: spaces, then one colon (ASCII or full-width) or '#', and spaces again.
std::size_t past_marker(std::string_view s, std::size_t j, std::size_t end) {
  while (j < end && s[j] == ' ') ++j;
  if (j < end && (s[j] == ':' || s[j] == '#')) {
    ++j;
  } else if (s.compare(j, 3, "\xEF\xBC\x9A") == 0) {
    j += 3;
  }
  while (j < end && s[j] == ' ') ++j;
  return j;
}

// The number of an ISBN or ISSN from j: groups of digits (and OCR's letters, and X at the end)
// joined by separators of one kind (hyphens, or spaces: "978-0-306-40615-7 2019" ends before
// the year). Of the ends where the digits so far make a whole identifier (`wholes`: 10 or 13
// for an ISBN, 8 for an ISSN), the last; with none, the whole run (a digit lost or added).
std::size_t number_end(std::string_view s, std::size_t j, std::size_t end,
                       std::initializer_list<int> wholes) {
  std::size_t i = j, whole_end = 0, last_group_end = j;
  int digits = 0;
  std::string_view first;  // the first group's first three characters
  char joined_by = 0;      // ' ' or '-' (any hyphen or dash): the first separator's kind
  while (i < end) {
    const std::size_t group = i;
    while (i < end && (digit(s[i]) || ocr_digit(s[i]) || s[i] == 'X' || s[i] == 'x')) ++i;
    // A group is digits with OCR's letters among them ("O3"), or an ISBN's last X; not a word
    // ("In"), nor letters alone.
    const std::string_view g = s.substr(group, i - group);
    const bool x_alone = g == "X" || g == "x";
    if (g.empty() || (!x_alone && std::none_of(g.begin(), g.end(), digit)) ||
        (digits == 0 && !digit(g.front()))) {
      i = last_group_end;  // not the separator before it
      break;
    }
    last_group_end = i;
    if (digits == 0) first = s.substr(group, 3);
    digits += static_cast<int>(i - group);
    // Thirteen digits after a whole ten are an ISBN-13 only if they start as one does ("0 306
    // 40615 2 123 pp.": the ten).
    const bool isbn13_after_ten = digits == 13 && whole_end && first != "978" && first != "979";
    if (std::find(wholes.begin(), wholes.end(), digits) != wholes.end() && !isbn13_after_ten)
      whole_end = i;
    const std::size_t sep = separator_at(s, i, end);
    if (!sep || i + sep >= end) break;
    if (const char next = s[i + sep];
        !digit(next) && !ocr_digit(next) && next != 'X' && next != 'x')
      break;
    const char kind = separator_kind(s[i]);
    if (joined_by && kind != joined_by) break;
    joined_by = kind;
    i += sep;
  }
  return whole_end ? whole_end : i;
}

// An arXiv id from j: "2101.00001", "2101.00001v2", "hep-th/9901001", "math.GT/0309136";
// trailing sentence punctuation is not part of it. Nothing unless it has a digit.
std::size_t arxiv_end(std::string_view s, std::size_t j, std::size_t end) {
  std::size_t i = j;
  while (i < end && (alnum(s[i]) || s[i] == '.' || s[i] == '/' || s[i] == '-')) ++i;
  while (i > j && (s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '/')) --i;
  const std::string_view token = s.substr(j, i - j);
  if (std::none_of(token.begin(), token.end(), digit)) return j;
  // "arXiv preprint arXiv:...", "arXiv 2019": a word or a year, no id.
  if (!digit(token.front()) && token.find('/') == std::string_view::npos) return j;
  if (digit(token.front()) && token.find('.') == std::string_view::npos) return j;
  return i;
}

// A run of digits (and OCR's letters inside it) from j, as a PMID or a PMCID's number is.
std::size_t digits_end(std::string_view s, std::size_t j, std::size_t end) {
  if (j >= end || !digit(s[j])) return j;
  std::size_t i = j;
  while (i < end && (digit(s[i]) || ocr_digit(s[i]))) ++i;
  while (i > j && !digit(s[i - 1])) --i;  // letters after the number are a word
  if (i < end && alnum(s[i])) return j;   // "PMID 123abc": not a number
  return i;
}

std::string without_separators(std::string_view written) {
  std::string out;
  for (std::size_t i = 0; i < written.size();) {
    if (const std::size_t sep = separator_at(written, i, written.size())) {
      i += sep;
      continue;
    }
    out += written[i] == 'x' ? 'X' : written[i];
    ++i;
  }
  return out;
}

struct Marker {
  std::string_view word;  // lowercase
  IdScheme scheme;
};
// Longer words first: "pmcid" before "pmc".
constexpr Marker kMarkers[] = {{"isbn", IdScheme::isbn},
                               {"issn", IdScheme::issn},
                               {"arxiv", IdScheme::arxiv},
                               {"pmcid", IdScheme::pmcid},
                               {"pmid", IdScheme::pmid}};

// Whether s has the lowercase letters `word` at i, in any case (no string is made: this runs at
// every "sb", "sn", "rx" and "pm" of a list).
bool folded_at(std::string_view s, std::size_t i, std::string_view word) {
  if (i + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k)
    if ((s[i + k] | 0x20) != word[k]) return false;
  return true;
}

// Where an ISSN's marker word starts: at "e" or "p" of "eISSN", "pISSN", "e-ISSN", else at i.
std::size_t issn_marker_start(std::string_view s, std::size_t i, std::size_t begin) {
  std::size_t b = i;
  if (b > begin && s[b - 1] == '-') --b;
  if (b > begin && ((s[b - 1] | 0x20) == 'e' || (s[b - 1] | 0x20) == 'p')) return b - 1;
  return i;
}

// The marker at i, if a word starts there with one.
const Marker* marker_at(std::string_view s, std::size_t i, std::size_t begin, std::size_t end) {
  for (const Marker& m : kMarkers) {
    if (!folded_at(s.substr(0, end), i, m.word)) continue;
    const std::size_t after = i + m.word.size();
    if (after < end && std::isalpha(static_cast<unsigned char>(s[after]))) continue;
    const std::size_t from = m.scheme == IdScheme::issn ? issn_marker_start(s, i, begin) : i;
    if (from > begin && alnum(s[from - 1])) continue;
    return &m;
  }
  return nullptr;
}

// The end of the identifier of `scheme` that starts at j, or j when none does.
std::size_t identifier_end(IdScheme scheme, std::string_view s, std::size_t j, std::size_t end) {
  switch (scheme) {
    case IdScheme::isbn:
      return number_end(s, j, end, {10, 13});
    case IdScheme::issn:
      return number_end(s, j, end, {8});
    case IdScheme::arxiv:
      return arxiv_end(s, j, end);
    case IdScheme::pmid:
      return digits_end(s, j, end);
    case IdScheme::pmcid: {
      const std::size_t number = s.compare(j, 3, "PMC") == 0 ? j + 3 : j;
      const std::size_t e = digits_end(s, number, end);
      return e == number ? j : e;
    }
  }
  return j;
}

std::string value_of(IdScheme scheme, std::string_view written) {
  switch (scheme) {
    case IdScheme::isbn:
    case IdScheme::issn:
      return without_separators(written);
    case IdScheme::pmcid:
      return written.compare(0, 3, "PMC") == 0 ? std::string(written)
                                               : "PMC" + std::string(written);
    default:
      return std::string(written);
  }
}

Identifier make_identifier(const Document& doc, IdScheme scheme, std::size_t b, std::size_t e) {
  const std::string_view s(doc.text());
  Identifier id;
  id.scheme = scheme;
  id.as_written = s.substr(b, e - b);
  id.value = value_of(scheme, id.as_written);
  id.span = doc.span(b, e);
  return id;
}

}  // namespace

std::vector<Identifier> find_field_identifiers(const Document& doc, std::size_t begin,
                                               std::size_t end, std::optional<IdScheme> scheme) {
  const std::string_view s(doc.text());
  std::vector<Identifier> ids;
  for (std::size_t i = begin; i < end;) {
    if ((i > begin && alnum(s[i - 1])) || !alnum(s[i])) {
      ++i;
      continue;
    }
    if (const Marker* m = marker_at(s, i, begin, end)) {  // "ISBN 978-...", "arXiv:2101.00001"
      if (!scheme || m->scheme == *scheme) {
        i = past_marker(s, i + m->word.size(), end);
        continue;
      }
    }
    IdScheme at = scheme.value_or(IdScheme::isbn);
    std::size_t e = identifier_end(at, s, i, end);
    if (!scheme && e > i) {  // RIS's SN: an ISSN's eight digits (or nine), else an ISBN
      const std::string digits = without_separators(s.substr(i, e - i));
      if (digits.size() <= 9) {
        at = IdScheme::issn;
        e = identifier_end(at, s, i, end);
      }
    }
    if (e <= i) {
      ++i;
      continue;
    }
    ids.push_back(make_identifier(doc, at, i, e));
    i = e;
  }
  return ids;
}

std::optional<std::pair<IdScheme, std::string>> identifier_of_link(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  std::string host = utf8::ascii_lower(std::string(parsed->encoded_host()));
  for (const std::string_view sub : {"www.", "export."})
    if (host.rfind(sub, 0) == 0) host.erase(0, sub.size());
  const std::string_view label = std::string_view(host).substr(0, host.find('.'));
  std::string path = parsed->path();
  while (!path.empty() && path.back() == '/') path.pop_back();
  auto after = [&](std::string_view prefix) -> std::string {
    return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size()) : std::string();
  };
  if (label == "arxiv") {
    std::string id = after("/abs/");
    if (id.empty()) id = after("/pdf/");
    if (id.size() > 4 && id.compare(id.size() - 4, 4, ".pdf") == 0) id.resize(id.size() - 4);
    if (!id.empty()) return std::pair{IdScheme::arxiv, id};
  }
  std::string pmid =
      label == "pubmed" ? path.substr(std::min<std::size_t>(1, path.size())) : after("/pubmed/");
  if (!pmid.empty() && std::all_of(pmid.begin(), pmid.end(), digit))
    return std::pair{IdScheme::pmid, pmid};
  // PubMed Central's articles, on its own host or a mirror: .../articles/PMC1234567.
  if (const std::size_t at = path.rfind("/articles/PMC"); at != std::string::npos) {
    const std::string id = path.substr(at + 10);
    if (id.size() > 3 && std::all_of(id.begin() + 3, id.end(), digit))
      return std::pair{IdScheme::pmcid, id};
  }
  return std::nullopt;
}

std::vector<Identifier> find_identifiers(const Document& doc, std::size_t begin, std::size_t end,
                                         const std::vector<Url>& urls) {
  const std::string_view s(doc.text());
  std::vector<Identifier> ids;
  // Pairs that text seldom has but each marker does: "sb" of ISBN, "sn" of ISSN, "rx" of arXiv,
  // "pm" of PMID and PMC (a word's own "pm", as in "development", is passed at once).
  static constexpr BytePairs kPairs = {
      {'s', 'b', true}, {'s', 'n', true}, {'r', 'x', true}, {'p', 'm', true}};
  for (std::size_t h = begin; (h = kPairs.find(s, h, end)) + 3 < end; ++h) {
    // How far before the pair the marker starts, and what stands there: "i" of "isbn", "is" of
    // "issn", "a" of "arxiv".
    const char first = static_cast<char>(s[h] | 0x20), second = static_cast<char>(s[h + 1] | 0x20);
    const std::string_view before = first == 'p'    ? ""
                                    : first == 'r'  ? "a"
                                    : second == 'b' ? "i"
                                                    : "is";
    if (h < begin + before.size() || !folded_at(s, h - before.size(), before)) continue;
    const std::size_t i = h - before.size();  // where the marker starts
    // Inside a word ("development"): no marker, save "eISSN"'s.
    if (i > begin && alnum(s[i - 1]) && (s[i] | 0x20) != 'i') continue;
    IdScheme scheme;
    std::size_t j;
    if (s.compare(i, 3, "PMC") == 0 && digit(s[i + 3])) {  // a bare PMCID
      if (i > begin && alnum(s[i - 1])) continue;
      scheme = IdScheme::pmcid;
      j = i;
    } else if (const Marker* m = marker_at(s, i, begin, end)) {
      scheme = m->scheme;
      j = i + m->word.size();
      if (scheme == IdScheme::isbn) {  // ISBN-13, ISBN-10
        const std::size_t k = j < end && s[j] == '-' ? j + 1 : j;
        if (s.compare(k, 2, "13") == 0 || s.compare(k, 2, "10") == 0)
          if (k + 2 == end || !digit(s[k + 2])) j = k + 2;
      }
      j = past_marker(s, j, end);
    } else {
      continue;
    }
    if (inside_url(urls, i)) continue;
    const std::size_t e = identifier_end(scheme, s, j, end);
    if (e <= j) continue;
    ids.push_back(make_identifier(doc, scheme, j, e));
    h = e - 1;
  }
  return ids;
}

}  // namespace citelint
