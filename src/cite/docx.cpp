// DOCX: the citation fields reference managers write, which name each cited item exactly
// (Zotero's "ADDIN ZOTERO_ITEM CSL_CITATION {json}", Mendeley's "ADDIN CSL_CITATION {json}":
// CSL-JSON items; EndNote's "ADDIN EN.CITE <EndNote><Cite>...": author, year, title), numbers
// set as superscripts, and in the rest of the body numbers in brackets or author-year
// citations, as in any text.
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "cite/scan.hpp"

namespace citelint::cite {

namespace {

Citation record(const Document& doc, const Document::Field& f, std::uint32_t group) {
  Citation c;
  c.form = CiteForm::record;
  c.group = group;
  c.span = doc.span(f.begin, f.end);
  return c;
}

// A CSL-JSON item's author, year and title.
void csl_item(const nlohmann::json& data, Citation& c) {
  if (!data.is_object()) return;
  if (auto t = data.find("title"); t != data.end() && t->is_string()) c.title = *t;
  if (auto a = data.find("author"); a != data.end() && a->is_array() && !a->empty()) {
    const nlohmann::json& first = a->front();
    for (const char* k : {"family", "literal"})
      if (auto n = first.find(k); n != first.end() && n->is_string()) {
        c.author = *n;
        break;
      }
    c.names = static_cast<std::uint8_t>(std::min<std::size_t>(a->size(), 255));
  }
  if (auto i = data.find("issued"); i != data.end() && i->is_object()) {
    if (auto p = i->find("date-parts");
        p != i->end() && p->is_array() && !p->empty() && (*p)[0].is_array() && !(*p)[0].empty()) {
      const nlohmann::json& y = (*p)[0][0];
      c.year = y.is_number_integer() ? std::to_string(y.get<int>())
                                     : (y.is_string() ? y.get<std::string>() : "");
    } else if (auto r = i->find("raw"); r != i->end() && r->is_string()) {
      c.year = r->get<std::string>().substr(0, 4);
    }
  }
}

bool csl_field(const Document& doc, const Document::Field& f, std::uint32_t group,
               std::vector<Citation>& out, std::vector<Diagnostic>& diagnostics) {
  const std::size_t brace = f.code.find('{');
  if (f.code.find("CSL_CITATION") == std::string_view::npos || brace == std::string_view::npos)
    return false;
  const nlohmann::json j = nlohmann::json::parse(f.code.substr(brace), nullptr, false);
  const Span at = doc.span(f.begin, f.end);
  if (j.is_discarded() || !j.contains("citationItems") || !j["citationItems"].is_array()) {
    diagnostics.push_back({doc.path(), at.line, at.column,
                           "a citation field's data is not CSL-JSON: the citation is read as "
                           "its text"});
    return false;
  }
  for (const nlohmann::json& item : j["citationItems"]) {
    Citation c = record(doc, f, group);
    if (item.contains("itemData")) csl_item(item["itemData"], c);
    if (item.contains("id")) c.key = item["id"].dump();
    out.push_back(std::move(c));
  }
  return true;
}

bool endnote_field(const Document& doc, const Document::Field& f, std::uint32_t group,
                   std::vector<Citation>& out) {
  const std::size_t xml_at = f.code.find("<EndNote");
  if (f.code.find("EN.CITE") == std::string_view::npos || xml_at == std::string_view::npos)
    return false;
  pugi::xml_document xml;
  const std::string_view x = f.code.substr(xml_at);
  if (!xml.load_buffer(x.data(), x.size())) return false;
  bool any = false;
  for (const pugi::xml_node& cite : xml.child("EndNote").children("Cite")) {
    Citation c = record(doc, f, group);
    c.author = cite.child_value("Author");
    c.year = cite.child_value("Year");
    c.key = cite.child_value("RecNum");
    const pugi::xml_node rec = cite.child("record");
    c.title = rec.child("titles").child("title").text().get();
    if (c.title.empty()) c.title = rec.child("titles").child("title").child_value("style");
    out.push_back(std::move(c));
    any = true;
  }
  return any;
}

}  // namespace

std::vector<Citation> scan_docx(const Document& doc, std::span<const Reference> refs,
                                std::vector<Diagnostic>& diagnostics) {
  std::vector<Citation> out;
  std::uint32_t group = 0;
  const std::size_t list_at = list_begin(doc);
  for (const Document::Field& f : doc.fields()) {
    if (f.begin >= list_at) continue;  // the list's own (a bibliography's fields)
    if (f.superscript) {
      add_numbers(doc, f.begin, f.end, group + 1, out) && ++group;
      continue;
    }
    if (!csl_field(doc, f, group + 1, out, diagnostics) && !endnote_field(doc, f, group + 1, out))
      continue;
    ++group;
  }
  scan_plain(doc, body_ranges(doc, refs), numbered(refs), group, out);
  std::stable_sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

}  // namespace citelint::cite
