#include <catch2/catch.hpp>

#include "citelint/ids.hpp"

using namespace citelint;

namespace {

Identifier id(IdScheme scheme, std::string value, std::string_view written = {}) {
  Identifier out;
  out.scheme = scheme;
  out.value = std::move(value);
  out.as_written = written.empty() ? std::string_view(out.value) : written;
  return out;
}

// The problem's kind ("" for none) and its fix.
std::pair<std::string, std::string> problem(const Identifier& i) {
  const auto p = check_identifier(i);
  if (!p) return {"", ""};
  return {std::string(finding_kind(p->kind).id), p->fix};
}

}  // namespace

TEST_CASE("check digits: ISBN-10, ISBN-13, ISSN") {
  CHECK(isbn10_check_digit("030640615") == '2');
  CHECK(isbn10_check_digit("080442957") == 'X');
  CHECK(isbn10_check_digit("020189683") == '4');
  CHECK(isbn13_check_digit("978030640615") == '7');
  CHECK(isbn13_check_digit("979100000000") == '8');
  CHECK(issn_check_digit("0028083") == '6');
  CHECK(issn_check_digit("1476468") == '7');
  CHECK(issn_check_digit("2434561") == 'X');
  CHECK(issn_check_digit("0317847") == '1');
}

TEST_CASE("ISBNs and ISSNs: each way one can be wrong") {
  using P = std::pair<std::string, std::string>;
  CHECK(problem(id(IdScheme::isbn, "9780306406157")) == P{"", ""});
  CHECK(problem(id(IdScheme::isbn, "080442957X")) == P{"", ""});
  CHECK(problem(id(IdScheme::isbn, "9780306406156")) == P{"id/checksum", ""});
  CHECK(problem(id(IdScheme::isbn, "0306406125")) == P{"id/checksum", ""});  // two swapped
  CHECK(problem(id(IdScheme::isbn, "978030640617")) == P{"id/form", ""});
  CHECK(problem(id(IdScheme::isbn, "1230306406157")) == P{"id/form", ""});
  CHECK(problem(id(IdScheme::isbn, "03064X6152")) == P{"id/form", ""});
  CHECK(problem(id(IdScheme::issn, "00280836")) == P{"", ""});
  CHECK(problem(id(IdScheme::issn, "2434561X")) == P{"", ""});
  CHECK(problem(id(IdScheme::issn, "00280863")) == P{"id/checksum", ""});
  CHECK(problem(id(IdScheme::issn, "0028083")) == P{"id/form", ""});
  const auto p = check_identifier(id(IdScheme::isbn, "9780306406156", "978-0-306-40615-6"));
  REQUIRE(p);
  CHECK(p->message ==
        "ISBN '978-0-306-40615-6': its check digit is 6, but the digits before it call for 7 (a "
        "digit misread or mistyped, or two swapped)");
}

TEST_CASE("OCR's letters for digits, read back") {
  using P = std::pair<std::string, std::string>;
  CHECK(problem(id(IdScheme::isbn, "97803O6406157", "978-0-3O6-40615-7")) ==
        P{"id/form", "978-0-306-40615-7"});
  CHECK(problem(id(IdScheme::pmid, "2O00000l", "2O00000l")) == P{"id/form", "20000001"});
  // Read back, the number is still wrong: no fix, and the message says both.
  const auto p = check_identifier(id(IdScheme::isbn, "97803O6406156", "978-0-3O6-40615-6"));
  REQUIRE(p);
  CHECK(p->fix.empty());
  CHECK(p->message.find("OCR damage") != std::string::npos);
  CHECK(p->message.find("check digit is 6") != std::string::npos);
}

TEST_CASE("arXiv ids: both schemes, their months and lengths") {
  using P = std::pair<std::string, std::string>;
  for (const char* good : {"2101.00001", "2101.00001v2", "0704.0001", "1412.9999", "1501.00001",
                           "hep-th/9901001", "math.GT/0309136", "cond-mat/0703001v3"}) {
    INFO(good);
    CHECK(problem(id(IdScheme::arxiv, good)) == P{"", ""});
  }
  for (const char* bad :
       {"1501.0001", "1412.12345", "0612.1234", "2113.00001", "2101.00001v0", "2101.00001b",
        "foo-bar/9901001", "hep-th/0801001", "hep-th/990101", "hep-th/9913001", "21.00001"}) {
    INFO(bad);
    CHECK(problem(id(IdScheme::arxiv, bad)).first == "id/form");
  }
}

TEST_CASE("PMIDs and PMCIDs") {
  using P = std::pair<std::string, std::string>;
  CHECK(problem(id(IdScheme::pmid, "12345678")) == P{"", ""});
  CHECK(problem(id(IdScheme::pmid, "123456789")).first == "id/form");
  CHECK(problem(id(IdScheme::pmid, "0123")).first == "id/form");
  CHECK(problem(id(IdScheme::pmcid, "PMC1234567")) == P{"", ""});
  CHECK(problem(id(IdScheme::pmcid, "PMC1234567", "1234567")) == P{"id/form", "PMC1234567"});
  CHECK(problem(id(IdScheme::pmcid, "PMC123456789")).first == "id/form");
}
