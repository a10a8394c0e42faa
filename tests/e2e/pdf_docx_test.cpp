// End to end: a PDF and a DOCX through the binary, findings where the page shows them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;

TEST_CASE("a PDF is checked with its findings at page, line and column") {
  const Run r = run_citelint("check --offline --as-of 2024-01-01 tests/fixtures/pdf/article.pdf");
  INFO(r.err);
  CHECK(r.exit == 1);
  CHECK(r.out.find("tests/fixtures/pdf/article.pdf:page 2:9:45: error[core/UrlWhitespace]: "
                   "whitespace inside the URL") != std::string::npos);
  CHECK(r.out.find(" 9 | [5] Garcia M. A page that moved. http://www. moved.test/report.html") !=
        std::string::npos);
  CHECK(r.out.find("14 references, 13 URLs (13 unique)") != std::string::npos);

  const Run j = run_citelint(
      "check --offline --as-of 2024-01-01 --format json tests/fixtures/pdf/article.pdf");
  const auto report = nlohmann::json::parse(j.out);
  CHECK(report["inputs"][0]["format"] == "pdf");
  CHECK(report["inputs"][0]["positions"] == "page-line");
  const auto& ref2 = report["references"][1];
  CHECK(ref2["page"] == 2);
  CHECK(ref2["line"] == 3);
  CHECK(ref2["end_line"] == 5);
  CHECK(ref2["urls"][0]["page"] == 2);
  CHECK(ref2["urls"][0]["line"] == 3);
  CHECK(ref2["urls"][0]["column"] == 58);
}

TEST_CASE("citelint text shows the reference section as read, wrapped lines marked") {
  const Run r = run_citelint("text tests/fixtures/pdf/article.pdf");
  CHECK(r.exit == 0);
  CHECK(r.out.rfind("# tests/fixtures/pdf/article.pdf (pdf)\n", 0) == 0);
  CHECK(r.out.find("page 2:3 | [2] Agency for Data.") != std::string::npos);
  CHECK(r.out.find("page 2:4 + guidelines/open-data/2019/") != std::string::npos);
}

TEST_CASE("a DOCX is checked with its findings at paragraph and column") {
  const Run r = run_citelint("check --offline --as-of 2024-01-01 tests/fixtures/docx/refs.docx");
  INFO(r.err);
  CHECK(r.exit == 1);
  CHECK(r.out.find("tests/fixtures/docx/refs.docx:paragraph 9:45: error[core/UrlWhitespace]") !=
        std::string::npos);
  // A broken document.xml: exit 2, and the paragraphs before the break still checked.
  const Run broken =
      run_citelint("check --offline --as-of 2024-01-01 tests/fixtures/docx/broken-xml.docx");
  CHECK(broken.exit == 2);
  CHECK(broken.err.find("broken-xml.docx: error: word/document.xml breaks at its line 2") !=
        std::string::npos);
  CHECK(broken.out.find("2 references, 2 URLs") != std::string::npos);
}

TEST_CASE(
    "a PDF's link annotations: the addresses behind its words are the entries' URLs, "
    "marked linked, and no rule about written URLs reads them") {
  const Run j =
      run_citelint("check --offline --as-of 2024-01-01 --format json tests/fixtures/pdf/links.pdf");
  INFO(j.err);
  const auto report = nlohmann::json::parse(j.out);
  int linked = 0;
  for (const auto& ref : report["references"])
    for (const auto& u : ref["urls"]) {
      if (!u.value("linked", false)) continue;
      ++linked;
      for (const auto& f : report["findings"]) {
        INFO(f.dump());
        CHECK(!(f["line"] == u["line"] && f["column"] == u["column"]));
      }
    }
  // The DOI behind a title, PubMed behind a PMID, a two-line title's link and the same again
  // (no DuplicateUrl: the list writes neither).
  CHECK(linked == 4);
  CHECK(report["summary"]["urls"] == 6);
}
