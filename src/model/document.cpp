#include <algorithm>
#include <cstring>

#include "citelint/model.hpp"
#include "model/parallel.hpp"
#include "model/utf8.hpp"

namespace citelint {

Document::Document(std::size_t id, std::string path, std::string text, std::string format)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  redact_passwords(text_);
  set_format(std::move(format));
  line_starts_.push_back(0);
  const char* data = text_.data();
  const char* end = data + text_.size();
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    line_starts_.push_back(static_cast<std::uint32_t>(p - data));
  }
}

Document::Cursor& Document::cursor() const {
  static_assert(kCursors == parallel::kMaxThreads, "a cursor for each worker thread");
  return cursors_[std::min(parallel::worker(), kCursors - 1)];
}

bool Document::cites_archive() const {
  return std::any_of(std::begin(cursors_), std::end(cursors_),
                     [](const Cursor& c) { return c.cites_archive; });
}

void Document::note_archive_url() const { cursor().cites_archive = true; }

int Document::line_of(std::size_t offset) const {
  // Spans come mostly in source order: try the last line and the few after it first.
  const std::size_t n = line_starts_.size();
  std::size_t& hint = cursor().line_hint;
  for (std::size_t h = hint; h < n && h < hint + 4 && line_starts_[h] <= offset; ++h) {
    if (h + 1 == n || offset < line_starts_[h + 1]) {
      hint = h;
      return static_cast<int>(h + 1);
    }
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  hint = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return static_cast<int>(hint + 1);
}

std::string_view Document::line_text(int line) const {
  const std::size_t b = line_begin(line);
  std::size_t e = static_cast<std::size_t>(line) < line_starts_.size()
                      ? line_starts_[static_cast<std::size_t>(line)]
                      : text_.size();
  // A laid-out document's lines end before the indent of the next (set_layout).
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r' ||
                   (!places_.empty() && text_[e - 1] == ' ')))
    --e;
  return std::string_view(text_).substr(b, e - b);
}

// Counts code points from the nearest known column on the same line: a reference asks for
// the columns of its start, its end, then its URLs and dates, so a few checkpoints save
// counting from the line start each time.
int Document::column_of(int line, std::size_t offset) const {
  const std::size_t lb = line_begin(line);
  Cursor& at = cursor();
  if (at.checkpoint_line_begin != lb) {
    at.checkpoint_line_begin = lb;
    at.ascii_until = lb;
    at.ascii_known = false;
    for (Checkpoint& c : at.checkpoints) c = Checkpoint{lb, 1};
  }
  // Where the line is ASCII up to the offset, the column is the distance from its start. The
  // ASCII prefix is explored only as far as offsets are asked for.
  if (!at.ascii_known && offset > at.ascii_until) {
    at.ascii_until = utf8::ascii_until(text_, at.ascii_until, offset);
    at.ascii_known = at.ascii_until < offset;
  }
  if (offset <= at.ascii_until) return static_cast<int>(offset - lb) + 1;
  Checkpoint best{at.ascii_until, static_cast<int>(at.ascii_until - lb) + 1};  // the prefix's end
  for (const Checkpoint& c : at.checkpoints)
    if (c.offset <= offset && c.offset > best.offset) best = c;
  const std::string_view all(text_);
  const int column =
      best.column + static_cast<int>(utf8::length(all.substr(best.offset, offset - best.offset)));
  at.checkpoints[at.next_checkpoint++ % 8] = Checkpoint{offset, column};
  return column;
}

std::string_view Document::keep(std::string_view derived) const {
  constexpr std::size_t kBlock = 64 * 1024;
  if (derived.empty()) return {};
  Cursor& c = cursor();
  if (derived.size() > c.kept_free) {
    const std::size_t size = std::max(kBlock, derived.size());
    c.kept.push_back(std::make_unique_for_overwrite<char[]>(size));
    c.kept_free = size;
    c.kept_size = size;
  }
  char* at = c.kept.back().get() + (c.kept_size - c.kept_free);
  std::copy(derived.begin(), derived.end(), at);
  c.kept_free -= derived.size();
  return {at, derived.size()};
}

void Document::add_entry_text(std::size_t entry_begin, std::string_view text,
                              std::vector<TextRun> runs) const {
  EntryText e{static_cast<std::uint32_t>(entry_begin), keep(text), std::move(runs)};
  const auto at =
      std::upper_bound(entry_texts_.begin(), entry_texts_.end(), e.entry_begin,
                       [](std::uint32_t b, const EntryText& t) { return b < t.entry_begin; });
  entry_texts_.insert(at, std::move(e));
}

const Document::EntryText* Document::entry_text(std::size_t entry_begin) const {
  const auto it =
      std::lower_bound(entry_texts_.begin(), entry_texts_.end(), entry_begin,
                       [](const EntryText& t, std::size_t b) { return t.entry_begin < b; });
  return it != entry_texts_.end() && it->entry_begin == entry_begin ? &*it : nullptr;
}

void Document::set_layout(std::vector<std::uint32_t> line_starts, std::vector<Place> places,
                          std::string unit) {
  line_starts_ = std::move(line_starts);
  if (line_starts_.empty() || line_starts_.front() != 0)
    line_starts_.insert(line_starts_.begin(), 0);
  places_ = std::move(places);
  places_.resize(line_starts_.size());
  place_unit_ = std::move(unit);
  for (Cursor& c : cursors_) {
    c.line_hint = 0;
    c.checkpoint_line_begin = static_cast<std::size_t>(-1);
  }
}

Document::Place Document::place(int line) const {
  const auto i = static_cast<std::size_t>(std::max(line, 1) - 1);
  if (places_.empty()) return Place{0, line};
  return places_[std::min(i, places_.size() - 1)];
}

std::string Document::where(int line, int column) const {
  const Place p = place(line);
  std::string out;
  if (p.page > 0) out += "page " + std::to_string(p.page) + ':';
  if (place_unit_ != "line") out += place_unit_ + ' ';
  out += std::to_string(p.line);
  out += ':';
  out += std::to_string(column);
  return out;
}

Span Document::span(std::size_t begin, std::size_t end) const {
  Span s;
  s.input = static_cast<std::uint32_t>(id_);
  s.begin = static_cast<std::uint32_t>(std::min(begin, text_.size()));
  s.end = static_cast<std::uint32_t>(std::clamp<std::size_t>(end, s.begin, text_.size()));
  s.line = line_of(s.begin);
  s.column = column_of(s.line, s.begin);
  s.end_line = line_of(s.end > s.begin ? s.end - 1 : s.end);
  if (s.end > s.begin && text_[s.end - 1] == '\n') {
    // A span that ends with a line break ends at the end of that line.
    s.end_column = 1 + static_cast<int>(utf8::length(line_text(s.end_line)));
  } else {
    s.end_column = column_of(s.end_line, s.end);
  }
  return s;
}

void Date::set_value(std::string_view value) {
  value_size_ = static_cast<std::uint8_t>(std::min(value.size(), kMaxValue));
  std::copy_n(value.data(), value_size_, value_);
}

std::string_view to_string(DateRole role) {
  switch (role) {
    case DateRole::published:
      return "published";
    case DateRole::updated:
      return "updated";
    case DateRole::accessed:
      return "accessed";
    case DateRole::year:
      return "year";
    case DateRole::archived:
      return "archived";
  }
  return "year";
}

std::string_view to_string(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::isbn:
      return "isbn";
    case IdScheme::issn:
      return "issn";
    case IdScheme::arxiv:
      return "arxiv";
    case IdScheme::pmid:
      return "pmid";
    case IdScheme::pmcid:
      return "pmcid";
  }
  return "isbn";
}

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  return std::nullopt;
}

const Reference* reference_holding(const Corpus& corpus, const Span& span) {
  const auto it =
      std::lower_bound(corpus.references.begin(), corpus.references.end(), span,
                       [](const Reference& r, const Span& s) {
                         return std::pair(r.span.input, r.span.end) < std::pair(s.input, s.end);
                       });
  if (it == corpus.references.end() || it->span.input != span.input || it->span.begin > span.begin)
    return nullptr;
  return &*it;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.path;
  if (d.line > 0) {
    out += ':' + std::to_string(d.line);
    if (d.column > 0) out += ':' + std::to_string(d.column);
  }
  out += ": error: " + d.message;
  return out;
}

}  // namespace citelint
