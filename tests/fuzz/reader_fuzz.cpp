// The readers' libFuzzer target: any bytes, decoded as an input is (a DOCX unpacked), read as
// the format CITELINT_FUZZ_FORMAT names, with extraction. A reader must never crash, hang or
// read out of bounds, whatever it is given; the sanitizers watch it. CITELINT_FUZZ_LIST=1
// prints the formats of the table (src/read/formats.cpp) instead, one a line: ci/fuzz.sh runs
// the target once for each, so a new reader is fuzzed from its row on.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

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
  const auto doc = citelint::make_document(
      0, "fuzz", std::string(reinterpret_cast<const char*>(data), size), diagnostics, format);
  if (!doc) return 0;
  const std::vector<citelint::Reference> refs = citelint::read_references(*doc, diagnostics);
  // Every span the reader made lies in the text.
  for (const citelint::Reference& r : refs)
    if (r.span.end > doc->text().size()) __builtin_trap();
  return 0;
}
