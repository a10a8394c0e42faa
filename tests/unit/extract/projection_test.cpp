// The plain-text projection of markup: what a reader sees, each byte placed in the source.
#include "extract/projection.hpp"

#include <catch2/catch.hpp>

using namespace citelint;

TEST_CASE("a projection decodes entities, collapses white space and keeps source places") {
  //                       0         1         2         3
  //                       0123456789012345678901234567890123456789
  const std::string src = "<p>Retrieved <span>27&#160;January</span>\n   2017 &amp; more</p>";
  Projection p;
  p.append_text("Retrieved ", "Retrieved ", 3);
  p.append_text("27\xC2\xA0January", "27&#160;January", 19);
  p.append_text("\n   2017 & more", "\n   2017 &amp; more", 41);
  CHECK(p.text() == "Retrieved 27 January 2017 & more");
  // "January": bytes 13..19 of the text, source 27..34.
  CHECK(p.source_begin(13) == 27);
  CHECK(p.source_end(20) == 34);
  // The no-break space stands for its whole entity; the collapsed run for all of its blanks.
  CHECK(p.source_begin(12) == 21);
  CHECK(p.source_end(13) == 27);
  CHECK(p.source_begin(20) == 41);
  CHECK(p.source_end(21) == 45);
  // "&" is the five bytes of "&amp;".
  const std::size_t amp = p.text().find('&');
  CHECK(p.source_begin(amp) == src.find("&amp;"));
  CHECK(p.source_end(amp + 1) == src.find("&amp;") + 5);
}

TEST_CASE("extraction on a projection places dates and URLs in the source") {
  const std::string src =
      "<li><a href=\"http://a.example/x?p=1&amp;q=2\">Title</a>. Site. "
      "Retrieved <span class=\"nowrap\">27 January</span> 2017.</li>";
  Document doc(0, "p.html", src, "html");
  Projection p;
  const std::size_t a_text = src.find("Title");
  p.append_text("Title", "Title", a_text);
  const std::size_t href = src.find("http://");
  p.add_link({0, p.size(), "http://a.example/x?p=1&q=2", href, src.find("\">Title")});
  const std::size_t rest = src.find(". Site");
  p.append_text(". Site. Retrieved ", ". Site. Retrieved ", rest);
  const std::size_t day = src.find("27 January");
  p.append_text("27 January", "27 January", day);
  const std::size_t year = src.find(" 2017");
  p.append_text(" 2017.", " 2017.", year);
  Reference ref;
  ref.span = doc.span(0, src.size());
  extract_projected(doc, ref, p);
  REQUIRE(ref.urls.size() == 1);
  CHECK(ref.urls[0].normalised == "http://a.example/x?p=1&q=2");
  CHECK(ref.urls[0].composed);  // &amp; in the source: not the URL as written
  CHECK(ref.urls[0].span.begin == href);
  REQUIRE(ref.dates.size() == 1);
  CHECK(ref.dates[0].role == DateRole::accessed);
  CHECK(ref.dates[0].value() == "2017-01-27");
  CHECK(ref.dates[0].span.begin == day);
  CHECK(ref.dates[0].as_written == "27 January</span> 2017");
}
