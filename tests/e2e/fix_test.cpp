// End to end: citelint fix on a fixture of each format it writes, against a fake web and a fake
// archive: the expected file exactly, nothing else touched, and a second check without the
// findings the fixes answered.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

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
using citelint_test::slurp;

namespace {

const fs::path kFixtures = fs::path(CITELINT_SOURCE_DIR) / "tests/fixtures/fix";

// The fake web of the fixtures: /moved/... moved for good to /new-home, /gone/... gone (the
// archive has each from the access day), the rest answers.
struct FixWeb {
  FakeWeb web;
  FakeArchive archive{web};
  FixWeb() {
    web.route("/moved/*", [this](const FakeRequest&, int) {
      FakeReply r;
      r.status = 301;
      r.headers = {{"Location", web.url("a.test", "/new-home")}};
      return r;
    });
    for (const char* path : {"/new-home", "/annual-report.html", "/report.html"})
      web.route(path, [](const FakeRequest&, int) {
        FakeReply r;
        r.headers = {{"Content-Type", "text/html"}};
        r.body = "<html><title>Report</title><body>A report</body></html>";
        return r;
      });
    for (const char* gone :
         {"/gone/survey", "/gone/survey?a=1&b=2", "/gone/report", "/gone/handbook", "/gone/guide"})
      archive.add(web.url("a.test", gone), "20210301000000");
  }
  std::string port() const { return std::to_string(web.port()); }
  std::string flags() const {
    return "--as-of 2026-12-01 --allow-private --no-cache --retries 0 --timeout 5 --resolve " +
           web.resolve("a.test") + " --resolve " + web.resolve("archive.test") +
           " --archive-endpoint " + archive.endpoint("archive.test");
  }
  // A fixture with the fake web's port in place of PORT, as a scratch file.
  fs::path copy(const std::string& name, const fs::path& from) const {
    return scratch_file("fix/" + name, with_port(slurp(from)));
  }
  std::string with_port(const std::string& text) const {
    return std::regex_replace(text, std::regex("PORT"), port());
  }
};

}  // namespace

TEST_CASE("citelint fix writes each format's fixes in its own syntax, nothing else") {
  FixWeb fake;
  for (const char* name :
       {"refs.txt", "refs.bib", "refs.json", "refs.ris", "refs.md", "refs.html"}) {
    INFO(name);
    const fs::path file = fake.copy(name, kFixtures / name);
    const Run run =
        run_citelint("fix --redirects --add-archive " + fake.flags() + " " + file.string());
    INFO(run.err);
    CHECK(run.exit == 0);
    CHECK(slurp(file) == fake.with_port(slurp(kFixtures / "expected" / name)));
    CHECK_THAT(run.err, Catch::Contains("fixes written"));
    // Read again: what the fixes answered is gone; the dead links are still said.
    const Run again = run_citelint("check --format json " + fake.flags() + " " + file.string());
    const auto report = nlohmann::json::parse(again.out);
    for (const char* rule : {"link/redirect", "core/UrlWhitespace", "core/DatePadding"})
      CHECK(findings_of(report, rule).empty());
    CHECK(!findings_of(report, "link/broken").empty());
  }
}

TEST_CASE("citelint fix leaves opt-in fixes alone, and --diff changes no file") {
  FixWeb fake;
  const fs::path file = fake.copy("opt-in/refs.txt", kFixtures / "refs.txt");
  const std::string before = slurp(file);
  Run run = run_citelint("fix --diff " + fake.flags() + " " + file.string());
  INFO(run.err);
  CHECK(run.exit == 0);
  CHECK(slurp(file) == before);
  CHECK_THAT(run.out, Catch::StartsWith("--- a/" + file.string() + "\n+++ b/" + file.string()));
  CHECK_THAT(run.out, Catch::Contains("-[1] Widget Co. Annual report[EB/OL]. (2019-3-7)") &&
                          Catch::Contains("+[1] Widget Co. Annual report[EB/OL]. (2019-03-07)") &&
                          Catch::Contains("/moved/report."));  // the redirect is opt-in
  CHECK_THAT(run.err, Catch::Contains("1 fix left alone: opt-in: --redirects"));

  run = run_citelint("fix " + fake.flags() + " " + file.string());
  const std::string after = slurp(file);
  CHECK(after.find("(2019-03-07)[2021-03-01]. http://a.test:" + fake.port() + "/moved/report.") !=
        std::string::npos);
  CHECK(after.find("annual-report.html.") != std::string::npos);
  CHECK(after.find("Archived at") == std::string::npos);
  // Nothing left to fix: a second run changes nothing.
  run = run_citelint("fix " + fake.flags() + " " + file.string());
  CHECK(slurp(file) == after);
}

TEST_CASE("citelint fix applies no fix that is not verified") {
  FixWeb fake;
  // The URL broken by a line wrap does not resolve rejoined either: not verified.
  const fs::path file = scratch_file(
      "fix/unverified.txt", "[1] Soil Society. Handbook[EB/OL]. (2019-03-07)[2021-03-01]. " +
                                fake.web.url("a.test", "/no-such-") + "\npage.html.\n" +
                                "[2] Widget Co. Report[EB/OL]. (2019-3-7)[2021-03-01].\n" +
                                "[3] Widget Co. Report[EB/OL]. (March 7, 2019)[March 1, 2021].\n" +
                                "[4] Widget Co. Report[EB/OL]. (March 8, 2019)[March 2, 2021].\n");
  const std::string before = slurp(file);
  const Run run = run_citelint("fix " + fake.flags() + " " + file.string());
  INFO(run.err);
  CHECK(slurp(file) == before);
  CHECK_THAT(run.err, Catch::Contains("nothing to fix") && Catch::Contains("not verified") &&
                          Catch::Contains("the list writes its dates otherwise"));
}

TEST_CASE("citelint fix refuses --offline and an input it cannot write back") {
  FixWeb fake;
  const fs::path file = fake.copy("offline/refs.txt", kFixtures / "refs.txt");
  Run run = run_citelint("fix --offline " + file.string());
  CHECK(run.exit == 2);
  CHECK_THAT(run.err, Catch::Contains("--offline verifies nothing"));
  // A file read as UTF-16 is not its bytes: the fixes are not written into it.
  std::string utf16 = "\xFF\xFE";
  for (char c : slurp(file)) {
    utf16 += c;
    utf16 += '\0';
  }
  const fs::path wide = scratch_file("fix/utf16.txt", utf16);
  run = run_citelint("fix " + fake.flags() + " " + wide.string());
  CHECK(run.exit == 2);
  CHECK_THAT(run.err, Catch::Contains("its text as read is not its bytes"));
  CHECK(slurp(wide) == utf16);
}
