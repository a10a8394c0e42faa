// DOIs: after a `doi:` marker, inside doi.org URLs, and bare `10.nnnn/...` tokens.
#include <algorithm>
#include <boost/url/parse.hpp>
#include <cctype>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

std::size_t token_end(std::string_view s, std::size_t i, std::size_t end) {
  const std::size_t begin = i;
  while (i < end && !std::isspace(static_cast<unsigned char>(s[i]))) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      // Stop at CJK text and full-width punctuation; a DOI is ASCII.
      break;
    }
    ++i;
  }
  // Trailing sentence punctuation is not part of the DOI, nor a closing bracket or brace that
  // the DOI did not open ("(doi:10.1000/x)", TeX's "\href{...}{doi:10.1000/x}").
  while (i > begin) {
    const char c = s[i - 1];
    if (std::string_view(".,;:'\"").find(c) != std::string_view::npos) {
      --i;
      continue;
    }
    const char open = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : 0;
    const std::string_view token = s.substr(begin, i - begin);
    if (!open ||
        std::count(token.begin(), token.end(), open) >= std::count(token.begin(), token.end(), c))
      break;
    --i;
  }
  return i;
}

// The percent-decoded path, leading '/' dropped, of a URL on one of `hosts`; false for any other
// URL.
bool path_on(std::string_view url, std::initializer_list<std::string_view> hosts,
             std::string& path) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return false;
  const std::string host = utf8::ascii_lower(std::string(parsed->encoded_host()));
  if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) return false;
  path = parsed->path();
  while (!path.empty() && path.front() == '/') path.erase(0, 1);
  return true;
}

}  // namespace

std::string doi_of_link(std::string_view url) {
  std::string path;
  if (!path_on(url, {"doi.org", "dx.doi.org", "www.doi.org"}, path)) return {};
  if (path.rfind("10", 0) == 0) return path;  // a DOI, well formed or not (core/DoiSyntax)
  // A shortDOI is a short code of letters and digits ("gbqq9v", "hqr"); the resolver's own pages
  // have names ("faq", "help").
  static constexpr std::string_view kPages[] = {"faq",    "help",    "news",    "about", "index",
                                                "search", "contact", "privacy", "terms"};
  const bool page =
      std::find(std::begin(kPages), std::end(kPages), utf8::ascii_lower(path)) != std::end(kPages);
  const bool short_doi = !page && path.size() >= 2 && path.size() <= 12 &&
                         std::all_of(path.begin(), path.end(), [](char c) {
                           return std::isalnum(static_cast<unsigned char>(c));
                         });
  return short_doi ? "10/" + path : std::string();  // not the resolver's own pages
}

std::string handle_of_link(std::string_view url) {
  std::string path;
  if (!path_on(url, {"hdl.handle.net"}, path)) return {};
  // PREFIX/SUFFIX, the prefix digits and dots (20.500.12345/6789); not the proxy's own pages.
  const std::size_t slash = path.find('/');
  if (slash == 0 || slash == std::string::npos || slash + 1 == path.size()) return {};
  if (!std::all_of(path.begin(), path.begin() + static_cast<long>(slash),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }))
    return {};
  return utf8::ascii_lower(path);
}

// Crossref's pattern /^10.\d{4,9}/[-._;()/:A-Z0-9]+$/i (with <>[] allowed), checked by hand:
// it runs once per DOI and is simple enough that a regex call costs more than the check. A
// shortDOI, 10/<letters and digits>, is one too (the DOI system resolves it).
bool is_valid_doi(std::string_view doi) {
  if (doi.size() > 3 && doi.compare(0, 3, "10/") == 0)
    return std::all_of(doi.begin() + 3, doi.end(),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (doi.size() < 5 || doi.compare(0, 3, "10.") != 0) return false;
  std::size_t i = 3;
  while (i < doi.size() && std::isdigit(static_cast<unsigned char>(doi[i]))) ++i;
  if (i - 3 < 4 || i - 3 > 9 || i >= doi.size() || doi[i] != '/') return false;
  if (++i == doi.size()) return false;
  for (; i < doi.size(); ++i) {
    const char c = doi[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) &&
        std::string_view("-._;()/:<>[]").find(c) == std::string_view::npos)
      return false;
  }
  return true;
}

std::vector<Doi> find_dois(const Document& doc, std::size_t begin, std::size_t end,
                           const std::vector<Url>& urls) {
  const std::string_view s(doc.text());
  std::vector<Doi> dois;
  auto add = [&](std::size_t b, std::size_t e) {
    if (e <= b) return;
    Doi d;
    d.as_written = s.substr(b, e - b);
    d.value = std::string(d.as_written);
    d.span = doc.span(b, e);
    dois.push_back(std::move(d));
  };

  for (const Url& u : urls) {
    const std::string_view w(u.as_written);
    const std::size_t at = w.find("doi.org/");
    if (at == std::string_view::npos) continue;
    // The DOI decoded (10.3389%2Ffvets... is 10.3389/fvets...); not the resolver's own pages.
    std::string value = doi_of_link(u.normalised);
    if (value.empty()) continue;
    add(u.span.begin + at + 8, u.span.end);
    dois.back().value = std::move(value);
  }
  // "doi" in any case, or "10." of a bare DOI.
  static constexpr BytePairs kStarts = {{'d', 'o', true}, {'1', '0', false}};
  for (std::size_t i = begin; (i = kStarts.find(s, i, end)) + 3 < end; ++i) {
    const char c = s[i];
    if (c == 'd' || c == 'D') {
      if (std::tolower(static_cast<unsigned char>(s[i + 1])) != 'o' ||
          std::tolower(static_cast<unsigned char>(s[i + 2])) != 'i')
        continue;
      if (i > begin && (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '.' ||
                        s[i - 1] == '/'))
        continue;
      if (inside_url(urls, i)) continue;
      std::size_t j = i + 3;
      bool colon = false;
      while (j < end && s[j] == ' ') ++j;
      if (j < end && s[j] == ':') {
        colon = true;
        ++j;
      } else if (s.compare(j, 3, "\xEF\xBC\x9A") == 0) {
        colon = true;
        j += 3;
      }
      while (j < end && s[j] == ' ') ++j;
      // "doi:doi:10...": the prefix twice (core/DoiDoubledPrefix); the DOI is after the last.
      while (colon && j + 4 <= end && utf8::ascii_lower(s.substr(j, 3)) == "doi" &&
             s.compare(j + 3, 1, ":") == 0) {
        j += 4;
        while (j < end && s[j] == ' ') ++j;
      }
      if (!colon && s.compare(j, 3, "10.") != 0) continue;  // the word "doi" in prose
      if (inside_url(urls, j)) continue;  // "Doi: https://doi.org/10...": the link gives it
      const std::size_t e = token_end(s, j, end);
      add(j, e);
      i = std::max(i, e);
    } else if (c == '1' && s[i + 1] == '0' && s[i + 2] == '.' &&
               std::isdigit(static_cast<unsigned char>(s[i + 3]))) {
      if (i > begin && !std::isspace(static_cast<unsigned char>(s[i - 1])) && s[i - 1] != '(' &&
          s[i - 1] != '[')
        continue;
      if (inside_url(urls, i)) continue;
      const std::size_t e = token_end(s, i, end);
      const std::string_view token = s.substr(i, e - i);
      if (token.find('/') == std::string_view::npos) continue;
      add(i, e);
      i = std::max(i, e);
    }
  }
  std::sort(dois.begin(), dois.end(),
            [](const Doi& a, const Doi& b) { return a.span.begin < b.span.begin; });
  return dois;
}

}  // namespace citelint
