// The JATS reader: the fixture's URLs, DOIs and dates at their positions; broken XML.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("JATS refs: ext-link, uri, pub-id, date-in-citation, year, at their places") {
  const auto doc = test::document("article.xml", test::fixture("jats/article.xml"));
  REQUIRE(doc->format() == "jats");
  std::vector<Diagnostic> problems;
  const auto refs = read_jats(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 3);  // the article's own DOI is no reference
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            // Once, where it is first written: the mixed citation's ext-link.
            {"r1", "url", "https://periodicos.ufmg.br/index.php/pci/article/view/22448", 8, 137},
            {"r1", "year", "2011", 10, 17},
            {"r1", "accessed", "2022-10-20", 12, 71},  // the iso-8601-date attribute
            {"r2", "url", "https://www.example.org/search?q=a&page=2", 20, 16},  // <uri>, &amp;
            {"r2", "published", "2022-03", 17, 17},    // year 2022a, month 3
            {"r2", "accessed", "2023-03-03", 21, 67},  // "Acesso em: 3 mar. 2023"
            {"r2", "doi", "10.3989/arbor.2021.799003", 19, 37},
            {"r3", "url", "https://edition.cnn.com/2023/10/06/economy/index.html", 25, 99},
            {"r3", "accessed", "2024-01-13", 25, 169},  // "Last accessed: Jan. 13, 2024"
        });
  CHECK(refs[1].urls[0].composed);  // &amp; in the file: not the URL as written
  CHECK(refs[0].span.line == 7);
  CHECK(refs[0].span.end_line == 14);
}

TEST_CASE("broken XML: the error where it breaks, the refs before it kept") {
  const std::string xml =
      "<article><back><ref-list>\n"
      "<ref id=\"a\"><mixed-citation>A. <uri>http://a.example/</uri></mixed-citation></ref>\n"
      "<ref id=\"b\"><mixed-citation>B. <uri>http://b.example/</mixed-citation></ref>\n"
      "<ref id=\"c\"><mixed-citation>C.</mixed-citation></ref>\n"
      "</ref-list></back></article>\n";
  const auto doc = test::document("bad.xml", xml);
  std::vector<Diagnostic> problems;
  const auto refs = read_jats(*doc, problems);
  REQUIRE(!refs.empty());
  CHECK(refs[0].id == "a");
  CHECK(refs[0].urls.at(0).normalised == "http://a.example/");
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].line == 3);
  CHECK(problems[0].message == "broken XML: Start-end tags mismatch");
  CHECK(problems[1].message.find("was not read") != std::string::npos);
  CHECK(test::document("<stdin>", "<?xml version=\"1.0\"?>\n<article>")->format() == "jats");
}
