// JATS XML (journal articles as PubMed Central, SciELO and publishers deposit them): each ref
// of a ref-list is a reference. URLs from ext-link and uri (and URLs in the citation's text),
// the DOI from pub-id pub-id-type="doi", the access date from date-in-citation
// content-type="access-date" (its iso-8601-date first, then its text, "Acesso em: 3 mar. 2021"),
// else from the words of the mixed-citation; the year (month, day) of element-citation. Each
// item keeps its position in the file. Broken XML is reported where it breaks; the refs before
// it are read.
#include <algorithm>
#include <cstring>
#include <pugixml.hpp>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/date_parts.hpp"
#include "extract/projection.hpp"
#include "model/utf8.hpp"
#include "read/nesting.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

class Reader {
 public:
  Reader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> run() {
    pugi::xml_document xml;
    const pugi::xml_parse_result parsed =
        xml.load_buffer(s_.data(), s_.size(), pugi::parse_default, pugi::encoding_utf8);
    std::vector<Reference> refs;
    collect(xml, refs);
    if (nesting_.exceeded()) {
      const Span at =
          doc_.span(std::min(nesting_.first(), s_.size()), std::min(nesting_.first(), s_.size()));
      diagnostics_.push_back({doc_.path(), at.line, at.column, Nesting::message()});
    }
    if (!parsed) {
      const std::size_t at =
          std::min(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)), s_.size());
      const Span where = doc_.span(at, at);
      std::string message = "broken XML: ";
      message += parsed.description();
      diagnostics_.push_back({doc_.path(), where.line, where.column, message});
      diagnostics_.push_back({doc_.path(), 0, 0,
                              "the rest of the file, from line " + std::to_string(where.line) +
                                  ", was not read; the " + std::to_string(refs.size()) +
                                  " refs before it were"});
    }
    return refs;
  }

 private:
  // Every ref of every ref-list, in document order.
  void collect(const pugi::xml_node& node, std::vector<Reference>& refs) {
    const Nesting::Level level(nesting_, start_of(node));
    if (!level) return;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (std::strcmp(child.name(), "ref") == 0 && std::strcmp(node.name(), "ref-list") == 0) {
        refs.push_back(reference(child, refs.size()));
      } else {
        collect(child, refs);
      }
    }
  }

  // Where an element's tag starts ('<'), or npos for the document.
  std::size_t start_of(const pugi::xml_node& e) const {
    const std::ptrdiff_t at = e.offset_debug();
    return at > 0 ? std::min(static_cast<std::size_t>(at - 1), s_.size()) : 0;
  }

  // Where an element starts ('<') and ends (after its closing tag), in the file.
  std::pair<std::size_t, std::size_t> extent(const pugi::xml_node& e) const {
    const std::ptrdiff_t name_at = e.offset_debug();
    if (name_at <= 0) return {0, 0};
    const std::size_t begin = static_cast<std::size_t>(name_at) - 1;
    std::string closing = "</";  // built up: GCC 12 warns falsely on a + b + c here
    closing += e.name();
    closing += '>';
    std::size_t end = s_.find(closing, begin);
    end = end == std::string_view::npos ? s_.size() : end + closing.size();
    const std::size_t self_closing = s_.find("/>", begin);
    const std::size_t tag_end = s_.find('>', begin);
    if (self_closing != std::string_view::npos && self_closing + 1 == tag_end) end = tag_end + 1;
    return {begin, end};
  }

  // Where an attribute's value stands in the file, from its element's start tag.
  std::pair<std::size_t, std::size_t> attribute_at(const pugi::xml_node& e,
                                                   const char* name) const {
    const auto [begin, end] = extent(e);
    const std::size_t tag_end = std::min(end, s_.find('>', begin));
    for (std::size_t at = s_.find(name, begin); at < tag_end; at = s_.find(name, at + 1)) {
      std::size_t v = at + std::strlen(name);
      while (v < tag_end && s_[v] == ' ') ++v;
      if (v >= tag_end || s_[v] != '=') continue;
      ++v;
      while (v < tag_end && s_[v] == ' ') ++v;
      if (v >= tag_end || (s_[v] != '"' && s_[v] != '\'')) continue;
      const std::size_t close = s_.find(s_[v], v + 1);
      if (close == std::string_view::npos || close > tag_end) break;
      return {v + 1, close};
    }
    return {0, 0};
  }

  // Where an element's own text is: its first text child.
  std::pair<std::size_t, std::size_t> text_at(const pugi::xml_node& e) const {
    for (const pugi::xml_node& c : e.children()) {
      if (c.type() != pugi::node_pcdata || c.offset_debug() < 0) continue;
      const std::size_t b = static_cast<std::size_t>(c.offset_debug());
      const std::size_t lt = s_.find('<', b);
      std::size_t end = lt == std::string_view::npos ? s_.size() : lt;
      std::size_t begin = b;
      while (begin < end && std::isspace(static_cast<unsigned char>(s_[begin]))) ++begin;
      while (end > begin && std::isspace(static_cast<unsigned char>(s_[end - 1]))) --end;
      return {begin, end};
    }
    return {0, 0};
  }

  // A date-in-citation that is the access date: content-type="access-date", or none (eLife and
  // SciELO leave it out: "<date-in-citation>acesso em 18-V-2020</date-in-citation>"), not a
  // copyright year or an update.
  static bool access_date(const pugi::xml_node& e) {
    const pugi::xml_attribute type = e.attribute("content-type");
    return !type || std::strcmp(type.value(), "access-date") == 0 ||
           std::strcmp(type.value(), "accessed") == 0;
  }

  // The text of a citation as it reads (Projection): tags gone, entities decoded. Where each
  // link with an href stands goes to links.
  void project(const pugi::xml_node& node, Projection& p,
               std::vector<std::pair<std::size_t, std::size_t>>& links) const {
    const Nesting::Level level(nesting_, start_of(node));
    if (!level) return;
    std::size_t after = 0;  // where the child before ended
    // White space between two elements ("</surname> <given-names>"), which the parser drops:
    // the words on either side stay apart.
    auto gap = [&](std::size_t begin) {
      if (after == 0 || begin <= after) return;
      const std::string_view between = s_.substr(after, begin - after);
      if (between.find_first_not_of(" \t\r\n") == std::string_view::npos)
        p.append_text(between, between, after);
    };
    for (const pugi::xml_node& c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        if (c.offset_debug() < 0) continue;
        const std::size_t b = static_cast<std::size_t>(c.offset_debug());
        const std::size_t lt = std::min(s_.find('<', b), s_.size());
        gap(b);
        p.append_text(c.value(), s_.substr(b, lt - b), b);
        after = lt;
      } else if (c.type() == pugi::node_element) {
        const auto [b, e] = extent(c);
        gap(b);
        if (c.attribute("xlink:href")) links.push_back({b, e});
        project(c, p, links);
        after = e;
      }
    }
  }

  // What the words of a mixed-citation give: URLs written in its text, the DOIs after "doi:",
  // and (when no date-in-citation gave one) the dates its words mark ("Last accessed: Jan. 13,
  // 2024", "<comment>Accessed</comment> January 2012", "Acesso em: 20 out. 2022").
  // `entry` gets the citation's text, for the rules about how an entry is written.
  void read_citation_text(const pugi::xml_node& citation, Reference& ref, bool accessed,
                          Projection& entry) {
    Projection p;
    std::vector<std::pair<std::size_t, std::size_t>> links;
    project(citation, p, links);
    const auto [b, end] = extent(citation);
    if (entry.size() > 0) entry.separate(b);
    entry.append(p);
    Reference words;
    words.span = doc_.span(b, end);
    extract_projected(doc_, words, p);
    for (Url& u : words.urls) {
      // The words of an ext-link that show its href (or the href cut short at a gap) are that
      // link, read already: one URL, one finding for a gap in both.
      const bool inside_link = std::any_of(links.begin(), links.end(), [&](const auto& l) {
        return u.span.begin >= l.first && u.span.end <= l.second;
      });
      if (inside_link && std::any_of(ref.urls.begin(), ref.urls.end(), [&](const Url& href) {
            return href.normalised.substr(0, u.normalised.size()) == u.normalised;
          }))
        continue;
      // An ext-link that the words go on past ("<ext-link>https://doi.org/10.1002/(SICI)...19
      // </ext-link>: 3%3C335::AID..."): the link as the text gives it whole.
      if (u.composed)
        std::erase_if(ref.urls, [&](const Url& link) {
          return link.normalised.size() < u.normalised.size() &&
                 u.normalised.substr(0, link.normalised.size()) == link.normalised;
        });
      record::add_url(ref, std::move(u));
    }
    for (const Date& d : words.dates)
      if (!accessed && (d.role == DateRole::accessed || d.role == DateRole::updated ||
                        d.role == DateRole::archived))
        ref.dates.push_back(d);
    // The same DOI as a pub-id's, which may end with a stray full stop, is not another; one
    // that goes on past a pub-id's (the markup split it: "...(20000215)19</ext-link>: 3%3C335")
    // stands for it.
    auto bare = [](std::string_view v) {
      while (!v.empty() && v.back() == '.') v.remove_suffix(1);
      return utf8::ascii_lower(v);
    };
    for (Doi& d : words.dois) {
      const std::string value = bare(d.value);
      std::erase_if(ref.dois, [&](const Doi& x) {
        const std::string cut = bare(x.value);
        return cut.size() < value.size() && value.compare(0, cut.size(), cut) == 0;
      });
      if (std::none_of(ref.dois.begin(), ref.dois.end(),
                       [&](const Doi& x) { return bare(x.value) == value; }))
        ref.dois.push_back(std::move(d));
    }
    for (Identifier& id : words.ids)  // "PMID: 123" in the words, once with a pub-id's
      record::add_identifier(ref, std::move(id));
  }

  void add_url(Reference& ref, std::size_t b, std::size_t e, std::string_view meaning) {
    if (e <= b) return;
    Url u = make_url(doc_, b, e, meaning);
    u.composed = u.as_written != meaning;  // entities (&amp;): not the URL as written
    record::add_url(ref, std::move(u));
  }

  // <isbn>, <issn>, and <pub-id> of type pmid, pmcid or arxiv (JATS's pub-id-type values).
  static std::optional<IdScheme> id_element(const pugi::xml_node& e) {
    const std::string_view name = e.name();
    if (name == "isbn") return IdScheme::isbn;
    if (name == "issn") return IdScheme::issn;
    if (name != "pub-id") return std::nullopt;
    const std::string_view type = e.attribute("pub-id-type").value();
    if (type == "pmid") return IdScheme::pmid;
    if (type == "pmcid") return IdScheme::pmcid;
    if (type == "arxiv") return IdScheme::arxiv;
    return std::nullopt;
  }

  void walk(const pugi::xml_node& node, Reference& ref, bool& accessed) {
    const Nesting::Level level(nesting_, start_of(node));
    if (!level) return;
    for (const pugi::xml_node& e : node.children()) {
      if (e.type() != pugi::node_element) continue;
      const std::string_view name = e.name();
      if (name == "ext-link" || name == "uri") {
        if (const pugi::xml_attribute href = e.attribute("xlink:href")) {
          const auto [b, end] = attribute_at(e, "xlink:href");
          add_url(ref, b, end, href.value());
        } else if (name == "uri") {
          const auto [b, end] = text_at(e);
          add_url(ref, b, end, e.child_value());
        }
      } else if (name == "pub-id" && std::strcmp(e.attribute("pub-id-type").value(), "doi") == 0) {
        const auto [b, end] = text_at(e);
        if (end > b) {
          Doi d = record::make_doi(doc_, b, end, e.child_value());
          if (std::none_of(ref.dois.begin(), ref.dois.end(),
                           [&](const Doi& x) { return x.value == d.value; }))
            ref.dois.push_back(std::move(d));
        }
      } else if (const std::optional<IdScheme> scheme = id_element(e)) {
        const auto [b, end] = text_at(e);
        if (end > b) record::add_identifiers(doc_, ref, b, end, *scheme);
      } else if (name == "date-in-citation" && access_date(e) && !accessed) {
        if (e.attribute("iso-8601-date")) {
          const auto [b, end] = attribute_at(e, "iso-8601-date");
          ParsedDate parsed;
          if (auto p = parse_date_text(e.attribute("iso-8601-date").value())) parsed = *p;
          ref.dates.push_back(make_date(doc_, DateRole::accessed, b, end, parsed));
          accessed = true;
        } else {
          const auto [b, end] = extent(e);
          accessed = record::add_marked_dates(doc_, ref, b, end) || accessed;
          if (!accessed) {
            auto [tb, te] = text_at(e);
            while (tb < te && (s_[tb] == ':' || s_[tb] == ' ')) ++tb;  // ": Jan. 23, 2024"
            if (te > tb) {
              // A date that does not read ("Jan. 14", no year) is still the access date given:
              // core/DateImpossible says it is no date.
              ParsedDate parsed;
              if (auto p = parse_date_text(s_.substr(tb, te - tb))) parsed = *p;
              ref.dates.push_back(make_date(doc_, DateRole::accessed, tb, te, parsed));
              accessed = true;
            }
          }
        }
      } else {
        walk(e, ref, accessed);
      }
    }
  }

  Reference reference(const pugi::xml_node& e, std::size_t index) {
    Reference ref;
    const char* id = e.attribute("id").value();
    ref.id = *id ? id : std::to_string(index + 1);
    const auto [begin, end] = extent(e);
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    bool accessed = false;
    walk(e, ref, accessed);  // in document order: a URL is where it is first written
    // A mixed-citation is written as a reader sees it (an element-citation is a record of
    // fields): its text is what the rules about writing read.
    Projection written;
    for (const pugi::xml_node& c : e.children("mixed-citation"))
      read_citation_text(c, ref, accessed, written);
    if (written.size() > 0) doc_.add_entry_text(ref.span.begin, written.text(), written.runs());
    // The year (month, day) of element-citation.
    if (const pugi::xml_node ec = e.child("element-citation")) {
      if (const pugi::xml_node y = ec.child("year")) {
        auto [b, yend] = text_at(y);
        // "2022a": author-year styles tell two works of a year apart by a letter; the year is
        // its four digits.
        if (yend - b > 4 && std::isdigit(static_cast<unsigned char>(s_[b])) &&
            std::all_of(s_.begin() + static_cast<std::ptrdiff_t>(b),
                        s_.begin() + static_cast<std::ptrdiff_t>(b + 4),
                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
            !std::isdigit(static_cast<unsigned char>(s_[b + 4])))
          yend = b + 4;
        ParsedDate parsed;
        if (auto p = parse_date_text(s_.substr(b, yend - b))) parsed = *p;
        const int month = std::atoi(ec.child_value("month"));
        const int day = std::atoi(ec.child_value("day"));
        if (parsed.valid && month >= 1 && month <= 12) {
          parsed.month = month;
          parsed.day = day && is_calendar_date(parsed.year, month, day) ? day : 0;
          date_parts::finish_date(parsed, parsed.day ? 3 : 2);
        }
        if (yend > b)
          ref.dates.push_back(make_date(doc_, parsed.month ? DateRole::published : DateRole::year,
                                        b, yend, parsed));
      }
    }
    record::sort_items(ref);
    return ref;
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
  mutable Nesting nesting_;
};

}  // namespace

std::vector<Reference> read_jats(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return Reader(doc, diagnostics).run();
}

// Whether the text is XML with JATS's elements: an <article (or a bare <ref-list) soon.
bool looks_like_jats(std::string_view t) {
  const std::string_view head = record::past_blanks(t).substr(0, 4096);
  if (head.empty() || head[0] != '<') return false;
  return head.find("<article") != std::string_view::npos ||
         head.find("<ref-list") != std::string_view::npos;
}

}  // namespace citelint
