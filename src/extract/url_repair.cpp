// Repairs for a URL that PDF extraction or a line wrap broke: where the evidence is (a line
// break inside a word, the URL's own hyphenated words, other URLs on the same host), and what
// to try there. The network decides which one is right (net/repair.cpp).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <unordered_set>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Where the path starts: after "scheme://host".
std::size_t path_begin(std::string_view url) {
  const std::size_t scheme = url.find("://");
  const std::size_t host = scheme == std::string_view::npos ? 0 : scheme + 3;
  const std::size_t slash = url.find('/', host);
  return slash == std::string_view::npos ? url.size() : slash;
}

struct Candidates {
  std::string_view original;
  std::vector<RepairCandidate> list;
  void add(const std::string& written, std::string why) {
    bool valid = false;
    std::string url = normalise_url(written, &valid);
    if (!valid || url == original || list.size() >= kMaxRepairs) return;
    for (const RepairCandidate& c : list)
      if (c.url == url) return;
    list.push_back({std::move(url), std::move(why)});
  }
};

// The words of the system's word list (Debian's wamerican or wbritish: /usr/share/dict/words;
// CITELINT_WORDS names another), lowercased, loaded the first time a repair needs it. Empty
// when there is none: no repair is then offered on the list's word.
const std::unordered_set<std::string>& dictionary() {
  static const std::unordered_set<std::string> words = [] {
    std::unordered_set<std::string> w;
    const char* path = std::getenv("CITELINT_WORDS");
    std::ifstream in(path && *path ? path : "/usr/share/dict/words");
    std::string line;
    while (std::getline(in, line))
      if (line.size() >= 3 && std::all_of(line.begin(), line.end(), alpha))
        w.insert(utf8::ascii_lower(line));
    return w;
  }();
  return words;
}

// Calls f(i, j) for each run of letters [i, j) of s[begin, end).
template <class F>
void for_each_word(std::string_view s, std::size_t begin, std::size_t end, F&& f) {
  for (std::size_t i = begin; i < end;) {
    if (!alpha(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < end && alpha(s[j])) ++j;
    f(i, j);
    i = j;
  }
}

// The word a split point leaves on each side, within a run of letters.
struct Split {
  std::size_t at;  // in the normalised URL
  int known;       // how many of the two sides are known words
  std::size_t longest;
  std::string left, right;
};

// Where a hyphen may have been lost between two words of the path [begin, end) of `n`: splits
// that the URL's own or its host's words know (`known`, `elsewhere`), and splits into two words
// of the word list inside a slug of hyphenated words.
void find_splits(std::string_view n, std::size_t begin, std::size_t end,
                 const std::set<std::string>& elsewhere, const std::set<std::string>& known,
                 std::vector<Split>& splits, std::vector<Split>& dictionary_splits) {
  for_each_word(n, begin, end, [&](std::size_t i, std::size_t j) {
    const std::string word = utf8::ascii_lower(n.substr(i, j - i));
    // In a slug of hyphenated words ("united-statesmexico-canada-agreement"), a word that is
    // not in the word list but is two of its words run together lost its hyphen.
    const bool in_slug = (i > begin && n[i - 1] == '-') || (j < end && n[j] == '-');
    if (in_slug && word.size() >= 6 && !elsewhere.count(word) && !dictionary().count(word)) {
      for (std::size_t k = 3; k + 3 <= word.size(); ++k) {
        const std::string left = word.substr(0, k), right = word.substr(k);
        if (dictionary().count(left) && dictionary().count(right))
          dictionary_splits.push_back({i + k, 2, std::min(left.size(), right.size()), left, right});
      }
    }
    if (word.size() >= 6 && !elsewhere.count(word)) {  // a word the host uses is no typo
      for (std::size_t k = 3; k + 3 <= word.size(); ++k) {
        const std::string left = word.substr(0, k), right = word.substr(k);
        const bool l = known.count(left) > 0, r = known.count(right) > 0;
        const std::size_t longest = std::max(l ? left.size() : 0, r ? right.size() : 0);
        if (l + r == 2 || longest >= 5) splits.push_back({i + k, l + r, longest, left, right});
      }
    }
  });
}

}  // namespace

std::vector<std::string> path_words(std::string_view url) {
  std::vector<std::string> words;
  const std::size_t begin = path_begin(url);
  const std::size_t end = std::min(url.size(), url.find_first_of("?#", begin));
  for_each_word(url, begin, end, [&](std::size_t i, std::size_t j) {
    if (j - i >= 3) words.push_back(utf8::ascii_lower(url.substr(i, j - i)));
  });
  return words;
}

std::vector<RepairCandidate> repair_candidates(const Url& u,
                                               const std::vector<std::string>& host_words,
                                               const std::vector<std::size_t>& breaks) {
  Candidates out{u.normalised, {}};
  const std::string_view w = u.as_written;

  // 1. A line break inside the URL: the hyphen of "strategic-\noutlook" lost in extraction, or
  //    one the typesetter added that the URL never had. [a, b) is the break's whitespace.
  auto at_break = [&](std::size_t a, std::size_t b) {
    if (a == 0 || b >= w.size()) return;
    const std::string before(w.substr(0, a)), after(w.substr(b));
    if (alnum(w[a - 1]) && alnum(w[b]))
      out.add(before + "-" + after, "a hyphen restored at the line break");
    if (w[a - 1] == '-' && a >= 2 && alnum(w[a - 2]) && alnum(w[b]))
      out.add(before.substr(0, before.size() - 1) + after, "the hyphen at the line break removed");
  };
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i] != '\n' && w[i] != '\r') continue;
    std::size_t a = i, b = i;
    while (a > 0 && std::isspace(static_cast<unsigned char>(w[a - 1]))) --a;
    while (b < w.size() && std::isspace(static_cast<unsigned char>(w[b]))) ++b;
    at_break(a, b);
    i = b;
  }
  for (std::size_t at : breaks) at_break(at, at);  // where a PDF's layout wrapped it

  // 2. Two words run together where the URL's other hyphenated words, or other URLs on the
  //    same host, know both (or one) of them.
  const std::string_view n = u.normalised;
  const std::set<std::string> elsewhere(host_words.begin(), host_words.end());
  std::set<std::string> known = elsewhere;
  const std::size_t begin = path_begin(n);
  const std::size_t end = std::min(n.size(), n.find_first_of("?#", begin));
  for (std::size_t i = begin; i < end; ++i) {
    if (n[i] != '-') continue;
    std::size_t a = i, b = i + 1;
    while (a > begin && alpha(n[a - 1])) --a;
    while (b < end && alpha(n[b])) ++b;
    if (i - a >= 3) known.insert(utf8::ascii_lower(n.substr(a, i - a)));
    if (b - i - 1 >= 3) known.insert(utf8::ascii_lower(n.substr(i + 1, b - i - 1)));
  }
  std::vector<Split> splits, dictionary_splits;
  find_splits(n, begin, end, elsewhere, known, splits, dictionary_splits);
  std::stable_sort(splits.begin(), splits.end(), [](const Split& x, const Split& y) {
    return std::tie(x.known, x.longest) > std::tie(y.known, y.longest);
  });
  auto add_split = [&](const Split& s) {
    out.add(std::string(n.substr(0, s.at)) + "-" + std::string(n.substr(s.at)),
            "a hyphen restored between '" + s.left + "' and '" + s.right + "'");
  };
  for (const Split& s : splits)
    if (s.known == 2) add_split(s);
  // The word list's splits, the most even first ("states|mexico" before "statesm|exico").
  std::stable_sort(dictionary_splits.begin(), dictionary_splits.end(),
                   [](const Split& x, const Split& y) { return x.longest > y.longest; });
  for (const Split& s : dictionary_splits) add_split(s);

  // 3. A closing bracket kept at the end because the URL opened one too.
  if (!n.empty() && (n.back() == ')' || n.back() == ']'))
    out.add(std::string(n.substr(0, n.size() - 1)),
            std::string("the '") + n.back() + "' at the end removed");

  for (const Split& s : splits)
    if (s.known == 1) add_split(s);
  return std::move(out.list);
}

}  // namespace citelint
