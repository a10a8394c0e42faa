// JATS: each <xref ref-type="bibr" rid="..."> of the article (a rid may name several refs),
// against the ids of its <ref>s. Two xrefs with only a dash between them ("1–3") cite the refs
// between them too, as publishers write ranges.
#include <pugixml.hpp>

#include "cite/scan.hpp"
#include "read/nesting.hpp"

namespace citelint::cite {

namespace {

struct Walker {
  const Document& doc;
  std::string_view text;
  std::span<const Reference> refs;
  std::vector<Citation>& out;
  Nesting nesting;
  std::uint32_t group = 0;
  std::size_t last_end = 0;  // of the last xref

  // Where the xref at `at` ('<') ends.
  std::size_t end_of(std::size_t at) const {
    const std::size_t close = text.find('>', at);
    if (close == std::string_view::npos) return text.size();
    if (close > 0 && text[close - 1] == '/') return close + 1;
    const std::size_t end = text.find("</xref>", close);
    return end == std::string_view::npos ? close + 1 : end + 7;
  }

  // The refs between the last xref's and this one's (a range written with a dash).
  void fill_range(std::string_view from, std::string_view to, const Citation& like) {
    std::size_t a = refs.size(), b = refs.size();
    for (std::size_t i = 0; i < refs.size(); ++i) {
      if (refs[i].id == from) a = i;
      if (refs[i].id == to) b = i;
    }
    if (a >= refs.size() || b >= refs.size()) return;
    for (std::size_t i = a + 1; i < b && i - a < 1000; ++i) {
      Citation c = like;
      c.key = refs[i].id;
      out.push_back(std::move(c));
    }
  }

  void xref(const pugi::xml_node& e) {
    if (std::string_view(e.attribute("ref-type").value()) != "bibr") return;
    const std::ptrdiff_t name_at = e.offset_debug();
    if (name_at <= 0) return;
    const std::size_t begin = static_cast<std::size_t>(name_at) - 1, end = end_of(begin);
    std::string_view between = last_end && last_end <= begin
                                   ? text.substr(last_end, begin - last_end)
                                   : std::string_view();
    const bool range = !between.empty() && between.size() <= 8 &&
                       (between.find("–") != between.npos || between.find('-') != between.npos);
    const bool same_mark = !between.empty() && between.size() <= 8 &&
                           between.find_first_not_of(" ,;–-") == std::string_view::npos;
    if (!same_mark) ++group;
    const std::string_view rids = e.attribute("rid").value();
    const std::string previous = !out.empty() ? out.back().key : std::string();
    for (std::size_t b = 0; b < rids.size();) {
      std::size_t s = rids.find(' ', b);
      if (s == std::string_view::npos) s = rids.size();
      if (s > b) {
        Citation c = key_citation(doc, std::string(rids.substr(b, s - b)), begin, end, group);
        if (range && b == 0 && !previous.empty()) fill_range(previous, c.key, c);
        out.push_back(std::move(c));
      }
      b = s + 1;
    }
    last_end = end;
  }

  void walk(const pugi::xml_node& node) {
    const Nesting::Level level(nesting, std::string::npos);
    if (!level) return;
    for (const pugi::xml_node& c : node.children()) {
      if (c.type() != pugi::node_element) continue;
      const std::string_view name = c.name();
      if (name == "ref-list") continue;  // the list's own cross-references are not citations
      if (name == "xref") xref(c);
      walk(c);
    }
  }
};

}  // namespace

std::vector<Citation> scan_jats(const Document& doc, std::span<const Reference> refs,
                                std::vector<Diagnostic>&) {
  std::vector<Citation> out;
  pugi::xml_document xml;
  const std::string& t = doc.text();
  xml.load_buffer(t.data(), t.size(), pugi::parse_default, pugi::encoding_utf8);
  Walker w{doc, t, refs, out, {}};
  w.walk(xml);
  return out;
}

}  // namespace citelint::cite
