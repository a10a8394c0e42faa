// libcurl's multi interface driven by a Boost.Asio io_context, after curl's asiohiper example:
// curl says which sockets to watch and when to time out (CURLMOPT_SOCKETFUNCTION,
// CURLMOPT_TIMERFUNCTION); Asio waits on them and tells curl what happened.
#pragma once

#include <curl/curl.h>
#include <sys/socket.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <map>
#include <memory>

namespace citelint::net {

class CurlLoop {
 public:
  // Decides whether a transfer may connect to an address (after DNS, before connect).
  using Guard = std::function<bool(const sockaddr* address)>;

  explicit CurlLoop(boost::asio::io_context& io);
  ~CurlLoop();
  CurlLoop(const CurlLoop&) = delete;
  CurlLoop& operator=(const CurlLoop&) = delete;

  // Starts a transfer on an easy handle the caller set up and keeps alive until `done` runs
  // (from the io_context, once, with curl's result). `refused` is set when the guard refused
  // every address the transfer tried.
  void start(CURL* easy, const Guard& guard, bool* refused, std::function<void(CURLcode)> done);
  // Idle connections kept for reuse at most (curl closes the oldest beyond that).
  void set_connection_cache(long connections);

 private:
  struct Socket {
    explicit Socket(boost::asio::io_context& io) : socket(io) {}
    boost::asio::ip::tcp::socket socket;
    int wanted = 0;  // CURL_POLL_IN / OUT / INOUT, or 0
    bool reading = false, writing = false;
    bool closed = false;
  };
  struct Transfer {
    CurlLoop* loop;
    const Guard* guard;
    bool* refused;
    std::function<void(CURLcode)> done;
  };

  static int on_socket(CURL* easy, curl_socket_t s, int what, void* self, void* socketp);
  static int on_timer(CURLM* multi, long timeout_ms, void* self);
  static curl_socket_t on_open(void* transfer, curlsocktype purpose, curl_sockaddr* address);
  static int on_close(void* self, curl_socket_t s);

  void arm(const std::shared_ptr<Socket>& socket, curl_socket_t fd, bool read);
  void act(curl_socket_t fd, int events);
  void finish_done();

  boost::asio::io_context& io_;
  CURLM* multi_;
  boost::asio::steady_timer timer_;
  std::map<curl_socket_t, std::shared_ptr<Socket>> sockets_;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
};

}  // namespace citelint::net
