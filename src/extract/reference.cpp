// Everything extraction finds in one reference, in dependency order: dates and DOIs skip URL
// text, and the language halves ignore it.
#include "citelint/extract.hpp"

namespace citelint {

void extract(const Document& doc, Reference& ref) {
  ref.urls = find_urls(doc, ref.span.begin, ref.span.end);
  ref.dates = find_dates(doc, ref.span.begin, ref.span.end, ref.urls);
  ref.dois = find_dois(doc, ref.span.begin, ref.span.end, ref.urls);
  ref.ids = find_identifiers(doc, ref.span.begin, ref.span.end, ref.urls);
  ref.parts = find_parts(doc, ref);
}

}  // namespace citelint
