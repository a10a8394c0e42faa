// End to end: the HTML report, loaded in headless Chromium (Debian's chromium, from
// ci/install-deps.sh): the page as the browser builds it, its filters through the #hash, its fit
// at phone width, and a screenshot (build/report-html.png; docs/report-html.png is one).
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <regex>

#include "support/cli.hpp"
#include "support/fake_web.hpp"

namespace fs = std::filesystem;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using citelint_test::slurp;

namespace {

// The DOM after the page's script ran, at a window width.
std::string dom(const fs::path& page, const std::string& hash, int width = 1200) {
  const fs::path out = page.parent_path() / "dom.html";
  const std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--no-first-run --window-size=" +
      std::to_string(width) + ",900 --dump-dom 'file://" + page.string() +
      (hash.empty() ? "" : "#" + hash) + "' >" + out.string() + " 2>/dev/null";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? slurp(out) : "chromium failed";
}

int count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<int>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

int shown(const std::string& d) {
  std::smatch m;
  return std::regex_search(d, m, std::regex(R"(<b id="shown">(\d+)</b>)")) ? std::stoi(m[1]) : -1;
}

}  // namespace

TEST_CASE("the HTML report in headless Chromium: statuses, findings, fixes, filters, phone width") {
  citelint::test::FakeWeb web;
  const std::string list =
      "1 教育部. 关于加强科研诚信建设的意见[EB/OL]. (2018-05-30)[2019-03-12]. " +
      web.url("www.moe.gov.cn", "/ok") + ".\n\n" +
      "2 World Bank. World development report 2019[EB/OL]. (2018-10-31)[2019-03-12]. " +
      web.url("www.worldbank.org", "/404") + ".\n\n" +
      "3 NSF. Indicators[EB/OL]. (2018-01-15)[2019-09-01]. " + web.url("www.nsf.gov", "/r301") +
      ".\n\n" + "4 Office. Data[EB/OL]. (2018-10-31)[2019-02-30]. <b>not markup</b>.\n";
  const fs::path file = scratch_file("html/refs.txt", list);
  const fs::path page = scratch_file("html/report.html", "");
  std::string flags = "--allow-private --retries 1 --timeout 5 --no-cache";
  for (const char* h : {"www.moe.gov.cn", "www.worldbank.org", "www.nsf.gov"})
    flags += " --resolve " + web.resolve(h);
  const Run r = run_citelint("check --as-of 2020-01-01 --report html=" + page.string() + " " +
                             flags + " " + file.string());
  INFO(r.err);
  REQUIRE(r.exit == 1);
  const std::string html = slurp(page);
  // Self-contained: nothing loaded from anywhere (the cited URLs are links, not assets).
  CHECK(count(html, R"(<(script|link|img|iframe)[^>]*\s(src|href)=)") == 0);
  CHECK(html.find("&lt;b&gt;not markup&lt;/b&gt;") != std::string::npos);

  const std::string all = dom(page, "");
  INFO(all.substr(0, 400));
  CHECK(shown(all) == 4);
  CHECK(count(all, R"(<article class="ref")") == 4);
  CHECK(count(all, R"(class="badge s-ok">ok<)") == 1);
  CHECK(count(all, R"(class="badge s-broken">broken<)") == 1);
  CHECK(count(all, R"(class="badge s-redirect">redirect<)") == 1);
  CHECK(all.find("<code>link/broken</code>") != std::string::npos);
  CHECK(all.find("<code>core/DateImpossible</code>") != std::string::npos);
  // The redirect's fix is a link to where it lands.
  CHECK(all.find("fix: <a href=\"" + web.url("www.nsf.gov", "/ok") + "\"") != std::string::npos);

  // Filters through the hash: by link status, by category, by level; sorting by level.
  const std::string broken = dom(page, "status=broken");
  CHECK(shown(broken) == 1);
  CHECK(count(broken, R"(<article class="ref"[^>]*hidden)") == 3);
  CHECK(shown(dom(page, "category=date-format")) == 1);
  CHECK(shown(dom(page, "level=error")) == 2);  // the 404 and February 30th
  const std::string sorted = dom(page, "sort=level");
  CHECK(sorted.find("id=\"ref-0-2\"") < sorted.find("id=\"ref-0-1\""));

  // Readable at phone width: nothing wider than the window.
  const std::string phone = dom(page, "", 390);
  CHECK(phone.find("data-fits=\"true\"") != std::string::npos);

  // A screenshot, kept beside the build (docs/report-html.png is one made so).
  const fs::path shot = fs::path(CITELINT_BINARY).parent_path() / "report-html.png";
  const std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      "--no-first-run --hide-scrollbars --window-size=900,1100 --screenshot=" +
      shot.string() + " 'file://" + page.string() + "' >/dev/null 2>&1";
  CHECK(std::system(command.c_str()) == 0);
  CHECK(fs::file_size(shot) > 10000);
}
