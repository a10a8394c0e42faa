// The Markdown reader: footnotes, link definitions and the items of a references section.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("Markdown references: a references section's items, footnotes, link definitions") {
  const auto doc = test::document("README.md", test::fixture("markdown/README.md"));
  REQUIRE(doc->format() == "markdown");
  std::vector<Diagnostic> problems;
  const auto refs = read_markdown(*doc, problems);
  CHECK(problems.empty());
  // Not the link in the text, the code block, or the list under "Licence".
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            {"1", "url", "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 12,
             5},  // an autolink on the item's second line
            {"1", "published", "2018-05-30", 11, 32},
            {"1", "accessed", "2019-03-12", 11, 44},
            {"2", "year", "2020", 13, 51},
            {"2", "doi", "10.1000/xyz123", 13, 61},
            {"3", "url", "https://www.nsf.gov/statistics/2018/", 14, 60},  // [text](url)
            {"3", "accessed", "2021-03-03", 14, 30},
            {"moe", "url", "https://www.moe.gov.cn/a.html", 20, 53},  // a footnote
            {"moe", "accessed", "2019-03-12", 20, 41},
            {"oecd", "url", "https://www.oecd.org/sti/outlook.htm", 21, 9},  // a link definition
        });
}
