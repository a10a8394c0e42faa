// The RIS reader: the fixture's URLs, DOIs and dates at their positions; broken records.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("RIS records: UR, L2, DO, Y2, DA and PY, at their places") {
  const auto doc = test::document("refs.ris", test::fixture("ris/refs.ris"));
  REQUIRE(doc->format() == "ris");
  std::vector<Diagnostic> problems;
  const auto refs = read_ris(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 4);
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            {"moe2018", "url",
             "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 6, 7},
            {"moe2018", "published", "2018-05-30", 5, 7},                    // DA 2018/05/30/
            {"moe2018", "accessed", "2019-03-12", 7, 7},                     // Y2 2019/03/12/
            {"2", "url", "https://www.journal.example/article/123", 16, 7},  // L2
            {"2", "year", "2020", 14, 7},
            {"2", "doi", "10.1000/xyz123", 15, 7},
            {"3", "url", "https://www.worldbank.org/en/publication/wdr2019", 22, 7},
            {"3", "year", "2018", 21, 7},            // PY 2018///
            {"3", "accessed", "2019-03-12", 23, 7},  // Zotero's date and time
            {"4", "url", "https://www.oecd.org/sti/outlook.htm", 28, 7},
            {"4", "accessed", "", 29, 7},  // 2021/02/30/: no such day
        });
  CHECK(refs[0].dates[0].native_form);  // RIS's slashes are its own form, not a slip
  CHECK(refs[1].span.line == 10);
  CHECK(refs[1].span.end_line == 17);
}

TEST_CASE("broken RIS: records without TY or ER are reported, and read as far as they go") {
  const std::string ris =
      "UR  - http://stray.example/\n"
      "TY  - WEB\n"
      "UR  - http://a.example/\n"
      "TY  - WEB\n"
      "UR  - http://b.example/\n"
      "ER  - \n"
      "ER  - \n"
      "TY  - WEB\n"
      "UR  - http://c.example/\n";
  const auto doc = test::document("bad.ris", ris);
  std::vector<Diagnostic> problems;
  const auto refs = read_ris(*doc, problems);
  REQUIRE(refs.size() == 3);
  CHECK(refs[0].urls.at(0).normalised == "http://a.example/");
  CHECK(refs[2].urls.at(0).normalised == "http://c.example/");
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].line == 1);
  CHECK(problems[0].message == "'UR' outside a record (no TY before it)");
  CHECK(problems[1].line == 4);
  CHECK(problems[1].message == "a record starts before the one at line 2 ended (no ER)");
  CHECK(problems[2].line == 7);
  CHECK(problems[2].message == "ER without a record (no TY before it)");
  CHECK(problems[3].line == 8);
  CHECK(problems[3].message == "the record is not closed with ER before the end of the file");
  CHECK(test::document("<stdin>", "\nTY  - JOUR\nER  - \n")->format() == "ris");
}
