// End to end: --suggest-doi against a fake Crossref search. A DOI is offered only for a work past
// doubt the cited one; references with a DOI or an ISBN are not searched; a failed search is
// said; without the flag nothing is searched.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/fake_registry.hpp"
#include "support/fake_web.hpp"
#include "support/json_run.hpp"

namespace fs = std::filesystem;
using citelint::test::FakeRegistry;
using citelint::test::FakeWeb;
using citelint_test::findings_of;
using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::run_json;
using citelint_test::scratch_file;
using nlohmann::json;

namespace {

std::string flags(const FakeWeb& web, const FakeRegistry& registry) {
  return "check --as-of 2024-01-01 --allow-private --retries 0 --no-cache --timeout 5 "
         "--format json --exclude . --suggest-doi --resolve " +
         web.resolve("crossref.test") + " --api crossref=" + registry.endpoint("crossref.test");
}

void records(FakeRegistry& registry) {
  registry.crossref("10.1234/found.1",
                    FakeRegistry::work("Sleep spindles and memory consolidation in adolescents",
                                       "Walker", 2019, "Journal of Sleep Research"));
  registry.crossref("10.1234/near.2",
                    FakeRegistry::work("Coral reef resilience under repeated bleaching events",
                                       "Hughes", 2017, "Nature"));
  // Two articles of one title, author and year: no way to tell which is cited.
  registry.crossref("10.1234/twin.a", FakeRegistry::work("Soil carbon under no-till farming",
                                                         "Ogle", 2015, "Geoderma"));
  registry.crossref("10.1234/twin.b", FakeRegistry::work("Soil carbon under no-till farming",
                                                         "Ogle", 2015, "Soil Biology"));
  // A preprint and its article: the article.
  nlohmann::json preprint =
      FakeRegistry::work("Attention spans of honey bee foragers", "Lopez", 2020, "");
  preprint["type"] = "posted-content";
  registry.crossref("10.1101/preprint.3", preprint);
  registry.crossref("10.1234/article.3", FakeRegistry::work("Attention spans of honey bee foragers",
                                                            "Lopez", 2021, "Animal Behaviour"));
}

}  // namespace

TEST_CASE("suggesting DOIs: the DOI of a work past doubt the cited one, as a verified fix") {
  FakeWeb web;
  FakeRegistry registry(web);
  records(registry);
  const std::string list =
      "1. Walker M. Sleep spindles and memory consolidation in adolescents. J Sleep Res. "
      "2019;28:e12801.\n\n"
      "2. Hughes T. Coral reef recovery after storms in the Pacific. Nature. 2017;543:373-7.\n\n"
      "3. Ogle S. Soil carbon under no-till farming. 2015.\n\n"
      "4. Lopez A. Attention spans of honey bee foragers. Anim Behav. 2021;171:1-9.\n\n"
      "5. Walker M. Sleep spindles and memory consolidation in adolescents. 2019. "
      "doi:10.1234/found.1\n\n"
      "6. Walker M. Sleep spindles and memory consolidation in adolescents. Oxford: OUP; 2019. "
      "ISBN 978-0-306-40615-7.\n";
  const json j = run_json(flags(web, registry), "suggest-doi/suggest.txt", list, 0);
  const std::vector<json> found = findings_of(j, "doi/missing");
  REQUIRE(found.size() == 2);
  CHECK(found[0]["severity"] == "info");
  CHECK(found[0]["line"] == 1);
  CHECK(found[0]["message"] ==
        "the reference gives no DOI; Crossref's record of 'Sleep spindles and memory "
        "consolidation in adolescents' (Walker, 2019, Journal of Sleep Research) matches it: DOI "
        "10.1234/found.1");
  CHECK(found[0]["fix"]["replacement"] == " https://doi.org/10.1234/found.1");
  CHECK(found[0]["fix"]["verified"] == true);
  CHECK(found[1]["line"] == 7);
  CHECK(found[1]["fix"]["replacement"] == " https://doi.org/10.1234/article.3");
  // References 1 to 4 searched; 5 has a DOI, 6 an ISBN.
  CHECK(web.requests("/works") == 4);
  for (const auto& v : web.visits())
    if (v.target.rfind("/works?", 0) == 0) CHECK(v.target.find("rows=5") != std::string::npos);
}

TEST_CASE("suggesting DOIs: the SARIF fix inserts the DOI at the reference's end") {
  FakeWeb web;
  FakeRegistry registry(web);
  records(registry);
  std::string args = flags(web, registry);
  args.replace(args.find("--format json"), 13, "--format sarif");
  const fs::path file =
      scratch_file("suggest-doi/sarif.txt",
                   "1. Walker M. Sleep spindles and memory consolidation in adolescents. 2019.\n");
  const Run run = run_citelint(args + " " + file.string());
  REQUIRE(run.exit == 0);
  const json sarif = json::parse(run.out);
  const json& result = sarif["runs"][0]["results"][0];
  CHECK(result["ruleId"] == "doi/missing");
  const json& replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0];
  CHECK(replacement["insertedContent"]["text"] == " https://doi.org/10.1234/found.1");
  CHECK(replacement["deletedRegion"]["startLine"] == 1);
  CHECK(replacement["deletedRegion"]["startColumn"] == 75);
}

TEST_CASE("suggesting DOIs: a failed search is said, and without the flag nothing is searched") {
  FakeWeb web;
  FakeRegistry registry(web);
  records(registry);
  const std::string list =
      "1. Walker M. Sleep spindles and memory consolidation in adolescents. 2019. Oxford.\n";
  SECTION("down") {
    registry.works(FakeRegistry::Mode::down);
    const json j = run_json(flags(web, registry), "suggest-doi/down.txt", list, 0);
    const std::vector<json> found = findings_of(j, "doi/unchecked");
    REQUIRE(found.size() == 1);
    CHECK(found[0]["message"] ==
          "the reference gives no DOI, and Crossref could not be searched for one: Crossref's "
          "search answered HTTP 503");
  }
  SECTION("not asked") {
    std::string args = flags(web, registry);
    args.erase(args.find("--suggest-doi "), 14);
    const json j = run_json(args, "suggest-doi/unasked.txt", list, 0);
    CHECK(findings_of(j, "doi/missing").empty());
    CHECK(web.total_requests() == 0);
  }
  SECTION("without Crossref's endpoint, or offline: said") {
    const fs::path file = scratch_file("suggest-doi/no-endpoint.txt", list);
    const Run run = run_citelint("check --suggest-doi --no-cache " + file.string());
    CHECK(run.exit == 0);
    CHECK_THAT(run.err, Catch::Contains("--suggest-doi needs Crossref's endpoint"));
    const Run offline = run_citelint("check --offline --suggest-doi " + file.string());
    CHECK_THAT(offline.err, Catch::Contains("not with --offline"));
  }
}
