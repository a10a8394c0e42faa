#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

namespace {

std::vector<std::pair<std::string, std::string>> found(const std::string& text) {
  Document doc(0, "t.txt", text);
  const auto urls = find_urls(doc, 0, text.size());
  std::vector<std::pair<std::string, std::string>> out;
  for (const Identifier& id : find_identifiers(doc, 0, text.size(), urls))
    out.emplace_back(std::string(to_string(id.scheme)), id.value);
  return out;
}

using Found = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("identifiers after their markers") {
  CHECK(found("Knuth D. The Art. Addison-Wesley, 1997. ISBN 0-201-89683-4.") ==
        Found{{"isbn", "0201896834"}});
  CHECK(found("Nature. ISSN 0028-0836; eISSN: 1476-4687. e-ISSN 2434-561x") ==
        Found{{"issn", "00280836"}, {"issn", "14764687"}, {"issn", "2434561X"}});
  CHECK(found("Doe J. Paper. arXiv:2101.00001v2 [cs.CL]. arXiv: hep-th/9901001.") ==
        Found{{"arxiv", "2101.00001v2"}, {"arxiv", "hep-th/9901001"}});
  CHECK(found("Roe R. PMID: 12345678; PMCID: PMC1234567. PMCID 7654321") ==
        Found{{"pmid", "12345678"}, {"pmcid", "PMC1234567"}, {"pmcid", "PMC7654321"}});
  CHECK(found("Free full text: PMC7654321.") == Found{{"pmcid", "PMC7654321"}});
}

TEST_CASE("identifiers: where an ISBN ends") {
  // Spaces for hyphens, throughout; en dashes and U+2010 as PDFs set them.
  CHECK(found("ISBN-13: 978 0 306 40615 7 (2019)") == Found{{"isbn", "9780306406157"}});
  CHECK(found("ISBN 978\xE2\x80\x93"
              "0\xE2\x80\x90"
              "306-40615-7.") == Found{{"isbn", "9780306406157"}});
  // A year after a hyphenated ISBN is not its digits, nor a page count after a ten-digit one.
  CHECK(found("ISBN 978-0-306-40615-7 2019.") == Found{{"isbn", "9780306406157"}});
  CHECK(found("ISBN 0 306 40615 2 123 pp.") == Found{{"isbn", "0306406152"}});
  // Wrapped at a line's end, after a hyphen or a space; not across a blank line.
  CHECK(found("ISBN 978-0-306-\n   40615-7.") == Found{{"isbn", "9780306406157"}});
  CHECK(found("ISSN 0028-\n0836") == Found{{"issn", "00280836"}});
  CHECK(found("ISBN 0 306\n40615 2") == Found{{"isbn", "0306406152"}});
  CHECK(found("ISBN 0-306-40615-2\n2 Smith J. 1999.") == Found{{"isbn", "0306406152"}});
  CHECK(found("ISBN 978-0-306-\n\n40615-7") == Found{{"isbn", "9780306"}});
  // A digit lost: the whole run, for the check to say so.
  CHECK(found("ISBN 978-0-306-4061-7, 2019") == Found{{"isbn", "978030640617"}});
  // OCR's letters for digits are kept.
  CHECK(found("ISBN 978-0-3O6-40615-7") == Found{{"isbn", "97803O6406157"}});
  CHECK(found("ISBN10 0306406152") == Found{{"isbn", "0306406152"}});
  CHECK(found("ISBN 978-7-O3-021467-6; ISBN 0-8044-2957-X.") ==
        Found{{"isbn", "9787O30214676"}, {"isbn", "080442957X"}});
  CHECK(found("ISBN 0-306-40615-2-In press") == Found{{"isbn", "0306406152"}});
}

TEST_CASE("identifiers: words that are no identifier") {
  CHECK(found("This is a list of isbn numbers; ISSN unknown.").empty());
  CHECK(found("arXiv preprint, 2019. Published on arXiv 2019.").empty());
  CHECK(found("PMID: not given. PMC reports.").empty());
  CHECK(found("The DISBN and MISSN codes; LPMID 123.").empty());
  // arXiv preprint arXiv:...: the id after the second marker
  CHECK(found("arXiv preprint arXiv:1501.0001, 2015.") == Found{{"arxiv", "1501.0001"}});
}

TEST_CASE("identifiers inside URLs are the links'") {
  CHECK(found("https://example.org/?isbn=9780306406157 and https://example.org/PMC123").empty());
}

TEST_CASE("identifiers in a field that says what they are") {
  const std::string text = "0-306-40615-2 (pbk.); 978-0-306-40615-7 (hbk.)";
  Document doc(0, "t.bib", text);
  auto ids = find_field_identifiers(doc, 0, text.size(), IdScheme::isbn);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0].value == "0306406152");
  CHECK(ids[0].as_written == "0-306-40615-2");
  CHECK(ids[1].value == "9780306406157");
  // RIS's SN, ISBN or ISSN by its length.
  const std::string sn = "0028-0836 (Print); 1476-4687 (Linking); 978-0-306-40615-7";
  Document ris(0, "t.ris", sn);
  ids = find_field_identifiers(ris, 0, sn.size(), std::nullopt);
  REQUIRE(ids.size() == 3);
  CHECK(ids[0].scheme == IdScheme::issn);
  CHECK(ids[1].scheme == IdScheme::issn);
  CHECK(ids[2].scheme == IdScheme::isbn);
  const std::string eprint = "arXiv:2101.00001";
  Document bib(0, "t.bib", eprint);
  ids = find_field_identifiers(bib, 0, eprint.size(), IdScheme::arxiv);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].value == "2101.00001");
  const std::string pmcid = "1234567";
  Document json(0, "t.json", pmcid);
  ids = find_field_identifiers(json, 0, pmcid.size(), IdScheme::pmcid);
  REQUIRE(ids.size() == 1);
  CHECK(ids[0].value == "PMC1234567");
}

TEST_CASE("identifiers that links stand for") {
  using R = std::optional<std::pair<IdScheme, std::string>>;
  CHECK(identifier_of_link("https://arxiv.example/abs/2101.00001v2") ==
        R{{IdScheme::arxiv, "2101.00001v2"}});
  CHECK(identifier_of_link("https://export.arxiv.example/pdf/hep-th/9901001.pdf") ==
        R{{IdScheme::arxiv, "hep-th/9901001"}});
  CHECK(identifier_of_link("https://pubmed.example/12345678/") == R{{IdScheme::pmid, "12345678"}});
  CHECK(identifier_of_link("https://www.example.gov/pubmed/12345678") ==
        R{{IdScheme::pmid, "12345678"}});
  CHECK(identifier_of_link("https://www.example.gov/pmc/articles/PMC1234567/") ==
        R{{IdScheme::pmcid, "PMC1234567"}});
  CHECK_FALSE(identifier_of_link("https://example.org/abs/2101.00001"));
  CHECK_FALSE(identifier_of_link("https://pubmed.example/?term=cancer"));
}
