// Every rule kind by the name rule files give in `extends`, like clang-tidy's check registry.
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

const std::map<std::string, RuleFactory, std::less<>>& rule_kinds() {
  static const std::map<std::string, RuleFactory, std::less<>> kKinds = {
      {"existence", make_existence_rule},     {"substitution", make_substitution_rule},
      {"format", make_format_rule},           {"balance", make_balance_rule},
      {"compare", make_compare_rule},         {"conditional", make_conditional_rule},
      {"consistency", make_consistency_rule}, {"occurrence", make_occurrence_rule},
      {"unique", make_unique_rule},           {"order", make_order_rule},
      {"sequence", make_sequence_rule},
  };
  return kKinds;
}

}  // namespace citelint::rules
