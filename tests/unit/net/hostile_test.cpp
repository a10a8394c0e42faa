// The checker against servers that misbehave, on purpose or by accident: answers that are not
// HTTP, redirects off the web, Retry-After values meant to hang a run, hosts that refuse
// everything, cookies a redirect needs, failures on citelint's own side. Each route is one
// behaviour; the assertions are outcomes and what the server saw (and, for a wait, a lower bound
// on the time between two requests, never an upper one).
#include <arpa/inet.h>
#include <netinet/in.h>

#include <catch2/catch.hpp>

#include "citelint/check.hpp"
#include "citelint/extract.hpp"
#include "net/address.hpp"
#include "net/classify.hpp"
#include "net/idn.hpp"
#include "support/check_options.hpp"
#include "support/fake_web.hpp"

using namespace citelint;
using citelint::test::FakeReply;
using citelint::test::FakeRequest;
using citelint::test::FakeWeb;
using std::chrono::milliseconds;

namespace {

// The fake web's options, with Retry-After waits capped short.
CheckOptions short_waits(const FakeWeb& web, std::vector<std::string> hosts = {"site.test"}) {
  return test::options_for(web, std::move(hosts), milliseconds(300));
}

LinkResult check_path(const FakeWeb& web, const std::string& path, const CheckOptions& o) {
  const std::string url = web.url("site.test", path);
  const CheckReport report = check_links({url}, o);
  REQUIRE(report.results.count(url));
  return report.results.at(url);
}

FakeWeb::Handler answer(int status, std::vector<std::pair<std::string, std::string>> headers) {
  return [status, headers](const FakeRequest&, int) {
    FakeReply r;
    r.status = status;
    r.headers = headers;
    return r;
  };
}

FakeWeb::Handler raw(std::string bytes) {
  return [bytes](const FakeRequest&, int) {
    FakeReply r;
    r.raw = bytes;
    return r;
  };
}

// Every link status that is not ok makes a finding: the corpus cites each URL once.
std::vector<Finding> findings_for(const std::vector<std::string>& urls, const CheckReport& report) {
  Corpus corpus;
  for (const std::string& u : urls) {
    Reference ref;
    Url url;
    url.as_written = url.normalised = u;
    url.valid = true;
    ref.urls.push_back(url);
    corpus.references.push_back(ref);
  }
  return link_findings(corpus, report);
}

}  // namespace

TEST_CASE("Retry-After is read with saturation: no value overflows a wait or skips it") {
  using std::chrono::seconds;
  CHECK(net::parse_retry_after("120") == seconds(120));
  CHECK(net::parse_retry_after(" 7 ") == seconds(7));
  CHECK(net::parse_retry_after("10000000000000000") == net::kRetryAfterLongest);
  CHECK(net::parse_retry_after("9223372036854775807") == net::kRetryAfterLongest);
  CHECK(net::parse_retry_after("99999999999999999999999999") == net::kRetryAfterLongest);
  CHECK(net::parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT") == net::kRetryAfterLongest);
  CHECK(net::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == seconds(0));  // past
  CHECK_FALSE(net::parse_retry_after("-5"));
  CHECK_FALSE(net::parse_retry_after("soon"));
}

TEST_CASE("an announced rate limit is read as a spacing; nonsense is ignored") {
  using std::chrono::milliseconds;
  auto spacing = [](const char* limit, const char* interval) {
    return net::rate_limit_spacing(
        {{"x-rate-limit-limit", limit}, {"x-rate-limit-interval", interval}});
  };
  CHECK(spacing("50", "1s") == milliseconds(21));
  CHECK(spacing("3", "1s") == milliseconds(350));
  CHECK(spacing("10", "500ms") == milliseconds(53));
  CHECK(spacing("1", "1m") == milliseconds(63000));
  CHECK(spacing("2", "7") == milliseconds(3675));
  CHECK(spacing("99999999999999999999", "1s") == milliseconds(1));
  CHECK_FALSE(spacing("0", "1s"));
  CHECK_FALSE(spacing("-4", "1s"));
  CHECK_FALSE(spacing("5", "1 fortnight"));
  CHECK_FALSE(spacing("5 a day", "1s"));
  CHECK_FALSE(net::rate_limit_spacing({{"x-rate-limit-limit", "5"}}));
}

TEST_CASE("a Retry-After too large for any clock is cut to the cap, and the run ends") {
  FakeWeb web;
  for (const char* value : {"10000000000000000", "9223372036854775807", "18446744073709551616"}) {
    web.route("/forever", answer(429, {{"Retry-After", value}}));
    const LinkResult r = check_path(web, "/forever", short_waits(web));
    CHECK(r.status == LinkStatus::blocked);
    CHECK(r.attempts == 2);
    CHECK(r.error().find("cut to the 300 ms cap") != std::string::npos);
    CHECK(r.error().find("honoured") == std::string::npos);
  }
}

TEST_CASE("Retry-After makes the whole host wait while other hosts go on") {
  FakeWeb web;
  web.route("/limited", [](const FakeRequest&, int nth) {
    FakeReply r;
    if (nth == 1) {
      r.status = 429;
      r.headers = {{"Retry-After", "1"}};
    }
    return r;
  });
  web.route("/steady", [](const FakeRequest&, int) {
    FakeReply r;
    r.delay_ms = 100;
    return r;
  });
  CheckOptions o = short_waits(web, {"site.test", "other.test"});
  o.retry_after_max = milliseconds(5000);
  o.host_concurrency = 1;
  std::vector<std::string> urls{web.url("site.test", "/limited")};
  for (int i = 0; i < 5; ++i) urls.push_back(web.url("site.test", "/ok?i=" + std::to_string(i)));
  for (int i = 0; i < 15; ++i)
    urls.push_back(web.url("other.test", "/steady?i=" + std::to_string(i)));
  const CheckReport report = check_links(urls, o);
  for (const auto& [url, r] : report.results) CHECK(r.status == LinkStatus::ok);

  const auto visits = web.visits();
  const auto limited = std::find_if(visits.begin(), visits.end(),
                                    [](const auto& v) { return v.target == "/limited"; });
  REQUIRE(limited != visits.end());
  int others_meanwhile = 0;
  for (auto v = limited + 1; v != visits.end(); ++v) {
    if (v->host == "site.test") {
      CHECK(v->at - limited->at >= milliseconds(950));  // nothing on the host before it asked
    } else if (v->at - limited->at < milliseconds(900)) {
      ++others_meanwhile;
    }
  }
  CHECK(others_meanwhile >= 2);  // the run kept moving
}

TEST_CASE("a host that answers 429 to everything is given up on after a bounded budget") {
  FakeWeb web;
  web.route("/wall*", answer(429, {{"Retry-After", "2"}}));
  CheckOptions o = short_waits(web);
  std::vector<std::string> urls;
  for (int i = 0; i < 300; ++i) urls.push_back(web.url("site.test", "/wall/" + std::to_string(i)));
  const CheckReport report = check_links(urls, o);
  int not_asked = 0;
  for (const auto& [url, r] : report.results) {
    CHECK(r.status == LinkStatus::blocked);
    not_asked += r.error().find("not asked: the host answered the last 3 URLs with HTTP 429") == 0;
  }
  CHECK(not_asked >= 290);
  CHECK(web.total_requests() <= 20);
  CHECK(findings_for(urls, report).size() == urls.size());
}

TEST_CASE("answers that are not HTTP are the server's failure, each a finding") {
  FakeWeb web;
  web.route("/2x0", raw("HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n"));
  web.route("/http09", raw("<html>just a body, no status line</html>"));
  web.route("/garbage", raw("\x01\x02\x03 nonsense\r\n\r\n"));
  web.route("/nothing", raw(std::string(1, '\0')));
  std::vector<std::string> urls;
  for (const char* path : {"/2x0", "/http09", "/garbage"}) {
    const LinkResult r = check_path(web, path, short_waits(web));
    INFO(path << ": " << r.error());
    CHECK(r.status == LinkStatus::server_error);
    CHECK(r.error().find("not valid HTTP") != std::string::npos);
    urls.push_back(web.url("site.test", path));
  }
  const CheckReport report = check_links(urls, short_waits(web));
  CHECK(findings_for(urls, report).size() == urls.size());
}

TEST_CASE("a redirect off the web is broken, whatever scheme it names") {
  FakeWeb web;
  std::vector<std::string> urls;
  int i = 0;
  for (const char* target : {"file:///etc/passwd", "gopher://example.org/", "ftp://example.org/x",
                             "dict://example.org/d", "ldap://example.org/", "javascript:alert(1)",
                             "data:text/html,hello"}) {
    const std::string path = "/off/" + std::to_string(i++);
    web.route(path, answer(302, {{"Location", target}}));
    const LinkResult r = check_path(web, path, short_waits(web));
    INFO(target << ": " << to_string(r.status) << " " << r.error());
    CHECK(r.status == LinkStatus::broken);
    CHECK(r.error().find("the redirect leads off the web") == 0);
    urls.push_back(web.url("site.test", path));
  }
  CHECK(web.total_requests() == 7);  // nothing asked of the targets
  CHECK(findings_for(urls, check_links(urls, short_waits(web))).size() == urls.size());
}

TEST_CASE("a page that sets a cookie and redirects to itself is ok, as in a browser") {
  FakeWeb web;
  web.route("/gate", [](const FakeRequest& req, int) {
    const auto cookie = req.headers.find("cookie");
    if (cookie != req.headers.end() && cookie->second.find("visited=1") != std::string::npos) {
      FakeReply r;
      r.body = "<title>The article</title>";
      return r;
    }
    FakeReply r;
    r.status = 302;
    r.headers = {{"Location", "/gate"}, {"Set-Cookie", "visited=1; Path=/"}};
    return r;
  });
  std::string cookie_elsewhere = "unset";
  web.route("/plain", [&](const FakeRequest& req, int) {
    const auto cookie = req.headers.find("cookie");
    cookie_elsewhere = cookie == req.headers.end() ? "" : cookie->second;
    return FakeReply{};
  });
  CheckOptions o = short_waits(web);
  o.host_concurrency = 1;
  const std::vector<std::string> urls{web.url("site.test", "/gate"),
                                      web.url("site.test", "/plain")};
  const CheckReport report = check_links(urls, o);
  CHECK(report.results.at(urls[0]).status == LinkStatus::ok);
  CHECK(web.requests("/gate") == 2);
  CHECK(report.results.at(urls[1]).status == LinkStatus::ok);
  CHECK(cookie_elsewhere.empty());  // cookies live within one URL's chain

  web.route("/always", answer(302, {{"Location", "/always"}, {"Set-Cookie", "n=1"}}));
  const LinkResult loop = check_path(web, "/always", short_waits(web));
  CHECK(loop.status == LinkStatus::broken);  // the same cookie again: a real loop
  CHECK(loop.error().find("redirect loop") == 0);
}

TEST_CASE("URLs that differ only in their fragment are one request") {
  FakeWeb web;
  const std::vector<std::string> urls{web.url("site.test", "/ok#intro"),
                                      web.url("site.test", "/ok#methods"),
                                      web.url("site.test", "/ok")};
  const CheckReport report = check_links(urls, short_waits(web));
  CHECK(web.requests("/ok") == 1);
  for (const std::string& u : urls) CHECK(report.results.at(u).status == LinkStatus::ok);
}

TEST_CASE("a failure on citelint's side is said as such and does not give the host up") {
  FakeWeb web;
  web.route("/huge-header", raw("HTTP/1.1 200 OK\r\nX-Padding: " + std::string(1 << 20, 'a') +
                                "\r\nContent-Length: 0\r\n\r\n"));
  web.route("/huge-location", raw("HTTP/1.1 302 Found\r\nLocation: /ok?" +
                                  std::string(100 * 1024, 'q') + "\r\nContent-Length: 0\r\n\r\n"));
  CheckOptions o = short_waits(web);
  o.host_concurrency = 1;
  std::vector<std::string> urls;
  for (int i = 0; i < 4; ++i)
    urls.push_back(web.url("site.test", "/ok?long=" + std::string(9 << 20, 'a' + i)));
  urls.push_back(web.url("site.test", "/huge-header"));
  urls.push_back(web.url("site.test", "/huge-location"));
  for (int i = 0; i < 3; ++i) urls.push_back(web.url("site.test", "/ok?i=" + std::to_string(i)));
  const CheckReport report = check_links(urls, o);
  for (int i = 0; i < 4; ++i) {
    const LinkResult& r = report.results.at(urls[i]);
    CHECK(r.status == LinkStatus::invalid);
    CHECK(r.error().find("citelint could not make the request") == 0);
  }
  const LinkResult& header = report.results.at(urls[4]);
  CHECK(header.status == LinkStatus::server_error);
  CHECK(header.error().find("could not connect") == std::string::npos);
  CHECK(header.error().find("HTTP 200") != std::string::npos);
  const LinkResult& location = report.results.at(urls[5]);
  CHECK(location.status != LinkStatus::connection_error);
  CHECK(location.error().find("Out of memory") == std::string::npos);
  for (int i = 6; i < 9; ++i) CHECK(report.results.at(urls[i]).status == LinkStatus::ok);
  CHECK(findings_for(urls, report).size() == 6);
}

namespace {

bool private_ip(const std::string& text) {
  sockaddr_storage storage{};
  if (text.find(':') == std::string::npos) {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
    v4->sin_family = AF_INET;
    REQUIRE(inet_pton(AF_INET, text.c_str(), &v4->sin_addr) == 1);
  } else {
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
    v6->sin6_family = AF_INET6;
    REQUIRE(inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr) == 1);
  }
  return net::is_private_address(reinterpret_cast<const sockaddr*>(&storage));
}

}  // namespace

TEST_CASE("the address guard judges every IPv6 form that carries an IPv4 address by that address") {
  for (const char* inside : {"127.0.0.1",
                             "10.1.2.3",
                             "169.254.169.254",
                             "192.168.0.1",
                             "::1",
                             "::",
                             "::127.0.0.1",
                             "::169.254.169.254",
                             "::ffff:127.0.0.1",
                             "::ffff:0:127.0.0.1",
                             "::ffff:0:a9fe:a9fe",
                             "64:ff9b::127.0.0.1",
                             "64:ff9b::a9fe:a9fe",
                             "64:ff9b:1::8.8.8.8",
                             "2002:7f00:1::",
                             "2002:a9fe:a9fe::1",
                             "2001:0:7f00:1::ffff:ffff",
                             "2001:0:808:808::80ff:fffe",
                             "fec0::1",
                             "fc00::1",
                             "fe80::1",
                             "ff02::1",
                             "100::1",
                             "2001:db8::1"}) {
    INFO(inside);
    CHECK(private_ip(inside));
  }
  for (const char* outside : {"8.8.8.8", "93.184.216.34", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8",
                              "2002:808:808::1", "2606:4700::1111", "2001:4860:4860::8888"}) {
    INFO(outside);
    CHECK_FALSE(private_ip(outside));
  }
}

TEST_CASE("an international domain name is asked for in its ASCII form, reported as written") {
  CHECK(net::ascii_url("http://bücher.example/straße") == "http://xn--bcher-kva.example/straße");
  CHECK(net::ascii_url("http://b%C3%BCcher.example:8080/x") ==
        "http://xn--bcher-kva.example:8080/x");
  CHECK(net::ascii_url("https://user@BÜCHER.example/") == "https://user@xn--bcher-kva.example/");
  CHECK(net::ascii_url("http://example.org/ü") == "http://example.org/ü");
  CHECK_FALSE(
      net::ascii_url("http://a\xE2\x80\xAE"
                     "b.example/"));  // a bidi control

  FakeWeb web;
  std::string host_seen;
  web.route("/katalog", [&](const FakeRequest& req, int) {
    host_seen = req.host;
    return FakeReply{};
  });
  CheckOptions o = short_waits(web, {"xn--bcher-kva.test"});
  bool valid = false;
  const std::string url =
      normalise_url("http://bücher.test:" + std::to_string(web.port()) + "/katalog", &valid);
  CHECK(valid);
  CHECK(url == "http://bücher.test:" + std::to_string(web.port()) + "/katalog");
  const CheckReport report = check_links({url}, o);
  CHECK(report.results.at(url).status == LinkStatus::ok);
  CHECK(host_seen == "xn--bcher-kva.test");
}

namespace {

// The environment's proxy for one test, taken away after.
struct ProxyFromEnvironment {
  explicit ProxyFromEnvironment(const std::string& proxy) {
    setenv("http_proxy", proxy.c_str(), 1);
  }
  ~ProxyFromEnvironment() { unsetenv("http_proxy"); }
};

}  // namespace

TEST_CASE("behind a proxy, a target's own address is judged: private ones are not asked") {
  FakeWeb web;  // the proxy: it sees absolute URLs as targets
  web.route("http://public.test/page", [](const FakeRequest&, int) { return FakeReply{}; });
  const ProxyFromEnvironment proxy("http://127.0.0.1:" + std::to_string(web.port()));
  CheckOptions o;
  o.use_cache = false;
  o.retries = 0;
  o.resolve = {"internal.test:80:127.0.0.1", "public.test:80:93.184.216.34"};
  const std::vector<std::string> urls{"http://internal.test/secret", "http://10.1.2.3/admin",
                                      "http://[::ffff:169.254.169.254]/latest",
                                      "http://public.test/page"};
  const CheckReport report = check_links(urls, o);
  for (int i = 0; i < 3; ++i) {
    INFO(urls[i]);
    CHECK(report.results.at(urls[i]).status == LinkStatus::skipped);
    CHECK(report.results.at(urls[i]).error().find("not asked through the proxy") !=
          std::string::npos);
  }
  CHECK(report.results.at(urls[3]).status == LinkStatus::ok);  // the proxy on loopback is fine
  CHECK(web.total_requests() == 1);
  CHECK(web.requests("http://public.test/page") == 1);
}

TEST_CASE("more hostile answers: endless redirects, short bodies, raw bytes in Location") {
  FakeWeb web;
  web.route("/next/*", [](const FakeRequest& req, int) {  // each hop a new URL, for ever
    FakeReply r;
    r.status = 302;
    r.headers = {{"Location", req.target + "x"}};
    return r;
  });
  web.route("/short", raw("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n<title>cut</title>"));
  web.route("/utf8-location", raw("HTTP/1.1 302 Found\r\nLocation: /caf\xC3\xA9\r\n"
                                  "Content-Length: 0\r\n\r\n"));
  std::string asked_for;
  web.route("/caf*", [&](const FakeRequest& req, int) {
    asked_for = req.target;
    return FakeReply{};
  });
  web.route("/cookies", [](const FakeRequest&, int) {
    FakeReply r;
    r.status = 302;
    for (int i = 0; i < 200; ++i)
      r.headers.emplace_back("Set-Cookie", "c" + std::to_string(i) + "=1");
    r.headers.emplace_back("Location", "/ok");
    return r;
  });
  const CheckOptions o = short_waits(web);
  const LinkResult endless = check_path(web, "/next/a", o);
  CHECK(endless.status == LinkStatus::broken);
  CHECK(endless.error().find("more than 10 redirects") == 0);
  CHECK(web.requests("/next/a") + 10 >= web.total_requests());  // 11 requests, no more

  const LinkResult cut = check_path(web, "/short", o);
  CHECK(cut.status == LinkStatus::connection_error);  // inconclusive: it may answer whole later
  CHECK(cut.error().find("the answer broke off after HTTP 200 arrived") == 0);

  const LinkResult utf8 = check_path(web, "/utf8-location", o);
  INFO(utf8.error());
  CHECK(utf8.status == LinkStatus::ok);
  CHECK((asked_for == "/caf%C3%A9" || asked_for == "/caf%c3%a9"));  // encoded, as browsers do
  CHECK(check_path(web, "/cookies", o).status == LinkStatus::ok);
}
