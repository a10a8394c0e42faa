// End to end: the rules about how an entry is written read LaTeX and Markdown entries, and not
// the records of a .bib or the markup of JATS.
#include <catch2/catch.hpp>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

TEST_CASE("LaTeX and Markdown entries get the rules about how an entry is written") {
  const auto tex = scratch_file(
      "markup/refs.tex",
      "\\begin{thebibliography}{9}\n"
      "\\bibitem{a} A.~Author. {\\em Title of the work}. Journal, 12(3):45--67, 2019.\n"
      "\\bibitem{b} B.~Author. \\textit{Another},, title. In \\emph{Proc.}, 2017.\n"
      "\\end{thebibliography}\n");
  const Run t = run_citelint("check --offline --as-of 2024-01-01 " + tex.string());
  INFO(t.out);
  CHECK(t.out.find(tex.string() + ":3:40: warning[core/DoubledPunctuation]") != std::string::npos);
  CHECK(t.out.find("1 finding") != std::string::npos);  // TeX's braces, ~ and -- are no slips

  const auto md = scratch_file("markup/README.md",
                               "# Notes\n\n## References\n\n"
                               "1. Author, A. (2019). *Title of the work*. Journal, **12**(3).\n"
                               "2. Lee, C. (2017). _Another title_,, with a slip. Press.\n");
  const Run m = run_citelint("check --offline --as-of 2024-01-01 " + md.string());
  INFO(m.out);
  CHECK(m.out.find(md.string() + ":6:35: warning[core/DoubledPunctuation]") != std::string::npos);
  CHECK(m.out.find("1 finding") != std::string::npos);
}
