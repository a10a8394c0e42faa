// Repair candidates for URLs that extraction or a line wrap broke.
#include <catch2/catch.hpp>
#include <fstream>

#include "citelint/extract.hpp"

using namespace citelint;

namespace {

// A URL as the extractor gives it: as written, and normalised.
struct Cited {
  std::string written, normalised;
  Url url() const {
    Url u;
    u.as_written = written;
    u.normalised = normalised;
    u.valid = true;
    return u;
  }
};

Cited cite(std::string written) {
  Cited c{std::move(written), {}};
  c.normalised = normalise_url(c.written);
  return c;
}

std::vector<std::string> urls(const std::vector<RepairCandidate>& cs) {
  std::vector<std::string> out;
  for (const auto& c : cs) out.push_back(c.url);
  return out;
}

}  // namespace

TEST_CASE("a line break inside a word is where a hyphen was lost, or added") {
  const Cited lost = cite("http://x.org/reports/strategic\noutlook-2021.pdf");
  auto cs = repair_candidates(lost.url(), {});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "http://x.org/reports/strategic-outlook-2021.pdf");
  CHECK(cs[0].why == "a hyphen restored at the line break");

  const Cited added = cite("http://x.org/reports/strategic-\n  outlook.pdf");
  cs = repair_candidates(added.url(), {});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "http://x.org/reports/strategicoutlook.pdf");
  CHECK(cs[0].why == "the hyphen at the line break removed");

  // A break after a slash is no word's middle.
  CHECK(repair_candidates(cite("http://x.org/reports/\n2021/a.pdf").url(), {}).empty());
}

TEST_CASE("a PDF's wrap inside a word, which the text does not show, is such a break too") {
  // "strategic-" at the end of a line, "outlook.pdf" on the next: joined as written.
  const Cited wrapped = cite("http://x.org/reports/strategic-outlook.pdf");
  auto cs = repair_candidates(wrapped.url(), {}, {31});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "http://x.org/reports/strategicoutlook.pdf");
  CHECK(cs[0].why == "the hyphen at the line break removed");
  const Cited lost = cite("http://x.org/reports/strategicoutlook.pdf");
  cs = repair_candidates(lost.url(), {}, {30});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "http://x.org/reports/strategic-outlook.pdf");
  CHECK(repair_candidates(lost.url(), {}).empty());  // no break known, no guess
}

TEST_CASE("words the URL's path and its host's other URLs know say where a hyphen goes") {
  // The path's own hyphenated words know both halves.
  const Cited own = cite("https://x.org/annual-report-2020/annualreport.pdf");
  auto cs = repair_candidates(own.url(), {});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "https://x.org/annual-report-2020/annual-report.pdf");
  CHECK(cs[0].why == "a hyphen restored between 'annual' and 'report'");

  // Other URLs on the host know them.
  const Cited host = cite("https://www.gov.uk/government/publications/strategicoutlook-annex");
  cs = repair_candidates(host.url(), {"government", "publications", "strategic", "outlook"});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url == "https://www.gov.uk/government/publications/strategic-outlook-annex");

  // One known word of five letters or more is a weaker guess, tried after.
  cs = repair_candidates(cite("https://x.org/pubs/economicsurvey").url(), {"survey"});
  CHECK(urls(cs) == std::vector<std::string>{"https://x.org/pubs/economic-survey"});
  // Nothing known: nothing to try.
  CHECK(repair_candidates(cite("https://x.org/pubs/economicsurvey").url(), {}).empty());
  // A word that is known whole is left alone.
  CHECK(repair_candidates(cite("https://x.org/pubs/economicsurvey").url(),
                          {"economicsurvey", "economic", "survey"})
            .empty());
}

TEST_CASE("a closing bracket at the end is tried without, and never more than a handful") {
  auto cs = repair_candidates(cite("http://x.org/wiki/Page_(disambiguation))").url(), {});
  CHECK(urls(cs) == std::vector<std::string>{"http://x.org/wiki/Page_(disambiguation)"});
  // Many possible hyphens: at most kMaxRepairs, the best first.
  const Cited many =
      cite("http://x.org/strategic\noutlookannualreport/economicsurveyglobalmarkets");
  cs = repair_candidates(many.url(), {"annual", "report", "economic", "survey", "global", "markets",
                                      "outlook", "strategic"});
  CHECK(cs.size() == kMaxRepairs);
  CHECK(cs[0].url == "http://x.org/strategic-outlookannualreport/economicsurveyglobalmarkets");
}

TEST_CASE("path words are the path's runs of three letters or more, lowercased") {
  CHECK(path_words("https://X.org/Annual-Report_2020/a/en/index.html?q=ignored") ==
        std::vector<std::string>{"annual", "report", "index", "html"});
}

// Issue 14, class 9: hyphens lost with no trace of the line break. The word list is Debian's
// wamerican (ci/install-deps.sh installs it).
TEST_CASE("a slug's word that is two dictionary words run together gets its hyphen back") {
  REQUIRE(std::ifstream("/usr/share/dict/words").good());
  const Cited usmca = cite(
      "https://ustr.gov/trade-agreements/free-trade-agreements/united-statesmexico-canada-"
      "agreement");
  auto cs = repair_candidates(usmca.url(), {});
  REQUIRE(!cs.empty());
  CHECK(cs[0].url ==
        "https://ustr.gov/trade-agreements/free-trade-agreements/united-states-mexico-canada-"
        "agreement");
  CHECK(cs[0].why == "a hyphen restored between 'states' and 'mexico'");
  const Cited report = cite("https://x.org/media/annual-report-2019-web-readyversion.pdf");
  CHECK(urls(repair_candidates(report.url(), {}))[0] ==
        "https://x.org/media/annual-report-2019-web-ready-version.pdf");
  // A word of the list, or a word outside a slug, is left alone; CJK is untouched.
  CHECK(repair_candidates(cite("https://x.org/a-housekeeping-guide").url(), {}).empty());
  CHECK(repair_candidates(cite("https://x.org/statesmexico.html").url(), {}).empty());
  CHECK(repair_candidates(cite("https://x.org/新闻-中心").url(), {}).empty());
}
