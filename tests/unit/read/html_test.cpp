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
             86},  // the href and the link's text: one URL, where the page shows it
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

// Wikipedia's CS1 citations, as saved pages and Parsoid write them: the shapes of the shared
// corpus's pages, made up.
TEST_CASE("HTML references: dates inside and split by tags, CS1's dates by their place") {
  const auto doc = test::document("wiki.html", test::fixture("html/wikipedia-cs1.html"));
  std::vector<Diagnostic> problems;
  const auto refs = read_html(*doc, problems);
  CHECK(problems.empty());
  // Not the table of contents' "toc-References-sublist", the html element's class
  // "...-client-preferences-..." (not "references"), or the external links after the list.
  REQUIRE(refs.size() == 5);
  CHECK(
      test::items_of(refs) ==
      std::vector<test::ItemRow>{
          {"1", "url", "https://news.example.com/a/1", 10, 201},
          // "Site. 21 December 2005. Retrieved ...": the bare date is the publication date.
          {"1", "published", "2005-12-21", 10, 267},
          // Split by <span class="nowrap">: one date.
          {"1", "accessed", "2012-08-19", 10, 316},
          {"2", "url", "http://www.example.net/old.html", 11, 142},
          {"2", "url", "https://web.archive.org/web/20130521193821/http://www.example.net/old.html",
           11, 329},
          {"2", "published", "1998-09-03", 11, 91},
          // "Archived from the original on DATE": the archived copy's, not an access date. (The
          // wiki's own link to "Example Times" is no URL: the page marks its external links.)
          {"2", "archived", "2013-05-21", 11, 425},
          // Broken over a line inside the span.
          {"2", "accessed", "2017-04-28", 11, 504},
          // The href's %2F as written; the back links ("a", "b") to the page are no URLs.
          {"3", "url", "https://doi.org/10.1525%2Fbio.2011.61.2.7", 13, 360},
          {"3", "published", "2011-02-01", 13, 255},         // &#160; between day and month
          {"3", "doi", "10.1525/bio.2011.61.2.7", 13, 485},  // the DOI link's words
          {"4", "url", "http://www.example.cn/cat.html", 14, 93},
          {"4", "url",
           "https://web.archive.org/web/20160204000000/http://www.example.cn/cat.html#null", 14,
           202},
          {"4", "published", "2009-07", 14, 142},
          // [date] after a Chinese title: the access date; 原始内容存档于: the archive's (its link
          // "#null" with words, no back link).
          {"4", "accessed", "2016-02-04", 14, 172},
          {"4", "archived", "2016-02-04", 14, 293},
          {"5", "year", "2008", 15, 173},  // "Press. 2008."
          {"5", "accessed", "2020-10", 15, 188},
      });
}
