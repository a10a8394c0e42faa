// Markdown: the references of a README, a paper or a wiki page, its blocks as CommonMark reads
// them (cmark-gfm, with source positions: lists, lazy lines, indented and fenced code, HTML
// blocks, ATX and setext headings). A reference is:
// - an item of a list in a section whose heading names the references (References,
//   Bibliography, Works Cited, 参考文献...);
// - a footnote definition ([^id]: ...) or a link reference definition ([id]: url) anywhere
//   outside code (CommonMark hides definitions, so their lines are found where its paragraphs
//   and the gaps between blocks are);
// - in a reference section with no list (a paper converted from PDF: MinerU, Marker, Nougat
//   write "# 参考文献" or a line "References" and the entries as plain "[1] ..." lines, several
//   on one line), the entries the plain-text reader finds in the section's lines.
// Its URLs (inline links, autolinks, bare), dates and DOIs are found as in text, in the source.
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"

namespace citelint {

namespace {

// "[^id]: " or "[id]: " at the start of a line: the id, and where the text starts.
bool definition(std::string_view t, std::string& id, std::size_t& text_at) {
  std::size_t i = 0;
  while (i < t.size() && i < 3 && t[i] == ' ') ++i;
  if (i >= t.size() || t[i] != '[') return false;
  const std::size_t close = t.find("]:", i);
  if (close == std::string_view::npos || close == i + 1) return false;
  const bool footnote = t[i + 1] == '^';
  id = std::string(t.substr(i + 1 + footnote, close - i - 1 - footnote));
  if (id.empty() || id.find('[') != std::string::npos || id.find(']') != std::string::npos)
    return false;
  text_at = close + 2;
  while (text_at < t.size() && t[text_at] == ' ') ++text_at;
  return true;
}

// Whether a heading's text starts as a numbered entry does ("39 Smith J. ...", "[39] ..."): a
// converter made a heading of an entry. "6.2 Results", "2 Methods" are headings.
bool starts_with_number(std::string_view t) {
  std::size_t i = t.rfind('[', 0) == 0 ? 1 : 0;
  const std::size_t digits = i;
  while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == digits || i - digits > 4 || (i < t.size() && t[i] == '.')) return false;
  return t.size() - i > 40;
}

// The text of a heading's inlines.
void inline_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    if (const char* literal = cmark_node_get_literal(c)) out += literal;
    inline_text(c, out);
  }
}

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc), s_(doc.text()) {}

  std::vector<Reference> run() {
    // CommonMark ends a line at a lone CR too, the document only at LF: a lone CR is read as a
    // space (same length, so every offset stays), and the parser's lines are the document's.
    std::string lone_cr_as_space;
    std::string_view text = s_;
    for (std::size_t at = s_.find('\r'); at != std::string_view::npos; at = s_.find('\r', at + 1)) {
      if (at + 1 < s_.size() && s_[at + 1] == '\n') continue;
      if (lone_cr_as_space.empty()) lone_cr_as_space.assign(s_);
      lone_cr_as_space[at] = ' ';
      text = lone_cr_as_space;
    }
    const std::unique_ptr<cmark_node, NodeDeleter> root(
        cmark_parse_document(text.data(), text.size(), CMARK_OPT_SOURCEPOS));
    const int lines = static_cast<int>(doc_.line_count());
    int next_line = 1;  // the first line no block has covered yet
    for (cmark_node* n = cmark_node_first_child(root.get()); n; n = cmark_node_next(n)) {
      // Clamped to the document's lines, whatever the parser says.
      const int first = std::clamp(cmark_node_get_start_line(n), 1, std::max(lines, 1));
      const int last = std::clamp(cmark_node_get_end_line(n), first, std::max(lines, 1));
      definitions(next_line, first - 1);  // lines CommonMark took for definitions only
      block(n, first, last);
      next_line = std::max(next_line, last + 1);
    }
    definitions(next_line, lines);
    end_section(lines + 1);
    std::stable_sort(refs_.begin(), refs_.end(), [](const Reference& a, const Reference& b) {
      return a.span.begin < b.span.begin;
    });
    return std::move(refs_);
  }

 private:
  // The byte offset of a 1-based line and column (cmark counts bytes; column 0 is the line
  // break before the line).
  std::size_t offset(int line, int column) const {
    if (line < 1) return 0;
    if (line > static_cast<int>(doc_.line_count())) return s_.size();
    return std::min(doc_.line_begin(line) + static_cast<std::size_t>(std::max(column - 1, 0)),
                    s_.size());
  }
  std::size_t end_offset(cmark_node* n) const {
    const int line = cmark_node_get_end_line(n), column = cmark_node_get_end_column(n);
    if (column == 0) return offset(line, 1) > 0 ? offset(line, 1) - 1 : 0;
    return std::min(offset(line, column) + 1, s_.size());
  }

  void add(std::string id, std::size_t begin, std::size_t end) {
    while (end > begin && std::isspace(static_cast<unsigned char>(s_[end - 1]))) --end;
    if (end <= begin) return;
    Reference ref;
    ref.id = id.empty() ? std::to_string(refs_.size() + 1) : std::move(id);
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    extract(doc_, ref);
    refs_.push_back(std::move(ref));
  }

  // Footnote and link reference definitions in lines [first, last] (outside other blocks, or
  // in a paragraph's lines): each runs to the next definition or to a blank line.
  void definitions(int first, int last) {
    last = std::min(last, static_cast<int>(doc_.line_count()));
    std::size_t open = std::string_view::npos, open_end = 0;
    std::string open_id;
    auto close = [&] {
      if (open != std::string_view::npos) add(open_id, open, open_end);
      open = std::string_view::npos;
    };
    for (int l = first; l <= last; ++l) {
      const std::string_view t = doc_.line_text(l);
      std::string id;
      std::size_t text_at = 0;
      if (definition(t, id, text_at)) {
        close();
        has_items_ = true;  // a section of definitions is no plain text list
        open = doc_.line_begin(l) + text_at;
        open_end = doc_.line_begin(l) + t.size();
        open_id = std::move(id);
      } else if (t.find_first_not_of(" \t\r") == std::string_view::npos) {
        close();
      } else if (open != std::string_view::npos) {
        open_end = doc_.line_begin(l) + t.size();  // indented or lazy: the definition goes on
      }
    }
    close();
  }

  void block(cmark_node* n, int first, int last) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: {
        std::string title;
        inline_text(n, title);
        heading(cmark_node_get_heading_level(n), title, first);
        return;
      }
      case CMARK_NODE_PARAGRAPH: {
        definitions(first, last);
        // "参考文献：", "References" alone on a line: a converted paper's heading as plain
        // text, maybe with the entries right under it in the same paragraph.
        if (!in_section_ && headings::is_references_heading(doc_.line_text(first)))
          start_section(7, first + 1);
        return;
      }
      case CMARK_NODE_LIST:
        if (!in_section_) return;
        has_items_ = true;
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
          cmark_node* body = cmark_node_first_child(item);
          if (!body) continue;
          add("", offset(cmark_node_get_start_line(body), cmark_node_get_start_column(body)),
              end_offset(item));
        }
        return;
      default:
        return;  // code, HTML, thematic breaks
    }
  }

  void heading(int level, std::string_view title, int line) {
    // In a plain reference section a converter's heading may be an entry ("# 39 Smith J. ...").
    if (in_section_ && !has_items_ && starts_with_number(title)) return;
    if (headings::names_references(title) || headings::is_references_heading(title)) {
      end_section(line);
      start_section(level, line + 1);
    } else if (in_section_ && (level <= level_ || headings::is_after_references_heading(title))) {
      end_section(line);
    }
  }

  void start_section(int level, int first_line) {
    in_section_ = true;
    has_items_ = false;
    level_ = level;
    first_line_ = first_line;
  }

  // Ends the reference section before `line`: one without lists is read as a text list.
  void end_section(int line) {
    if (in_section_ && !has_items_ && line > first_line_) {
      for (Reference& ref : read_text(doc_, first_line_, line - 1)) {
        extract(doc_, ref);
        refs_.push_back(std::move(ref));
      }
    }
    in_section_ = false;
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Reference> refs_;
  bool in_section_ = false;  // inside a section whose heading names the references
  bool has_items_ = false;   // ... which has a list
  int level_ = 0;            // its heading's level (7: a plain line)
  int first_line_ = 0;       // its first line after the heading
};

}  // namespace

std::vector<Reference> read_markdown(const Document& doc, std::vector<Diagnostic>&) {
  return Reader(doc).run();
}

}  // namespace citelint
