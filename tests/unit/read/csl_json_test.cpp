// The CSL-JSON reader: the fixture's URLs, DOIs and dates at their positions; broken JSON.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("CSL-JSON items: URL, DOI, accessed and issued in every form, at their places") {
  const auto doc = test::document("refs.json", test::fixture("csl-json/refs.json"));
  REQUIRE(doc->format() == "csl-json");
  std::vector<Diagnostic> problems;
  const auto refs = read_csl_json(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 4);
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            {"moe2018", "url",
             "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 6, 13},
            {"moe2018", "accessed", "2019-03-12", 7, 33},   // date-parts of numbers
            {"moe2018", "published", "2018-05-30", 8, 31},  // date-parts of strings
            {"smith2020", "year", "2020", 14, 31},
            {"smith2020", "doi", "10.1000/xyz123", 13, 13},  // the doi.org prefix dropped
            {"42", "url", "https://www.worldbank.org/en/publication/wdr2019", 19, 13},  // \/
            {"42", "accessed", "2019-03-12", 20, 18},                      // an EDTF string
            {"42", "published", "2018-10", 21, 16},                        // a range's start
            {"4", "url", "https://www.oecd.org/sti/outlook.htm", 25, 27},  // in the note
            {"4", "published", "2018-11-20", 26, 24},                      // raw
            {"4", "accessed", "", 27, 33},  // 2021-02-30: no such day
        });
  CHECK(refs[2].urls[0].composed);  // JSON escapes: not read as written
  CHECK(refs[0].span.line == 2);
  CHECK(refs[0].span.end_line == 9);
}

TEST_CASE("broken JSON: the error where it is, the items before it kept") {
  const std::string json =
      "[\n"
      "  {\"id\": \"a\", \"URL\": \"http://a.example/\"},\n"
      "  {\"id\": \"b\", \"URL\": \"http://b.example/\" \"title\": \"x\"},\n"
      "  {\"id\": \"c\", \"URL\": \"http://c.example/\"}\n"
      "]\n";
  const auto doc = test::document("bad.json", json);
  std::vector<Diagnostic> problems;
  const auto refs = read_csl_json(*doc, problems);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].id == "a");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].line == 3);
  CHECK(problems[0].column == 42);
  CHECK(problems[0].message == "expected ',' or '}', found '\"'");
  CHECK(problems[1].message ==
        "the rest of the file, from line 3, was not read; the 1 items before it were");

  std::vector<Diagnostic> more;
  CHECK(read_csl_json(*test::document("t.json", "[{\"id\": \"a\", \"URL\": \"http://a.exa"), more)
            .empty());
  REQUIRE(!more.empty());
  CHECK(more[0].message == "a string that is not closed");
  std::vector<Diagnostic> none;
  CHECK(read_csl_json(*test::document("t.json", "{\"items\": [{\"id\": \"x\"}, {\"id\": \"y\"}]}"),
                      none)
            .size() == 2);
  CHECK(none.empty());
}

TEST_CASE("CSL-JSON is told by .json, or by its content") {
  CHECK(test::document("lib.json", "[]")->format() == "csl-json");
  CHECK(test::document("<stdin>", "[{\"id\": \"a\", \"type\": \"book\"}]")->format() == "csl-json");
  CHECK(test::document("<stdin>", "[1] A. Title. 2019.\n")->format() == "text");
}
