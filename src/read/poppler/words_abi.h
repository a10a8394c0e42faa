/* What citelint asks of its PDF module (citelint-pdf.so, built with poppler): the words of each
   page with their boxes, and the link annotations with theirs. A plain C interface, so that
   the module's C++ runtime and poppler stay its own, and citelint loads poppler (and what
   poppler loads) only for a PDF. */
#ifndef CITELINT_READ_POPPLER_WORDS_ABI_H
#define CITELINT_READ_POPPLER_WORDS_ABI_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CITELINT_PDF_ABI_VERSION 2

struct citelint_pdf_word {
  int page;                  /* 1-based */
  double x0, y0, x1, y1;     /* points, from the page's top left */
  double font_size;          /* 0 when unknown */
  const char* text;          /* UTF-8, not terminated */
  size_t size;
  int space_after;           /* a space follows it on its line */
  int rotation;              /* 0 upright; 1, 2, 3: turned by 90, 180, 270 degrees */
};

/* A link annotation that opens an address (a URI action): the clickable area and its target. */
struct citelint_pdf_link {
  int page;                  /* 1-based */
  double x0, y0, x1, y1;     /* points, from the page's top left */
  const char* uri;           /* not terminated */
  size_t size;
};

/* Called for each word in reading order, and for each link; return nonzero to stop. */
typedef int (*citelint_pdf_word_fn)(void* context, const struct citelint_pdf_word* word);
typedef int (*citelint_pdf_link_fn)(void* context, const struct citelint_pdf_link* link);

/* Reads the PDF in data[0, size): each word to `on_word`, each link to `on_link` (page by
   page, a page's links after its words). Returns the number of pages read, or -1 with a
   message in error[0, error_size) when the PDF cannot be read at all. Pages that cannot be
   read are counted in *bad_pages. */
typedef int (*citelint_pdf_read_fn)(const char* data, size_t size, citelint_pdf_word_fn on_word,
                                    citelint_pdf_link_fn on_link, void* context, int* bad_pages,
                                    char* error, size_t error_size);
int citelint_pdf_read(const char* data, size_t size, citelint_pdf_word_fn on_word,
                      citelint_pdf_link_fn on_link, void* context, int* bad_pages, char* error,
                      size_t error_size);
int citelint_pdf_abi_version(void);

#ifdef __cplusplus
}
#endif

#endif
