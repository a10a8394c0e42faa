// sequence: entry numbers go up by one through each list; gaps, repeats and steps back are
// reported at the label (often the trace of a merged or split entry).
#include <map>

#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class SequenceRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {}; }
  bool list_wide() const override { return true; }
  Scope default_scope() const override { return Scope::label; }
  bool accepts_scope(Scope s) const override { return s == Scope::label; }

  void configure(const YAML::Node&, LoadContext&) override {}

  void check_list(const std::vector<Unit>& units, FindingSink& sink) const override {
    std::map<const Document*, long> previous;
    for (const Unit& unit : units) {
      const long number = std::stol(unit.ref->label.number);
      auto [it, first] = previous.try_emplace(unit.doc, number);
      if (first) continue;
      const long prev = it->second;
      it->second = number;
      std::string problem;
      if (number == prev) {
        problem = "repeats number " + std::to_string(number);
      } else if (number < prev) {
        problem = "goes back from " + std::to_string(prev) + " to " + std::to_string(number);
      } else if (number > prev + 1) {
        problem = "jumps from " + std::to_string(prev) + " to " + std::to_string(number) + ": " +
                  (number == prev + 2 ? std::to_string(prev + 1) + " is missing"
                                      : std::to_string(prev + 1) + " to " +
                                            std::to_string(number - 1) + " are missing");
      } else {
        continue;
      }
      sink.report(*this, unit, 0, unit.text.size(),
                  {{"problem", problem}, {"previous", std::to_string(prev)}});
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_sequence_rule() { return std::make_unique<SequenceRule>(); }

}  // namespace citelint::rules
