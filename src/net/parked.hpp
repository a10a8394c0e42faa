// Parked and hijacked domains: a page that answers 200 but is a parking or domain-for-sale page
// (the signs are data: data/parked.yml), or another domain's front page a cited deep link now
// lands on. docs/link-rot.md lists the signs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "citelint/check.hpp"
#include "net/fetch.hpp"

namespace citelint::net {

// Why the page `original` reached (through `chain`, at `final_url`) is a parked domain's, in
// words; empty when it is not. `names`: what the page names itself (page_title).
std::string parked_reason(const Response& response, std::string_view names,
                          std::string_view original, std::string_view final_url,
                          const std::vector<Redirect>& chain);

// A host's registrable domain by the Public Suffix List (www.example.co.uk: example.co.uk);
// the host itself when it has none (an address, a suffix alone).
std::string registrable_domain(std::string_view host);

}  // namespace citelint::net
