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

// Class 6 of issue 14: papers converted to Markdown from PDF (MinerU, Marker, Nougat style).
TEST_CASE("Markdown of a converted paper: the reference section read as a text list") {
  std::vector<Diagnostic> problems;
  // "# 参考又献" (OCR of 参考文献), labels run into the text, two entries on one line, an entry
  // the converter made a heading, the date the paper came in, an appendix after the list.
  const auto paper = test::document("paper.md", test::fixture("markdown/converted-paper.md"));
  const auto refs = read_markdown(*paper, problems);
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
            {"1", "year", "2005", 17, 53},
            {"2", "url", "http://www.most.gov.cn/kjbgz/201002/t20100221_75953.htm", 18, 40},
            {"2", "accessed", "2015-02-25", 18, 28},
            {"3", "year", "2013", 19, 93},
            {"4", "url", "http://dx.doi.org/10.1016/j.nuclphysa.2010.01.128", 20, 56},
            {"4", "doi", "10.1016/j.nuclphysa.2010.01.128", 20, 74},
            {"5", "url", "http://dx.doi.org/10.1016/j.nuclphysa.2010.01.124", 20, 180},
            {"5", "doi", "10.1016/j.nuclphysa.2010.01.124", 20, 198},
            {"6", "url", "http://www.dlib.org/dlib/september07/gold/09gold-pt2.html", 22, 113},
            {"6", "accessed", "2015-03-04", 22, 101},
            {"7", "year", "2012", 24, 97},
        });
  REQUIRE(refs.size() == 7);
  CHECK(refs[6].span.end_line == 24);  // not "(收稿日期：2015-05-20)"
  // "参考文献：" as a line of text over the entries; pandoc's bibliography of paragraphs
  // (<a name> anchors), ended by a rule; not the HTML list of the box after it.
  const auto plain = test::document("plain.md", test::fixture("markdown/plain-heading.md"));
  CHECK(
      test::items_of(read_markdown(*plain, problems)) ==
      std::vector<test::ItemRow>{
          {"1", "year", "2018", 6, 42},
          {"1", "year", "2018", 6, 136},  // the English translation's
          {"2", "year", "2018", 7, 94},
          {"3", "year", "2015", 8, 60},
          {"1", "url",
           "http://ivory.idyll.org/blog/2015-growing-sustainable-software-development-process.html",
           15, 2},
          {"2", "doi", "10.1371/journal.pbio.1001745", 19, 9},
      });
  CHECK(problems.empty());
}

TEST_CASE("Markdown with lone carriage returns and NULs reads within the document's lines") {
  // CommonMark ends a line at a lone CR, and so does the document (a lone CR is read as LF):
  // found by fuzzing, it once read past the last line. Read as the same text with LFs is.
  std::string text = "# A proc 1. x\r[a]: http://a.example/x\rmore\r\r\r";
  text += std::string(40, '\0');
  text += "\n## References\r\n\r\n- B. http://b.example/\r\n";
  const auto doc = test::document("cr.md", text);
  std::vector<Diagnostic> problems;
  const auto refs = read_markdown(*doc, problems);
  REQUIRE(refs.size() == 2);  // the link definition, then the list's entry
  CHECK(refs[0].urls.size() == 1);
  CHECK(refs[1].urls.size() == 1);
  CHECK(refs[1].span.line == 9);
}
