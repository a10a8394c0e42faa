#include <catch2/catch.hpp>
#include <random>

#include "citelint/model.hpp"
#include "model/utf8.hpp"

using namespace citelint;

TEST_CASE("spans count columns in code points, lines from 1") {
  Document doc(0, "t.txt", "ab\n中文 xy\n\nlast");
  REQUIRE(doc.line_count() == 4);
  const std::string_view text(doc.text());
  const std::size_t x = text.find('x');
  const Span s = doc.span(x, x + 2);
  CHECK(s.line == 2);
  CHECK(s.column == 4);  // 中, 文, space, x
  CHECK(s.end_line == 2);
  CHECK(s.end_column == 6);
  CHECK(doc.slice(s) == "xy");
  CHECK(doc.line_text(2) == "中文 xy");
  CHECK(doc.line_text(3).empty());
}

TEST_CASE("a span across lines ends on its last line") {
  Document doc(0, "t.txt", "one\ntwo three\n");
  const std::size_t b = 1, e = doc.text().find("three");
  const Span s = doc.span(b, e);
  CHECK(s.line == 1);
  CHECK(s.column == 2);
  CHECK(s.end_line == 2);
  CHECK(s.end_column == 5);
}

TEST_CASE("columns stay right whatever order spans are asked in") {
  Document doc(0, "t.txt", "甲乙丙丁 abc 戊己 def\n");
  const std::string_view t(doc.text());
  const std::size_t d = t.find("def"), a = t.find("abc");
  CHECK(doc.span(d, d + 3).column == 13);
  CHECK(doc.span(a, a + 3).column == 6);
  CHECK(doc.span(0, 3).column == 1);
  CHECK(doc.span(d, d + 3).column == 13);
}

TEST_CASE("UTF-8 decoding, validation and repair") {
  const std::string s =
      "a\xE4\xB8\xAD\xFF"
      "b";
  std::size_t i = 0;
  CHECK(utf8::next(s, i) == U'a');
  CHECK(utf8::next(s, i) == U'中');
  CHECK(utf8::next(s, i) == 0xFFFD);
  CHECK(utf8::next(s, i) == U'b');
  CHECK(utf8::first_invalid(s) == 4);
  CHECK(utf8::first_invalid("plain ascii text that is longer than eight bytes") ==
        std::string::npos);
  CHECK(utf8::repair(s) ==
        "a中\xEF\xBF\xBD"
        "b");
  CHECK(utf8::length("中文ab") == 4);
  CHECK(utf8::display_width(U'中') == 2);
  CHECK(utf8::display_width(U'a') == 1);
  CHECK(utf8::fold_fullwidth(U'：') == U':');
  CHECK(utf8::is_han(U'国'));
  CHECK_FALSE(utf8::is_han(U'a'));
}

TEST_CASE("byte scanners find what a plain loop finds, sixteen bytes at a time or not") {
  // Random text over the bytes the scanners look for and their neighbours, in lengths that
  // cover whole vector blocks and the tails after them, from every start.
  const std::string alphabet = "dDoO10.:wW \xEF\xBC\x9A(,[a)]\xE3\xE2";
  std::mt19937 random(7);
  static constexpr ByteSet kBytes = {'(', '[', ',', 0xEF};
  static constexpr ByteSet kMany = {'(', ')', '[', ']', 0xEF, 0xE3, 0xE2, 'a'};
  static constexpr BytePairs kPairs = {
      {':', BytePairs::kAny, false}, {'w', 'w', true}, {'d', 'o', true}, {'1', '0', false}};
  auto plain_byte = [&](const std::string& s, std::size_t i, std::size_t end) {
    while (i < end && !kBytes[static_cast<unsigned char>(s[i])]) ++i;
    return i;
  };
  auto plain_pair = [&](const std::string& s, std::size_t i, std::size_t end) {
    auto lower = [](char c) { return static_cast<unsigned char>(c) | 0x20; };
    for (; i < end; ++i) {
      const bool next = i + 1 < end;
      if (s[i] == ':' || (lower(s[i]) == 'w' && next && lower(s[i + 1]) == 'w') ||
          (lower(s[i]) == 'd' && next && lower(s[i + 1]) == 'o') ||
          (s[i] == '1' && next && s[i + 1] == '0'))
        return i;
    }
    return end;
  };
  for (int round = 0; round < 300; ++round) {
    std::string s(random() % 70, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    for (std::size_t from = 0; from <= s.size(); ++from) {
      const std::size_t end = s.size() - random() % (s.size() - from + 1);
      REQUIRE(kBytes.find(s, from, end) == plain_byte(s, from, end));
      std::size_t many = from;
      while (many < end && !kMany[static_cast<unsigned char>(s[many])]) ++many;
      REQUIRE(kMany.find(s, from, end) == many);
      REQUIRE(kPairs.find(s, from, end) == plain_pair(s, from, end));
    }
  }
}

TEST_CASE("severities and roles print as the report contract says") {
  CHECK(to_string(Severity::error) == "error");
  CHECK(parse_severity("warning") == Severity::warning);
  CHECK_FALSE(parse_severity("fatal"));
  CHECK(to_string(DateRole::accessed) == "accessed");
  CHECK(format_diagnostic({"r.yml", 3, 7, "bad"}) == "r.yml:3:7: error: bad");
  CHECK(format_diagnostic({"x.txt", 0, 0, "cannot read"}) == "x.txt: error: cannot read");
}

// Unicode properties from ICU (issue 14): scripts, East Asian width, NFKC of full-width forms.
TEST_CASE("Unicode properties: Han and CJK by script, width, full-width forms folded") {
  using namespace citelint::utf8;
  CHECK(is_han(U'猫'));
  CHECK(is_han(0x3007));   // 〇
  CHECK(is_han(0x20000));  // an ideograph beyond the BMP
  CHECK_FALSE(is_han(U'あ'));
  CHECK(is_cjk(U'あ'));
  CHECK(is_cjk(U'カ'));
  CHECK(is_cjk(U'한'));
  CHECK(is_cjk(0xFF0C));  // ，
  CHECK_FALSE(is_cjk(U'é'));
  CHECK_FALSE(is_cjk(U'A'));
  CHECK(fold_fullwidth(0xFF21) == U'A');
  CHECK(fold_fullwidth(0xFF10) == U'0');
  CHECK(fold_fullwidth(0xFF1A) == U':');
  CHECK(fold_fullwidth(0x3000) == U' ');
  CHECK(fold_fullwidth(0x3002) == U'.');
  CHECK(fold_fullwidth(0x00B2) == 0x00B2);  // ² stays: NFKC's digit, but no full-width form
  CHECK(fold_fullwidth(U'猫') == U'猫');
  CHECK(display_width(U'猫') == 2);
  CHECK(display_width(0xFF21) == 2);
  CHECK(display_width(U'a') == 1);
  CHECK(display_width(U'é') == 1);
}
