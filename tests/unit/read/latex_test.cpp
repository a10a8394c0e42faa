// The LaTeX reader: \bibitem entries, their URLs, dates and DOIs at their places in the source.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <tuple>

#include "citelint/read.hpp"

using namespace citelint;

TEST_CASE("\\bibitem entries: \\url, \\href, dates and DOIs, at their places in the .bbl") {
  std::ifstream in(std::string(CITELINT_SOURCE_DIR) + "/tests/fixtures/latex/refs.bbl",
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const auto doc = make_document(0, "refs.bbl", ss.str()).document;
  REQUIRE(doc->format() == "latex");
  std::vector<Diagnostic> problems;
  const auto refs = read_latex(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 3);  // the commented \bibitem is none
  using Row = std::tuple<std::string, std::string, std::string, int, int>;
  std::vector<Row> items;
  for (const Reference& r : refs) {
    for (const Url& u : r.urls)
      items.emplace_back(r.id, "url", std::string(u.normalised), u.span.line, u.span.column);
    for (const Date& d : r.dates)
      items.emplace_back(r.id, std::string(to_string(d.role)), std::string(d.value()), d.span.line,
                         d.span.column);
    for (const Doi& d : r.dois)
      items.emplace_back(r.id, "doi", d.value, d.span.line, d.span.column);
  }
  CHECK(items ==
        std::vector<Row>{
            {"moe2018", "url",
             "http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 9, 16},
            {"moe2018", "published", "2018-05-30", 8, 12},
            {"moe2018", "accessed", "2019-03-12", 8, 24},
            {"worldbank", "url", "https://www.worldbank.org/en/publication/wdr2019", 13, 7},
            {"worldbank", "published", "2018-10-31", 12, 52},
            {"worldbank", "accessed", "2019-03-12", 12, 64},
            {"smith2020", "year", "2020", 16, 58},
            {"smith2020", "doi", "10.1000/xyz123", 17, 21},  // inside \doi{...}
        });
  CHECK(make_document(0, "refs.txt", "\\begin{thebibliography}{1}\n\\bibitem{a} A.\n")
            .document->format() == "latex");
  CHECK(make_document(0, "<stdin>", "\\bibitem{a} A. \\url{http://a.example/}\n")
            .document->format() == "latex");
}
