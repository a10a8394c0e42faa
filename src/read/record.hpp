// What the readers of record formats (BibTeX, CSL-JSON, RIS, JATS) share: items added once,
// DOIs without their prefixes, items in source order, diagnostics at a position.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint::record {

// A problem with the input at byte offset `at`.
void report(const Document& doc, std::vector<Diagnostic>& diagnostics, std::size_t at,
            std::string message);
// Adds a URL unless the reference has it already (by its normalised form): the first written
// stays, but one written replaces one made (composed, as from an eprint). An empty URL is none.
void add_url(Reference& ref, Url url);
// A DOI over doc's text [begin, end) whose value is `value` less a doi.org or doi: prefix.
Doi make_doi(const Document& doc, std::size_t begin, std::size_t end, std::string_view value);
// Adds the dates that words mark in doc's text [begin, end) ("Accessed: 2021-03-03", "Acesso
// em: 3 mar. 2021"); whether one of them is an access date.
bool add_marked_dates(const Document& doc, Reference& ref, std::size_t begin, std::size_t end);
// The address an eprint identifier stands for, by its type (arxiv, hdl or handle, pubmed; any
// case): empty for other types.
std::string eprint_url(std::string_view type, std::string_view id);
// DOIs written as links to a DOI resolver (https://doi.org/10..., dx.doi.org, percent-encoded,
// shortDOIs as https://doi.org/gbqq9v), in any format: each such URL of the reference gives a
// DOI too, unless the reference has that DOI already (its value decoded; case ignored).
void add_link_dois(const Document& doc, Reference& ref);
// Adds an identifier unless the reference has it already (the same scheme and value, case
// aside); whether it did.
bool add_identifier(Reference& ref, Identifier id);
// The identifiers in doc's text [begin, end), a field of `scheme` (none: RIS's SN, ISBN or
// ISSN by length; find_field_identifiers), each added unless the reference has it already.
void add_identifiers(const Document& doc, Reference& ref, std::size_t begin, std::size_t end,
                     std::optional<IdScheme> scheme);
// Links to arXiv's abstracts, PubMed's records and PubMed Central's articles, in any format:
// each gives its identifier too (identifier_of_link), unless the reference has it already.
void add_link_identifiers(const Document& doc, Reference& ref);
// The same DOI, case aside, and a stray full stop after one of them ("10.1590/x." in a pub-id).
bool same_doi(std::string_view a, std::string_view b);

// The text from its first character that is not white space: what the formats' sniffs look at.
std::string_view past_blanks(std::string_view text);

// The reference's dates, URLs and identifiers in the order of the source.
void sort_items(Reference& ref);

}  // namespace citelint::record
