// Does a DOI point at the cited work? The work its agency registered, compared with the
// reference's own text (match.cpp): docs/identifiers.md has the thresholds and how they were
// measured.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "citelint/ids.hpp"

namespace citelint::ids {

// How much of a registered title the reference's text holds: the share of the title's words
// (CJK text: of its character pairs) found there, diacritics, case and TeX's accents aside.
double title_cover(std::string_view title, std::string_view text);

// How many words (and CJK character pairs) title_cover counts in a text.
std::size_t title_words(std::string_view text);

// A name as compared: its letters only, folded for case, diacritics and TeX's accents
// ("Van der Berg", "van der berg": "vanderberg"; "M{\"u}ller": "muller").
std::string folded_name(std::string_view name);

struct WorkMatch {
  enum Verdict : std::uint8_t { same, near_miss, other_work } verdict = same;
  std::string differs;  // what differs, in words ("the year: 2019 registered, 2018 cited")
};
// The work against the reference's text and the years its dates give.
WorkMatch match_work(const RegisteredWork& work, std::string_view text,
                     const std::vector<int>& years);

// The years the reference gives: its dates' (published, updated, a year alone), else every
// number in its text that reads as a year, outside its URLs and DOIs.
std::vector<int> years_of(const Reference& ref, std::string_view text);

// Whether a work a search found is, past doubt, the one a reference without a DOI cites (a DOI
// is offered only then): a title of three words or more whose words the text holds at least
// kTitleSuggest of, the first author's family name in the text, and a year the reference gives
// within one of the work's.
bool confirms(const RegisteredWork& work, std::string_view text, const std::vector<int>& years);

// The thresholds (docs/identifiers.md): a title is the cited one when the text holds this share
// of its words at least, another work's below kTitleOther.
constexpr double kTitleSame = 0.8;
constexpr double kTitleOther = 0.5;
constexpr double kTitleSuggest = 0.9;

}  // namespace citelint::ids
