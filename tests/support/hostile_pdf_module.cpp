// A PDF module that misbehaves as a PDF crafted against poppler can make poppler misbehave:
// the tests load it with CITELINT_PDF_MODULE. A file holding CRASH crashes it, HANG never
// returns, HOG allocates without end; any other file is one page with one word.
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "read/poppler/words_abi.h"

extern "C" {

__attribute__((visibility("default"))) int citelint_pdf_abi_version(void) {
  return CITELINT_PDF_ABI_VERSION;
}

__attribute__((visibility("default"))) int citelint_pdf_read(const char* data, size_t size,
                                                             citelint_pdf_word_fn on_word,
                                                             citelint_pdf_link_fn, void* context,
                                                             int*, char*, size_t) {
  const std::string_view bytes(data, size);
  if (bytes.find("CRASH") != std::string_view::npos) std::raise(SIGSEGV);
  if (bytes.find("HANG") != std::string_view::npos)
    for (;;) pause();
  if (bytes.find("HOG") != std::string_view::npos) {
    // More than any limit allows, at once (a slow climb would cost the test machine its memory).
    char* p = static_cast<char*>(std::malloc(std::size_t{1} << 40));
    if (!p) std::abort();  // as poppler ends on an allocation it cannot make
    std::memset(p, 1, 4096);
  }
  const char* text = "References";
  citelint_pdf_word w{1, 72, 72, 150, 84, 12, text, std::strlen(text), 0, 0};
  on_word(context, &w);
  return 1;
}
}
