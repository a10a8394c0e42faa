// The archive readers: what the Wayback APIs and Memento TimeGates answer, read as they answer
// it, and archive URLs already in references.
#include "citelint/archive.hpp"

#include <catch2/catch.hpp>

#include "archive/capture.hpp"

using namespace citelint;
using namespace citelint::archive;

namespace {

net::Response answer(int status, std::string body,
                     std::map<std::string, std::string> headers = {}) {
  net::Response r;
  r.http_status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

}  // namespace

TEST_CASE("the availability API's answer gives the closest capture, if usable") {
  const auto found = read_availability(answer(
      200,
      R"({"url":"example.com","archived_snapshots":{"closest":{"status":"200","available":true,)"
      R"("url":"http://web.archive.org/web/20210302101010/http://example.com/","timestamp":"20210302101010"}}})"));
  REQUIRE(found.capture);
  CHECK(found.error.empty());
  CHECK(found.capture->url == "https://web.archive.org/web/20210302101010/http://example.com/");
  CHECK(found.capture->timestamp == "20210302101010");
  CHECK(found.capture->source == "wayback-availability");

  // Nothing archived: no capture, and no error either.
  const auto none = read_availability(answer(200, R"({"url":"x","archived_snapshots":{}})"));
  CHECK(!none.capture);
  CHECK(none.error.empty());
  // A capture of an error page is not a copy.
  const auto error_page = read_availability(answer(
      200,
      R"({"archived_snapshots":{"closest":{"status":"404","available":true,"url":"u","timestamp":"20210302101010"}}})"));
  CHECK(!error_page.capture);
  // A status given as a number is read too.
  CHECK(
      read_availability(
          answer(
              200,
              R"({"archived_snapshots":{"closest":{"status":200,"url":"u","timestamp":"20210302101010"}}})"))
          .capture);

  for (const char* bad :
       {"", "<html>Error</html>", "[]", R"({"archived_snapshots":[]})",
        R"({"archived_snapshots":{"closest":{"url":1}}})",
        R"({"archived_snapshots":{"closest":{"url":"u","timestamp":"2021x"}}})"}) {
    INFO(bad);
    const auto a = read_availability(answer(200, bad));
    CHECK(!a.capture);
    CHECK(a.error.find("not its JSON") != std::string::npos);
  }
  CHECK(read_availability(answer(503, "")).error == "the availability API: HTTP 503");
  net::Response timeout;
  timeout.code = CURLE_OPERATION_TIMEDOUT;
  timeout.curl_error = "Operation timed out after 1000 milliseconds";
  CHECK(read_availability(timeout).error ==
        "the availability API: Operation timed out after 1000 milliseconds");
}

TEST_CASE("the CDX API is asked for one capture on one side of the date, and read") {
  ArchiveOptions o;
  const std::string before = cdx_url(o, "http://example.com/a?b=1", "2021-03-03", true);
  CHECK(before.rfind(
            "https://web.archive.org/cdx/search/cdx?url=http%3A%2F%2Fexample.com%2Fa%3Fb%3D1", 0) ==
        0);
  CHECK(before.find("&closest=20210303235959&sort=closest&to=20210303235959&limit=1") !=
        std::string::npos);
  CHECK(before.find("filter=statuscode%3A20%5B036%5D") != std::string::npos);
  CHECK(cdx_url(o, "http://e.com/", "2021-03-03", false).find("&from=20210303&") !=
        std::string::npos);
  o.endpoint = "http://archive.test:8080/";
  CHECK(cdx_url(o, "http://e.com/", "2021-03-03", true)
            .rfind("http://archive.test:8080/cdx/search/cdx?", 0) == 0);
  CHECK(availability_url(o, "http://e.com/", "2021-03-03") ==
        "http://archive.test:8080/wayback/available?url=http%3A%2F%2Fe.com%2F&timestamp=20210303");

  const auto row = read_cdx(o, answer(200, R"([["timestamp","original","statuscode"],)"
                                           R"(["20210301000000","http://e.com/","200"]])"));
  REQUIRE(row.capture);
  CHECK(row.capture->url == "http://archive.test:8080/web/20210301000000/http://e.com/");
  CHECK(row.capture->source == "wayback-cdx");
  for (const char* none : {"", "\n", "[]", R"([["timestamp","original","statuscode"]])"}) {
    INFO(none);
    const auto a = read_cdx(o, answer(200, none));
    CHECK(!a.capture);
    CHECK(a.error.empty());
  }
  for (const char* bad : {"{}", "not json", R"([["timestamp"],["2021","x"]])",
                          R"([["timestamp","original"],["yesterday","http://e.com/"]])"}) {
    INFO(bad);
    CHECK(read_cdx(o, answer(200, bad)).error ==
          "the CDX API answered something that is not its JSON");
  }
}

TEST_CASE("a Memento TimeGate's answer names the memento and its datetime") {
  CHECK(accept_datetime("2021-03-03") == "Accept-Datetime: Wed, 03 Mar 2021 23:59:59 GMT");
  CHECK(accept_datetime("2020-02-29") == "Accept-Datetime: Sat, 29 Feb 2020 23:59:59 GMT");

  net::Response linked = answer(
      302, "",
      {{"link", R"(<http://e.com/>; rel="original", <http://arc.test/m/1>; rel="first memento"; )"
                R"(datetime="Mon, 01 Feb 2021 10:00:00 GMT", <http://arc.test/m/2>; )"
                R"(rel="memento"; datetime="Tue, 02 Mar 2021 11:12:13 GMT")"}});
  linked.location = "http://arc.test/m/2";
  auto t = read_timegate(linked, "http://tg.test/timegate/http://e.com/");
  REQUIRE(t.answer.capture);
  CHECK(t.answer.capture->url == "http://arc.test/m/2");
  CHECK(t.answer.capture->timestamp == "20210302111213");
  CHECK(t.answer.capture->source == "memento");
  CHECK(t.memento == "http://arc.test/m/2");  // asked next, to see it is a capture
  // A memento that is an error page is no copy; one without Memento-Datetime keeps the
  // TimeGate's datetime.
  CHECK(read_memento(answer(404, ""), t.memento, "20210302111213").error ==
        "the memento: HTTP 404");
  CHECK(read_memento(answer(200, ""), t.memento, "20210302111213").capture->timestamp ==
        "20210302111213");

  net::Response wayback = answer(302, "");
  wayback.location = "http://arc.test/web/20210302111213/http://e.com/";
  t = read_timegate(wayback, "x");
  REQUIRE(t.answer.capture);
  CHECK(t.answer.capture->timestamp == "20210302111213");

  net::Response bare = answer(302, "");
  bare.location = "http://arc.test/m/2";
  t = read_timegate(bare, "x");
  CHECK(!t.answer.capture);
  CHECK(t.memento == "http://arc.test/m/2");
  const auto m = read_memento(
      answer(200, "", {{"memento-datetime", "Tue, 02 Mar 2021 11:12:13 GMT"}}), t.memento);
  REQUIRE(m.capture);
  CHECK(m.capture->timestamp == "20210302111213");
  CHECK(read_memento(answer(200, ""), t.memento).error.find("gave no Memento-Datetime") !=
        std::string::npos);
  CHECK(read_memento(answer(404, ""), t.memento).error == "the memento: HTTP 404");

  // Pattern 1: the TimeGate answers as the memento itself.
  t = read_timegate(answer(200, "",
                           {{"memento-datetime", "Tue, 02 Mar 2021 11:12:13 GMT"},
                            {"content-location", "http://arc.test/m/2"}}),
                    "x");
  REQUIRE(t.answer.capture);
  CHECK(t.answer.capture->url == "http://arc.test/m/2");
  // No memento at all, and a TimeGate that fails.
  t = read_timegate(answer(404, ""), "x");
  CHECK((!t.answer.capture && t.answer.error.empty()));
  CHECK(read_timegate(answer(500, ""), "x").answer.error.find("HTTP 500") != std::string::npos);
}

TEST_CASE("archive URLs in references name their capture's timestamp") {
  struct Case {
    const char* url;
    const char* timestamp;  // empty: not an archive URL with a timestamp
    const char* original;
  };
  const Case cases[] = {
      {"https://web.archive.org/web/20210303120000/https://e.com/a?b=1#c", "20210303120000",
       "https://e.com/a?b=1#c"},
      {"http://web.archive.org/web/2021/http://e.com/", "20210101000000", "http://e.com/"},
      {"https://web.archive.org/web/202103/e.com", "20210301000000", "e.com"},
      {"https://web.archive.org/web/20210303120000id_/http://e.com/", "20210303120000",
       "http://e.com/"},
      {"https://WEB.ARCHIVE.ORG/web/20210303/http://e.com/", "20210303000000", "http://e.com/"},
      {"https://archive.ph/2021.03.03-120000/https://e.com/", "20210303120000", "https://e.com/"},
      {"https://archive.today/20210303120000/https://e.com/", "20210303120000", "https://e.com/"},
      {"https://arquivo.pt/wayback/20210303120000/https://e.com/", "20210303120000",
       "https://e.com/"},
      {"https://archive.ph/AbCd1", "", ""},
      {"https://perma.cc/ABCD-1234", "", ""},
      {"https://web.archive.org/web/*/http://e.com/", "", ""},
      {"https://web.archive.org/web/20211332000000/http://e.com/", "", ""},  // no such day
      {"https://e.com/web/20210303/http://x.com/", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.url);
    const auto a = parse_archive_url(c.url);
    if (!*c.timestamp) {
      CHECK(!a);
      continue;
    }
    REQUIRE(a);
    CHECK(a->timestamp == c.timestamp);
    CHECK(a->original == c.original);
  }
}

TEST_CASE(
    "the date an archived copy is looked for: access, then publication, then the year's end") {
  Reference ref;
  auto date = [](DateRole role, int y, int m, int d) {
    Date x;
    x.role = role;
    x.year = y;
    x.month = m;
    x.day = d;
    x.valid = true;
    return x;
  };
  CHECK(!archive_date(ref));
  ref.dates = {date(DateRole::year, 2019, 0, 0)};
  CHECK(archive_date(ref)->first == "2019-12-31");
  ref.dates.push_back(date(DateRole::published, 2020, 2, 0));
  CHECK(archive_date(ref)->first == "2020-02-29");
  CHECK(archive_date(ref)->second == DateRole::published);
  ref.dates.push_back(date(DateRole::accessed, 2021, 3, 3));
  CHECK(archive_date(ref)->first == "2021-03-03");
  CHECK(archive_date(ref)->second == DateRole::accessed);
  ref.dates = {date(DateRole::accessed, 2021, 2, 30)};  // impossible: not looked for
  CHECK(!archive_date(ref));
}
