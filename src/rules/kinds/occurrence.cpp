// occurrence: a pattern may occur at most `max` and at least `min` times in a unit.
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class OccurrenceRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"pattern", "max", "min"}; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    if (!rule["pattern"]) ctx.error(rule.Mark(), "an occurrence rule needs 'pattern'");
    if (!rule["max"] && !rule["min"])
      ctx.error(rule.Mark(), "an occurrence rule needs 'max' or 'min'");
    if (!rule["pattern"]) return;
    pattern_ = ctx.pattern(rule["pattern"], ignorecase, "pattern");
    if (rule["max"]) max_ = ctx.integer(rule["max"], "max");
    if (rule["min"]) min_ = ctx.integer(rule["min"], "min");
  }

  // Without a minimum, a unit with no match can never be reported.
  std::string trigger() const override { return min_ > 0 ? std::string() : pattern_.source; }

  void check(const Unit& unit, FindingSink& sink) const override {
    int count = 0;
    for_each_match(
        *pattern_.re, unit.text, [&](std::size_t mb, std::size_t me, const auto& groups) {
          ++count;
          if (max_ >= 0 && count == max_ + 1) {
            const auto [b, e] = focus_range(*pattern_.re, unit.text, groups);
            Vars vars = named_captures(*pattern_.re, groups);
            vars.emplace_back("max", std::to_string(max_));
            sink.report(*this, unit, b, e, std::move(vars), unit.text.substr(mb, me - mb));
          }
        });
    if (count < min_)
      sink.report(*this, unit, 0, unit.text.size(),
                  {{"min", std::to_string(min_)}, {"count", std::to_string(count)}});
  }

 private:
  Pattern pattern_;
  int max_ = -1, min_ = 0;
};

}  // namespace

std::unique_ptr<Rule> make_occurrence_rule() { return std::make_unique<OccurrenceRule>(); }

}  // namespace citelint::rules
