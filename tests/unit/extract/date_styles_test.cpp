// Dates as the citation styles write them, clean and damaged, and the words that make a date the
// access date.
#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

TEST_CASE("dates in every style's form read to one canonical value") {
  struct Case {
    std::string text, value;
    bool valid;
  };
  const std::vector<Case> cases = {
      // ISO and GB/T 7714, clean and as PDF extraction leaves them
      {"2013-11-12", "2013-11-12", true},
      {"2021-03-03", "2021-03-03", true},
      {"2021.12.21", "2021-12-21", true},
      {"2022-3-8", "2022-03-08", true},
      {"2021- 9-12", "2021-09-12", true},
      {"2021 -09- 12", "2021-09-12", true},
      {"2021/12/21", "2021-12-21", true},
      {"2021–12–21", "2021-12-21", true},
      {"２０２１－０３－０３", "2021-03-03", true},
      {"２０２１．１２．２１", "2021-12-21", true},
      {"2019-06", "2019-06", true},
      {"2019", "2019", true},
      {"2019-02-30", "2019-02-30", false},
      {"2019-13-01", "2019-13-01", false},
      {"2020-02-29", "2020-02-29", true},
      {"2021-02-29", "2021-02-29", false},
      // Chinese
      {"2021年3月3日", "2021-03-03", true},
      {"2021 年 3 月 3 日", "2021-03-03", true},
      {"２０２１年３月３日", "2021-03-03", true},
      {"2021年12月", "2021-12", true},
      {"2021年", "2021", true},
      {"2021年2月30日", "2021-02-30", false},
      {"2021年03月03日", "2021-03-03", true},
      // APA, Chicago, IEEE: month first
      {"March 3, 2021", "2021-03-03", true},
      {"March 3 2021", "2021-03-03", true},
      {"Mar. 3, 2021", "2021-03-03", true},
      {"Mar 3, 2021", "2021-03-03", true},
      {"Sept. 30, 2020", "2020-09-30", true},
      {"September 30, 2020", "2020-09-30", true},
      {"Dec. 1, 1999", "1999-12-01", true},
      {"Oct. 10, 2018", "2018-10-10", true},
      {"january 15, 2022", "2022-01-15", true},
      {"JUNE 5, 2018", "2018-06-05", true},
      {"February 29, 2021", "2021-02-29", false},
      {"March 2021", "2021-03", true},
      // MLA, Harvard: day first
      {"3 Mar. 2021", "2021-03-03", true},
      {"3 March 2021", "2021-03-03", true},
      {"03 March 2021", "2021-03-03", true},
      {"30 Nov. 2020", "2020-11-30", true},
      {"1 May 2019", "2019-05-01", true},
      {"10 October 2018", "2018-10-10", true},
      {"31 April 2019", "2019-04-31", false},
      // Ordinals; months in Roman numerals (Portuguese and Polish usage)
      {"25th March 2013", "2013-03-25", true},
      {"1st May 2019", "2019-05-01", true},
      {"2nd June 2020", "2020-06-02", true},
      {"3rd Dec. 2021", "2021-12-03", true},
      {"18-V-2020", "2020-05-18", true},
      {"18.XII.2019", "2019-12-18", true},
      {"3 IX 2018", "2018-09-03", true},
      {"30-II-2020", "2020-02-30", false},
      // APA publication date
      {"2020, May 5", "2020-05-05", true},
      {"2020, December 24", "2020-12-24", true},
      // Vancouver
      {"2021 Mar 3", "2021-03-03", true},
      {"2020 Jan 5", "2020-01-05", true},
      {"2019 Dec", "2019-12", true},
      // Portuguese
      {"3 mar. 2021", "2021-03-03", true},
      {"15 fev. 2020", "2020-02-15", true},
      {"2 set. 2019", "2019-09-02", true},
      {"10 out. 2018", "2018-10-10", true},
      {"5 dez. 2017", "2017-12-05", true},
      {"3 de março de 2021", "", false},  // read below, not here: "de" joins its parts
      // German
      {"3.3.2021", "2021-03-03", true},
      {"03.03.2021", "2021-03-03", true},
      {"31.12.2020", "2020-12-31", true},
      {"3. März 2021", "2021-03-03", true},
      {"3. Maerz 2021", "2021-03-03", true},
      {"1. Okt. 2019", "2019-10-01", true},
      {"30.2.2021", "2021-02-30", false},
      // cut from a sentence, full-width
      {"3 Mar. 2021.", "2021-03-03", true},
      {"Ｍａｒｃｈ 3, 2021", "", false},  // full-width letters are not folded in month names
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto d = parse_date_text(c.text);
    if (c.value.empty()) {
      CHECK_FALSE(d);
      continue;
    }
    REQUIRE(d);
    CHECK(d->value == c.value);
    CHECK(d->valid == c.valid);
  }
  CHECK(cases.size() >= 60);
  for (const char* bad : {"EB/OL", "19-03-12", "Mar. 2021x", "March", "3 Marketing 2021",
                          "32 March", "2021a", "J. Chem.", "vol. 3, 2021-", "12(3): 45-50"}) {
    INFO(bad);
    CHECK_FALSE(parse_date_text(bad));
  }
}

TEST_CASE("access markers of every style give the access date its role") {
  struct Case {
    std::string entry;
    std::vector<std::pair<std::string, std::string>> dates;  // role, value
  };
  const std::vector<Case> cases = {
      {"Smith, J. (2020, May 5). Title. Retrieved March 3, 2021, from https://a.org/x",
       {{"published", "2020-05-05"}, {"accessed", "2021-03-03"}}},
      {"Smith, John. \"Title.\" Site. Accessed March 3, 2021. https://a.org/x.",
       {{"accessed", "2021-03-03"}}},
      {"Smith, John. \"Title.\" Site, 2019, a.org/x. Accessed 3 Mar. 2021.",
       {{"year", "2019"}, {"accessed", "2021-03-03"}}},
      {"[1] J. Smith, \"Title,\" Site. https://a.org/x (accessed Mar. 3, 2021).",
       {{"accessed", "2021-03-03"}}},
      {"[1] J. Smith, \"Title.\" [Online]. Available: https://a.org/x. Accessed: Mar. 3, 2021.",
       {{"accessed", "2021-03-03"}}},
      {"1. Smith J. Title [Internet]. 2019 [updated 2020 Jan 5; cited 2021 Mar 3]. Available "
       "from: https://a.org/x",
       {{"updated", "2020-01-05"}, {"accessed", "2021-03-03"}}},
      {"Smith, J. (2019) Title. Available at: https://a.org/x (Accessed: 3 March 2021).",
       {{"year", "2019"}, {"accessed", "2021-03-03"}}},
      {"Smith, J. Title. https://a.org/x (accessed 2021-03-03).", {{"accessed", "2021-03-03"}}},
      {"教育部. 意见[EB/OL]. 访问日期：2021年3月3日. http://a.org/x", {{"accessed", "2021-03-03"}}},
      {"SMITH, J. Title. Disponível em: https://a.org/x. Acesso em: 3 mar. 2021.",
       {{"accessed", "2021-03-03"}}},
      {"Smith, J.: Title. https://a.org/x, abgerufen am 3.3.2021.", {{"accessed", "2021-03-03"}}},
      {"Smith (2019). Recited work, unaccessed archive.", {{"year", "2019"}}},
      {"教育部. 意见[EB/OL]. (２０２１年５月５日)[２０２２年３月３日]. http://a.org/q",
       {{"published", "2021-05-05"}, {"accessed", "2022-03-03"}}},
      // Glued to the marker, as PDF extraction leaves it.
      {"Smith, J. (2019) Title. Available at: https://a.org/x (accessed15February 2015).",
       {{"year", "2019"}, {"accessed", "2015-02-15"}}},
      {"Aguiar 2001. Disponível em https://a.org/x.pdf (acesso em 18-V-2020).",
       {{"accessed", "2020-05-18"}}},
      // Wikipedia's CS1: a date standing as a sentence after the site is the publication
      // date; "Archived from the original on" and 原始内容存档于 give the archived copy's date.
      {"\"Title\". Example News. 21 December 2005. Retrieved 2012-08-19.",
       {{"published", "2005-12-21"}, {"accessed", "2012-08-19"}}},
      {"\"Title\". Site. Archived from the original on 21 May 2013. Retrieved April 28, 2017.",
       {{"archived", "2013-05-21"}, {"accessed", "2017-04-28"}}},
      {"\"Title\". Site. Archived 2016-03-04 at the Wayback Machine.",
       {{"archived", "2016-03-04"}}},
      {"存档副本. 中国科学院. 2009年7月 [2016-02-04]. （原始内容存档于2016-02-04）.",
       {{"published", "2009-07"}, {"accessed", "2016-02-04"}, {"archived", "2016-02-04"}}},
      {"Example Society. Annual report. Columbia University Press. 2008. Accessed October 2020.",
       {{"year", "2008"}, {"accessed", "2020-10"}}},
      // Broken over lines (a PDF's, a wrapped text's): after the marker, inside the brackets,
      // between the marker's words, after the month.
      {"Smith J. A page. https://a.org/x (accessed on\n16 October 2013).",
       {{"accessed", "2013-10-16"}}},
      {"Nakamoto S. Cash [Internet]. 21 Mar 2019 [cited 11 Jun\n2019]. https://a.org/x",
       {{"published", "2019-03-21"}, {"accessed", "2019-06-11"}}},
      {"Gracio M. Video. Disponivel em: https://a.org/x. Acesso\nem: 5 jan. 2021.",
       {{"accessed", "2021-01-05"}}},
      {"Glanzel W. 2003. Available from: https://a.org/x. Cited: Jan.\n9, 2011.",
       {{"year", "2003"}, {"accessed", "2011-01-09"}}},
      // "Retrieved August, 2002"; Elsevier Harvard's month.day.year after "accessed".
      {"Jones B. A site. Retrieved August, 2002, from https://a.org/x", {{"accessed", "2002-08"}}},
      {"Challenges [WWW Document], n.d. URL https://a.org/x (accessed 12.14.15).",
       {{"accessed", "2015-12-14"}}},
      // A name's number glued to it is no year: the D(2030) meson.
      {"Smith J. The D(2030) and X(3872) states. Phys Rev D 99, 1.", {}},
      // A range is no date: nothing is read from it.
      {"REEF (2008) Reef Foundation. Available: http://www.reef.org. Accessed: between May and "
       "August 2010",
       {{"year", "2008"}}},
  };
  for (const Case& c : cases) {
    INFO(c.entry);
    Document doc(0, "t.txt", c.entry);
    const auto urls = find_urls(doc, 0, c.entry.size());
    std::vector<std::pair<std::string, std::string>> got;
    for (const Date& d : find_dates(doc, 0, c.entry.size(), urls))
      got.emplace_back(std::string(to_string(d.role)), std::string(d.value()));
    CHECK(got == c.dates);
  }
}
