#include "citelint/report.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"
#include "support/corpus.hpp"

using namespace citelint;

TEST_CASE("the JSON report follows citelint-report/1") {
  const Corpus corpus = test::corpus_from(
      "1 A \"quoted\"\\ title. (2019- 2-07)[2019-03-12]. http://www. a.org/x. doi:10.1000/abc.\n",
      "dir/refs.txt");
  const auto findings = lint(test::core_rules(), corpus, {2024, 1, 1});
  const auto j = nlohmann::json::parse(render_json({corpus, findings, "2024-01-01"}));
  CHECK(j["schema"] == "citelint-report/1");
  CHECK(j["tool"]["name"] == "citelint");
  CHECK(j["as_of"] == "2024-01-01");
  CHECK(j["inputs"][0] ==
        nlohmann::json{{"path", "dir/refs.txt"}, {"format", "text"}, {"positions", "line"}, {"references", 1}});
  const auto& ref = j["references"][0];
  CHECK(ref["id"] == "1");
  CHECK(ref["input"] == "dir/refs.txt");
  CHECK(ref["line"] == 1);
  CHECK(ref["end_line"] == 1);
  const auto& url = ref["urls"][0];
  CHECK(url["url"] == "http://www.a.org/x");
  CHECK(url["as_written"] == "http://www. a.org/x");
  CHECK(url["column"] == 48);
  CHECK(url["link"]["status"] == "unchecked");
  for (const char* k :
       {"http_status", "final_url", "attempts", "elapsed_ms", "from_cache", "error", "archive"})
    CHECK(url["link"].contains(k));
  CHECK(ref["dates"][0] == nlohmann::json{{"role", "published"},
                                          {"value", "2019-02-07"},
                                          {"as_written", "2019- 2-07"},
                                          {"line", 1},
                                          {"column", 23},
                                          {"valid", true}});
  CHECK(ref["dois"][0]["doi"] == "10.1000/abc");
  REQUIRE(j["findings"].size() >= 2);
  for (const auto& f : j["findings"]) {
    for (const char* k : {"rule", "category", "severity", "message", "input", "line", "column",
                          "end_line", "end_column", "reference", "fix"})
      CHECK(f.contains(k));
  }
  const auto& s = j["summary"];
  CHECK(s["references"] == 1);
  CHECK(s["urls"] == 1);
  CHECK(s["unique_urls"] == 1);
  CHECK(s["links"]["unchecked"] == 1);
  CHECK(s["findings"]["error"].get<int>() + s["findings"]["warning"].get<int>() +
            s["findings"]["info"].get<int>() ==
        static_cast<int>(j["findings"].size()));
}

TEST_CASE("the text report reads like a compiler's") {
  const Corpus corpus =
      test::corpus_from("1 国家. 标题. (2019-2-07)[2019-03-12]. http://a.org/x.\n", "r.txt");
  const auto findings = lint(test::core_rules(), corpus, {2024, 1, 1});
  const std::string text = render_text({corpus, findings, "2024-01-01"}, {});
  CHECK(text.find("r.txt:1:12: warning[core/DatePadding]: month and day take two digits: write "
                  "2019-02-07, not 2019-2-07\n") != std::string::npos);
  // The caret sits under the date: the Chinese characters before it are two columns wide.
  CHECK(text.find(" 1 | 1 国家. 标题. (2019-2-07)[2019-03-12]. http://a.org/x.\n"
                  "   |                ^~~~~~~~~\n"
                  "   = fix: 2019-02-07\n") != std::string::npos);
  CHECK(
      text.ends_with("1 reference, 1 URL (1 unique), 1 finding: 0 errors, 1 warning, 0 info (as of "
                     "2024-01-01)\n"));
  CHECK(text.find("\x1b[") == std::string::npos);
  CHECK(render_text({corpus, findings, "2024-01-01"}, {true}).find("\x1b[") != std::string::npos);
}

TEST_CASE("long lines are shown as a window around the finding") {
  std::string long_entry =
      "1 " + std::string(300, 'x') + " (2019-2-07)[2019-03-12] " + std::string(200, 'y') + ".\n";
  const Corpus corpus = test::corpus_from(long_entry, "r.txt");
  const auto findings = lint(test::core_rules(), corpus, {2024, 1, 1});
  const std::string text = render_text({corpus, findings, "2024-01-01"}, {});
  const std::size_t excerpt = text.find(" 1 | ...");
  REQUIRE(excerpt != std::string::npos);
  const std::string line = text.substr(excerpt, text.find('\n', excerpt) - excerpt);
  CHECK(line.size() < 120);
  CHECK(line.find("(2019-2-07)") != std::string::npos);
}

TEST_CASE("the JSON writer escapes what JSON needs wherever it falls in a string") {
  // Strings longer than the writer's sixteen-byte blocks, with the characters JSON escapes at
  // every position: nlohmann/json must read back exactly what was written.
  const std::vector<std::string> specials = {"\"", "\\", "\n", "\t", "\x01", "\x1F", "中"};
  for (std::size_t length : {1u, 15u, 16u, 17u, 33u, 70u}) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const std::string& special : specials) {
        std::string s(length, 'a');
        if (at + 1 < length) s[length - 1] = '"';
        s.replace(at, 1, special);
        json::Writer w;
        w.begin_array().value(s).value(std::string_view("after")).end_array();
        const auto back = nlohmann::json::parse(w.view());
        REQUIRE(back[0].get<std::string>() == s);
        REQUIRE(back[1].get<std::string>() == "after");
      }
    }
  }
}
