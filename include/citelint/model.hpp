// The plain data every stage passes on: documents, spans, references, findings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace citelint {

// A source position. Offsets are bytes into Document::text; line and column are 1-based and
// the column counts Unicode code points. end_column is exclusive (the column after the last
// character), as in SARIF. 32-bit offsets (an input is at most 4 GiB; see read.hpp): a large
// list holds millions of spans.
struct Span {
  std::uint32_t input = 0;  // index into the run's list of documents
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

// Hides the password of every URL written with one (scheme://user:password@host): each of
// its bytes becomes '*', so positions stay where they were and no report, cache or message
// can repeat it. Returns how many were hidden. Documents do it to their text and links.
std::size_t redact_passwords(std::string& text);

// One input, decoded to UTF-8, with a line index.
class Document {
 public:
  Document(std::size_t id, std::string path, std::string text, std::string format = "text");

  std::size_t id() const { return id_; }
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  const std::string& format() const { return format_; }
  // `structured`: records or markup (input_formats() says which), whose entries the rules about
  // how an entry is written do not read.
  void set_format(std::string format, bool structured = false) {
    format_ = std::move(format);
    structured_ = structured;
  }
  // Whether its references are records of fields (BibTeX, CSL-JSON, RIS), or text inside
  // markup that would read as slips (JATS, HTML), not text as a reader sees it: rules about how
  // an entry is written (punctuation, spacing, element order) do not read there, only those
  // about its URLs, dates and DOIs. LaTeX's and Markdown's light markup reads as text. Asked for
  // every unit the rules see: kept, not compared.
  bool structured() const { return structured_; }

  // Where a line of a document made from a PDF or a DOCX stands in the original: the page and
  // the line on it (PDF), or the paragraph (DOCX, page 0). Plain text: page 0, the line itself.
  struct Place {
    int page = 0;
    int line = 0;
  };
  // Makes this document one read out of a laid-out original: `line_starts` (ascending, 0 first)
  // are where its lines begin, after each line break and also where the original broke a line
  // that the text joins (a URL wrapped over two lines of a page is one word here, and where it
  // broke is still a line start); `places` holds each line's place in the original, and `unit`
  // names what `Place::line` counts ("line" or "paragraph").
  void set_layout(std::vector<std::uint32_t> line_starts, std::vector<Place> places,
                  std::string unit);
  Place place(int line) const;
  // Where a 1-based line and column are, as a person finds them in the original: "12:5",
  // "page 3:12:5" (PDF), "paragraph 12:5" (DOCX).
  std::string where(int line, int column) const;
  // Whether a line starts without a line break before it: the original broke the line there.
  // Whether a laid-out line is indented (a hanging indent): set_layout's lines start after it.
  bool indented(int line) const {
    const std::size_t b = line_begin(line);
    return b > 0 && text_[b - 1] == ' ';
  }
  bool wrapped_before(int line) const {
    std::size_t b = line_begin(line);
    while (b > 0 && text_[b - 1] == ' ') --b;  // a laid-out line's indent
    return line > 1 && b > 0 && text_[b - 1] != '\n';
  }
  const std::string& place_unit() const { return place_unit_; }

  // A link over [begin, end) of the text to a target the text does not show (a DOCX
  // hyperlink's address behind its words).
  struct Link {
    std::uint32_t begin = 0, end = 0;
    std::string_view target;  // kept by the document
  };
  void add_link(std::size_t begin, std::size_t end, std::string_view target) {
    std::string redacted(target);
    redact_passwords(redacted);
    links_.push_back(
        {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), keep(redacted)});
  }
  const std::vector<Link>& links() const { return links_; }

  // The lines a reader reads as the reference list, 1-based and inclusive (last 0: to the end).
  // A PDF or a DOCX holds its body text before its reference section (the citations in it are
  // read, src/cite/): its reader reads these lines only, and so do the rules on raw lines.
  void set_list_lines(int first, int last) {
    list_first_ = first;
    list_last_ = last;
  }
  int list_first_line() const { return list_first_; }
  int list_last_line() const {
    return list_last_ > 0 ? list_last_ : static_cast<int>(line_count());
  }
  // The text of those lines.
  std::string_view list_text() const {
    const int last = list_last_line();
    if (list_first_line() > last) return {};
    const std::size_t b = line_begin(list_first_line());
    const std::size_t e =
        last < static_cast<int>(line_count()) ? line_begin(last + 1) : text_.size();
    return std::string_view(text_).substr(b, e > b ? e - b : 0);
  }

  // A field over [begin, end) of the text whose instruction the text does not show: a DOCX
  // citation a reference manager wrote ("ADDIN ZOTERO_ITEM CSL_CITATION {...}"), its result the
  // words the text shows. `superscript`: text set as a superscript (a citation's number).
  struct Field {
    std::uint32_t begin = 0, end = 0;
    std::string_view code;  // kept by the document; empty for a superscript
    bool superscript = false;
  };
  void add_field(std::size_t begin, std::size_t end, std::string_view code, bool superscript) {
    fields_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                       code.empty() ? std::string_view() : keep(code), superscript});
  }
  const std::vector<Field>& fields() const { return fields_; }

  // The plain text an entry written in markup reads as (HTML, JATS mixed-citation: tags gone,
  // entities decoded, white space collapsed; extract/projection.hpp), which the rules about how
  // an entry is written read in place of the markup. Its runs cover the text in order: a run
  // whose text and source are as long as each other is the source byte for byte; any other (an
  // entity, a tag read as a space, white space collapsed) stands for its whole source range.
  struct TextRun {
    std::uint32_t text_begin, text_end, source_begin, source_end;
  };
  struct EntryText {
    std::uint32_t entry_begin;  // the reference's span.begin
    std::string_view text;      // kept by the document
    std::vector<TextRun> runs;
  };
  // Kept like keep()'s text, by the reader that reads the entry (from one thread at a time).
  void add_entry_text(std::size_t entry_begin, std::string_view text,
                      std::vector<TextRun> runs) const;
  // The text of the entry whose span begins at entry_begin, if it was written in markup.
  const EntryText* entry_text(std::size_t entry_begin) const;

  std::size_t line_count() const { return line_starts_.size(); }
  // 1-based line number of a byte offset.
  int line_of(std::size_t offset) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(int line) const;
  std::size_t line_begin(int line) const {
    return line_starts_[static_cast<std::size_t>(line - 1)];
  }
  // A span over [begin, end) with line and column filled in.
  Span span(std::size_t begin, std::size_t end) const;
  std::string_view slice(const Span& s) const {
    return std::string_view(text_).substr(s.begin, s.end - s.begin);
  }
  // Keeps a copy of text derived from this document (a URL normalised) for as long as the
  // document lives, packed with the others: no allocation of its own per string.
  std::string_view keep(std::string_view derived) const;
  // Whether any URL extracted from this document is a web archive's capture (Url::archived):
  // a run whose inputs cite none skips what only such URLs need.
  bool cites_archive() const;
  void note_archive_url() const;

 private:
  bool structured_ = false;
  std::size_t id_;
  std::string path_;
  std::string text_;
  std::string format_;
  std::vector<std::uint32_t> line_starts_;  // inputs are at most 4 GiB (read.hpp)
  std::vector<Place> places_;               // empty for plain text: a line is its own place
  std::string place_unit_ = "line";
  std::vector<Link> links_;
  std::vector<Field> fields_;
  int list_first_ = 1, list_last_ = 0;
  mutable std::vector<EntryText> entry_texts_;  // by entry_begin
  // Spans are mostly asked for in source order: remember the last line, and the last offsets
  // whose columns were counted on it, so the next span counts on from there.
  struct Checkpoint {
    std::size_t offset = 0;
    int column = 1;
  };
  // What span() and keep() remember between calls: one cursor per thread that reads the
  // document at the same time (model/parallel.hpp), so that each thread's calls touch only
  // its own.
  struct Cursor {
    std::size_t line_hint = 0;
    std::size_t checkpoint_line_begin = static_cast<std::size_t>(-1);
    std::size_t ascii_until = 0;  // the line is ASCII up to here: columns are offsets
    bool ascii_known = false;     // ascii_until is where the ASCII prefix ends
    Checkpoint checkpoints[8];
    unsigned next_checkpoint = 0;
    std::vector<std::unique_ptr<char[]>> kept;  // blocks of kept text, never moved
    std::size_t kept_size = 0, kept_free = 0;   // the last block's size, room left
    bool cites_archive = false;
  };
  static constexpr std::size_t kCursors = 4;  // parallel.hpp's most threads
  mutable Cursor cursors_[kCursors];
  Cursor& cursor() const;
  int column_of(int line, std::size_t offset) const;
};

// as_written views the Document's text, which lives as long as the Corpus that holds both.
struct Url {
  std::string_view as_written;  // exactly as in the source, line breaks and spaces included
  // Whitespace removed, full-width ASCII folded, scheme and host lowercased: as_written itself
  // where nothing changed, or text the Document keeps.
  std::string_view normalised;
  bool valid = true;      // normalised parses as an absolute http(s)/ftp URI
  bool archived = false;  // a web archive's capture with a timestamp (parse_archive_url)
  // Put together from parts (BibTeX macros and #): its source is no URL as written, and rules
  // about how a URL is written do not read it. It is still checked.
  bool composed = false;
  // Only the target of a link over the entry's words (a PDF's link annotation, a DOCX's
  // hyperlink): no URL the entry writes (composed too). It is still checked.
  bool linked = false;
  // The date the path files the page under (/2020-11/09/, t20180530_; url_path_date()): year 0
  // when none. begin and end are offsets into normalised.
  struct PathDate {
    std::uint16_t year = 0;
    std::uint8_t month = 0, day = 0;  // day 0: a year and month only
    std::uint16_t begin = 0, end = 0;
  } path_date;
  Span span;
};

// archived: the date of a web archive's copy that the entry cites ("Archived from the original
// on 21 May 2013", "原始内容存档于2012-01-10"), neither the work's nor the reader's.
enum class DateRole : std::uint8_t { published, updated, accessed, year, archived };
constexpr DateRole kDateRoles[] = {DateRole::published, DateRole::updated, DateRole::accessed,
                                   DateRole::year, DateRole::archived};
std::string_view to_string(DateRole role);

class Date {
 public:
  DateRole role = DateRole::year;
  bool valid = false;  // a real calendar date
  // Written in its format's own form (RIS's 2021/03/03/): rules about how a date is written
  // do not read it; whether it is a real date, and how it compares, still count.
  bool native_form = false;
  int year = 0, month = 0, day = 0;  // 0 where absent
  std::string_view as_written;       // as in the source (a view, like Url::as_written)
  Span span;

  // Canonical: YYYY-MM-DD, YYYY-MM or YYYY; empty when unparseable. Held in the Date (a list
  // has two or three dates per entry), so views of it live as long as the Date.
  std::string_view value() const { return {value_, value_size_}; }
  void set_value(std::string_view value);  // at most kMaxValue characters: longer is cut
  static constexpr std::size_t kMaxValue = 10;

 private:
  std::uint8_t value_size_ = 0;
  char value_[kMaxValue] = {};
};

struct Doi {
  std::string value;            // the DOI itself, "10.xxxx/..." when recognisable
  std::string_view as_written;  // the token as written after its marker (a view)
  Span span;
};

// An identifier a reference gives other than its DOI: a book's ISBN, a serial's ISSN, an arXiv
// id, a PubMed id or a PubMed Central id. Found after its marker ("ISBN 978-...", "PMID: ...",
// "arXiv:2101.00001"), in a record format's field, or in a link (arxiv.org/abs/..., PubMed's).
enum class IdScheme : std::uint8_t { isbn, issn, arxiv, pmid, pmcid };
std::string_view to_string(IdScheme scheme);  // "isbn", "issn", "arxiv", "pmid", "pmcid"
struct Identifier {
  IdScheme scheme = IdScheme::isbn;
  // Normalised: an ISBN's or ISSN's digits and X (no hyphens or spaces), an arXiv id without
  // "arXiv:", a PMID's digits, a PMCID as "PMC" and digits. OCR's letters for digits are kept
  // (the check says what they are).
  std::string value;
  std::string_view as_written;  // the identifier itself as written, marker aside (a view)
  Span span;
};

// One language half of a bilingual entry ("zh" then "en", for example).
struct Part {
  std::string lang;
  Span span;
};

// The label an entry starts with, "12", "[12]", "12.", and how it stood in the source.
struct Label {
  std::string number;  // digits only; empty for unnumbered lists
  Span span;           // the label as written
  bool glued = false;  // it followed the previous entry's text on the same line
};

struct Reference {
  std::string id;  // the label number, or the ordinal for unnumbered lists
  Span span;       // the whole entry, label included
  std::uint32_t input = 0;
  Label label;
  std::vector<Url> urls;
  std::vector<Date> dates;
  std::vector<Doi> dois;
  std::vector<Identifier> ids;  // in source order
  std::vector<Part> parts;      // empty unless the entry has more than one language half
};

enum class Severity { info = 0, warning = 1, error = 2 };
std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

struct Fix {
  std::string replacement;
  bool verified = false;  // the network confirmed the replacement works
};

struct Finding {
  std::string rule;
  std::string category;
  Severity severity = Severity::warning;
  std::string message;
  Span span;
  std::string reference;  // Reference::id, empty for findings outside any entry
  std::optional<Fix> fix;
};

// The order of a run's findings: input, position, severity, rule. No two findings share it: the
// engine keeps one of any that would, and link findings have rules of their own.
inline auto order_key(const Finding& f) {
  // At one span the gravest first: a broken link, then the archived copy that stands in for it.
  return std::make_tuple(f.span.input, f.span.begin, f.span.end, -static_cast<int>(f.severity),
                         std::string_view(f.rule));
}

// The findings of all parts in order_key order. Cheap for one part in order already; otherwise
// their keys are sorted and each finding moved once (a Finding is large to move about a sort).
std::vector<Finding> in_order(std::span<std::vector<Finding>> parts);  // empties the parts
void sort_findings(std::vector<Finding>& findings);                    // in_order of one part

// A problem with the input or the configuration itself (unreadable file, bad rule file).
struct Diagnostic {
  std::string path;
  int line = 0;  // 0 when the problem has no position
  int column = 0;
  std::string message;
};
std::string format_diagnostic(const Diagnostic& d);

// A whole run: what was read, what was found.
struct Corpus {
  std::vector<std::unique_ptr<Document>> documents;
  std::vector<Reference> references;  // grouped by input, in source order
};

// The reference that holds a span (a finding's, a URL's): the first of its input that ends at
// or after it, if it starts at or before it; none for a span outside every reference.
const Reference* reference_holding(const Corpus& corpus, const Span& span);

}  // namespace citelint
