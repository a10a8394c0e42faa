// HTML: the reference list of a web page or an HTML article, parsed by an HTML5 parser (gumbo:
// the WHATWG algorithm, so unclosed tags, stray end tags and entities read as a browser reads
// them). A reference is an item (<li>, <dd>) of a list that is the references: the first list
// after a heading that names them (References, Bibliography, Works Cited, 参考文献...), or a
// list inside an element whose id or class says so ("references", "reflist", "ref-list").
// Each item is read as the page shows it (Projection: tags gone, entities decoded, white space
// collapsed), so a date inside or split by inline tags reads whole; the href of each link is a
// URL too; every item keeps its position in the source.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/projection.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"
#include "read/nesting.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

bool is_heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}
bool is_list(GumboTag t) { return t == GUMBO_TAG_OL || t == GUMBO_TAG_UL || t == GUMBO_TAG_DL; }
bool is_hidden(GumboTag t) {
  return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE ||
         t == GUMBO_TAG_NOSCRIPT;
}
// Elements that end a line when shown (a space between their text and the next).
bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

// Whether an element's id or class names the references.
bool named_references(const GumboElement& e) {
  for (const char* name : {"id", "class"})
    if (const char* v = attribute(e, name); v && headings::attribute_names_references(v))
      return true;
  return false;
}

class Reader {
 public:
  Reader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> run() {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // a page's markup errors are the browser's to forgive
    GumboOutput* out = gumbo_parse_with_options(&options, s_.data(), s_.size());
    walk(out->root, false);
    gumbo_destroy_output(&options, out);
    if (nesting_.exceeded()) {
      const Span at = doc_.span(nesting_.first(), nesting_.first());
      diagnostics_.push_back({doc_.path(), at.line, at.column, Nesting::message()});
    }
    return std::move(refs_);
  }

 private:
  // The offset in the source of a view gumbo gives into it.
  std::size_t offset(const char* p) const { return static_cast<std::size_t>(p - s_.data()); }
  bool in_source(const GumboStringPiece& piece) const {
    return piece.data && piece.data >= s_.data() &&
           piece.data + piece.length <= s_.data() + s_.size();
  }

  std::size_t start_of(const GumboElement& e) const {
    return std::min<std::size_t>(e.start_pos.offset, s_.size());
  }

  // Where an element starts and ends in the source (its end tag's end; the start of the next
  // thing when the end tag was left out).
  std::pair<std::size_t, std::size_t> extent(const GumboNode& n) const {
    const GumboElement& e = n.v.element;
    const std::size_t begin = std::min<std::size_t>(e.start_pos.offset, s_.size());
    std::size_t end = std::min<std::size_t>(e.end_pos.offset, s_.size());
    if (in_source(e.original_end_tag))
      end = offset(e.original_end_tag.data) + e.original_end_tag.length;
    return {begin, std::max(begin, end)};
  }

  // Walks the page in document order; `in_references`: inside an element that names them.
  void walk(const GumboNode* node, bool in_references) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    const Nesting::Level level(nesting_, start_of(e));
    if (!level) return;
    if (is_hidden(e.tag)) return;
    if (e.tag == GUMBO_TAG_LINK) {
      const char* rel = attribute(e, "rel");
      const char* href = attribute(e, "href");
      if (rel && href && std::strcmp(rel, "canonical") == 0) page_ = href;
      return;
    }
    if (is_heading(e.tag)) {
      std::string title;
      text_of(node, title);
      after_heading_ = headings::names_references(title);
      return;
    }
    const bool named = named_references(e);
    if (is_list(e.tag) && (in_references || named || after_heading_)) {
      after_heading_ = false;
      for (unsigned k = 0; k < e.children.length; ++k) {
        const auto* item = static_cast<const GumboNode*>(e.children.data[k]);
        if (item->type != GUMBO_NODE_ELEMENT) continue;
        const GumboTag t = item->v.element.tag;
        if (t == GUMBO_TAG_LI || t == GUMBO_TAG_DD)
          reference(item);
        else
          walk(item, true);  // a list wrapped in a div, say
      }
      return;
    }
    if ((e.tag == GUMBO_TAG_SECTION || e.tag == GUMBO_TAG_DIV) && named) after_heading_ = true;
    for (unsigned k = 0; k < e.children.length; ++k)
      walk(static_cast<const GumboNode*>(e.children.data[k]), in_references || named);
  }

  // The text of an element, as shown (for headings).
  void text_of(const GumboNode* node, std::string& out) const {
    if (node->type == GUMBO_NODE_TEXT) out += node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const Nesting::Level level(nesting_, start_of(node->v.element));
    if (!level) return;
    for (unsigned k = 0; k < node->v.element.children.length; ++k)
      text_of(static_cast<const GumboNode*>(node->v.element.children.data[k]), out);
  }

  // Whether a link goes to a place on this page: a saved page's back link to where the text
  // cites the reference (https://en.wikipedia.org/wiki/Cat#cite_ref-5), known by the page's
  // canonical URL, or by its words: a mark ("^", "↑", "↩") or a letter ("a", "b").
  bool on_this_page(std::string_view href, std::string_view words) const {
    const std::size_t hash = href.find('#');
    if (hash == std::string_view::npos) return false;
    if (!page_.empty() && href.substr(0, hash) == page_) return true;
    while (!words.empty() && words.back() == ' ') words.remove_suffix(1);
    while (!words.empty() && words.front() == ' ') words.remove_prefix(1);
    if (words.size() == 1)
      return std::isalpha(static_cast<unsigned char>(words[0])) || words[0] == '^';
    // Arrows (↑, ↩) and the variation selectors after them; not words in any script ("存档").
    for (std::size_t i = 0; i < words.size();) {
      const char32_t c = utf8::next(words, i);
      if (!(c >= 0x2190 && c <= 0x21FF) && c != 0xFE0E && c != 0xFE0F && c != U'^' && c != U' ')
        return false;
    }
    return !words.empty();
  }

  // MediaWiki's links back to where a note is cited ("↑ 1 2 3", "^ a b"): no words of the
  // entry. Other pages' back-links are single letters and arrows (on_this_page).
  static bool is_back_links(const GumboElement& e) {
    const char* css = attribute(e, "class");
    const char* rel = attribute(e, "rel");
    return (css && std::strstr(css, "mw-cite-backlink")) ||
           (rel && std::strstr(rel, "mw:referencedBy"));
  }

  // A link of the item; `external`: its class says it leaves the site ("external text", as
  // MediaWiki marks the cited links apart from the wiki's own).
  struct ItemLink {
    Projection::Link link;
    bool external;
  };

  // The projection of an item's content, and its links.
  void project(const GumboNode* node, Projection& p, std::vector<ItemLink>& links) const {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      const GumboText& t = node->v.text;
      if (!in_source(t.original_text)) return;
      p.append_text(t.text, {t.original_text.data, t.original_text.length},
                    offset(t.original_text.data));
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    const Nesting::Level level(nesting_, start_of(e));
    if (!level) return;
    if (is_hidden(e.tag) || is_back_links(e)) return;
    const auto [begin, end] = extent(*node);
    if (is_block(e.tag)) p.separate(begin);
    const std::size_t text_begin = p.size();
    for (unsigned k = 0; k < e.children.length; ++k)
      project(static_cast<const GumboNode*>(e.children.data[k]), p, links);
    if (e.tag == GUMBO_TAG_A) {
      const GumboAttribute* href = gumbo_get_attribute(&e.attributes, "href");
      if (href && in_source(href->original_value) && href->original_value.length > 0) {
        std::size_t b = offset(href->original_value.data), f = b + href->original_value.length;
        if (s_[b] == '"' || s_[b] == '\'') ++b, --f;  // the quotes
        const std::string_view words = std::string_view(p.text()).substr(text_begin);
        const char* css = attribute(e, "class");
        if (on_this_page(href->value, words)) {
          p.truncate(text_begin);  // a link back to where the work is cited: not its words
        } else if (f > b) {
          links.push_back({{text_begin, p.size(), href->value, b, f},
                           css && std::strstr(css, "external") != nullptr});
        }
      }
    }
    if (is_block(e.tag)) p.separate(end);
  }

  void reference(const GumboNode* item) {
    const auto [begin, end] = extent(*item);
    Reference ref;
    ref.id = std::to_string(refs_.size() + 1);
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    Projection p;
    std::vector<ItemLink> links;
    for (unsigned k = 0; k < item->v.element.children.length; ++k)
      project(static_cast<const GumboNode*>(item->v.element.children.data[k]), p, links);
    // Where the page marks its external links, the others are its own (a wiki's links to its
    // articles on the publisher or the work): no URLs the entry cites.
    const bool marked =
        std::any_of(links.begin(), links.end(), [](const ItemLink& l) { return l.external; });
    for (ItemLink& l : links)
      if (l.external || !marked) p.add_link(std::move(l.link));
    extract_projected(doc_, ref, p);
    doc_.add_entry_text(ref.span.begin, p.text(), p.runs());  // for the rules about writing
    refs_.push_back(std::move(ref));
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
  mutable Nesting nesting_;
  std::string page_;            // the page's own URL, as its <link rel="canonical"> gives it
  bool after_heading_ = false;  // since a heading that names the references, before a list
  std::vector<Reference> refs_;
};

}  // namespace

std::vector<Reference> read_html(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return Reader(doc, diagnostics).run();
}

// Whether the text opens as an HTML page.
bool looks_like_html(std::string_view t) {
  const std::string head = utf8::ascii_lower(record::past_blanks(t).substr(0, 15));
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0;
}

}  // namespace citelint
