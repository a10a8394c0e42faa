// The readers' libFuzzer target: any bytes, decoded as an input is (a DOCX unpacked), read as
// the format CITELINT_FUZZ_FORMAT names, with extraction; then, for a format whose body text
// holds citations (src/cite/formats.cpp), its citations scanned and checked against its list.
// A reader or a scanner must never crash, hang or read out of bounds, whatever it is given; the
// sanitizers watch it. CITELINT_FUZZ_LIST=1
// prints the formats of the table (src/read/formats.cpp) instead, one a line: ci/fuzz.sh runs
// the target once for each, so a new reader is fuzzed from its row on.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "citelint/cite.hpp"
#include "citelint/fix.hpp"
#include "citelint/read.hpp"
#include "net/page.hpp"
#include "net/parked.hpp"
#include "pdf_layout.hpp"

namespace {
std::string format;

// A page a server answered, as the checker reads it: its names, its shown text, whether it is a
// parked domain's. The first byte picks the type it claims (HTML, PDF, none).
int fuzz_page(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  citelint::net::Response r;
  r.http_status = 200;
  const char* types[] = {"text/html; charset=utf-8", "application/pdf", "text/html; charset=gbk"};
  if (data[0] % 4 < 3) r.headers["content-type"] = types[data[0] % 4];
  r.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string names = citelint::net::page_title(r);
  if (names.size() > 4 * 1024) __builtin_trap();  // three names of at most 300 bytes, and more
  citelint::net::visible_text(r.body, 2500);
  citelint::net::parked_reason(r, names, "http://a.test/x/y.html", "http://b.test/",
                               {{"http://b.test/", 301}});
  citelint::net::parked_reason(r, names, "http://a.test/x/y.html", "http://a.test/x/y.html", {});
  return 0;
}
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (std::getenv("CITELINT_FUZZ_LIST")) {
    for (const citelint::InputFormat& f : citelint::input_formats())
      std::printf("%.*s\n", static_cast<int>(f.name.size()), f.name.data());
    std::printf("page\n");  // what the link checker reads of a page that answered
    std::exit(0);
  }
  const char* name = std::getenv("CITELINT_FUZZ_FORMAT");
  if (!name || (!citelint::find_input_format(name) && std::string(name) != "page")) {
    std::fprintf(stderr, "set CITELINT_FUZZ_FORMAT to an input format (CITELINT_FUZZ_LIST=1)\n");
    std::exit(2);
  }
  format = name;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The PDF's decoder is poppler, in a module of its own: the layout step is citelint's part.
  if (format == "pdf") return fuzz_pdf_layout(data, size);
  if (format == "page") return fuzz_page(data, size);
  std::vector<citelint::Diagnostic> diagnostics;
  auto doc = citelint::make_document(
      0, "fuzz", std::string(reinterpret_cast<const char*>(data), size), diagnostics, format);
  if (!doc) return 0;
  std::vector<citelint::Reference> refs = citelint::read_references(*doc, diagnostics);
  // Every span the reader made lies in the text.
  for (const citelint::Reference& r : refs)
    if (r.span.end > doc->text().size()) __builtin_trap();
  // citelint fix's edits of an archived copy, in this format's syntax, lie in the text too.
  if (const citelint::FixFormat* fix = citelint::find_fix_format(doc->format());
      fix && fix->add_archive)
    for (const citelint::Reference& r : refs)
      for (const citelint::Url& u : r.urls) {
        if (u.span.end > r.span.end || u.span.begin < r.span.begin) continue;
        std::string why;
        const auto edit =
            fix->add_archive({*doc, r, u, {"http://archive.test/web/2021/x", "2021-03-01"}}, why);
        if (edit && (edit->begin > edit->end || edit->end > doc->text().size())) __builtin_trap();
        if (edit) citelint::apply_edits(doc->text(), {*edit});
      }
  if (!citelint::find_cite_format(doc->format())) return 0;
  const std::size_t size_of_text = doc->text().size();
  citelint::Corpus corpus;
  corpus.references = std::move(refs);
  corpus.documents.push_back(std::move(doc));
  const citelint::CitationReport report = citelint::check_citations(
      corpus, {citelint::Paper{{0}, {0}, true}}, citelint::CiteOrder::first_cited, diagnostics);
  for (const citelint::Citation& c : report.citations)
    if (c.span.end > size_of_text || c.span.begin > c.span.end) __builtin_trap();
  return 0;
}
