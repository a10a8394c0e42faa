// End to end: citelint baseline, and check --baseline through edits that move lines.
#include <catch2/catch.hpp>

#include "support/cli.hpp"

using citelint_test::Run;
using citelint_test::run_citelint;
using citelint_test::scratch_file;

TEST_CASE("a baseline survives moved lines, and lets only new findings fail") {
  const std::string list =
      "1 Ministry. Report[EB/OL]. (2018-05-30)[2019-03-12]. http://www. moe.gov.cn/a.html.\n"
      "2 Office. Data[EB/OL]. (2018-10-31)[2019-02-30]. https://data.example.org/x.\n";
  const auto before = scratch_file("baseline/refs.txt", list);
  const auto baseline = scratch_file("baseline/base.json", "");
  const Run taken = run_citelint("baseline --offline --as-of 2024-01-01 -o " + baseline.string() +
                                 " " + before.string());
  CHECK(taken.exit == 0);
  CHECK(taken.err.find("2 findings written to the baseline") != std::string::npos);

  // The same list two lines further down, reflowed: nothing new.
  const auto moved =
      scratch_file("baseline/moved.txt", "References\n\n" + list.substr(0, list.find(" http")) +
                                             "\n" + list.substr(list.find(" http") + 1));
  const Run same = run_citelint("check --offline --as-of 2024-01-01 --baseline " +
                                baseline.string() + " " + moved.string());
  INFO(same.out);
  CHECK(same.exit == 0);
  CHECK(same.out.find("0 findings") != std::string::npos);
  CHECK(same.err.find("2 findings left out: in the baseline") != std::string::npos);

  // A new defect fails; the old ones stay out.
  const auto grown = scratch_file(
      "baseline/grown.txt",
      list + "3 New. Entry[EB/OL]. (2018-10-31)[2019-02-31]. https://new.example.org/x.\n");
  const Run more = run_citelint("check --offline --as-of 2024-01-01 --baseline " +
                                baseline.string() + " " + grown.string());
  CHECK(more.exit == 1);
  CHECK(more.out.find("grown.txt:3:") != std::string::npos);
  CHECK(more.out.find("1 finding: 1 error") != std::string::npos);

  // A reference whose text changed is a new reference: its finding is reported again.
  const auto edited = scratch_file("baseline/edited.txt",
                                   "1 Ministry. Annual report[EB/OL]. (2018-05-30)[2019-03-12]. "
                                   "http://www. moe.gov.cn/a.html.\n" +
                                       list.substr(list.find('\n') + 1));
  const Run changed = run_citelint("check --offline --as-of 2024-01-01 --baseline " +
                                   baseline.string() + " " + edited.string());
  CHECK(changed.out.find("error[core/UrlWhitespace]") != std::string::npos);
  CHECK(changed.out.find("DateImpossible") == std::string::npos);

  const auto broken = scratch_file("baseline/broken.json",
                                   "{\"schema\": \"citelint-baseline/1\",\n  \"findings\": [}\n");
  const Run bad =
      run_citelint("check --offline --baseline " + broken.string() + " " + before.string());
  CHECK(bad.exit == 2);
  CHECK(bad.err.find(broken.string() + ":2:16: error: the baseline is not valid JSON") !=
        std::string::npos);
}
