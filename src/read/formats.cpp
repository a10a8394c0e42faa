// The input formats: one table (name, extensions, sniff, decoder, reader, structured) that
// detection, --input-format, the help texts, `citelint formats` and the fuzz targets read.
// A new format is a row here and a file of its own (src/read/<format>.cpp): docs/architecture.md.
#include <algorithm>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/parallel.hpp"
#include "model/utf8.hpp"
#include "read/record.hpp"

namespace citelint {

// Each format's reader and sniff, defined in its own file.
std::vector<Reference> read_medline(const Document& doc, std::vector<Diagnostic>& diagnostics);
bool looks_like_bibtex(std::string_view text);
bool looks_like_csl_json(std::string_view text);
bool looks_like_ris(std::string_view text);
bool looks_like_jats(std::string_view text);
bool looks_like_latex(std::string_view text);
bool looks_like_html(std::string_view text);
bool looks_like_medline(std::string_view text);
bool looks_like_pdf(std::string_view bytes);
bool looks_like_docx(std::string_view bytes);

namespace {

// A URL less what does not change where it goes: its scheme (http or https), "www." and
// "dx." before the host, and a closing slash.
std::string address_of(std::string_view url) {
  std::string a = utf8::ascii_lower(url);
  for (std::string_view scheme : {"https://", "http://"})
    if (a.rfind(scheme, 0) == 0) a.erase(0, scheme.size());
  for (std::string_view prefix : {"www.", "dx."})
    if (a.rfind(prefix, 0) == 0) a.erase(0, prefix.size());
  while (!a.empty() && a.back() == '/') a.pop_back();
  return a;
}

// What the links over a reference's words (a PDF's link annotations, a DOCX's hyperlinks) tell
// of it. A link to a DOI the entry writes, or to the address a URL of it writes, says nothing
// new. A link that goes on where a written URL or DOI stops completes it (the text was cut: a
// DOI with "<" in it, a line break the layout could not join). Any other web link is an
// address the words do not show ("[CrossRef]", a clickable title, "PMID: 123"): a URL of the
// entry's, made (Url::linked) rather than written, once however many lines its words run over.
void add_link_targets(const Document& doc, Reference& ref) {
  bool added = false;
  std::vector<std::string> seen;
  for (const Document::Link& link : doc.links()) {
    if (link.begin < ref.span.begin || link.end > ref.span.end) continue;
    if (!is_web_link(link.target)) continue;  // mailto:, file:, a place in the document
    const std::string address = address_of(link.target);
    if (std::find(seen.begin(), seen.end(), address) != seen.end()) continue;
    seen.push_back(address);
    if (const std::string doi = doi_of_link(link.target); !doi.empty()) {
      const auto written = std::find_if(ref.dois.begin(), ref.dois.end(), [&](const Doi& d) {
        return record::same_doi(d.value, doi) ||
               (doi.size() > d.value.size() &&
                utf8::ascii_lower(doi).rfind(utf8::ascii_lower(d.value), 0) == 0);
      });
      if (written != ref.dois.end()) {
        if (!record::same_doi(written->value, doi)) written->value = doi;  // it was cut
        for (Url& u : ref.urls)  // and so was the link it was written as
          if (!u.linked && doi_of_link(u.normalised) != doi &&
              address.rfind(address_of(u.normalised), 0) == 0)
            u.normalised = doc.keep(link.target);
        continue;
      }
    }
    bool shown = false;
    for (Url& u : ref.urls) {
      const std::string written = address_of(u.normalised);
      // The same address, or one the link cuts short (a publisher's annotation may stop where
      // a line of the text did).
      if (written == address || (address.find('/') != std::string::npos &&
                                 written.size() > address.size() && written.rfind(address, 0) == 0))
        shown = true;
      if (!shown && !u.linked && written.find('/') != std::string::npos &&
          address.size() > written.size() && address.rfind(written, 0) == 0) {
        u.normalised = doc.keep(link.target);  // the text showed it cut
        shown = true;
      }
      if (shown) break;
    }
    if (shown) continue;
    Url url = make_url(doc, link.begin, link.end, link.target);
    url.composed = true;
    url.linked = true;
    ref.urls.push_back(url);
    added = true;
  }
  if (added) record::sort_items(ref);
}

// The paragraphs of a text: runs of lines with text between blank lines.
std::size_t paragraphs(const Document& doc) {
  std::size_t n = 0;
  bool in_paragraph = false;
  for (int l = doc.list_first_line(); l <= doc.list_last_line(); ++l) {
    const bool blank = doc.line_text(l).find_first_not_of(" \t\r") == std::string_view::npos;
    n += !blank && !in_paragraph;
    in_paragraph = !blank;
  }
  return n;
}

// Text, and the text of a PDF's or a DOCX's reference section: entries, then their URLs,
// dates, DOIs and parts, and the targets of a DOCX's hyperlinks. A list read as far fewer
// entries than it has paragraphs says so: its numbering may have merged entries.
std::vector<Reference> read_plain_text(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  if (doc.list_first_line() > doc.list_last_line()) return {};
  std::vector<Reference> refs = read_text(doc, doc.list_first_line(), doc.list_last_line());
  // Twice as many paragraphs as entries need four times as many lines (blank ones between).
  const auto lines = static_cast<std::size_t>(doc.list_last_line() - doc.list_first_line() + 1);
  if (const std::size_t n = lines + 1 >= refs.size() * 4 ? paragraphs(doc) : 0;
      n >= 6 && refs.size() * 2 < n) {
    const Span at = refs.empty() ? doc.span(0, 0) : refs.front().span;
    diagnostics.push_back({doc.path(), at.line, at.column,
                           std::to_string(n) + " paragraphs were read as " +
                               std::to_string(refs.size()) +
                               " entries: the numbering may have merged some (each label should "
                               "start a line; citelint text shows what was read)"});
  }
  // A chunk of entries is worth a thread's start many times over; consecutive entries keep
  // each thread's document cursor moving forward.
  parallel::for_each(refs.size(), 256, [&](std::size_t i) {
    extract(doc, refs[i]);
    if (!doc.links().empty()) add_link_targets(doc, refs[i]);
  });
  return refs;
}

// In the order detection tries the sniffs: a format sniffed earlier wins.
const InputFormat kFormats[] = {
    {"text", "plain-text reference lists (numbered, hanging indents, PDF copies)", "txt text",
     nullptr, false, nullptr, read_plain_text, false},
    {"bibtex", "BibTeX and BibLaTeX databases", "bib biblatex bibtex", looks_like_bibtex, false,
     nullptr, read_bibtex, true},
    {"ris", "RIS records (TY ... ER)", "ris", looks_like_ris, false, nullptr, read_ris, true},
    // PubMed's Save writes MEDLINE to a .txt.
    {"medline", "MEDLINE records as PubMed saves them (PMID- ...)", "nbib medline",
     looks_like_medline, true, nullptr, read_medline, true},
    {"jats", "JATS XML articles' ref-lists", "xml nxml jats", looks_like_jats, false, nullptr,
     read_jats, true},
    // A .txt that holds a LaTeX bibliography (as copied out of a .bbl) is LaTeX.
    {"latex", "LaTeX thebibliography, BibTeX's and biblatex's .bbl", "tex bbl ltx",
     looks_like_latex, true, nullptr, read_latex, false},
    {"html", "HTML pages' reference lists", "html htm xhtml", looks_like_html, false, nullptr,
     read_html, true},
    {"csl-json", "CSL-JSON (Zotero, citation.js, pandoc)", "json csljson", looks_like_csl_json,
     false, nullptr, read_csl_json, true},
    {"markdown", "Markdown footnotes, link definitions and reference lists", "md markdown mdown",
     nullptr, false, nullptr, read_markdown, false},
    {"pdf", "PDF articles' reference sections (through poppler)", "pdf", looks_like_pdf, false,
     read_pdf_document, read_plain_text, false},
    {"docx", "Word documents' reference sections", "docx", looks_like_docx, false,
     read_docx_document, read_plain_text, false},
};

bool has_extension(const InputFormat& f, std::string_view ext) {
  if (ext.empty()) return false;
  for (std::string_view rest = f.extensions; !rest.empty();) {
    const std::size_t space = rest.find(' ');
    if (rest.substr(0, space) == ext) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

std::string extension_of(std::string_view path) {
  const std::string name = utf8::ascii_lower(path);
  const std::size_t dot = name.rfind('.'), slash = name.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  return name.substr(dot + 1);
}

}  // namespace

std::span<const InputFormat> input_formats() { return kFormats; }

const InputFormat* find_input_format(std::string_view name) {
  for (const InputFormat& f : kFormats)
    if (f.name == name) return &f;
  return nullptr;
}

const InputFormat* detect_binary_format(std::string_view path, std::string_view bytes) {
  for (const InputFormat& f : kFormats)
    if (f.decode && f.sniff && f.sniff(bytes)) return &f;
  const std::string ext = extension_of(path);
  for (const InputFormat& f : kFormats)
    if (f.decode && has_extension(f, ext)) return &f;
  return nullptr;
}

std::string detect_format(const Document& doc) {
  const std::string ext = extension_of(doc.path());
  const InputFormat* by_extension = nullptr;
  for (const InputFormat& f : kFormats)
    if (!f.decode && has_extension(f, ext)) by_extension = &f;
  const bool text_file = by_extension && by_extension->name == "text";
  if (by_extension && !text_file) return std::string(by_extension->name);
  // By content: any sniff for an unknown extension, the few that say so for a .txt.
  for (const InputFormat& f : kFormats)
    if (!f.decode && f.sniff && (!text_file || f.sniff_text_files) && f.sniff(doc.text()))
      return std::string(f.name);
  return "text";
}

std::vector<Reference> read_references(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  const InputFormat* format = find_input_format(doc.format());
  std::vector<Reference> refs = (format ? format->read : read_plain_text)(doc, diagnostics);
  rejoin_urls_cited_whole(doc, refs);
  // In every format, a link to a DOI resolver is a DOI too.
  for (Reference& ref : refs) {
    record::add_link_dois(doc, ref);
    record::add_link_identifiers(doc, ref);  // arXiv and PubMed links likewise
  }
  return refs;
}

}  // namespace citelint
