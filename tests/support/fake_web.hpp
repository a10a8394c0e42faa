// An in-process fake web for the checker's tests: HTTP and HTTPS (self-signed) on 127.0.0.1,
// port 0, with a route for every behaviour the checker must get right, and counts of what it
// saw (requests per path, methods, user agents, the most requests in flight per host). Test
// host names reach it through --resolve / CheckOptions::resolve.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace citelint::test {

struct FakeRequest {
  std::string method, target, host, user_agent;
  std::map<std::string, std::string> headers;  // every header, names lowercased
};

struct FakeReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  int delay_ms = 0;    // before answering
  bool hang = false;   // never answer (until the server stops)
  bool reset = false;  // drop the connection without an answer
  std::string raw;     // bytes written as they are instead of an HTTP response, then closed
};

// One request as the server saw it, in the order they came.
struct FakeVisit {
  std::string target, host;
  std::chrono::steady_clock::time_point at;
};

class FakeWeb {
 public:
  // `nth`: how many requests this path had, this one included.
  using Handler = std::function<FakeReply(const FakeRequest&, int nth)>;

  FakeWeb();
  ~FakeWeb();
  FakeWeb(const FakeWeb&) = delete;
  FakeWeb& operator=(const FakeWeb&) = delete;

  unsigned short port() const { return port_; }
  unsigned short tls_port() const { return tls_port_; }
  // "HOST:PORT:127.0.0.1" for the plain listener (or the TLS one), for --resolve.
  std::string resolve(const std::string& host, bool tls = false) const;
  // http://HOST:PORT/PATH (https:// for tls).
  std::string url(const std::string& host, const std::string& path, bool tls = false) const;

  // Adds or replaces a route; a path without a route answers 404. A path ending in '*' is a
  // prefix: it answers every path that starts with the rest, when no exact route does.
  void route(const std::string& path, Handler handler);

  int requests(const std::string& path) const;
  int total_requests() const;
  std::vector<std::string> methods(const std::string& path) const;
  std::vector<std::string> user_agents(const std::string& path) const;
  int max_in_flight(const std::string& host) const;
  int max_in_flight_total() const;
  std::vector<FakeVisit> visits() const;

  static std::string gzip(const std::string& data);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_ = 0, tls_port_ = 0;
};

}  // namespace citelint::test
