// Which reader a document needs. Plain text is the only format so far; the others come with
// their readers.
#include "citelint/extract.hpp"
#include "citelint/read.hpp"

namespace citelint {

std::string detect_format(const Document&) { return "text"; }

std::vector<Reference> read_references(const Document& doc) {
  std::vector<Reference> refs = read_text(doc);
  for (Reference& ref : refs) extract(doc, ref);
  return refs;
}

}  // namespace citelint
