// In-process fakes of the identifier services, on a FakeWeb, answering in the shapes their
// documentation gives: the DOI system's handle API (/api/handles/<doi>: {"responseCode": 1,
// "handle", "values": [...]}, 404 with responseCode 100) and agency lookup (/ra/<prefix>),
// Crossref's work records (/works/<doi>: {"status": "ok", "message": {...}}, 404 "Resource not
// found.") and its search (/works?query.bibliographic=...: a work list, each item scored), and
// DataCite's DOI records (/dois/<doi>: {"data": {"attributes": {...}}}, 404 with "errors"), the
// NCBI ID converter (/idconv/?ids=...: {"status": "ok", "records": [...]}, an error record for an
// id it does not have) and arXiv's API (/api/query?id_list=...: an Atom feed, arXiv's error entry
// for an id of no arXiv form). Each service can be made to fail as real ones do.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "support/fake_web.hpp"

namespace citelint::test {

class FakeRegistry {
 public:
  enum class Mode {
    normal,
    down,     // 503, every time
    slow,     // answers after 3 s
    limited,  // every other request 429 with Retry-After: 1
    broken,   // 200 with a body that is not the service's JSON
  };

  explicit FakeRegistry(FakeWeb& web);

  // A DOI registered with Crossref, its work record's "message" (title, author, issued ...).
  void crossref(const std::string& doi, nlohmann::json message);
  // A DOI registered with DataCite, its record's "attributes" (titles, creators ...).
  void datacite(const std::string& doi, nlohmann::json attributes);
  // A DOI the handle API knows, of an agency whose record is not kept here (mEDRA, say).
  void registered(const std::string& doi, const std::string& agency);
  // A shortDOI ("10/abc") standing for `doi`.
  void short_doi(const std::string& short_doi, const std::string& doi);
  // An article in PubMed Central, as the converter links it: PMID, PMCID ("PMC..."), DOI.
  void pubmed(const std::string& pmid, const std::string& pmcid, const std::string& doi);
  // A paper on arXiv: its id (no version), its latest version, title, first author's name
  // ("Given Family"), the year of its first version, and its comment. A latest version of 0:
  // an id arXiv rejects as of no form of its own (its error entry).
  void arxiv(const std::string& id, int latest, const std::string& title, const std::string& author,
             int year, const std::string& comment = "");
  void handles(Mode m);
  void works(Mode m);
  void batches(Mode m);  // the converter's and arXiv's
  // Crossref's records sent with x-rate-limit-limit: N and x-rate-limit-interval: 1s.
  void rate_limit(int per_second);

  // http://HOST:PORT, the base URL for --api NAME=...
  std::string endpoint(const std::string& host) const;

  // Crossref records with the usual fields: title, first author's family name, year, journal.
  static nlohmann::json work(const std::string& title, const std::string& family, int year,
                             const std::string& journal);
  // An updated-by entry: {"DOI", "type", "source", "updated": {"date-parts": [[y, m, d]]}}.
  static nlohmann::json update(const std::string& notice_doi, const std::string& type,
                               const std::string& source, int y, int m, int d);

 private:
  struct State;
  static std::string converter(const State& s, const std::string& target);
  static std::string arxiv_feed(const State& s, const std::string& target);
  static std::string search(const State& s, const std::string& target);
  std::shared_ptr<State> state_;
  FakeWeb& web_;
};

}  // namespace citelint::test
