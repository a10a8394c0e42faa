// Identifiers checked offline, end to end: ISBN and ISSN check digits, the forms of arXiv ids,
// PMIDs and PMCIDs, in a plain list and in each record format's own fields, in every report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "support/cli.hpp"

using namespace citelint_test;

namespace {

using Row = std::tuple<std::string, int, int, std::string>;  // rule, line, column, fix

std::vector<Row> id_findings(const nlohmann::json& report) {
  std::vector<Row> out;
  for (const auto& f : report["findings"]) {
    const std::string rule = f["rule"];
    if (rule.rfind("id/", 0) != 0) continue;
    out.emplace_back(rule, f["line"].get<int>(), f["column"].get<int>(),
                     f.value("fix", nlohmann::json()).is_object()
                         ? f["fix"]["replacement"].get<std::string>()
                         : "");
  }
  return out;
}

nlohmann::json check_json(const std::string& file) {
  const Run run = run_citelint(
      "check --offline --as-of 2026-01-01 --format json "
      "tests/fixtures/identifiers/" +
      file);
  INFO(run.err);
  REQUIRE(run.exit == 1);  // errors found
  return nlohmann::json::parse(run.out);
}

}  // namespace

TEST_CASE("identifiers: a plain list's damaged ISBNs, ISSNs, arXiv ids, PMIDs and PMCIDs") {
  const auto report = check_json("damaged.txt");
  CHECK(id_findings(report) == std::vector<Row>{
                                   {"id/checksum", 3, 60, ""},               // ISSN 0028-0863
                                   {"id/form", 4, 37, ""},                   // arXiv:1501.0001
                                   {"id/form", 6, 43, ""},                   // PMID of 9 digits
                                   {"id/form", 7, 58, "978-7-03-021467-6"},  // OCR's O
                                   {"id/form", 8, 38, "PMC6123456"},         // no PMC
                               });
  // The good ones are in the references, valid.
  std::set<std::string> valid;
  for (const auto& ref : report["references"])
    for (const auto& id : ref.value("identifiers", nlohmann::json::array()))
      if (id["valid"].get<bool>())
        valid.insert(id["scheme"].get<std::string>() + ":" + id["value"].get<std::string>());
  CHECK(valid == std::set<std::string>{"isbn:0201896834", "isbn:9780201633610",
                                       "arxiv:2005.14165v4", "pmcid:PMC7654321", "issn:17561833"});
  for (const auto& f : report["findings"])
    if (f["rule"] == "id/checksum") {
      CHECK(f["category"] == "identifier");
      CHECK(f["severity"] == "error");
      CHECK(f["message"] ==
            "ISSN '0028-0863': its check digit is 3, but the digits before it call for 0 (a "
            "digit misread or mistyped, or two swapped)");
    }
}

TEST_CASE("identifiers: record formats' own fields") {
  // BibTeX: isbn, issn, pmid, and an arXiv eprint.
  CHECK(id_findings(check_json("refs.bib")) ==
        std::vector<Row>{{"id/checksum", 5, 13, ""}, {"id/form", 12, 18, ""}});
  // RIS's SN: an ISSN or an ISBN by its length.
  CHECK(id_findings(check_json("refs.ris")) == std::vector<Row>{{"id/checksum", 5, 7, ""}});
  // CSL-JSON's ISBN, PMID, PMCID.
  CHECK(id_findings(check_json("refs.json")) ==
        std::vector<Row>{{"id/checksum", 2, 68, ""}, {"id/form", 3, 73, ""}});
  // JATS: pub-id of type pmid and arxiv, and an ISBN in a mixed-citation's words.
  CHECK(id_findings(check_json("refs.xml")) == std::vector<Row>{{"id/form", 3, 230, ""},
                                                                {"id/form", 3, 276, ""},
                                                                {"id/checksum", 4, 84, ""}});
}

TEST_CASE("identifiers: every report names the kinds") {
  const std::string list = "tests/fixtures/identifiers/damaged.txt";
  const Run text = run_citelint("check --offline --as-of 2026-01-01 " + list);
  CHECK(text.out.find("damaged.txt:3:60") != std::string::npos);
  CHECK(text.out.find("id/checksum") != std::string::npos);
  const Run sarif = run_citelint("check --offline --as-of 2026-01-01 --format sarif " + list);
  const auto log = nlohmann::json::parse(sarif.out);
  std::set<std::string> rules;
  for (const auto& r : log["runs"][0]["tool"]["driver"]["rules"]) rules.insert(r["id"]);
  CHECK(rules.count("id/checksum") == 1);
  CHECK(rules.count("id/form") == 1);
  const Run explain = run_citelint("rules explain id/checksum");
  CHECK(explain.exit == 0);
  CHECK(explain.out.find("check digit") != std::string::npos);
}
