// Inputs and arguments as a careless user (or an attacker) gives them: folders and devices for
// files, endless standard input, old Mac line ends, options that repeat. Each is reported with
// its name, and the other inputs are still checked.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using citelint_test::run_citelint;
using citelint_test::scratch_file;
using nlohmann::json;

namespace {

const std::string kEntry = "Smith J. A page. https://example.org/a (accessed 2020-01-01).\n";

std::vector<std::string> input_paths(const json& report) {
  std::vector<std::string> paths;
  for (const auto& i : report["inputs"]) paths.push_back(i["path"]);
  return paths;
}

}  // namespace

TEST_CASE("a folder or a device as input is refused by name, and the other inputs are read") {
  const auto list = scratch_file("bad/list.txt", kEntry);
  const auto folder = list.parent_path();
  const auto r = run_citelint("check --offline --no-config --format json " + folder.string() +
                              " /dev/zero " + list.string());
  CHECK(r.exit == 2);
  CHECK(r.err.find(folder.string() + ": error: is a folder, not a file") != std::string::npos);
  CHECK(r.err.find("/dev/zero: error: is a device, not a file") != std::string::npos);
  const json report = json::parse(r.out);
  CHECK(report["summary"]["references"] == 1);
}

TEST_CASE("standard input is read up to --max-input-size, then cut with a message") {
  std::string endless;
  for (int i = 0; i < 40000; ++i) endless += kEntry;  // 2.5 MB
  const auto r =
      run_citelint("check --offline --no-config --max-input-size 1M --format json -", endless);
  CHECK(r.exit == 2);
  CHECK(r.err.find("<stdin>:") != std::string::npos);
  CHECK(r.err.find("larger than 1048576 bytes: read up to this line") != std::string::npos);
  const json report = json::parse(r.out);
  CHECK(report["summary"]["references"].get<int>() > 15000);
  CHECK(report["summary"]["references"].get<int>() < 17000);
  CHECK(run_citelint("check --offline --max-input-size lots -", kEntry).exit == 2);
}

TEST_CASE("a repeatable option takes one value: the files after it are all read") {
  const auto a = scratch_file("repeat/a.txt", kEntry);
  const auto b = scratch_file("repeat/b.bib",
                              "@misc{x, title={T}, url={https://example.org/b}, "
                              "urldate={2020-01-01}}\n");
  const auto out = a.parent_path() / "r.json";
  for (const std::string& option : std::vector<std::string>{
           "--report markdown=" + out.string() + ".md", "--header 'X-A: 1'", "--exclude nothing",
           "--include .", "--resolve h:80:127.0.0.1", "--style core"}) {
    INFO(option);
    std::filesystem::remove(out);
    const auto r = run_citelint("check --offline --no-config --report json=" + out.string() + " " +
                                option + " " + a.string() + " " + b.string());
    CHECK(r.exit == 0);
    const json report = json::parse(citelint_test::slurp(out));
    CHECK(input_paths(report) == std::vector<std::string>{a.string(), b.string()});
  }
}

TEST_CASE("lone CR line ends read as line ends, in every text format") {
  const std::string text =
      "1. Smith J. https://example.org/a (accessed 2020-01-01).\r"
      "2. Jones K. https://example.org/b (accessed 2020-1-1).\r";
  const auto r = run_citelint("check --offline --no-config --format json -", text);
  json report = json::parse(r.out);
  CHECK(report["summary"]["references"] == 2);
  CHECK(report["references"][1]["line"] == 2);

  const std::string markdown =
      "# References\r\r- Smith J. <https://example.org/a>, accessed "
      "2020-01-01.\r- Jones K. <https://example.org/b>, accessed "
      "2020-01-02.\r";
  const auto md = scratch_file("cr/list.md", markdown);
  report =
      json::parse(run_citelint("check --offline --no-config --format json " + md.string()).out);
  CHECK(report["summary"]["references"] == 2);

  const std::string ris =
      "TY  - ELEC\rTI  - A page\rUR  - https://example.org/a\rY2  - "
      "2020/01/01\rER  - \rTY  - ELEC\rTI  - Another\rUR  - "
      "https://example.org/b\rER  - \r";
  const auto rf = scratch_file("cr/list.ris", ris);
  const auto rr = run_citelint("check --offline --no-config --format json " + rf.string());
  CHECK(rr.err.empty());
  report = json::parse(rr.out);
  CHECK(report["summary"]["references"] == 2);
  CHECK(report["summary"]["urls"] == 2);
}

TEST_CASE("inputs that could not be read are in every report, not on standard error alone") {
  const auto bad = scratch_file("unread/bad.txt", kEntry + "\xff\xfe bad bytes\n");
  const auto folder = scratch_file("unread/folder/x.txt", "").parent_path();
  const std::string missing = bad.parent_path().string() + "/missing.txt";
  const auto dir = bad.parent_path();
  std::string reports;
  for (const char* f : {"json", "sarif", "junit", "github", "markdown", "html"})
    reports += std::string(" --report ") + f + "=" + (dir / f).string();
  const auto r = run_citelint("check --offline --no-config" + reports + " " + bad.string() + " " +
                              folder.string() + " " + missing);
  CHECK(r.exit == 2);

  const json j = json::parse(citelint_test::slurp(dir / "json"));
  REQUIRE(j["errors"].size() == 3);
  CHECK(j["errors"][0]["input"] == bad.string());
  CHECK(j["errors"][0]["line"] == 2);
  CHECK(j["errors"][1]["input"] == folder.string());
  CHECK(j["errors"][1]["line"] == 0);
  CHECK(j["errors"][2]["message"].get<std::string>().find("cannot read") == 0);

  const json sarif = json::parse(citelint_test::slurp(dir / "sarif"));
  const json& invocation = sarif["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 3);
  CHECK(invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["region"]
                  ["startLine"] == 2);
  const std::string validator = std::string("/usr/bin/python3 ") + CITELINT_SOURCE_DIR +
                                "/tests/support/validate_sarif.py " + CITELINT_SOURCE_DIR +
                                "/tests/fixtures/sarif/sarif-schema-2.1.0.json " +
                                (dir / "sarif").string() + " >/dev/null";
  CHECK(std::system(validator.c_str()) == 0);

  const std::string junit = citelint_test::slurp(dir / "junit");
  CHECK(junit.find("errors=\"3\"") != std::string::npos);
  CHECK(junit.find("<error type=\"input\"") != std::string::npos);
  const std::string github = citelint_test::slurp(dir / "github");
  CHECK(github.find("::error file=" + missing) != std::string::npos);
  CHECK(github.find(",line=2,col=1,title=citelint%3A input not read::not valid UTF-8") !=
        std::string::npos);
  for (const char* f : {"markdown", "html"}) {
    INFO(f);
    const std::string text = citelint_test::slurp(dir / f);
    CHECK(text.find("Inputs not read") != std::string::npos);
    CHECK(text.find("missing.txt: error: cannot read") != std::string::npos);
  }
}

TEST_CASE("an output that cannot be written is said with the OS's reason; the others are written") {
  const auto list = scratch_file("outputs/list.txt", kEntry);
  const auto md = list.parent_path() / "ok.md";
  std::filesystem::remove(md);
  const auto r = run_citelint(
      "check --offline --no-config -o /dev/full --report "
      "json=/nonexistent/folder/r.json --report markdown=" +
      md.string() + " " + list.string());
  CHECK(r.exit == 2);
  CHECK(r.err.find("cannot write /dev/full: No space left on device") != std::string::npos);
  CHECK(r.err.find("cannot write /nonexistent/folder/r.json: No such file or directory") !=
        std::string::npos);
  CHECK(citelint_test::slurp(md).find("citelint: 1 references") != std::string::npos);
  const auto err = list.parent_path() / "err.txt";
  const std::string command = std::string(CITELINT_BINARY) + " check --offline --no-config " +
                              list.string() + " >/dev/full 2>" + err.string();
  const int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 2);
  CHECK(citelint_test::slurp(err).find("cannot write standard output: No space left on device") !=
        std::string::npos);
}

TEST_CASE("the config is read strictly: keys given twice, negative limits, nesting too deep") {
  const auto dir = scratch_file("strict/list.txt", kEntry).parent_path();
  auto run_with = [&](const std::string& yaml) {
    std::ofstream(dir / ".citelint.yaml") << yaml;
    return citelint_test::run_citelint_in(dir, "check --offline list.txt");
  };
  auto r = run_with("fail-on: warning\nfail-on: never\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:2:1: error: 'fail-on' is given twice in the config (first at "
                   "line 1)") != std::string::npos);
  r = run_with(
      "network:\n  hosts:\n    example.org:\n      concurrency: -3\n      interval: -10\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(":4:20: error: network.hosts.example.org.concurrency wants a whole number "
                   "above 0") != std::string::npos);
  CHECK(r.err.find(":5:17: error: network.hosts.example.org.interval wants milliseconds, 0 or "
                   "more") != std::string::npos);
  r = run_with("a: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find("levels deep: no config is; not read") != std::string::npos);
  r = run_with("exclude:\n  - ok\n  - \"a(b\"\n");
  CHECK(r.exit == 2);
  CHECK(r.err.find(".citelint.yaml:3:5: error: exclude wants an RE2 pattern") != std::string::npos);
  std::filesystem::remove(dir / ".citelint.yaml");
}

TEST_CASE("reports stay valid UTF-8 and XML with a file name and messages of raw bytes") {
  const auto list = scratch_file("bytes/list\xFFname.bib",
                                 "@misc{a, title={T}, url={https://example.org/a}}\n"
                                 "@misc{b, title={T} \xE4\xB8 url={x}}\n"
                                 "@misc{c, title={T} \x01 url={x}}\n");
  for (const char* format : {"json", "sarif", "junit", "html", "markdown"}) {
    INFO(format);
    const auto r = run_citelint(std::string("check --offline --no-config --format ") + format +
                                " '" + list.string() + "'");
    CHECK(r.exit == 2);
    CHECK(r.out.find("list\xEF\xBF\xBDname.bib") != std::string::npos);  // U+FFFD
    CHECK(r.out.find('\xFF') == std::string::npos);
    CHECK(r.out.find('\x01') == std::string::npos);
    if (std::string(format) == "json" || std::string(format) == "sarif")
      CHECK_NOTHROW(json::parse(r.out));
  }
  const auto r = run_citelint("check --offline --no-config '" + list.string() + "'");
  CHECK(r.err.find("found '\xEF\xBF\xBD'") != std::string::npos);  // read as U+FFFD, said whole
  CHECK(r.err.find("found U+0001") != std::string::npos);
}

TEST_CASE("a PDF that crashes, hangs or exhausts poppler costs that PDF alone") {
  const auto list = scratch_file("poppler/list.txt", kEntry);
  const auto dir = list.parent_path();
  for (const char* what : {"CRASH", "HANG", "HOG"})
    std::ofstream(dir / (std::string(what) + ".pdf")) << "%PDF-1.4\n" << what << "\n%%EOF\n";
  setenv("CITELINT_PDF_MODULE", CITELINT_HOSTILE_PDF_MODULE, 1);
  setenv("CITELINT_PDF_TIMEOUT", "2", 1);
  const auto r = run_citelint("check --offline --no-config --format json " +
                              (dir / "CRASH.pdf").string() + " " + (dir / "HANG.pdf").string() +
                              " " + (dir / "HOG.pdf").string() + " " + list.string());
  unsetenv("CITELINT_PDF_MODULE");
  unsetenv("CITELINT_PDF_TIMEOUT");
  CHECK(r.exit == 2);
  // (signal 11, SIGSEGV); under AddressSanitizer, whose handler exits, an exit status.
  CHECK(r.err.find("CRASH.pdf: error: poppler crashed reading it (") != std::string::npos);
  CHECK(r.err.find("HANG.pdf: error: poppler took longer than 2 s to read it and was stopped") !=
        std::string::npos);
  CHECK(r.err.find("HOG.pdf: error: poppler") != std::string::npos);
  const json report = json::parse(r.out);
  CHECK(report["summary"]["references"] == 1);  // the text list, still checked
  CHECK(report["errors"].size() == 3);
}

TEST_CASE("a list saved as one line: each date held against its neighbours, once each") {
  // One reference with 200 dates and 100 URLs (no labels split it): the comparison rules hold
  // each access date against the dates near it, not against all 200 (which grew as their
  // square), and every finding is still there.
  std::string line;
  for (int i = 1; i <= 100; ++i)
    line += "Ministry. Report " + std::to_string(i) +
            "[EB/OL]. (2020-05-01)[2019-01-01]. https://example.org/r" + std::to_string(i) + ". ";
  const auto r = run_citelint("check --offline --no-config --format json -", line + "\n");
  const json report = json::parse(r.out);
  CHECK(report["summary"]["references"] == 1);
  int before_published = 0;
  for (const auto& f : report["findings"])
    before_published += f["rule"] == "core/AccessBeforePublished";
  CHECK(before_published == 100);
}
