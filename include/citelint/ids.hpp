// The identifiers stage (src/ids/): what the identifiers a reference gives are worth. Offline,
// always: ISBN and ISSN check digits and the forms of ISBNs, ISSNs, arXiv ids, PMIDs and PMCIDs
// (DOIs' syntax is the rule core/DoiSyntax), and retractions from a local copy of the Retraction
// Watch dataset. Online: each DOI asked of the DOI system (registered?), its registration
// agency's record compared with the reference, and the notices the record carries.
// docs/identifiers.md.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "citelint/check.hpp"
#include "citelint/kinds.hpp"
#include "citelint/model.hpp"

namespace citelint {

// The check digit ('0' to '9', or 'X' for ten) that the digits before it call for: the first
// nine of an ISBN-10 (weights 10 to 2, modulo 11), the first twelve of an ISBN-13 (weights 1
// and 3, modulo 10), the first seven of an ISSN (weights 8 to 2, modulo 11).
char isbn10_check_digit(std::string_view nine);
char isbn13_check_digit(std::string_view twelve);
char issn_check_digit(std::string_view seven);

// What is wrong with an identifier, offline: a check digit the other digits do not call for
// (Kind::id_checksum), or a form its scheme does not allow (Kind::id_form): digits lost or
// added, OCR's letters for digits, an ISBN-13 that does not start 978 or 979, an arXiv id of no
// scheme arXiv has used or with a month that does not exist, a PMCID without "PMC". The message
// says what is wrong in words; `fix` is the identifier repaired, as it would be written, when
// one repair is sure (OCR's letters read as digits, "PMC" put back).
struct IdProblem {
  Kind kind = Kind::id_form;
  std::string message;
  std::string fix;  // empty: none
};
std::optional<IdProblem> check_identifier(const Identifier& id);
// The name a message gives the scheme: "ISBN", "ISSN", "arXiv id", "PMID", "PMCID".
std::string_view id_scheme_name(IdScheme scheme);

// Every reference's identifiers checked offline: a finding for each problem, at the identifier.
std::vector<Finding> identifier_findings(const Corpus& corpus);

// A notice a work carries: a retraction, a withdrawal, an expression of concern, a correction.
struct Notice {
  // As the registry names the update, lowercased, spaces as '_': retraction, partial_retraction,
  // withdrawal, removal, expression_of_concern, correction, erratum, corrigendum, addendum,
  // clarification, reinstatement, new_version ...
  std::string type;
  std::string doi;     // the notice's own DOI; empty when none is known
  std::string date;    // YYYY-MM-DD, YYYY-MM or YYYY; empty when none is known
  std::string source;  // "publisher", "retraction-watch", or the local dataset's file name
};

// The notices of a local copy of the Retraction Watch dataset (--retractions FILE): the CSV as
// Crossref publishes it (columns OriginalPaperDOI, OriginalPaperPubMedID, RetractionNature,
// RetractionDate, RetractionDOI; others ignored), by the original paper's DOI (lowercased) and
// PubMed id.
struct RetractionList {
  std::string path;
  std::unordered_map<std::string, std::vector<Notice>> by_doi, by_pmid;
  std::size_t rows = 0;
};
// Reads the file; a row that cannot be read is a diagnostic at its line and column, and the
// rest is still read. Nothing when the file cannot be opened or lacks the columns.
std::optional<RetractionList> load_retractions(const std::string& path,
                                               std::vector<Diagnostic>& diagnostics);

// What the registries say of one DOI.
enum class DoiState : std::uint8_t {
  unknown,       // not asked (offline, or no endpoint for the DOI system configured)
  registered,    // the DOI system has it
  unregistered,  // the DOI system answered that it has no such DOI
  inconclusive,  // the DOI system could not be asked (timeouts, errors, refusals)
};
std::string_view to_string(DoiState state);

// The work a DOI is registered for, as its registration agency describes it.
struct RegisteredWork {
  std::string title;      // the first title (a subtitle after ": ")
  int year = 0;           // issued (Crossref) or publicationYear (DataCite); 0: none
  std::string family;     // the first author's family name (or an organisation's name)
  std::string container;  // the journal or book it appears in
  std::string type;       // journal-article, book-chapter, dataset ...
};

struct DoiResolution {
  std::string doi;  // lowercased, as the reference gives it
  DoiState state = DoiState::unknown;
  std::string agency;  // the registration agency, lowercased ("crossref", "datacite"); may be empty
  std::string alias;   // for a shortDOI, the DOI it stands for
  std::optional<RegisteredWork> work;
  std::vector<Notice> notices;  // the registry's, then the local dataset's
  std::string error;            // inconclusive: why; or why the agency's record is missing
  bool from_cache = false;
};

// What a service says of an identifier other than a DOI: a PMID or PMCID (the NCBI ID
// converter, which knows the articles in PubMed Central and links their PMID, PMCID and DOI), an
// arXiv id (arXiv's API: the paper, its latest version, and whether it was withdrawn).
struct IdResolution {
  IdScheme scheme = IdScheme::pmid;
  std::string value;  // as Identifier::value; an arXiv id without its version
  // registered: the service has it; unregistered: it has no such id (a PMCID not in PubMed
  // Central, an arXiv id arXiv never gave); unknown: a PMID the converter does not know (it knows
  // PubMed Central's articles only: no verdict); inconclusive: asking failed.
  DoiState state = DoiState::unknown;
  std::string pmid, pmcid, doi;        // the converter's record (the DOI lowercased)
  std::optional<RegisteredWork> work;  // arXiv's record of the paper
  int latest_version = 0;              // arXiv: the paper's latest version
  std::vector<Notice> notices;         // arXiv: a withdrawal (its latest version's comment)
  std::string error;                   // inconclusive: why
  bool from_cache = false;
};

// The value an identifier is asked by: an arXiv id without its version, nor an old id's subject
// class (math.GT/0309136: math/0309136); others as Identifier::value has them.
std::string resolution_value(const Identifier& id);
// The version an arXiv id cites ("2101.00001v2": 2); 0 when it names none.
int cited_version(const Identifier& id);

// Where the identifier services are asked: base URLs by service name (--api NAME=URL, config
// network.api). citelint names no registry's host itself: a service with no endpoint is not
// asked.
//   doi       the DOI system's proxy: <url>/api/handles/<doi> (the handle API), <url>/ra/<prefix>
//   handle    the Handle System's proxy, for hdl.handle.net links: <url>/api/handles/<handle>
//             (without it, the DOI system's proxy, which resolves every handle, is asked)
//   crossref  Crossref's REST API: <url>/works/<doi>
//   datacite  DataCite's REST API: <url>/dois/<doi>
//   ncbi      the NCBI ID converter's service root: <url>/?ids=<up to 200 PMIDs or PMCIDs>
//   arxiv     arXiv's API: <url>/query?id_list=<ids>
struct IdOptions {
  std::map<std::string, std::string> apis;
  // Sent to Crossref (its polite pool) as mailto= and in the user agent, and to the NCBI ID
  // converter as email=.
  std::string mailto;
  std::optional<RetractionList> retractions;
  // --suggest-doi: a reference that gives no DOI is searched at Crossref, and a DOI offered when
  // the work found is past doubt the one cited.
  bool suggest_doi = false;
};

// A DOI found for a reference that gives none (--suggest-doi).
struct DoiSuggestion {
  std::size_t reference = 0;  // index in Corpus::references
  std::string doi;            // empty: none offered (no work found past doubt, or error)
  RegisteredWork work;
  double score = 0;   // Crossref's relevance score
  std::string error;  // the search failed: why
};
// The services --api knows, in the order the help lists them.
std::vector<std::string_view> id_services();

struct IdReport {
  std::vector<DoiResolution> dois;  // sorted by doi, each once
  // The local dataset's notices by PubMed id, for the corpus's PMIDs that it lists.
  std::map<std::string, std::vector<Notice>> pmids;
  std::vector<IdResolution> others;  // PMIDs, PMCIDs and arXiv ids, sorted by scheme and value
  std::vector<DoiSuggestion> suggestions;  // by reference, for those searched
  // The handles of the Handle System links the corpus cites (hdl.handle.net), each once, sorted:
  // `doi` holds the handle; only the handle API is asked.
  std::vector<DoiResolution> handles;
  std::size_t requests = 0;
  bool network_down = false;  // every request failed to connect: nothing is known
  std::vector<std::string> warnings;
  const DoiResolution* find(std::string_view doi) const;
  const IdResolution* find(IdScheme scheme, std::string_view value) const;
  const DoiResolution* find_handle(std::string_view handle) const;
};

// Every DOI, PMID, PMCID and arXiv id the corpus gives, resolved: offline (network null) only the
// local dataset's notices; online, through the checker's scheduler and cache, the services
// configured (a DOI of the DOI system and its agency, PMIDs and PMCIDs of the NCBI converter in
// batches of 200, arXiv ids of arXiv's API in batches of 100).
IdReport resolve_identifiers(const Corpus& corpus, const IdOptions& options,
                             const CheckOptions* network);

// Findings of the resolution, at each citation of an identifier: doi/unregistered,
// doi/mismatch, doi/near-miss, doi/unchecked, doi/missing; id/unregistered, id/mismatch,
// id/unchecked, id/newer-version; integrity/retracted, integrity/concern, integrity/corrected.
std::vector<Finding> resolution_findings(const Corpus& corpus, const IdReport& report);

// What reports show of an identifier's resolution, in a word: "retracted", "concern" or
// "corrected" when its notices say so (a reinstatement taken into account), else "registered",
// "unregistered", "unchecked" (asking failed), "not in PMC" (a PMID the converter does not
// know); empty when it was not asked.
std::string_view resolution_state(const DoiResolution& r);
std::string_view resolution_state(const IdResolution& r);

// The link results the DOI system's answers give the DOI links the corpus cites (resolver URLs),
// and the Handle System's its handle links: registered is ok, whatever the publisher's site does
// to robots; unregistered is broken. Those it could not answer for are left out (and checked as
// links).
LinkResults doi_link_results(const Corpus& corpus, const IdReport& report);

}  // namespace citelint
