// conditional: where `first` matches, `second` must match somewhere in the same unit
// (an [EB/OL] entry needs a URL; a URL needs an access date). Each match of `first` in a unit
// without `second` is reported, so exceptions apply match by match.
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class ConditionalRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"first", "second"}; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    if (!rule["first"] || !rule["second"]) {
      ctx.error(rule.Mark(), "a conditional rule needs 'first' and 'second' patterns");
      return;
    }
    first_ = ctx.pattern(rule["first"], ignorecase, "first");
    second_ = ctx.pattern(rule["second"], ignorecase, "second");
  }

  std::string trigger() const override { return first_.source; }
  std::string blocker() const override { return second_.source; }

  void check(const Unit& unit, FindingSink& sink) const override {
    // Decide with RE2's DFA alone (no captures), which is all most units need.
    const re2::StringPiece text(unit.text.data(), unit.text.size());
    if (!first_.re->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return;
    if (second_.re->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return;
    for_each_match(*first_.re, unit.text, [&](std::size_t mb, std::size_t me, const auto& groups) {
      const auto [b, e] = focus_range(*first_.re, unit.text, groups);
      sink.report(*this, unit, b, e, named_captures(*first_.re, groups),
                  unit.text.substr(mb, me - mb));
    });
  }

 private:
  Pattern first_, second_;
};

}  // namespace

std::unique_ptr<Rule> make_conditional_rule() { return std::make_unique<ConditionalRule>(); }

}  // namespace citelint::rules
