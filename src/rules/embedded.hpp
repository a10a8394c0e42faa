// The rule packs and their fixtures compiled into the binary (cmake/embed_rules.cmake).
#pragma once

#include <vector>

namespace citelint {

struct EmbeddedRuleFile {
  const char* path;
  const char* text;
};
const std::vector<EmbeddedRuleFile>& embedded_rule_files();
// The shipped packs' annotated fixtures, tests/rules/<pack>/<Rule>.txt: `citelint rules test`
// run outside the source tree tests the shipped rules against these.
const std::vector<EmbeddedRuleFile>& embedded_rule_fixtures();
// The data files, data/<name>.yml (data/parked.yml: the signs of a parked domain).
const std::vector<EmbeddedRuleFile>& embedded_data_files();

}  // namespace citelint
