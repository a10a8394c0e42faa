// The built-in finding kinds and the categories: the one place their ids, categories, levels
// and help are written (include/citelint/kinds.hpp).
#include "citelint/kinds.hpp"

#include <stdexcept>

namespace citelint {

namespace {

using enum Severity;

constexpr FindingKind kKinds[] = {
    {Kind::link_broken, "link/broken", "link-broken", error, "A link that is gone",
     "The server answered that the page does not exist (404, 410) or the request failed for "
     "good. Cite an archived copy (--archive finds one from the access date) or the work's new "
     "address.",
     "checking-links.md"},
    {Kind::link_soft_404, "link/soft-404", "link-soft404", warning, "A page that says it is gone",
     "The server answered 200, but with a page that says not found, or the site's home page in "
     "its place.",
     "checking-links.md"},
    {Kind::link_blocked, "link/blocked", "link-blocked", info, "A server that refuses checkers",
     "The server refused the request (401, 403, 429 or a bot challenge): the page may be fine. "
     "Check it in a browser.",
     "checking-links.md"},
    {Kind::link_server_error, "link/server-error", "link-server-error", warning, "A server error",
     "The server failed (5xx) on every try: inconclusive, not broken.", "checking-links.md"},
    {Kind::link_timeout, "link/timeout", "link-timeout", warning, "No answer in time",
     "The server did not answer within the timeout, on every try: inconclusive, not broken.",
     "checking-links.md"},
    {Kind::link_dns, "link/dns", "link-dns", warning, "A host that does not resolve",
     "The URL's host name has no address: the domain may have lapsed, or be mistyped.",
     "checking-links.md"},
    {Kind::link_connection, "link/connection", "link-server-error", warning, "No connection",
     "The connection was refused or reset on every try: inconclusive, not broken.",
     "checking-links.md"},
    {Kind::link_tls, "link/tls", "link-tls", warning, "A TLS failure",
     "The server's certificate could not be verified, or the TLS handshake failed.",
     "checking-links.md"},
    {Kind::link_redirect, "link/redirect", "link-redirect", warning, "A link that moved",
     "The URL redirects permanently: the reference could cite where it lands (the fix).",
     "checking-links.md"},
    {Kind::link_skipped, "link/skipped", "link-skipped", info, "A link not checked",
     "The URL was excluded, private or not a web address, so it was not asked.",
     "checking-links.md"},
    {Kind::link_parked, "link/parked", "link-parked", error, "A parked or for-sale domain",
     "The page answers, but it is a domain parking or for-sale page, a marketplace's, or another "
     "site's front page the cited deep link now lands on: the domain changed hands and the work "
     "is gone from it. Cite an archived copy (--archive finds one from the access date).",
     "link-rot.md"},
    {Kind::link_drift, "link/drift", "link-drift", warning, "A page that no longer shows the work",
     "The page answers, but its title shares no word with the reference: it no longer holds what "
     "was cited. With --archive, the capture from the access day is offered when it does.",
     "link-rot.md"},
    {Kind::link_failing, "link/failing", "link-failing", warning, "A link failing, not yet dead",
     "The link failed (404, 410 or a page that says it is missing), but not yet as often or as "
     "long as links.confirm asks before it is called broken; a success resets the count.",
     "link-rot.md"},
    {Kind::link_repair, "link/repair", "url-syntax", warning, "A URL that resolves once repaired",
     "The URL does not resolve as cited; one repair of what extraction broke (a hyphen at a "
     "line break, a closing bracket) does, and is the fix.",
     "archives.md"},
    {Kind::archive_copy, "archive/copy", "archive", info, "An archived copy from the day of access",
     "A web archive's capture of the page from the day the author read it, or the nearest: "
     "the fix for a dead or blocked link.",
     "archives.md"},
    {Kind::archive_none, "archive/none", "archive", info, "No archived copy",
     "No web archive has a usable capture near the reference's date, or the reference gives no "
     "date to look near.",
     "archives.md"},
    {Kind::archive_after_access, "archive/after-access", "date-mismatch", warning,
     "An archive capture after the access date",
     "The cited archive URL was captured long after the access date: it may not show what the "
     "author read.",
     "archives.md"},
    {Kind::id_checksum, "id/checksum", "identifier", error,
     "An ISBN or ISSN whose check digit is wrong",
     "The last digit of an ISBN or ISSN is computed from the others; here it does not match, so "
     "a digit was misread or mistyped, or two were swapped. Copy the number from the book's "
     "copyright page or the journal's own site.",
     "identifiers.md"},
    {Kind::id_form, "id/form", "identifier", error, "An identifier of a form its scheme lacks",
     "An ISBN, ISSN, arXiv id, PMID or PMCID with digits lost or added, letters that OCR read for "
     "digits, or a form its scheme never used (an ISBN-13 not starting 978 or 979, an arXiv "
     "number of the wrong length for its month): it identifies nothing as written. The fix, "
     "where one repair is sure, is the identifier repaired.",
     "identifiers.md"},
    {Kind::doi_unregistered, "doi/unregistered", "doi", error, "A DOI that is not registered",
     "The DOI system answered that it has no such DOI: a digit was mistyped, lost or added, or "
     "the DOI was never registered. Copy the DOI from the work's own landing page.",
     "identifiers.md"},
    {Kind::doi_mismatch, "doi/mismatch", "doi", error, "The DOI of another work",
     "The DOI is registered, but for a work whose title and first author or year are not the "
     "cited ones: the reference points readers at somebody else's paper. The message says what "
     "the DOI is registered as.",
     "identifiers.md"},
    {Kind::doi_near_miss, "doi/near-miss", "doi", info, "A DOI whose record nearly matches",
     "The DOI is registered for the cited work, as far as can be told, but its record differs in "
     "a detail: the year by one (online first, then in print), a subtitle left out, the first "
     "author's name. Check the reference against the record.",
     "identifiers.md"},
    {Kind::doi_unchecked, "doi/unchecked", "doi", warning, "A DOI that could not be checked",
     "The DOI system or the registration agency could not be asked (no answer in time, a server "
     "error, a refusal): inconclusive, not wrong. Run the check again later.",
     "identifiers.md"},
    {Kind::doi_missing, "doi/missing", "doi", info, "A reference without its DOI",
     "The reference gives no DOI, and a search of Crossref (--suggest-doi) found a registered "
     "work that is past doubt the one cited: the same title, first author and year. The fix is "
     "its DOI, to add.",
     "identifiers.md"},
    {Kind::id_unregistered, "id/unregistered", "identifier", error,
     "A PMCID or arXiv id that does not exist",
     "PubMed Central has no article of the PMCID, or arXiv no paper of the id (or not the version "
     "cited): a digit mistyped or lost. Copy the identifier from the work itself.",
     "identifiers.md"},
    {Kind::id_mismatch, "id/mismatch", "identifier", error, "An identifier of another work",
     "The reference's identifiers name different works (PubMed Central links its PMID to another "
     "DOI than the reference gives), or arXiv's paper of the id is another work than the cited "
     "one. One of them was copied from a neighbouring reference or mistyped.",
     "identifiers.md"},
    {Kind::id_unchecked, "id/unchecked", "identifier", warning,
     "A PMID, PMCID or arXiv id that could not be checked",
     "The NCBI ID converter or arXiv could not be asked (no answer in time, a server error, a "
     "refusal): inconclusive, not wrong. Run the check again later.",
     "identifiers.md"},
    {Kind::id_newer_version, "id/newer-version", "identifier", info,
     "An arXiv version that has a later one",
     "The reference cites a version of an arXiv paper that has been revised since. Cite the "
     "latest version, or keep the one you read on purpose.",
     "identifiers.md"},
    {Kind::integrity_retracted, "integrity/retracted", "integrity", error, "A retracted work",
     "The cited work was retracted, withdrawn or removed (a notice from its publisher, or the "
     "Retraction Watch dataset). Cite it only as a retracted work, with the notice, or not at all.",
     "identifiers.md"},
    {Kind::integrity_concern, "integrity/concern", "integrity", warning,
     "A work under an expression of concern",
     "The cited work carries an expression of concern: its publisher doubts it, pending an "
     "investigation. Read the notice before relying on it.",
     "identifiers.md"},
    {Kind::integrity_corrected, "integrity/corrected", "integrity", info, "A corrected work",
     "The cited work has a correction, erratum or addendum (or was reinstated after a "
     "retraction): cite the corrected version, or the correction too.",
     "identifiers.md"},
    {Kind::citation_missing, "citation/missing", "citation", error, "Cited, but not in the list",
     "The text cites a work (a key, a number, an author and year) that no entry of the reference "
     "list is. Add the entry, or correct the citation.",
     "citations.md"},
    {Kind::citation_uncited, "citation/uncited", "citation", warning, "In the list, never cited",
     "No citation in the text names this entry. Cite it where it is used, or drop it from the "
     "list (\\nocite or pandoc's nocite list an entry on purpose).",
     "citations.md"},
    {Kind::citation_order, "citation/order", "citation", warning,
     "Numbered out of the order of first citation",
     "The list numbers its entries in the order the text first cites them (Vancouver, IEEE, "
     "GB/T 7714's numeric style), and this citation comes before entries numbered lower. "
     "Renumber the list, or set citations.order: any for a list in another order.",
     "citations.md"},
    {Kind::citation_range, "citation/range", "citation", warning, "A range that runs backwards",
     "A numeric range whose end is not above its start (\"[5-3]\", \"[3-3]\"): write it from "
     "the lower number.",
     "citations.md"},
    {Kind::citation_mismatch, "citation/mismatch", "citation", error,
     "An author or year that is not the entry's",
     "The citation's author or year differs from the entry it can only mean (\"Smith (2019)\" "
     "for an entry of 2020, \"Smyth\" for \"Smith\"): one of the two is wrong.",
     "citations.md"},
    {Kind::citation_suffix, "citation/suffix", "citation", warning,
     "Two works of one author and year without a, b",
     "The list has two or more works by the same authors in the same year: author-year styles "
     "tell them apart as 2019a, 2019b, in the list and in the text.",
     "citations.md"},
    {Kind::citation_et_al, "citation/et-al", "citation", warning, "et al. for one or two authors",
     "The citation says \"et al.\" for a work the list gives one or two authors: name them "
     "(\"Smith and Lee\").",
     "citations.md"},
};

constexpr FindingCategory kCategories[] = {
    {"url-whitespace", "whitespace inside a URL (line-wrap and PDF-extraction artifacts)"},
    {"url-syntax",
     "otherwise malformed URL: stray punctuation, lost hyphen, full-width characters"},
    {"date-format",
     "malformed or non-canonical date: spaces inside, no zero padding, impossible day"},
    {"date-order", "access date before the publication or update date"},
    {"date-future", "a date after the as-of date"},
    {"date-mismatch", "two dates that should agree do not (bilingual halves, URL path, metadata)"},
    {"punctuation", "unbalanced brackets or quotes, doubled or missing punctuation or spaces"},
    {"entry-structure",
     "merged or split entries, numbering gaps, elements out of order or missing"},
    {"consistency", "a form that differs from the rest of the list"},
    {"cjk-spacing", "spurious spaces between CJK characters or digits"},
    {"duplicate", "the same work or URL cited as two references"},
    {"link-broken", "the server says the page is gone"},
    {"link-redirect", "the link moved permanently"},
    {"link-blocked", "the server refused an automated check (inconclusive)"},
    {"link-timeout", "no answer in time (inconclusive)"},
    {"link-dns", "the host name does not resolve"},
    {"link-tls", "the secure connection failed"},
    {"link-soft404", "the page answers, but says it is missing"},
    {"link-server-error", "the server failed or refused the connection (inconclusive)"},
    {"link-skipped", "not checked: excluded, private or not a web address"},
    {"archive", "an archived copy near the access date exists, or none does"},
    {"doi", "malformed or unregistered DOI, or metadata that disagrees"},
    {"identifier", "ISBN/ISSN check digits, PMID/PMCID/arXiv forms and existence"},
    {"integrity", "retracted, withdrawn, expression of concern, corrected"},
    {"citation", "the body text's citations against the list"},
    {"link-parked", "a parked or for-sale domain"},
    {"link-drift", "a page that no longer shows what was cited"},
    {"link-failing", "failing, not yet confirmed dead"},
};

// The table is in Kind's order: finding_kind() indexes it.
constexpr bool in_kind_order() {
  for (std::size_t i = 0; i < std::size(kKinds); ++i)
    if (static_cast<std::size_t>(kKinds[i].kind) != i) return false;
  return true;
}
static_assert(in_kind_order(), "kKinds must list the kinds in the order of enum Kind");

}  // namespace

std::span<const FindingKind> finding_kinds() { return kKinds; }

const FindingKind& finding_kind(Kind kind) { return kKinds[static_cast<std::size_t>(kind)]; }

const FindingKind* find_finding_kind(std::string_view id) {
  for (const FindingKind& k : kKinds)
    if (k.id == id) return &k;
  return nullptr;
}

std::span<const FindingCategory> finding_category_table() { return kCategories; }

const std::vector<std::string_view>& finding_categories() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const FindingCategory& c : kCategories) out.push_back(c.name);
    return out;
  }();
  return names;
}

Finding kind_finding(const Reference& ref, const Span& span, Kind kind, std::string message) {
  const FindingKind& k = finding_kind(kind);
  Finding f;
  f.rule = k.id;
  f.category = k.category;
  f.severity = k.level;
  f.message = std::move(message);
  f.span = span;
  f.reference = ref.id;
  return f;
}

Finding url_finding(const Reference& ref, const Url& url, Kind kind, std::string message) {
  return kind_finding(ref, url.span, kind, std::move(message));
}

}  // namespace citelint
