// citelint's PDF module: poppler's words with their boxes, through the C interface of
// words_abi.h. Built as citelint-pdf.so next to the citelint binary.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "read/poppler/words_abi.h"

namespace {

void quiet(const std::string&, void*) {}  // poppler's complaints about damaged files

void set_error(char* error, std::size_t size, const std::string& message) {
  if (size == 0) return;
  std::snprintf(error, size, "%s", message.c_str());
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int citelint_pdf_abi_version(void) {
  return CITELINT_PDF_ABI_VERSION;
}

extern "C" __attribute__((visibility("default"))) int citelint_pdf_words(
    const char* data, size_t size, citelint_pdf_word_fn on_word, void* context, int* bad_pages,
    char* error, size_t error_size) {
  poppler::set_debug_error_function(quiet, nullptr);
  *bad_pages = 0;
  if (size > 0x7FFFFFFF) {
    set_error(error, error_size, "larger than 2 GiB");
    return -1;
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) {
    set_error(error, error_size, "poppler cannot open it (not a PDF, or damaged beyond repair)");
    return -1;
  }
  if (doc->is_locked()) {
    set_error(error, error_size, "encrypted with a password: its text cannot be read");
    return -1;
  }
  const int pages = doc->pages();
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) {
      ++*bad_pages;
      continue;
    }
    for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
      const poppler::byte_array utf8 = box.text().to_utf8();
      const poppler::rectf r = box.bbox();
      citelint_pdf_word w{};
      w.page = p + 1;
      w.x0 = r.left();
      w.y0 = r.top();
      w.x1 = r.right();
      w.y1 = r.bottom();
      w.font_size = box.get_font_size();
      w.text = utf8.data();
      w.size = utf8.size();
      w.space_after = box.has_space_after() ? 1 : 0;
      w.rotation = box.rotation();
      if (on_word(context, &w) != 0) return p + 1;
    }
  }
  return pages;
}
