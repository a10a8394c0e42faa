// The identifiers stage (src/ids/): what the identifiers a reference gives are worth. Offline,
// always: ISBN and ISSN check digits and the forms of ISBNs, ISSNs, arXiv ids, PMIDs and PMCIDs
// (DOIs' syntax is the rule core/DoiSyntax). docs/identifiers.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace citelint
