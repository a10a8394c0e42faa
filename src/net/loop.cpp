#include "net/loop.hpp"

#include <stdexcept>

namespace citelint::net {

namespace asio = boost::asio;
using asio::ip::tcp;

CurlLoop::CurlLoop(asio::io_context& io) : io_(io), multi_(curl_multi_init()), timer_(io) {
  if (!multi_) throw std::runtime_error("curl_multi_init failed");
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlLoop::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlLoop::on_timer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  // Several requests to one host share a connection, and HTTP/2 streams where offered.
  curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
}

void CurlLoop::set_connection_cache(long connections) {
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, connections);
}

CurlLoop::~CurlLoop() {
  for (auto& [easy, transfer] : transfers_) curl_multi_remove_handle(multi_, easy);
  transfers_.clear();
  curl_multi_cleanup(multi_);  // closes cached connections through on_close
  for (auto& [fd, socket] : sockets_) {
    socket->closed = true;
    boost::system::error_code ignored;
    socket->socket.close(ignored);
  }
}

void CurlLoop::start(CURL* easy, const Guard& guard, bool* refused,
                     std::function<void(CURLcode)> done) {
  auto transfer = std::make_unique<Transfer>(Transfer{this, &guard, refused, std::move(done)});
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, &CurlLoop::on_open);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, transfer.get());
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &CurlLoop::on_close);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
  transfers_[easy] = std::move(transfer);
  if (curl_multi_add_handle(multi_, easy) != CURLM_OK) {
    auto node = transfers_.extract(easy);
    asio::post(io_, [done = std::move(node.mapped()->done)] { done(CURLE_FAILED_INIT); });
  }
}

// Sockets are Asio's, so Asio can wait on them; the guard sees each address first.
curl_socket_t CurlLoop::on_open(void* data, curlsocktype purpose, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(data);
  CurlLoop& loop = *transfer->loop;
  if (purpose != CURLSOCKTYPE_IPCXN || (address->family != AF_INET && address->family != AF_INET6))
    return CURL_SOCKET_BAD;
  if (*transfer->guard && !(*transfer->guard)(&address->addr)) {
    if (transfer->refused) *transfer->refused = true;
    return CURL_SOCKET_BAD;
  }
  auto socket = std::make_shared<Socket>(loop.io_);
  boost::system::error_code ec;
  socket->socket.open(address->family == AF_INET ? tcp::v4() : tcp::v6(), ec);
  if (ec) return CURL_SOCKET_BAD;
  const curl_socket_t fd = socket->socket.native_handle();
  loop.sockets_[fd] = std::move(socket);
  return fd;
}

int CurlLoop::on_close(void* self, curl_socket_t fd) {
  auto& loop = *static_cast<CurlLoop*>(self);
  const auto it = loop.sockets_.find(fd);
  if (it == loop.sockets_.end()) return ::close(fd);
  it->second->closed = true;
  boost::system::error_code ignored;
  it->second->socket.close(ignored);  // pending waits end with operation_aborted
  loop.sockets_.erase(it);
  return 0;
}

int CurlLoop::on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) {
  auto& loop = *static_cast<CurlLoop*>(self);
  const auto it = loop.sockets_.find(fd);
  if (it == loop.sockets_.end()) return 0;
  const auto& socket = it->second;
  socket->wanted = what == CURL_POLL_REMOVE ? 0 : what;
  if ((what & CURL_POLL_IN) && !socket->reading) loop.arm(socket, fd, true);
  if ((what & CURL_POLL_OUT) && !socket->writing) loop.arm(socket, fd, false);
  return 0;
}

// Waits until the socket is ready in one direction, tells curl, and waits again while curl
// still wants that direction. A wait that ends after curl stopped wanting it is dropped.
void CurlLoop::arm(const std::shared_ptr<Socket>& socket, curl_socket_t fd, bool read) {
  (read ? socket->reading : socket->writing) = true;
  socket->socket.async_wait(read ? tcp::socket::wait_read : tcp::socket::wait_write,
                            [this, socket, fd, read](const boost::system::error_code& ec) {
                              (read ? socket->reading : socket->writing) = false;
                              if (ec || socket->closed) return;
                              const int direction = read ? CURL_POLL_IN : CURL_POLL_OUT;
                              if (!(socket->wanted & direction)) return;
                              act(fd, read ? CURL_CSELECT_IN : CURL_CSELECT_OUT);
                              if (!socket->closed && (socket->wanted & direction) &&
                                  !(read ? socket->reading : socket->writing))
                                arm(socket, fd, read);
                            });
}

int CurlLoop::on_timer(CURLM*, long timeout_ms, void* self) {
  auto& loop = *static_cast<CurlLoop*>(self);
  loop.timer_.cancel();
  if (timeout_ms < 0) return 0;
  // curl may not be called back from inside its own callback: even a zero timeout waits for
  // the loop.
  loop.timer_.expires_after(std::chrono::milliseconds(timeout_ms));
  loop.timer_.async_wait([&loop](const boost::system::error_code& ec) {
    if (!ec) loop.act(CURL_SOCKET_TIMEOUT, 0);
  });
  return 0;
}

void CurlLoop::act(curl_socket_t fd, int events) {
  int running = 0;
  curl_multi_socket_action(multi_, fd, events, &running);
  finish_done();
}

void CurlLoop::finish_done() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    CURL* easy = message->easy_handle;
    const CURLcode result = message->data.result;
    curl_multi_remove_handle(multi_, easy);
    auto node = transfers_.extract(easy);
    if (node) node.mapped()->done(result);  // may start other transfers
  }
}

}  // namespace citelint::net
