// Reading inputs: bytes -> Document -> references with source spans.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

// Problems with an input (unreadable, damaged, not UTF-8) are appended to a caller's
// `std::vector<Diagnostic>&`, as everywhere in citelint: each at file:line:col where it has one,
// and what could be read is still returned.

// Reads a file ("-" is standard input) and decodes it to UTF-8: a UTF-8 BOM is dropped, UTF-16
// with a BOM is converted, and each invalid byte becomes U+FFFD with a diagnostic at its
// position, so the rest of the file is still read. `format` names the format (as
// --input-format does); empty: detected (a binary format by its first bytes or extension, then
// detect_format). A PDF or a DOCX becomes the text of its reference section. Null when the
// input could not be read at all.
// A folder, a device or a socket is refused with a diagnostic; standard input and pipes are read
// up to max_bytes, and the text beyond it is cut as make_document cuts it.
constexpr std::size_t kMaxInputBytes = 0xFFFFFFFFu;
std::unique_ptr<Document> load_document(std::size_t id, const std::string& path,
                                        const std::string& format,
                                        std::vector<Diagnostic>& diagnostics,
                                        std::size_t max_bytes = kMaxInputBytes);
// The same from bytes already in memory. Spans hold 32-bit offsets: text beyond max_bytes
// (4 GiB at most) is cut at the last line break before it, with a diagnostic.
std::unique_ptr<Document> make_document(std::size_t id, std::string path, std::string bytes,
                                        std::vector<Diagnostic>& diagnostics,
                                        const std::string& format = "",
                                        std::size_t max_bytes = kMaxInputBytes);

// PDF, through poppler (in citelint's PDF module, citelint-pdf.so, loaded for the first PDF):
// the text of the reference section (after its heading, to an appendix or the end), lines in
// reading order without running heads and page numbers, a URL wrapped at a line's end joined
// to its rest. Its lines are the page's: spans say page and line (Document::place).
std::unique_ptr<Document> read_pdf_document(std::size_t id, std::string path,
                                            const std::string& bytes,
                                            std::vector<Diagnostic>& diagnostics);

// DOCX (Word): the paragraphs of word/document.xml after a heading that names the references
// (all of them when none does), one line each, with the targets of their hyperlinks; spans
// say paragraph and column.
std::unique_ptr<Document> read_docx_document(std::size_t id, std::string path,
                                             const std::string& bytes,
                                             std::vector<Diagnostic>& diagnostics);

// An input format: a row of the table in src/read/formats.cpp, which detection,
// --input-format, the help and `citelint formats` read. Adding one: docs/architecture.md.
struct InputFormat {
  std::string_view name;        // as --input-format and the JSON report name it
  std::string_view summary;     // one line, for help
  std::string_view extensions;  // lower case, space-separated: "bib biblatex bibtex"
  // Whether content is of this format (a binary format's bytes, else the decoded text); null:
  // known by extension only.
  bool (*sniff)(std::string_view content);
  bool sniff_text_files;  // its sniff is tried on .txt files too
  // Bytes to a document, for formats that are not text (PDF, DOCX); null: decoded as text.
  std::unique_ptr<Document> (*decode)(std::size_t id, std::string path, const std::string& bytes,
                                      std::vector<Diagnostic>& diagnostics);
  // The document's references, with their URLs, dates and DOIs.
  std::vector<Reference> (*read)(const Document& doc, std::vector<Diagnostic>& diagnostics);
  // Records and markup: rules about how an entry is written do not read their entries.
  bool structured;
};
std::span<const InputFormat> input_formats();
const InputFormat* find_input_format(std::string_view name);
// The binary format (decode set) the bytes or the path's extension say; null for text.
const InputFormat* detect_binary_format(std::string_view path, std::string_view bytes);

// The format of a text document by its extension and content ("text" for plain lists).
std::string detect_format(const Document& doc);

// Plain-text reference lists as they come out of PDFs: numbered entries (`12 `, `[12]`,
// `12.`) that may continue over blank lines, entries glued to the previous one's last word,
// and unnumbered lists (one entry per paragraph, or per line with hanging indents). Lines
// first_line to last_line only (1-based, inclusive; 0: to the end), as the Markdown reader
// reads the reference section of a paper converted from PDF.
std::vector<Reference> read_text(const Document& doc, int first_line = 1, int last_line = 0);

// BibTeX and BibLaTeX (.bib): one reference per entry, its URLs, DOIs and dates from its
// fields. A malformed entry is a diagnostic at its position, and skipped.
std::vector<Reference> read_bibtex(const Document& doc, std::vector<Diagnostic>& diagnostics);

// CSL-JSON (Zotero, citation.js, pandoc): one reference per item; URL, DOI, accessed and issued.
// Where the JSON breaks, the items before are kept and the break is a diagnostic.
std::vector<Reference> read_csl_json(const Document& doc, std::vector<Diagnostic>& diagnostics);

// RIS: one reference per TY ... ER record; UR, L1, L2 (URLs), DO, Y2 (access date), DA, PY.
std::vector<Reference> read_ris(const Document& doc, std::vector<Diagnostic>& diagnostics);

// JATS XML: one reference per ref of a ref-list; ext-link, uri, pub-id (DOI),
// date-in-citation (access date), element-citation's year. Broken XML keeps the refs before.
std::vector<Reference> read_jats(const Document& doc, std::vector<Diagnostic>& diagnostics);

// LaTeX (.tex, BibTeX's .bbl): one reference per \bibitem of thebibliography; its URLs
// (\url{}, \href{}{}), dates and DOIs found as in text. A biblatex .bbl (\entry ...
// \endentry) goes to read_biblatex_bbl.
std::vector<Reference> read_latex(const Document& doc, std::vector<Diagnostic>& diagnostics);

// biblatex's .bbl, as biber writes it (read_latex hands it on): one reference per \entry; the
// url, doi and eprint of its \verb fields, the access date of urlyear/urlmonth/urlday, the
// publication date of year/month/day, \url{} and worded dates in note and howpublished.
std::vector<Reference> read_biblatex_bbl(const Document& doc, std::vector<Diagnostic>& diagnostics);

// Markdown: one reference per footnote definition, link reference definition, or list item
// under a heading that names the references; URLs, dates and DOIs found as in text.
std::vector<Reference> read_markdown(const Document& doc, std::vector<Diagnostic>& diagnostics);

// HTML: one reference per item of the references list (under a heading that names them, or
// in an element whose id or class does); URLs, dates and DOIs found as in text.
std::vector<Reference> read_html(const Document& doc, std::vector<Diagnostic>& diagnostics);

// Suppression comments in inputs that have comments: `% citelint-disable-next-line RULE ...`
// (BibTeX, LaTeX: a `%` comment), `<!-- citelint-disable RULE ... -->` and
// `<!-- citelint-enable -->` (Markdown, HTML, JATS). RULE is an id (core/UrlWhitespace) or a
// name (UrlWhitespace); none names every rule. A range covers [begin, end) of the text: the
// line after a disable-next-line, or from a disable to its enable (or the end).
struct Suppression {
  std::vector<std::string> rules;
  std::size_t begin = 0, end = 0;
};
std::vector<Suppression> find_suppressions(const Document& doc);
bool suppresses(const Suppression& suppression, const Finding& finding);
// Moves the findings that a suppression comment covers out of `findings`, and returns them.
std::vector<Finding> take_suppressed(const Corpus& corpus, std::vector<Finding>& findings);

// The reader of the document's format (input_formats()). Problems with the input itself go to
// `diagnostics`.
std::vector<Reference> read_references(const Document& doc, std::vector<Diagnostic>& diagnostics);

}  // namespace citelint
