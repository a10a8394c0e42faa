#include "support/fake_web.hpp"

#include <sys/socket.h>
#include <zlib.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <condition_variable>
#include <stdexcept>

namespace citelint::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

FakeReply page(std::string title, int status = 200) {
  FakeReply r;
  r.status = status;
  r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  r.body = "<!doctype html><html><head><title>" + title + "</title></head><body><p>" + title +
           "</p></body></html>";
  return r;
}

FakeReply moved(int status, std::string location) {
  FakeReply r;
  r.status = status;
  r.headers = {{"Location", std::move(location)}};
  return r;
}

std::string path_of(const std::string& target) { return target.substr(0, target.find('?')); }

}  // namespace

struct FakeWeb::Impl {
  asio::io_context io;
  tcp::acceptor plain{io}, tls{io};
  asio::ssl::context tls_context{asio::ssl::context::tls_server};
  std::thread plain_thread, tls_thread;
  std::atomic<bool> stopping{false};

  mutable std::mutex m;
  std::condition_variable stopped;
  std::map<std::string, Handler> routes;
  std::map<std::string, int> counts;
  std::map<std::string, std::vector<std::string>> methods, agents;
  std::map<std::string, int> in_flight, max_in_flight;
  int in_flight_total = 0, max_total = 0, total = 0;
  std::vector<FakeVisit> visits;
  std::vector<std::thread> connections;
  std::vector<std::shared_ptr<tcp::socket>> sockets;

  void listen(tcp::acceptor& acceptor) {
    acceptor.open(tcp::v4());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    acceptor.listen(256);
  }

  void accept_loop(tcp::acceptor& acceptor, bool secure) {
    while (!stopping) {
      auto socket = std::make_shared<tcp::socket>(io);
      boost::system::error_code ec;
      acceptor.accept(*socket, ec);
      if (ec) {
        if (stopping) return;
        continue;
      }
      std::lock_guard lock(m);
      sockets.push_back(socket);
      connections.emplace_back([this, socket, secure] { serve(socket, secure); });
    }
  }

  void serve(const std::shared_ptr<tcp::socket>& socket, bool secure) {
    if (!secure) {
      exchange(*socket, *socket);
    } else {
      asio::ssl::stream<tcp::socket&> stream(*socket, tls_context);
      boost::system::error_code ec;
      stream.handshake(asio::ssl::stream_base::server, ec);
      if (!ec) exchange(stream, *socket);
    }
    boost::system::error_code ignored;
    socket->shutdown(tcp::socket::shutdown_both, ignored);
  }

  template <class Stream>
  void exchange(Stream& stream, tcp::socket& raw) {
    beast::flat_buffer buffer;
    while (!stopping) {
      http::request<http::string_body> req;
      boost::system::error_code ec;
      http::read(stream, buffer, req, ec);
      if (ec) return;
      FakeRequest request{std::string(req.method_string()),
                          std::string(req.target()),
                          std::string(req[http::field::host]),
                          std::string(req[http::field::user_agent]),
                          {}};
      request.host = request.host.substr(0, request.host.find(':'));
      for (const auto& field : req) {
        std::string name(field.name_string());
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers[name] = std::string(field.value());
      }
      const std::string path = path_of(request.target);
      Handler handler;
      int nth = 0;
      {
        std::lock_guard lock(m);
        nth = ++counts[path];
        ++total;
        methods[path].push_back(request.method);
        visits.push_back({request.target, request.host, std::chrono::steady_clock::now()});
        agents[path].push_back(request.user_agent);
        if (const auto it = routes.find(path); it != routes.end()) {
          handler = it->second;
        } else {
          for (const auto& [route, h] : routes)
            if (!route.empty() && route.back() == '*' &&
                path.compare(0, route.size() - 1, route, 0, route.size() - 1) == 0)
              handler = h;
        }
        const int now = ++in_flight[request.host];
        max_in_flight[request.host] = std::max(max_in_flight[request.host], now);
        max_total = std::max(max_total, ++in_flight_total);
      }
      auto done = [&] {
        std::lock_guard lock(m);
        --in_flight[request.host];
        --in_flight_total;
      };
      FakeReply reply = handler ? handler(request, nth) : page("Not Found", 404);
      if (reply.delay_ms > 0) {
        std::unique_lock lock(m);
        stopped.wait_for(lock, std::chrono::milliseconds(reply.delay_ms),
                         [&] { return stopping.load(); });
      }
      if (reply.hang) {
        std::unique_lock lock(m);
        stopped.wait(lock, [&] { return stopping.load(); });
        lock.unlock();
        done();
        return;
      }
      if (!reply.raw.empty()) {
        done();
        asio::write(stream, asio::buffer(reply.raw), ec);
        return;
      }
      if (reply.reset) {
        boost::system::error_code ignored;
        raw.set_option(asio::socket_base::linger(true, 0), ignored);
        raw.close(ignored);  // a TCP reset, no answer
        done();
        return;
      }
      http::response<http::string_body> res;
      res.version(req.version());
      res.result(static_cast<unsigned>(reply.status));
      for (const auto& [name, value] : reply.headers) res.set(name, value);
      res.keep_alive(req.keep_alive());
      if (req.method() == http::verb::head) {
        res.set(http::field::content_length, std::to_string(reply.body.size()));
      } else {
        res.body() = std::move(reply.body);
        res.prepare_payload();
      }
      // Out of flight before the answer leaves: the client may start its next request the
      // moment it has this one, and must not be counted twice at that instant.
      done();
      http::response_serializer<http::string_body> serializer(res);
      if (req.method() == http::verb::head) {
        serializer.split(true);
        http::write_header(stream, serializer, ec);
      } else {
        http::write(stream, serializer, ec);
      }
      if (ec || !res.keep_alive()) return;
    }
  }
};

FakeWeb::FakeWeb() : impl_(std::make_unique<Impl>()) {
  Impl& x = *impl_;
  const std::string dir = std::string(CITELINT_SOURCE_DIR) + "/tests/support/tls/";
  x.tls_context.use_certificate_chain_file(dir + "cert.pem");
  x.tls_context.use_private_key_file(dir + "key.pem", asio::ssl::context::pem);
  x.listen(x.plain);
  x.listen(x.tls);
  port_ = x.plain.local_endpoint().port();
  tls_port_ = x.tls.local_endpoint().port();

  // The behaviours the checker must get right.
  route("/", [](const FakeRequest&, int) { return page("Home"); });
  route("/ok", [](const FakeRequest&, int) { return page("Report"); });
  route("/404", [](const FakeRequest&, int) { return page("Not Found", 404); });
  route("/410", [](const FakeRequest&, int) { return page("Gone", 410); });
  route("/500", [](const FakeRequest&, int) { return page("Internal Server Error", 500); });
  for (int status : {301, 302, 307, 308})
    route("/r" + std::to_string(status),
          [status](const FakeRequest&, int) { return moved(status, "/ok"); });
  route("/chain/1", [](const FakeRequest&, int) { return moved(302, "/chain/2"); });
  route("/chain/2", [](const FakeRequest&, int) { return moved(301, "/chain/3"); });
  route("/chain/3", [](const FakeRequest&, int) { return moved(307, "/ok"); });
  route("/loop/a", [](const FakeRequest&, int) { return moved(302, "/loop/b"); });
  route("/loop/b", [](const FakeRequest&, int) { return moved(302, "/loop/a"); });
  route("/deep/article/2019/report", [](const FakeRequest&, int) { return moved(302, "/"); });
  route("/moved-to-404-page",
        [](const FakeRequest&, int) { return moved(302, "/errors/404.html"); });
  route("/errors/404.html", [](const FakeRequest&, int) { return page("Oops"); });
  route("/head-405", [](const FakeRequest& r, int) {
    return r.method == "HEAD" ? page("Method Not Allowed", 405) : page("Fine");
  });
  route("/get-405", [](const FakeRequest& r, int) {
    return r.method == "GET" ? page("Method Not Allowed", 405) : page("Fine");
  });
  route("/browsers-only", [](const FakeRequest& r, int) {
    return r.user_agent.find("Mozilla/") == 0 ? page("Fine") : page("Forbidden", 403);
  });
  route("/403", [](const FakeRequest&, int) { return page("Forbidden", 403); });
  route("/challenge", [](const FakeRequest&, int) {
    FakeReply r = page("Just a moment...", 403);
    r.headers.emplace_back("cf-mitigated", "challenge");
    return r;
  });
  route("/999", [](const FakeRequest&, int) { return page("Request denied", 999); });
  route("/429-then-ok", [](const FakeRequest&, int nth) {
    if (nth > 1) return page("Fine");
    FakeReply r = page("Too Many Requests", 429);
    r.headers.emplace_back("Retry-After", "1");
    return r;
  });
  route("/429-long", [](const FakeRequest&, int) {
    FakeReply r = page("Too Many Requests", 429);
    r.headers.emplace_back("Retry-After", "3600");
    return r;
  });
  route("/503-then-ok", [](const FakeRequest&, int nth) {
    return nth > 1 ? page("Fine") : page("Service Unavailable", 503);
  });
  route("/slow", [](const FakeRequest&, int) {
    FakeReply r = page("Slow but fine");
    r.delay_ms = 300;
    return r;
  });
  route("/hang", [](const FakeRequest&, int) {
    FakeReply r;
    r.hang = true;
    return r;
  });
  route("/reset", [](const FakeRequest&, int) {
    FakeReply r;
    r.reset = true;
    return r;
  });
  route("/huge", [](const FakeRequest&, int) {
    FakeReply r = page("Big");
    r.body += std::string(8 << 20, 'x');
    return r;
  });
  const std::string bomb = gzip(std::string(64 << 20, '\0'));  // 64 MiB of zeros, ~64 KiB packed
  route("/gzip-bomb", [bomb](const FakeRequest&, int) {
    FakeReply r;
    r.headers = {{"Content-Type", "text/html"}, {"Content-Encoding", "gzip"}};
    r.body = bomb;
    return r;
  });
  route("/soft-404",
        [](const FakeRequest&, int) { return page("Page Not Found - Example Ministry"); });
  route("/policy/2018/removed.html", [](const FakeRequest&, int) {
    FakeReply r = page("教育部");
    r.body = "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/\"></head></html>";
    return r;
  });
  route("/policy/2018/moved.html", [](const FakeRequest&, int) {
    FakeReply r = page("教育部");
    r.body =
        "<html><head><meta http-equiv=\"refresh\" content=\"3;URL='/policy/2018/new.html'\">"
        "</head></html>";
    return r;
  });
  route("/soft-404-zh", [](const FakeRequest&, int) { return page("页面不存在"); });
  route("/soft-404-body", [](const FakeRequest&, int) {
    FakeReply r = page("Ministry of Education");
    r.body += "<p>抱歉，您访问的页面不存在</p>";
    return r;
  });

  x.plain_thread = std::thread([&x] { x.accept_loop(x.plain, false); });
  x.tls_thread = std::thread([&x] { x.accept_loop(x.tls, true); });
}

FakeWeb::~FakeWeb() {
  Impl& x = *impl_;
  {
    std::lock_guard lock(x.m);
    x.stopping = true;
  }
  x.stopped.notify_all();
  // Wake the blocking accepts and reads: shutting a socket down ends what waits on it.
  for (tcp::acceptor* a : {&x.plain, &x.tls}) {
    ::shutdown(a->native_handle(), SHUT_RDWR);
  }
  x.plain_thread.join();
  x.tls_thread.join();
  std::vector<std::thread> connections;
  {
    std::lock_guard lock(x.m);
    for (const auto& s : x.sockets) ::shutdown(s->native_handle(), SHUT_RDWR);
    connections.swap(x.connections);
  }
  for (std::thread& t : connections) t.join();
}

std::string FakeWeb::resolve(const std::string& host, bool tls) const {
  return host + ":" + std::to_string(tls ? tls_port_ : port_) + ":127.0.0.1";
}

std::string FakeWeb::url(const std::string& host, const std::string& path, bool tls) const {
  return (tls ? "https://" : "http://") + host + ":" + std::to_string(tls ? tls_port_ : port_) +
         path;
}

void FakeWeb::route(const std::string& path, Handler handler) {
  std::lock_guard lock(impl_->m);
  impl_->routes[path] = std::move(handler);
}

int FakeWeb::requests(const std::string& path) const {
  std::lock_guard lock(impl_->m);
  const auto it = impl_->counts.find(path);
  return it == impl_->counts.end() ? 0 : it->second;
}

int FakeWeb::total_requests() const {
  std::lock_guard lock(impl_->m);
  return impl_->total;
}

std::vector<std::string> FakeWeb::methods(const std::string& path) const {
  std::lock_guard lock(impl_->m);
  const auto it = impl_->methods.find(path);
  return it == impl_->methods.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> FakeWeb::user_agents(const std::string& path) const {
  std::lock_guard lock(impl_->m);
  const auto it = impl_->agents.find(path);
  return it == impl_->agents.end() ? std::vector<std::string>{} : it->second;
}

int FakeWeb::max_in_flight(const std::string& host) const {
  std::lock_guard lock(impl_->m);
  const auto it = impl_->max_in_flight.find(host);
  return it == impl_->max_in_flight.end() ? 0 : it->second;
}

int FakeWeb::max_in_flight_total() const {
  std::lock_guard lock(impl_->m);
  return impl_->max_total;
}

std::vector<FakeVisit> FakeWeb::visits() const {
  std::lock_guard lock(impl_->m);
  return impl_->visits;
}

std::string FakeWeb::gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace citelint::test
