// End to end against a hostile or careless web: what the binary sends and writes when URLs
// carry credentials, when servers answer nonsense or redirect off the web. Every status that
// is not ok is a finding in every report format; no password leaves the input.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint::test::FakeReply;
using citelint::test::FakeRequest;
using citelint::test::FakeWeb;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using citelint_test::slurp;

namespace {

std::string flags_for(const FakeWeb& web, const std::string& host) {
  return "--allow-private --retries 0 --timeout 5 --no-config --as-of 2021-01-01 --resolve " +
         web.resolve(host);
}

const char* const kFormats[] = {"json", "sarif", "junit", "github", "markdown", "html", "text"};

}  // namespace

TEST_CASE("credentials in a URL are never sent, and redacted in every output and the cache") {
  FakeWeb web;
  std::string authorization = "unset";
  web.route("/members", [&](const FakeRequest& req, int) {
    const auto it = req.headers.find("authorization");
    authorization = it == req.headers.end() ? "" : it->second;
    FakeReply r;
    r.status = 404;
    return r;
  });
  const std::string url =
      "http://reader:s3cr3tpw@site.test:" + std::to_string(web.port()) + "/members";
  const fs::path list =
      scratch_file("creds/refs.txt", "Smith J. Members only. " + url + " (accessed 2020-01-01).\n");
  const fs::path dir = list.parent_path();
  std::string reports;
  for (const char* format : kFormats)
    reports += std::string(" --report ") + format + "=" + (dir / format).string();
  const auto r = run_citelint("check " + flags_for(web, "site.test") + " --cache " +
                              (dir / "cache.sqlite").string() + reports + " " + list.string());
  CHECK(r.exit == 1);
  CHECK(authorization.empty());
  CHECK(web.requests("/members") == 1);
  CHECK(r.out.find("s3cr3tpw") == std::string::npos);
  CHECK(r.err.find("s3cr3tpw") == std::string::npos);
  for (const char* format : kFormats) {
    INFO(format);
    const std::string written = slurp(dir / format);
    CHECK(written.find("broken") != std::string::npos);
    CHECK(written.find("s3cr3tpw") == std::string::npos);
  }
  CHECK(slurp(dir / "json").find("reader:********@") != std::string::npos);
  CHECK(slurp(dir / "cache.sqlite").find("s3cr3tpw") == std::string::npos);
}

TEST_CASE("a server that breaks HTTP and a redirect off the web are findings in every format") {
  FakeWeb web;
  web.route("/nonsense", [](const FakeRequest&, int) {
    FakeReply r;
    r.raw = "HTTP/1.1 2x0 Fine\r\n\r\n";
    return r;
  });
  web.route("/to-file", [](const FakeRequest&, int) {
    FakeReply r;
    r.status = 302;
    r.headers = {{"Location", "file:///etc/passwd"}};
    return r;
  });
  const fs::path list = scratch_file(
      "nonsense/refs.txt", std::string("1. Smith J. Page. ") + web.url("site.test", "/nonsense") +
                               " (accessed 2020-01-01).\n\n" + "2. Jones K. Page. " +
                               web.url("site.test", "/to-file") + " (accessed 2020-01-01).\n");
  for (const char* format : kFormats) {
    INFO(format);
    const auto r = run_citelint("check " + flags_for(web, "site.test") + " --no-cache --format " +
                                format + " " + list.string());
    CHECK(r.exit == 1);  // the redirect off the web is broken: an error
    CHECK(r.out.find("not valid HTTP") != std::string::npos);
    CHECK(r.out.find("the redirect leads off the web") != std::string::npos);
  }
}
