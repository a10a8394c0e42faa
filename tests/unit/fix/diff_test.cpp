// citelint fix's edits: made in order, and shown as diff -u shows them.
#include <catch2/catch.hpp>

#include "citelint/fix.hpp"

using citelint::Edit;

TEST_CASE("edits are made in place, insertions included, the rest byte for byte") {
  const std::string text = "abc\r\ndef\r\n";
  const std::vector<Edit> edits = {{0, 1, 2, "BB", "", "", nullptr},
                                   {0, 5, 5, "new\r\n", "", "", nullptr}};
  CHECK(citelint::apply_edits(text, edits) == "aBBc\r\nnew\r\ndef\r\n");
  CHECK(citelint::apply_edits(text, {}) == text);
}

TEST_CASE("the diff of edits is diff -u's: hunks with three lines of context") {
  const std::string text = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14";
  const std::size_t l2 = text.find("l2"), l14 = text.find("l14");
  const std::vector<Edit> edits = {{0, l2, l2 + 1, "L", "", "", nullptr},
                                   {0, l14 + 3, l14 + 3, "!", "", "", nullptr}};
  CHECK(citelint::unified_diff("x", text, edits) ==
        "--- a/x\n+++ b/x\n"
        "@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n"
        "@@ -11,4 +11,4 @@\n l11\n l12\n l13\n-l14\n\\ No newline at end of file\n"
        "+l14!\n\\ No newline at end of file\n");
  // Lines added shift the next hunk's new line numbers.
  const std::vector<Edit> more = {{0, l2, l2, "new\n", "", "", nullptr},
                                  {0, l14, l14, "x\n", "", "", nullptr}};
  const std::string diff = citelint::unified_diff("x", text, more);
  CHECK_THAT(diff, Catch::Contains("@@ -1,4 +1,5 @@") && Catch::Contains("@@ -11,4 +12,5 @@"));
}
