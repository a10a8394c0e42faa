// A libFuzzer target for one reader (CITELINT_FUZZ_FORMAT): any bytes, decoded as an input is
// (a DOCX unpacked), read as that format, with extraction. A reader must never crash, hang or read
// out of bounds, whatever it is given; the sanitizers watch it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "citelint/read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  citelint::LoadResult loaded =
      citelint::make_document(0, "fuzz", std::string(reinterpret_cast<const char*>(data), size),
                              citelint::kMaxInputBytes, CITELINT_FUZZ_FORMAT);
  if (!loaded.document) return 0;
  std::vector<citelint::Diagnostic> diagnostics;
  const std::vector<citelint::Reference> refs =
      citelint::read_references(*loaded.document, &diagnostics);
  // Every span the reader made lies in the text.
  for (const citelint::Reference& r : refs)
    if (r.span.end > loaded.document->text().size()) __builtin_trap();
  return 0;
}
