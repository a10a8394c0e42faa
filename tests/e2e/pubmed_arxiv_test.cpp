// End to end: PMIDs and PMCIDs asked of a fake NCBI ID converter (in batches of 200), arXiv ids of
// a fake arXiv API (one request every three seconds): ids that exist, that do not, identifiers
// of different works, versions revised since, a withdrawn paper, arXiv's error entry, services
// that fail, no network, and the cache.
#include <catch2/catch.hpp>
#include <chrono>
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
  return "check --as-of 2024-01-01 --allow-private --retries 1 --no-cache --timeout 5 "
         "--format json --exclude . --resolve " +
         web.resolve("ncbi.test") + " --resolve " + web.resolve("arxiv.test") +
         " --api ncbi=" + registry.endpoint("ncbi.test") +
         "/idconv --api arxiv=" + registry.endpoint("arxiv.test") +
         "/api --mailto editors@example.org";
}

// The findings of the identifier stage ("rule: message"), in order.
std::vector<std::string> id_findings(const json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) {
    const std::string rule = f["rule"];
    if (rule.rfind("id/", 0) == 0 || rule.rfind("integrity/", 0) == 0)
      out.push_back(rule + ": " + f["message"].get<std::string>());
  }
  return out;
}

}  // namespace

TEST_CASE("PMIDs and PMCIDs through the NCBI ID converter") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.pubmed("31452104", "PMC6710000", "10.1234/fine.1");
  registry.pubmed("30000001", "PMC6000001", "10.1234/right.2");
  registry.pubmed("29000002", "PMC5900002", "10.1234/c.3");
  const std::string list =
      "1. Adams A. Alpha. Brain. 2019. doi:10.1234/fine.1. PMID: 31452104. PMCID: PMC6710000\n\n"
      "2. Brown B. Beta. Heart. 2018. PMID: 23456789\n\n"
      "3. Clark C. Gamma. Lung. 2018. PMCID: PMC9999999\n\n"
      "4. Dunn D. Delta. Gut. 2018. doi:10.1234/wrong.4. PMID: 30000001\n\n"
      "5. Evans E. Epsilon. Skin. 2017. PMID: 29000003. PMCID: PMC5900002\n";
  const json j = run_json(flags(web, registry), "pubmed-arxiv/pubmed.txt", list, 1);
  const std::vector<std::string> found = id_findings(j);
  REQUIRE(found.size() == 3);
  CHECK(found[0] ==
        "id/unregistered: PMCID PMC9999999 does not exist: PubMed Central has no such article "
        "(invalid article id)");
  CHECK(found[1] ==
        "id/mismatch: PMID 30000001 is PubMed Central's article PMC6000001 of DOI "
        "10.1234/right.2, but the reference gives DOI 10.1234/wrong.4: one of them names another "
        "work");
  CHECK(found[2] ==
        "id/mismatch: PMCID PMC5900002 is PubMed Central's article of PMID 29000002, but the "
        "reference gives PMID 29000003: one of them names another work");
  const json& refs = j["references"];
  const json& first = refs[0]["identifiers"];
  REQUIRE(first.size() == 2);
  CHECK(first[0]["resolution"]["state"] == "registered");
  CHECK(first[0]["resolution"]["pmcid"] == "PMC6710000");
  CHECK(first[0]["resolution"]["doi"] == "10.1234/fine.1");
  CHECK(first[1]["resolution"]["pmid"] == "31452104");
  // A PMID the converter does not know may still be PubMed's: no verdict, and no finding.
  CHECK(refs[1]["identifiers"][0]["resolution"]["state"] == "unknown");
  // One request per scheme, with the tool's name and the contact.
  CHECK(web.requests("/idconv/") == 2);
  bool named = false;
  for (const auto& v : web.visits())
    named = named || (v.target.find("tool=citelint") != std::string::npos &&
                      v.target.find("email=editors%40example.org") != std::string::npos);
  CHECK(named);
}

TEST_CASE("the NCBI ID converter is asked 200 ids at a time, three times a second at most") {
  FakeWeb web;
  FakeRegistry registry(web);
  std::string list;
  for (int i = 0; i < 450; ++i) {
    const std::string pmid = std::to_string(20000000 + i);
    if (i % 3 == 0) registry.pubmed(pmid, "PMC" + std::to_string(3000000 + i), "10.1234/b." + pmid);
    list += std::to_string(i + 1) + ". Author A. Title " + std::to_string(i) +
            ". Journal. 2010. PMID: " + pmid + "\n\n";
  }
  const json j = run_json(flags(web, registry), "pubmed-arxiv/batches.txt", list, 0);
  CHECK(id_findings(j).empty());
  CHECK(web.requests("/idconv/") == 3);
  std::vector<std::chrono::steady_clock::time_point> times;
  for (const auto& v : web.visits())
    if (v.target.rfind("/idconv/", 0) == 0) times.push_back(v.at);
  REQUIRE(times.size() == 3);
  for (std::size_t i = 1; i < times.size(); ++i)
    CHECK(times[i] - times[i - 1] >= std::chrono::milliseconds(330));
  CHECK(j["references"][3]["identifiers"][0]["resolution"]["pmcid"] == "PMC3000003");
}

TEST_CASE("arXiv ids through arXiv's API") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.arxiv("2101.00001", 3, "Sparse attention for long documents", "Ana Lopez", 2021);
  registry.arxiv("2101.00002", 2, "Graph kernels revisited", "Bo Chen", 2021);
  registry.arxiv("2102.00003", 2, "A proof of the conjecture", "Carl Jung", 2021,
                 "This paper has been withdrawn by the author due to an error in Lemma 2");
  registry.arxiv("2103.00004", 1, "Quantum walks on hypercubes", "Dana Scott", 2021);
  registry.arxiv("hep-th/9901001", 1, "Strings in\n   curved backgrounds", "Ed Witten", 1999);
  const std::string list =
      "1. Lopez A. Sparse attention for long documents. 2021. arXiv:2101.00001v1\n\n"
      "2. Chen B. Graph kernels revisited. 2021. arXiv:2101.00002v5\n\n"
      "3. Jung C. A proof of the conjecture. 2021. arXiv:2102.00003\n\n"
      "4. Kim D. Deep learning for protein folding. 2020. arXiv:2103.00004\n\n"
      "5. Witten E. Strings in curved backgrounds. 1999. arXiv:hep-th/9901001\n\n"
      "6. Nobody N. Not a paper. 2021. arXiv:2101.99999\n";
  const json j = run_json(flags(web, registry), "pubmed-arxiv/arxiv.txt", list, 1);
  const std::vector<std::string> found = id_findings(j);
  REQUIRE(found.size() == 5);
  CHECK(found[0] ==
        "id/newer-version: arXiv id 2101.00001v1 cites version 1; the paper has been revised "
        "since, its latest version is v3");
  CHECK(found[1] ==
        "id/unregistered: arXiv id 2101.00002v5 names a version arXiv does not have: its latest "
        "is v2");
  CHECK_THAT(found[2], Catch::StartsWith("integrity/retracted: the work of arXiv id 2102.00003 is "
                                         "withdrawn (arXiv: This paper has been withdrawn"));
  CHECK_THAT(found[3],
             Catch::StartsWith("id/mismatch: arXiv id 2103.00004 is arXiv's paper of another "
                               "work: 'Quantum walks on hypercubes' (Scott, 2021)"));
  CHECK(found[4] == "id/unregistered: arXiv id 2101.99999 does not exist: arXiv has no such paper");
  const json& old = j["references"][4]["identifiers"][0]["resolution"];
  CHECK(old["state"] == "registered");
  CHECK(old["work"]["title"] == "Strings in curved backgrounds");
  CHECK(old["latest_version"] == 1);
  CHECK(web.requests("/api/query") == 1);  // one batch
}

TEST_CASE("an id arXiv rejects is marked, the rest asked again three seconds later") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.arxiv("2101.00001", 1, "Sparse attention for long documents", "Ana Lopez", 2021);
  registry.arxiv("2104.00005", 0, "", "", 2021);  // arXiv rejects it
  const std::string list =
      "1. Lopez A. Sparse attention for long documents. 2021. arXiv:2101.00001\n\n"
      "2. Odd O. Odd. 2021. arXiv:2104.00005\n";
  const json j = run_json(flags(web, registry), "pubmed-arxiv/rejected.txt", list, 1);
  const std::vector<std::string> found = id_findings(j);
  REQUIRE(found.size() == 1);
  CHECK(found[0] ==
        "id/unregistered: arXiv id 2104.00005 does not exist: arXiv rejects it: incorrect id "
        "format for 2104.00005");
  CHECK(j["references"][0]["identifiers"][0]["resolution"]["state"] == "registered");
  const auto visits = web.visits();
  REQUIRE(visits.size() == 2);
  CHECK(visits[1].at - visits[0].at >= std::chrono::milliseconds(2900));
}

TEST_CASE("the converter and arXiv failing: id/unchecked, never wrong") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.pubmed("31452104", "PMC6710000", "10.1234/fine.1");
  registry.arxiv("2101.00001", 1, "Sparse attention for long documents", "Ana Lopez", 2021);
  const std::string list =
      "1. Adams A. Alpha. Brain. 2019. PMID: 31452104\n\n"
      "2. Lopez A. Sparse attention for long documents. 2021. arXiv:2101.00001\n";
  SECTION("down") {
    registry.batches(FakeRegistry::Mode::down);
    const json j =
        run_json(flags(web, registry) + " --retries 0", "pubmed-arxiv/down.txt", list, 0);
    const std::vector<std::string> found = id_findings(j);
    REQUIRE(found.size() == 2);
    CHECK(found[0] ==
          "id/unchecked: PMID 31452104 could not be checked: the NCBI ID converter answered HTTP "
          "503");
    CHECK(found[1] ==
          "id/unchecked: arXiv id 2101.00001 could not be checked: arXiv answered HTTP 503");
  }
  SECTION("not the services' answers") {
    registry.batches(FakeRegistry::Mode::broken);
    const json j = run_json(flags(web, registry), "pubmed-arxiv/broken.txt", list, 0);
    CHECK(id_findings(j).size() == 2);
    CHECK(j["findings"][0]["severity"] == "warning");
  }
}

TEST_CASE("no network: PMIDs and arXiv ids unasked, exit 3") {
  const fs::path file = scratch_file("pubmed-arxiv/offline.txt",
                                     "1. Adams A. Alpha. Brain. 2019. PMCID: PMC6710000\n\n"
                                     "2. Lopez A. Sparse. 2021. arXiv:2101.00001\n");
  const Run run = run_citelint(
      "check --as-of 2024-01-01 --allow-private --retries 0 --no-cache --timeout 2 --format json "
      "--exclude . --resolve ncbi.test:1:127.0.0.1 --api ncbi=http://ncbi.test:1 "
      "--api arxiv=http://ncbi.test:1 " +
      file.string());
  INFO(run.err);
  CHECK(run.exit == 3);
  CHECK(id_findings(json::parse(run.out)).empty());
}

TEST_CASE("answers are cached per id: a second run asks nothing") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.pubmed("30000001", "PMC6000001", "10.1234/right.2");
  registry.arxiv("2102.00003", 2, "A proof of the conjecture", "Carl Jung", 2021,
                 "This paper has been withdrawn by the author");
  const fs::path cache = scratch_file("pubmed-arxiv/cache.sqlite", "");
  fs::remove(cache);
  std::string args = flags(web, registry);
  args.replace(args.find("--no-cache"), 10, "--cache " + cache.string());
  const std::string list =
      "1. Dunn D. Delta. Gut. 2018. doi:10.1234/wrong.4. PMID: 30000001\n\n"
      "2. Jung C. A proof of the conjecture. 2021. arXiv:2102.00003\n\n"
      "3. Nobody N. Not a paper. 2021. arXiv:2101.99999\n";
  const json first = run_json(args, "pubmed-arxiv/cached.txt", list, 1);
  const json second = run_json(args, "pubmed-arxiv/cached.txt", list, 1);
  CHECK(id_findings(first).size() == 3);
  CHECK(id_findings(second) == id_findings(first));
  CHECK(web.requests("/idconv/") == 1);
  CHECK(web.requests("/api/query") == 1);
  CHECK(second["references"][1]["identifiers"][0]["resolution"]["from_cache"] == true);
}

TEST_CASE("identifier states in the Markdown summary and as HTML badges") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.crossref("10.1234/fine.1", FakeRegistry::work("Alpha", "Adams", 2019, "Brain"));
  registry.pubmed("31452104", "PMC6710000", "10.1234/fine.1");
  registry.arxiv("2102.00003", 2, "A proof of the conjecture", "Carl Jung", 2021,
                 "This paper has been withdrawn by the author");
  const std::string list =
      "1. Adams A. Alpha. Brain. 2019. doi:10.1234/fine.1. PMID: 31452104\n\n"
      "2. Brown B. Beta. Heart. 2018. PMID: 23456789. PMCID: PMC9999999\n\n"
      "3. Jung C. A proof of the conjecture. 2021. arXiv:2102.00003\n\n"
      "4. Gone G. Gone. 2018. doi:10.1234/gone\n";
  const fs::path file = scratch_file("pubmed-arxiv/states.txt", list);
  const std::string args = flags(web, registry) + " --api doi=" + registry.endpoint("ncbi.test") +
                           " --api crossref=" + registry.endpoint("ncbi.test");
  std::string markdown_args = args;
  markdown_args.replace(markdown_args.find("--format json"), 13, "--format markdown");
  const Run md = run_citelint(markdown_args + " " + file.string());
  CHECK(md.exit == 1);
  CHECK_THAT(md.out, Catch::Contains("| identifiers | count |\n|---|---:|\n"
                                     "| DOI registered | 1 |\n| DOI unregistered | 1 |\n"
                                     "| PMCID unregistered | 1 |\n| PMID not in PMC | 1 |\n"
                                     "| PMID registered | 1 |\n| arXiv id retracted | 1 |\n"));
  std::string html_args = args;
  html_args.replace(html_args.find("--format json"), 13, "--format html");
  const Run html = run_citelint(html_args + " " + file.string());
  CHECK(html.exit == 1);
  CHECK_THAT(html.out, Catch::Contains("<span class=\"badge i-registered\">registered</span>DOI "
                                       "10.1234/fine.1"));
  CHECK_THAT(html.out,
             Catch::Contains("<span class=\"badge i-not-in-PMC\">not in PMC</span>PMID 23456789"));
  CHECK_THAT(html.out, Catch::Contains("<span class=\"badge i-retracted\">retracted</span>arXiv "
                                       "id 2102.00003"));
  CHECK_THAT(html.out, Catch::Contains("<b>1</b> PMCID unregistered"));
}
