// International domain names: a URL is kept and reported as it was written (its host in
// Unicode), and asked for in the ASCII form DNS and servers know (IDNA 2008 with UTS #46
// mapping: "bücher.example" is "xn--bcher-kva.example").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citelint::net {

// Where a URL's authority lies, as offsets: after "scheme://" (begin) to the path, query or
// fragment (end); the host after any userinfo@ and before any :port. All npos without "://".
struct Authority {
  std::size_t begin = std::string_view::npos, host_begin = begin, host_end = begin, end = begin;
  bool has_userinfo() const { return host_begin > begin; }
};
Authority authority_of(std::string_view url);

// The URL with its host in ASCII: itself when the host is ASCII already; nothing when the host
// is no valid international domain name.
std::optional<std::string> ascii_url(std::string_view url);

// A redirect's target as a browser asks for it: its host in ASCII, and bytes that are not ASCII
// (or are spaces or controls) elsewhere percent-encoded ("/café" is "/caf%C3%A9").
std::string request_form(std::string_view url);

}  // namespace citelint::net
