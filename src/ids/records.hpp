// What each identifier service's answer says, read from the HTTP status and body it came with
// (records.cpp): the shapes the services document. A parser says `conclusive` when the answer
// speaks of the identifier (and may be cached), not when asking failed.
#pragma once

#include <optional>
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

// The NCBI ID converter's answer (<root>/?ids=...&format=json): {"status": "ok", "records":
// [...]}, a record per id asked: {"pmcid", "pmid", "doi"} for an article in PubMed Central,
// {..., "status": "error", "errmsg"} for one it does not have. `requested` is the record's
// "requested-id", else the PMID or PMCID it carries (as the batch asked by that scheme).
struct ConverterRecord {
  std::string requested;
  bool found = false;
  std::string pmid, pmcid, doi;  // the DOI lowercased
  std::string errmsg;
};
// Nothing when the answer is not the converter's (an error page, HTTP 429, 5xx).
std::optional<std::vector<ConverterRecord>> read_converter(int http_status, std::string_view body,
                                                           IdScheme asked);
// One record as its own converter answer, to be cached by its id.
std::string converter_body(const ConverterRecord& r);

// An entry of arXiv's Atom feed (<api>/query?id_list=...): the id without its version (as the
// entry's <id>, http://arxiv.org/abs/<id>v<N>, ends), that latest version, the paper as arXiv
// describes it, and its comment and summary (a withdrawn paper's say so).
struct ArxivEntry {
  std::string id;
  int version = 0;
  RegisteredWork work;  // title, year first submitted, first author's family name
  std::string comment, summary;
};
// The feed's entries; `error` is the summary of arXiv's error entry (<title>Error</title>, an id
// it rejects: "incorrect id format for ..."). Nothing when the answer is not a feed (arXiv's
// plain "Rate exceeded.", an error page).
struct ArxivFeed {
  std::vector<ArxivEntry> entries;
  std::string error;
};
std::optional<ArxivFeed> read_arxiv_feed(int http_status, std::string_view body);
// Whether the entry is of a withdrawn paper: its comment or summary says it was withdrawn.
bool arxiv_withdrawn(const ArxivEntry& e);
// One entry as its own feed, to be cached by its id.
std::string arxiv_body(const ArxivEntry& e);

// Crossref's search (/works?query.bibliographic=...): {"message": {"items": [...]}}, each item a
// work record with its relevance "score". Nothing when the answer is not a work list.
struct Candidate {
  std::string doi;  // lowercased
  double score = 0;
  RegisteredWork work;
};
std::optional<std::vector<Candidate>> read_crossref_search(int http_status, std::string_view body);

// An arXiv id and the version it names: "2101.00001v2" is {"2101.00001", 2}; 0 when it names
// none.
std::pair<std::string, int> split_version(std::string_view id);

// Whitespace runs as one space, trimmed.
std::string squeezed(std::string_view s);

// An update's type as Notice::type has it ("Expression of concern", Crossref's
// "expression_of_concern" alike): trimmed, lowercase, '_' for spaces and '-'.
std::string notice_type(std::string_view type);

// The words a message gives an HTTP answer that was not the service's: "HTTP 503", "HTTP 200
// that was not JSON".
std::string answer_words(int http_status, std::string_view what);

}  // namespace citelint::ids
