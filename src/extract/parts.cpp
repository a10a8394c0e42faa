// The language halves of bilingual entries: Chinese journals print each reference in Chinese,
// then in English, often ending with "(in Chinese)".
#include <algorithm>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

enum class Script { neutral, han, latin };

struct Segment {
  std::size_t begin, end;
  Script script;
  bool capital_start;
};

// Han ideographs are encoded behind lead bytes 0xE3..0xE9, 0xEF (compatibility) and 0xF0.
bool may_hold_han(std::string_view text) {
  for (std::size_t i = utf8::ascii_until(text, 0, text.size()); i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b >= 0xE3 && b <= 0xE9) || b == 0xEF || b == 0xF0) return true;
  }
  return false;
}

}  // namespace

std::vector<Part> find_parts(const Document& doc, const Reference& ref) {
  const std::string_view s(doc.text());
  if (!may_hold_han(s.substr(ref.span.begin, ref.span.end - ref.span.begin))) return {};
  // URLs are in source order: the walk below jumps over each.
  std::size_t next_url = 0;
  std::size_t url_begin = ref.urls.empty() ? ref.span.end : ref.urls[0].span.begin;
  const std::size_t content =
      ref.label.span.end > ref.span.begin ? ref.label.span.end : ref.span.begin;
  // Split into sentence-like segments at ". " and line breaks; URLs do not count as Latin text.
  std::vector<Segment> segments;
  Segment cur{content, content, Script::neutral, false};
  bool han = false, latin = false, first_letter_seen = false;
  auto close = [&](std::size_t at) {
    cur.end = at;
    cur.script = han ? Script::han : (latin ? Script::latin : Script::neutral);
    if (cur.end > cur.begin) segments.push_back(cur);
    cur = Segment{at, at, Script::neutral, false};
    han = latin = first_letter_seen = false;
  };
  for (std::size_t i = content; i < ref.span.end;) {
    if (i >= url_begin) {
      i = std::max<std::size_t>(i, ref.urls[next_url].span.end);
      ++next_url;
      url_begin = next_url < ref.urls.size() ? ref.urls[next_url].span.begin : ref.span.end;
      continue;
    }
    const char32_t c = utf8::next(s, i);
    if (utf8::is_han(c)) {
      han = true;
      first_letter_seen = true;
    } else if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) {
      latin = true;
      if (!first_letter_seen) cur.capital_start = c <= U'Z';
      first_letter_seen = true;
    }
    const bool sentence_end = (c == U'.' && i < ref.span.end && (s[i] == ' ' || s[i] == '\n')) ||
                              c == U'\n' || c == 0x3002;
    if (sentence_end) close(i);
  }
  close(ref.span.end);

  // A Han half, then a Latin half that starts with a capital and holds no Han at all.
  std::size_t boundary = segments.size();
  bool seen_han = false;
  for (std::size_t k = 0; k < segments.size(); ++k) {
    if (segments[k].script == Script::han) {
      seen_han = true;
      boundary = segments.size();
    } else if (segments[k].script == Script::latin && seen_han && boundary == segments.size()) {
      if (segments[k].capital_start) boundary = k;
    }
  }
  if (!seen_han || boundary == segments.size()) return {};
  std::size_t latin_segments = 0;
  for (std::size_t k = boundary; k < segments.size(); ++k)
    latin_segments += segments[k].script == Script::latin;
  if (latin_segments < 2) return {};

  std::size_t split = segments[boundary].begin;
  while (split < ref.span.end && (s[split] == ' ' || s[split] == '\n' || s[split] == '\r')) ++split;
  std::size_t first_end = segments[boundary].begin;
  while (first_end > content &&
         (s[first_end - 1] == ' ' || s[first_end - 1] == '\n' || s[first_end - 1] == '\r'))
    --first_end;
  return {Part{"zh", doc.span(ref.span.begin, first_end)},
          Part{"en", doc.span(split, ref.span.end)}};
}

}  // namespace citelint
