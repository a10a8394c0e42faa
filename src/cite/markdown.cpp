// Markdown: pandoc's citations ("[@key]", "[see @a, p. 3; @b]", "[-@key]", "@key" in the
// text, "@{key}"), footnote references ("[^1]") and reference links ("[text][id]", "[id]") to
// the document's definitions, and in the prose numbers or author-year citations of a list
// written under a References heading. The list: the front matter's `bibliography:` (one file
// or several) and the document's own entries; `nocite:` names entries cited silently.
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>

#include "cite/scan.hpp"

namespace citelint::cite {

namespace {

// The front matter: [begin, end) of its YAML, or none.
Range front_matter(std::string_view t) {
  if (t.rfind("---\n", 0) != 0 && t.rfind("---\r\n", 0) != 0) return {0, 0};
  const std::size_t b = t.find('\n') + 1;
  for (std::size_t at = b; at < t.size();) {
    const std::size_t e = std::min(t.find('\n', at), t.size());
    std::string_view line = t.substr(at, e - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") return {b, at};
    at = e + 1;
  }
  return {0, 0};
}

// The front matter's YAML; none when there is none, or when it is not YAML (`problem` says why,
// `mark` where in it).
std::optional<YAML::Node> front_yaml(std::string_view t, Range front, YAML::Mark& mark,
                                     std::string& problem) {
  if (front.second <= front.first) return std::nullopt;
  try {
    return YAML::Load(std::string(t.substr(front.first, front.second - front.first)));
  } catch (const YAML::Exception& e) {
    mark = e.mark;
    problem = e.msg;
    return std::nullopt;
  }
}

}  // namespace

bool markdown_definition(const Document& doc, const Reference& ref) {
  const std::string_view before = std::string_view(doc.text()).substr(0, ref.span.begin);
  const std::size_t colon = before.find_last_not_of(' ');
  return colon != std::string_view::npos && before[colon] == ':' && colon > 0 &&
         before[colon - 1] == ']';
}

namespace {

// Whether the entry is an item of an ordered list ("3. Smith ..."): numbered by its place.
bool ordered_item(const Document& doc, const Reference& ref) {
  const std::string_view line =
      std::string_view(doc.text())
          .substr(doc.line_begin(ref.span.line), ref.span.begin - doc.line_begin(ref.span.line));
  static const RE2 re(R"(\s*\d{1,4}[.)]\s+)");
  return RE2::FullMatch(re2::StringPiece(line.data(), line.size()), re);
}

// The lines inside fenced code blocks: no citations there.
std::vector<Range> without_code(std::string_view t, std::vector<Range> ranges) {
  std::vector<Range> fences;
  std::size_t open = std::string_view::npos;
  for (std::size_t at = 0; at < t.size();) {
    const std::size_t e = std::min(t.find('\n', at), t.size());
    const std::string_view line = t.substr(at, e - at);
    if (line.rfind("```", 0) == 0 || line.rfind("~~~", 0) == 0) {
      if (open == std::string_view::npos) {
        open = at;
      } else {
        fences.emplace_back(open, e);
        open = std::string_view::npos;
      }
    }
    at = e + 1;
  }
  std::vector<Range> out;
  for (Range r : ranges) {
    for (const Range& f : fences) {
      if (f.second <= r.first || f.first >= r.second) continue;
      if (f.first > r.first) out.emplace_back(r.first, f.first);
      r.first = std::min(r.second, f.second);
    }
    if (r.second > r.first) out.push_back(r);
  }
  return out;
}

// A pandoc key: a letter, digit or _, then those and internal punctuation.
const RE2& key_re() {
  static const RE2 re(R"((?:^|[^\w@.])(-?)@(\{[^}]+\}|[\w][\w:.#$%&\-+?<>~/]*[\w]|[\w]))");
  return re;
}

void pandoc(const Document& doc, Range range, std::uint32_t& group, std::vector<Citation>& out) {
  const std::string_view t(doc.text());
  re2::StringPiece rest(t.data() + range.first, range.second - range.first), dash, key;
  std::size_t bracket_end = 0;
  while (RE2::FindAndConsume(&rest, key_re(), &dash, &key)) {
    std::size_t b = static_cast<std::size_t>(key.data() - t.data());
    std::size_t e = b + key.size();
    // One group per bracket: "[see @a; @b]".
    const std::size_t open = t.rfind('[', b), close = t.find(']', b);
    const bool bracketed = open != std::string_view::npos && open >= range.first &&
                           t.find(']', open) == close && close != std::string_view::npos;
    if (!bracketed || close != bracket_end) ++group;
    bracket_end = bracketed ? close : 0;
    if (t[b] == '{') {
      ++b;
      --e;
    }
    out.push_back(key_citation(doc, std::string(t.substr(b, e - b)), b, e, group));
  }
}

// "[^note]" and "[text][id]", "[id][]", "[id]": the document's definitions, by label.
void references(const Document& doc, Range range, const std::vector<std::string>& labels,
                std::uint32_t& group, std::vector<Citation>& out) {
  static const RE2 re(R"(\[(\^?)([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?)");
  const std::string_view t(doc.text());
  re2::StringPiece rest(t.data() + range.first, range.second - range.first), caret, text, id;
  while (RE2::FindAndConsume(&rest, re, &caret, &text, &id)) {
    const std::size_t after = static_cast<std::size_t>(rest.data() - t.data());
    const std::size_t open = static_cast<std::size_t>(text.data() - t.data()) - 1 - caret.size();
    const std::size_t line = t.rfind('\n', open) + 1;  // npos + 1: the first line
    const bool line_start = t.substr(line, open - line).find_first_not_of(' ') == t.npos;
    if (after < t.size() && ((t[after] == ':' && line_start) || t[after] == '('))
      continue;  // a definition, a link
    const re2::StringPiece& label = id.data() && !id.empty() ? id : text;
    const std::string l(label.data(), label.size());
    if (caret.empty() && std::find(labels.begin(), labels.end(), l) == labels.end()) continue;
    const std::size_t b = static_cast<std::size_t>(label.data() - t.data());
    out.push_back(key_citation(doc, l, b, b + label.size(), ++group));
  }
}

// "[Smith 2020](#smith2020)": a link to an entry's anchor (<a name="smith2020">, <a id=...>).
void anchor_links(const Document& doc, Range range, const std::vector<std::string>& anchors,
                  std::uint32_t& group, std::vector<Citation>& out) {
  static const RE2 re(R"(\]\(#([^)\s]+)\))");
  const std::string_view t(doc.text());
  re2::StringPiece rest(t.data() + range.first, range.second - range.first), id;
  while (RE2::FindAndConsume(&rest, re, &id)) {
    const std::string a(id.data(), id.size());
    if (std::find(anchors.begin(), anchors.end(), a) == anchors.end()) continue;  // a heading
    const std::size_t b = static_cast<std::size_t>(id.data() - t.data());
    out.push_back(key_citation(doc, a, b, b + id.size(), ++group));
  }
}

}  // namespace

std::vector<std::string> markdown_anchors(const Document& doc, const Reference& ref) {
  static const RE2 re(R"(<a\s+(?:name|id)\s*=\s*["']([^"']+)["'])");
  std::vector<std::string> out;
  const std::string_view t = doc.slice(ref.span).substr(0, 300);
  re2::StringPiece rest(t.data(), t.size());
  std::string a;
  while (RE2::FindAndConsume(&rest, re, &a)) out.push_back(a);
  return out;
}

std::vector<Citation> scan_markdown(const Document& doc, std::span<const Reference> refs,
                                    std::vector<Diagnostic>& diagnostics) {
  const std::string_view t(doc.text());
  std::vector<Citation> out;
  std::uint32_t group = 0;
  const Range front = front_matter(t);
  YAML::Mark mark;
  std::string problem;
  const std::optional<YAML::Node> yaml = front_yaml(t, front, mark, problem);
  if (yaml && yaml->IsMap() && (*yaml)["nocite"] && (*yaml)["nocite"].IsScalar()) {
    const std::string nocite = (*yaml)["nocite"].as<std::string>();
    const std::size_t at = t.find("nocite", front.first);
    re2::StringPiece rest(nocite), dash, key;
    while (RE2::FindAndConsume(&rest, key_re(), &dash, &key)) {
      Citation c = key_citation(doc, std::string(key.data(), key.size()), at, at + 6, ++group);
      c.silent = true;
      out.push_back(std::move(c));
    }
    if (nocite.find("@*") != std::string::npos) {
      Citation c = key_citation(doc, "*", at, at + 6, ++group);
      c.silent = c.all = true;
      out.push_back(std::move(c));
    }
  }
  if (!problem.empty()) {
    const Span at = doc.span(front.first, front.first);
    diagnostics.push_back({doc.path(), at.line + mark.line, mark.column + 1,
                           "the front matter is not YAML: " + problem});
  }
  std::vector<std::string> labels, anchors;
  std::vector<Reference> items;  // entries under a References heading, not definitions
  bool ordered = false;
  for (const Reference& r : refs) {
    std::vector<std::string> own = markdown_anchors(doc, r);
    anchors.insert(anchors.end(), own.begin(), own.end());
    if (markdown_definition(doc, r)) {
      labels.push_back(r.id);
    } else if (own.empty()) {  // an anchored entry is cited by links to its anchor
      items.push_back(r);
      ordered = ordered || ordered_item(doc, r);
    }
  }
  // The body after the front matter.
  std::vector<Range> body;
  for (Range r : without_code(t, body_ranges(doc, refs))) {
    r.first = std::max(r.first, front.second);
    if (r.first < r.second) body.push_back(r);
  }
  for (const Range& r : body) {
    pandoc(doc, r, group, out);
    references(doc, r, labels, group, out);
    if (!anchors.empty()) anchor_links(doc, r, anchors, group, out);
  }
  if (!items.empty()) scan_plain(doc, body, ordered || numbered(items), group, out);
  std::stable_sort(out.begin(), out.end(), [](const Citation& a, const Citation& b) {
    return a.span.begin < b.span.begin;
  });
  return out;
}

std::vector<Companion> markdown_companions(const Document& doc, const std::string& root) {
  const std::string_view t(doc.text());
  const Range front = front_matter(t);
  std::vector<Companion> out;
  YAML::Mark mark;
  std::string problem;  // scan_markdown says so
  const std::optional<YAML::Node> parsed = front_yaml(t, front, mark, problem);
  if (!parsed || !parsed->IsMap()) return out;
  const YAML::Node& yaml = *parsed;
  if (yaml["references"]) {  // pandoc's inline references: no reader of citelint's
    const std::size_t at = std::max(t.find("references:", front.first), front.first);
    Companion c;
    c.span = doc.span(at, at);
    c.unread = "the front matter's references: are not read";
    out.push_back(std::move(c));
  }
  if (!yaml["bibliography"]) return out;
  const YAML::Node bib = yaml["bibliography"];
  std::vector<std::string> names;
  if (bib.IsScalar()) names.push_back(bib.as<std::string>());
  if (bib.IsSequence())
    for (const YAML::Node& n : bib)
      if (n.IsScalar()) names.push_back(n.as<std::string>());
  for (const std::string& name : names) {
    std::size_t at = t.find(name, front.first);
    if (at == std::string_view::npos || at > front.second) at = front.first;
    Companion c{(std::filesystem::path(root) / name).string(),
                false,
                {},
                doc.span(at, at + name.size()),
                {}};
    // CSL YAML (.yaml, .yml): a format citelint does not read.
    const std::string ext = std::filesystem::path(name).extension().string();
    if (ext == ".yaml" || ext == ".yml") c.unread = name + " is CSL YAML, which is not read";
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace citelint::cite
