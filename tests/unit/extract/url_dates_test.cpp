// Dates in URL paths.
#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

TEST_CASE("the date a URL's path files its page under") {
  struct Case {
    const char* url;
    int year, month, day;
    const char* digits;  // the date as it stands in the URL
  };
  const Case cases[] = {
      {"http://www.moe.gov.cn/srcsite/A08/s7056/201805/t20180530_337423.html", 2018, 5, 30,
       "20180530"},
      {"http://www.xinhuanet.com/politics/2020-11/09/c_1126717000.htm", 2020, 11, 9, "2020-11/09"},
      {"https://www.example.com/news/2021/03/03/story.html", 2021, 3, 3, "2021/03/03"},
      {"https://www.example.com/news/2021/03/03", 2021, 3, 3, "2021/03/03"},
      {"https://www.example.com/2021-03-03/story", 2021, 3, 3, "2021-03-03"},
      {"http://www.bjyouth.com.cn/Bqb/20000412/GB/4216%5ED0412B1401.htm", 2000, 4, 12, "20000412"},
      {"http://paper.people.com.cn/rmrb/html/2013-01/12/nw.D110000renmrb_20130112_5-02.htm", 2013,
       1, 12, "2013-01/12"},
      {"https://www.gov.cn/gzdt/2013-05/content_2411923.htm", 2013, 5, 0, "2013-05"},
      {"https://www.gov.cn/a/2013-05/b/t20130527_1.htm", 2013, 5, 27, "20130527"},
      // Not dates: volumes and issues, ids, impossible days, the query, other centuries.
      {"https://www.journal.org/2018/12/abc", 0, 0, 0, ""},
      {"https://www.x.org/report/201805/a.html", 0, 0, 0, ""},
      {"https://www.x.org/report/12345678/a.html", 0, 0, 0, ""},
      {"https://www.x.org/report/20210230/a.html", 0, 0, 0, ""},
      {"https://www.x.org/report/a.html?date=20200101", 0, 0, 0, ""},
      {"https://www.x.org/report/18990101/a.html", 0, 0, 0, ""},
      {"https://www.x.org/id/120210303/a.html", 0, 0, 0, ""},
      {"https://20210303.x.org/a.html", 0, 0, 0, ""},
      {"https://www.x.org/a20210303b.html", 0, 0, 0, ""},
  };
  for (const Case& c : cases) {
    INFO(c.url);
    const Url::PathDate d = url_path_date(c.url);
    CHECK(d.year == c.year);
    CHECK(d.month == c.month);
    CHECK(d.day == c.day);
    if (d.year) CHECK(std::string_view(c.url).substr(d.begin, d.end - d.begin) == c.digits);
  }
}

TEST_CASE("extraction marks each URL's path date and whether it is an archive's capture") {
  Document doc(
      0, "refs.txt",
      "1 A. Page. http://www.moe.gov.cn/a/t20180530_1.html "
      "https://web.archive.org/web/20210303000000/http://e.org/ https://perma.cc/AB-12.\n");
  const auto urls = find_urls(doc, 0, doc.text().size());
  REQUIRE(urls.size() == 3);
  CHECK(urls[0].path_date.year == 2018);
  CHECK(!urls[0].archived);
  CHECK(urls[1].archived);
  CHECK(!urls[2].archived);  // perma.cc names no timestamp
}
