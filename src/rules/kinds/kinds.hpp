// Factories of the rule kinds; registry.cpp maps each kind's name to its factory.
#pragma once

#include "rules/rule.hpp"

namespace citelint::rules {

std::unique_ptr<Rule> make_existence_rule();
std::unique_ptr<Rule> make_substitution_rule();
std::unique_ptr<Rule> make_format_rule();
std::unique_ptr<Rule> make_balance_rule();
std::unique_ptr<Rule> make_compare_rule();
std::unique_ptr<Rule> make_conditional_rule();
std::unique_ptr<Rule> make_consistency_rule();
std::unique_ptr<Rule> make_occurrence_rule();
std::unique_ptr<Rule> make_unique_rule();
std::unique_ptr<Rule> make_order_rule();
std::unique_ptr<Rule> make_sequence_rule();

}  // namespace citelint::rules
