// What an entry of the list says of its authors and year, for author-year citations.
#pragma once

#include <string>
#include <vector>

#include "citelint/model.hpp"

namespace citelint::cite {

struct EntryNames {
  std::string first;                  // the first author's family name as written
  std::vector<std::string> families;  // every family name read, folded (ids::folded_name)
  bool many = false;                  // the list itself says "et al." or "and others"
  bool authors_known = false;         // families holds every author, past doubt
  std::string year;                   // "2020", "2019a", "n.d."; empty: none
  std::string base_year;              // "2019" of "2019a"
  char suffix = '\0';                 // 'a' of "2019a"
  std::size_t authors() const { return families.size() + (many ? 3 : 0); }
};

EntryNames entry_names(const Document& doc, const Reference& ref);

}  // namespace citelint::cite
