// The plain text of an entry written in markup (HTML, JATS): what a reader of the rendered page
// sees, tags gone, entities decoded and white space collapsed, with the place in the source
// that each of its bytes came from. Extraction runs on that text, as on a plain-text list, and
// every URL, date and DOI it finds is placed back in the source: a date split by a tag
// ("Retrieved <span>27 January</span> 2017") or by a line break reads as one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

class Projection {
 public:
  // Text that stands for the source from `source_begin` on, byte for byte.
  void append_verbatim(std::string_view text, std::size_t source_begin);
  // Text that stands for the whole of source [begin, end): a tag read as a line break.
  void append_replacing(std::string_view text, std::size_t source_begin, std::size_t source_end);
  // A text node: `decoded` is what the markup's parser made of `original` (entities decoded),
  // which starts at `source_begin`. Runs of white space become one space (none at the start).
  void append_text(std::string_view decoded, std::string_view original, std::size_t source_begin);
  // A space between blocks (<p>, <br>, an element's end), unless the text ends with one.
  void separate(std::size_t source_at);
  // Drops the text from `size` on (and the links over it).
  void truncate(std::size_t size);
  // Another projection's text after this one's (JATS: a reference's mixed-citations).
  void append(const Projection& other);

  // A link whose target (already decoded) is written in the source at [source_begin,
  // source_end), over the projected text [text_begin, text_end).
  struct Link {
    std::size_t text_begin, text_end;
    std::string target;
    std::size_t source_begin, source_end;
  };
  void add_link(Link link) { links_.push_back(std::move(link)); }

  const std::string& text() const { return text_; }
  std::size_t size() const { return text_.size(); }
  // The source range of the projected bytes [begin, end), end > begin.
  std::size_t source_begin(std::size_t begin) const { return from_[begin]; }
  std::size_t source_end(std::size_t end) const { return to_[end - 1]; }
  const std::vector<Link>& links() const { return links_; }
  // The text's runs (Document::TextRun): bytes copied from the source one for one, merged where
  // the source goes on; the bytes that stand for one stretch of source (an entity, collapsed
  // white space, a tag read as a space) as one run.
  std::vector<Document::TextRun> runs() const;

 private:
  void push(char c, std::size_t from, std::size_t to);
  std::string text_;
  std::vector<std::uint32_t> from_, to_;  // each byte's source range
  std::vector<Link> links_;
};

// Fills ref's URLs, dates, DOIs and parts from the projection of its text: extraction as in
// plain text, each item placed in `doc` (its as_written the source's text there), and the
// links' targets as URLs where the text shows none. ref.span must already be set.
void extract_projected(const Document& doc, Reference& ref, const Projection& text);

}  // namespace citelint
