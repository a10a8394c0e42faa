// The checker against the in-process fake web: outcomes, and what the server saw (requests per
// path, methods, user agents, requests in flight). No assertion on durations.
#include <catch2/catch.hpp>
#include <filesystem>
#include <mutex>

#include "citelint/check.hpp"
#include "support/check_options.hpp"
#include "support/fake_web.hpp"

using namespace citelint;
using citelint::test::FakeReply;
using citelint::test::FakeRequest;
using citelint::test::FakeWeb;

namespace {

using test::options_for;

LinkResult check_one(const FakeWeb& web, const std::string& path, CheckOptions o) {
  const std::string url = web.url("site.test", path);
  const CheckReport report = check_links({url}, o);
  REQUIRE(report.results.count(url));
  return report.results.at(url);
}

LinkResult check_one(const FakeWeb& web, const std::string& path) {
  return check_one(web, path, options_for(web));
}

// The verdict on a page that answers 200 with this title.
LinkStatus status_of_title(FakeWeb& web, const std::string& title) {
  web.route("/titled", [title](const FakeRequest&, int) {
    FakeReply r;
    r.headers = {{"Content-Type", "text/html"}};
    r.body = "<html><head><title>" + title + "</title></head></html>";
    return r;
  });
  return check_one(web, "/titled").status;
}

// A handler for a page that answers 200 after `delay_ms`.
FakeWeb::Handler page_after(int delay_ms) {
  return [delay_ms](const FakeRequest&, int) {
    FakeReply r;
    r.body = "<title>Fine</title>";
    r.delay_ms = delay_ms;
    return r;
  };
}

// URLs of `path` on `host`, told apart by their query.
std::vector<std::string> urls_of(const FakeWeb& web, const std::string& host,
                                 const std::string& path, int n) {
  std::vector<std::string> urls;
  for (int i = 0; i < n; ++i) urls.push_back(web.url(host, path + "?i=" + std::to_string(i)));
  return urls;
}

}  // namespace

TEST_CASE("a page that answers 200 is ok, after one GET") {
  FakeWeb web;
  const LinkResult r = check_one(web, "/ok");
  CHECK(r.status == LinkStatus::ok);
  CHECK(r.http_status == 200);
  CHECK(r.attempts == 1);
  CHECK(web.methods("/ok") == std::vector<std::string>{"GET"});
  CHECK(web.user_agents("/ok").at(0).rfind("citelint/", 0) == 0);
}

TEST_CASE("404 and 410 are broken, with the status as the cause") {
  FakeWeb web;
  for (const char* path : {"/404", "/410"}) {
    const LinkResult r = check_one(web, path);
    CHECK(r.status == LinkStatus::broken);
    CHECK(r.error().find(std::string("HTTP ") + (path + 1)) == 0);
    CHECK(web.requests(path) == 1);  // no retry where it cannot change the answer
  }
}

TEST_CASE("redirects are followed and recorded, permanent ones reported") {
  FakeWeb web;
  const std::string ok = web.url("site.test", "/ok");
  for (int status : {301, 302, 307, 308}) {
    const LinkResult r = check_one(web, "/r" + std::to_string(status));
    CHECK(r.final_url() == ok);
    REQUIRE(r.redirects().size() == 1);
    CHECK(r.redirects()[0].http_status == status);
    const bool permanent = status == 301 || status == 308;
    CHECK(r.status == (permanent ? LinkStatus::redirect : LinkStatus::ok));
  }
  const LinkResult chain = check_one(web, "/chain/1");
  CHECK(chain.redirects().size() == 3);
  CHECK(chain.status == LinkStatus::redirect);  // one hop of the three is a 301
  CHECK(chain.final_url() == ok);
  CHECK(check_one(web, "/ok").final_url().empty());  // not redirected: the URL itself
}

TEST_CASE("link results hold each URL once, in order, and find them") {
  LinkResults results(std::vector<std::string>{"http://b.test/", "http://a.test/", "http://b.test/",
                                               "http://c.test/"});
  REQUIRE(results.size() == 3);
  std::vector<std::string> order;
  for (const auto& [url, r] : results) order.emplace_back(url);
  CHECK(order == std::vector<std::string>{"http://a.test/", "http://b.test/", "http://c.test/"});
  REQUIRE(results.find("http://b.test/"));
  results.find("http://b.test/")->status = LinkStatus::broken;
  CHECK(results.at("http://b.test/").status == LinkStatus::broken);
  CHECK(results.at("http://a.test/").status == LinkStatus::unchecked);
  CHECK_FALSE(results.find("http://b.test"));
  CHECK(results.count("http://d.test/") == 0);
  CHECK_THROWS_AS(results.at("http://d.test/"), std::out_of_range);

  // Moved, owned strings stay where the entries view them (short ones live inside the string).
  const LinkResults moved = std::move(results);
  CHECK(moved.at("http://b.test/").status == LinkStatus::broken);
  std::string views;
  for (const auto& [url, r] : moved) views += std::string(url) + " ";
  CHECK(views == "http://a.test/ http://b.test/ http://c.test/ ");
}

TEST_CASE("a redirect loop or too many hops is broken") {
  FakeWeb web;
  const LinkResult loop = check_one(web, "/loop/a");
  CHECK(loop.status == LinkStatus::broken);
  CHECK(loop.error().find("redirect loop") == 0);
  CHECK(web.requests("/loop/a") == 1);
  CHECK(web.requests("/loop/b") == 1);

  CheckOptions o = options_for(web);
  o.max_redirects = 2;
  const LinkResult hops = check_one(web, "/chain/1", o);
  CHECK(hops.status == LinkStatus::broken);
  CHECK(hops.error().find("more than 2 redirects") == 0);
}

TEST_CASE("GET is the one method, HEAD only where GET is refused") {
  FakeWeb web;
  CHECK(check_one(web, "/head-405").status == LinkStatus::ok);
  CHECK(web.methods("/head-405") == std::vector<std::string>{"GET"});
  CHECK(check_one(web, "/get-405").status == LinkStatus::ok);
  CHECK(web.methods("/get-405") == std::vector<std::string>{"GET", "HEAD"});
}

TEST_CASE("walls are blocked, not broken, and a 403 is asked once more as a browser would") {
  FakeWeb web;
  const LinkResult browsers = check_one(web, "/browsers-only");
  CHECK(browsers.status == LinkStatus::ok);
  CHECK(web.requests("/browsers-only") == 2);
  CHECK(web.user_agents("/browsers-only").at(1).rfind("Mozilla/", 0) == 0);

  CHECK(check_one(web, "/403").status == LinkStatus::blocked);
  CHECK(check_one(web, "/challenge").status == LinkStatus::blocked);
  const LinkResult linkedin = check_one(web, "/999");
  CHECK(linkedin.status == LinkStatus::blocked);
  CHECK(linkedin.http_status == 999);

  CheckOptions honest = options_for(web);
  honest.browser_retry = false;
  CHECK(check_one(web, "/403", honest).status == LinkStatus::blocked);
  CHECK(web.requests("/403") == 2 + 1);
}

TEST_CASE("429 and 503 are retried, Retry-After honoured up to the cap") {
  FakeWeb web;
  const LinkResult limited = check_one(web, "/429-then-ok");
  CHECK(limited.status == LinkStatus::ok);
  CHECK(limited.attempts == 2);
  CHECK(web.requests("/429-then-ok") == 2);

  const LinkResult busy = check_one(web, "/503-then-ok");
  CHECK(busy.status == LinkStatus::ok);
  CHECK(web.requests("/503-then-ok") == 2);

  CheckOptions o = options_for(web);
  o.retry_after_max = std::chrono::milliseconds(50);
  const LinkResult capped = check_one(web, "/429-long", o);
  CHECK(capped.status == LinkStatus::blocked);
  CHECK(capped.error().find("Retry-After 3600 s cut to the 50 ms cap") != std::string::npos);
  CHECK(capped.error().find("2 attempts") != std::string::npos);
}

TEST_CASE("server errors are retried, then reported with their cause") {
  FakeWeb web;
  CheckOptions o = options_for(web);
  o.retries = 2;
  const LinkResult r = check_one(web, "/500", o);
  CHECK(r.status == LinkStatus::server_error);
  CHECK(r.attempts == 3);
  CHECK(web.requests("/500") == 3);
  CHECK(r.error().find("HTTP 500") == 0);
  CHECK(r.error().find("backoff") != std::string::npos);
}

TEST_CASE("a URL waiting to be asked again keeps its host's slot: no other URL starts meanwhile") {
  FakeWeb web;
  std::mutex lock;
  std::vector<std::string> order;  // targets, in the order the server saw them
  for (const char* path : {"/failing/1", "/failing/2", "/failing/3"}) {
    web.route(path, [&](const FakeRequest& req, int) {
      const std::lock_guard<std::mutex> hold(lock);
      order.push_back(req.target);
      FakeReply r;
      r.status = 503;
      return r;
    });
  }
  CheckOptions o = options_for(web);
  o.host_concurrency = 1;
  o.retries = 1;
  o.retry_base = std::chrono::milliseconds(100);
  std::vector<std::string> urls;
  for (int i = 1; i <= 3; ++i)
    urls.push_back(web.url("site.test", "/failing/" + std::to_string(i)));
  const CheckReport report = check_links(urls, o);
  for (const auto& [url, r] : report.results) CHECK(r.status == LinkStatus::server_error);
  // Each URL's retry comes before the next URL's first request: the backoff slows the host
  // down instead of letting its other URLs through.
  CHECK(order == std::vector<std::string>{"/failing/1", "/failing/1", "/failing/2", "/failing/2",
                                          "/failing/3", "/failing/3"});
}

TEST_CASE("slow answers are waited for, hung ones time out, resets are connection errors") {
  FakeWeb web;
  CHECK(check_one(web, "/slow").status == LinkStatus::ok);

  CheckOptions o = options_for(web);
  o.timeout = std::chrono::milliseconds(400);
  const LinkResult hung = check_one(web, "/hang", o);
  CHECK(hung.status == LinkStatus::timeout);
  CHECK(web.requests("/hang") == 2);  // retried once

  const LinkResult reset = check_one(web, "/reset");
  CHECK(reset.status == LinkStatus::connection_error);
  CHECK(web.requests("/reset") == 2);
  CHECK_FALSE(reset.error().empty());
}

TEST_CASE("a host that answers nothing is given up on after three URLs in a row") {
  FakeWeb web;
  const std::vector<std::string> urls = urls_of(web, "site.test", "/hang", 8);
  CheckOptions o = options_for(web);
  o.timeout = std::chrono::milliseconds(300);
  o.retries = 0;
  o.host_concurrency = 2;
  const CheckReport report = check_links(urls, o);
  REQUIRE(report.results.size() == 8);
  int asked = 0;
  for (const auto& [url, r] : report.results) {
    CHECK(r.status == LinkStatus::timeout);  // inconclusive, never broken
    asked += r.error().rfind("not asked", 0) != 0;
  }
  CHECK(web.requests("/hang") == asked);
  CHECK(asked >= 3);
  CHECK(asked <= 4);  // the third unanswered one gives up; one more may already be in flight
}

TEST_CASE("bodies are read only so far: a huge page and a gzip bomb are just pages") {
  FakeWeb web;
  CHECK(check_one(web, "/huge").status == LinkStatus::ok);
  const LinkResult bomb = check_one(web, "/gzip-bomb");
  CHECK(bomb.status == LinkStatus::ok);
  CHECK(web.requests("/gzip-bomb") == 1);
}

TEST_CASE("soft 404s: pages that say they are missing, deep links sent to the front page") {
  FakeWeb web;
  for (const char* path :
       {"/soft-404", "/soft-404-zh", "/soft-404-body", "/deep/article/2019/report",
        "/moved-to-404-page", "/policy/2018/removed.html"}) {
    INFO(path);
    CHECK(check_one(web, path).status == LinkStatus::soft_404);
  }
  CHECK(check_one(web, "/ok").status == LinkStatus::ok);
  CHECK(check_one(web, "/policy/2018/moved.html").status == LinkStatus::ok);  // not sent home
  // No false alarm on a number, or on words that only sound like it, in titles of real pages.
  for (const char* title :
       {"Regulation 404 of 2019 on found objects", "Lost and Not Found: essays on archives",
        "Why the page does not matter", "Not found in translation - a review"}) {
    INFO(title);
    CHECK(status_of_title(web, title) == LinkStatus::ok);
  }
  for (const char* title : {"Not Found", "404 - File or directory not found.",
                            "Page not found | Ministry of Education", "File Not Found - Example"}) {
    INFO(title);
    CHECK(status_of_title(web, title) == LinkStatus::soft_404);
  }
}

TEST_CASE("a link redirected to a sign-in page is blocked, not ok and not broken") {
  FakeWeb web;
  web.route("/members/report.pdf", [](const FakeRequest&, int) {
    FakeReply r;
    r.status = 302;
    r.headers = {{"Location", "/account/login?returnUrl=%2Fmembers%2Freport.pdf"}};
    return r;
  });
  web.route("/account/login", [](const FakeRequest&, int) {
    FakeReply r;
    r.body = "<title>Sign in</title>";
    return r;
  });
  const LinkResult r = check_one(web, "/members/report.pdf");
  CHECK(r.status == LinkStatus::blocked);
  CHECK(r.error().find("sign-in page") != std::string::npos);
}

TEST_CASE("TLS: a self-signed certificate is a tls-error unless trusted") {
  FakeWeb web;
  const std::string url = web.url("tls.test", "/ok", true);
  CheckOptions o = options_for(web, {"tls.test"});
  CheckReport untrusted = check_links({url}, o);
  CHECK(untrusted.results.at(url).status == LinkStatus::tls_error);
  o.ca_file = std::string(CITELINT_SOURCE_DIR) + "/tests/support/tls/cert.pem";
  CheckReport trusted = check_links({url}, o);
  CHECK(trusted.results.at(url).status == LinkStatus::ok);
}

TEST_CASE("each URL is requested once however often it is given") {
  FakeWeb web;
  const std::string url = web.url("site.test", "/ok");
  const CheckReport report = check_links({url, url, url, url, url}, options_for(web));
  CHECK(report.results.size() == 1);
  CHECK(web.requests("/ok") == 1);
  CHECK(report.requests == 1);
}

TEST_CASE("politeness: no host sees more than its limit in flight, nor the run more than its cap") {
  FakeWeb web;
  web.route("/page", page_after(100));
  std::vector<std::string> hosts, urls;
  for (int h = 0; h < 4; ++h) hosts.push_back("host" + std::to_string(h) + ".test");
  for (const std::string& h : hosts)
    for (const std::string& url : urls_of(web, h, "/page", 8)) urls.push_back(url);
  CheckOptions o = options_for(web, hosts);
  o.host_concurrency = 2;
  o.max_concurrency = 5;
  o.hosts["host3.test"].concurrency = 1;
  const CheckReport report = check_links(urls, o);
  for (const auto& [url, r] : report.results) CHECK(r.status == LinkStatus::ok);
  CHECK(web.requests("/page") == 32);
  CHECK(web.max_in_flight("host0.test") == 2);
  CHECK(web.max_in_flight("host3.test") == 1);
  CHECK(web.max_in_flight_total() <= 5);
  CHECK(web.max_in_flight_total() >= 2);
}

TEST_CASE("a host interval spaces request starts: answers faster than it never overlap") {
  FakeWeb web;
  web.route("/quick", page_after(20));
  const std::vector<std::string> urls = urls_of(web, "site.test", "/quick", 4);
  CheckOptions o = options_for(web);
  o.host_concurrency = 4;
  o.host_interval = std::chrono::milliseconds(400);  // twenty times the answer's delay
  const CheckReport spaced = check_links(urls, o);
  CHECK(web.requests("/quick") == 4);
  CHECK(web.max_in_flight("site.test") == 1);
  for (const auto& [url, r] : spaced.results) CHECK(r.status == LinkStatus::ok);

  FakeWeb other;
  other.route("/quick", page_after(200));
  const std::vector<std::string> more = urls_of(other, "site.test", "/quick", 4);
  CheckOptions free = options_for(other);
  free.host_concurrency = 4;
  check_links(more, free);
  CHECK(other.max_in_flight("site.test") > 1);  // without the interval they do overlap
}

TEST_CASE("private, loopback and link-local targets are skipped unless allowed") {
  FakeWeb web;
  CheckOptions o = options_for(web);
  o.allow_private = false;
  const LinkResult r = check_one(web, "/ok", o);
  CHECK(r.status == LinkStatus::skipped);
  CHECK(web.total_requests() == 0);
  // After DNS too: the name looks public, its address is not.
  const std::string url = web.url("looks-public.example.org", "/ok");
  o.resolve.push_back(web.resolve("looks-public.example.org"));
  CHECK(check_links({url}, o).results.at(url).status == LinkStatus::skipped);
  CHECK(web.total_requests() == 0);
}

TEST_CASE("when every host fails alike the network is down, and no link is broken") {
  CheckOptions o;
  o.allow_private = true;
  o.use_cache = false;
  o.retries = 0;
  // Port 9 on loopback: nothing listens, every connection is refused.
  o.resolve = {"a.test:80:127.0.0.1", "b.test:80:127.0.0.1"};
  const std::vector<std::string> urls = {"http://a.test:9/x", "http://b.test:9/y"};
  o.resolve = {"a.test:9:127.0.0.1", "b.test:9:127.0.0.1"};
  const CheckReport report = check_links(urls, o);
  CHECK(report.network_down);
  for (const auto& [url, r] : report.results) CHECK(r.status == LinkStatus::connection_error);
}

TEST_CASE("exclude and include patterns keep URLs from the network") {
  FakeWeb web;
  CheckOptions o = options_for(web);
  o.exclude = {"/404$"};
  const std::string bad = web.url("site.test", "/404"), good = web.url("site.test", "/ok");
  const CheckReport report = check_links({bad, good}, o);
  CHECK(report.results.at(bad).status == LinkStatus::excluded);
  CHECK(report.results.at(good).status == LinkStatus::ok);
  CHECK(web.requests("/404") == 0);
}

TEST_CASE("the cache answers a second run and keeps only conclusive results") {
  FakeWeb web;
  const auto dir = std::filesystem::temp_directory_path() / "citelint-cache-test";
  std::filesystem::create_directories(dir);
  const auto file = dir / "links.sqlite";
  std::filesystem::remove(file);
  CheckOptions o = options_for(web);
  o.use_cache = true;
  o.cache_file = file.string();
  const std::vector<std::string> urls = {web.url("site.test", "/ok"), web.url("site.test", "/404"),
                                         web.url("site.test", "/r301"),
                                         web.url("site.test", "/500")};
  const CheckReport first = check_links(urls, o);
  CHECK(first.requests > 0);
  const int before = web.total_requests();
  const CheckReport second = check_links(urls, o);
  // /500 is inconclusive, so asked again (twice: one retry); the rest come from the cache.
  CHECK(web.total_requests() - before == 2);
  CHECK(second.results.at(urls[0]).from_cache);
  CHECK(second.results.at(urls[1]).status == LinkStatus::broken);
  CHECK(second.results.at(urls[1]).from_cache);
  CHECK(second.results.at(urls[2]).status == LinkStatus::redirect);
  CHECK(second.results.at(urls[2]).redirects().size() == 1);
  CHECK_FALSE(second.results.at(urls[3]).from_cache);

  o.cache_max_age = std::chrono::seconds(0);
  const int again = web.total_requests();
  check_links({urls[0]}, o);
  CHECK(web.total_requests() - again <= 1);
  std::filesystem::remove_all(dir);
}
