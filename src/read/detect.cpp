// Which reader a document needs: by its extension, else by what it starts with.
#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

// Whether the text opens, past blanks and % comments, with a BibTeX entry: @type{ or @type(.
bool looks_like_bibtex(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (std::isspace(static_cast<unsigned char>(t[i]))) {
      ++i;
    } else if (t[i] == '%') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i >= t.size() || t[i] != '@') return false;
  std::size_t j = i + 1;
  while (j < t.size() && std::isalpha(static_cast<unsigned char>(t[j]))) ++j;
  while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
  return j > i + 1 && j < t.size() && (t[j] == '{' || t[j] == '(');
}

// The addresses of links inside the reference (a DOCX's hyperlinks) whose words show no URL:
// each a URL at those words, made (Url::composed) rather than written.
void add_link_targets(const Document& doc, Reference& ref) {
  bool added = false;
  for (const Document::Link& link : doc.links()) {
    if (link.begin < ref.span.begin || link.end > ref.span.end) continue;
    const std::string scheme = utf8::ascii_lower(link.target.substr(0, 8));
    if (scheme.rfind("http://", 0) != 0 && scheme.rfind("https://", 0) != 0 &&
        scheme.rfind("ftp://", 0) != 0)
      continue;  // mailto:, file:, a place in the document
    const bool shown = std::any_of(ref.urls.begin(), ref.urls.end(), [&](const Url& u) {
      return u.span.begin < link.end && link.begin < u.span.end;
    });
    if (shown) continue;
    Url url = make_url(doc, link.begin, link.end, link.target);
    url.composed = true;
    ref.urls.push_back(url);
    added = true;
  }
  if (added) record::sort_items(ref);
}

}  // namespace

// Whether the text is JSON that reads as CSL items: '[' or '{' first, and an item's keys soon.
bool looks_like_csl_json(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  if (i >= t.size() || (t[i] != '[' && t[i] != '{')) return false;
  const std::string_view head = t.substr(i, 4096);
  return head.find("\"type\"") != std::string_view::npos ||
         head.find("\"id\"") != std::string_view::npos ||
         head.find("\"title\"") != std::string_view::npos;
}

// Whether the text opens with a RIS record: "TY  - " on its first line that is not blank.
bool looks_like_ris(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  return t.compare(i, 6, "TY  - ") == 0;
}

// Whether the text is XML with JATS's elements: an <article (or a bare <ref-list) soon.
bool looks_like_jats(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  if (i >= t.size() || t[i] != '<') return false;
  const std::string_view head = t.substr(i, 4096);
  return head.find("<article") != std::string_view::npos ||
         head.find("<ref-list") != std::string_view::npos;
}

// Whether the text is a LaTeX bibliography: a thebibliography environment, or \bibitem first.
bool looks_like_latex(std::string_view t) {
  // Near the start: a list copied out of a .bbl opens with it (and a large text list is not
  // searched through).
  const std::string_view head = t.substr(0, 65536);
  if (head.find("\\begin{thebibliography}") != std::string_view::npos) return true;
  // biblatex's .bbl: "% $ biblatex auxiliary file $", then \entry ... \endentry.
  if (head.find("biblatex auxiliary file") != std::string_view::npos &&
      head.find("\\entry{") != std::string_view::npos)
    return true;
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  return t.compare(i, 8, "\\bibitem") == 0;
}

// Whether the text opens as an HTML page.
bool looks_like_html(std::string_view t) {
  std::size_t i = 0;
  while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
  const std::string head = utf8::ascii_lower(t.substr(i, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

bool known_format(std::string_view format) {
  return format == "text" || format == "bibtex" || format == "csl-json" || format == "ris" ||
         format == "jats" || format == "latex" || format == "markdown" || format == "html" ||
         format == "pdf" || format == "docx";
}

std::string detect_format(const Document& doc) {
  const std::string path = utf8::ascii_lower(doc.path());
  const std::size_t dot = path.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  if (ext == "bib" || ext == "biblatex" || ext == "bibtex") return "bibtex";
  if (ext == "json" || ext == "csljson") return "csl-json";
  if (ext == "ris") return "ris";
  if (ext == "xml" || ext == "nxml" || ext == "jats") return "jats";
  if (ext == "tex" || ext == "bbl" || ext == "ltx") return "latex";
  if (ext == "md" || ext == "markdown" || ext == "mdown") return "markdown";
  if (ext == "html" || ext == "htm" || ext == "xhtml") return "html";
  // A .txt that holds a LaTeX bibliography (as copied out of a .bbl) is LaTeX.
  if (ext == "txt" || ext == "text") return looks_like_latex(doc.text()) ? "latex" : "text";
  if (looks_like_bibtex(doc.text())) return "bibtex";
  if (looks_like_ris(doc.text())) return "ris";
  if (looks_like_jats(doc.text())) return "jats";
  if (looks_like_latex(doc.text())) return "latex";
  if (looks_like_html(doc.text())) return "html";
  return looks_like_csl_json(doc.text()) ? "csl-json" : "text";
}

std::vector<Reference> read_references(const Document& doc, std::vector<Diagnostic>* diagnostics) {
  std::vector<Diagnostic> ignored;
  if (doc.format() == "bibtex") return read_bibtex(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "csl-json") return read_csl_json(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "ris") return read_ris(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "jats") return read_jats(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "latex") return read_latex(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "markdown") return read_markdown(doc, diagnostics ? *diagnostics : ignored);
  if (doc.format() == "html") return read_html(doc, diagnostics ? *diagnostics : ignored);
  // Text, and the text of a PDF's or a DOCX's reference section.
  std::vector<Reference> refs = read_text(doc);
  for (Reference& ref : refs) {
    extract(doc, ref);
    if (!doc.links().empty()) add_link_targets(doc, ref);
  }
  return refs;
}

}  // namespace citelint
