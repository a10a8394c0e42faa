// The HTML reader: the items of the references list, not the page's other links.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("HTML references: the items of the list under References, each URL once") {
  const auto doc = test::document("article.html", test::fixture("html/article.html"));
  REQUIRE(doc->format() == "html");
  std::vector<Diagnostic> problems;
  const auto refs = read_html(*doc, problems);
  CHECK(problems.empty());
  // Not the body's link, the navigation list, the script, the comment or the thanks.
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            {"1", "url", "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 10,
             16},  // the href and the link's text: one URL
            {"1", "published", "2018-05-30", 9, 35},
            {"1", "accessed", "2019-03-12", 9, 47},
            {"2", "year", "2020", 11, 61},
            {"2", "doi", "10.1000/xyz123", 11, 71},
            {"3", "url", "https://www.nsf.gov/statistics/2018/?a=1&b=2", 13, 63},  // &amp;
            {"3", "accessed", "2021-03-03", 13, 34},
        });
  CHECK(refs[2].urls[0].composed);
  // A list marked as the references by its id, without a heading.
  const auto marked = test::document("p.html",
                                     "<div id=\"references\"><ol><li>A. http://a.example/</li>"
                                     "<li>B. http://b.example/</li></ol></div><ul><li>"
                                     "http://c.example/</li></ul>");
  CHECK(read_html(*marked, problems).size() == 2);
  CHECK(test::document("<stdin>", "<!DOCTYPE html>\n<html>")->format() == "html");
}
