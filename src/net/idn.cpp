#include "net/idn.hpp"

#include <idn2.h>

#include <algorithm>
#include <boost/url/pct_string_view.hpp>
#include <memory>

namespace citelint::net {

Authority authority_of(std::string_view url) {
  Authority a;
  const std::size_t mark = url.find("://");
  if (mark == std::string_view::npos) return a;
  a.begin = a.host_begin = mark + 3;
  a.end = a.host_end = std::min(url.find_first_of("/?#", a.begin), url.size());
  if (const std::size_t at = url.substr(a.begin, a.end - a.begin).rfind('@');
      at != std::string_view::npos)
    a.host_begin = a.begin + at + 1;
  if (const std::size_t colon = url.substr(a.host_begin, a.end - a.host_begin).rfind(':');
      colon != std::string_view::npos && a.host_begin < a.end && url[a.host_begin] != '[')
    a.host_end = a.host_begin + colon;
  return a;
}

std::optional<std::string> ascii_url(std::string_view url) {
  const Authority a = authority_of(url);
  if (a.begin == std::string_view::npos) return std::string(url);
  const std::string_view host = url.substr(a.host_begin, a.host_end - a.host_begin);
  if (std::all_of(host.begin(), host.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '%'; }))
    return std::string(url);
  // "b%C3%BCcher" as the UTF-8 it encodes (a broken escape is no name).
  const auto encoded = boost::urls::make_pct_string_view(host);
  if (!encoded) return std::nullopt;
  const std::string unicode = encoded->decode();
  char* ascii = nullptr;
  if (idn2_to_ascii_8z(unicode.c_str(), &ascii, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL) != IDN2_OK)
    return std::nullopt;
  const std::unique_ptr<char, decltype(&idn2_free)> owned(ascii, &idn2_free);
  std::string out(url.substr(0, a.host_begin));
  out += ascii;
  out += url.substr(a.host_end);
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
