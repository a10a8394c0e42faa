// substitution: a map from patterns to what should stand instead; the replacement is the fix.
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class SubstitutionRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"swap"}; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    const YAML::Node swap = rule["swap"];
    if (!swap || !swap.IsMap() || swap.size() == 0) {
      ctx.error(swap ? swap.Mark() : rule.Mark(),
                "a substitution rule needs 'swap': a mapping of pattern: replacement");
      return;
    }
    std::string alternation;
    bool keys_ok = true;
    for (const auto& kv : swap) {
      const std::string from = ctx.scalar(kv.first, "swap key");
      // Each key compiles alone too, so an error points at the key that has it.
      keys_ok = ctx.pattern(kv.first, ignorecase, "swap key").re->ok() && keys_ok;
      if (!alternation.empty()) alternation += '|';
      alternation += "(?P<swap" + std::to_string(replacements_.size()) + ">" + from + ")";
      replacements_.push_back(ctx.scalar(kv.second, "swap value"));
    }
    if (keys_ok) pattern_ = ctx.pattern_from(swap, alternation, ignorecase);
    if (!fix_template && !fix_replace) fix_template = "{replacement}";
  }

  std::string trigger() const override { return pattern_.source; }

  void check(const Unit& unit, FindingSink& sink) const override {
    const auto& named = pattern_.re->NamedCapturingGroups();
    for_each_match(*pattern_.re, unit.text, [&](std::size_t b, std::size_t e, const auto& groups) {
      for (std::size_t k = 0; k < replacements_.size(); ++k) {
        const auto it = named.find("swap" + std::to_string(k));
        if (it == named.end() || !groups[static_cast<std::size_t>(it->second)].data()) continue;
        if (unit.text.substr(b, e - b) == replacements_[k]) return;
        sink.report(*this, unit, b, e, {{"replacement", replacements_[k]}});
        return;
      }
    });
  }

 private:
  Pattern pattern_;
  std::vector<std::string> replacements_;
};

}  // namespace

std::unique_ptr<Rule> make_substitution_rule() { return std::make_unique<SubstitutionRule>(); }

}  // namespace citelint::rules
