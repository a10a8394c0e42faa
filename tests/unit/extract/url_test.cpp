#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

namespace {
std::vector<std::string> urls_in(const std::string& text) {
  Document doc(0, "t.txt", text);
  std::vector<std::string> out;
  for (const Url& u : find_urls(doc, 0, doc.text().size())) out.emplace_back(u.as_written);
  return out;
}
}  // namespace

TEST_CASE("URLs rejoined where whitespace split them, and only there") {
  using V = std::vector<std::string>;
  struct Case {
    std::string text;
    V urls;
  };
  const std::vector<Case> cases = {
      {"see http://www. moe.gov.cn/a/b. html. Ministry of Education.",
       {"http://www. moe.gov.cn/a/b. html"}},
      {"x. https://www.oecd.org/sti/outlook-25186167. htm.",
       {"https://www.oecd.org/sti/outlook-25186167. htm"}},
      {"x. http://a.org/t.htm. Ministry of Education.", {"http://a.org/t.htm"}},
      {"x. https://a.org/en/\npublication/wdr2019.", {"https://a.org/en/\npublication/wdr2019"}},
      {"x. https://a.org/NY.GDP_\nMKTP.CD.", {"https://a.org/NY.GDP_\nMKTP.CD"}},
      {"x. https://a.org/stats/\nAccessed 2019.", {"https://a.org/stats/"}},
      {"x. https://a.org/a. (2019-06-14)[2019-09-01].", {"https://a.org/a"}},
      {"x. https://a.org/a. 2019-06-14.", {"https://a.org/a"}},
      {"x. https://a.org/a/\n\nnext/paragraph", {"https://a.org/a/"}},
      {"x. https://a.org/a. http://b.org/b.", {"https://a.org/a", "http://b.org/b"}},
      {"(see https://en.wikipedia.org/wiki/Foo_(bar)).",
       {"https://en.wikipedia.org/wiki/Foo_(bar)"}},
      {"(see https://a.org/x).", {"https://a.org/x"}},
      {"网址：http://www.moe.gov.cn/a.html。访问", {"http://www.moe.gov.cn/a.html"}},
      {"http：//www.moe.gov.cn／a.html", {"http：//www.moe.gov.cn／a.html"}},
      {"x www.stats.gov.cn/tjsj/ndsj/ y", {"www.stats.gov.cn/tjsj/ndsj/"}},
      {"Available at: www2.mst.dk/udgiv/a.pdf (accessed", {"www2.mst.dk/udgiv/a.pdf"}},
      {"email someone@www.example.org or xhttp://no", {}},
      {"http: //a.org/x", {"http: //a.org/x"}},
      // Glued to the punctuation before it (issue 14, class 1).
      {"(2019-05-20)[2019-06-20].http://www.x.gov.cn/a.html", {"http://www.x.gov.cn/a.html"}},
      {"Available at:https://b.org/r.pdf (accessed 3 March 2021)", {"https://b.org/r.pdf"}},
      {"URL:http://c.org/c.html", {"http://c.org/c.html"}},
      {"标题[EB/OL]．http://d.cn/d.html", {"http://d.cn/d.html"}},
      {"标题[EB/OL]。http://e.cn/e.html", {"http://e.cn/e.html"}},
      {"标题[EB/OL]：http://f.cn/f.html", {"http://f.cn/f.html"}},
      {"见:http://g.cn/g.html", {"http://g.cn/g.html"}},
      // OCR damage: read, repaired by normalise_url, reported by core/UrlOcrDamage.
      {"Title. htp://h.org/h.html", {"htp://h.org/h.html"}},
      {"A 254 507-518 URL http://dx.doi.org/10.1016/ 0375-9474(75)90292-4 [2] Next",
       {"http://dx.doi.org/10.1016/ 0375-9474(75)90292-4"}},
      {"URL http://dx.doi.org/10. 1016/0370-2693(84)90916-X [3] Next",
       {"http://dx.doi.org/10. 1016/0370-2693(84)90916-X"}},
      {"URL http://dx.doi.org/10.1016/j. nuclphysa.2010.01.125 [10] Choi S",
       {"http://dx.doi.org/10.1016/j. nuclphysa.2010.01.125"}},
      {"URL htp://link.aps.org/ doi/10.1103/PhysRevC.90.017302 [195] Li",
       {"htp://link.aps.org/ doi/10.1103/PhysRevC.90.017302"}},
      {"\"Groundhog Day\". www.vice.com. 2 February 2017.", {"www.vice.com"}},
      {"Available at: htp:// www.dmu.dk/Pub/FR786.pdf (accessed",
       {"htp:// www.dmu.dk/Pub/FR786.pdf"}},
      {"Available at:http://www.fapri.iastate.edu/ outlook/2012/(accessed 15 November 2014).",
       {"http://www.fapri.iastate.edu/ outlook/2012/"}},
      {"[2015-03-06].htps://www.library.cornell .edu/research/citation 92 Next",
       {"htps://www.library.cornell .edu/research/citation"}},
      {"Availableat:htps://i.org/i.html", {"htps://i.org/i.html"}},
      // A blank line a converter put inside the host: the host goes on after it.
      {"[2015-03-04].http://li\n\nbraries.mit.edu/data-management/store/\n\n69 Next",
       {"http://li\n\nbraries.mit.edu/data-management/store/"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(urls_in(c.text) == c.urls);
  }
}

TEST_CASE("URL spans point at the URL as written") {
  Document doc(0, "t.txt", "1 Title.\n  See http://www.\n  moe.gov.cn/a.html.\n");
  const auto urls = find_urls(doc, 0, doc.text().size());
  REQUIRE(urls.size() == 1);
  CHECK(urls[0].span.line == 2);
  CHECK(urls[0].span.column == 7);
  CHECK(urls[0].span.end_line == 3);
  CHECK(urls[0].span.end_column == 20);
  CHECK(urls[0].normalised == "http://www.moe.gov.cn/a.html");
}

TEST_CASE("normalising URLs") {
  bool valid = false;
  CHECK(normalise_url("http://www. moe.gov.cn/a.html", &valid) == "http://www.moe.gov.cn/a.html");
  CHECK(valid);
  CHECK(normalise_url("HTTPS://WWW.NSF.GOV/Stats/", &valid) == "https://www.nsf.gov/Stats/");
  CHECK(valid);
  CHECK(normalise_url("http：//www.moe.gov.cn／a．html", &valid) == "http://www.moe.gov.cn/a.html");
  CHECK(valid);
  CHECK(normalise_url("www.stats.gov.cn/a", &valid) == "http://www.stats.gov.cn/a");
  CHECK(normalise_url("https://zh.wikipedia.org/wiki/北京", &valid) ==
        "https://zh.wikipedia.org/wiki/%E5%8C%97%E4%BA%AC");
  CHECK(valid);
  CHECK(normalise_url("https://a.org/outlook\u2010report", &valid) ==
        "https://a.org/outlook-report");
  normalise_url("http://http://www.moe.gov.cn/a.html", &valid);
  CHECK_FALSE(valid);
  normalise_url("http://www.moe.gov.cn/a%zz.html", &valid);
  CHECK_FALSE(valid);
  normalise_url("https://www..moe.gov.cn/", &valid);
  CHECK_FALSE(valid);
  normalise_url("http://127.0.0.1:8080/x", &valid);
  CHECK(valid);
  normalise_url("http://localhost/x", &valid);
  CHECK(valid);
  normalise_url("http://intranet/x", &valid);
  CHECK_FALSE(valid);
}

TEST_CASE("the quick path agrees with Boost.URL on what is valid") {
  // Each of these either takes the quick path or falls back to the full parse; the answer
  // must not depend on which.
  const std::vector<std::pair<std::string, bool>> cases = {
      {"http://a.org/", true},
      {"http://a.org", true},
      {"https://a.org/p?q=1&r=2#f", true},
      {"https://a.org/p#f#g", false},
      {"https://a.org/%41%4a", true},
      {"https://a.org/%4", false},
      {"https://a.org:443/p", true},
      {"https://user@a.org/p", true},
      {"https://a.org/p\"q", false},
      {"https://-a.org/p", true},
      {"https://a./p", false},
      {"https://.a.org/p", false},
      {"https://a.org/[x]", false},
      {"https://a.org/~u/(x)/*", true},
  };
  for (const auto& [url, expected] : cases) {
    INFO(url);
    bool valid = !expected;
    normalise_url(url, &valid);
    CHECK(valid == expected);
  }
}

TEST_CASE("OCR damage to a URL is repaired in its normalised form") {
  CHECK(normalise_url("htp://www.a.org/x") == "http://www.a.org/x");
  CHECK(normalise_url("htps://www.a.org/x") == "https://www.a.org/x");
  CHECK(normalise_url("HTTTP://www.a.org/x") == "http://www.a.org/x");
  CHECK(normalise_url("http://dx.doi.0rg/10.1016/x") == "http://dx.doi.org/10.1016/x");
  CHECK(normalise_url("http://www.example.c0m:8080/a") == "http://www.example.com:8080/a");
  // A zero elsewhere is left alone: no top-level domain it could be.
  CHECK(normalise_url("http://www.a.org/0rg") == "http://www.a.org/0rg");
  CHECK(normalise_url("http://10.0.0.10/a") == "http://10.0.0.10/a");
}

TEST_CASE("a gap the text cannot decide is decided by the URL the list cites whole") {
  const std::string text =
      "http://www.x.gov.cn/zcfb/art_b5f2c6af3 0c2070.html. Notice[EB/OL]. "
      "http://www.x.gov.cn/zcfb/art_b5f2c6af30c2070.html.\n"
      "http://www.y.org/a_b 0c and more.\n";
  Document doc(0, "t.txt", text);
  std::vector<Reference> refs(2);
  refs[0].span = doc.span(0, text.find('\n'));
  refs[1].span = doc.span(text.find('\n') + 1, text.size());
  for (Reference& r : refs) r.urls = find_urls(doc, r.span.begin, r.span.end);
  REQUIRE(refs[0].urls.size() == 2);
  CHECK(refs[0].urls[0].as_written == "http://www.x.gov.cn/zcfb/art_b5f2c6af3");
  rejoin_urls_cited_whole(doc, refs);
  CHECK(refs[0].urls[0].as_written == "http://www.x.gov.cn/zcfb/art_b5f2c6af3 0c2070.html");
  CHECK(refs[0].urls[0].normalised == refs[0].urls[1].normalised);
  // Nothing in the list cites "http://www.y.org/a_b0c": the gap stays a gap.
  CHECK(refs[1].urls[0].as_written == "http://www.y.org/a_b");
}
