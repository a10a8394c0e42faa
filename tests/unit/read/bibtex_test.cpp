// The BibTeX reader: the fixture's URLs, DOIs and dates with their positions; malformed
// entries; TeX; detection.
#include <catch2/catch.hpp>
#include <tuple>

#include "citelint/read.hpp"
#include "read/tex.hpp"
#include "support/readers.hpp"

using namespace citelint;

namespace {

std::unique_ptr<Document> load(const std::string& path, const std::string& text) {
  return test::document(path, text);
}

}  // namespace

TEST_CASE("every way a .bib gives a URL, DOI and date, at its place in the file") {
  const auto doc = load("refs.bib", test::fixture("bibtex/refs.bib"));
  REQUIRE(doc->format() == "bibtex");
  std::vector<Diagnostic> problems;
  const auto refs = read_bibtex(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 6);  // @string, @preamble and @comment are no references

  using UrlRow = std::tuple<std::string, std::string, int, int, bool>;  // id, url, line, col, made
  std::vector<UrlRow> urls;
  using DateRow = std::tuple<std::string, std::string, std::string, int, int>;  // id, role, value
  std::vector<DateRow> dates;
  std::vector<std::tuple<std::string, std::string, int, int>> dois;
  for (const Reference& r : refs) {
    for (const Url& u : r.urls)
      urls.emplace_back(r.id, std::string(u.normalised), u.span.line, u.span.column, u.composed);
    for (const Date& d : r.dates)
      dates.emplace_back(r.id, std::string(to_string(d.role)), std::string(d.value()), d.span.line,
                         d.span.column);
    for (const Doi& d : r.dois) dois.emplace_back(r.id, d.value, d.span.line, d.span.column);
  }
  CHECK(urls ==
        std::vector<UrlRow>{
            {"moe2018", "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 11,
             14, false},
            {"worldbank", "https://www.worldbank.org/en/publication/wdr2019", 18, 24,
             false},  // \url{} in howpublished
            {"arxiv2101", "https://arxiv.org/abs/2101.00001", 34, 17, true},  // eprint
            {"concat", "http://www.moe.gov.cn/srcsite/A08/s7056/a_b%20c.html", 41, 13,
             true},  // @string # @string # {...}, TeX escapes
            {"gbt", "http://www.nlc.cn/a.htm", 48, 23, false},  // \href{}{} in a note
        });
  CHECK(dates == std::vector<DateRow>{
                     {"moe2018", "published", "2018-05-30", 10, 14},
                     {"moe2018", "accessed", "2019-03-12", 12, 14},
                     {"worldbank", "published", "2018-10", 19, 18},    // year 2018, month oct
                     {"worldbank", "accessed", "2019-03-12", 21, 29},  // "Accessed: ..." note
                     {"smith2020", "year", "2020", 28, 14},
                     {"arxiv2101", "published", "2021-01", 36, 17},  // a range's start
                     {"concat", "accessed", "", 42, 14},             // urldate = {yesterday}
                     {"gbt", "year", "1988", 47, 14},                // year = {c1988}
                     {"gbt", "accessed", "2021-03-03", 48, 70},      // "visited 3 March 2021"
                 });
  CHECK(dois == std::vector<std::tuple<std::string, std::string, int, int>>{
                    {"smith2020", "10.1000/xyz_123", 29, 14}});
  CHECK(refs[0].span.line == 7);
  CHECK(refs[0].span.end_line == 13);
  CHECK(refs[3].id == "arxiv2101");  // @article( ... ) with parentheses
}

TEST_CASE("a malformed entry is reported where it is wrong, and the others are read") {
  const std::string bib =
      "@online{good1, url = {http://a.example/1}, urldate = {2021-03-03}}\n"
      "\n"
      "@online{broken, title = {An unclosed {brace}, url = {http://b.example/2}\n"
      "\n"
      "@online{good2, url = {http://c.example/3}}\n"
      "@online{noequals, url {http://d.example/4}}\n"
      "@online{good3, url = \"http://e.example/5\" # {/six}}\n"
      "@online{eof, title = {never closed\n";
  const auto doc = load("bad.bib", bib);
  std::vector<Diagnostic> problems;
  const auto refs = read_bibtex(*doc, problems);
  std::vector<std::string> ids;
  for (const Reference& r : refs) ids.push_back(r.id);
  CHECK(ids == std::vector<std::string>{"good1", "good2", "good3"});
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].line == 3);
  CHECK(problems[0].column == 25);  // the brace that is never closed
  CHECK(problems[0].message ==
        "unbalanced '{': this value is not closed before the next entry (the entry starts at "
        "line 3)");
  CHECK(problems[1].line == 6);
  CHECK(problems[1].column == 23);
  CHECK(problems[1].message == "expected '=' after url, found '{'");
  CHECK(problems[2].line == 8);
  CHECK(problems[2].message.find("before the end of the file") != std::string::npos);
  CHECK(problems[3].line == 0);  // about the file as a whole
  CHECK(problems[3].message == "3 entries skipped; the other 3 were read");
  CHECK(refs[2].urls.at(0).normalised == "http://e.example/5/six");
}

TEST_CASE("a url field that stands for nothing gives no URL (found by ci/fuzz.sh)") {
  const auto doc = test::document("t.bib", "@online{x, url = nosuchmacro, doi = {}}\n");
  std::vector<Diagnostic> problems;
  const auto refs = read_bibtex(*doc, problems);
  REQUIRE(refs.size() == 1);
  CHECK(refs[0].urls.empty());
  CHECK(problems.empty());
}

TEST_CASE("TeX in fields reads as text") {
  CHECK(decode_tex("M{\\\"u}ller") == "Müller");
  CHECK(decode_tex("J\\\"org") == "Jörg");
  CHECK(decode_tex("Fran\\c{c}ois") == "François");
  CHECK(decode_tex("\\v{S}koda") == "Škoda");
  CHECK(decode_tex("Cort\\'{\\i}s") == "Cortís");
  CHECK(decode_tex("Gau\\ss{} and {\\AA}ngstr\\\"om") == "Gauß and Ångström");
  CHECK(decode_tex("Pages 1--10, a---b, ``quoted''") == "Pages 1–10, a—b, “quoted”");
  CHECK(decode_tex("{The} {\\emph{Title}} of~it") == "The Title of it");
  CHECK(decode_tex("50\\% of A\\&B\\_c") == "50% of A&B_c");
  CHECK(decode_tex("\\l{}\\'od\\'z") == "łódź");
}

TEST_CASE("the format is told by the extension, else by the content") {
  CHECK(load("refs.bib", "not really")->format() == "bibtex");
  CHECK(load("refs.txt", "@online{a, url={http://x.example/}}")->format() == "text");
  CHECK(load("<stdin>", "% a comment\n\n@Article{a,\n title={T}}\n")->format() == "bibtex");
  CHECK(load("<stdin>", "1 A. Title. 2019.\n")->format() == "text");
  CHECK(load("refs", "Write to me@example.com {soon}\n")->format() == "text");
  CHECK(find_input_format("bibtex"));
  CHECK(find_input_format("pdf"));
  CHECK(find_input_format("docx"));
  CHECK(!find_input_format("odt"));
}
