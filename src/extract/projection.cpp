#include "extract/projection.hpp"

#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Where an entity that starts at original[i] ('&') ends: after its ';', or after its name.
std::size_t entity_end(std::string_view original, std::size_t i) {
  std::size_t e = i + 1;
  while (e < original.size() && e - i < 40 &&
         (std::isalnum(static_cast<unsigned char>(original[e])) || original[e] == '#'))
    ++e;
  if (e < original.size() && original[e] == ';') ++e;
  return e;
}

// The length of the UTF-8 sequence that starts with byte c.
std::size_t sequence_length(unsigned char c) {
  return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

}  // namespace

void Projection::push(char c, std::size_t from, std::size_t to) {
  text_ += c;
  from_.push_back(static_cast<std::uint32_t>(from));
  to_.push_back(static_cast<std::uint32_t>(to));
}

void Projection::append_verbatim(std::string_view text, std::size_t source_begin) {
  for (std::size_t k = 0; k < text.size(); ++k)
    push(text[k], source_begin + k, source_begin + k + 1);
}

void Projection::append_replacing(std::string_view text, std::size_t source_begin,
                                  std::size_t source_end) {
  for (char c : text) push(c, source_begin, source_end);
}

void Projection::separate(std::size_t source_at) {
  if (!text_.empty() && text_.back() != ' ') push(' ', source_at, source_at);
}

void Projection::truncate(std::size_t size) {
  if (size >= text_.size()) return;
  text_.resize(size);
  from_.resize(size);
  to_.resize(size);
  std::erase_if(links_, [&](const Link& l) { return l.text_end > size; });
}

void Projection::append(const Projection& other) {
  text_ += other.text_;
  from_.insert(from_.end(), other.from_.begin(), other.from_.end());
  to_.insert(to_.end(), other.to_.begin(), other.to_.end());
}

std::vector<Document::TextRun> Projection::runs() const {
  std::vector<Document::TextRun> runs;
  auto verbatim = [&](std::size_t k) { return to_[k] == from_[k] + 1; };
  for (std::size_t k = 0; k < text_.size(); ++k) {
    const auto at = static_cast<std::uint32_t>(k);
    if (!runs.empty()) {
      Document::TextRun& last = runs.back();
      const bool last_verbatim =
          last.text_end - last.text_begin == last.source_end - last.source_begin;
      // The source goes on byte for byte, or the same stretch of source goes on.
      if ((last_verbatim && verbatim(k) && from_[k] == last.source_end) ||
          (!verbatim(k) && from_[k] == from_[k - 1] && to_[k] == to_[k - 1] && !verbatim(k - 1))) {
        last.text_end = at + 1;
        last.source_end = to_[k];
        continue;
      }
    }
    runs.push_back({at, at + 1, from_[k], to_[k]});
  }
  return runs;
}

void Projection::append_text(std::string_view decoded, std::string_view original,
                             std::size_t source_begin) {
  std::size_t i = 0;  // into original
  for (std::size_t j = 0; j < decoded.size();) {
    std::size_t from = source_begin + i, to = from + 1, units = 1;
    if (i < original.size() && original[i] == '&') {
      const std::size_t e = entity_end(original, i);
      if (decoded.compare(j, e - i, original.substr(i, e - i)) != 0) {
        units =
            std::min(sequence_length(static_cast<unsigned char>(decoded[j])), decoded.size() - j);
        to = source_begin + e;
        i = e;
      } else {
        ++i;
      }
    } else if (i < original.size() && original[i] == '\r' && decoded[j] != '\r') {
      ++i;  // CR LF read as LF
      continue;
    } else {
      i = std::min(i + 1, original.size());
    }
    // A no-break space reads as a space; runs of white space as one.
    const bool nbsp = decoded.compare(j, 2, "\xC2\xA0") == 0;
    if (nbsp || (units == 1 && is_blank(decoded[j]))) {
      if (nbsp && units == 1) i = std::min(i + 1, original.size()), to = source_begin + i;
      if (!text_.empty() && text_.back() == ' ')
        to_.back() = static_cast<std::uint32_t>(to);
      else if (!text_.empty())
        push(' ', from, to);
      j += nbsp ? 2 : 1;
      continue;
    }
    for (std::size_t k = 0; k < units; ++k) push(decoded[j + k], from, to);
    j += units;
  }
}

void extract_projected(const Document& doc, Reference& ref, const Projection& text) {
  const Document view(doc.id(), doc.path(), text.text(), "text");
  Reference found;
  found.span = view.span(0, text.size());
  extract(view, found);
  const std::string_view source(doc.text());
  auto place = [&](const Span& s) {
    if (s.end <= s.begin) {
      const std::size_t at = s.begin < text.size() ? text.source_begin(s.begin) : ref.span.end;
      return doc.span(at, at);
    }
    return doc.span(text.source_begin(s.begin), text.source_end(s.end));
  };
  auto as_written = [&](const Span& s) { return source.substr(s.begin, s.end - s.begin); };
  auto add = [&](Url u) {
    if (u.archived) doc.note_archive_url();
    if (std::none_of(ref.urls.begin(), ref.urls.end(),
                     [&](const Url& seen) { return seen.normalised == u.normalised; }))
      ref.urls.push_back(u);
  };
  for (Url u : found.urls) {
    const std::string_view written = u.as_written;
    u.span = place(u.span);
    u.as_written = as_written(u.span);
    u.normalised = u.normalised == u.as_written ? u.as_written : doc.keep(u.normalised);
    u.composed = u.composed || u.as_written != written;  // a tag or an entity inside it
    add(u);
  }
  for (const Projection::Link& link : text.links()) {
    if (!is_web_link(link.target)) continue;  // a place on the page, mailto:
    const bool shown = std::any_of(found.urls.begin(), found.urls.end(), [&](const Url& u) {
      return u.span.begin < link.text_end && link.text_begin < u.span.end;
    });
    if (shown) continue;
    Url u = make_url(doc, link.source_begin, link.source_end, link.target);
    u.composed = u.as_written != link.target;  // entities (&amp;): not the URL as written
    add(u);
  }
  std::sort(ref.urls.begin(), ref.urls.end(),
            [](const Url& a, const Url& b) { return a.span.begin < b.span.begin; });
  for (Date d : found.dates) {
    d.span = place(d.span);
    d.as_written = as_written(d.span);
    ref.dates.push_back(d);
  }
  for (Doi d : found.dois) {
    d.span = place(d.span);
    d.as_written = as_written(d.span);
    ref.dois.push_back(std::move(d));
  }
  for (Identifier id : found.ids) {
    id.span = place(id.span);
    id.as_written = as_written(id.span);
    ref.ids.push_back(std::move(id));
  }
  for (Part p : found.parts) {
    p.span = place(p.span);
    ref.parts.push_back(std::move(p));
  }
}

}  // namespace citelint
