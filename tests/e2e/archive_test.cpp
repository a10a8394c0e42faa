// End to end: --archive against an in-process fake archive, and archive URLs already cited.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_archive.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint::test::FakeArchive;
using citelint::test::FakeWeb;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

namespace {

// The run's flags: every test host on the fake web, the archive there too.
std::string flags(const FakeWeb& web, const FakeArchive& archive, int timeout = 5) {
  std::string f = "check --as-of 2024-01-01 --allow-private --retries 1 --no-cache --timeout " +
                  std::to_string(timeout);
  for (const char* h : {"a.test", "b.test", "c.test", "archive.test", "web.archive.org"})
    f += " --resolve " + web.resolve(h);
  return f + " --archive --archive-endpoint " + archive.endpoint("archive.test");
}

// The JSON report's link object of the n-th reference's first URL.
nlohmann::json link(const nlohmann::json& report, int n) {
  return report["references"][n]["urls"][0]["link"];
}

std::vector<nlohmann::json> findings(const nlohmann::json& report, const std::string& rule) {
  std::vector<nlohmann::json> out;
  for (const auto& f : report["findings"])
    if (f["rule"] == rule) out.push_back(f);
  return out;
}

// One reference, accessed 2021-03-03, whose link is gone; the archive has it from two days
// before.
struct GoneLink {
  FakeWeb web;
  FakeArchive archive{web};
  std::string gone = web.url("a.test", "/404");
  fs::path file;
  explicit GoneLink(const std::string& name)
      : file(scratch_file(name + "/refs.txt", "1 A. Gone[EB/OL]. [2021-03-03]. " + gone + ".\n")) {
    archive.add(gone, "20210301000000");
  }
};

}  // namespace

TEST_CASE("archive lookups find the capture from the day the page was read: before, else after") {
  FakeWeb web;
  FakeArchive archive(web);
  const std::string gone = web.url("a.test", "/404"), moved = web.url("b.test", "/410"),
                    same_day = web.url("c.test", "/404"), never = web.url("a.test", "/gone"),
                    fine = web.url("a.test", "/ok");
  // The capture after the access date is the closest, but the one before is the page as read.
  archive.add(gone, "20210220101010");
  archive.add(gone, "20210304120000");
  archive.add(moved, "20210310000000");  // only after
  archive.add(same_day, "20210303153000");
  archive.add(never, "20210301000000", 404);  // a capture of the error page is no copy
  const std::string list = "1 A. Gone. Retrieved March 3, 2021, from " + gone + "\n\n" +
                           "2 B. Moved[EB/OL]. (2020-01-01)[2021-03-03]. " + moved + ".\n\n" +
                           "3 C. Same day. " + same_day + " (accessed 2021-03-03).\n\n" +
                           "4 D. Never archived[EB/OL]. [2021-03-03]. " + never + ".\n\n" +
                           "5 E. Fine[EB/OL]. [2021-03-03]. " + fine + ".\n\n" +
                           "6 F. Gone again. Retrieved March 3, 2021, from " + gone + "\n";
  const fs::path file = scratch_file("archive/refs.txt", list);
  const Run run = run_citelint(flags(web, archive) + " --format json " + file.string());
  INFO(run.err);
  CHECK(run.exit == 1);  // the broken links, not the archive, decide
  const auto j = nlohmann::json::parse(run.out);

  const auto a = link(j, 0)["archive"];
  CHECK(link(j, 0)["status"] == "broken");
  CHECK(a["url"] == archive.endpoint("archive.test") + "/web/20210220101010/" + gone);
  CHECK(a["timestamp"] == "20210220101010");
  CHECK(a["days"] == -11);
  CHECK(a["date"] == "2021-03-03");
  CHECK(a["source"] == "wayback-cdx");
  CHECK(link(j, 1)["archive"]["timestamp"] == "20210310000000");
  CHECK(link(j, 1)["archive"]["days"] == 7);
  CHECK(link(j, 2)["archive"]["timestamp"] == "20210303153000");
  CHECK(link(j, 2)["archive"]["days"] == 0);
  CHECK(link(j, 2)["archive"]["source"] == "wayback-availability");
  CHECK(link(j, 3)["archive"]["url"].is_null());
  CHECK(link(j, 3)["archive"]["why"] == "the archive has no capture of it");
  CHECK(link(j, 4)["status"] == "ok");
  CHECK(link(j, 4)["archive"].is_null());
  CHECK(link(j, 5)["archive"] == a);

  const auto copies = findings(j, "archive/copy");
  REQUIRE(copies.size() == 4);
  CHECK(copies[0]["category"] == "archive");
  CHECK(copies[0]["severity"] == "info");
  CHECK(copies[0]["message"] ==
        "an archived copy from 2021-02-20, 11 days before the access date 2021-03-03: " +
            a["url"].get<std::string>());
  CHECK(copies[0]["fix"]["replacement"] == a["url"]);
  CHECK(copies[0]["fix"]["verified"] == true);
  CHECK(copies[1]["message"].get<std::string>().find("7 days after the access date") !=
        std::string::npos);
  CHECK(copies[2]["message"].get<std::string>().find("the same day as the access date") !=
        std::string::npos);
  CHECK(findings(j, "archive/none").size() == 1);
  CHECK(j["summary"]["archive"]["found"] == 3);  // per URL and date: "gone" is one
  CHECK(j["summary"]["archive"]["not_found"] == 1);
  // One lookup per URL and date: the URL cited twice was asked for once.
  CHECK(web.requests("/wayback/available") == 4);
  // The CDX API was asked for the capture before the date where the availability API gave none
  // (gone, moved, never), and never for one after: the availability API had named it (moved)
  // or said there is none (never). The same-day capture needed the availability API alone.
  CHECK(web.requests("/cdx/search/cdx") == 3);

  const Run text = run_citelint(flags(web, archive) + " " + file.string());
  CHECK(text.out.find("info[archive/copy]: an archived copy from 2021-02-20") != std::string::npos);
  CHECK(text.out.find("= fix: " + a["url"].get<std::string>() + " (verified)") !=
        std::string::npos);
  CHECK(text.out.find("; archived copies: 3 found, 1 not found\n") != std::string::npos);
}

TEST_CASE("archive lookups fall back on the CDX API when the availability API fails") {
  FakeWeb web;
  FakeArchive archive(web);
  const std::string gone = web.url("a.test", "/404"), later = web.url("b.test", "/404");
  archive.add(gone, "20210301000000");
  archive.add(later, "20210401000000");
  const fs::path file =
      scratch_file("archive-cdx/refs.txt", "1 A. Gone[EB/OL]. [2021-03-03]. " + gone + ".\n\n" +
                                               "2 B. Later[EB/OL]. [2021-03-03]. " + later + ".\n");
  for (const auto mode :
       {FakeArchive::Mode::down, FakeArchive::Mode::malformed, FakeArchive::Mode::empty}) {
    archive.availability(mode);
    const Run run = run_citelint(flags(web, archive) + " --format json " + file.string());
    const auto j = nlohmann::json::parse(run.out);
    INFO(static_cast<int>(mode));
    CHECK(link(j, 0)["archive"]["timestamp"] == "20210301000000");
    CHECK(link(j, 0)["archive"]["source"] == "wayback-cdx");
    // Nothing before the date: the CDX API is asked for the first capture after it.
    CHECK(link(j, 1)["archive"]["timestamp"] == "20210401000000");
    CHECK(link(j, 1)["archive"]["days"] == 29);
  }
}

TEST_CASE("an archive that is down, slow or talks nonsense leaves the links as they are") {
  GoneLink t("archive-down");
  auto& [web, archive, gone, file] = t;
  struct Case {
    FakeArchive::Mode mode;
    std::string why;
  };
  for (const Case& c : {Case{FakeArchive::Mode::down, "HTTP 503"},
                        Case{FakeArchive::Mode::malformed, "not its JSON"},
                        Case{FakeArchive::Mode::slow, "timed out"}}) {
    archive.availability(c.mode);
    archive.cdx(c.mode);
    const Run run = run_citelint(flags(web, archive, 1) + " --format json " + file.string());
    INFO(run.err);
    CHECK(run.exit == 1);  // the broken link, as without --archive
    const auto j = nlohmann::json::parse(run.out);
    CHECK(link(j, 0)["status"] == "broken");
    const std::string why = link(j, 0)["archive"]["why"];
    CHECK(why.rfind("could not ask: the availability API", 0) == 0);
    CHECK(why.find(c.why) != std::string::npos);
    CHECK(why.find("the CDX API") != std::string::npos);
    const auto none = findings(j, "archive/none");
    REQUIRE(none.size() == 1);
    CHECK(none[0]["message"] == "no archived copy found near the access date 2021-03-03: " + why);
  }
  // An empty answer from both: the archive has nothing to say, and that is what is reported.
  archive.availability(FakeArchive::Mode::empty);
  archive.cdx(FakeArchive::Mode::empty);
  const auto j = nlohmann::json::parse(
      run_citelint(flags(web, archive) + " --format json " + file.string()).out);
  CHECK(link(j, 0)["archive"]["why"] ==
        "could not ask: the availability API answered something that is not its JSON");
}

TEST_CASE(
    "a Memento TimeGate (--memento-timegate) is asked a Memento TimeGate when the Wayback APIs "
    "have nothing before") {
  FakeWeb web, gate_web;
  FakeArchive wayback(web), gate(gate_web);  // the Wayback archive holds nothing
  const std::string gone = web.url("a.test", "/404");
  gate.add(gone, "20210302111213");
  gate.add(gone, "20210310000000");
  const fs::path file =
      scratch_file("archive-memento/refs.txt", "1 A. Gone[EB/OL]. [2021-03-03]. " + gone + ".\n");
  for (const auto style : {FakeArchive::TimeGateStyle::link, FakeArchive::TimeGateStyle::url,
                           FakeArchive::TimeGateStyle::header}) {
    gate.timegate(FakeArchive::Mode::normal, style);
    const Run run =
        run_citelint(flags(web, wayback) + " --resolve " + gate_web.resolve("gate.test") +
                     " --memento-timegate " + gate.timegate_url("gate.test") + " --format json " +
                     file.string());
    INFO(run.err);
    const auto j = nlohmann::json::parse(run.out);
    const auto a = link(j, 0)["archive"];
    INFO(a.dump());
    CHECK(a["timestamp"] == "20210302111213");
    CHECK(a["source"] == "memento");
    CHECK(a["days"] == -1);
  }
  // Asked once a run, with the end of the access day.
  CHECK(gate_web.requests("/timegate/" + gone) == 3);
  CHECK(gate.last_accept_datetime() == "Wed, 03 Mar 2021 23:59:59 GMT");

  // A memento that turns out to be an error page is no copy.
  gate.timegate(FakeArchive::Mode::normal, FakeArchive::TimeGateStyle::link);
  gate.add(gone, "20210303120000");
  gate_web.route("/web/20210303120000/" + gone, [](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.status = 404;
    return r;
  });
  const auto j = nlohmann::json::parse(
      run_citelint(flags(web, wayback) + " --resolve " + gate_web.resolve("gate.test") +
                   " --memento-timegate " + gate.timegate_url("gate.test") + " --format json " +
                   file.string())
          .out);
  CHECK(link(j, 0)["archive"]["url"].is_null());
  CHECK(link(j, 0)["archive"]["why"] == "could not ask: the memento: HTTP 404");
}

TEST_CASE("a second archive run takes what the archive said from the cache") {
  GoneLink t("archive-cache");
  auto& [web, archive, gone, file] = t;
  const fs::path cache = file.parent_path() / "cache.sqlite";
  fs::remove(cache);
  std::string args = flags(web, archive) + " --format json " + file.string();
  args.replace(args.find("--no-cache"), 10, "--cache " + cache.string());
  const auto first = nlohmann::json::parse(run_citelint(args).out);
  const int asked = web.requests("/wayback/available") + web.requests("/cdx/search/cdx");
  const auto second = nlohmann::json::parse(run_citelint(args).out);
  CHECK(web.requests("/wayback/available") + web.requests("/cdx/search/cdx") == asked);
  CHECK(link(second, 0)["archive"]["from_cache"] == true);
  CHECK(link(second, 0)["archive"]["url"] == link(first, 0)["archive"]["url"]);
  CHECK(link(second, 0)["archive"]["days"] == -2);
}

TEST_CASE("archive URLs already cited are checked against the access date") {
  FakeWeb web;
  FakeArchive archive(web);
  const std::string port = std::to_string(web.port());
  const std::string base = "http://web.archive.org:" + port + "/web/";
  // The Wayback Machine sends a short timestamp to its nearest capture.
  web.route("/web/2021/http://e.test/moved", [&](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.status = 302;
    r.headers = {{"Location", base + "20210901000000/http://e.test/moved"}};
    return r;
  });
  const fs::path file = scratch_file(
      "archive-cited/refs.txt",
      "1 A. Late copy[EB/OL]. [2021-03-03]. " + base + "20210601000000/http://e.test/a.\n\n" +
          "2 B. Timely copy[EB/OL]. [2021-03-03]. " + base + "20210305000000/http://e.test/b.\n\n" +
          "3 C. Short[EB/OL]. [2021-03-03]. " + base + "2021/http://e.test/moved.\n");
  const auto offline = nlohmann::json::parse(
      run_citelint("check --offline --as-of 2024-01-01 --format json " + file.string()).out);
  auto late = findings(offline, "archive/after-access");
  REQUIRE(late.size() == 1);  // "2021" alone reads as the year's start
  CHECK(late[0]["line"] == 1);
  CHECK(late[0]["category"] == "date-mismatch");
  CHECK(late[0]["severity"] == "warning");
  CHECK(late[0]["message"] ==
        "the archived copy was captured on 2021-06-01, 90 days after the access date 2021-03-03 "
        "(more than the 30 allowed): it may not show the page as the author read it");
  CHECK(findings(nlohmann::json::parse(
                     run_citelint("check --offline --archive-tolerance 100 --as-of 2024-01-01 "
                                  "--format json " +
                                  file.string())
                         .out),
                 "archive/after-access")
            .empty());

  // Checked, the short one lands on a capture from September.
  const Run run = run_citelint(flags(web, archive) + " --format json " + file.string());
  const auto j = nlohmann::json::parse(run.out);
  late = findings(j, "archive/after-access");
  REQUIRE(late.size() == 2);
  CHECK(late[1]["line"] == 5);
  CHECK(late[1]["message"].get<std::string>().find("captured on 2021-09-01, 182 days after") !=
        std::string::npos);
  CHECK(link(j, 0)["status"] == "ok");  // the archive URLs resolve
}

TEST_CASE("a cited archive copy that is gone is looked for again, by the page it held") {
  FakeWeb web;
  FakeArchive archive(web);
  const std::string cited = "http://web.archive.org:" + std::to_string(web.port()) +
                            "/web/20200101000000/http://e.test/p";
  web.route("/web/20200101000000/http://e.test/p", [](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.status = 404;
    return r;
  });
  archive.add("http://e.test/p", "20210301000000");
  const fs::path file =
      scratch_file("archive-gone/refs.txt", "1 A. Page[EB/OL]. [2021-03-03]. " + cited + ".\n");
  const auto j = nlohmann::json::parse(
      run_citelint(flags(web, archive) + " --format json " + file.string()).out);
  CHECK(link(j, 0)["status"] == "broken");
  CHECK(link(j, 0)["archive"]["url"] ==
        archive.endpoint("archive.test") + "/web/20210301000000/http://e.test/p");
}

TEST_CASE("an archive that stops answering is given up on, not asked step after step") {
  FakeWeb web;
  FakeArchive archive(web);
  archive.availability(FakeArchive::Mode::slow);
  archive.cdx(FakeArchive::Mode::slow);
  std::string list;
  for (int i = 1; i <= 8; ++i) {
    list += std::to_string(i) + " A. Gone " + std::to_string(i) + "[EB/OL]. [2021-03-03]. " +
            web.url("a.test", "/404?" + std::to_string(i)) + ".\n\n";
  }
  const fs::path file = scratch_file("archive-gone-silent/refs.txt", list);
  const Run run = run_citelint(flags(web, archive, 1) + " --format json " + file.string());
  const auto j = nlohmann::json::parse(run.out);
  for (int i = 0; i < 8; ++i) {
    INFO(i);
    CHECK(link(j, i)["status"] == "broken");
    CHECK(link(j, i)["archive"]["why"].get<std::string>().rfind("could not ask", 0) == 0);
  }
  // 8 links, up to 3 steps each, 2 attempts a step: 48 requests without giving up. After three
  // unanswered in a row, what is queued and what comes later is answered without asking.
  const int asked = web.requests("/wayback/available") + web.requests("/cdx/search/cdx");
  CHECK(asked <= 2 * (3 + 4));  // three in a row, and what was in flight beside them
}
