// End to end: the JUnit, GitHub workflow-command and Markdown reports of the binary.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <sstream>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

namespace {

const std::string kCheck = "check --offline --as-of 2020-01-01 ";
const std::string kExample = "examples/gbt7714.txt";

nlohmann::json findings_of(const std::string& args) {
  return nlohmann::json::parse(run_citelint(kCheck + "--format json " + args).out)["findings"];
}

}  // namespace

TEST_CASE("JUnit: a test case per reference, a failure per finding at or above --fail-on") {
  const auto findings = findings_of(kExample);
  for (const std::string fail_on : {"error", "warning", "never"}) {
    INFO(fail_on);
    const Run r = run_citelint(kCheck + "--format junit --fail-on " + fail_on + " " + kExample);
    pugi::xml_document xml;
    REQUIRE(xml.load_string(r.out.c_str()));
    const auto suites = xml.child("testsuites");
    const auto suite = suites.child("testsuite");
    CHECK(std::string(suite.attribute("name").value()) == kExample);
    CHECK(suite.attribute("tests").as_int() == 8);  // the list's 8 references
    int failures = 0, failed_cases = 0, out_lines = 0;
    for (const auto& c : suite.children("testcase")) {
      CHECK(std::string(c.attribute("file").value()) == kExample);
      CHECK(c.attribute("line").as_int() >= 1);
      int here = 0;
      for (const auto& f : c.children("failure")) {
        ++here;
        CHECK(std::string(f.attribute("type").value()).find('/') != std::string::npos);
      }
      failures += here;
      failed_cases += here > 0;
      std::istringstream out(c.child("system-out").text().get());
      for (std::string line; std::getline(out, line);) out_lines += !line.empty();
    }
    int expected = 0;
    for (const auto& f : findings)
      expected += fail_on == "error"     ? f["severity"] == "error"
                  : fail_on == "warning" ? f["severity"] != "info"
                                         : 0;
    CHECK(failures == expected);
    CHECK(failures + out_lines == static_cast<int>(findings.size()));  // none lost
    CHECK(suite.attribute("failures").as_int() == failed_cases);
    CHECK(suites.attribute("failures").as_int() == failed_cases);
  }
}

TEST_CASE("GitHub workflow commands: a line per finding, escaped as the runner reads them") {
  const auto findings = findings_of(kExample);
  const Run r = run_citelint(kCheck + "--format github " + kExample);
  const std::regex line_re(
      R"(^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),)"
      R"(endColumn=(\d+),title=([^,:]+)::([^\r\n]+)$)");
  std::istringstream in(r.out);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    INFO(line);
    std::smatch m;
    REQUIRE(std::regex_match(line, m, line_re));
    REQUIRE(n < findings.size());
    const auto& f = findings[n];
    CHECK(m[1] ==
          (f["severity"] == "info" ? std::string("notice") : f["severity"].get<std::string>()));
    CHECK(m[2] == kExample);
    CHECK(std::stoi(m[3]) == f["line"].get<int>());
    CHECK(std::stoi(m[4]) == f["column"].get<int>());
    CHECK(m[7] == f["rule"].get<std::string>());
  }
  CHECK(n == findings.size());
  // A fix goes on a second line of the message: %0A, as is '%' itself (%25).
  CHECK(r.out.find("%0Afix: http://www.moe.gov.cn/") != std::string::npos);
  // A path with ',' and ':' is escaped as a property.
  const auto odd =
      scratch_file("reports/a,b:c.txt", "1 Ministry. Report. http://www. moe.gov.cn/a.html.\n");
  const Run o = run_citelint(kCheck + "--format github " + odd.string());
  CHECK(o.out.find("a%2Cb%3Ac.txt,line=1,") != std::string::npos);
}

TEST_CASE("Markdown summary: counts, then findings by reference with fixes as links") {
  const Run r = run_citelint(kCheck + "--format markdown " + kExample);
  CHECK(r.out.rfind("## citelint: 8 references, 8 URLs\n\n**5 errors, 8 warnings, 0 info**", 0) ==
        0);
  CHECK(r.out.find("| url-whitespace | 2 |") != std::string::npos);
  CHECK(r.out.find("| unchecked | 6 |") != std::string::npos);
  CHECK(r.out.find("### examples/gbt7714.txt") != std::string::npos);
  CHECK(r.out.find("**\\[2\\]** 2 教育部.") == std::string::npos);  // ids are not escaped twice
  CHECK(r.out.find("**[2]** 2 教育部. 关于加强科研诚信建设的意见. (2018-05-30)\\[2019-03-12\\].") !=
        std::string::npos);
  CHECK(r.out.find("(fix: [http://www.moe.gov.cn/jyb\\_xxgk/moe\\_1777/201805/"
                   "t20180530\\_337652.html](http://www.moe.gov.cn/jyb_xxgk/moe_1777/201805/"
                   "t20180530_337652.html))") != std::string::npos);
  const Run clean = run_citelint(kCheck + "--format markdown -",
                                 "1 Office. Data. https://example.org/a (accessed 2019-03-03).\n");
  CHECK(clean.out.find("No findings.") != std::string::npos);
}
