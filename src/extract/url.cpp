// Finding URLs in reference text, rejoining the ones that line wraps and PDF extraction split,
// and normalising them.
#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <optional>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

// Characters a URL may hold as written: printable ASCII but for delimiters that never occur
// unescaped, full-width forms of those (they are folded back), and accented Latin letters.
bool url_char(char32_t c) {
  if (c > 0x20 && c < 0x7F) {
    switch (c) {
      case U'"':
      case U'<':
      case U'>':
      case U'\\':
      case U'^':
      case U'`':
      case U'{':
      case U'|':
      case U'}':
        return false;
      default:
        return true;
    }
  }
  if (c >= 0xFF01 && c <= 0xFF5E) {
    switch (c) {
      case 0xFF08:
      case 0xFF09:
      case 0xFF3B:
      case 0xFF3D:
      case 0xFF5B:
      case 0xFF5D:
      case 0xFF1C:
      case 0xFF1E:
      case 0xFF02:
      case 0xFF0C:
      case 0xFF1B:
        return false;  // （）［］｛｝＜＞＂，； end a URL in CJK text
      default:
        return true;
    }
  }
  // Hyphens and soft hyphens that PDF extraction puts in place of '-'.
  if (c == 0x2010 || c == 0x2011 || c == 0xAD) return true;
  return c >= 0xC0 && c <= 0x24F;
}

bool trailing_punctuation(char32_t c) {
  switch (c) {
    case U'.':
    case U',':
    case U';':
    case U':':
    case U'!':
    case U'?':
    case U'\'':
    case U'"':
    case U'*':
    case 0x3002:
    case 0xFF0C:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF0E:
    case 0xFF01:
    case 0xFF1F:
      return true;
    default:
      return false;
  }
}

// `prefix` is lowercase ASCII.
bool starts_with_ci(std::string_view s, std::size_t i, std::string_view prefix) {
  if (s.size() - i < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    const char c = s[i + k];
    if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != prefix[k]) return false;
  }
  return true;
}

// The schemes a URL starts with as written: the web's, and the forms OCR leaves of them (a 't'
// lost or doubled: "htp://", "htps://", "htttp://"), which normalise_url repairs. Longest first.
constexpr std::array<std::string_view, 7> kSchemes = {"htttps", "htttp", "https", "http",
                                                      "htps",   "htp",   "ftp"};

// Where a URL starting at i has its "//" end, or npos when i does not start a URL.
std::size_t scheme_end(std::string_view s, std::size_t i) {
  std::size_t j = i;
  const auto scheme = std::find_if(kSchemes.begin(), kSchemes.end(),
                                   [&](std::string_view w) { return starts_with_ci(s, j, w); });
  if (scheme == kSchemes.end()) return std::string_view::npos;
  j += scheme->size();
  while (j < s.size() && s[j] == ' ') ++j;
  if (j < s.size() && s[j] == ':') {
    ++j;
  } else if (s.compare(j, 3, "\xEF\xBC\x9A") == 0) {  // full-width colon
    j += 3;
  } else {
    return std::string_view::npos;
  }
  while (j < s.size() && s[j] == ' ') ++j;
  for (int slash = 0; slash < 2; ++slash) {
    if (j < s.size() && s[j] == '/') {
      ++j;
    } else if (s.compare(j, 3, "\xEF\xBC\x8F") == 0) {
      j += 3;
    } else {
      return std::string_view::npos;
    }
  }
  return j;
}

// The length of "www." or "www2." (a numbered web host) at s[i] when a letter or digit follows;
// 0 otherwise.
std::size_t www_length(std::string_view s, std::size_t i) {
  if (!starts_with_ci(s, i, "www")) return 0;
  std::size_t j = i + 3;
  if (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
  if (j + 1 >= s.size() || s[j] != '.' || !std::isalnum(static_cast<unsigned char>(s[j + 1])))
    return 0;
  return j + 1 - i;
}

// A URL glued to the punctuation before it ("[2019-06-20].http://", "Availableat:https://",
// "URL:http://", "．http", "见:http") starts there all the same when its scheme shows; not
// after a letter or digit ("xhttp://"), and "www." only after a space or punctuation that is no
// part of a host or path.
bool url_starts_at(std::string_view s, std::size_t i, std::size_t floor) {
  const unsigned char before = i > floor ? static_cast<unsigned char>(s[i - 1]) : ' ';
  if (std::isalnum(before) || before == '/' || before == '@' || before == '-' || before == '_' ||
      before == '%')
    return false;  // inside a word, another URL (an archive's copy of a page) or an address
  if (scheme_end(s, i) != std::string_view::npos) return true;
  if (before == '.') return false;
  return www_length(s, i) > 0;
}

// Whether a bracket at s[i] opens the words that give the access date, glued to a URL
// ("outlook/2012/(accessed 15 November 2014)"): the URL ends before it.
bool opens_access_note(std::string_view s, std::size_t i) {
  static constexpr std::string_view kWords[] = {"accessed", "retrieved", "viewed", "cited",
                                                "visited",  "last acc",  "acesso", "consult"};
  for (std::string_view w : kWords)
    if (starts_with_ci(s, i + 1, w)) return true;
  return false;
}

std::size_t consume_url_chars(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end) {
    std::size_t j = i;
    if (!url_char(utf8::next(s, j))) break;
    if (s[i] == '(' && opens_access_note(s, i)) break;
    i = j;
  }
  return i;
}

bool is_file_extension(std::string_view token) {
  static const std::array<std::string_view, 27> kExtensions = {
      "html", "htm",  "shtml", "shtm", "xhtml", "php", "asp",  "aspx", "jsp",
      "pdf",  "xml",  "cgi",   "doc",  "docx",  "xls", "xlsx", "ppt",  "pptx",
      "txt",  "json", "csv",   "zip",  "jpg",   "png", "gif",  "cfm",  "do"};
  const std::string t = utf8::ascii_lower(token);
  return std::find(kExtensions.begin(), kExtensions.end(), t) != kExtensions.end();
}

std::string_view trim_trailing_punctuation(std::string_view t) {
  while (!t.empty()) {
    std::size_t i = t.size();
    if (!trailing_punctuation(utf8::prev(t, i))) break;
    t = t.substr(0, i);
  }
  return t;
}

constexpr std::size_t npos_ = std::string_view::npos;

// Whether a URL so far holds a DOI ("/10.1016/j.") and ends inside it at a '.' or '-', or ends
// with "/10." and `next` gives the rest of the prefix ("1016/...").
bool in_doi_path(std::string_view url, std::string_view next) {
  if (url.size() >= 4 && url.compare(url.size() - 4, 4, "/10.") == 0) {
    std::size_t k = 0;
    while (k < next.size() && std::isdigit(static_cast<unsigned char>(next[k]))) ++k;
    return k >= 4 && k < next.size() && next[k] == '/';
  }
  // "/10.1016/j." + "nuclphysa...": a journal's short code, then the rest in lower case;
  // "/10.1016/0370-" + "2693(84)...": digits on. Not "/10.1016/j.cell.2019.05.031." + "D.".
  const char last = url.back();
  if (next.empty() || (last != '.' && last != '-')) return false;
  const auto n0 = static_cast<unsigned char>(next[0]);
  if (last == '-' ? !std::isdigit(n0) : !std::islower(n0)) return false;
  const std::size_t doi = url.find("/10.");
  if (doi == std::string_view::npos) return false;
  std::size_t k = doi + 4;
  while (k < url.size() && std::isdigit(static_cast<unsigned char>(url[k]))) ++k;
  if (k - doi - 4 < 4 || k >= url.size() || url[k] != '/') return false;
  if (last == '-') return true;
  std::size_t code = url.size() - 1;  // the letters before the final '.'
  while (code > k + 1 && std::isalpha(static_cast<unsigned char>(url[code - 1]))) --code;
  return url[code - 1] == '/' && url.size() - 1 - code >= 1 && url.size() - 1 - code <= 3;
}

// Whether a URL so far ends with a DOI's prefix and its slash ("https://doi.org/10.1016/").
bool ends_with_doi_prefix(std::string_view url) {
  if (url.size() < 9 || url.back() != '/') return false;
  std::size_t i = url.size() - 1;
  const std::size_t digits_end = i;
  while (i > 0 && std::isdigit(static_cast<unsigned char>(url[i - 1]))) --i;
  return digits_end - i >= 4 && i >= 4 && url.compare(i - 4, 4, "/10.") == 0;
}

// Whether `token`, after whitespace, continues the URL written so far (`current`).
// `http://www. moe.gov.cn/a/b. html` is one URL; `... .htm. Ministry of ...` ends at `.htm`.
bool continues_url(std::string_view current, std::string_view token, bool line_break) {
  const std::string_view t = trim_trailing_punctuation(token);
  if (t.empty() || current.empty()) return false;
  // "htp:// www.dmu.dk/...": a scheme with nothing after it goes on with the host.
  if (current.size() >= 3 && current.substr(current.size() - 3) == "://" &&
      !starts_with_ci(t, 0, "http"))
    return true;
  // A word that starts a URL or a DOI of its own; "doi/10.1103/..." is a path.
  if (starts_with_ci(t, 0, "http") || www_length(t, 0) > 0 ||
      (starts_with_ci(t, 0, "doi") && !(t.size() > 3 && t[3] == '/')))
    return false;
  const char first = t[0];
  if (first == '(' || first == '[' || first == '\'') return false;
  // Inside a DOI in the path, a gap left by extraction: ".../10.1016/ 0375-9474(75)90292-4",
  // ".../10. 1016/0370-2693(84)90916-X", ".../10.1016/j. nuclphysa.2010.01.125". A DOI's
  // prefix is no whole address, and its suffix goes on (even when it starts like a date).
  if (std::isalnum(static_cast<unsigned char>(first)) &&
      (ends_with_doi_prefix(current) || in_doi_path(current, t)))
    return true;
  if (t.size() >= 5 && std::isdigit(static_cast<unsigned char>(t[0])) &&
      std::isdigit(static_cast<unsigned char>(t[3])) && (t[4] == '-' || t[4] == '.' || t[4] == '/'))
    return false;  // a date, "2019-06-14"

  const char last = current.back();
  const std::size_t scheme = current.find("://");
  const std::size_t host_begin = scheme == std::string_view::npos ? 0 : scheme + 3;
  const bool in_host = current.find('/', host_begin) == std::string_view::npos;
  const bool lower_start = std::islower(static_cast<unsigned char>(first)) ||
                           std::isdigit(static_cast<unsigned char>(first));
  const bool has_slash = t.find('/') != std::string_view::npos;
  const bool interior = t.find_first_of("/.=?&_%") != std::string_view::npos;

  if (current.size() >= 3 && current.substr(current.size() - 3) == "://") return true;
  // "http://li" + "braries.mit.edu/...": a host with no dot yet is no whole address.
  const bool dotless_host =
      in_host && current.find('.', host_begin) == std::string_view::npos && scheme != npos_;
  if (dotless_host && lower_start && t.find('.') != std::string_view::npos &&
      (line_break || t.find('/') != std::string_view::npos))
    return true;  // "http://librar ies.mit.edu/data-management/" too
  // "https://www.library.cornell .edu/research": a space before a dot of the host.
  if (in_host && first == '.' && t.size() > 2 && std::islower(static_cast<unsigned char>(t[1])) &&
      t.find('/') != std::string_view::npos)
    return true;
  if (last == '.') {
    if (is_file_extension(t)) return true;
    // "http://www. moe.gov.cn/...": the rest of a host has a dot or a path ("www.vice.com. 2
    // February 2017" is a host, then a date).
    if (in_host && lower_start && t.find_first_of("./") != std::string_view::npos) return true;
    return has_slash && std::isalnum(static_cast<unsigned char>(first));
  }
  if (last == '/') return interior && (lower_start || has_slash);
  if (std::string_view("-_=?&#%~+:").find(last) != std::string_view::npos)
    return std::isalnum(static_cast<unsigned char>(first)) != 0;
  // A word character: only a line break splits a URL there, and only inside the path.
  if (line_break && !in_host && lower_start && interior) return true;
  return line_break && first == '.' && is_file_extension(t.substr(1));
}

std::size_t trim_url_end(std::string_view s, std::size_t begin, std::size_t end) {
  while (end > begin) {
    std::size_t i = end;
    const char32_t c = utf8::prev(s, i);
    const std::string_view url = s.substr(begin, i - begin);
    if (trailing_punctuation(c)) {
      end = i;
    } else if (c == U')' &&
               std::count(url.begin(), url.end(), '(') <= std::count(url.begin(), url.end(), ')')) {
      end = i;
    } else if (c == U']' &&
               std::count(url.begin(), url.end(), '[') <= std::count(url.begin(), url.end(), ']')) {
      end = i;
    } else {
      break;
    }
  }
  return end;
}

// Whether a scheme and host make an address a browser can open: http, https or ftp, and a
// host with a dot (or an IP address, or localhost), no empty label.
bool web_address(std::string_view scheme, std::string_view host, boost::urls::host_type type) {
  const bool web = scheme == "http" || scheme == "https" || scheme == "ftp";
  return web && !host.empty() &&
         (host.find('.') != std::string_view::npos || type != boost::urls::host_type::name ||
          host == "localhost") &&
         host.front() != '.' && host.back() != '.' && host.find("..") == std::string_view::npos;
}

// The common case without a full parse: lowercase "http(s)://", a host of [a-z0-9.-], then
// only characters RFC 3986 allows as they stand, or %XX. Returns whether such a URL is valid,
// or nothing where it is not that simple and Boost.URL must parse and normalise it.
std::optional<bool> plain_web_url(std::string_view url) {
  std::size_t i;
  if (url.rfind("http://", 0) == 0) {
    i = 7;
  } else if (url.rfind("https://", 0) == 0) {
    i = 8;
  } else {
    return std::nullopt;
  }
  const std::size_t host_begin = i;
  while (i < url.size() && ((url[i] >= 'a' && url[i] <= 'z') || (url[i] >= '0' && url[i] <= '9') ||
                            url[i] == '.' || url[i] == '-'))
    ++i;
  if (i < url.size() && url[i] != '/' && url[i] != '?' && url[i] != '#') return std::nullopt;
  const std::string_view host = url.substr(host_begin, i - host_begin);
  static constexpr ByteSet kAllowed = {
      'a', 'b',  'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q',
      'r', 's',  't', 'u', 'v', 'w', 'x', 'y', 'z', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H',
      'I', 'J',  'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y',
      'Z', '0',  '1', '2', '3', '4', '5', '6', '7', '8', '9', '-', '.', '_', '~', '!', '$',
      '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '/', '?'};
  bool fragment = false;
  for (; i < url.size(); ++i) {
    const char c = url[i];
    if (kAllowed[static_cast<unsigned char>(c)]) continue;
    if (c == '#' && !fragment) {
      fragment = true;
    } else if (c == '%' && i + 2 < url.size() &&
               std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(url[i + 2]))) {
      i += 2;
    } else {
      return std::nullopt;
    }
  }
  return web_address("http", host, boost::urls::host_type::name);
}

// A URL shows itself by its "://" (or full-width "：", lead byte 0xEF) or by "www.": scan for
// those bytes, then step back to where the scheme starts.
std::size_t url_start_near(std::string_view s, std::size_t i, std::size_t floor) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == 'w' || c == 'W') return url_starts_at(s, i, floor) ? i : std::string_view::npos;
  // At ':' or a full-width colon: the scheme is the letters (and spaces) just before it.
  std::size_t b = i;
  while (b > floor && s[b - 1] == ' ' && i - b < 3) --b;
  const std::size_t letters_end = b;
  while (b > floor && std::isalpha(static_cast<unsigned char>(s[b - 1])) && letters_end - b < 6)
    --b;
  if (b == letters_end) return std::string_view::npos;
  // The scheme is the last letters before the colon ("Xhttp:" is none: url_starts_at).
  for (; b < letters_end; ++b)
    if (scheme_end(s, b) != std::string_view::npos)
      return url_starts_at(s, b, floor) ? b : std::string_view::npos;
  return std::string_view::npos;
}

// Whether a URL as written so far cannot be a whole address: its host has no dot yet.
bool incomplete(std::string_view current) {
  const std::size_t scheme = current.find("://");
  if (scheme == std::string_view::npos) return false;
  const std::string_view host = current.substr(scheme + 3);
  return host.find_first_of("./") == std::string_view::npos;
}

// OCR damage repaired: a scheme with a 't' lost or doubled ("htp://", "htps://", "htttp://")
// and a top-level domain with a zero for its 'o' ("dx.doi.0rg", "example.c0m"; a TLD has no
// digits). `url` is as encoded, before it is parsed.
void repair_ocr(std::string& url) {
  if (url.size() < 8) return;
  const bool web = url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
  for (auto [damaged, repaired] : {std::pair<std::string_view, std::string_view>{"htttp", "http"},
                                   {"htps", "https"},
                                   {"htp", "http"}}) {
    if (web) break;
    if (starts_with_ci(url, 0, damaged) &&
        (url.compare(damaged.size(), 1, ":") == 0 ||
         (damaged != "htps" && url.compare(damaged.size(), 2, "s:") == 0))) {
      url.replace(0, damaged.size(), repaired);
      break;
    }
  }
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return;
  const std::size_t host_end = std::min(url.find_first_of("/?#:", scheme + 3), url.size());
  const std::size_t dot = url.rfind('.', host_end);
  if (dot == std::string::npos || dot < scheme + 3) return;
  if (url.find('0', dot) >= host_end) return;  // most hosts: no zero in the top-level domain
  std::string tld = utf8::ascii_lower(std::string_view(url).substr(dot + 1, host_end - dot - 1));
  if (tld.find('0') == std::string::npos) return;
  std::replace(tld.begin(), tld.end(), '0', 'o');
  static constexpr std::array<std::string_view, 6> kTlds = {"org",  "com", "gov",
                                                            "info", "int", "io"};
  if (std::find(kTlds.begin(), kTlds.end(), tld) != kTlds.end())
    url.replace(dot + 1, host_end - dot - 1, tld);
}

}  // namespace

bool url_continues_on_next_line(std::string_view url_so_far, std::string_view next_token) {
  return continues_url(url_so_far, next_token, true);
}

std::vector<Url> find_urls(const Document& doc, std::size_t begin, std::size_t end) {
  const std::string_view s(doc.text());
  std::vector<Url> urls;
  // A colon, "ww" of "www." in any case, or the full-width colon (EF BC 9A).
  static constexpr BytePairs kStarts = {
      {':', BytePairs::kAny, false}, {'w', 'w', true}, {0xEF, 0xBC, false}};
  for (std::size_t at = begin; (at = kStarts.find(s, at, end)) < end; ++at) {
    const std::size_t i = url_start_near(s, at, begin);
    if (i == std::string_view::npos) continue;
    // From the end of "scheme://", which may have spaces inside ("http: //").
    const std::size_t after_scheme = scheme_end(s, i);
    std::size_t pos =
        consume_url_chars(s, after_scheme == std::string_view::npos ? i : after_scheme, end);
    while (pos < end && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '\n' || s[pos] == '\r')) {
      std::size_t ws = pos;
      int newlines = 0;
      while (ws < end && (s[ws] == ' ' || s[ws] == '\t' || s[ws] == '\n' || s[ws] == '\r')) {
        newlines += s[ws] == '\n';
        ++ws;
      }
      // A blank line ends the URL, unless it cannot end there: a PDF converter put a blank line
      // inside a host ("http://li\n\nbraries.mit.edu/...").
      if (ws >= end || (newlines > 1 && !(newlines == 2 && incomplete(s.substr(i, pos - i)))))
        break;
      const std::size_t token_end = consume_url_chars(s, ws, end);
      if (token_end == ws) break;
      if (!continues_url(s.substr(i, pos - i), s.substr(ws, token_end - ws), newlines >= 1)) break;
      pos = token_end;
    }
    const std::size_t url_end = trim_url_end(s, i, pos);
    urls.push_back(make_url(doc, i, url_end, s.substr(i, url_end - i)));
    at = std::max(at, url_end > 0 ? url_end - 1 : 0);
  }
  return urls;
}

Url make_url(const Document& doc, std::size_t begin, std::size_t end, std::string_view text) {
  Url url;
  url.as_written = std::string_view(doc.text()).substr(begin, end - begin);
  const std::string normalised = normalise_url(text, &url.valid);
  url.normalised = normalised == url.as_written ? url.as_written : doc.keep(normalised);
  url.span = doc.span(begin, end);
  if (url.valid) {
    url.path_date = url_path_date(url.normalised);
    url.archived = is_archive_url(url.normalised);
    if (url.archived) doc.note_archive_url();
  }
  return url;
}

void rejoin_urls_cited_whole(const Document& doc, std::vector<Reference>& refs) {
  const std::string_view s(doc.text());
  // Every URL of the list, sorted: made when the first gap needs it (most lists have none).
  std::vector<std::string_view> whole;
  auto cited = [&](std::string_view url) {
    if (whole.empty()) {
      for (const Reference& r : refs)
        for (const Url& u : r.urls) whole.push_back(u.normalised);
      std::sort(whole.begin(), whole.end());
    }
    return std::binary_search(whole.begin(), whole.end(), url);
  };
  for (Reference& r : refs) {
    for (Url& u : r.urls) {
      if (u.composed || u.span.end >= r.span.end) continue;
      // One gap of spaces (or one line break), then a token up to the next space.
      std::size_t ws = u.span.end;
      int newlines = 0;
      while (ws < r.span.end && (s[ws] == ' ' || s[ws] == '\t' || s[ws] == '\n' || s[ws] == '\r'))
        newlines += s[ws++] == '\n';
      if (ws == u.span.end || newlines > 1 || inside_url(r.urls, ws)) continue;
      const std::size_t token_end = trim_url_end(s, ws, consume_url_chars(s, ws, r.span.end));
      if (token_end <= ws) continue;
      std::string joined(u.normalised);
      joined += s.substr(ws, token_end - ws);
      bool valid = false;
      joined = normalise_url(joined, &valid);
      if (!valid || joined == u.normalised || !cited(joined)) continue;
      u = make_url(doc, u.span.begin, token_end, s.substr(u.span.begin, token_end - u.span.begin));
    }
  }
}

bool is_web_link(std::string_view target) {
  return starts_with_ci(target, 0, "http://") || starts_with_ci(target, 0, "https://") ||
         starts_with_ci(target, 0, "ftp://");
}

bool inside_url(const std::vector<Url>& urls, std::size_t pos) {
  // A link's target over words (Url::linked) covers no written URL.
  auto holds = [&](const Url& u) { return !u.linked && pos >= u.span.begin && pos < u.span.end; };
  if (urls.size() <= 16) return std::any_of(urls.begin(), urls.end(), holds);
  // Many (a whole list on one line): by position, as the extractors find them in order; the
  // few before the first that starts after pos (written URLs do not overlap).
  const auto after = std::partition_point(urls.begin(), urls.end(),
                                          [&](const Url& u) { return u.span.begin <= pos; });
  const auto from = after - std::min<std::ptrdiff_t>(after - urls.begin(), 8);
  return std::any_of(from, after, holds);
}

std::string normalise_url(std::string_view as_written, bool* valid) {
  std::string encoded;
  encoded.reserve(as_written.size() + 8);
  if (www_length(as_written, 0) > 0) encoded = "http://";
  const bool plain = std::all_of(as_written.begin(), as_written.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
  if (plain) {
    encoded += as_written;
  } else {
    // Drop whitespace and soft hyphens, fold look-alikes, percent-encode the rest of non-ASCII.
    static const char kHex[] = "0123456789ABCDEF";
    std::string folded;
    for (std::size_t i = 0; i < as_written.size();) {
      const char32_t c = utf8::next(as_written, i);
      if (utf8::is_space(c) || c == 0xAD) continue;
      folded.clear();
      utf8::append(folded, c == 0x2010 || c == 0x2011 ? U'-' : utf8::fold_fullwidth(c));
      for (unsigned char b : folded) {
        if (b >= 0x80) {
          encoded += '%';
          encoded += kHex[b >> 4];
          encoded += kHex[b & 0xF];
        } else {
          encoded += static_cast<char>(b);
        }
      }
    }
  }
  repair_ocr(encoded);
  if (const auto simple = plain_web_url(encoded)) {
    if (valid) *valid = *simple;
    return encoded;
  }
  auto parsed = boost::urls::parse_uri(encoded);
  if (!parsed) {
    if (valid) *valid = false;
    return encoded;
  }
  boost::urls::url u(*parsed);
  u.normalize_scheme();
  u.normalize_authority();
  if (valid) *valid = web_address(u.scheme(), u.encoded_host(), u.host_type());
  // An international host stays as written, in Unicode ("bücher.example"): the checker asks for
  // its ASCII form (net/idn.hpp), reports show the name readers know.
  if (u.encoded_host().find('%') != boost::urls::pct_string_view::npos) {
    const std::string host = u.host();
    if (utf8::first_invalid(host) == std::string::npos &&
        std::none_of(host.begin(), host.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x21 ||
                 std::string_view("/?#@:[]%").find(c) != std::string_view::npos;
        })) {
      std::string out(u.buffer());
      const std::size_t at = out.find(u.encoded_host());
      out.replace(at, u.encoded_host().size(), host);
      return out;
    }
  }
  return std::string(u.buffer());
}

}  // namespace citelint
