#include <catch2/catch.hpp>

#include "citelint/read.hpp"

using namespace citelint;

namespace {
std::vector<Reference> read(const std::string& text) {
  Document doc(0, "t.txt", text);
  return read_text(doc);
}
std::vector<std::string> ids(const std::vector<Reference>& refs) {
  std::vector<std::string> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}
}  // namespace

TEST_CASE("labels in every common style") {
  CHECK(ids(read("1 A.\n2 B.\n3 C.\n")) == std::vector<std::string>{"1", "2", "3"});
  CHECK(ids(read("[1] A.\n[2] B.\n")) == std::vector<std::string>{"1", "2"});
  CHECK(ids(read("1. A.\n2. B.\n")) == std::vector<std::string>{"1", "2"});
  CHECK(ids(read("  1) A.\n  2) B.\n")) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("an entry continues over blank lines until the next number") {
  const auto refs = read(
      "1 国家统计局. 中国统计年鉴 2019. 北京:中国统计出版社, 2019.\n\n"
      "National Bureau of Statistics. China statistical yearbook 2019. (in Chinese)\n\n"
      "2 Another. Entry.\n");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].span.line == 1);
  CHECK(refs[0].span.end_line == 3);
  CHECK(refs[1].span.line == 5);
}

TEST_CASE("a paragraph that starts with a year is not an entry of its own") {
  const auto refs =
      read("1 Smith J. A book. Beijing: Science Press,\n\n2019. 45-50.\n\n2 Next. Entry.\n");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].span.end_line == 3);
}

TEST_CASE("a number glued to the end of the previous entry starts a new one") {
  const std::string text =
      "2 Ministry. Opinions. (in Chinese)3 World Bank. World development report 2019.\n"
      "4 OECD. Outlook.\n";
  const auto refs = read(text);
  REQUIRE(ids(refs) == std::vector<std::string>{"2", "3", "4"});
  CHECK(refs[1].label.glued);
  CHECK(refs[1].label.span.line == 1);
  CHECK(refs[1].label.span.column == static_cast<int>(text.find(")3")) + 2);
  CHECK_FALSE(refs[0].label.glued);
  CHECK(Document(0, "t", text).slice(refs[0].span).ends_with("(in Chinese)"));
}

TEST_CASE("numbers inside an entry are not glued labels") {
  // "Vol.3 No" follows an abbreviation, a URL ends in ".3", and 3 is not missing anyway.
  CHECK(ids(read("2 Smith. Results, Vol.3 No.5 Table. 2019.\n4 Next.\n")) ==
        std::vector<std::string>{"2", "4"});
  CHECK(ids(read("2 Smith. http://x.org/a.3 Foo.\n4 Next.\n")) ==
        std::vector<std::string>{"2", "4"});
  CHECK(ids(read("2 Smith. Report.3 World.\n3 Next.\n")) == std::vector<std::string>{"2", "3"});
}

TEST_CASE("labels run to seven digits") {
  const auto refs = read("99999 A.\n\n100000 B.\n\n100001 C.\n");
  CHECK(ids(refs) == std::vector<std::string>{"99999", "100000", "100001"});
}

TEST_CASE("unnumbered lists: one entry per paragraph, or per line with hanging indents") {
  CHECK(read("References\n\nSmith J. A.\n\nBrown K. B.\n").size() == 2);
  const auto lines = read("Smith J. A title\n    that wraps. 2019.\nBrown K. B. 2020.\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].span.end_line == 2);
  CHECK(lines[1].id == "2");
}

TEST_CASE("an input beyond the size limit is read up to its last whole line, and says so") {
  std::vector<Diagnostic> problems;
  const auto doc = make_document(0, "big.txt", "1 A.\n2 B.\n3 C.\n", problems, "", 12);
  CHECK(doc->text() == "1 A.\n2 B.\n");
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 3);  // where reading stopped
  CHECK(problems[0].message.find("larger than 12 bytes") != std::string::npos);
  CHECK(read_text(*doc).size() == 2);
}

TEST_CASE("bytes in, UTF-8 out: BOMs, UTF-16 and bad bytes") {
  std::vector<Diagnostic> problems;
  auto doc = make_document(0, "bom.txt",
                           "\xEF\xBB\xBF"
                           "1 A.\n",
                           problems);
  CHECK(doc->text() == "1 A.\n");
  CHECK(problems.empty());

  std::string utf16 = "\xFF\xFE";
  for (char16_t c : std::u16string(u"1 中文.\n")) {
    utf16 += static_cast<char>(c & 0xFF);
    utf16 += static_cast<char>(c >> 8);
  }
  doc = make_document(0, "u16.txt", utf16, problems);
  CHECK(doc->text() == "1 中文.\n");

  doc = make_document(0, "bad.txt", "1 A.\n2 B\xFF\xFE.\n", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 2);
  CHECK(problems[0].column == 4);
  CHECK(problems[0].message.find("0xFF") != std::string::npos);
  CHECK(problems[0].message.find("1 more") != std::string::npos);
  CHECK(doc->text() == "1 A.\n2 B\xEF\xBF\xBD\xEF\xBF\xBD.\n");
}

TEST_CASE("a file that cannot be read says why") {
  std::vector<Diagnostic> problems;
  CHECK_FALSE(load_document(0, "/nonexistent/refs.txt", "", problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("cannot read") != std::string::npos);
}

// Class 10 of issue 14: in an unnumbered list, an entry that starts with a number is no label.
TEST_CASE("a number at the start of an unnumbered entry does not number the list") {
  // A year, a date, a title that starts with a number: every entry is read, none merged.
  const auto refs = read(
      "Organisation for Economic Co-operation and Development. Main indicators. Paris, 1999.\n\n"
      "2000 Year Book of Statistics. Paris: OECD, 2000.\n\n"
      "Smith J. A history. London: Press, 1990.\n\n"
      "1984. London: Secker and Warburg.\n\n"
      "Colloque de Paris, 14 octobre-1er novembre 2004.\n\n"
      "1990. Paris: Gallimard.\n\n"
      "Zhang W. Another history. Beijing: Press, 2001.\n");
  CHECK(refs.size() == 7);
  CHECK(refs[1].span.line == 3);
  CHECK(refs[0].label.number.empty());
  // A numbering that starts after a line of text keeps that line as an entry of its own.
  CHECK(ids(read("2019 Annual report of the society.\n1. Smith. A.\n2. Brown. B.\n")) ==
        std::vector<std::string>{"1", "1", "2"});
  // One label alone is no numbering unless it is 1.
  CHECK(read("12 Angry Men. Film, 1957.\nSmith J. Book. 2000.\n").size() == 2);
}

TEST_CASE("labels that OCR ran into the text, and labels it lost") {
  // "1Hey T": a label run into the first word (only next in the numbering); "...74-7818 Smith":
  // after a page range; "[z9]": a label misread, the search goes on past it.
  const auto refs = read(
      "1Hey T. Cyberinfrastructure for e-Science[J]. Science,2005,308(5723):817-821\n"
      "2科学数据共享[EB/OL].[2015-02-25].http://www.most.gov.cn/a.htm\n"
      "3 Wu J. Title[J]. Journal,2014(5):74-784 沈梦轩.国外科学数据[J].图书馆学研究,2014,15:89-935 "
      "Huang R. Title[J]. Library,2014(6):102-108\n"
      "[7] Sturm C 2010 Nucl. Phys. A 834 682c-687c [8] Gales S 2010 Nucl. Phys. A 834 717c [z9] "
      "Meng J 2002 Phys. Rev. C 65 [10] Zhou S G 2010 Phys. Rev. C 82\n"
      "[11] Li L 2012 Phys. Rev. C 85\n");
  CHECK(ids(refs) == std::vector<std::string>{"1", "2", "3", "4", "5", "7", "8", "10", "11"});
}

// Class 7 of issue 14: lines that are no part of any entry.
TEST_CASE("rules, underlines, reST labels and end matter are no entries") {
  const auto numbered =
      read("[1] Smith J. A study. 2019.\n[2] Brown K. Another. 2018.\n\n(收稿日期：2015-05-20)\n");
  REQUIRE(numbered.size() == 2);
  CHECK(numbered[1].span.end_line == 2);
  const auto unnumbered = read(
      ".. _references:\n\nReferências\n===========\n\nSmith J. A study. 2019.\n\n"
      "Brown K. Another. 2018.\n\n----\n");
  CHECK(unnumbered.size() == 2);
}
