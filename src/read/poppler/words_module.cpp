// citelint's PDF module: poppler's words with their boxes (poppler-cpp) and the link
// annotations with theirs (poppler-glib, whose interface has them), through the C interface of
// words_abi.h. Built as citelint-pdf.so next to the citelint binary.
#include <glib.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "model/utf8.hpp"
#include "read/poppler/words_abi.h"

namespace {

void quiet(const std::string&, void*) {}  // poppler's complaints about damaged files

void set_error(char* error, std::size_t size, const std::string& message) {
  if (size == 0) return;
  std::snprintf(error, size, "%s", message.c_str());
}

// UTF-16 (poppler's ustring) to UTF-8, into `out`: ustring::to_utf8 opens an iconv converter
// for each word, a tenth of a long PDF's time.
void to_utf8(const poppler::ustring& s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0xD800 && c < 0xDC00 && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] < 0xE000)
      c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
    else if (c >= 0xD800 && c < 0xE000)
      c = 0xFFFD;  // a lone surrogate
    citelint::utf8::append(out, c);
  }
}

// The glib interface's document over the same bytes, for the links; null when it cannot read
// them (the words are still read).
struct GlibDocument {
  GBytes* bytes = nullptr;
  PopplerDocument* doc = nullptr;
  GlibDocument(const char* data, std::size_t size) {
    bytes = g_bytes_new_static(data, size);
    doc = poppler_document_new_from_bytes(bytes, nullptr, nullptr);
  }
  ~GlibDocument() {
    if (doc) g_object_unref(doc);
    g_bytes_unref(bytes);
  }
  GlibDocument(const GlibDocument&) = delete;
  GlibDocument& operator=(const GlibDocument&) = delete;
};

// Page p's links that open an address, to `on_link`; nonzero when it asked to stop.
int links_of_page(PopplerDocument* doc, int p, citelint_pdf_link_fn on_link, void* context) {
  PopplerPage* page = poppler_document_get_page(doc, p);
  if (!page) return 0;
  double width = 0, height = 0;
  poppler_page_get_size(page, &width, &height);
  GList* mapping = poppler_page_get_link_mapping(page);
  int stop = 0;
  for (GList* l = mapping; l && !stop; l = l->next) {
    const auto* m = static_cast<const PopplerLinkMapping*>(l->data);
    if (!m->action || m->action->type != POPPLER_ACTION_URI || !m->action->uri.uri) continue;
    citelint_pdf_link link{};
    link.page = p + 1;
    link.x0 = m->area.x1;
    link.x1 = m->area.x2;
    link.y0 = height - m->area.y2;  // the area's origin is the page's bottom left
    link.y1 = height - m->area.y1;
    link.uri = m->action->uri.uri;
    link.size = std::strlen(m->action->uri.uri);
    stop = on_link(context, &link);
  }
  poppler_page_free_link_mapping(mapping);
  g_object_unref(page);
  return stop;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int citelint_pdf_abi_version(void) {
  return CITELINT_PDF_ABI_VERSION;
}

extern "C" __attribute__((visibility("default"))) int citelint_pdf_read(
    const char* data, size_t size, citelint_pdf_word_fn on_word, citelint_pdf_link_fn on_link,
    void* context, int* bad_pages, char* error, size_t error_size) {
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
  const GlibDocument links(data, size);
  const int pages = doc->pages();
  std::string utf8;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    if (!page) {
      ++*bad_pages;
      continue;
    }
    for (const poppler::text_box& box : page->text_list(poppler::page::text_list_include_font)) {
      to_utf8(box.text(), utf8);
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
    if (links.doc && on_link && links_of_page(links.doc, p, on_link, context) != 0) return p + 1;
  }
  return pages;
}
