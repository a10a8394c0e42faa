#include <catch2/catch.hpp>

#include "citelint/extract.hpp"

using namespace citelint;

TEST_CASE("DOIs after markers, in doi.org URLs and bare") {
  const std::string text =
      "A. doi:10.1038/s41586-019-1234-5. B. DOI: 10.1000/xyz123, C. "
      "https://doi.org/10.1016/j.cell.2019.05.031. "
      "D. 10.5555/12345678. E. doi：10,1038/bad. F. the doi was lost.";
  Document doc(0, "t.txt", text);
  const auto urls = find_urls(doc, 0, text.size());
  const auto dois = find_dois(doc, 0, text.size(), urls);
  std::vector<std::string> got;
  for (const Doi& d : dois) got.push_back(d.value);
  CHECK(got == std::vector<std::string>{"10.1038/s41586-019-1234-5", "10.1000/xyz123",
                                        "10.1016/j.cell.2019.05.031", "10.5555/12345678",
                                        "10,1038/bad"});
  CHECK(is_valid_doi(got[0]));
  CHECK(is_valid_doi(got[2]));
  CHECK_FALSE(is_valid_doi(got[4]));
  CHECK_FALSE(is_valid_doi("10.1038"));
  CHECK_FALSE(is_valid_doi("10.12/abc"));
  CHECK(is_valid_doi("10.1002/(SICI)1097-4636(199706)35:4<415::AID-JBM1>3.0.CO;2-A"));
}

TEST_CASE("bilingual entries split into a Chinese and an English half") {
  const std::string text =
      "2 教育部. 关于加强科研诚信建设的意见. (2018-05-30)[2019-03-12]. "
      "http://www.moe.gov.cn/a.html. "
      "Ministry of Education. Opinions on strengthening research integrity. "
      "(2018-05-30)[2019-03-12]. "
      "http://www. moe.gov.cn/a.html. (in Chinese)";
  Document doc(0, "t.txt", text);
  Reference ref;
  ref.span = doc.span(0, text.size());
  ref.label.span = doc.span(0, 1);
  ref.label.number = "2";
  extract(doc, ref);
  REQUIRE(ref.parts.size() == 2);
  CHECK(ref.parts[0].lang == "zh");
  CHECK(doc.slice(ref.parts[0].span).ends_with("a.html."));
  CHECK(doc.slice(ref.parts[1].span).starts_with("Ministry of Education."));
  CHECK(ref.urls.size() == 2);
  CHECK(ref.dates.size() == 4);
}

TEST_CASE("single-language entries have no halves") {
  for (const std::string_view text :
       {"1 王明. 城市化与经济增长[J]. 经济研究, 2018, 53(4): 12-25.",
        "1 Smith J. Urbanization and growth. Journal, 2018, 53(4): 12-25.",
        "1 Zhang S. 张三的研究: A study of Beijing. Journal, 2019."}) {
    INFO(text);
    Document doc(0, "t.txt", std::string(text));
    Reference ref;
    ref.span = doc.span(0, text.size());
    ref.label.span = doc.span(0, 1);
    extract(doc, ref);
    CHECK(ref.parts.empty());
  }
}
