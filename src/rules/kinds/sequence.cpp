// sequence: entry numbers go up by one through each list; gaps, repeats and steps back are
// reported at the label (often the trace of a merged or split entry).

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

  struct State : ListState {
    const Document* doc = nullptr;
    long previous = 0;
  };
  std::unique_ptr<ListState> start_list(std::size_t) const override {
    return std::make_unique<State>();
  }

  // Units come input by input, in source order.
  void observe(const Unit& unit, ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    long number = 0;
    for (char c : unit.ref->label.number) number = number * 10 + (c - '0');
    if (unit.doc != state.doc) {
      state.doc = unit.doc;
      state.previous = number;
      return;
    }
    const long before = state.previous;
    state.previous = number;
    std::string problem;
    if (number == before) {
      problem = "repeats number " + std::to_string(number);
    } else if (number < before) {
      problem = "goes back from " + std::to_string(before) + " to " + std::to_string(number);
    } else if (number > before + 1) {
      problem = "jumps from " + std::to_string(before) + " to " + std::to_string(number) + ": " +
                (number == before + 2 ? std::to_string(before + 1) + " is missing"
                                      : std::to_string(before + 1) + " to " +
                                            std::to_string(number - 1) + " are missing");
    } else {
      return;
    }
    sink.report(*this, unit, 0, unit.text.size(),
                {{"problem", problem}, {"previous", std::to_string(before)}});
  }
};

}  // namespace

std::unique_ptr<Rule> make_sequence_rule() { return std::make_unique<SequenceRule>(); }

}  // namespace citelint::rules
