// The citation scanners of each format (src/cite/): what each reads, where, and what it leaves.
#include <catch2/catch.hpp>

#include "citelint/cite.hpp"
#include "citelint/read.hpp"

using namespace citelint;

namespace {

struct Scanned {
  std::unique_ptr<Document> doc;
  std::vector<Reference> refs;
  std::vector<Citation> cites;
};

Scanned scan(const std::string& path, const std::string& text) {
  std::vector<Diagnostic> d;
  Scanned s;
  s.doc = make_document(0, path, text, d);
  s.refs = read_references(*s.doc, d);
  const CiteFormat* f = find_cite_format(s.doc->format());
  REQUIRE(f);
  s.cites = f->scan(*s.doc, s.refs, d);
  return s;
}

// Each citation as "key", "#number" or "Author year", with its text as written.
std::vector<std::string> named(const Scanned& s) {
  std::vector<std::string> out;
  for (const Citation& c : s.cites) {
    std::string n = c.form == CiteForm::key      ? c.key
                    : c.form == CiteForm::number ? "#" + std::to_string(c.number)
                                                 : c.author + " " + c.year;
    if (c.et_al) n += " et al.";
    if (c.silent) n += " (silent)";
    out.push_back(n);
  }
  return out;
}

}  // namespace

TEST_CASE("LaTeX: the \\cite family, options, stars, multicites, \\nocite; comments skipped") {
  const Scanned s = scan("p.tex",
                         "\\citep[see][p.~3]{a, b} \\citet*{c} \\parencite[12]{d}\n"
                         "\\textcite{e} \\autocite{f} \\footcite{g} \\cites[p. 1]{h}[p. 2]{i}\n"
                         "% \\cite{commented}\n"
                         "50\\% of \\cite{j} \\nocite{k} \\nocite{*} \\citestyle{authoryear}\n"
                         "\\Cite{l} \\Textcite{m}\n");
  CHECK(named(s) == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                             "k (silent)", "* (silent)", "l", "m"});
  CHECK(s.cites[11].all);
  // Each key where it is written.
  CHECK(s.cites[1].span.line == 1);
  CHECK(s.cites[1].span.column == 22);
  CHECK(s.cites[0].group == s.cites[1].group);
  CHECK(s.cites[1].group != s.cites[2].group);
}

TEST_CASE("LaTeX: the files a paper names, relative to its folder") {
  std::vector<Diagnostic> d;
  auto doc =
      make_document(0, "dir/paper.tex",
                    "\\bibliography{refs, more.bib}\n\\addbibresource[label=x]{biblatex.bib}\n"
                    "\\input{chapters/one}\n\\include{two.tex}\n\\input three\n"
                    "% \\input{commented}\n\\import{sections/}{four}\n",
                    d);
  std::vector<std::string> lists, bodies;
  for (const Companion& c : find_cite_format("latex")->companions(*doc, "dir"))
    (c.body ? bodies : lists).push_back(c.path);
  CHECK(lists == std::vector<std::string>{"dir/refs.bib", "dir/more.bib", "dir/biblatex.bib"});
  CHECK(bodies == std::vector<std::string>{"dir/chapters/one.tex", "dir/two.tex", "dir/three.tex",
                                           "dir/sections/four.tex"});
}

TEST_CASE("Markdown: pandoc's citations, footnotes, reference links; code and emails are none") {
  const Scanned s = scan("p.md",
                         "---\nnocite: |\n  @quiet\n---\n\n"
                         "[@a; see @b, p. 3] and @c says [-@d]. Mail me@example.org.\n"
                         "A note[^1], a link [text][site], @{odd.key}.\n\n"
                         "```\n@code\n```\n\n"
                         "[^1]: The note.\n\n[site]: https://example.test/\n");
  CHECK(named(s) ==
        std::vector<std::string>{"quiet (silent)", "a", "b", "c", "d", "1", "site", "odd.key"});
  CHECK(s.cites[1].group == s.cites[2].group);  // one bracket
  CHECK(s.cites[2].group != s.cites[3].group);
}

TEST_CASE("Text: numbers in brackets, ranges, CJK punctuation, OCR's letters") {
  const Scanned s = scan("p.md",
                         "A [1], [2-4], [5, 7], [8–9,11], [12；13、14], ［15］, [1o], [16~17], "
                         "[2020], [a1].\n\n# References\n\n1. A.\n");
  std::vector<std::string> n = named(s);
  CHECK(n == std::vector<std::string>{"#1", "#2", "#3", "#4", "#5", "#7", "#8", "#9", "#11", "#12",
                                      "#13", "#14", "#15", "#10", "#16", "#17", "#2020"});
  // A range backwards, or of one number, is flagged on its first number.
  const Scanned back = scan("q.md", "See [5-3] and [3-3].\n\n# References\n\n1. A.\n");
  REQUIRE(back.cites.size() == 4);
  CHECK(back.cites[0].number == 3);
  CHECK(back.cites[0].backwards);
  CHECK_FALSE(back.cites[1].backwards);
  CHECK(back.cites[3].backwards);
}

TEST_CASE("Text: author-year citations, parenthetical and narrative") {
  const Scanned s = scan(
      "p.md",
      "As (Smith, 2020; Lee & Wu, 2019a) and (see Kim et al., 2018, p. 4) showed, "
      "van Dijk (2017) and Müller and Chen (2016) agree; O'Brien et al.'s (2015) too. "
      "(Larsen et al.,2008,2012a,b) (Danish Government, 2009) (as described in Symons & Buswell, "
      "1933). However, Park (2014). In March (2020) nothing; (Table 2, 2019) nothing.\n\n"
      "# References\n\n- Smith, J. (2020). A.\n");
  CHECK(named(s) == std::vector<std::string>{"Smith 2020", "Lee 2019a", "Kim 2018 et al.",
                                             "van Dijk 2017", "Müller 2016", "O'Brien 2015 et al.",
                                             "Larsen 2008 et al.", "Larsen 2012a et al.",
                                             "Larsen 2012b et al.", "Danish Government 2009",
                                             "Symons 1933", "Park 2014"});
  CHECK(s.cites[1].second == "Wu");
  CHECK(s.cites[1].names == 2);
  CHECK(s.cites[3].narrative);
  CHECK_FALSE(s.cites[0].narrative);
}

TEST_CASE("JATS: xref rids, several in one, a dashed range between two") {
  const Scanned s = scan("a.xml",
                         "<article><body><p><xref ref-type=\"bibr\" rid=\"r1 r2\">1,2</xref>, "
                         "<xref ref-type=\"bibr\" rid=\"r3\">3</xref>–<xref ref-type=\"bibr\" "
                         "rid=\"r6\">6</xref> <xref ref-type=\"fig\" rid=\"f1\">Fig 1</xref>"
                         "</p></body><back><ref-list>"
                         "<ref id=\"r1\"/><ref id=\"r2\"/><ref id=\"r3\"/><ref id=\"r4\"/>"
                         "<ref id=\"r5\"/><ref id=\"r6\"/></ref-list></back></article>");
  CHECK(named(s) == std::vector<std::string>{"r1", "r2", "r3", "r4", "r5", "r6"});
}

TEST_CASE("Text: the forms real papers and converters write") {
  const Scanned s = scan(
      "p.md",
      "Benchmarks [Xie et al., 2024, Zhou et al., 2023, He et al., 2024] and (Lowe, 1986; 1987) "
      "and (Xu et al., 2012: Yu et al., 2013) and (for a review see May, 2006) but not (May "
      "2006); after Wu et al. (1996) and (Smith, 2019, p. 4).\n\n# References\n\n- Smith, J. "
      "(2019). A.\n");
  CHECK(named(s) == std::vector<std::string>{"Xie 2024 et al.", "Zhou 2023 et al.",
                                             "He 2024 et al.", "Lowe 1986", "Lowe 1987",
                                             "Xu 2012 et al.", "Yu 2013 et al.", "May 2006",
                                             "Wu 1996 et al.", "Smith 2019"});
  // MinerU's math: every character spaced out.
  const Scanned math = scan("q.md",
                            "Shown $^ { [ 4 5 ] }$ and $^ { [ 2 1 - 2 3 ] }$.\n\n"
                            "# References\n\n1. A.\n");
  CHECK(named(math) == std::vector<std::string>{"#45", "#21", "#22", "#23"});
}
