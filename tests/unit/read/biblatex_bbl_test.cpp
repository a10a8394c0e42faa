// biblatex's .bbl (biber's): the fixture's URLs, DOIs and dates from its fields, at their
// places; an entry without its \endentry.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("biblatex .bbl: verb and field data at their places") {
  const auto doc = test::document("biblatex.bbl", test::fixture("latex/biblatex.bbl"));
  REQUIRE(doc->format() == "latex");
  std::vector<Diagnostic> problems;
  const auto refs = read_references(*doc, problems);
  REQUIRE(refs.size() == 6);
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            // \verb{url}, once (urlraw is the same URL before biber escapes it).
            {"stats2020", "url", "https://www.stats.test/pubs/annual-report-2020.pdf", 44, 13},
            {"stats2020", "published", "2020-03-01", 34, 20},  // year, month, day: at the year
            {"stats2020", "accessed", "2021-03-05", 37, 23},   // urlyear, urlmonth, urlday
            {"lee2018", "year", "2018", 52, 20},
            {"lee2018", "doi", "10.5555/layout.2018.004", 55, 13},
            {"kim2021", "url", "https://arxiv.org/abs/2101.00001", 63, 13},  // eprint, arXiv
            {"kim2021", "year", "2021", 61, 20},
            {"notes2019", "url", "https://notes.test/page.html", 67, 33},  // \url{} in howpublished
            {"notes2019", "accessed", "2021-03-03", 68, 29},  // "Accessed 3 March 2021"
            {"notes2019", "year", "2019", 70, 20},
            {"bad2021", "url", "https://bad.test/a", 78, 13},
            {"bad2021", "accessed", "2021-02-30", 76, 23},
            {"cut", "url", "https://cut.test/b", 84, 13},
        });
  CHECK(!refs[4].dates[0].valid);  // February 30th
  CHECK(refs[4].dates[0].as_written == "2021-02-30");
  CHECK(refs[2].urls[0].composed);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].line == 81);
  CHECK(problems[0].message == "\\entry without its \\endentry: read to the end of the file");
  CHECK(problems[1].message == "1 entry without \\endentry, read as far as they went");
}
