// Citations in the body text against the reference list (src/cite/): each format's citations
// read with their places, the files a paper names for its list or its other parts (a .tex's
// .bib and \input files, a Markdown file's bibliography), each citation matched to an entry,
// and what disagrees reported: cited but not listed, listed but not cited, numbers out of the
// order of first citation, ranges that run backwards, an author or a year that is not the
// entry's, works of one author and year without a/b, "et al." for one or two authors.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

// How a citation names its work: a key (LaTeX's \cite, pandoc's @key, JATS's rid, a Markdown
// footnote's label), the entry's number ("[12]"), its author and year ("Smith et al., 2020"),
// or a reference manager's record of the item (a DOCX field: its author, year and title).
enum class CiteForm : std::uint8_t { key, number, author_year, record };
std::string_view to_string(CiteForm form);  // "key", "number", "author-year", "record"

struct Citation {
  CiteForm form = CiteForm::key;
  std::string key;          // key: as written
  int number = 0;           // number
  std::string author;       // author_year, record: the first author's family name as written
  std::string second;       // author_year: the second's, where two are named ("Smith & Lee")
  std::string year;         // author_year, record: "2020", "2019a", "n.d." (empty: none)
  std::string title;        // record: the item's title
  bool et_al = false;       // author_year: "Smith et al."
  bool narrative = false;   // author_year: "Smith (2020)", the names outside the parentheses
  std::uint8_t names = 1;   // author_year: family names written ("Smith & Lee": 2)
  bool silent = false;      // \nocite, pandoc's nocite: listed on purpose, no mark in the text
  bool all = false;         // \nocite{*}: every entry of the list
  std::uint32_t group = 0;  // the citations of one mark ("[1-3, 7]", "\cite{a,b}") share it
  Span span;                // this citation as written (its key, number, or names and year)
  // number: a range's end written before its start ("[5-3]"), or an empty range's end.
  bool backwards = false;
};

// A file a document names: a list (\bibliography{refs}: refs.bib; pandoc's `bibliography:`)
// or a part of its body (\input, \include), with where it is named. `path` is as it would be
// opened: relative to the naming document's folder (a LaTeX paper's main file's folder).
struct Companion {
  std::string path;
  bool body = false;
  // Alternatives tried in turn when path cannot be read (a .tex's own .bbl for a .bib).
  std::vector<std::string> fallbacks;
  Span span;
  // A list citelint does not read (a CSL YAML file, pandoc's inline references:): why. The
  // paper's citations are then not checked for what the list lacks.
  std::string unread;
};

// A format whose body text holds citations: a row of the table in src/cite/formats.cpp.
// Adding one: docs/architecture.md.
struct CiteFormat {
  std::string_view name;  // the input format's (read.hpp's input_formats())
  // The citations of a document, in the order of the text, given its own entries (a text's
  // citations are numbers when its list is numbered); problems to `diagnostics`.
  std::vector<Citation> (*scan)(const Document& doc, std::span<const Reference> refs,
                                std::vector<Diagnostic>& diagnostics);
  // The files it names (null: none). `root` is the folder its paper's main file is in.
  std::vector<Companion> (*companions)(const Document& doc, const std::string& root);
};
std::span<const CiteFormat> cite_formats();
const CiteFormat* find_cite_format(std::string_view name);

// One paper: the documents whose body cites (a .tex and the files it inputs) and those whose
// entries are its list (itself, the .bib it names). A list that could not be read leaves its
// paper unchecked for what is missing.
struct Paper {
  std::vector<std::uint32_t> bodies, lists;
  bool list_complete = true;
  std::vector<std::string> notes;  // what of its list was not read, and why
};

// Loads a file a paper names: appends its document (and its references) to the corpus, and
// returns its index; nullopt when it cannot be read (its problems are the loader's to say).
using PaperLoader = std::function<std::optional<std::uint32_t>(const std::string& path)>;
// The papers of the corpus's inputs (every document there when called) whose format reads
// citations, with the files they name loaded. A file named that cannot be read is a
// diagnostic at the place that names it.
std::vector<Paper> gather_papers(Corpus& corpus, const PaperLoader& load,
                                 std::vector<Diagnostic>& diagnostics);

// How a numbered list should run: in the order of first citation (Vancouver, IEEE, GB/T 7714's
// numeric style), in any order, or as the list itself suggests (in citation order unless it is
// sorted by author).
enum class CiteOrder : std::uint8_t { automatic, first_cited, any };

struct CitationReport {
  std::vector<Citation> citations;   // every paper's, body by body
  std::vector<std::uint32_t> input;  // each citation's document
  // Per reference of the corpus (its index), the citations that cite it, in text order.
  std::vector<std::vector<std::uint32_t>> cited_by;
  std::vector<Finding> findings;   // in order_key order
  std::vector<std::string> notes;  // papers whose citations could not be read with confidence
};

// Reads each paper's citations and checks them against its list.
CitationReport check_citations(const Corpus& corpus, const std::vector<Paper>& papers,
                               CiteOrder order, std::vector<Diagnostic>& diagnostics);

}  // namespace citelint
