// Units of text per scope, each mapped back to its source position.
#include <algorithm>
#include <optional>

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

// Calls f with the span of each language half, or of the whole entry.
template <class F>
void for_each_part(const Reference& ref, F&& f) {
  if (ref.parts.empty()) {
    f(ref.span);
    return;
  }
  for (const Part& p : ref.parts) f(p.span);
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
  if (segment_count == 0) return doc_begin;
  // Round a start forward to the next element and an end back to the previous one.
  if (!is_end) {
    for (std::size_t k = 0; k < segment_count; ++k)
      if (offset < segments[k].text_end) return segments[k].doc_begin;
    return segments[segment_count - 1].doc_end;
  }
  for (std::size_t k = segment_count; k-- > 0;)
    if (offset > segments[k].text_begin) return segments[k].doc_end;
  return segments[0].doc_begin;
}

Span Unit::span(std::size_t text_begin, std::size_t text_end) const {
  const std::size_t b = to_doc(text_begin, false);
  const std::size_t e = std::max(b, to_doc(text_end, true));
  return doc->span(b, e);
}

namespace {

// The elements of one part as words in source order, into the scope's arenas.
struct ElementsBuilder {
  ScopeUnits& out;
  std::vector<std::pair<const Span*, std::string_view>> items;
  struct Offsets {
    std::size_t text, text_size, segment, segment_count;
  };
  std::vector<Offsets> offsets;

  void add(const Document& doc, const Reference& ref, const Span& part) {
    items.clear();
    auto inside = [&](const Span& s) { return s.begin >= part.begin && s.begin < part.end; };
    if (!ref.label.number.empty() && inside(ref.label.span))
      items.emplace_back(&ref.label.span, ref.label.glued ? "glued-label" : "label");
    for (const Date& d : ref.dates)
      if (inside(d.span)) items.emplace_back(&d.span, to_string(d.role));
    for (const Url& u : ref.urls)
      if (inside(u.span)) items.emplace_back(&u.span, "url");
    for (const Doi& d : ref.dois)
      if (inside(d.span)) items.emplace_back(&d.span, "doi");
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.first->begin < b.first->begin; });
    // Views into the arenas are set once they stop growing (finish()).
    const std::size_t text_begin = out.texts.size();
    const std::size_t seg_begin = out.segments.size();
    for (const auto& [span, word] : items) {
      if (out.texts.size() > text_begin) out.texts += ' ';
      const std::size_t at = out.texts.size() - text_begin;
      out.segments.push_back({at, at + word.size(), span->begin, span->end});
      out.texts += word;
    }
    Unit u;
    u.doc = &doc;
    u.ref = &ref;
    u.doc_begin = part.begin;
    offsets.push_back({text_begin, out.texts.size() - text_begin, seg_begin,
                       out.segments.size() - seg_begin});
    out.units.push_back(u);
  }

  void finish() {
    for (std::size_t k = 0; k < out.units.size(); ++k) {
      out.units[k].text = std::string_view(out.texts).substr(offsets[k].text, offsets[k].text_size);
      out.units[k].segments = out.segments.data() + offsets[k].segment;
      out.units[k].segment_count = offsets[k].segment_count;
    }
  }
};

}  // namespace

std::map<Scope, ScopeUnits> build_units(const std::set<Scope>& scopes, const Corpus& corpus) {
  std::map<Scope, ScopeUnits> all;
  for (Scope s : scopes) all[s].units.reserve(corpus.references.size());
  auto want = [&](Scope s) -> ScopeUnits* {
    auto it = all.find(s);
    return it == all.end() ? nullptr : &it->second;
  };
  ScopeUnits* entry = want(Scope::entry);
  ScopeUnits* part = want(Scope::part);
  ScopeUnits* url = want(Scope::url);
  ScopeUnits* date = want(Scope::date);
  ScopeUnits* doi = want(Scope::doi);
  ScopeUnits* label = want(Scope::label);
  ScopeUnits* elements = want(Scope::elements);
  std::optional<ElementsBuilder> element_builder;
  if (elements) element_builder.emplace(ElementsBuilder{*elements, {}, {}});

  // One walk over the references, filling every scope asked for: references are large and
  // scattered, and walking them once per scope cost more than the rules themselves.
  for (const Reference& ref : corpus.references) {
    const Document& doc = *corpus.documents[ref.input];
    if (entry) entry->units.push_back(slice_unit(doc, &ref, ref.span));
    if (part) for_each_part(ref, [&](const Span& s) { part->units.push_back(slice_unit(doc, &ref, s)); });
    if (url) {
      for (const Url& u : ref.urls) {
        url->units.push_back(slice_unit(doc, &ref, u.span));
        url->units.back().url = &u;
      }
    }
    if (date) {
      for (const Date& d : ref.dates) {
        date->units.push_back(slice_unit(doc, &ref, d.span));
        date->units.back().date = &d;
      }
    }
    if (doi) {
      for (const Doi& d : ref.dois) {
        doi->units.push_back(slice_unit(doc, &ref, d.span));
        doi->units.back().doi = &d;
      }
    }
    if (label && !ref.label.number.empty()) label->units.push_back(slice_unit(doc, &ref, ref.label.span));
    if (element_builder) for_each_part(ref, [&](const Span& s) { element_builder->add(doc, ref, s); });
  }
  if (element_builder) element_builder->finish();

  ScopeUnits* raw = want(Scope::raw);
  ScopeUnits* list = want(Scope::list);
  for (const auto& doc : corpus.documents) {
    if (raw) {
      for (int l = 1; l <= static_cast<int>(doc->line_count()); ++l) {
        Unit u;
        u.doc = doc.get();
        u.doc_begin = doc->line_begin(l);
        u.text = doc->line_text(l);
        raw->units.push_back(u);
      }
    }
    if (list) {
      const Reference* first = nullptr;
      const Reference* last = nullptr;
      for (const Reference& ref : corpus.references) {
        if (ref.input != doc->id()) continue;
        if (!first) first = &ref;
        last = &ref;
      }
      if (first)
        list->units.push_back(slice_unit(*doc, nullptr, doc->span(first->span.begin, last->span.end)));
    }
  }
  return all;
}

}  // namespace citelint::rules
