// PDF: poppler reads the words and link annotations of each page (in citelint's PDF module,
// loaded only for a PDF), pdf_layout.cpp makes the reference section's text of them, and the
// text reader reads that; the links over an entry's words are its document's links (an address
// the words do not show, or show cut). Spans say page and line.
#include <dlfcn.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <set>
#include <string>

#include "citelint/read.hpp"
#include "read/pdf_layout.hpp"
#include "read/pdf_process.hpp"
#include "read/poppler/words_abi.h"

namespace citelint {

namespace {

std::string executable_dir() {
  char buf[4096];
  const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  const std::string exe(buf, static_cast<std::size_t>(n));
  const std::size_t slash = exe.rfind('/');
  return slash == std::string::npos ? "." : exe.substr(0, slash);
}

struct Module {
  citelint_pdf_read_fn read = nullptr;
  std::string tried;  // where it was looked for, when it was not found
};

// citelint-pdf.so: $CITELINT_PDF_MODULE, next to the binary, in ../lib/citelint, or where the
// build put it.
const Module& pdf_module() {
  static const Module module = [] {
    Module m;
    std::vector<std::string> paths;
    if (const char* env = std::getenv("CITELINT_PDF_MODULE"); env && *env) paths.emplace_back(env);
    const std::string dir = executable_dir();
    paths.push_back(dir + "/citelint-pdf.so");
    paths.push_back(dir + "/../lib/citelint/citelint-pdf.so");
#ifdef CITELINT_MODULE_DIR
    paths.push_back(std::string(CITELINT_MODULE_DIR) + "/citelint-pdf.so");
#endif
    for (const std::string& path : paths) {
      void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        m.tried += (m.tried.empty() ? "" : ", ") + path;
        continue;
      }
      auto version = reinterpret_cast<int (*)()>(dlsym(handle, "citelint_pdf_abi_version"));
      auto read = reinterpret_cast<citelint_pdf_read_fn>(dlsym(handle, "citelint_pdf_read"));
      if (version && read && version() == CITELINT_PDF_ABI_VERSION) {
        m.read = read;
        return m;
      }
      m.tried += (m.tried.empty() ? "" : ", ") + path + " (another version)";
      dlclose(handle);
    }
    return m;
  }();
  return module;
}

constexpr int kMaxPagesWithoutHeading = 4;

// A PDF cut short has lost its trailer, which names the catalog: poppler rebuilds the object
// table by scanning, but needs the catalog named. A trailer that names it, when the catalog
// object is there, is appended; otherwise nothing.
std::string with_trailer(const std::string& bytes) {
  std::size_t at = bytes.rfind("/Type /Catalog");
  if (at == std::string::npos) at = bytes.rfind("/Type/Catalog");
  if (at == std::string::npos) return {};
  const std::size_t obj = bytes.rfind(" obj", at);
  if (obj == std::string::npos) return {};
  // "12 0 obj": the object's number and generation, just before.
  std::size_t b = obj;
  int spaces = 0;
  while (b > 0 && (std::isdigit(static_cast<unsigned char>(bytes[b - 1])) || bytes[b - 1] == ' ')) {
    if (bytes[b - 1] == ' ' && ++spaces > 1) break;
    --b;
  }
  const std::string id = bytes.substr(b, obj - b);  // "12 0"
  if (id.empty() || !std::isdigit(static_cast<unsigned char>(id[0]))) return {};
  return bytes + "\ntrailer\n<< /Root " + id + " R >>\n%%EOF\n";
}

// The document of a PDF's text: the body first, then the section its reader reads
// (Document::set_list_lines), each line at its place on its page.
std::unique_ptr<Document> laid_out(std::size_t id, std::string path, pdf::Text text) {
  const std::size_t shift = text.body.size();
  const int body_lines = static_cast<int>(text.body_starts.size());
  std::vector<std::uint32_t> starts = std::move(text.body_starts);
  for (std::uint32_t s : text.line_starts) starts.push_back(static_cast<std::uint32_t>(s + shift));
  std::vector<Document::Place> places = std::move(text.body_places);
  places.insert(places.end(), text.places.begin(), text.places.end());
  auto document = std::make_unique<Document>(id, std::move(path), text.body + text.text, "pdf");
  document->set_layout(std::move(starts), std::move(places), "line");
  document->set_list_lines(body_lines + 1, 0);
  for (const pdf::Text::Link& link : text.links)
    document->add_link(link.begin + shift, link.end + shift, link.target);
  return document;
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::unique_ptr<Document> read_pdf_document(std::size_t id, std::string path,
                                            const std::string& bytes,
                                            std::vector<Diagnostic>& diagnostics) {
  auto fail = [&](std::string message) {
    diagnostics.push_back({path, 0, 0, std::move(message)});
    return std::unique_ptr<Document>();
  };
  const Module& module = pdf_module();
  if (!module.read)
    return fail(
        "reading a PDF needs citelint's PDF module, citelint-pdf.so (built where poppler's "
        "libpoppler-cpp-dev is installed); not found at " +
        module.tried);
  if (!looks_like_pdf(bytes)) return fail("not a PDF: no %PDF- header at its start");
  // A PDF ends with %%EOF (and a line break or a few bytes of padding): one without it was cut
  // short, and poppler reads what it can recover.
  const std::size_t eof = bytes.rfind("%%EOF");
  const bool truncated = eof == std::string::npos || bytes.size() - eof > 1024;
  const std::string mended = truncated ? with_trailer(bytes) : std::string();
  const std::string& read = mended.empty() ? bytes : mended;
  pdf::ModuleRead got = pdf::read_in_child(module.read, read);
  if (!got.failure.empty()) return fail(got.failure + ": not read");
  // Ends in %%EOF but its object table (or the stream holding it, and the trailer with it) is
  // garbage: rebuilt by scanning, as for a file cut short, with the catalog named.
  bool rebuilt = false;
  if (got.pages < 0 && !truncated) {
    if (const std::string named = with_trailer(bytes); !named.empty()) {
      pdf::ModuleRead again = pdf::read_in_child(module.read, named);
      if (!again.failure.empty()) return fail(again.failure + ": not read");
      rebuilt = again.pages >= 0;
      if (rebuilt) got = std::move(again);
    }
  }
  const int pages = got.pages, bad_pages = got.bad_pages;
  std::vector<pdf::Word>& words = got.words;
  const std::string ends =
      "the file ends at byte " + std::to_string(bytes.size()) + " without %%EOF";
  if (pages < 0)
    return fail(truncated ? "truncated: " + ends + ", and no page could be recovered"
                          : "not a readable PDF: " + got.error);
  if (rebuilt)
    diagnostics.push_back({path, 0, 0,
                           "damaged: its table of objects is unreadable; rebuilt by scanning the "
                           "file, " +
                               std::to_string(pages) + " pages"});
  if (truncated) {
    std::set<int> read_pages;
    for (const pdf::Word& w : words) read_pages.insert(w.page);
    diagnostics.push_back({path, 0, 0,
                           "truncated: " + ends + "; read the text of " +
                               std::to_string(read_pages.size()) + " of its " +
                               std::to_string(pages) + " pages"});
  } else if (bad_pages > 0)
    diagnostics.push_back({path, 0, 0,
                           std::to_string(bad_pages) + " of " + std::to_string(pages) +
                               " pages could not be read; the others were"});
  if (words.empty() && pages > 0)
    diagnostics.push_back(
        {path, 0, 0,
         "no text in it: scanned pages need OCR (optical character recognition) first"});

  pdf::Text text = pdf::reference_text(std::move(words), got.links);
  got = {};
  // Without a References heading the whole text is the list: right for a page or two of
  // references, not for an article or a manual, whose every paragraph would be an entry.
  if (!text.found_heading && pages > kMaxPagesWithoutHeading)
    return fail(
        "no reference section found: no line reads as a heading such as References, "
        "Bibliography or Works Cited, and a PDF without one is read whole only up to " +
        std::to_string(kMaxPagesWithoutHeading) + " pages (this one has " + std::to_string(pages) +
        ")");
  return laid_out(id, std::move(path), std::move(text));
}

}  // namespace citelint
