// End to end: the rules about how an entry is written read LaTeX and Markdown entries, and the
// text of HTML and JATS entries (tags gone, entities decoded), not the records of a .bib or a
// JATS element-citation.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

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

TEST_CASE("HTML and JATS entries get the rules about writing, on the text they read as") {
  // A doubled comma split by a tag, a space before a comma behind an entity, a doubled full
  // stop in plain text; MediaWiki's back-links ("1 2 3") and a bibcode's dots are no slips.
  const auto html = scratch_file(
      "markup/page.html",
      "<html><body><h2>References</h2><ol>\n"
      "<li id=\"cite_note-1\"><span rel=\"mw:referencedBy\"><a href=\"#cite_ref-1\">1 "
      "</a><a href=\"#cite_ref-2\">2 </a></span> <cite>Smith, J. (2019). <i>Title</i>,</cite>, "
      "Press. Bibcode:2005Natur.438..803L.</li>\n"
      "<li id=\"cite_note-2\"><span class=\"mw-cite-backlink\"><a href=\"#cite_ref-3\">^</a>"
      "</span> Lee,&#32;C. &amp; Wu , D. (2017). Another title.. Press.</li>\n"
      "</ol></body></html>\n");
  const Run h = run_citelint("check --offline --as-of 2024-01-01 --format json " + html.string());
  INFO(h.out);
  const auto findings = nlohmann::json::parse(h.out)["findings"];
  std::vector<std::tuple<std::string, int, int, bool>> got;
  for (const auto& f : findings)
    got.emplace_back(f["rule"], f["line"], f["column"], !f["fix"].is_null());
  // ",</cite>,": the fix would drop the tag, so there is none; "Wu ,": the source reads as the
  // text there, so the fix stands.
  const std::vector<std::tuple<std::string, int, int, bool>> want = {
      {"core/DoubledPunctuation", 2, 150, false},
      {"core/SpaceBeforePunctuation", 3, 108, true},
      {"core/DoubledPunctuation", 3, 135, true},
  };
  CHECK(got == want);
  // Each column is the source's, where the text's slip is: after the tags, not the text's.
  const std::string source = citelint_test::slurp(html);
  const std::string line2 = source.substr(source.find('\n') + 1);
  CHECK(line2.find("</i>,</cite>,") + 4 + 1 == 150);

  const Run text = run_citelint("text " + html.string());
  CHECK(text.out.find("2:1 | Smith, J. (2019). Title,, Press. Bibcode:2005Natur.438..803L.") !=
        std::string::npos);
  CHECK(text.out.find("3:1 | Lee, C. & Wu , D. (2017). Another title.. Press.") !=
        std::string::npos);

  const auto jats =
      scratch_file("markup/article.xml",
                   "<article><back><ref-list>\n"
                   "<ref id=\"r1\"><mixed-citation><person-group><name><surname>Smith</surname> "
                   "<given-names>J</given-names></name></person-group> (<year>2019</year>) Title,, "
                   "<source>Journal</source> <volume>3</volume>.</mixed-citation></ref>\n"
                   "<ref id=\"r2\"><element-citation><person-group><name><surname>Lee</surname>"
                   "</name></person-group><article-title>Other,,</article-title><year>2017</year>"
                   "</element-citation></ref>\n"
                   "</ref-list></back></article>\n");
  const Run j = run_citelint("check --offline --as-of 2024-01-01 " + jats.string());
  INFO(j.out);
  CHECK(j.out.find(jats.string() + ":2:151: warning[core/DoubledPunctuation]") !=
        std::string::npos);
  // The words of elements apart where the source puts white space between them.
  CHECK(run_citelint("text " + jats.string()).out.find("2:1 | Smith J (2019) Title,, Journal 3.") !=
        std::string::npos);
  CHECK(j.out.find("1 finding") != std::string::npos);  // an element-citation is a record
}
