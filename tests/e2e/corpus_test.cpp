// The readers against the shared corpus of real reference lists (../shared/corpus, not the
// project's: each test is skipped when it is absent). What a reader finds is checked against
// counts taken from the files by a pattern, not by a reader.
#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "support/cli.hpp"
#include "support/readers.hpp"

namespace fs = std::filesystem;
using citelint::test::count_matches;

namespace {

// Calls `check` with each corpus file that reads as `format`, its text and what the reader
// found; fails when there is none. Does nothing without the corpus.
void each_corpus_file(const std::string& format,
                      const std::function<void(const std::string& text,
                                               const std::vector<citelint::Reference>&)>& check) {
  const fs::path corpus = citelint::test::shared_corpus();
  if (corpus.empty()) {
    WARN("no shared corpus beside the project: skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    const std::string text = citelint_test::slurp(entry.path());
    std::vector<citelint::Diagnostic> problems;
    const auto doc = citelint::make_document(0, entry.path().string(), text, problems);
    if (doc->format() != format) continue;
    ++files;
    const auto refs = citelint::read_references(*doc, problems);
    INFO(entry.path().filename().string());
    CHECK(problems.empty());
    check(text, refs);
  }
  CHECK(files > 0);
}

// How many of the items `which` picks from the references.
template <class Pick>
int items(const std::vector<citelint::Reference>& refs, Pick which) {
  int n = 0;
  for (const auto& ref : refs) n += which(ref);
  return n;
}

// Whether the text just before `at` matches `pattern` (the field or key a reader read it from).
bool preceded_by(const std::string& text, std::size_t at, const std::string& pattern) {
  const std::size_t from = at > 40 ? at - 40 : 0;
  return count_matches(text.substr(from, at - from), pattern + "$") > 0;
}

}  // namespace

TEST_CASE("every .bib of the shared corpus: one URL per url field, one access date per urldate") {
  each_corpus_file("bibtex", [](const std::string& text, const auto& refs) {
    CHECK(items(refs, [&](const citelint::Reference& r) {
            int n = 0;
            for (const auto& u : r.urls)
              n += preceded_by(text, u.span.begin, R"(url[ \t]*=[ \t]*[{"])");
            return n;
          }) == count_matches(text, R"(^[ \t]*url[ \t]*=)"));
    CHECK(items(refs, [&](const citelint::Reference& r) {
            int n = 0;
            for (const auto& d : r.dates)
              n += d.role == citelint::DateRole::accessed &&
                   preceded_by(text, d.span.begin, R"(urldate[ \t]*=[ \t]*[{"])");
            return n;
          }) == count_matches(text, R"(^[ \t]*urldate[ \t]*=)"));
  });
}

TEST_CASE("every .json of the shared corpus: one URL per URL key, one access date per accessed") {
  each_corpus_file("csl-json", [](const std::string& text, const auto& refs) {
    CHECK(items(refs, [&](const citelint::Reference& r) {
            int n = 0;
            for (const auto& u : r.urls) n += preceded_by(text, u.span.begin, R"("URL": ")");
            return n;
          }) == count_matches(text, R"("URL"\s*:)"));
    CHECK(items(refs, [](const citelint::Reference& r) {
            return static_cast<int>(std::count_if(
                r.dates.begin(), r.dates.end(),
                [](const auto& d) { return d.role == citelint::DateRole::accessed; }));
          }) == count_matches(text, R"("accessed"\s*:)"));
  });
}

TEST_CASE("every .xml of the shared corpus: one reference per ref, every access-date read") {
  each_corpus_file("jats", [](const std::string& text, const auto& refs) {
    CHECK(static_cast<int>(refs.size()) == count_matches(text, R"(<ref[ >])"));
    // Every date-in-citation access date; the citations' words may give more.
    CHECK(items(refs, [](const citelint::Reference& r) {
            return static_cast<int>(std::count_if(
                r.dates.begin(), r.dates.end(),
                [](const auto& d) { return d.role == citelint::DateRole::accessed; }));
          }) >= count_matches(text, R"(content-type="access-date")"));
  });
}

TEST_CASE("every LaTeX bibliography of the shared corpus: one reference per bibitem") {
  each_corpus_file("latex", [](const std::string& text, const auto& refs) {
    CHECK(static_cast<int>(refs.size()) == count_matches(text, R"(^[^%\n]*\\bibitem\b)"));
    CHECK(items(refs, [&](const citelint::Reference& r) {
            int n = 0;
            for (const auto& u : r.urls) n += preceded_by(text, u.span.begin, R"(\\url\{)");
            return n;
          }) == count_matches(text, R"(\\url\{(https?://|www\.))"));
  });
}

TEST_CASE("every DOI the shared corpus writes as a resolver link is read as a DOI, in any format") {
  const fs::path corpus = citelint::test::shared_corpus();
  if (corpus.empty()) {
    WARN("no shared corpus beside the project: skipped");
    return;
  }
  int links = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().filename() == "README.md") continue;
    std::vector<citelint::Diagnostic> problems;
    const auto doc = citelint::make_document(0, entry.path().string(),
                                             citelint_test::slurp(entry.path()), problems);
    if (!doc) continue;
    const auto refs = citelint::read_references(*doc, problems);
    INFO(entry.path().filename().string());
    int dois = 0;
    for (const citelint::Reference& r : refs) {
      dois += static_cast<int>(r.dois.size());
      for (const citelint::Url& u : r.urls) {
        const std::string doi = citelint::doi_of_link(u.normalised);
        if (u.composed || doi.empty()) continue;
        ++links;
        INFO(r.id << ": " << u.normalised);
        // The same DOI, case aside, or with a stray full stop after it (a pub-id's "10.1590/x.").
        auto bare = [](std::string v) {
          while (!v.empty() && v.back() == '.') v.pop_back();
          return citelint::utf8::ascii_lower(v);
        };
        CHECK(std::any_of(r.dois.begin(), r.dois.end(),
                          [&](const citelint::Doi& d) { return bare(d.value) == bare(doi); }));
      }
    }
    // By hand: PLOS writes 56 DOIs as doi:<ext-link>10...</ext-link>, 55 linked to dx.doi.org
    // and one through a short link (tinyurl).
    if (entry.path().filename() == "PLOS_pone.0078761.xml") CHECK(dois == 56);
  }
  CHECK(links > 0);
}

// Every file of the shared corpus, against what it holds counted by hand
// (tests/corpus/hand-counts.json, the oracle ci/corpus-counts.py measures the reading goals
// with): entries, URLs, access dates and DOIs, exactly; where citelint reads less than the file
// holds, the file's "read" counts say how much and "why" says why. A PDF's links to addresses
// its entries' words do not show are its "links".
TEST_CASE("every file of the shared corpus reads as counted by hand") {
  const fs::path corpus = citelint::test::shared_corpus();
  if (corpus.empty()) {
    WARN("no shared corpus beside the project: skipped");
    return;
  }
  const auto hand = nlohmann::json::parse(citelint_test::slurp(
      fs::path(CITELINT_SOURCE_DIR) / "tests" / "corpus" / "hand-counts.json"))["files"];
  int files = 0;
  for (const auto& [name, held] : hand.items()) {
    const fs::path path = corpus / name;
    INFO(name);
    if (!fs::exists(path)) {
      WARN(name << " is not in the shared corpus: skipped");
      continue;
    }
    ++files;
    std::vector<citelint::Diagnostic> problems;
    const auto doc =
        citelint::make_document(0, path.string(), citelint_test::slurp(path), problems);
    REQUIRE(doc);
    const auto refs = citelint::read_references(*doc, problems);
    std::map<std::string, int> got = {{"entries", static_cast<int>(refs.size())}};
    for (const citelint::Reference& r : refs) {
      for (const citelint::Url& u : r.urls) ++got[u.linked ? "links" : "urls"];
      got["dois"] += static_cast<int>(r.dois.size());
      for (const citelint::Date& d : r.dates)
        got["accessed"] += d.role == citelint::DateRole::accessed;
    }
    CHECK(got["links"] == held.value("links", 0));
    for (const char* kind : {"entries", "urls", "accessed", "dois"}) {
      INFO(kind);
      const int want = held.contains("read") && held["read"].contains(kind)
                           ? held["read"][kind].get<int>()
                           : held[kind].get<int>();
      CHECK(got[kind] == want);
    }
  }
  CHECK(files > 0);
}

// The URLs and DOIs of the corpus PDFs are whole: none cut where a line wrapped (a DOI ends
// with a character of its own, not a separator it broke at; a URL's host has its whole
// top-level domain), none run into the next word or entry (no space, no "arXiv:" after a DOI).
TEST_CASE("every URL and DOI of the shared corpus PDFs is whole") {
  const fs::path corpus = citelint::test::shared_corpus();
  if (corpus.empty() || !fs::exists(corpus / "pdf")) {
    WARN("no shared corpus PDFs beside the project: skipped");
    return;
  }
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus / "pdf")) {
    if (entry.path().extension() != ".pdf") continue;
    ++files;
    INFO(entry.path().filename().string());
    std::vector<citelint::Diagnostic> problems;
    const auto doc = citelint::make_document(0, entry.path().string(),
                                             citelint_test::slurp(entry.path()), problems);
    REQUIRE(doc);
    for (const citelint::Reference& r : citelint::read_references(*doc, problems)) {
      for (const citelint::Doi& d : r.dois) {
        const std::string doi(d.value);
        INFO(doi);
        CHECK(count_matches(doi, R"(^10\.\d{4,9}/\S*[^./\-_,;:]$)") == 1);
        CHECK(doi.find("arXiv") == std::string::npos);
      }
      for (const citelint::Url& u : r.urls) {
        const std::string url(u.normalised);
        INFO(url);
        CHECK(count_matches(url, R"(^(https?|ftp)://[^/\s]+\.[A-Za-z]{2,}(/\S*)?$)") == 1);
        CHECK(count_matches(url, R"(^https?://(dx\.)?doi\.org/10\.\d{4,9}/$)") == 0);
      }
    }
  }
  CHECK(files > 0);
}
