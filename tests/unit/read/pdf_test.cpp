// The PDF reader: typeset fixtures (tests/fixtures/pdf/make_fixtures.py) through poppler, and
// the layout step on words placed by hand.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "read/pdf_layout.hpp"
#include "support/readers.hpp"

using namespace citelint;

namespace {

std::string text_of(const Document& doc, const Span& s) { return std::string(doc.slice(s)); }

}  // namespace

TEST_CASE("PDF: the reference section of a typeset article, at page and line") {
  const test::ReadFile r = test::read_file("article.pdf", test::fixture("pdf/article.pdf"));
  INFO((r.diagnostics.empty() ? "" : r.diagnostics[0].message));
  REQUIRE(r.doc);
  CHECK(r.diagnostics.empty());
  CHECK(r.doc->format() == "pdf");
  CHECK(r.doc->place_unit() == "line");
  REQUIRE(r.refs.size() == 14);  // [1] to [14]: not the body's link, not the appendix's
  const auto items = test::placed_items_of(*r.doc, r.refs);
  using Row = test::PlacedRow;
  CHECK(items[0] ==
        Row{"1", "url", "https://www.stats.test/pubs/annual-report-2020.pdf", 1, 53, 49, 1, 53});
  // Over the page break (page 2's running head is not part of it).
  CHECK(items[1] == Row{"1", "accessed", "2021-03-05", 2, 2, 11, 2, 2});
  // Wrapped at the end of a line: one URL from page 2 line 3 to line 4.
  CHECK(items[2] == Row{"2", "url",
                        "https://www.data-agency.test/publications/guidelines/open-data/2019/"
                        "full-text-edition/chapter-one-introduction-and-scope.html",
                        2, 3, 58, 2, 4});
  CHECK(items[3] == Row{"2", "accessed", "2020-11-12", 2, 5, 1, 2, 5});  // "(accessed" above
  // Wrapped after "10.5555/", and "Accessed" on the next line is not part of it.
  CHECK(items[4] == Row{"3", "url", "https://doi.org/10.5555/layout.2018.004", 2, 6, 82, 2, 7});
  CHECK(items[6] == Row{"3", "accessed", "2021-03-12", 2, 7, 26, 2, 7});
  // The hyphen where "annual-" broke stays: the URL's own.
  CHECK(r.refs[9].urls.at(0).normalised ==
        "https://www.reports.test/archive/2020/annual-reports/report-number-10/full-text/"
        "index.html");
  // A URL wrapped by the layout holds no line break; a space on one line is still a space.
  CHECK(r.refs[1].urls[0].as_written.find('\n') == std::string_view::npos);
  CHECK(r.refs[4].urls[0].as_written == "http://www. moved.test/report.html");
  // Each line of the text is where the page has it.
  CHECK(r.doc->where(r.refs[1].urls[0].span.end_line, 1) == "page 2:4:1");
  for (const Reference& ref : r.refs)
    for (const Url& u : ref.urls) {
      CHECK(u.normalised.find("body.test") == std::string_view::npos);
      CHECK(u.normalised.find("appendix.test") == std::string_view::npos);
    }
  CHECK(r.doc->list_text().find("Journal of Link Studies") == std::string::npos);
}

TEST_CASE("PDF: two columns read column by column, hanging indents as entries") {
  const test::ReadFile r = test::read_file("two-columns.pdf", test::fixture("pdf/two-columns.pdf"));
  REQUIRE(r.doc);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.refs.size() == 39);  // unnumbered: one entry per hanging indent
  CHECK(text_of(*r.doc, r.refs[0].span).rfind("Adams, R. (2020)", 0) == 0);
  CHECK(text_of(*r.doc, r.refs[1].span).rfind("Baker, T. (2019)", 0) == 0);
  for (std::size_t i = 2; i < r.refs.size(); ++i) {
    INFO(i);
    CHECK(text_of(*r.doc, r.refs[i].span).rfind("Author" + std::to_string(i + 1) + ",", 0) == 0);
    REQUIRE(r.refs[i].urls.size() == 1);
    CHECK(r.refs[i].urls[0].normalised == "https://entries.test/" + std::to_string(i + 1));
  }
  // Wrapped twice in a narrow column.
  REQUIRE(r.refs[0].urls.size() == 1);
  CHECK(r.refs[0].urls[0].normalised ==
        "https://www.column-press.test/books/long-addresses-in-narrow-columns/chapter-3.html");
  const Span s = r.refs[0].urls[0].span;
  CHECK(r.doc->place(s.end_line).line - r.doc->place(s.line).line == 2);
  CHECK(r.refs[1].dates.at(0).value() == "2019");
  CHECK(r.refs[1].dates.at(1).value() == "2021-03-03");  // "Retrieved March 3, 2021"
  // The second column starts after the first ends: its first entry's line is the higher.
  CHECK(r.doc->place(r.refs[30].span.line).line > r.doc->place(r.refs[10].span.line).line);
}

TEST_CASE("PDF cut short: an error with where it ends, the pages before it read") {
  std::string bytes = test::fixture("pdf/article.pdf");
  bytes.resize(1500);  // within page 2's objects
  const test::ReadFile r = test::read_file("cut.pdf", bytes);
  REQUIRE(r.doc);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message ==
        "truncated: the file ends at byte 1500 without %%EOF; read the text of 1 of its 2 pages");
  REQUIRE(r.refs.size() == 1);  // [1] starts at the foot of page 1
  CHECK(r.refs[0].urls.at(0).normalised == "https://www.stats.test/pubs/annual-report-2020.pdf");
}

TEST_CASE("not a PDF by its bytes: an error, nothing read") {
  const test::ReadFile r = test::read_file("refs.pdf", "%PDF-1.4\nnot really\n");
  CHECK(!r.doc);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.find("truncated: the file ends at byte 20 without %%EOF") == 0);
  const test::ReadFile garbage = test::read_file("refs.pdf", "hello");
  REQUIRE(garbage.diagnostics.size() == 1);
  CHECK(garbage.diagnostics[0].message == "not a PDF: no %PDF- header at its start");
}

TEST_CASE("a long PDF without a References heading is not read as a list") {
  const test::ReadFile r = test::read_file("paper.pdf", test::fixture("pdf/no-heading.pdf"));
  CHECK(!r.doc);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].message.rfind("no reference section found: no line reads as a heading",
                                       0) == 0);
  CHECK(r.diagnostics[0].message.find("(this one has 5)") != std::string::npos);
}

namespace {

// Words of one line, a size-10 font, each word 5 points a character, one space apart.
void line(std::vector<pdf::Word>& words, int page, double x, double top, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    pdf::Word w;
    w.page = page;
    w.x0 = x;
    w.x1 = x + 5.0 * double(j - i);
    w.y0 = top;
    w.y1 = top + 10;
    w.size = 10;
    w.text = std::string(text.substr(i, j - i));
    w.space_after = j < text.size();
    words.push_back(w);
    x = w.x1 + 5;
    i = j + 1;
  }
}

}  // namespace

TEST_CASE("layout: a URL joins the next line only where the line was full") {
  std::vector<pdf::Word> w;
  line(w, 1, 72, 100, "7 REFERENCES");
  // Full to the margin (x 72 to 522): the URL goes on below.
  line(w, 1, 72, 112, "[1] A report on the things that were seen at https://a.test/reports/2020/");
  line(w, 1, 72, 124, "annual.html (accessed 2021-03-03). And more words to fill this line up.");
  // Short: the next line is not the rest of its URL, even if it looks like it could be.
  line(w, 1, 72, 136, "[2] B. https://b.test/x/");
  line(w, 1, 72, 148, "data.html is a file name that the text goes on to discuss in detail here.");
  line(w, 1, 300, 740, "12");  // the page number
  const pdf::Text t = pdf::reference_text(w);
  CHECK(t.found_heading);
  CHECK(t.wraps == 1);
  CHECK(t.text ==
        "[1] A report on the things that were seen at https://a.test/reports/2020/annual.html "
        "(accessed "
        "2021-03-03). And more words to fill this line up.\n"
        "[2] B. https://b.test/x/\n"
        "data.html is a file name that the text goes on to discuss in detail here.");
  REQUIRE(t.places.size() == 4);  // the joined line is a line of its own on the page
  CHECK(t.places[1].line == 3);
  CHECK(t.places[3].line == 5);
}

TEST_CASE("layout: a URL wraps from the foot of one column to the top of the next") {
  std::vector<pdf::Word> w;
  line(w, 1, 72, 90, "References");
  for (int i = 0; i < 5; ++i)
    line(w, 1, 72, 100 + 12 * i, "[" + std::to_string(i + 1) + "] Entry text of some length.");
  line(w, 1, 72, 160, "[6] X. https://col.test/first-part/");  // ends column 1 at its edge
  line(w, 1, 300, 100, "second-part.html (accessed 2022-02-02).");
  line(w, 1, 300, 112, "[7] Y. Z.");
  const pdf::Text t = pdf::reference_text(w);
  INFO(t.text);
  CHECK(t.text.find("https://col.test/first-part/second-part.html (accessed") != std::string::npos);
  CHECK(t.text.find("[7] Y. Z.") != std::string::npos);
}

TEST_CASE("layout: headings that open a reference section, and ones that do not") {
  auto starts = [](std::string_view heading) {
    std::vector<pdf::Word> w;
    line(w, 1, 72, 100, "Body text.");
    line(w, 1, 72, 112, heading);
    line(w, 1, 72, 124, "[1] Entry.");
    return pdf::reference_text(w).found_heading;
  };
  CHECK(starts("References"));
  CHECK(starts("7 REFERENCES"));
  CHECK(starts("VII. References"));
  CHECK(starts("Referências"));
  CHECK(starts("R E F E R E N C E S"));
  CHECK(!starts("See the references below."));
  CHECK(!starts("Reference management"));
}

TEST_CASE("layout: a paragraph gap splits entries only where the list is spaced so") {
  auto text = [](bool spaced) {
    std::vector<pdf::Word> w;
    line(w, 1, 72, 90, "References");
    double y = 100;
    for (int i = 1; i <= 6; ++i) {
      line(w, 1, 72, y, "Entry " + std::to_string(i) + " by its author.");
      line(w, 1, 72, y + 12, "Its second line.");
      y += (spaced || i == 3) ? 36 : 24;  // one wider gap, or one after every entry
    }
    return pdf::reference_text(w).text;
  };
  CHECK(text(false).find("\n\n") == std::string::npos);
  CHECK(text(true).find("Its second line.\n\nEntry 2") != std::string::npos);
}

TEST_CASE("layout: running heads and page numbers go, a column's repeated last line stays") {
  std::vector<pdf::Word> w;
  for (int page = 1; page <= 2; ++page) {
    line(w, page, 72, 40, "Journal of Tests " + std::to_string(page));  // set off above
    if (page == 1) line(w, page, 72, 90, "References");
    for (int i = 0; i < 4; ++i)
      line(w, page, 72, 100 + 12 * i,
           "[" + std::to_string(page * 10 + i) + "] Entry https://e.test/" + std::to_string(i));
    line(w, page, 72, 148, "(accessed 2022-01-1" + std::to_string(page) + ").");  // the last row
    line(w, page, 300, 760, std::to_string(page));                                // set off below
  }
  const pdf::Text t = pdf::reference_text(w);
  CHECK(t.text.find("Journal of Tests") == std::string::npos);
  CHECK(t.text.find("(accessed 2022-01-11).") != std::string::npos);
  CHECK(t.text.find("(accessed 2022-01-12).") != std::string::npos);
  CHECK(t.text.find("\n2") == std::string::npos);  // page 2's number
}
