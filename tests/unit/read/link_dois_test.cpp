// DOIs written as links to a DOI resolver, in every format (record::add_link_dois): JATS
// ext-links, BibTeX url fields, CSL-JSON URLs with shortDOIs, HTML hrefs percent-encoded.
#include <catch2/catch.hpp>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

namespace {

std::vector<std::string> dois_of(const test::ReadFile& r) {
  std::vector<std::string> out;
  for (const Reference& ref : r.refs)
    for (const Doi& d : ref.dois) out.push_back(ref.id + " " + d.value);
  return out;
}

}  // namespace

TEST_CASE("a JATS ext-link to dx.doi.org is a DOI, where the link holds it") {
  const test::ReadFile r = test::read_file(
      "a.xml",
      "<article><back><ref-list>\n"
      "<ref id=\"B1\"><mixed-citation>Smith J. A study. PLoS One. 2010. doi:<ext-link "
      "ext-link-type=\"uri\" xlink:href=\"http://dx.doi.org/10.1371/journal.pone.0012345\" "
      "xlink:type=\"simple\">10.1371/journal.pone.0012345</ext-link></mixed-citation></ref>\n"
      "<ref id=\"B2\"><element-citation><pub-id pub-id-type=\"doi\">10.1000/x</pub-id>"
      "<ext-link "
      "xlink:href=\"https://doi.org/10.1000/X\">link</ext-link></element-citation></ref>\n"
      "</ref-list></back></article>\n");
  CHECK(r.diagnostics.empty());
  // B2's link repeats its pub-id (case aside): one DOI.
  CHECK(dois_of(r) == std::vector<std::string>{"B1 10.1371/journal.pone.0012345", "B2 10.1000/x"});
  const Doi& d = r.refs[0].dois[0];
  CHECK(d.as_written == "10.1371/journal.pone.0012345");  // the DOI part of the href
  CHECK(r.doc->slice(d.span) == d.as_written);
}

TEST_CASE("a BibTeX url field holding a DOI link, and a shortDOI in CSL-JSON, are DOIs") {
  const test::ReadFile bib =
      test::read_file("r.bib",
                      "@misc{a, url = {https://doi.org/10.48550/arXiv.1112.6136}}\n"
                      "@misc{b, doi = {10.1/y}, url = {https://example.org/paper.pdf}}\n");
  CHECK(dois_of(bib) ==
        std::vector<std::string>{"a 10.48550/arXiv.1112.6136", "b 10.1/y"});  // b: no link DOI
  CHECK(bib.refs[0].dois[0].span.line == 1);
  CHECK(bib.refs[0].dois[0].span.column == 33);  // after https://doi.org/
  const test::ReadFile csl =
      test::read_file("r.json", R"([{"id": "x", "type": "article", "DOI": "10.7554/eLife.32822",)"
                                R"( "URL": "https://doi.org/gbqq9v"},)"
                                R"( {"id": "y", "URL": "https://doi.org/hqr"},)"
                                R"( {"id": "z", "URL": "https://doi.org/faq"}])");
  // A shortDOI of three characters too; the resolver's page "faq" is none.
  CHECK(dois_of(csl) ==
        std::vector<std::string>{"x 10.7554/eLife.32822", "x 10/gbqq9v", "y 10/hqr"});
  CHECK(is_valid_doi("10/gbqq9v"));  // core/DoiSyntax takes a shortDOI
}

TEST_CASE("an HTML href with a percent-encoded DOI is the DOI decoded; other links are not DOIs") {
  const test::ReadFile r = test::read_file(
      "p.html",
      "<!DOCTYPE html><html><body><h2>References</h2><ol>\n"
      "<li>Lee K. A review. <a href=\"https://doi.org/10.3389%2Ffvets.2018.00001\">doi</a></li>\n"
      "<li>Home. <a href=\"https://doi.org/\">https://doi.org/</a>; "
      "<a href=\"https://www.doi.org/the-identifier/what-is-a-doi\">about</a></li>\n"
      "</ol></body></html>\n");
  CHECK(dois_of(r) == std::vector<std::string>{"1 10.3389/fvets.2018.00001"});
}

TEST_CASE("a DOI written in a BibTeX note is a DOI") {
  const test::ReadFile bib = test::read_file(
      "n.bib", "@misc{a, note = {Preprint, doi:10.1000/abc; see https://doi.org/10.1000/xyz}}\n");
  CHECK(dois_of(bib) == std::vector<std::string>{"a 10.1000/abc", "a 10.1000/xyz"});
}
