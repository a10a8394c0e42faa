#include "net/address.hpp"

#include <netinet/in.h>

#include <cstdint>
#include <cstring>

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

bool is_private_address(const sockaddr* address) {
  if (address->sa_family == AF_INET) {
    sockaddr_in v4;
    std::memcpy(&v4, address, sizeof v4);
    return private_v4(ntohl(v4.sin_addr.s_addr));
  }
  if (address->sa_family != AF_INET6) return true;  // nothing else is a web server
  sockaddr_in6 v6;
  std::memcpy(&v6, address, sizeof v6);
  const unsigned char* b = v6.sin6_addr.s6_addr;
  static const unsigned char kZero[16] = {};
  if (std::memcmp(b, kZero, 15) == 0 && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
  const bool mapped = std::memcmp(b, kZero, 10) == 0 && b[10] == 0xFF && b[11] == 0xFF;
  if (mapped) return private_v4(std::uint32_t{b[12]} << 24 | b[13] << 16 | b[14] << 8 | b[15]);
  return (b[0] & 0xFE) == 0xFC                       // fc00::/7, unique local
         || (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)  // fe80::/10, link-local
         || b[0] == 0xFF;                            // multicast
}

}  // namespace citelint::net
