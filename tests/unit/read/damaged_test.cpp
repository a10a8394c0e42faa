// Readers against damaged and hostile files (tests/support/damaged.hpp makes them): nesting far
// deeper than any list, parts in another encoding, bytes that are not UTF-8, files cut short.
// Nothing crashes; each problem is a diagnostic; what can be read is read.
#include "support/damaged.hpp"

#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

namespace {

const std::string kEntry = "Smith J. A page. https://example.org/a (accessed 2020-01-01).";

bool said(const std::vector<Diagnostic>& ds, const std::string& words) {
  for (const Diagnostic& d : ds)
    if (d.message.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("JATS nested 10,500 sections deep: no stack overflow, the depth is reported") {
  const std::string xml =
      "<?xml version=\"1.0\"?><article><back><ref-list><ref><mixed-citation>" + kEntry +
      "</mixed-citation></ref>" +
      test::nested("<sec>", "<ref><mixed-citation>deep</mixed-citation></ref>", "</sec>", 10500) +
      "</ref-list></back></article>";
  const test::ReadFile r = test::read_file("deep.xml", xml);
  REQUIRE(r.refs.size() == 1);
  CHECK(r.refs[0].urls.size() == 1);
  REQUIRE(said(r.diagnostics, "nested more than 256 elements deep"));
  CHECK(r.diagnostics[0].line == 1);
  CHECK(r.diagnostics[0].column > 1);
}

TEST_CASE("HTML nested 100,000 elements deep: no stack overflow, the depth is reported") {
  const std::string html = "<!doctype html><html><body><h2>References</h2><ol><li>" + kEntry +
                           "</li><li>" + test::nested("<span>", "x", "</span>", 100000) +
                           "</li></ol></body></html>";
  const test::ReadFile r = test::read_file("deep.html", html);
  REQUIRE(r.refs.size() == 2);
  CHECK(r.refs[0].urls.size() == 1);
  CHECK(said(r.diagnostics, "nested more than 256 elements deep"));
}

TEST_CASE("DOCX: 52,000 nested content controls, a UTF-16 part, bytes that are not UTF-8") {
  const std::vector<std::string> paragraphs = {"References", "[1] " + kEntry,
                                               "[2] Jones K. https://example.org/b."};
  const std::string deep = test::docx_of(test::document_xml(
      paragraphs, "", test::nested("<w:sdt><w:sdtContent>", "", "</w:sdtContent></w:sdt>", 52000)));
  CHECK(deep.size() < 100000);  // a small file
  test::ReadFile r = test::read_file("deep.docx", deep);
  CHECK(r.refs.size() == 2);
  CHECK(said(r.diagnostics, "word/document.xml is nested more than 256 elements deep"));

  std::string xml = test::document_xml(paragraphs);
  xml.replace(xml.find("UTF-8"), 5, "UTF-16");
  r = test::read_file("utf16.docx", test::docx_of(test::utf16le(xml)));
  CHECK(r.diagnostics.empty());
  REQUIRE(r.refs.size() == 2);
  CHECK(r.refs[0].urls.size() == 1);

  r = test::read_file(
      "bytes.docx",
      test::docx_of(test::document_xml({"References", "[1] Caf\xE9 " + kEntry, paragraphs[2]})));
  CHECK(said(r.diagnostics, "bytes that are not UTF-8 in 1 paragraphs (the first is paragraph 2)"));
  REQUIRE(r.refs.size() == 2);
  REQUIRE(r.refs[1].urls.size() == 1);
  CHECK(r.doc->where(r.refs[1].urls[0].span.line, r.refs[1].urls[0].span.column) ==
        "paragraph 3:14");
  REQUIRE(r.refs[0].urls.size() == 1);
  CHECK(r.doc->where(r.refs[0].urls[0].span.line, r.refs[0].urls[0].span.column) ==
        "paragraph 2:27");
}

TEST_CASE("a PDF whose object table is garbage but still ends in %%EOF is rebuilt and read") {
  std::string pdf = test::fixture("pdf/wraps.pdf");
  const test::ReadFile whole = test::read_file("wraps.pdf", pdf);
  pdf.erase(pdf.rfind("\nxref") + 1);
  for (int i = 0; i < 20; ++i) pdf += "xref garbage \x01\x02 nonsense\n";
  pdf += "%%EOF\n";
  const test::ReadFile r = test::read_file("garbage.pdf", pdf);
  CHECK(r.refs.size() == whole.refs.size());
  CHECK(said(r.diagnostics, "damaged: its table of objects is unreadable; rebuilt"));
}

TEST_CASE("LaTeX lists cut short say so") {
  test::ReadFile r = test::read_file(
      "cut.bbl",
      "\\begin{thebibliography}{1}\n\n\\bibitem{a}\nSmith J. \\url{https://example.org/a");
  CHECK(r.refs.size() == 1);
  CHECK(said(r.diagnostics, "the file ends inside thebibliography (begun at line 1)"));
  r = test::read_file("cut2.bbl",
                      "\\refsection{0}\n\\datalist[entry]{nty/global//global/global}\n"
                      "\\entry{smith}{online}{}\n\\verb{url}\n\\verb https://example.org/a");
  CHECK(said(r.diagnostics, "\\entry without its \\endentry: read to the end of the file"));
}
