#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

TEST_CASE("parsing date bodies, clean and damaged") {
  struct Case {
    std::string text;
    std::string value;
    bool valid;
  };
  const std::vector<Case> cases = {
      {"2018-05-30", "2018-05-30", true},
      {"2018- 10-31", "2018-10-31", true},
      {"2019-2-7", "2019-02-07", true},
      {"2021.12.21", "2021-12-21", true},
      {"2021/12/21", "2021-12-21", true},
      {"2021–12–21", "2021-12-21", true},
      {"２０２１-12-21", "2021-12-21", true},
      {" 2019-06 ", "2019-06", true},
      {"2019", "2019", true},
      {"2019-02-30", "2019-02-30", false},
      {"2020-02-29", "2020-02-29", true},
      {"1900-02-29", "1900-02-29", false},
      {"2019-13-01", "2019-13-01", false},
      {"2019 - 03 - 12", "2019-03-12", true},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto d = parse_date(c.text);
    REQUIRE(d);
    CHECK(d->value == c.value);
    CHECK(d->valid == c.valid);
  }
  for (const char* bad : {"EB/OL", "19-03-12", "2019-03-12x", "", "2019-", "J"}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad));
  }
}

TEST_CASE("dates in references take their role from where they stand") {
  const std::string text =
      "2 教育部. 意见. (2018-05-30)[2019-03-12]. http://a.org/2019-01-01/x. Ministry. Opinions. "
      "(2018-05-30))[2019-2-7]. Beijing: Press, 2020. (in Chinese) Smith (2019a). Journal, 2019, "
      "12(3): 45-50[2013-11-12].";
  Document doc(0, "t.txt", text);
  const auto urls = find_urls(doc, 0, text.size());
  const auto dates = find_dates(doc, 0, text.size(), urls);
  std::vector<std::pair<std::string, std::string>> got;
  for (const Date& d : dates)
    got.emplace_back(std::string(to_string(d.role)), std::string(d.value()));
  const std::vector<std::pair<std::string, std::string>> want = {{"published", "2018-05-30"},
                                                                 {"accessed", "2019-03-12"},
                                                                 {"published", "2018-05-30"},
                                                                 {"accessed", "2019-02-07"},
                                                                 {"year", "2020"},
                                                                 {"year", "2019"},
                                                                 {"year", "2019"},
                                                                 {"accessed", "2013-11-12"}};
  CHECK(got == want);
  CHECK(dates[3].as_written == "2019-2-7");
  CHECK(doc.slice(dates[3].span) == "2019-2-7");
}

TEST_CASE("numbers that are not dates are left alone") {
  const std::string text = "1 A. Report [EB/OL]. Vol. 3, 2019.5 is a version, pages 1-2, (12).";
  Document doc(0, "t.txt", text);
  const auto dates = find_dates(doc, 0, text.size(), {});
  CHECK(dates.empty());
}

// Classes 2 and 3 of issue 14: compact dates, years glued to punctuation, author-year letters,
// years OCR damaged.
TEST_CASE("compact dates, glued years and OCR-damaged years are read") {
  struct Case {
    std::string text;
    std::vector<std::tuple<std::string, std::string, std::string>> dates;  // role, value, written
  };
  const std::vector<Case> cases = {
      {"1 标题[EB/OL]. (20190520)[20190620]. http://a.org/x",
       {{"published", "2019-05-20", "20190520"}, {"accessed", "2019-06-20", "20190620"}}},
      {"2 GB/T 7714 信息与文献[S].2006. 北京", {{"year", "2006", "2006"}}},
      {"3 张三. 书名[M]. 北京: 科学出版社,2016:1-9.", {{"year", "2016", "2016"}}},
      {"4 李四. 文章[J].中国科学,2019,49(3):1-9.", {{"year", "2019", "2019"}}},
      {"\\bibitem{a} Anthropic. Claude. 2024{\\natexlab{a}}.", {}},
      {"Anthropic. Claude, 2024{\\natexlab{a}}.", {{"year", "2024", "2024"}}},
      {"Smith J (2019a) Title. Journal, 2019b, 3: 1-9.",
       {{"year", "2019", "2019"}, {"year", "2019", "2019"}}},
      {"[12] Zhan W and Yuan Y 201O Nucl. Phys. A 834", {{"year", "2010", "201O"}}},
      {"[7] Sturm C 2U1U Nucl. Phys. A 834", {{"year", "2010", "2U1U"}}},
      {"Agency (2O06) Technology data.", {{"year", "2006", "2O06"}}},
      {"Smith J. Report. London: Press, 20o8.", {{"year", "2008", "20o8"}}},
      // Not years: too few digits, a formula, a part of a word.
      {"Smith J. The l0l1 model of H2O, CO2 and 2OOO-class ships.", {}},
      {"(99999999) and (20191340) are no dates.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    Document doc(0, "t.txt", c.text);
    const auto urls = find_urls(doc, 0, c.text.size());
    std::vector<std::tuple<std::string, std::string, std::string>> got;
    for (const Date& d : find_dates(doc, 0, c.text.size(), urls))
      got.emplace_back(std::string(to_string(d.role)), std::string(d.value()),
                       std::string(d.as_written));
    CHECK(got == c.dates);
  }
}
