// End to end: checking links, the binary against the in-process fake web.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

namespace {

// --resolve for each test host, loopback allowed (the fake web is on 127.0.0.1).
std::string network_flags(const citelint::test::FakeWeb& web,
                          const std::vector<std::string>& hosts) {
  std::string flags = "--allow-private --retries 1 --timeout 5";
  for (const std::string& h : hosts) flags += " --resolve " + web.resolve(h);
  return flags;
}

}  // namespace

TEST_CASE("check reports each link's status, at each citation, and fails on a broken one") {
  citelint::test::FakeWeb web;
  const std::string list =
      "1 教育部. 关于加强科研诚信建设的意见[EB/OL]. (2018-05-30)[2019-03-12]. " +
      web.url("www.moe.gov.cn", "/ok") + ".\n\n" +
      "2 World Bank. World development report 2019[EB/OL]. (2018-10-31)[2019-03-12]. " +
      web.url("www.worldbank.org", "/404") + ".\n\n" +
      "3 NSF. Indicators[EB/OL]. (2018-01-15)[2019-09-01]. " + web.url("www.nsf.gov", "/r301") +
      ".\n\n" + "4 NSF. Indicators again[EB/OL]. (2018-01-15)[2019-09-01]. " +
      web.url("www.worldbank.org", "/404") + ".\n";
  const fs::path file = scratch_file("links/refs.txt", list);
  const std::string flags =
      network_flags(web, {"www.moe.gov.cn", "www.worldbank.org", "www.nsf.gov"}) + " --no-cache";
  const Run json =
      run_citelint("check --as-of 2020-01-01 --format json " + flags + " " + file.string());
  CHECK(json.exit == 1);  // a broken link is an error
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["references"][0]["urls"][0]["link"]["status"] == "ok");
  CHECK(j["references"][1]["urls"][0]["link"]["status"] == "broken");
  CHECK(j["references"][1]["urls"][0]["link"]["http_status"] == 404);
  CHECK(j["references"][2]["urls"][0]["link"]["status"] == "redirect");
  CHECK(j["references"][2]["urls"][0]["link"]["final_url"] == web.url("www.nsf.gov", "/ok"));
  CHECK(j["references"][2]["urls"][0]["link"]["redirects"][0]["status"] == 301);
  CHECK(j["summary"]["links"]["broken"] == 1);
  CHECK(j["summary"]["links"]["ok"] == 1);
  CHECK(j["summary"]["links"]["redirect"] == 1);
  // The broken URL, cited twice, was asked for once; both citations are reported.
  CHECK(web.requests("/404") == 1);
  std::vector<int> broken_lines;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "link/broken") broken_lines.push_back(f["line"]);
    if (f["rule"] == "link/redirect") {
      CHECK(f["category"] == "link-redirect");
      CHECK(f["fix"]["replacement"] == web.url("www.nsf.gov", "/ok"));
    }
  }
  CHECK(broken_lines == std::vector<int>{3, 7});

  const Run text = run_citelint("check --as-of 2020-01-01 " + flags + " " + file.string());
  CHECK(text.exit == 1);
  CHECK(text.out.find("error[link/broken]: broken link: HTTP 404 Not Found") != std::string::npos);
  CHECK(text.out.find("links: 1 broken, 1 ok, 1 redirect") != std::string::npos);
  CHECK(text.err.find("checking links") == std::string::npos);  // no progress bar off a terminal
}

TEST_CASE("a second run is answered from the cache") {
  citelint::test::FakeWeb web;
  const fs::path file = scratch_file(
      "cache/refs.txt", "1 A. Page[EB/OL]. (2018-05-30)[2019-03-12]. " + web.url("a.test", "/ok") +
                            ".\n\n2 B. Page[EB/OL]. " + "(2018-05-30)[2019-03-12]. " +
                            web.url("b.test", "/404") + ".\n");
  const fs::path cache = file.parent_path() / "links.sqlite";
  fs::remove(cache);
  const std::string args = "check --as-of 2020-01-01 " + network_flags(web, {"a.test", "b.test"}) +
                           " --cache " + cache.string() + " " + file.string();
  const Run first = run_citelint(args);
  CHECK(first.exit == 1);
  CHECK(web.total_requests() == 2);
  const Run second = run_citelint(args);
  CHECK(second.exit == 1);
  CHECK(web.total_requests() == 2);
  CHECK(second.out.find("(all from the cache)") != std::string::npos);
  const Run fresh = run_citelint(args + " --cache-max-age 0s");
  CHECK(web.total_requests() == 4);
}

TEST_CASE("no network: exit 3, and no link is called broken") {
  const fs::path file =
      scratch_file("offline/refs.txt",
                   "1 A. Page[EB/OL]. (2018-05-30)[2019-03-12]. http://a.test:9/x.\n\n"
                   "2 B. Page[EB/OL]. (2018-05-30)[2019-03-12]. http://b.test:9/y.\n");
  const Run r = run_citelint(
      "check --as-of 2020-01-01 --no-cache --allow-private --retries 0 --resolve "
      "a.test:9:127.0.0.1 "
      "--resolve b.test:9:127.0.0.1 " +
      file.string());
  CHECK(r.exit == 3);
  CHECK(r.err.find("the network is unreachable") != std::string::npos);
  CHECK(r.out.find("link/") == std::string::npos);
}

TEST_CASE("loopback targets are skipped unless --allow-private") {
  citelint::test::FakeWeb web;
  const fs::path file =
      scratch_file("private/refs.txt", "1 A. Page[EB/OL]. (2018-05-30)[2019-03-12]. " +
                                           web.url("127.0.0.1", "/ok") + ".\n");
  const Run r = run_citelint("check --as-of 2020-01-01 --no-cache " + file.string());
  CHECK(r.exit == 0);
  CHECK(r.out.find("info[link/skipped]") != std::string::npos);
  CHECK(web.total_requests() == 0);
}
