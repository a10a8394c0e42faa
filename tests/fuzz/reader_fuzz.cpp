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
#include "citelint/read.hpp"
#include "pdf_layout.hpp"

namespace {
std::string format;
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (std::getenv("CITELINT_FUZZ_LIST")) {
    for (const citelint::InputFormat& f : citelint::input_formats())
      std::printf("%.*s\n", static_cast<int>(f.name.size()), f.name.data());
    std::exit(0);
  }
  const char* name = std::getenv("CITELINT_FUZZ_FORMAT");
  if (!name || !citelint::find_input_format(name)) {
    std::fprintf(stderr, "set CITELINT_FUZZ_FORMAT to an input format (CITELINT_FUZZ_LIST=1)\n");
    std::exit(2);
  }
  format = name;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The PDF's decoder is poppler, in a module of its own: the layout step is citelint's part.
  if (format == "pdf") return fuzz_pdf_layout(data, size);
  std::vector<citelint::Diagnostic> diagnostics;
  auto doc = citelint::make_document(
      0, "fuzz", std::string(reinterpret_cast<const char*>(data), size), diagnostics, format);
  if (!doc) return 0;
  std::vector<citelint::Reference> refs = citelint::read_references(*doc, diagnostics);
  // Every span the reader made lies in the text.
  for (const citelint::Reference& r : refs)
    if (r.span.end > doc->text().size()) __builtin_trap();
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
