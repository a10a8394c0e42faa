// End to end: DOIs asked of fake identifier services (the handle API, the agency lookup,
// Crossref, DataCite): registered, unregistered, the DOI of another paper, near misses, CJK
// titles, notices from each source, a shortDOI, DOI links, services that fail, and no network.
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

// The run's flags: the services on the fake web; the DOI resolver's own host mapped to a port
// nothing listens on, so a request for a DOI link (there should be none) fails here.
std::string flags(const FakeWeb& web, const FakeRegistry& registry) {
  std::string f =
      "check --as-of 2024-01-01 --allow-private --retries 1 --no-cache --timeout 5 "
      "--format json";
  for (const char* h : {"handles.test", "crossref.test", "datacite.test"})
    f += " --resolve " + web.resolve(h);
  f += " --resolve doi.org:443:127.0.0.1 --resolve doi.org:80:127.0.0.1";
  f += " --api doi=" + registry.endpoint("handles.test");
  f += " --api crossref=" + registry.endpoint("crossref.test");
  return f + " --api datacite=" + registry.endpoint("datacite.test");
}

// The rules of every finding from the identifier stage (doi/..., integrity/...), in order.
std::vector<std::string> id_rules(const json& report) {
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) {
    const std::string rule = f["rule"];
    if (rule.rfind("doi/", 0) == 0 || rule.rfind("integrity/", 0) == 0) out.push_back(rule);
  }
  return out;
}

// `n` DOIs registered at Crossref (10.1234/<stem>.<i>, titled "<title> <i>", by `family` in
// 2011), and a list citing each.
std::string registered_list(FakeRegistry& registry, const std::string& stem,
                            const std::string& title, const std::string& family,
                            const std::string& journal, int n) {
  std::string list;
  for (int i = 0; i < n; ++i) {
    const std::string doi = "10.1234/" + stem + "." + std::to_string(i);
    const std::string numbered = title + " " + std::to_string(i);
    registry.crossref(doi, FakeRegistry::work(numbered, family, 2011, journal));
    list += std::to_string(i + 1) + ". " + family + " " + family.substr(0, 1) + ". " + numbered +
            ". " + journal + ". 2011. doi:" + doi + "\n\n";
  }
  return list;
}

}  // namespace

TEST_CASE("a registered DOI whose record matches the reference makes no finding") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.crossref("10.1234/good.1",
                    FakeRegistry::work("Sleep and memory consolidation in adolescents", "Walker",
                                       2019, "Journal of Sleep Research"));
  const json j = run_json(flags(web, registry), "doi-registry/good.txt",
                          "1. Walker A. Sleep and memory consolidation in adolescents. J Sleep "
                          "Res. 2019;28(3):e12345. doi:10.1234/good.1\n",
                          0);
  CHECK(id_rules(j).empty());
  const json res = j["references"][0]["dois"][0]["resolution"];
  CHECK(res["state"] == "registered");
  CHECK(res["agency"] == "crossref");
  CHECK(res["work"]["title"] == "Sleep and memory consolidation in adolescents");
  CHECK(res["work"]["year"] == 2019);
  CHECK(res["notices"].empty());
  CHECK(web.requests("/api/handles/10.1234/good.1") == 1);
  CHECK(web.requests("/ra/10.1234") == 1);
  CHECK(web.requests("/works/10.1234/good.1") == 1);
}

TEST_CASE("an unregistered DOI is an error; a registered one of another paper says what it is") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.crossref(
      "10.1234/other.7",
      FakeRegistry::work("Coral reef bleaching under marine heatwaves", "Hughes", 2017, "Nature"));
  registry.crossref("10.1234/near.1", FakeRegistry::work("Deep learning for protein structure",
                                                         "Jumper", 2021, "Nature"));
  const std::string list =
      "1. Smith J. Soil microbes and nitrogen fixation. Plant Soil. 2018;12:1-9. "
      "doi:10.1234/nosuch.9\n\n"
      "2. Walker A. Sleep and memory consolidation in adolescents. J Sleep Res. 2019;28:1-5. "
      "doi:10.1234/other.7\n\n"
      "3. Jumper J. Deep learning for protein structure. Nature. 2020;596:583-9. "
      "doi:10.1234/near.1\n";
  const json j = run_json(flags(web, registry), "doi-registry/wrong.txt", list, 1);
  CHECK(id_rules(j) ==
        std::vector<std::string>{"doi/unregistered", "doi/mismatch", "doi/near-miss"});
  const auto unregistered = findings_of(j, "doi/unregistered");
  REQUIRE(unregistered.size() == 1);
  CHECK(unregistered[0]["severity"] == "error");
  CHECK(unregistered[0]["category"] == "doi");
  CHECK(unregistered[0]["line"] == 1);
  const auto mismatch = findings_of(j, "doi/mismatch");
  REQUIRE(mismatch.size() == 1);
  CHECK(mismatch[0]["severity"] == "error");
  const std::string said = mismatch[0]["message"];
  CHECK_THAT(said, Catch::Contains("Coral reef bleaching under marine heatwaves") &&
                       Catch::Contains("Hughes") && Catch::Contains("2017"));
  const auto near = findings_of(j, "doi/near-miss");
  REQUIRE(near.size() == 1);
  CHECK(near[0]["severity"] == "info");
  CHECK_THAT(near[0]["message"].get<std::string>(), Catch::Contains("2021 registered, 2020 cited"));
  CHECK(j["references"][0]["dois"][0]["resolution"]["state"] == "unregistered");
  CHECK(web.requests("/works/10.1234/nosuch.9") == 0);  // not registered: no record asked
}

TEST_CASE("CJK titles are compared by character pairs") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.crossref("10.5555/cjk.1", FakeRegistry::work("深度学习在医学图像分析中的应用", "王",
                                                        2020, "中国医学影像技术"));
  registry.crossref("10.5555/cjk.2", FakeRegistry::work("城市交通拥堵的成因与对策研究", "李", 2015,
                                                        "交通运输工程学报"));
  const std::string list =
      "[1] 王明, 张华. 深度学习在医学图像分析中的应用[J]. 中国医学影像技术, 2020, 36(1): 1-5. "
      "DOI:10.5555/cjk.1.\n"
      "[2] 王明. 深度学习在医学图像分析中的应用研究进展[J]. 计算机学报, 2021, 44(2): 9-20. "
      "DOI:10.5555/cjk.2.\n";
  const json j = run_json(flags(web, registry), "doi-registry/cjk.txt", list, 1);
  CHECK(id_rules(j) == std::vector<std::string>{"doi/mismatch"});
  CHECK(findings_of(j, "doi/mismatch")[0]["line"] == 2);
}

TEST_CASE("notices: retracted by the publisher or Retraction Watch, concern, correction") {
  FakeWeb web;
  FakeRegistry registry(web);
  json retracted = FakeRegistry::work("Vaccines and autism", "Wakefield", 1998, "The Lancet");
  retracted["updated-by"] = json::array(
      {FakeRegistry::update("10.1234/notice.1", "retraction", "publisher", 2010, 2, 2)});
  registry.crossref("10.1234/retracted.1", retracted);
  json watched = FakeRegistry::work("Growth in a time of debt", "Reinhart", 2010, "AER");
  watched["updated-by"] = json::array(
      {FakeRegistry::update("10.1234/notice.2", "retraction", "retraction-watch", 2019, 7, 26)});
  registry.crossref("10.1234/retracted.2", watched);
  json concern = FakeRegistry::work("Hydroxychloroquine in patients", "Raoult", 2020, "IJAA");
  concern["updated-by"] = json::array(
      {FakeRegistry::update("10.1234/notice.3", "expression_of_concern", "publisher", 2020, 4, 3)});
  registry.crossref("10.1234/concern.1", concern);
  json corrected = FakeRegistry::work("Ocean heat content rising", "Resplandy", 2018, "Nature");
  corrected["updated-by"] = json::array(
      {FakeRegistry::update("10.1234/notice.4", "correction", "publisher", 2019, 1, 9)});
  registry.crossref("10.1234/corrected.1", corrected);
  const std::string list =
      "1. Wakefield AJ. Vaccines and autism. The Lancet. 1998;351:637-41. "
      "doi:10.1234/retracted.1\n\n"
      "2. Reinhart CM. Growth in a time of debt. AER. 2010;100:573-8. doi:10.1234/retracted.2\n\n"
      "3. Raoult D. Hydroxychloroquine in patients. IJAA. 2020;56:105949. "
      "doi:10.1234/concern.1\n\n"
      "4. Resplandy L. Ocean heat content rising. Nature. 2018;563:105-8. "
      "doi:10.1234/corrected.1\n";
  const json j = run_json(flags(web, registry), "doi-registry/notices.txt", list, 1);
  CHECK(id_rules(j) == std::vector<std::string>{"integrity/retracted", "integrity/retracted",
                                                "integrity/concern", "integrity/corrected"});
  const auto retractions = findings_of(j, "integrity/retracted");
  CHECK_THAT(retractions[0]["message"].get<std::string>(),
             Catch::Contains("retracted (2010-02-02, notice 10.1234/notice.1; publisher)"));
  CHECK_THAT(retractions[1]["message"].get<std::string>(),
             Catch::Contains("2019-07-26") && Catch::Contains("retraction-watch"));
  CHECK(findings_of(j, "integrity/concern")[0]["severity"] == "warning");
  CHECK(findings_of(j, "integrity/corrected")[0]["severity"] == "info");
  const json notices = j["references"][1]["dois"][0]["resolution"]["notices"];
  REQUIRE(notices.size() == 1);
  CHECK(notices[0] == json{{"type", "retraction"},
                           {"doi", "10.1234/notice.2"},
                           {"date", "2019-07-26"},
                           {"source", "retraction-watch"}});
}

TEST_CASE("DataCite records, other agencies, shortDOIs and DOI links") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.datacite(
      "10.5061/dryad.abc",
      {{"titles", json::array({{{"title", "Data from: Bird migration timing"}}})},
       {"creators",
        json::array({{{"name", "Lopez, Ana"}, {"familyName", "Lopez"}, {"givenName", "Ana"}}})},
       {"publicationYear", 2016},
       {"types", {{"resourceTypeGeneral", "Dataset"}}}});
  registry.registered("10.3280/medra.1", "mEDRA");
  registry.crossref("10.1234/long.doi.2015",
                    FakeRegistry::work("Soil carbon and tillage", "Ogle", 2015, "Geoderma"));
  registry.short_doi("10/abcd", "10.1234/long.doi.2015");
  // The resolver's site walls robots: a DOI link is judged by the DOI system alone.
  const std::string list =
      "1. Lopez A. Data from: Bird migration timing. Dryad. 2016. "
      "https://doi.org/10.5061/dryad.abc\n\n"
      "2. Rossi M. Un saggio. Riv. 2012. https://doi.org/10.3280/medra.1\n\n"
      "3. Ogle S. Soil carbon and tillage. Geoderma. 2015. https://doi.org/abcd\n\n"
      "4. Nobody. Gone. 2015. https://doi.org/10.1234/never.registered\n";
  const json j = run_json(flags(web, registry), "doi-registry/agencies.txt", list, 1);
  const auto& refs = j["references"];
  CHECK(refs[0]["urls"][0]["link"]["status"] == "ok");
  CHECK(refs[0]["dois"][0]["resolution"]["agency"] == "datacite");
  CHECK(refs[0]["dois"][0]["resolution"]["work"]["first_author"] == "Lopez");
  CHECK(refs[1]["urls"][0]["link"]["status"] == "ok");
  CHECK(refs[1]["dois"][0]["resolution"]["agency"] == "medra");
  CHECK_FALSE(refs[1]["dois"][0]["resolution"].contains("work"));
  CHECK(refs[2]["urls"][0]["link"]["status"] == "ok");
  CHECK(refs[2]["dois"][0]["resolution"]["alias"] == "10.1234/long.doi.2015");
  CHECK(refs[2]["dois"][0]["resolution"]["work"]["title"] == "Soil carbon and tillage");
  CHECK(refs[3]["urls"][0]["link"]["status"] == "broken");
  // Reported once, by the link: not again as doi/unregistered.
  CHECK(id_rules(j).empty());
  REQUIRE(findings_of(j, "link/broken").size() == 1);
  CHECK_THAT(findings_of(j, "link/broken")[0]["message"].get<std::string>(),
             Catch::Contains("not registered"));
  CHECK(web.requests("/ra/10.1234") == 1);
}

TEST_CASE("handle links are judged by the Handle System's answer, not the repository's site") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.registered("20.500.12345/678", "");  // a handle (a repository's), not a DOI
  std::string args = flags(web, registry) + " --resolve hdl.handle.net:443:127.0.0.1 " +
                     "--resolve hdl.handle.net:80:127.0.0.1";
  const std::string list =
      "1. Thesis T. A thesis. University. 2015. https://hdl.handle.net/20.500.12345/678\n\n"
      "2. Thesis U. Another. University. 2016. http://hdl.handle.net/20.500.12345/999\n";
  SECTION("asked of the DOI system's proxy") {
    const json j = run_json(args, "doi-registry/handles.txt", list, 1);
    CHECK(j["references"][0]["urls"][0]["link"]["status"] == "ok");
    CHECK(j["references"][1]["urls"][0]["link"]["status"] == "broken");
    REQUIRE(findings_of(j, "link/broken").size() == 1);
    CHECK_THAT(findings_of(j, "link/broken")[0]["message"].get<std::string>(),
               Catch::Contains("the Handle System has no such handle"));
    CHECK(web.requests("/api/handles/20.500.12345/678") == 1);
    CHECK(web.requests("/ra/20.500.12345") == 0);  // a handle has no registration agency
  }
  SECTION("asked of the handle proxy given") {
    args +=
        " --resolve " + web.resolve("hdl.test") + " --api handle=" + registry.endpoint("hdl.test");
    const json j = run_json(args, "doi-registry/handle-proxy.txt", list, 1);
    CHECK(j["references"][0]["urls"][0]["link"]["status"] == "ok");
    bool asked = false;
    for (const auto& v : web.visits()) asked = asked || v.host.rfind("hdl.test", 0) == 0;
    CHECK(asked);
  }
}

TEST_CASE("services that fail, refuse or answer slowly are inconclusive, never wrong") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.crossref("10.1234/a.1", FakeRegistry::work("Alpha waves", "Adams", 2011, "Brain"));
  registry.crossref("10.1234/b.2", FakeRegistry::work("Beta blockers", "Brown", 2012, "Heart"));
  const std::string list =
      "1. Adams A. Alpha waves. Brain. 2011. doi:10.1234/a.1\n\n"
      "2. Brown B. Beta blockers. Heart. 2012. doi:10.1234/b.2\n";

  SECTION("the handle API down: doi/unchecked, a warning") {
    registry.handles(FakeRegistry::Mode::down);
    const json j = run_json(flags(web, registry), "doi-registry/down.txt", list, 0);
    CHECK(id_rules(j) == std::vector<std::string>{"doi/unchecked", "doi/unchecked"});
    CHECK(findings_of(j, "doi/unchecked")[0]["severity"] == "warning");
    CHECK(j["references"][0]["dois"][0]["resolution"]["state"] == "inconclusive");
  }
  SECTION("an answer that is not the handle API's") {
    registry.handles(FakeRegistry::Mode::broken);
    const json j = run_json(flags(web, registry), "doi-registry/broken.txt", list, 0);
    CHECK(id_rules(j) == std::vector<std::string>{"doi/unchecked", "doi/unchecked"});
  }
  SECTION("429 then the answer: retried, and right") {
    registry.handles(FakeRegistry::Mode::limited);
    registry.works(FakeRegistry::Mode::limited);
    const json j = run_json(flags(web, registry), "doi-registry/limited.txt", list, 0);
    CHECK(id_rules(j).empty());
    CHECK(web.requests("/api/handles/10.1234/a.1") == 2);
    CHECK(web.requests("/works/10.1234/a.1") == 2);
  }
  SECTION("Crossref's records slower than the timeout: registered, the record unchecked") {
    registry.works(FakeRegistry::Mode::slow);
    const json j = run_json(flags(web, registry) + " --timeout 1 --retries 0",
                            "doi-registry/slow.txt", list, 0);
    CHECK(id_rules(j) == std::vector<std::string>{"doi/unchecked", "doi/unchecked"});
    CHECK(j["references"][0]["dois"][0]["resolution"]["state"] == "registered");
  }
}

TEST_CASE("a rate limit Crossref announces (x-rate-limit-*) is held") {
  FakeWeb web;
  FakeRegistry registry(web);
  registry.rate_limit(4);  // 4 a second: 250 ms apart, slower than the polite pool's 100 ms
  const std::string list = registered_list(registry, "rate", "Rates", "Ray", "Rates", 6);
  const json j = run_json(flags(web, registry), "doi-registry/rate.txt", list, 0);
  CHECK(id_rules(j).empty());
  std::vector<std::chrono::steady_clock::time_point> times;
  for (const auto& v : web.visits())
    if (v.target.rfind("/works/", 0) == 0) times.push_back(v.at);
  REQUIRE(times.size() == 6);
  // The first answer carries the limit; from the request after next on, 250 ms apart.
  for (std::size_t i = 2; i < times.size(); ++i)
    CHECK(times[i] - times[i - 1] >= std::chrono::milliseconds(240));
}

TEST_CASE("a prefix's agency is asked ahead of the DOIs waiting for the DOI system") {
  FakeWeb web;
  FakeRegistry registry(web);
  const std::string list = registered_list(registry, "queue", "Queues", "Kay", "Q", 30);
  run_json(flags(web, registry) + " --host-concurrency 1 --host-interval 20",
           "doi-registry/queue.txt", list, 0);
  std::vector<std::string> asked;  // the DOI system's requests, in order
  for (const auto& v : web.visits())
    if (v.host.rfind("handles.test", 0) == 0) asked.push_back(v.target);
  REQUIRE(asked.size() == 31);
  // The first DOI's answer names the prefix; its lookup goes next, not after the other 29.
  CHECK(asked[1] == "/ra/10.1234");
}

TEST_CASE("no network: exit 3, and no DOI is called bad") {
  const std::string closed = "http://handles.test:1";
  const fs::path file =
      scratch_file("doi-registry/offline.txt",
                   "1. Adams A. Alpha waves. Brain. 2011. doi:10.1234/a.1\n\n"
                   "2. Brown B. Beta blockers. Heart. 2012. doi:10.1234/nosuch\n");
  const Run run = run_citelint(
      "check --as-of 2024-01-01 --allow-private --retries 0 --no-cache --timeout 2 --format json "
      "--resolve handles.test:1:127.0.0.1 --api doi=" +
      closed + " " + file.string());
  INFO(run.err);
  CHECK(run.exit == 3);
  CHECK(id_rules(json::parse(run.out)).empty());
  CHECK_THAT(run.err, Catch::Contains("network is unreachable"));
}
