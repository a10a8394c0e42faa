// End to end: link rot over runs with a kept cache (history, confirmation), parked domains
// and drifted pages, on a fake web whose pages change between runs.
#include <sqlite3.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_archive.hpp"
#include "support/fake_web.hpp"
#include "support/json_run.hpp"

namespace fs = std::filesystem;
using citelint::test::FakeArchive;
using citelint::test::FakeReply;
using citelint::test::FakeRequest;
using citelint::test::FakeWeb;
using citelint_test::findings_of;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

namespace {

const std::vector<std::string> kHosts = {"a.test",   "parked.test", "old.test",   "www.old.test",
                                         "new.test", "sedo.com",    "short.test", "b.test"};

std::string flags(const FakeWeb& web) {
  std::string f =
      "check --format json --as-of 2026-12-01 --allow-private --retries 0 "
      "--timeout 5 --no-repair";
  for (const std::string& h : kHosts) f += " --resolve " + web.resolve(h);
  return f;
}

FakeReply page(const std::string& title, const std::string& text = "", int status = 200) {
  FakeReply r;
  r.status = status;
  r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  r.body = "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + text +
           "</p></body></html>";
  return r;
}

FakeReply redirect(const std::string& to, int status = 301) {
  FakeReply r;
  r.status = status;
  r.headers = {{"Location", to}};
  return r;
}

// The link object of the reference whose first URL is `url`.
nlohmann::json link_of(const nlohmann::json& report, const std::string& url) {
  for (const auto& ref : report["references"])
    for (const auto& u : ref["urls"])
      if (u["url"] == url) return u["link"];
  FAIL("no reference cites " << url);
  return {};
}

std::string rule_at(const nlohmann::json& report, const std::string& url) {
  const auto link = link_of(report, url);
  return link["status"].get<std::string>();
}

// Days pass for the cache: every check on record moves `days` into the past.
void age_history(const fs::path& cache, int days) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(cache.c_str(), &db) == SQLITE_OK);
  const std::string shift = std::to_string(days * 86400LL);
  const std::string sql = "UPDATE history SET checked_at = checked_at - " + shift + ";" +
                          "UPDATE streaks SET failing_since = failing_since - " + shift +
                          " WHERE failing_since > 0; UPDATE streaks SET last_ok = last_ok - " +
                          shift + " WHERE last_ok > 0;";
  CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

}  // namespace

TEST_CASE("a web that changes between runs: history, confirmation, parked and drifted pages") {
  FakeWeb web;
  std::atomic<int> day{1};
  // A page that fails once, then answers; one that starts failing; one whose domain is sold
  // and parked; one that drifts to other content; and a healthy one.
  web.route("/flaky", [&](const FakeRequest&, int) {
    return day == 1 ? page("Not Found", "", 404) : page("Flaky widget annual report");
  });
  web.route("/starts-failing", [&](const FakeRequest&, int) {
    return day == 1 ? page("Starling migration survey") : page("Not Found", "", 404);
  });
  web.route("/2019/paper.html", [&](const FakeRequest& r, int) {
    if (r.host.rfind("parked.test", 0) != 0) return page("Nothing", "", 404);
    return day == 1 ? page("Coral bleaching in the Red Sea")
                    : page("parked.test", "The domain parked.test is for sale! Make an offer.");
  });
  web.route("/ocean", [&](const FakeRequest&, int) {
    return day == 1 ? page("Ocean temperature records 1990-2020")
                    : page("Best online casino bonuses", std::string(3000, 'x'));
  });
  web.route("/healthy", [&](const FakeRequest&, int) { return page("Healthy soil handbook"); });
  const std::string flaky = web.url("a.test", "/flaky"),
                    failing = web.url("a.test", "/starts-failing"),
                    parked = web.url("parked.test", "/2019/paper.html"),
                    drift = web.url("a.test", "/ocean"), healthy = web.url("a.test", "/healthy");
  const fs::path list = scratch_file(
      "link-rot/refs.txt",
      "1. Widget Co. Flaky widget annual report. 2020. " + flaky + " (accessed 2021-03-01).\n" +
          "2. Bird Trust. Starling migration survey. 2020. " + failing +
          " (accessed 2021-03-01).\n" + "3. Smith J. Coral bleaching in the Red Sea. 2019. " +
          parked + " (accessed 2021-03-01).\n" + "4. NOAA. Ocean temperature records 1990-2020. " +
          drift + " (accessed 2021-03-01).\n" + "5. Soil Society. Healthy soil handbook. " +
          healthy + " (accessed 2021-03-01).\n");
  const fs::path cache = list.parent_path() / "cache.sqlite";
  fs::remove(cache);
  const std::string args =
      flags(web) + " --confirm --cache " + cache.string() + " --cache-max-age 0 " + list.string();

  // Day one: the flaky page fails for the first time: failing, not broken.
  Run run = run_citelint(args);
  INFO(run.err);
  CHECK(run.exit == 0);  // warnings only
  auto report = nlohmann::json::parse(run.out);
  CHECK(rule_at(report, flaky) == "failing");
  CHECK(link_of(report, flaky)["history"]["failed_checks"] == 1);
  auto failing_findings = findings_of(report, "link/failing");
  REQUIRE(failing_findings.size() == 1);
  CHECK_THAT(failing_findings[0]["message"].get<std::string>(),
             Catch::Contains("HTTP 404") && Catch::Contains("first seen broken today") &&
                 Catch::Contains("of the 3 checks over 3 days"));
  for (const std::string& u : {failing, parked, drift, healthy}) CHECK(rule_at(report, u) == "ok");

  // Day two: the flaky page answers again (its streak ends); the others change.
  day = 2;
  run = run_citelint(args);
  report = nlohmann::json::parse(run.out);
  CHECK(run.exit == 1);  // the parked domain is an error
  CHECK(rule_at(report, flaky) == "ok");
  CHECK(link_of(report, flaky)["history"]["failed_checks"] == 0);
  CHECK(link_of(report, flaky)["history"]["checks"] == 2);
  CHECK(rule_at(report, failing) == "failing");
  CHECK(rule_at(report, parked) == "parked");
  CHECK(rule_at(report, drift) == "drifted");
  CHECK(rule_at(report, healthy) == "ok");
  const auto drifted = findings_of(report, "link/drift");
  REQUIRE(drifted.size() == 1);
  CHECK_THAT(drifted[0]["message"].get<std::string>(),
             Catch::Contains("shows 'Best online casino bonuses'"));
  const auto parked_findings = findings_of(report, "link/parked");
  REQUIRE(parked_findings.size() == 1);
  CHECK(parked_findings[0]["severity"] == "error");
  CHECK_THAT(parked_findings[0]["message"].get<std::string>(), Catch::Contains("is for sale"));

  // Two days on: the page that started failing has failed twice over two days: failing still.
  age_history(cache, 2);
  run = run_citelint(args);
  report = nlohmann::json::parse(run.out);
  CHECK(rule_at(report, failing) == "failing");
  CHECK(link_of(report, failing)["history"]["failed_checks"] == 2);

  // Two more: three failed checks over four days confirm it dead.
  age_history(cache, 2);
  run = run_citelint(args);
  report = nlohmann::json::parse(run.out);
  CHECK(rule_at(report, failing) == "broken");
  const auto broken = findings_of(report, "link/broken");
  REQUIRE(broken.size() == 1);
  CHECK_THAT(broken[0]["message"].get<std::string>(), Catch::Contains("broken since") &&
                                                          Catch::Contains("3 checks") &&
                                                          Catch::Contains("last found"));
  CHECK(rule_at(report, flaky) == "ok");
  CHECK(rule_at(report, healthy) == "ok");

  // Under --confirm the cache answers for the pages it found, and a failing link is asked
  // again: each run is a check of it.
  const int failing_asked = web.requests("/starts-failing"),
            healthy_asked = web.requests("/healthy");
  run = run_citelint(flags(web) + " --confirm --cache " + cache.string() + " " + list.string());
  report = nlohmann::json::parse(run.out);
  CHECK(web.requests("/starts-failing") == failing_asked + 1);
  CHECK(web.requests("/healthy") == healthy_asked);
  CHECK(link_of(report, healthy)["from_cache"] == true);
  CHECK(link_of(report, failing)["history"]["failed_checks"] == 4);

  // Without --confirm, one check decides, and the history still dates it.
  run = run_citelint(flags(web) + " --cache " + cache.string() + " --cache-max-age 0 " +
                     list.string());
  report = nlohmann::json::parse(run.out);
  CHECK(rule_at(report, failing) == "broken");
  CHECK(link_of(report, failing)["history"]["failed_checks"] == 5);
}

TEST_CASE("confirmation without a cache says that every failing link stays failing") {
  FakeWeb web;
  const fs::path list =
      scratch_file("link-rot/gone.txt", "1. A page. " + web.url("a.test", "/gone") + "\n");
  const Run run = run_citelint(flags(web) + " --confirm --no-cache " + list.string());
  const auto report = nlohmann::json::parse(run.out);
  CHECK(findings_of(report, "link/failing").size() == 1);
  CHECK_THAT(run.err, Catch::Contains("links.confirm needs the link cache"));
}

TEST_CASE("parked domains: each sign, and pages that only mention a sale") {
  FakeWeb web;
  auto route = [&](const std::string& path, FakeReply reply) {
    web.route(path, [reply](const FakeRequest&, int) { return reply; });
  };
  route("/en/a/b", page("example.test", "This domain may be for sale. Buy this domain today."));
  route("/de/a/b", page("Domain", "Diese Domain steht zum Verkauf. Jetzt Angebot abgeben."));
  route("/fr/a/b", page("Domaine", "Ce nom de domaine est à vendre."));
  route("/zh/a/b", page("域名", "该域名正在出售，欢迎联系。"));
  route("/ja/a/b", page("ドメイン", "このドメインは販売中です。"));
  route("/market/a/b", redirect(web.url("sedo.com", "/search/details/?domain=parked.test"), 302));
  route("/search/details/*", page("Sedo", "Domain marketplace"));
  FakeReply lander;
  lander.headers = {{"Content-Type", "text/html"}};
  lander.body =
      "<html><head><script>window.location.href=\"/lander\"</script></head><body>"
      "</body></html>";
  route("/script/a/b", lander);
  route("/lander", page("Welcome"));
  route("/sold/2019/paper.html", redirect(web.url("new.test", "/")));
  route("/", page("Welcome to new.test", "Our products"));
  // Pages that are not parked: an article about domain sales, a short page selling bikes, a
  // deep link sent to its own site's front page (a soft 404), a short link to a front page.
  route("/article/a/b", page("How domain marketplaces work",
                             "When a domain is for sale, its owner. " + std::string(4000, 'w')));
  route("/bikes/a/b", page("Bikes for sale", "Two bikes for sale, ask inside."));
  route("/moved/a/b", redirect(web.url("www.old.test", "/")));
  route("/x1", redirect(web.url("new.test", "/")));
  route("/spa/a/b", [] {
    FakeReply r;
    r.headers = {{"Content-Type", "text/html"}};
    r.body =
        "<html><head><title>App</title><script>window.location.href=\"/app/start\"</script>"
        "</head><body></body></html>";
    return r;
  }());
  route("/app/start", page("App"));

  struct Case {
    std::string url, status;
  };
  const std::vector<Case> cases = {
      {web.url("a.test", "/en/a/b"), "parked"},
      {web.url("a.test", "/de/a/b"), "parked"},
      {web.url("a.test", "/fr/a/b"), "parked"},
      {web.url("a.test", "/zh/a/b"), "parked"},
      {web.url("a.test", "/ja/a/b"), "parked"},
      {web.url("a.test", "/market/a/b"), "parked"},
      {web.url("a.test", "/script/a/b"), "parked"},
      {web.url("old.test", "/sold/2019/paper.html"), "parked"},
      {web.url("a.test", "/article/a/b"), "ok"},
      {web.url("a.test", "/bikes/a/b"), "ok"},
      {web.url("old.test", "/moved/a/b"), "soft-404"},
      {web.url("short.test", "/x1"), "soft-404"},  // a short link: not parked
      {web.url("a.test", "/spa/a/b"), "ok"},
  };
  std::string list;
  for (std::size_t i = 0; i < cases.size(); ++i)
    list += std::to_string(i + 1) + ". Page " + std::to_string(i + 1) + ". " + cases[i].url + "\n";
  const fs::path file = scratch_file("link-rot/parked.txt", list);
  const Run run = run_citelint(flags(web) + " --no-cache --no-drift " + file.string());
  INFO(run.err);
  const auto report = nlohmann::json::parse(run.out);
  for (const Case& c : cases) {
    INFO(c.url << "\n" << link_of(report, c.url).dump());
    CHECK(rule_at(report, c.url) == c.status);
  }
  for (const auto& f : findings_of(report, "link/parked")) {
    CHECK(f["category"] == "link-parked");
    CHECK(f["severity"] == "error");
  }
}

TEST_CASE("drift: the capture from the access day as a second witness") {
  FakeWeb web;
  FakeArchive archive(web);
  web.route("/report", [](const FakeRequest&, int) { return page("Quarterly casino odds"); });
  web.route("/renamed", [](const FakeRequest&, int) { return page("Welcome to our portal"); });
  web.route("/same", [](const FakeRequest&, int) {
    return page("Glacier retreat in the Alps | Alpine Institute");
  });
  // A bot wall that answers 200, and a sign-in page: no word of the work, and no drift either.
  web.route("/wall", [](const FakeRequest&, int) { return page("Just a moment..."); });
  web.route("/signin", [](const FakeRequest&, int) { return page("Sign in | Portal"); });
  const std::string report_url = web.url("a.test", "/report"),
                    renamed = web.url("a.test", "/renamed"), same = web.url("b.test", "/same"),
                    wall = web.url("b.test", "/wall"), signin = web.url("b.test", "/signin");
  archive.add(report_url, "20210301000000", 200, "Glacier retreat in the Andes");
  archive.add(renamed, "20210301000000", 200, "Welcome to our portal");
  const fs::path file = scratch_file(
      "link-rot/drift.txt",
      "1. Lopez M. \"Glacier retreat in the Andes\". 2020. " + report_url +
          " (accessed 2021-03-01).\n"
          "2. Lopez M. \"Permafrost thaw in Siberia\". 2020. " +
          renamed +
          " (accessed 2021-03-01).\n"
          "3. Alpine Institute. Glacier retreat in the Alps. 2020. " +
          same + " (accessed 2021-03-01).\n" + "4. Kim J. Sea ice extent in the Arctic. 2020. " +
          wall + "\n" + "5. Kim J. Sea ice extent in the Antarctic. 2020. " + signin + "\n");
  std::string args = flags(web) + " --no-cache --resolve " + web.resolve("archive.test") +
                     " --archive --archive-endpoint " + archive.endpoint("archive.test");
  const Run run = run_citelint(args + " " + file.string());
  INFO(run.err);
  const auto report = nlohmann::json::parse(run.out);
  // The capture showed the cited title: the live page drifted, and the capture is offered.
  CHECK(rule_at(report, report_url) == "drifted");
  const auto drift = findings_of(report, "link/drift");
  REQUIRE(drift.size() == 1);
  const std::string message = drift[0]["message"];
  CHECK_THAT(message, Catch::Contains("shows 'Quarterly casino odds'") &&
                          Catch::Contains("the reference cites 'Glacier retreat in the Andes'") &&
                          Catch::Contains("the capture of 2021-03-01 shows 'Glacier retreat"));
  CHECK(findings_of(report, "archive/copy").size() == 1);
  // The capture differs from the reference as much as the live page: no evidence of drift.
  CHECK(rule_at(report, renamed) == "ok");
  CHECK(rule_at(report, same) == "ok");
  CHECK(rule_at(report, wall) == "ok");
  CHECK(rule_at(report, signin) == "ok");
}
