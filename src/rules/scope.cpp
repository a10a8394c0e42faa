// Units of text per scope, each mapped back to its source position.
#include <algorithm>

#include "rules/rule.hpp"

namespace citelint::rules {

namespace {

constexpr std::pair<Scope, std::string_view> kScopes[] = {
    {Scope::entry, "entry"}, {Scope::part, "part"},         {Scope::url, "url"},
    {Scope::date, "date"},   {Scope::doi, "doi"},           {Scope::label, "label"},
    {Scope::elements, "elements"}, {Scope::raw, "raw"},     {Scope::list, "list"}};

Unit slice_unit(const Document& doc, const Reference* ref, const Span& span) {
  Unit u;
  u.doc = &doc;
  u.ref = ref;
  u.doc_begin = span.begin;
  u.text = std::string_view(doc.text()).substr(span.begin, span.end - span.begin);
  return u;
}

// The spans of each language half, or the whole entry.
std::vector<Span> part_spans(const Reference& ref) {
  if (ref.parts.empty()) return {ref.span};
  std::vector<Span> spans;
  for (const Part& p : ref.parts) spans.push_back(p.span);
  return spans;
}

}  // namespace

std::optional<Scope> parse_scope(std::string_view s) {
  for (auto [scope, name] : kScopes)
    if (name == s) return scope;
  return std::nullopt;
}

std::string_view to_string(Scope s) {
  for (auto [scope, name] : kScopes)
    if (scope == s) return name;
  return "entry";
}

std::size_t Unit::to_doc(std::size_t offset, bool is_end) const {
  if (!segments) return doc_begin + offset;
  if (segments->empty()) return doc_begin;
  // Round a start forward to the next element and an end back to the previous one.
  if (!is_end) {
    for (const Segment& s : *segments)
      if (offset < s.text_end) return s.doc_begin;
    return segments->back().doc_end;
  }
  for (auto it = segments->rbegin(); it != segments->rend(); ++it)
    if (offset > it->text_begin) return it->doc_end;
  return segments->front().doc_begin;
}

Span Unit::span(std::size_t text_begin, std::size_t text_end) const {
  const std::size_t b = to_doc(text_begin, false);
  const std::size_t e = std::max(b, to_doc(text_end, true));
  return doc->span(b, e);
}

ScopeUnits build_units(Scope scope, const Corpus& corpus) {
  ScopeUnits out;
  for (const Reference& ref : corpus.references) {
    const Document& doc = *corpus.documents[ref.input];
    switch (scope) {
      case Scope::entry:
        out.units.push_back(slice_unit(doc, &ref, ref.span));
        break;
      case Scope::part:
        for (const Span& s : part_spans(ref)) out.units.push_back(slice_unit(doc, &ref, s));
        break;
      case Scope::url:
        for (const Url& url : ref.urls) {
          out.units.push_back(slice_unit(doc, &ref, url.span));
          out.units.back().url = &url;
        }
        break;
      case Scope::date:
        for (const Date& date : ref.dates) {
          out.units.push_back(slice_unit(doc, &ref, date.span));
          out.units.back().date = &date;
        }
        break;
      case Scope::doi:
        for (const Doi& doi : ref.dois) {
          out.units.push_back(slice_unit(doc, &ref, doi.span));
          out.units.back().doi = &doi;
        }
        break;
      case Scope::label:
        if (!ref.label.number.empty()) out.units.push_back(slice_unit(doc, &ref, ref.label.span));
        break;
      case Scope::elements:
        for (const Span& part : part_spans(ref)) {
          std::vector<std::pair<const Span*, std::string_view>> items;
          auto inside = [&](const Span& s) { return s.begin >= part.begin && s.begin < part.end; };
          if (!ref.label.number.empty() && inside(ref.label.span))
            items.emplace_back(&ref.label.span, ref.label.glued ? "glued-label" : "label");
          for (const Date& d : ref.dates)
            if (inside(d.span)) items.emplace_back(&d.span, to_string(d.role));
          for (const Url& u : ref.urls)
            if (inside(u.span)) items.emplace_back(&u.span, "url");
          for (const Doi& d : ref.dois)
            if (inside(d.span)) items.emplace_back(&d.span, "doi");
          std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
            return a.first->begin < b.first->begin;
          });
          std::string& text = out.texts.emplace_back();
          std::vector<Segment>& segs = out.segments.emplace_back();
          for (const auto& [span, word] : items) {
            if (!text.empty()) text += ' ';
            segs.push_back({text.size(), text.size() + word.size(), span->begin, span->end});
            text += word;
          }
          Unit u;
          u.doc = &doc;
          u.ref = &ref;
          u.doc_begin = part.begin;
          u.text = text;
          u.segments = &segs;
          out.units.push_back(u);
        }
        break;
      case Scope::raw:
      case Scope::list:
        break;  // per document, below
    }
  }
  if (scope == Scope::raw || scope == Scope::list) {
    for (const auto& doc : corpus.documents) {
      if (scope == Scope::raw) {
        for (int l = 1; l <= static_cast<int>(doc->line_count()); ++l) {
          Unit u;
          u.doc = doc.get();
          u.doc_begin = doc->line_begin(l);
          u.text = doc->line_text(l);
          out.units.push_back(u);
        }
        continue;
      }
      const Reference* first = nullptr;
      const Reference* last = nullptr;
      for (const Reference& ref : corpus.references) {
        if (ref.input != doc->id()) continue;
        if (!first) first = &ref;
        last = &ref;
      }
      if (first) out.units.push_back(slice_unit(*doc, nullptr, doc->span(first->span.begin, last->span.end)));
    }
  }
  return out;
}

}  // namespace citelint::rules
