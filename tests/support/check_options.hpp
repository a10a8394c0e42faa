// CheckOptions for the checker's tests against the fake web: its host names resolve to it,
// loopback is allowed, no cache, one retry, and waits short enough for a test.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "citelint/check.hpp"
#include "support/fake_web.hpp"

namespace citelint::test {

inline CheckOptions options_for(
    const FakeWeb& web, std::vector<std::string> hosts = {"site.test"},
    std::chrono::milliseconds retry_after_max = std::chrono::milliseconds(1500)) {
  CheckOptions o;
  for (const std::string& h : hosts) {
    o.resolve.push_back(web.resolve(h));
    o.resolve.push_back(web.resolve(h, true));
  }
  o.allow_private = true;
  o.use_cache = false;
  o.retries = 1;
  o.retry_base = std::chrono::milliseconds(10);
  o.retry_after_max = retry_after_max;
  o.timeout = std::chrono::milliseconds(5000);
  return o;
}

}  // namespace citelint::test
