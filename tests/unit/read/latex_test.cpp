// The LaTeX reader: \bibitem entries, their URLs, dates and DOIs at their places in the source.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("\\bibitem entries: \\url, \\href, dates and DOIs, at their places in the .bbl") {
  const auto doc = test::document("refs.bbl", test::fixture("latex/refs.bbl"));
  REQUIRE(doc->format() == "latex");
  std::vector<Diagnostic> problems;
  const auto refs = read_latex(*doc, problems);
  CHECK(problems.empty());
  REQUIRE(refs.size() == 3);  // the commented \bibitem is none
  CHECK(test::items_of(refs) ==
        std::vector<test::ItemRow>{
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
  CHECK(test::document("refs.txt", "\\begin{thebibliography}{1}\n\\bibitem{a} A.\n")->format() ==
        "latex");
  CHECK(test::document("<stdin>", "\\bibitem{a} A. \\url{http://a.example/}\n")->format() ==
        "latex");
}
