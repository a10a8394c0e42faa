// citelint-bench-web: the link-checking workload, served. N URLs over H hosts, each host one
// loopback address (127.0.x.y, so every tool sees distinct host names without --resolve), with
// a server-side latency and a mix of behaviours. It writes the same links as a reference list
// (citelint), an HTML page (linkinator, linkchecker) and a Markdown page (markdown-link-check),
// with the verdict each link deserves, then serves until stopped.
//
//   citelint-bench-web --urls N --hosts H --latency-ms L --port P --out DIR [--seed S]
//
// Paths say what they do: /ok/ID answers 200, /gone/ID 404, /moved/ID 301 to /ok/ID,
// /flaky/ID 503 the first time and 200 after, /soft/ID 200 with a "Page Not Found" title,
// /slow/ID 200 after four times the latency, /walled/ID 403 unless the User-Agent is a
// browser's. One async Beast server, one thread.
#include <algorithm>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

struct Options {
  int urls = 2000, hosts = 100, latency_ms = 100, port = 8080;
  unsigned seed = 1;
  std::string out = ".";
};

std::string host_address(int k) {
  return "127.0." + std::to_string(k / 250) + "." + std::to_string(k % 250 + 1);
}

// What each kind deserves: alive links are ok (a redirect, a retried 503 and a slow page
// included); dead ones are missing, however they say it.
struct Kind {
  const char* name;
  int weight;  // per thousand
  bool alive;
};
constexpr Kind kKinds[] = {{"ok", 680, true},    {"gone", 100, false}, {"moved", 80, true},
                           {"flaky", 40, true},  {"soft", 30, false},  {"slow", 30, true},
                           {"walled", 30, true}, {"limited", 10, true}};

class Server {
 public:
  Server(asio::io_context& io, const Options& o) : io_(io), o_(o), acceptor_(io) {
    // Every 127.0.x.y the workload uses is loopback on Linux; one wildcard bind serves them all.
    acceptor_.open(tcp::v4());
    acceptor_.set_option(tcp::acceptor::reuse_address(true));
    acceptor_.bind(
        tcp::endpoint(asio::ip::make_address("0.0.0.0"), static_cast<unsigned short>(o.port)));
    acceptor_.listen(4096);
    accept();
  }

 private:
  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (!ec) {
        // Beast writes a response's header and body apart: without this, Nagle's algorithm
        // holds the body until the client's delayed ACK, tens of milliseconds per request.
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(*this, std::move(socket))->read();
      }
      accept();
    });
  }

  struct Session : std::enable_shared_from_this<Session> {
    Session(Server& s, tcp::socket socket) : server(s), stream(std::move(socket)), timer(s.io_) {}
    Server& server;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    http::request<http::string_body> req;
    http::response<http::string_body> res;
    asio::steady_timer timer;

    void read() {
      req = {};
      http::async_read(stream, buffer, req,
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return;
                         self->answer();
                       });
    }

    void answer() {
      ++server.requests_;
      server.peak_ = std::max(server.peak_, ++server.in_flight_);
      const std::string target(req.target());
      const std::size_t slash = target.find('/', 1);
      const std::string kind =
          target.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
      const std::string id = slash == std::string::npos ? "" : target.substr(slash + 1);
      int delay = server.o_.latency_ms;
      res = {};
      res.version(req.version());
      res.keep_alive(req.keep_alive());
      res.set(http::field::content_type, "text/html; charset=utf-8");
      auto page = [&](const std::string& title) {
        res.body() = "<!doctype html><html><head><title>" + title + "</title></head><body><h1>" +
                     title + "</h1></body></html>";
      };
      if (kind == "ok") {
        page("Report " + id);
      } else if (kind == "gone") {
        res.result(http::status::not_found);
        page("Not Found");
      } else if (kind == "moved") {
        res.result(http::status::moved_permanently);
        res.set(http::field::location, "/ok/" + id);
      } else if (kind == "flaky") {
        const bool first = server.seen_.insert(std::string(req[http::field::host]) + target).second;
        res.result(first ? http::status::service_unavailable : http::status::ok);
        page(first ? "Service Unavailable" : "Report " + id);
      } else if (kind == "limited") {
        // Too many requests, once: come back in a second (Retry-After), then the page.
        const bool first = server.seen_.insert(std::string(req[http::field::host]) + target).second;
        res.result(first ? http::status::too_many_requests : http::status::ok);
        if (first) res.set(http::field::retry_after, "1");
        page(first ? "Too Many Requests" : "Report " + id);
      } else if (kind == "soft") {
        page("Page Not Found");
      } else if (kind == "walled") {
        // Refuses what does not look like a browser, as many sites do: alive all the same.
        const bool browser = std::string(req[http::field::user_agent]).rfind("Mozilla/", 0) == 0;
        res.result(browser ? http::status::ok : http::status::forbidden);
        page(browser ? "Report " + id : "Access denied");
      } else if (kind == "slow") {
        delay *= 4;
        page("Report " + id);
      } else {
        res.result(http::status::not_found);
        page("Not Found");
      }
      if (req.method() == http::verb::head) {
        const std::size_t size = res.body().size();
        res.body().clear();
        res.content_length(size);
      } else {
        res.prepare_payload();
      }
      timer.expires_after(std::chrono::milliseconds(delay));
      timer.async_wait([self = shared_from_this()](beast::error_code) { self->write(); });
    }

    void write() {
      --server.in_flight_;
      http::async_write(stream, res,
                        [self = shared_from_this()](beast::error_code ec, std::size_t) {
                          if (ec || !self->res.keep_alive()) {
                            beast::error_code ignored;
                            self->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
                            return;
                          }
                          self->read();
                        });
    }
  };

  asio::io_context& io_;
  const Options& o_;
  tcp::acceptor acceptor_;
  std::set<std::string> seen_;

 public:
  long requests_ = 0, in_flight_ = 0, peak_ = 0;
};

void write_lists(const Options& o) {
  std::mt19937 random(o.seed);
  std::uniform_int_distribution<int> per_thousand(0, 999);
  std::ofstream refs(o.out + "/refs.txt"), html(o.out + "/page.html"), md(o.out + "/page.md"),
      answers(o.out + "/answers.tsv");
  html << "<!doctype html><html><head><title>References</title></head><body><ol>\n";
  md << "# References\n\n";
  for (int i = 0; i < o.urls; ++i) {
    int roll = per_thousand(random);
    const Kind* kind = &kKinds[0];
    for (const Kind& k : kKinds) {
      if (roll < k.weight) {
        kind = &k;
        break;
      }
      roll -= k.weight;
    }
    const std::string url = "http://" + host_address(i % o.hosts) + ":" + std::to_string(o.port) +
                            "/" + kind->name + "/" + std::to_string(i);
    refs << i + 1 << " Author " << i << ". Report number " << i
         << "[EB/OL]. (2019-01-02)[2020-03-04]. " << url << ".\n\n";
    html << "<li><a href=\"" << url << "\">Report " << i << "</a></li>\n";
    md << i + 1 << ". [Report " << i << "](" << url << ")\n";
    answers << url << '\t' << (kind->alive ? "alive" : "dead") << '\n';
  }
  html << "</ol></body></html>\n";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--urls")
      o.urls = std::stoi(value);
    else if (flag == "--hosts")
      o.hosts = std::stoi(value);
    else if (flag == "--latency-ms")
      o.latency_ms = std::stoi(value);
    else if (flag == "--port")
      o.port = std::stoi(value);
    else if (flag == "--seed")
      o.seed = static_cast<unsigned>(std::stoul(value));
    else if (flag == "--out")
      o.out = value;
    else {
      std::cerr << "citelint-bench-web: unknown flag " << flag << "\n";
      return 2;
    }
  }
  write_lists(o);
  asio::io_context io;
  Server server(io, o);
  // On SIGTERM or SIGINT: what the clients asked, for the bench table.
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) {
    std::cout << "requests " << server.requests_ << " peak_in_flight " << server.peak_ << std::endl;
    io.stop();
  });
  std::cout << "serving " << o.urls << " URLs over " << o.hosts << " hosts on port " << o.port
            << std::endl;
  io.run();
}
