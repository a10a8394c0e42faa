// The DOCX reader: the fixture (tests/fixtures/docx/make_fixtures.py) as Word saves an
// article, and packages cut short or broken.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("DOCX: the reference paragraphs, hyperlinks behind words, at paragraph and column") {
  const test::ReadFile r = test::read_file("refs.docx", test::fixture("docx/refs.docx"));
  REQUIRE(r.doc);
  CHECK(r.diagnostics.empty());
  CHECK(r.doc->format() == "docx");
  CHECK(r.doc->place_unit() == "paragraph");
  REQUIRE(r.refs.size() == 5);  // after "References", before "Appendix A"
  using Row = test::PlacedRow;
  CHECK(test::placed_items_of(*r.doc, r.refs) ==
        std::vector<Row>{
            // Over three runs, one URL.
            {"1", "url", "https://www.stats.test/pubs/annual-report-2020.pdf", 0, 4, 49, 0, 4},
            {"1", "accessed", "2021-03-05", 0, 4, 110, 0, 4},
            // Only behind "Available online": the address, at those words.
            {"2", "url", "https://www.data-agency.test/guidelines/open-data", 0, 5, 44, 0, 5},
            {"2", "accessed", "2021-03-12", 0, 5, 71, 0, 5},
            // A hyperlink whose words are its address: once.
            {"3", "url", "https://www.reports.test/2019/report.html", 0, 6, 34, 0, 6},
            {"3", "accessed", "2020-01-02", 0, 6, 86, 0, 6},
            // The inserted text, not the deleted one nor the field code; no mailto.
            {"4", "url", "https://doi.org/10.5555/layout.2018", 0, 8, 30, 0, 8},
            {"4", "doi", "10.5555/layout.2018", 0, 8, 46, 0, 8},
            // In a table's cell.
            {"5", "url", "http://www.moved.test/report.html", 0, 9, 34, 0, 9},
            {"5", "accessed", "2019-07-01", 0, 9, 79, 0, 9},
        });
  CHECK(r.refs[1].urls[0].composed);  // not written: its words are no URL rules could read
  CHECK(r.refs[1].urls[0].as_written == "Available online");
  CHECK(r.doc->where(r.refs[3].span.line, 5) == "paragraph 8:5");
  CHECK(r.doc->text().find("deleted.test") == std::string::npos);
  CHECK(r.doc->text().find("field.test") == std::string::npos);
}

TEST_CASE("DOCX cut short or broken: an error, what could be read still read") {
  const std::string bytes = test::fixture("docx/refs.docx");
  const test::ReadFile cut = test::read_file("cut.docx", bytes.substr(0, bytes.size() / 2));
  CHECK(!cut.doc);
  REQUIRE(cut.diagnostics.size() == 1);
  CHECK(cut.diagnostics[0].message.rfind("truncated or damaged: its ZIP directory cannot be read",
                                         0) == 0);
  CHECK(cut.diagnostics[0].message.find("the file has " + std::to_string(bytes.size() / 2) +
                                        " bytes") != std::string::npos);

  const test::ReadFile text = test::read_file("notes.docx", "plain text, not a package");
  CHECK(!text.doc);
  REQUIRE(text.diagnostics.size() == 1);
  CHECK(text.diagnostics[0].message.rfind("not a DOCX: not a ZIP package", 0) == 0);
}

TEST_CASE("DOCX whose document.xml breaks: where, and the paragraphs before it read") {
  const test::ReadFile r = test::read_file("broken.docx", test::fixture("docx/broken-xml.docx"));
  REQUIRE(r.doc);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.rfind("word/document.xml breaks at its line 2, column ", 0) == 0);
  CHECK(r.diagnostics[0].message.find("read the 6 paragraphs before it") != std::string::npos);
  REQUIRE(r.refs.size() >= 2);
  CHECK(r.refs[0].urls.at(0).normalised == "https://www.stats.test/pubs/annual-report-2020.pdf");
  CHECK(r.refs[1].urls.at(0).normalised == "https://www.data-agency.test/guidelines/open-data");
}
