#include "net/idn.hpp"

#include <idn2.h>

#include <algorithm>
#include <memory>

namespace citelint::net {

namespace {

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "b%C3%BCcher" as the UTF-8 it encodes; nothing for a broken escape.
std::optional<std::string> percent_decoded(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) return std::nullopt;
    out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
    i += 2;
  }
  return out;
}

}  // namespace

std::optional<std::string> ascii_url(std::string_view url) {
  const std::size_t mark = url.find("://");
  if (mark == std::string_view::npos) return std::string(url);
  std::size_t begin = mark + 3;
  const std::size_t end = std::min(url.find_first_of("/?#", begin), url.size());
  const std::size_t at = url.substr(begin, end - begin).rfind('@');
  if (at != std::string_view::npos) begin += at + 1;
  std::size_t host_end = end;
  if (const std::size_t colon = url.substr(begin, end - begin).rfind(':');
      colon != std::string_view::npos && url[begin] != '[')
    host_end = begin + colon;
  const std::string_view host = url.substr(begin, host_end - begin);
  if (std::all_of(host.begin(), host.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '%'; }))
    return std::string(url);
  const auto unicode = percent_decoded(host);
  if (!unicode) return std::nullopt;
  char* ascii = nullptr;
  if (idn2_to_ascii_8z(unicode->c_str(), &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL) != IDN2_OK)
    return std::nullopt;
  const std::unique_ptr<char, decltype(&idn2_free)> owned(ascii, &idn2_free);
  std::string out(url.substr(0, begin));
  out += ascii;
  out += url.substr(host_end);
  return out;
}

std::string request_form(std::string_view url) {
  const std::string ascii = ascii_url(url).value_or(std::string(url));
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(ascii.size());
  for (char c : ascii) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b >= 0x7F) {
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace citelint::net
