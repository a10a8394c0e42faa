// Which addresses a reference list may not make citelint connect to: loopback, private,
// link-local, unspecified and multicast ranges (RFC 1918, 4193, 3927, 6598 and friends).
#pragma once

#include <sys/socket.h>

namespace citelint::net {

bool is_private_address(const sockaddr* address);

}  // namespace citelint::net
