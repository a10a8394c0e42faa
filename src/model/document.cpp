#include <algorithm>
#include <cstring>

#include "citelint/model.hpp"
#include "model/utf8.hpp"

namespace citelint {

Document::Document(std::size_t id, std::string path, std::string text, std::string format)
    : id_(id), path_(std::move(path)), text_(std::move(text)) {
  set_format(std::move(format));
  line_starts_.push_back(0);
  const char* data = text_.data();
  const char* end = data + text_.size();
  for (const char* p = data; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    ++p;
    line_starts_.push_back(static_cast<std::uint32_t>(p - data));
  }
}

int Document::line_of(std::size_t offset) const {
  // Spans come mostly in source order: try the last line and the few after it first.
  const std::size_t n = line_starts_.size();
  for (std::size_t h = line_hint_; h < n && h < line_hint_ + 4 && line_starts_[h] <= offset; ++h) {
    if (h + 1 == n || offset < line_starts_[h + 1]) {
      line_hint_ = h;
      return static_cast<int>(h + 1);
    }
  }
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  line_hint_ = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  return static_cast<int>(line_hint_ + 1);
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
  if (checkpoint_line_begin_ != lb) {
    checkpoint_line_begin_ = lb;
    ascii_until_ = lb;
    ascii_known_ = false;
    for (Checkpoint& c : checkpoints_) c = Checkpoint{lb, 1};
  }
  // Where the line is ASCII up to the offset, the column is the distance from its start. The
  // ASCII prefix is explored only as far as offsets are asked for.
  if (!ascii_known_ && offset > ascii_until_) {
    ascii_until_ = utf8::ascii_until(text_, ascii_until_, offset);
    ascii_known_ = ascii_until_ < offset;
  }
  if (offset <= ascii_until_) return static_cast<int>(offset - lb) + 1;
  Checkpoint best{ascii_until_, static_cast<int>(ascii_until_ - lb) + 1};  // the prefix's end
  for (const Checkpoint& c : checkpoints_)
    if (c.offset <= offset && c.offset > best.offset) best = c;
  const std::string_view all(text_);
  const int column =
      best.column + static_cast<int>(utf8::length(all.substr(best.offset, offset - best.offset)));
  checkpoints_[next_checkpoint_++ % 8] = Checkpoint{offset, column};
  return column;
}

std::string_view Document::keep(std::string_view derived) const {
  constexpr std::size_t kBlock = 64 * 1024;
  if (derived.empty()) return {};
  if (derived.size() > kept_free_) {
    const std::size_t size = std::max(kBlock, derived.size());
    kept_.push_back(std::make_unique_for_overwrite<char[]>(size));
    kept_free_ = size;
    kept_size_ = size;
  }
  char* at = kept_.back().get() + (kept_size_ - kept_free_);
  std::copy(derived.begin(), derived.end(), at);
  kept_free_ -= derived.size();
  return {at, derived.size()};
}

void Document::set_layout(std::vector<std::uint32_t> line_starts, std::vector<Place> places,
                          std::string unit) {
  line_starts_ = std::move(line_starts);
  if (line_starts_.empty() || line_starts_.front() != 0)
    line_starts_.insert(line_starts_.begin(), 0);
  places_ = std::move(places);
  places_.resize(line_starts_.size());
  place_unit_ = std::move(unit);
  line_hint_ = 0;
  checkpoint_line_begin_ = static_cast<std::size_t>(-1);
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
