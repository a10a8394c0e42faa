#include "net/address.hpp"

#include <netinet/in.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>

namespace citelint::net {

namespace {

bool private_v4(std::uint32_t a) {  // host byte order
  auto in = [&](std::uint32_t net, int bits) {
    const std::uint32_t mask = bits == 0 ? 0 : ~std::uint32_t{0} << (32 - bits);
    return (a & mask) == net;
  };
  return in(0x00000000, 8)      // "this network"
         || in(0x0A000000, 8)   // 10/8
         || in(0x64400000, 10)  // 100.64/10, carrier-grade NAT
         || in(0x7F000000, 8)   // loopback
         || in(0xA9FE0000, 16)  // link-local, cloud metadata services
         || in(0xAC100000, 12)  // 172.16/12
         || in(0xC0A80000, 16)  // 192.168/16
         || in(0xC6120000, 15)  // 198.18/15, benchmarking
         || in(0xE0000000, 4)   // multicast
         || in(0xF0000000, 4);  // reserved, broadcast
}

}  // namespace

namespace {

std::uint32_t v4_at(const unsigned char* b) {
  return std::uint32_t{b[0]} << 24 | std::uint32_t{b[1]} << 16 | std::uint32_t{b[2]} << 8 | b[3];
}

bool starts(const unsigned char* b, std::initializer_list<unsigned char> prefix) {
  return std::equal(prefix.begin(), prefix.end(), b);
}

// An IPv6 address by what it is or what IPv4 address it carries: every form that embeds or maps
// one is judged by that address (a guard that looked only at the IPv6 form would let
// [::127.0.0.1] or [64:ff9b::169.254.169.254] through).
bool private_v6(const unsigned char* b) {
  static const unsigned char kZero[16] = {};
  const bool zero_96 = std::memcmp(b, kZero, 12) == 0;  // ::a.b.c.d (and :: and ::1)
  const bool mapped = std::memcmp(b, kZero, 10) == 0 && b[10] == 0xFF && b[11] == 0xFF;
  const bool translated = std::memcmp(b, kZero, 8) == 0 && b[8] == 0xFF && b[9] == 0xFF &&
                          b[10] == 0 && b[11] == 0;  // ::ffff:0:a.b.c.d
  const bool nat64 = starts(b, {0x00, 0x64, 0xFF, 0x9B}) && std::memcmp(b + 4, kZero, 8) == 0;
  if (zero_96 || mapped || translated || nat64) return private_v4(v4_at(b + 12));
  if (starts(b, {0x20, 0x02})) return private_v4(v4_at(b + 2));  // 6to4, 2002:a.b.c.d::/48
  if (starts(b, {0x20, 0x01, 0x00, 0x00})) {  // Teredo: the server, and the client (inverted)
    const std::uint32_t client = ~v4_at(b + 12);
    return private_v4(v4_at(b + 4)) || private_v4(client);
  }
  return starts(b, {0x00, 0x64, 0xFF, 0x9B, 0x00, 0x01})  // 64:ff9b:1::/48, local NAT64
         || (b[0] & 0xFE) == 0xFC                         // fc00::/7, unique local
         || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)       // fe80::/10, link-local
         || (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)       // fec0::/10, site-local (deprecated)
         || starts(b, {0x01, 0x00, 0, 0, 0, 0, 0, 0})     // 100::/64, discard
         || starts(b, {0x20, 0x01, 0x0D, 0xB8})           // 2001:db8::/32, documentation
         || b[0] == 0xFF;                                 // multicast
}

}  // namespace

bool is_private_address(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return private_v4(ntohl(v4.sin_addr.s_addr));
  }
  if (address->sa_family != AF_INET6) return true;  // nothing else is a web server
  sockaddr_in6 v6;
  std::memcpy(&v6, address, sizeof v6);
  return private_v6(v6.sin6_addr.s6_addr);
}

}  // namespace citelint::net
