#include "net/page.hpp"

#include <re2/re2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <vector>

#include "model/utf8.hpp"

namespace citelint::net {

namespace {

constexpr std::size_t kTitleLongest = 300;  // bytes of one name kept

// The charset the page declares (its Content-Type, else a <meta>); empty when none.
std::string declared_charset(const Response& r) {
  static const RE2 kCharset("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)");
  std::string charset;
  const auto type = r.headers.find("content-type");
  if (type != r.headers.end()) RE2::PartialMatch(type->second, kCharset, &charset);
  if (charset.empty())
    RE2::PartialMatch(std::string_view(r.body).substr(0, 4096), kCharset, &charset);
  return utf8::ascii_lower(charset);
}

// Bytes in `charset` as UTF-8; empty when ICU does not know the charset or the text is not in it.
std::string to_utf8(std::string_view text, const std::string& charset) {
  if (charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii")
    return utf8::valid(text) ? std::string(text) : std::string();
  const icu::UnicodeString u(text.data(), static_cast<std::int32_t>(text.size()), charset.c_str());
  if (u.isBogus()) return {};
  std::string out;
  return u.toUTF8String(out);
}

// Text with its entities decoded and its white space collapsed to single spaces, trimmed, at
// most `limit` bytes (not cutting a character in two).
std::string collapsed(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : decode_entities(text)) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > limit) out.resize(utf8::floor(out, limit));
  return out;
}

// One name, as read: tags inside it dropped, entities decoded, white space collapsed, trimmed.
std::string clean_name(std::string_view raw) { return visible_text(raw, kTitleLongest); }

// The inner bytes of the first <tag ...>...</tag> of the page; empty if none.
std::string_view element(std::string_view body, const std::string& lowered, std::string_view tag) {
  std::string open = "<", close = "</";  // appended: GCC 12 warns falsely on "<" + string
  open.append(tag);
  close.append(tag);
  for (std::size_t at = lowered.find(open); at != lowered.npos; at = lowered.find(open, at + 1)) {
    const char after = at + open.size() < lowered.size() ? lowered[at + open.size()] : '\0';
    if (after != '>' && after != ' ' && after != '\t' && after != '\n' && after != '\r') continue;
    const std::size_t start = lowered.find('>', at);
    const std::size_t end = start == lowered.npos ? lowered.npos : lowered.find(close, start);
    if (end == lowered.npos) return {};
    return body.substr(start + 1, std::min<std::size_t>(end - start - 1, 2000));
  }
  return {};
}

std::string html_names(const Response& r) {
  static const RE2 kOgTitle(
      "(?is)<meta\\s[^>]*?(?:property|name)\\s*=\\s*[\"']og:title[\"'][^>]*?content\\s*=\\s*"
      "(?:\"([^\"]*)\"|'([^']*)')",
      RE2::Latin1);
  static const RE2 kOgTitleFirst(
      "(?is)<meta\\s[^>]*?content\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^>]*?(?:property|name)\\s*="
      "\\s*[\"']og:title[\"']",
      RE2::Latin1);
  const std::string charset = declared_charset(r);
  const std::string lowered = utf8::ascii_lower(r.body);
  std::vector<std::string> names;
  auto add = [&](std::string_view raw) {
    const std::string name = clean_name(to_utf8(raw, charset));
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  };
  add(element(r.body, lowered, "title"));
  std::string a, b;
  if (RE2::PartialMatch(r.body, kOgTitle, &a, &b) ||
      RE2::PartialMatch(r.body, kOgTitleFirst, &a, &b))
    add(a.empty() ? b : a);
  add(element(r.body, lowered, "h1"));
  std::string out;
  for (const std::string& n : names) (out.empty() ? out : out += '\n') += n;
  return out;
}

// A PDF string literal's bytes, its escapes undone: (a\(b\)) is a(b).
std::string pdf_literal(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out += s[i];
      continue;
    }
    const char c = s[++i];
    if (c >= '0' && c <= '7') {
      int v = 0;
      for (int n = 0; n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++n, ++i)
        v = v * 8 + (s[i] - '0');
      --i;
      out += static_cast<char>(v);
    } else {
      out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
    }
  }
  return out;
}

// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (read as Latin-1,
// which it matches for letters).
std::string pdf_text(const std::string& bytes) {
  if (bytes.size() >= 2 && bytes[0] == '\xFE' && bytes[1] == '\xFF')
    return to_utf8(std::string_view(bytes).substr(2), "utf-16be");
  return utf8::valid(bytes) ? bytes : to_utf8(bytes, "iso-8859-1");
}

std::string pdf_title(const Response& r) {
  // Latin-1: a PDF's bytes are no UTF-8 text, and its strings are decoded below.
  static const RE2 kXmp("(?s)<dc:title>.{0,200}?<rdf:li[^>]*>([^<]{1,1000})</rdf:li>", RE2::Latin1);
  static const RE2 kInfoLiteral("/Title\\s*\\(((?:[^()\\\\]|\\\\.){1,1000})\\)", RE2::Latin1);
  static const RE2 kInfoHex("/Title\\s*<([0-9A-Fa-f\\s]{2,1000})>", RE2::Latin1);
  std::string found;
  if (RE2::PartialMatch(r.body, kXmp, &found)) return clean_name(to_utf8(found, ""));
  if (RE2::PartialMatch(r.body, kInfoLiteral, &found))
    return clean_name(pdf_text(pdf_literal(found)));
  if (RE2::PartialMatch(r.body, kInfoHex, &found)) {
    std::string bytes;
    std::string digits;
    for (char c : found)
      if (std::isxdigit(static_cast<unsigned char>(c))) digits += c;
    for (std::size_t i = 0; i + 1 < digits.size(); i += 2)
      bytes += static_cast<char>(std::stoi(digits.substr(i, 2), nullptr, 16));
    return clean_name(pdf_text(bytes));
  }
  return {};
}

bool is_pdf(const Response& r) {
  const auto type = r.headers.find("content-type");
  if (type != r.headers.end() && type->second.find("pdf") != std::string::npos) return true;
  return r.body.compare(0, 5, "%PDF-") == 0;
}

}  // namespace

bool is_html(const Response& r) {
  const auto type = r.headers.find("content-type");
  if (type != r.headers.end()) return type->second.find("html") != std::string::npos;
  const std::string head = utf8::ascii_lower(std::string_view(r.body).substr(0, 512));
  return head.find("<html") != head.npos || head.find("<!doctype html") != head.npos ||
         head.find("<title") != head.npos;
}

std::string page_title(const Response& r) {
  if (is_pdf(r)) return pdf_title(r);
  return is_html(r) ? html_names(r) : std::string();
}

std::string decode_entities(std::string_view s) {
  static const std::pair<std::string_view, char32_t> kNamed[] = {
      {"amp", '&'},       {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},     {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},
      {"lsquo", 0x2018},  {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
      {"hellip", 0x2026}, {"middot", 0xB7},  {"laquo", 0xAB},   {"raquo", 0xBB},
      {"copy", 0xA9},     {"reg", 0xAE},     {"trade", 0x2122}, {"bull", 0x2022}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i) : s.npos;
    if (semi == s.npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    char32_t c = 0;
    if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      const unsigned long v = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && *end == '\0' && v > 0 && v < 0x110000) c = static_cast<char32_t>(v);
    } else {
      for (const auto& [n, v] : kNamed)
        if (n == name) c = v;
    }
    if (c == 0) {
      out += s[i];
      continue;
    }
    utf8::append(out, c);
    i = semi;
  }
  return out;
}

std::string visible_text(std::string_view html, std::size_t limit) {
  std::string text;
  const std::string lowered = utf8::ascii_lower(html);
  for (std::size_t i = 0; i < html.size() && text.size() < limit * 2;) {
    if (html[i] != '<') {
      text += html[i++];
      continue;
    }
    // What does not show: a comment, a script, a style, a noscript's fallback.
    if (lowered.compare(i, 4, "<!--") == 0) {
      const std::size_t end = lowered.find("-->", i);
      i = end == lowered.npos ? html.size() : end + 3;
      continue;
    }
    bool skipped = false;
    for (const std::string_view tag : {"script", "style", "noscript", "template"}) {
      if (lowered.compare(i + 1, tag.size(), tag) != 0) continue;
      std::string close = "</";
      close.append(tag);
      const std::size_t end = lowered.find(close, i);
      const std::size_t gt = end == lowered.npos ? lowered.npos : lowered.find('>', end);
      i = gt == lowered.npos ? html.size() : gt + 1;
      skipped = true;
      break;
    }
    if (skipped) continue;
    const std::size_t gt = html.find('>', i);
    i = gt == html.npos ? html.size() : gt + 1;
    text += ' ';
  }
  return collapsed(text, limit);
}

}  // namespace citelint::net
