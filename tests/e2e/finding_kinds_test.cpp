// The table of built-in finding kinds (src/model/kinds.cpp) against what the producers emit and
// what SARIF describes: every finding of a run over the fake web has a descriptor that agrees
// with it on category and default level, and every row of the table is described as it is.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "citelint/kinds.hpp"
#include "support/cli.hpp"
#include "support/fake_archive.hpp"
#include "support/fake_registry.hpp"
#include "support/fake_web.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;
using citelint_test::slurp;

namespace {

std::string sarif_level(citelint::Severity s) {
  return s == citelint::Severity::error     ? "error"
         : s == citelint::Severity::warning ? "warning"
                                            : "note";
}

}  // namespace

TEST_CASE("the built-in kinds' table: unique ids, known categories, in rules list") {
  std::set<std::string_view> ids;
  const auto& categories = citelint::finding_categories();
  for (const citelint::FindingKind& k : citelint::finding_kinds()) {
    INFO(k.id);
    CHECK(ids.insert(k.id).second);
    CHECK(std::find(categories.begin(), categories.end(), k.category) != categories.end());
    CHECK(citelint::find_finding_kind(k.id) == &k);
    CHECK(&citelint::finding_kind(k.kind) == &k);
    CHECK(!k.summary.empty());
    CHECK(!k.help.empty());
  }
  const Run list = run_citelint("rules list");
  for (const citelint::FindingKind& k : citelint::finding_kinds())
    CHECK(list.out.find(std::string(k.id) + " ") != std::string::npos);
}

TEST_CASE("every finding a run emits agrees with its SARIF descriptor, and SARIF with the table") {
  citelint::test::FakeWeb web;
  citelint::test::FakeArchive archive{web};
  archive.add(web.url("gone.test", "/404"), "20190310000000");
  const std::vector<std::pair<std::string, std::string>> links = {
      {"gone.test", "/404"},   {"moved.test", "/r301"},  {"soft.test", "/soft-404"},
      {"walled.test", "/403"}, {"failing.test", "/500"}, {"reset.test", "/reset"},
      {"slow.test", "/hang"}};
  std::string list;
  std::string flags =
      "--allow-private --retries 0 --timeout 1 --no-cache --archive "
      "--archive-endpoint " +
      archive.endpoint("archive.test") + " --resolve " + web.resolve("archive.test");
  int n = 0;
  for (const auto& [host, path] : links) {
    list += std::to_string(++n) + " A page. " + web.url(host, path) + " (accessed 2019-03-12).\n\n";
    flags += " --resolve " + web.resolve(host);
  }
  list +=
      std::to_string(++n) + " No host. http://no-such-host.invalid/x (accessed 2019-03-12).\n\n";
  // The fake web's certificate is its own: not trusted without --ca-file.
  list += std::to_string(++n) + " TLS. " + web.url("tls.test", "/ok", true) +
          " (accessed 2019-03-12).\n\n";
  flags += " --resolve " + web.resolve("tls.test", true);
  // The hyphen of "annual-report" lost at a line break: the repair resolves.
  web.route("/annual-report.html", [](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.body = "<html><title>A report</title><body>The report</body></html>";
    return r;
  });
  list += std::to_string(++n) + " Repaired. " + web.url("repair.test", "/annual") +
          "\nreport.html (accessed 2019-03-12).\n\n";
  flags += " --resolve " + web.resolve("repair.test");
  list += std::to_string(++n) + " FTP. ftp://files.test/x.pdf (accessed 2019-03-12).\n\n";
  list += std::to_string(++n) + " Archived late. https://web.archive.org/web/20230101000000/" +
          "http://late.test/ (accessed 2019-03-12).\n";
  flags += " --exclude late\\.test";
  std::set<std::string> emitted;
  // Each finding of a run against the SARIF descriptor of its rule; every kind in SARIF as the
  // table has it.
  auto run = [&](const std::string& name, const std::string& refs, const std::string& options,
                 const std::string& extension = "txt") {
    const auto file = scratch_file("kinds/" + name + "." + extension, refs);
    const auto sarif_path = scratch_file("kinds/" + name + ".sarif", "");
    const Run r = run_citelint("check --as-of 2020-01-01 --format json --report sarif=" +
                               sarif_path.string() + " " + options + " " + file.string());
    INFO(r.err);
    REQUIRE((r.exit == 0 || r.exit == 1));
    const auto json = nlohmann::json::parse(r.out);
    const auto sarif = nlohmann::json::parse(slurp(sarif_path));
    std::map<std::string, nlohmann::json> described;
    for (const auto& d : sarif["runs"][0]["tool"]["driver"]["rules"]) described[d["id"]] = d;
    for (const citelint::FindingKind& k : citelint::finding_kinds()) {
      INFO(k.id);
      REQUIRE(described.count(std::string(k.id)));
      const auto& d = described[std::string(k.id)];
      CHECK(d["properties"]["category"] == k.category);
      CHECK(d["defaultConfiguration"]["level"] == sarif_level(k.level));
    }
    for (const auto& f : json["findings"]) {
      const std::string id = f["rule"];
      INFO(id);
      REQUIRE(described.count(id));
      CHECK(described[id]["properties"]["category"] == f["category"]);
      CHECK(described[id]["defaultConfiguration"]["level"] ==
            (f["severity"] == "info" ? "note" : f["severity"].get<std::string>()));
      if (citelint::find_finding_kind(id)) emitted.insert(id);
    }
  };
  run("statuses", list, flags);
  // Link rot: a parked domain, a drifted page, and a failing link under a confirmation policy
  // the run cannot count (no cache).
  web.route("/for-sale/page", [](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.body = "<html><title>parked.test</title><body>This domain is for sale.</body></html>";
    return r;
  });
  web.route("/drifted/page", [](const citelint::test::FakeRequest&, int) {
    citelint::test::FakeReply r;
    r.body = "<html><title>Casino bonuses today</title><body>Play now</body></html>";
    return r;
  });
  run("link-rot",
      "1 Lee. Coral reefs of Fiji. " + web.url("parked.test", "/for-sale/page") +
          "\n\n2 Lee. Coral reefs of Samoa. " + web.url("drift.test", "/drifted/page") + "\n",
      flags + " --resolve " + web.resolve("parked.test") + " --resolve " +
          web.resolve("drift.test"));
  run("failing", "1 Lee. Coral reefs. " + web.url("gone.test", "/404") + "\n",
      flags + " --confirm");
  // A loopback address without --allow-private: not asked.
  run("private", "1 Here. " + web.url("private.test", "/x") + " (accessed 2019-03-12).\n",
      "--no-cache --resolve " + web.resolve("private.test"));
  // Identifiers, checked offline: a check digit, and a form.
  run("identifiers", "1 A book. ISBN 978-0-306-40615-6.\n\n2 A preprint. arXiv:1501.0001.\n",
      "--offline");
  // DOIs, against the fake identifier services: each doi/ and integrity/ kind.
  citelint::test::FakeRegistry registry(web);
  using citelint::test::FakeRegistry;
  registry.crossref("10.1234/other", FakeRegistry::work("Coral reefs", "Hughes", 2017, "Nature"));
  registry.crossref("10.1234/near", FakeRegistry::work("Deep sleep", "Walker", 2020, "Sleep"));
  registry.registered("10.1234/norecord", "Crossref");
  nlohmann::json noticed = FakeRegistry::work("Noticed", "Noted", 2010, "J");
  noticed["updated-by"] = nlohmann::json::array(
      {FakeRegistry::update("10.1234/n1", "retraction", "publisher", 2011, 1, 1)});
  registry.crossref("10.1234/retracted", noticed);
  noticed["updated-by"][0]["type"] = "expression_of_concern";
  registry.crossref("10.1234/concern", noticed);
  noticed["updated-by"][0]["type"] = "erratum";
  registry.crossref("10.1234/erratum", noticed);
  registry.crossref("10.1234/found",
                    FakeRegistry::work("Sleep spindles and memory", "Walker", 2019, "Sleep"));
  run("dois",
      "1 Gone. 2018. doi:10.1234/none\n\n2 Soil microbes. Smith. 2011. doi:10.1234/other\n\n"
      "3 Walker. Deep sleep. 2019. doi:10.1234/near\n\n4 Rec. 2001. doi:10.1234/norecord\n\n"
      "5 Noted. Noticed. 2010. doi:10.1234/retracted\n\n6 Noted. Noticed. 2010. "
      "doi:10.1234/concern\n\n7 Noted. Noticed. 2010. doi:10.1234/erratum\n\n"
      "8 Walker M. Sleep spindles and memory. 2019.\n",
      "--no-cache --allow-private --suggest-doi --resolve " + web.resolve("ids.test") +
          " --api doi=" + registry.endpoint("ids.test") +
          " --api crossref=" + registry.endpoint("ids.test"));
  // PMIDs, PMCIDs and arXiv ids, against the fake converter and arXiv: each id/ kind.
  registry.pubmed("30000001", "PMC6000001", "10.1234/right");
  registry.arxiv("2101.00001", 3, "Sparse attention", "Ana Lopez", 2021);
  run("other-ids",
      "1 Gone. 2018. PMCID: PMC9999999\n\n2 Dunn. Delta. 2018. doi:10.1234/wrong. PMID: "
      "30000001\n\n3 Lopez A. Sparse attention. 2021. arXiv:2101.00001v1\n",
      "--no-cache --allow-private --exclude . --resolve " + web.resolve("ids.test") +
          " --api ncbi=" + registry.endpoint("ids.test") +
          "/idconv --api arxiv=" + registry.endpoint("ids.test") + "/api");
  registry.batches(FakeRegistry::Mode::down);
  run("ids-unchecked", "1 Dunn. Delta. 2018. PMID: 30000001\n",
      "--no-cache --allow-private --retries 0 --resolve " + web.resolve("ids.test") +
          " --api ncbi=" + registry.endpoint("ids.test") + "/idconv");
  // Citations in the text against the list: each citation/ kind.
  run("numbered-citations",
      "Text cites [2] first, then [1], and [4-3], and [9].\n\n# References\n\n"
      "1. Smith, J. (2020). A.\n2. Lee, A. (2019). B.\n3. Wu, L. (2018). C.\n"
      "4. Kim, K. (2017). D.\n5. Park, P. (2016). E.\n",
      "--offline", "md");
  run("author-year-citations",
      "As Smith et al. (2020) showed, and (Lee, 2018; Brown, 2019) too, and Smyth (2017).\n\n"
      "# References\n\n- Smith, J., & Jones, K. (2020). A study.\n- Lee, A. (2019). B.\n"
      "- Brown, B. (2019). C one.\n- Brown, B. (2019). C two.\n- Smith, J. (2017). D.\n",
      "--offline", "md");
  // Each kind of the table was emitted by the runs above, and agreed with SARIF.
  for (const citelint::FindingKind& k : citelint::finding_kinds()) {
    CAPTURE(k.id);
    CHECK(emitted.count(std::string(k.id)));
  }
}
