// Units of text per scope, each mapped back to its source position.
#include <algorithm>

#include "rules/rule.hpp"

namespace citelint::rules {

Unit slice_unit(const Document& doc, const Reference* ref, const Span& span) {
  Unit u;
  u.doc = &doc;
  u.ref = ref;
  u.doc_begin = span.begin;
  u.text = std::string_view(doc.text()).substr(span.begin, span.end - span.begin);
  return u;
}

const Document::EntryText* UnitBuilder::written_text(const Document& doc, const Reference& ref) {
  return doc.structured() ? doc.entry_text(ref.span.begin) : nullptr;
}

namespace {

constexpr std::pair<Scope, std::string_view> kScopes[] = {
    {Scope::entry, "entry"},       {Scope::part, "part"}, {Scope::url, "url"},
    {Scope::date, "date"},         {Scope::doi, "doi"},   {Scope::label, "label"},
    {Scope::elements, "elements"}, {Scope::raw, "raw"},   {Scope::list, "list"}};

// The raw unit of a 1-based line: its text without the line break.
Unit line_unit(const Document& doc, int line) {
  Unit u;
  u.doc = &doc;
  u.doc_begin = doc.line_begin(line);
  u.text = doc.line_text(line);
  u.ordinal = static_cast<std::uint32_t>(line - 1);
  return u;
}

// Calls f with the span of each language half, or of the whole entry.
template <class F>
void for_each_part(const Reference& ref, F&& f) {
  if (ref.parts.empty()) {
    f(ref.span, 0u);
    return;
  }
  std::uint32_t k = 0;
  for (const Part& p : ref.parts) f(p.span, k++);
}

// The unit of one URL, date or DOI: its text as written, pointing at the item; its ordinal is
// the item's index, so that remake() finds it without making the others.
template <class Item>
Unit item_unit(const Document& doc, const Reference& ref, const std::vector<Item>& items,
               std::size_t index, const Item* Unit::*field) {
  Unit u = slice_unit(doc, &ref, items[index].span);
  u.*field = &items[index];
  u.ordinal = static_cast<std::uint32_t>(index);
  return u;
}

// One unit per URL, date or DOI (those `keep` keeps).
template <class Item>
void each_item(const Document& doc, const Reference& ref, const std::vector<Item>& items,
               const Item* Unit::*field, const std::function<void(const Unit&)>& f,
               bool (*keep)(const Item&) = nullptr) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (!keep || keep(items[i])) f(item_unit(doc, ref, items, i, field));
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
  if (projected) {
    // The run that holds the offset (a start: the run it begins; an end: the run it ends).
    const Segment* end = segments + segment_count;
    const Segment* s = std::upper_bound(
        segments, end, offset,
        [&](std::size_t o, const Segment& r) { return is_end ? o <= r.text_end : o < r.text_end; });
    if (s == end) return segments[segment_count - 1].doc_end;
    if (s->text_end - s->text_begin == s->doc_end - s->doc_begin)
      return s->doc_begin + (std::max(offset, s->text_begin) - s->text_begin);
    return is_end && offset > s->text_begin ? s->doc_end : s->doc_begin;
  }
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

Unit UnitBuilder::projected_unit(const Document& doc, const Reference& ref,
                                 const Document::EntryText& written, const Span& span) {
  // The runs inside the span, a run that straddles its edge cut where it is the source byte
  // for byte; their text is one stretch of the projection.
  Segment* segments = segments_.allocate(std::max<std::size_t>(written.runs.size(), 1));
  std::size_t n = 0;
  for (const Document::TextRun& r : written.runs) {
    const bool verbatim = r.text_end - r.text_begin == r.source_end - r.source_begin;
    const std::size_t b = std::max<std::size_t>(r.source_begin, span.begin);
    const std::size_t e = std::min<std::size_t>(r.source_end, span.end);
    if (verbatim ? b >= e : (r.source_begin < span.begin || r.source_end > span.end)) continue;
    const std::size_t tb = verbatim ? r.text_begin + (b - r.source_begin) : r.text_begin;
    const std::size_t te = verbatim ? r.text_begin + (e - r.source_begin) : r.text_end;
    segments[n++] = Segment{tb, te, verbatim ? b : r.source_begin, verbatim ? e : r.source_end};
  }
  const std::size_t first = n ? segments[0].text_begin : 0;
  for (std::size_t k = 0; k < n; ++k) {
    segments[k].text_begin -= first;
    segments[k].text_end -= first;
  }
  Unit u;
  u.doc = &doc;
  u.ref = &ref;
  u.doc_begin = span.begin;
  u.doc_end = span.end;
  u.text = written.text.substr(first, n ? segments[n - 1].text_end : 0);
  u.segments = segments;
  u.segment_count = n;
  u.projected = true;
  return u;
}

// A part's elements as words in source order: "label published accessed url", each word's
// segment pointing at its item.
void UnitBuilder::element_unit(const Document& doc, const Reference& ref, const Span& part,
                               std::uint32_t k, const std::function<void(const Unit&)>& f) {
  items_.clear();
  auto inside = [&](const Span& s) { return s.begin >= part.begin && s.begin < part.end; };
  if (!ref.label.number.empty() && inside(ref.label.span))
    items_.emplace_back(&ref.label.span, ref.label.glued ? "glued-label" : "label");
  for (const Date& d : ref.dates)
    if (inside(d.span)) items_.emplace_back(&d.span, to_string(d.role));
  for (const Url& u : ref.urls)  // not a link's target: the words over it are no URL
    if (!u.linked && inside(u.span)) items_.emplace_back(&u.span, "url");
  for (const Doi& d : ref.dois)
    if (inside(d.span)) items_.emplace_back(&d.span, "doi");
  // A handful of items, nearly in order: an insertion sort (stable, and unlike
  // std::stable_sort it allocates nothing); thousands (a whole list read as one entry),
  // a merge sort.
  const auto by_place = [](const auto& a, const auto& b) {
    return a.first->begin < b.first->begin;
  };
  if (items_.size() > 32) {
    std::stable_sort(items_.begin(), items_.end(), by_place);
  } else {
    for (std::size_t k = 1; k < items_.size(); ++k)
      for (std::size_t j = k; j > 0 && by_place(items_[j], items_[j - 1]); --j)
        std::swap(items_[j], items_[j - 1]);
  }
  std::size_t size = items_.empty() ? 0 : items_.size() - 1;
  for (const auto& item : items_) size += item.second.size();
  char* text = texts_.allocate(std::max<std::size_t>(size, 1));
  Segment* segments = segments_.allocate(std::max<std::size_t>(items_.size(), 1));
  std::size_t at = 0;
  for (std::size_t k = 0; k < items_.size(); ++k) {
    if (k) text[at++] = ' ';
    const auto& [span, word] = items_[k];
    segments[k] = Segment{at, at + word.size(), span->begin, span->end};
    std::copy(word.begin(), word.end(), text + at);
    at += word.size();
  }
  Unit u;
  u.doc = &doc;
  u.ref = &ref;
  u.doc_begin = part.begin;
  u.text = std::string_view(text, size);
  u.segments = segments;
  u.segment_count = items_.size();
  u.ordinal = k;
  f(u);
}

void UnitBuilder::for_each(Scope scope, const Document& doc, const Reference& ref,
                           const std::function<void(const Unit&)>& f) {
  // A record's entry is one unit (no parts, no label); rules that read text skip it
  // (Rule::reads_text). An entry written in markup is read as its text reads.
  if (doc.structured() && (scope == Scope::label || scope == Scope::elements)) return;
  const Document::EntryText* written = written_text(doc, ref);
  auto entry_unit = [&](const Span& s) {
    return written ? projected_unit(doc, ref, *written, s) : slice_unit(doc, &ref, s);
  };
  switch (scope) {
    case Scope::entry:
      f(entry_unit(ref.span));
      return;
    case Scope::part:
      for_each_part(ref, [&](const Span& s, std::uint32_t k) {
        Unit u = entry_unit(s);
        u.ordinal = k;
        f(u);
      });
      return;
    case Scope::url:
      // A link's target over words (Url::linked) is no URL the list writes: the rules about
      // URLs do not read it (the link checker checks it).
      each_item<Url>(
          doc, ref, ref.urls, &Unit::url, f, +[](const Url& u) { return !u.linked; });
      return;
    case Scope::date:
      each_item(doc, ref, ref.dates, &Unit::date, f);
      return;
    case Scope::doi:
      each_item(doc, ref, ref.dois, &Unit::doi, f);
      return;
    case Scope::label:
      if (!ref.label.number.empty()) f(slice_unit(doc, &ref, ref.label.span));
      return;
    case Scope::elements:
      for_each_part(ref,
                    [&](const Span& part, std::uint32_t k) { element_unit(doc, ref, part, k, f); });
      return;
    case Scope::raw:
    case Scope::list:
      return;  // per input: for_each_in_input
  }
}

void UnitBuilder::for_each_in_input(Scope scope, const Corpus& corpus, const Document& doc,
                                    const std::function<void(const Unit&)>& f) {
  if (doc.structured()) return;
  if (scope == Scope::raw) {
    for (int l = doc.list_first_line(); l <= doc.list_last_line(); ++l) f(line_unit(doc, l));
  } else if (scope == Scope::list) {
    const Reference* first = nullptr;
    const Reference* last = nullptr;
    for (const Reference& ref : corpus.references) {
      if (ref.input != doc.id()) continue;
      if (!first) first = &ref;
      last = &ref;
    }
    if (first) f(slice_unit(doc, nullptr, doc.span(first->span.begin, last->span.end)));
  }
}

Unit UnitBuilder::remake(Scope scope, const Corpus& corpus, const UnitRef& ref) {
  Unit made;
  auto keep = [&](const Unit& u) {
    if (u.ordinal == ref.ordinal) made = u;
  };
  const Document& doc = *corpus.documents[ref.doc];
  if (per_reference(scope)) {
    const Reference& r = corpus.references[ref.ref];
    // An item's unit at once (a list on one line is one reference with thousands of them).
    if (scope == Scope::url && ref.ordinal < r.urls.size())
      return item_unit(doc, r, r.urls, ref.ordinal, &Unit::url);
    if (scope == Scope::date && ref.ordinal < r.dates.size())
      return item_unit(doc, r, r.dates, ref.ordinal, &Unit::date);
    if (scope == Scope::doi && ref.ordinal < r.dois.size())
      return item_unit(doc, r, r.dois, ref.ordinal, &Unit::doi);
    for_each(scope, doc, r, keep);
  } else if (scope == Scope::raw) {
    made = line_unit(doc, static_cast<int>(ref.ordinal) + 1);  // without making every line
  } else {
    for_each_in_input(scope, corpus, doc, keep);
  }
  return made;
}

}  // namespace citelint::rules
