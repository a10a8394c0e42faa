// Extraction: URLs, dates, DOIs and language halves inside one reference.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

// Fills ref.urls, ref.dates, ref.dois and ref.parts from the document text in ref.span.
void extract(const Document& doc, Reference& ref);

// URLs in [begin, end), rejoining those that a line wrap or PDF extraction split at whitespace.
std::vector<Url> find_urls(const Document& doc, std::size_t begin, std::size_t end);
// Whether `next_token`, the first word of the next line, goes on with a URL that the line
// above ends with (`url_so_far`, from its scheme or "www."), as find_urls judges a line break.
bool url_continues_on_next_line(std::string_view url_so_far, std::string_view next_token);
// URLs that a gap the text alone cannot decide cut short (".../art_b5f2c6af3 0c2070.html":
// the word after the gap could be prose), rejoined where the list itself cites the URL whole
// (the other language half of a bilingual entry, another entry): the list decides the gap.
void rejoin_urls_cited_whole(const Document& doc, std::vector<Reference>& refs);
// Whether a link's target is a web address (http, https or ftp, any case), not a place in a
// document, mailto: or file:.
bool is_web_link(std::string_view target);
// Whether the byte offset pos lies inside one of the URLs as written: text that other
// extractors and rules leave to the URL. `urls` in order of position, as readers keep them.
bool inside_url(const std::vector<Url>& urls, std::size_t pos);
// Whitespace removed, full-width ASCII folded, "www." given http://, non-ASCII percent-encoded,
// scheme and host lowercased (Boost.URL). valid is set when the result is an absolute web URL.
std::string normalise_url(std::string_view as_written, bool* valid = nullptr);

// Repairs worth trying for a URL that does not resolve as cited, most likely first, at most
// kMaxRepairs: a hyphen restored where a line break fell inside a word (or one dropped there,
// when the typesetter added it), a hyphen restored between two words that the URL's other
// hyphenated words or `host_words` (the words of other URLs on the same host) know, and a
// closing bracket stripped from the end. Each is normalised; none is the URL itself.
struct RepairCandidate {
  std::string url;
  std::string why;  // what was changed, in words
};
constexpr std::size_t kMaxRepairs = 4;
// `breaks`: offsets into url.as_written where the original broke the line without whitespace
// in the text (a URL a PDF's layout wrapped; Document::wrapped_before).
std::vector<RepairCandidate> repair_candidates(const Url& url,
                                               const std::vector<std::string>& host_words,
                                               const std::vector<std::size_t>& breaks = {});
// The words (runs of letters, lowercased, three or more) of a URL's path, for
// repair_candidates' host_words.
std::vector<std::string> path_words(std::string_view url);

// An archive URL as cited (web.archive.org/web/<timestamp>/<url>, archive.today and its
// mirrors with a timestamp): the capture's timestamp and the page it holds. Nothing for other
// URLs, or archive URLs without a timestamp (perma.cc, archive.today's short links).
struct ArchivedUrl {
  std::string timestamp;  // YYYYMMDDhhmmss, padded with zeros when given shorter
  std::string original;
};
std::optional<ArchivedUrl> parse_archive_url(std::string_view url);
bool is_archive_url(std::string_view url);  // parse_archive_url gives something

// The date a URL's path files its page under: /2020-11/09/, /2021/03/03/, /2021-03-03/,
// /20210201/, t20180530_, or the year and month of /2020-11/ (day 0). The first full date
// when there is one, else the first year and month. Years 1990 to 2099, real calendar dates;
// the query is not read; /2021/03/ and /202103/ alone are not taken for dates (journals file
// volumes and issues so). Year 0 when there is none (or the URL is longer than 64 KiB).
Url::PathDate url_path_date(std::string_view url);

// A date body such as "2018-05-30", "2018- 10-31", "2019-2-7", "2021.12.21", "2019-06".
struct ParsedDate {
  int year = 0, month = 0, day = 0;
  bool valid = false;
  std::string value;  // canonical
};
std::optional<ParsedDate> parse_date(std::string_view text);
bool is_calendar_date(int year, int month, int day);
// Days since 1970-01-01 of a calendar date (proleptic Gregorian), for differences of dates.
long day_number(int year, int month, int day);

// A date as the citation styles write it, read from s[i] on (i is moved past it): year first
// ("2021-03-03", "2021.12.21", "2021- 9-12", "2021 Mar 3", "2020, May 5", "2021年3月3日"),
// day first ("3 March 2021", "3 Mar. 2021", "3 mar. 2021", "3. März 2021", "3.3.2021") or
// month first ("March 3, 2021", "Mar. 3, 2021", "March 2021"); English, Portuguese and German
// month names; full-width digits.
std::optional<ParsedDate> read_date(std::string_view s, std::size_t& i);
// The same, when the whole text is the date.
std::optional<ParsedDate> parse_date_text(std::string_view text);

// A date after the words that say what it is: "Retrieved", "accessed", "Accessed:", "cited",
// "updated", "访问日期", "Acesso em:", "abgerufen am" and the like, in text[begin, end).
struct MarkedDate {
  DateRole role;
  std::size_t begin, end;  // the date itself, without its marker
  ParsedDate date;
};
std::vector<MarkedDate> find_marked_dates(std::string_view text, std::size_t begin,
                                          std::size_t end);

// Dates in [begin, end): GB/T 7714 `(published)[accessed]` pairs and `[accessed]` (in any of
// read_date's forms), dates after access markers (find_marked_dates), and the publication year
// in `, 2019.` position. Text inside `skip` (the URLs) is not searched.
std::vector<Date> find_dates(const Document& doc, std::size_t begin, std::size_t end,
                             const std::vector<Url>& skip);

// A date over doc's text [begin, end), as parsed.
Date make_date(const Document& doc, DateRole role, std::size_t begin, std::size_t end,
               const ParsedDate& parsed);
// A URL over doc's text [begin, end): normalised from `text` (the span's text, or what a
// structured format's field means by it: TeX escapes decoded, say), with its path date and
// whether it is an archive's capture.
Url make_url(const Document& doc, std::size_t begin, std::size_t end, std::string_view text);

// DOIs after `doi:`/`DOI `, in doi.org URLs, and bare `10.nnnn/...` tokens.
std::vector<Doi> find_dois(const Document& doc, std::size_t begin, std::size_t end,
                           const std::vector<Url>& urls);
// Crossref's recommended pattern for modern DOIs.
bool is_valid_doi(std::string_view doi);
// The DOI a link to a DOI resolver (doi.org, dx.doi.org) stands for, percent-decoded: the path
// when it starts with "10", "10/<code>" for a shortDOI (https://doi.org/gbqq9v); empty for any
// other URL, and for the resolver's own pages.
std::string doi_of_link(std::string_view url);
// The handle a Handle System proxy link (hdl.handle.net/PREFIX/SUFFIX) names, lowercased (handles
// ignore ASCII case); empty for any other URL.
std::string handle_of_link(std::string_view url);

// ISBNs, ISSNs, arXiv ids, PMIDs and PMCIDs after their markers ("ISBN-13: 978-...", "eISSN",
// "arXiv:", "PMID:", "PMCID:") and bare PMCIDs ("PMC1234567"), as written, damage and all (a
// digit lost, OCR's 'O' for a 0): src/ids/ checks them. Not inside URLs (links give their own).
std::vector<Identifier> find_identifiers(const Document& doc, std::size_t begin, std::size_t end,
                                         const std::vector<Url>& urls);
// The identifiers in a record format's field that says what they are (BibTeX's isbn, JATS's
// pub-id pub-id-type="pmid", RIS's SN): no marker needed, and each of several counts. With no
// scheme (RIS's SN, ISBN or ISSN), a number of eight or nine digits is an ISSN, others ISBNs.
std::vector<Identifier> find_field_identifiers(const Document& doc, std::size_t begin,
                                               std::size_t end, std::optional<IdScheme> scheme);
// The identifier a link stands for: an arXiv abstract or PDF (/abs/ID, /pdf/ID on arXiv's
// host), a PubMed record (/ID on PubMed's host, /pubmed/ID), a PubMed Central article
// (.../articles/PMCID, on any host that mirrors it).
std::optional<std::pair<IdScheme, std::string>> identifier_of_link(std::string_view url);

// The language halves of a bilingual entry (a CJK half followed by a Latin-script half);
// empty for single-language entries.
std::vector<Part> find_parts(const Document& doc, const Reference& ref);

}  // namespace citelint
