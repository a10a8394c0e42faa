// The offline checks of each scheme, for check_identifier (src/ids/offline.cpp), which names
// the identifier and handles OCR's letters before it asks them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "citelint/kinds.hpp"

namespace citelint::ids {

// What is wrong, in words that follow "ISBN '...': ".
struct Wrong {
  Kind kind = Kind::id_form;
  std::string what;
};

// value: digits and X, no separators (check_digits.cpp).
std::optional<Wrong> check_isbn(std::string_view value);
std::optional<Wrong> check_issn(std::string_view value);
// forms.cpp
std::optional<Wrong> check_arxiv(std::string_view id);
std::optional<Wrong> check_pmid(std::string_view digits);
// value: "PMC" and digits; written: whether the source wrote "PMC".
std::optional<Wrong> check_pmcid(std::string_view value, bool written_with_prefix);

}  // namespace citelint::ids
