// The MEDLINE reader (PubMed's saved format): DOIs from LID and AID, dates from DP, at their
// positions; detection by extension and by content (PubMed saves .txt); stray fields.
#include <catch2/catch.hpp>

#include "citelint/read.hpp"
#include "support/readers.hpp"

using namespace citelint;

TEST_CASE("MEDLINE records: PMID ids, LID/AID DOIs once each, DP dates, at their places") {
  const test::ReadFile r =
      test::read_file("pubmed-refs-set.nbib", test::fixture("medline/pubmed-refs-set.nbib"));
  REQUIRE(r.doc);
  CHECK(r.doc->format() == "medline");
  CHECK(r.doc->structured());
  CHECK(r.diagnostics.empty());
  REQUIRE(r.refs.size() == 4);
  CHECK(test::items_of(r.refs) ==
        std::vector<test::ItemRow>{
            {"30929732", "published", "2019-03-12", 4, 7},
            {"30929732", "doi", "10.1000/j.refs.2019.03.001", 7, 7},  // LID; AID repeats it
            {"31000001", "published", "2020-03", 15, 7},              // Mar-Apr: from March
            {"31000001", "doi", "10.1000/second", 17, 7},
            {"31000002", "year", "2018", 20, 7},             // Spring: the year
            {"31000003", "published", "2021-02-30", 24, 7},  // no such day: DateImpossible
        });
  CHECK(r.refs[0].span.line == 1);
  CHECK(r.refs[0].span.end_line == 12);
  CHECK(r.refs[0].dates[0].native_form);  // "2019 Mar 12" is MEDLINE's own form
}

TEST_CASE("MEDLINE: detected in PubMed's .txt, and fields before any PMID reported") {
  CHECK(test::document("pubmed-query-set.txt", "\nPMID- 1\nDP  - 2019\n")->format() == "medline");
  CHECK(test::document("refs.txt", "1 PMID- is no tag here.\n")->format() == "text");
  const test::ReadFile r = test::read_file("x.nbib", "TI  - Stray\nPMID- 7\nDP  - 2001 Jan\n");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].line == 1);
  CHECK(r.diagnostics[0].message == "'TI' outside a record (no PMID before it)");
  REQUIRE(r.refs.size() == 1);
  CHECK(r.refs[0].id == "7");
}
