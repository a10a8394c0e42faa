// Citations in the text against the list, per format (tests/fixtures/cite/): each kind of
// mismatch at its place, and nothing on the clean twins.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "support/cli.hpp"

using namespace citelint_test;

namespace {

using Place = std::tuple<std::string, std::string, int, int>;  // rule, file name, line, column

std::set<Place> citation_findings(const std::string& file, int expected_exit,
                                  const std::string& flags = "") {
  const Run r = run_citelint("check --offline --as-of 2026-01-01 --format json " + flags + " " +
                             std::string("tests/fixtures/cite/") + file);
  INFO(r.err);
  CHECK(r.exit == expected_exit);
  const auto json = nlohmann::json::parse(r.out);
  std::set<Place> out;
  for (const auto& f : json["findings"]) {
    const std::string rule = f["rule"];
    if (rule.rfind("citation/", 0) != 0) continue;
    const std::string input = f["input"];
    out.emplace(rule, input.substr(input.rfind('/') + 1), f["line"], f["column"]);
  }
  return out;
}

}  // namespace

TEST_CASE("LaTeX: \\cite keys against the .bib \\bibliography names, through \\input") {
  CHECK(citation_findings("latex/paper.tex", 1) ==
        std::set<Place>{{"citation/missing", "intro.tex", 1, 35},
                        {"citation/uncited", "refs.bib", 5, 1}});
  CHECK(citation_findings("latex-clean/paper.tex", 0).empty());
}

TEST_CASE("Markdown: pandoc keys against the front matter's bibliography, footnotes") {
  CHECK(citation_findings("markdown/paper.md", 1) ==
        std::set<Place>{{"citation/missing", "paper.md", 8, 70},
                        {"citation/uncited", "paper.md", 17, 8},
                        {"citation/uncited", "refs.bib", 5, 1}});
  CHECK(citation_findings("markdown-clean/paper.md", 0).empty());
}

TEST_CASE("Markdown: numbers against an ordered list: order, a backwards range, missing") {
  CHECK(citation_findings("markdown/numbered.md", 1) ==
        std::set<Place>{{"citation/order", "numbered.md", 1, 13},
                        {"citation/range", "numbered.md", 1, 38},
                        {"citation/missing", "numbered.md", 1, 49},
                        {"citation/uncited", "numbered.md", 9, 4}});
  CHECK(citation_findings("markdown-clean/numbered.md", 0).empty());
}

TEST_CASE("Markdown: author-year citations: year, spelling, et al. and a/b suffixes") {
  CHECK(citation_findings("markdown/author-year.md", 1) ==
        std::set<Place>{{"citation/et-al", "author-year.md", 1, 4},
                        {"citation/mismatch", "author-year.md", 1, 37},
                        {"citation/mismatch", "author-year.md", 1, 70},
                        {"citation/suffix", "author-year.md", 8, 3}});
  CHECK(citation_findings("markdown-clean/author-year.md", 0).empty());
}

TEST_CASE("JATS: xref rids against ref ids, a dashed range, the labels' order") {
  CHECK(citation_findings("jats/article.xml", 1) ==
        std::set<Place>{{"citation/order", "article.xml", 3, 21},
                        {"citation/missing", "article.xml", 4, 101},
                        {"citation/uncited", "article.xml", 11, 1}});
  CHECK(citation_findings("jats/clean.xml", 0).empty());
}

TEST_CASE("A .bib named but not there is an error at the place that names it") {
  const auto tex =
      scratch_file("cite-missing-bib/paper.tex", "Text \\cite{a}.\n\\bibliography{nowhere}\n");
  const Run r = run_citelint("check --offline " + tex.string());
  CHECK(r.exit == 2);
  CHECK(r.err.find("paper.tex:2:15: error: the bibliography it names cannot be read") !=
        std::string::npos);
  CHECK(r.out.find("citation/missing") == std::string::npos);
}

TEST_CASE("The order: one entry moved is one finding; --citation-order any leaves it alone") {
  // 1 2 6 3 4 5: entry 6 moved ahead, not 3, 4 and 5 behind.
  const auto md = scratch_file("cite-order/paper.md",
                               "A [1], B [2], C [6], D [3], E [4], F [5].\n\n# References\n\n"
                               "1. Smith J. A.\n2. Lee A. B.\n3. Wu L. C.\n4. Kim K. D.\n"
                               "5. Park P. E.\n6. Zhou Z. F.\n");
  const Run moved = run_citelint("check --offline " + md.string());
  CHECK(moved.out.find(":1:18: warning[citation/order]: entry 6 is first cited here, before "
                       "entry 3 is") != std::string::npos);
  CHECK(moved.out.find("1 finding") != std::string::npos);
  const Run r =
      run_citelint("check --offline --citation-order any tests/fixtures/cite/markdown/numbered.md");
  CHECK(r.out.find("citation/order") == std::string::npos);
  CHECK(r.out.find("citation/range") != std::string::npos);
}

TEST_CASE("DOCX: Zotero, Mendeley and EndNote fields name their items; one the list lacks") {
  CHECK(citation_findings("docx/zotero.docx", 1) ==
        std::set<Place>{{"citation/missing", "zotero.docx", 2, 15},
                        {"citation/uncited", "zotero.docx", 8, 1},
                        {"citation/uncited", "zotero.docx", 9, 1}});
  CHECK(citation_findings("docx/zotero-clean.docx", 0).empty());
}

TEST_CASE("DOCX: numbers in brackets and superscripts, by paragraph") {
  CHECK(citation_findings("docx/numeric.docx", 1) ==
        std::set<Place>{{"citation/order", "numeric.docx", 1, 12},
                        {"citation/range", "numeric.docx", 1, 61},
                        {"citation/missing", "numeric.docx", 1, 71},
                        {"citation/uncited", "numeric.docx", 8, 1}});
  CHECK(citation_findings("docx/numeric-clean.docx", 0).empty());
}

TEST_CASE("PDF: the body's numbers before the reference section, by page and line") {
  // Figures float away from where they are cited: a PDF's order is checked only on demand.
  CHECK(citation_findings("pdf/numeric.pdf", 1) ==
        std::set<Place>{{"citation/range", "numeric.pdf", 3, 73},
                        {"citation/missing", "numeric.pdf", 3, 83},
                        {"citation/uncited", "numeric.pdf", 10, 1}});
  CHECK(citation_findings("pdf/numeric.pdf", 1, "--citation-order first-cited") ==
        std::set<Place>{{"citation/order", "numeric.pdf", 3, 12},
                        {"citation/range", "numeric.pdf", 3, 73},
                        {"citation/missing", "numeric.pdf", 3, 83},
                        {"citation/uncited", "numeric.pdf", 10, 1}});
  CHECK(citation_findings("pdf/numeric-clean.pdf", 0).empty());
}

TEST_CASE("PDF: author-year citations in the body: year, spelling, et al., a/b") {
  CHECK(citation_findings("pdf/author-year.pdf", 1) ==
        std::set<Place>{{"citation/et-al", "author-year.pdf", 3, 16},
                        {"citation/mismatch", "author-year.pdf", 3, 63},
                        {"citation/mismatch", "author-year.pdf", 3, 95},
                        {"citation/suffix", "author-year.pdf", 9, 1}});
  CHECK(citation_findings("pdf/author-year-clean.pdf", 0).empty());
}

TEST_CASE("A text whose citations cite few entries is not checked, and says so") {
  // Superscripts a PDF lost, say: two of six entries cited in brackets.
  const auto md = scratch_file("cite-few/paper.md",
                               "A claim [1] and another [2].\n\n# References\n\n1. Smith J. A.\n"
                               "2. Lee A. B.\n3. Wu L. C.\n4. Kim K. D.\n5. Park P. E.\n"
                               "6. Zhou Z. F.\n");
  const Run r = run_citelint("check --offline " + md.string());
  CHECK(r.out.find("citation/") == std::string::npos);
  CHECK(r.err.find("2 of the list's 6 entries are cited in a form citelint reads") !=
        std::string::npos);
}

TEST_CASE("Reports: JSON lists where each reference is cited, text and HTML point at it") {
  const std::string paper = "tests/fixtures/cite/latex/paper.tex";
  const Run json_run = run_citelint("check --offline --format json " + paper);
  const auto json = nlohmann::json::parse(json_run.out);
  std::map<std::string, nlohmann::json> refs;
  for (const auto& r : json["references"]) refs[r["id"]] = r;
  REQUIRE(refs["smith2020"].contains("citations"));
  const auto& smith = refs["smith2020"]["citations"];
  REQUIRE(smith.size() == 2);
  CHECK(smith[0]["input"].get<std::string>().ends_with("latex/paper.tex"));
  CHECK(smith[0]["line"] == 3);
  CHECK(smith[0]["column"] == 20);
  CHECK(smith[0]["form"] == "key");
  CHECK(smith[1]["input"].get<std::string>().ends_with("latex/intro.tex"));
  CHECK(refs["silent"]["citations"][0]["silent"] == true);
  CHECK_FALSE(refs["unused"].contains("citations"));
  // The inputs the paper named are inputs of the run.
  std::set<std::string> inputs;
  for (const auto& i : json["inputs"]) {
    const std::string path = i["path"];
    inputs.insert(path.substr(path.rfind('/') + 1));
  }
  CHECK(inputs == std::set<std::string>{"paper.tex", "intro.tex", "refs.bib"});

  const Run html = run_citelint("check --offline --format html " + paper);
  CHECK(html.out.find("<p class=\"cited\">Cited at <span class=\"where\">") != std::string::npos);

  const auto tex =
      scratch_file("cite-text/p.tex", "Text \\cite{s} and \\cite{s}.\n\\bibliography{r}\n");
  scratch_file("cite-text/r.bib",
               "@misc{s, author={Smith, J}, year={2020}, url={https://exa mple.test/x}}\n");
  const Run text = run_citelint("check --offline " + tex.string());
  CHECK(text.out.find("= cited at " + tex.string() + ":1:12, and 1 more") != std::string::npos);
}

TEST_CASE("Plain text: a paper's body before its References heading cites by number") {
  std::string text;
  for (int k = 0; k < 8; ++k)
    text += "This paper studies link rot in scholarly articles, as others have [1] and [2, 3]. ";
  text += "\n\nReferences\n\n";
  for (int n = 1; n <= 4; ++n)
    text += "[" + std::to_string(n) + "] Author A. Title " + std::to_string(n) + ". 2020.\n";
  const auto txt = scratch_file("cite-text/paper.txt", text);
  const Run r = run_citelint("check --offline --format json " + txt.string());
  const auto json = nlohmann::json::parse(r.out);
  CHECK(json["references"].size() == 4);  // the body is no entry
  std::vector<std::string> rules;
  for (const auto& f : json["findings"]) rules.push_back(f["rule"]);
  CHECK(rules == std::vector<std::string>{"citation/uncited"});
}

TEST_CASE("A .bib named but absent: the paper's own .bbl is its list") {
  const auto tex = scratch_file("cite-bbl/paper.tex",
                                "Text \\cite{a} and \\cite{b}.\n"
                                "\\bibliography{gone}\n");
  scratch_file("cite-bbl/paper.bbl",
               "\\begin{thebibliography}{2}\n\\bibitem{a} A. Smith. Alpha. 2020.\n"
               "\\bibitem{c} C. Lee. Gamma. 2019.\n\\end{thebibliography}\n");
  const Run r = run_citelint("check --offline " + tex.string());
  CHECK(r.exit == 1);
  CHECK(r.err.empty());
  CHECK(r.out.find("paper.tex:1:25: error[citation/missing]: 'b' is cited") != std::string::npos);
  CHECK(r.out.find("paper.bbl:3:12: warning[citation/uncited]: 'c' is in the list") !=
        std::string::npos);
}

TEST_CASE("A list citelint does not read (CSL YAML, inline references:) leaves what is missing") {
  const auto md = scratch_file("cite-yaml/paper.md",
                               "---\nbibliography: refs.yaml\n---\n\nAs [@a] and [@b] say.\n");
  scratch_file("cite-yaml/refs.yaml", "references:\n- id: a\n  title: A\n");
  const Run r = run_citelint("check --offline " + md.string());
  CHECK(r.out.find("citation/missing") == std::string::npos);
  CHECK(r.err.find("paper.md:2:15: refs.yaml is CSL YAML, which is not read: what its citations "
                   "cite is not checked against it") != std::string::npos);
  const auto inline_refs = scratch_file(
      "cite-yaml/inline.md", "---\nreferences:\n- id: a\n  title: A\n---\n\nAs [@a] says.\n");
  const Run i = run_citelint("check --offline " + inline_refs.string());
  CHECK(i.out.find("citation/missing") == std::string::npos);
  CHECK(i.err.find("the front matter's references: are not read") != std::string::npos);
}

TEST_CASE("A .bib given on the command line and named by the paper is read once") {
  const Run r = run_citelint(
      "check --offline --format json tests/fixtures/cite/latex/paper.tex "
      "tests/fixtures/cite/latex/refs.bib");
  const auto json = nlohmann::json::parse(r.out);
  CHECK(json["inputs"].size() == 3);
  CHECK(json["references"].size() == 5);
}
