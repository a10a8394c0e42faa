// The readers against the shared corpus of real reference lists (../shared/corpus, not the
// project's: each test is skipped when it is absent). What a reader finds is checked against
// counts taken from the files by a pattern, not by a reader.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>

#include "citelint/read.hpp"
#include "support/cli.hpp"

namespace fs = std::filesystem;

// Every url and urldate field must give one URL and one access date.
TEST_CASE("every .bib of the shared corpus: one URL per url field, one access date per urldate") {
  const fs::path corpus = fs::path(CITELINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    WARN("no shared corpus at " << corpus.string() << ": skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".bib") continue;
    ++files;
    const std::string text = citelint_test::slurp(entry.path());
    static const std::regex url_field(R"(^[ \t]*url[ \t]*=)",
                                      std::regex::icase | std::regex::multiline);
    static const std::regex urldate_field(R"(^[ \t]*urldate[ \t]*=)",
                                          std::regex::icase | std::regex::multiline);
    const auto count = [&](const std::regex& re) {
      return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re),
                                            std::sregex_iterator()));
    };
    auto loaded = citelint::make_document(0, entry.path().string(), text);
    std::vector<citelint::Diagnostic> problems;
    const auto refs = citelint::read_bibtex(*loaded.document, problems);
    INFO(entry.path().filename().string());
    CHECK(problems.empty());
    // URLs the reader took from url fields: the text before each is "url = {" (or a quote).
    static const std::regex before_url(R"(url[ \t]*=[ \t]*[{"]$)", std::regex::icase);
    static const std::regex before_urldate(R"(urldate[ \t]*=[ \t]*[{"]$)", std::regex::icase);
    int urls = 0, accessed = 0;
    for (const auto& ref : refs) {
      for (const auto& u : ref.urls) {
        const std::string head = text.substr(u.span.begin > 40 ? u.span.begin - 40 : 0,
                                             u.span.begin > 40 ? 40 : u.span.begin);
        urls += std::regex_search(head, before_url);
      }
      for (const auto& d : ref.dates) {
        const std::string head = text.substr(d.span.begin > 40 ? d.span.begin - 40 : 0,
                                             d.span.begin > 40 ? 40 : d.span.begin);
        accessed +=
            d.role == citelint::DateRole::accessed && std::regex_search(head, before_urldate);
      }
    }
    CHECK(urls == count(url_field));
    CHECK(accessed == count(urldate_field));
  }
  CHECK(files > 0);
}

// The same for CSL-JSON: one URL per "URL" key, one access date per "accessed" key.
TEST_CASE("every .json of the shared corpus: one URL per URL key, one access date per accessed") {
  const fs::path corpus = fs::path(CITELINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    WARN("no shared corpus at " << corpus.string() << ": skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string text = citelint_test::slurp(entry.path());
    const auto count = [&](const std::regex& re) {
      return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re),
                                            std::sregex_iterator()));
    };
    auto loaded = citelint::make_document(0, entry.path().string(), text);
    std::vector<citelint::Diagnostic> problems;
    const auto refs = citelint::read_csl_json(*loaded.document, problems);
    INFO(entry.path().filename().string());
    CHECK(problems.empty());
    int urls = 0, accessed = 0;
    for (const auto& ref : refs) {
      for (const auto& u : ref.urls) urls += text.compare(u.span.begin - 8, 8, "\"URL\": \"") == 0;
      for (const auto& d : ref.dates) accessed += d.role == citelint::DateRole::accessed;
    }
    CHECK(urls == count(std::regex(R"("URL"\s*:)")));
    CHECK(accessed == count(std::regex(R"("accessed"\s*:)")));
  }
  CHECK(files > 0);
}

// JATS: one reference per <ref>; every date-in-citation access date read (the citations' words
// may give more).
TEST_CASE("every .xml of the shared corpus: one reference per ref, every access-date read") {
  const fs::path corpus = fs::path(CITELINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    WARN("no shared corpus at " << corpus.string() << ": skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    const std::string text = citelint_test::slurp(entry.path());
    const auto count = [&](const std::regex& re) {
      return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re),
                                            std::sregex_iterator()));
    };
    auto loaded = citelint::make_document(0, entry.path().string(), text);
    std::vector<citelint::Diagnostic> problems;
    const auto refs = citelint::read_jats(*loaded.document, problems);
    INFO(entry.path().filename().string());
    CHECK(problems.empty());
    CHECK(static_cast<int>(refs.size()) == count(std::regex(R"(<ref[ >])")));
    int accessed = 0;
    for (const auto& ref : refs)
      for (const auto& d : ref.dates) accessed += d.role == citelint::DateRole::accessed;
    CHECK(accessed >= count(std::regex(R"(content-type="access-date")")));
  }
  CHECK(files > 0);
}

// LaTeX bibliographies (the standard's examples, as a .bbl copied into a .txt): one reference
// per \bibitem outside comments, one URL per \url{http...}.
TEST_CASE("every LaTeX bibliography of the shared corpus: one reference per bibitem") {
  const fs::path corpus = fs::path(CITELINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus)) {
    WARN("no shared corpus at " << corpus.string() << ": skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string text = citelint_test::slurp(entry.path());
    auto loaded = citelint::make_document(0, entry.path().string(), text);
    if (loaded.document->format() != "latex") continue;
    ++files;
    const auto count = [&](const std::regex& re) {
      return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re),
                                            std::sregex_iterator()));
    };
    std::vector<citelint::Diagnostic> problems;
    const auto refs = citelint::read_latex(*loaded.document, problems);
    INFO(entry.path().filename().string());
    CHECK(problems.empty());
    CHECK(static_cast<int>(refs.size()) == count(std::regex(R"((^|\n)[^%\n]*\\bibitem\b)")));
    int urls = 0;
    for (const auto& ref : refs)
      for (const auto& u : ref.urls) urls += text.compare(u.span.begin - 5, 5, "\\url{") == 0;
    CHECK(urls == count(std::regex(R"(\\url\{(https?://|www\.))")));
  }
  CHECK(files > 0);
}
