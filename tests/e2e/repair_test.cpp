// End to end: repairs of URLs that extraction broke, each proven against the (fake) network.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_archive.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint::test::FakeReply;
using citelint::test::FakeRequest;
using citelint::test::FakeWeb;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

TEST_CASE("URLs broken by line breaks and lost hyphens get fixes that were proven to resolve") {
  FakeWeb web;
  auto ok = [](const FakeRequest&, int) {
    FakeReply r;
    r.body = "<html><title>A report</title><body>The report</body></html>";
    return r;
  };
  for (const char* path : {"/reports/strategic-outlook-2021.pdf", "/pubs/annual-report",
                           "/pubs/annual-report-2020", "/docs/page.html"})
    web.route(path, ok);
  const std::string a = web.url("a.test", ""), b = web.url("b.test", ""), c = web.url("c.test", "");
  const std::string list =
      // The hyphen of "strategic-" lost at the line break.
      "1 A. Strategic outlook[EB/OL]. [2021-03-03]. " + a +
      "/reports/strategic\n"
      "outlook-2021.pdf.\n\n"
      // Two words run together, known from another URL on the host.
      "2 B. Annual report[EB/OL]. [2021-03-03]. " +
      b +
      "/pubs/annual-report.\n\n"
      "3 B. Annual report 2020[EB/OL]. [2021-03-03]. " +
      b +
      "/pubs/annualreport-2020.\n\n"
      // A space after the dot: the URL without it resolves, and the fix says so.
      "4 C. Page[EB/OL]. [2021-03-03]. " +
      c +
      "/docs/page. html.\n\n"
      // Nothing resolves: no repair is claimed.
      "5 D. Gone[EB/OL]. [2021-03-03]. " +
      a + "/reports/economic\nsurveys-2019.pdf.\n";
  const fs::path file = scratch_file("repair/refs.txt", list);
  std::string flags = "check --as-of 2024-01-01 --allow-private --retries 0 --no-cache";
  for (const char* h : {"a.test", "b.test", "c.test"}) flags += " --resolve " + web.resolve(h);
  const Run run = run_citelint(flags + " --format json " + file.string());
  INFO(run.err);
  const auto j = nlohmann::json::parse(run.out);
  std::vector<nlohmann::json> repairs;
  nlohmann::json whitespace, unresolved;
  for (const auto& f : j["findings"]) {
    if (f["rule"] == "link/repair") repairs.push_back(f);
    if (f["rule"] == "core/UrlWhitespace" && f["line"] == 8) whitespace = f;
    if (f["rule"] == "core/UrlWhitespace" && f["line"] == 10) unresolved = f;
  }
  REQUIRE(repairs.size() == 2);
  CHECK(repairs[0]["line"] == 1);
  CHECK(repairs[0]["category"] == "url-syntax");
  CHECK(repairs[0]["fix"]["replacement"] == a + "/reports/strategic-outlook-2021.pdf");
  CHECK(repairs[0]["fix"]["verified"] == true);
  CHECK(repairs[0]["message"] ==
        "the URL does not resolve as cited; with a hyphen restored at the line break it does: " +
            a + "/reports/strategic-outlook-2021.pdf");
  CHECK(repairs[1]["line"] == 6);
  CHECK(repairs[1]["fix"]["replacement"] == b + "/pubs/annual-report-2020");
  CHECK(repairs[1]["message"].get<std::string>().find(
            "a hyphen restored between 'annual' and 'report'") != std::string::npos);
  CHECK(whitespace["fix"]["verified"] == true);
  CHECK(unresolved["fix"]["verified"] == false);  // that URL joined up does not resolve
  // The broken citation stays broken: the repair is a suggestion beside it.
  CHECK(j["references"][0]["urls"][0]["link"]["status"] == "broken");
  // A handful of candidates per URL at most: the unrepairable one cost one (the line break).
  CHECK(web.requests("/reports/economic-surveys-2019.pdf") == 1);
  CHECK(web.total_requests() <= 5 + 3);

  // A repaired link is mistyped, not dead: no archived copy is looked for.
  citelint::test::FakeArchive archive(web);
  const auto archived = nlohmann::json::parse(
      run_citelint(flags + " --resolve " + web.resolve("archive.test") +
                   " --archive --archive-endpoint " + archive.endpoint("archive.test") +
                   " --format json " + file.string())
          .out);
  std::vector<int> archive_lines;
  for (const auto& f : archived["findings"])
    if (f["category"] == "archive") archive_lines.push_back(f["line"]);
  CHECK(archive_lines == std::vector<int>{10});  // the one no repair saved
  CHECK(web.requests("/wayback/available") == 1);

  // --no-repair asks for none.
  const int before = web.total_requests();
  const auto plain = nlohmann::json::parse(
      run_citelint(flags + " --no-repair --format json " + file.string()).out);
  for (const auto& f : plain["findings"]) CHECK(f["rule"] != "link/repair");
  CHECK(web.total_requests() - before == 5);
}
