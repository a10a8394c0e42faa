// End to end: suppression comments in BibTeX, LaTeX, Markdown and HTML inputs; SARIF keeps the
// suppressed findings, marked so.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using citelint_test::slurp;

TEST_CASE("citelint-disable comments switch findings off where the input says") {
  const auto bib = scratch_file("suppress/refs.bib",
                                "@online{a, url = {http://a.example/1}, urldate = {2021-02-30}}\n"
                                "% citelint-disable-next-line DateImpossible\n"
                                "@online{b, url = {http://b.example/2}, urldate = {2021-02-30}}\n"
                                "% citelint-disable core/UrlWhitespace\n"
                                "@online{c, url = {http://c .example/3}, urldate = {2021-02-31}}\n"
                                "% citelint-enable\n"
                                "@online{d, url = {http://d .example/4}}\n");
  const Run r = run_citelint("check --offline --as-of 2024-01-01 --format json " + bib.string());
  INFO(r.out);
  const auto j = nlohmann::json::parse(r.out);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& f : j["findings"]) got.emplace_back(f["reference"], f["rule"]);
  // a: reported; b: its date suppressed; c: its URL rule suppressed, not its date; d: after enable.
  CHECK(std::count(got.begin(), got.end(),
                   std::pair<std::string, std::string>{"a", "core/DateImpossible"}) == 1);
  CHECK(std::count(got.begin(), got.end(),
                   std::pair<std::string, std::string>{"b", "core/DateImpossible"}) == 0);
  CHECK(std::count(got.begin(), got.end(),
                   std::pair<std::string, std::string>{"c", "core/DateImpossible"}) == 1);
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& p) {
          return p.first == "c" && p.second == "core/UrlWhitespace";
        }) == 0);
  CHECK(std::count_if(got.begin(), got.end(), [](const auto& p) {
          return p.first == "d" && p.second == "core/UrlWhitespace";
        }) == 1);
  CHECK(r.err.find("2 findings suppressed (by comments in the input") != std::string::npos);

  // SARIF: the suppressed ones are there, with an inSource suppression.
  const auto sarif_path = scratch_file("suppress/out.sarif", "");
  run_citelint("check --offline --as-of 2024-01-01 --report sarif=" + sarif_path.string() + " " +
               bib.string());
  const auto sarif = nlohmann::json::parse(slurp(sarif_path));
  int suppressed = 0, total = 0;
  for (const auto& result : sarif["runs"][0]["results"]) {
    ++total;
    if (result.contains("suppressions")) {
      ++suppressed;
      CHECK(result["suppressions"][0]["kind"] == "inSource");
    }
  }
  CHECK(suppressed == 2);
  CHECK(total == static_cast<int>(got.size()) + 2);
}

TEST_CASE("HTML comments in Markdown, percent comments in LaTeX, and none in plain text") {
  const auto md = scratch_file("suppress/README.md",
                               "## References\n\n"
                               "<!-- citelint-disable-next-line DoubledPunctuation -->\n"
                               "1. Author, A.,, Title. 2019.\n"
                               "2. Author, B.,, Title. 2019.\n");
  const Run m = run_citelint("check --offline --as-of 2024-01-01 " + md.string());
  CHECK(m.out.find("README.md:4:") == std::string::npos);
  CHECK(m.out.find("README.md:5:") != std::string::npos);

  const auto tex =
      scratch_file("suppress/refs.tex",
                   "\\begin{thebibliography}{9}\n"
                   "\\bibitem{a} A.~Author,, Title. 2019.   % citelint-disable-next-line\n"
                   "\\bibitem{b} B.~Author,, Title. 2019.\n"
                   "\\end{thebibliography}\n");
  const Run t = run_citelint("check --offline --as-of 2024-01-01 " + tex.string());
  CHECK(t.out.find("refs.tex:2:") != std::string::npos);
  CHECK(t.out.find("refs.tex:3:") == std::string::npos);  // every rule, on the next line

  // Plain text has no comments: the words are text like any other.
  const Run p = run_citelint("check --offline --as-of 2024-01-01 -",
                             "citelint-disable-next-line\n1 Author,, Title. 2019.\n");
  CHECK(p.out.find("DoubledPunctuation") != std::string::npos);
}
