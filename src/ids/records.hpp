// What each identifier service's answer says, read from the HTTP status and body it came with
// (records.cpp): the shapes the services document. A parser says `conclusive` when the answer
// speaks of the identifier (and may be cached), not when asking failed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "citelint/ids.hpp"

namespace citelint::ids {

// The DOI system's handle API (<proxy>/api/handles/<doi>): responseCode 1 is a handle that
// exists (an HS_ALIAS value, a shortDOI's, names the DOI it stands for), 100 one that does not,
// 200 one that exists with no values of the kind asked.
struct HandleAnswer {
  DoiState state = DoiState::inconclusive;
  std::string alias;
  std::string error;  // inconclusive: why
};
HandleAnswer read_handle(int http_status, std::string_view body);

// The DOI system's registration agency lookup (<proxy>/ra/<prefix or doi>): a JSON array of
// {"DOI", "RA"} or {"DOI", "status"}. The agency lowercased; empty when the answer names none.
std::string read_agency(int http_status, std::string_view body);

// A registration agency's record of a work: Crossref's /works/<doi> ({"message": {...}}) and
// DataCite's /dois/<doi> ({"data": {"attributes": {...}}}). 404 is no record of it.
struct WorkAnswer {
  bool conclusive = false;  // the agency answered for this DOI (a record, or that it has none)
  std::optional<RegisteredWork> work;
  std::vector<Notice> notices;  // Crossref's updated-by, and a title marked RETRACTED
  std::string error;            // no record, or why asking failed
};
WorkAnswer read_crossref_work(int http_status, std::string_view body);
WorkAnswer read_datacite_doi(int http_status, std::string_view body);

// An update's type as Notice::type has it ("Expression of concern", Crossref's
// "expression_of_concern" alike): trimmed, lowercase, '_' for spaces and '-'.
std::string notice_type(std::string_view type);

// The words a message gives an HTTP answer that was not the service's: "HTTP 503", "HTTP 200
// that was not JSON".
std::string answer_words(int http_status, std::string_view what);

}  // namespace citelint::ids
