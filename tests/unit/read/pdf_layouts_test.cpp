// The PDF reader on the shapes real typesetting takes (tests/fixtures/pdf/make_fixtures.py sets
// each one): where a list ends, which heading starts it, columns and bands of columns, labels and
// line numbers in a margin, author-year lists without gaps, URLs, DOIs and access dates broken
// over lines. The classes of issue 15, each with a fixture of its own.
#include <catch2/catch.hpp>
#include <cctype>

#include "citelint/read.hpp"
#include "read/pdf_layout.hpp"
#include "support/readers.hpp"

using namespace citelint;

namespace {

test::ReadFile read_fixture(const std::string& name) {
  test::ReadFile r = test::read_file(name + ".pdf", test::fixture("pdf/" + name + ".pdf"));
  INFO(name << ": " << (r.diagnostics.empty() ? "" : r.diagnostics[0].message));
  REQUIRE(r.doc);
  CHECK(r.diagnostics.empty());
  return r;
}

std::string text_of(const Document& doc, const Reference& r) {
  return std::string(doc.slice(r.span));
}

std::vector<std::string> urls_of(const Reference& r) {
  std::vector<std::string> out;
  for (const Url& u : r.urls) out.emplace_back(u.normalised);
  return out;
}

std::vector<std::string> dois_of(const Reference& r) {
  std::vector<std::string> out;
  for (const Doi& d : r.dois) out.push_back(d.value);
  return out;
}

std::string accessed(const Reference& r) {
  for (const Date& d : r.dates)
    if (d.role == DateRole::accessed) return std::string(d.value());
  return "";
}

}  // namespace

TEST_CASE("PDF, class 1: the list ends at an appendix lettered A, its URLs not the last entry's") {
  const test::ReadFile r = read_fixture("section-end");
  REQUIRE(r.refs.size() == 6);
  for (std::size_t i = 0; i < r.refs.size(); ++i)
    CHECK(urls_of(r.refs[i]) ==
          std::vector<std::string>{"https://list.test/" + std::to_string(i + 1)});
  CHECK(r.doc->list_text().find("Proofs") == std::string::npos);
  CHECK(r.doc->list_text().find("Mbytes") == std::string::npos);
}

TEST_CASE("PDF, class 1: the article's DOI, 'Cite this article as' and an advert are no entries") {
  const test::ReadFile r = read_fixture("publisher-box");
  REQUIRE(r.refs.size() == 8);
  for (const Reference& ref : r.refs) {
    CHECK(ref.urls.empty());
    CHECK(ref.dois.empty());
  }
  CHECK(r.doc->list_text().find("Cite this article") == std::string::npos);
  CHECK(r.doc->list_text().find("own.2010") == std::string::npos);
}

TEST_CASE(
    "PDF, class 2: small capitals are a heading, a sentence's last word is none, and the "
    "article's list is read rather than a supplement's") {
  const test::ReadFile r = read_fixture("headings");
  REQUIRE(r.refs.size() == 8);
  CHECK(text_of(*r.doc, r.refs[0]).rfind("[1] Author 1.", 0) == 0);
  for (std::size_t i = 0; i < r.refs.size(); ++i)
    CHECK(urls_of(r.refs[i]) ==
          std::vector<std::string>{"https://main.test/" + std::to_string(i + 1)});
  CHECK(r.doc->list_text().find("supplement.test") == std::string::npos);
}

TEST_CASE(
    "PDF, class 3: justified columns read column by column, a body heading no entry, a "
    "sideways licence left out") {
  const test::ReadFile r = read_fixture("columns");
  REQUIRE(r.refs.size() == 40);
  for (std::size_t i = 0; i < r.refs.size(); ++i) {
    INFO(i);
    const std::string n = std::to_string(i + 1);
    CHECK(text_of(*r.doc, r.refs[i]).rfind("Author" + n + ", A. B.", 0) == 0);
    CHECK(urls_of(r.refs[i]) == std::vector<std::string>{"https://col.test/" + n});
  }
  CHECK(r.doc->list_text().find("Conclusions") == std::string::npos);
  CHECK(r.doc->list_text().find("CC BY") == std::string::npos);
}

TEST_CASE("PDF, class 3: a band of columns above the list's own band, first lines indented") {
  const test::ReadFile r = read_fixture("bands");
  REQUIRE(r.refs.size() == 30);
  for (std::size_t i = 0; i < r.refs.size(); ++i) {
    INFO(i);
    const std::string t = text_of(*r.doc, r.refs[i]);
    CHECK(t.rfind("Author" + std::to_string(i + 1) + ", A. B.", 0) == 0);
    CHECK(t.find("entry " + std::to_string(i + 1) + ".") != std::string::npos);
    CHECK(t.find("conflict") == std::string::npos);
  }
}

TEST_CASE("PDF, class 4: entry numbers set apart in a margin label their entries") {
  const test::ReadFile r = read_fixture("labels");
  REQUIRE(r.refs.size() == 30);
  for (std::size_t i = 0; i < r.refs.size(); ++i) {
    INFO(i);
    CHECK(r.refs[i].label.number == std::to_string(i + 1));
    const std::string t = text_of(*r.doc, r.refs[i]);
    const std::size_t at = t.find("number " + std::to_string(i + 1));
    REQUIRE(at != std::string::npos);
    CHECK(std::isspace(static_cast<unsigned char>(t[at + 7 + std::to_string(i + 1).size()])));
  }
}

TEST_CASE("PDF, class 4: a manuscript's line numbers are no labels and no text") {
  const test::ReadFile r = read_fixture("line-numbers");
  REQUIRE(r.refs.size() == 20);
  for (std::size_t i = 0; i < r.refs.size(); ++i)
    CHECK(dois_of(r.refs[i]) == std::vector<std::string>{"10.5555/tests." + std::to_string(i + 1)});
  CHECK(r.doc->list_text().find("590") == std::string::npos);
  CHECK(r.doc->list_text().find("\n6") == std::string::npos);
}

TEST_CASE(
    "PDF, class 5: an author-year list keeps one entry per hanging indent when a line "
    "starts with a number") {
  const test::ReadFile r = read_fixture("author-year");
  REQUIRE(r.refs.size() == 15);
  CHECK(text_of(*r.doc, r.refs[3]).find("12 Mbytes of memory") != std::string::npos);
  CHECK(text_of(*r.doc, r.refs[6]).find("2019 by the Test Press") != std::string::npos);
  for (std::size_t i = 0; i < r.refs.size(); ++i)
    CHECK(text_of(*r.doc, r.refs[i]).rfind("Author" + std::to_string(i + 1) + ",", 0) == 0);
}

TEST_CASE("PDF, class 6: URLs and DOIs whole where a full line broke them, and only there") {
  const test::ReadFile r = read_fixture("wraps");
  REQUIRE(r.refs.size() == 9);
  using V = std::vector<std::string>;
  CHECK(urls_of(r.refs[0]) == V{"http://arxiv.org/abs/2001.01234"});  // after "http:"
  CHECK(dois_of(r.refs[1]) == V{"10.3109/00207459809003338"});        // after the slash
  CHECK(dois_of(r.refs[2]) == V{"10.7554/eLife.11351"});              // after "10."
  CHECK(urls_of(r.refs[3]) == V{"https://one.test/first/page.html",   // two URLs, two lines
                                "https://two.test/second/page.html"});
  CHECK(dois_of(r.refs[4]) == V{"10.5555/tests.2019.3"});           // whole: not joined to "[6]"
  CHECK(dois_of(r.refs[5]) == V{"10.1016/j.langsci.2021.101367"});  // mid-suffix
  CHECK(dois_of(r.refs[6]) == V{"10.18429/JACoW-HP071-WEPTY035"});  // before a hyphen
  CHECK(urls_of(r.refs[7]) == V{"http://doi.org/10.1108/00220410210431136"});  // in the host
  CHECK(urls_of(r.refs[8]) == V{"https://agency.test/reports/"});  // not "reports/Accessed"
  CHECK(accessed(r.refs[8]) == "2020-05-05");
}

TEST_CASE(
    "PDF, class 7: access dates broken over lines and by hyphens, and other ways of "
    "writing them") {
  const test::ReadFile r = read_fixture("dates");
  REQUIRE(r.refs.size() == 6);
  CHECK(accessed(r.refs[0]) == "2022-04-17");  // "Last ac-" / "cessed April 17, 2022"
  CHECK(accessed(r.refs[1]) == "2002-08");     // "Retrieved August, 2002"
  CHECK(accessed(r.refs[2]) == "2013-10-16");  // "(accessed on" / "16 October 2013)"
  CHECK(accessed(r.refs[3]) == "2019-06-11");  // "[cited 11 Jun" / "2019]"
  CHECK(accessed(r.refs[4]) == "2021-01-05");  // "Acesso" / "em: 5 jan. 2021"
  CHECK(accessed(r.refs[5]) == "2015-12-14");  // "(accessed 12.14.15)"
}

TEST_CASE(
    "layout: zero-width spaces inside a link leave no spaces; text set sideways is left "
    "out") {
  auto word = [](double x0, double x1, std::string text, bool rotated = false) {
    pdf::Word w;
    w.page = 1;
    w.x0 = x0;
    w.x1 = x1;
    w.y0 = 100;
    w.y1 = 110;
    w.size = 9;
    w.text = std::move(text);
    w.space_after = true;
    w.rotated = rotated;
    return w;
  };
  std::vector<pdf::Word> w;
  pdf::Word heading = word(72, 130, "References");
  heading.y0 = 80;
  heading.y1 = 90;
  w.push_back(heading);
  // Springer's "https://\u200bdoi.\u200borg/\u200b10.\u200b1097/...": poppler's words break at the
  // invisible characters, a fraction of a point apart, with a space after each.
  w.push_back(word(72, 80, "[1]"));
  w.push_back(word(83, 110, "https://"));
  w.push_back(word(110.3, 110.5, "\xE2\x80\x8B"));
  w.push_back(word(110.8, 115, "d"));
  w.push_back(word(115.4, 125, "oi.\xE2\x80\x8Bo"));
  w.push_back(word(125.3, 140,
                   "rg/\xE2\x80\x8B"
                   "10.1097/x"));
  w.push_back(word(20, 30, "licence", true));
  const pdf::Text t = pdf::reference_text(w);
  CHECK(t.text == "[1] https://doi.org/10.1097/x");
}

TEST_CASE(
    "PDF links: an address only behind the words is the entry's (linked), one a written "
    "URL or DOI shows says nothing new, and a cut one is completed from whichever is whole") {
  const test::ReadFile r = read_fixture("links");
  REQUIRE(r.refs.size() == 8);
  auto linked = [](const Reference& ref) {
    std::vector<std::string> out;
    for (const Url& u : ref.urls)
      if (u.linked) out.emplace_back(u.normalised);
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(linked(r.refs[0]) == V{"https://doi.org/10.5555/linked.1"});  // behind a title
  CHECK(r.refs[0].dois.empty());  // a DOI the entry does not write: a link to check, no DOI
  CHECK(r.refs[1].urls.empty());  // its written DOI
  CHECK(dois_of(r.refs[1]) == V{"10.5555/written.2"});
  CHECK(urls_of(r.refs[2]) == V{"https://c.test/short/longer-path.html"});  // the text cut it
  CHECK(linked(r.refs[2]).empty());
  CHECK(urls_of(r.refs[3]) == V{"https://d.test/whole/path.html"});           // the link cut it
  CHECK(linked(r.refs[4]) == V{"http://www.ncbi.nlm.nih.gov/pubmed/12345"});  // "PMID: 12345"
  CHECK(r.refs[5].urls.empty());                                              // a mail address
  CHECK(linked(r.refs[6]) == V{"https://e.test/paper"});  // once, though on two lines
  CHECK(linked(r.refs[7]) == V{"https://e.test/paper"});
  for (const Reference& ref : r.refs)
    for (const Url& u : ref.urls)
      if (u.linked) CHECK(u.composed);  // no rule reads the words as a URL as written
}

TEST_CASE(
    "PDF: a numbered list without a heading (REVTeX) on pages with mirrored margins, "
    "then a page of figures that is no part of it") {
  const test::ReadFile r = read_fixture("revtex");
  REQUIRE(r.refs.size() == 238);
  for (std::size_t i = 0; i < r.refs.size(); ++i)
    CHECK(r.refs[i].label.number == std::to_string(i + 1));
  CHECK(text_of(*r.doc, r.refs.back()).find("Phys. Rev. Tests 99, 999") != std::string::npos);
  CHECK(r.doc->list_text().find("Figure 1") == std::string::npos);
  CHECK(r.doc->list_text().find("Links in scholarly") == std::string::npos);
}

TEST_CASE(
    "PDF, class 5: a list with neither indents nor gaps splits where a line starts like an "
    "entry after one that ends one") {
  const test::ReadFile r = read_fixture("flush-author-year");
  REQUIRE(r.refs.size() == 60);
  const char* starts[] = {"Aivazian D,", "Bouveret R,", "GlaxoSmithKline UK.", "Smit A,", "Wei L,"};
  for (std::size_t i = 0; i < r.refs.size(); ++i) {
    INFO(i);
    CHECK(text_of(*r.doc, r.refs[i]).rfind(starts[i % 5], 0) == 0);
  }
  CHECK(text_of(*r.doc, r.refs[1]).find("2015. NKX2-5") != std::string::npos);
  CHECK(text_of(*r.doc, r.refs[1]).find("GSE44902.") != std::string::npos);
  CHECK(text_of(*r.doc, r.refs[3]).find("Seattle, USA:") != std::string::npos);
  CHECK(text_of(*r.doc, r.refs[4]).find("Chem. 266,") != std::string::npos);
}

TEST_CASE("layout: words of no width (a fuzzer's, a damaged file's) are laid out without harm") {
  std::vector<pdf::Word> w;
  for (int k = 0; k < 3; ++k) {
    pdf::Word word;
    word.page = 1;
    word.x0 = word.x1 = 100;  // no width
    word.y0 = 100 + 12 * k;
    word.y1 = word.y0 + 10;
    word.size = 10;
    word.text = k == 0 ? "References" : "[" + std::to_string(k) + "]";
    w.push_back(word);
  }
  const pdf::Text t = pdf::reference_text(w);
  CHECK(t.found_heading);
  CHECK(t.text.find("[2]") != std::string::npos);
}
