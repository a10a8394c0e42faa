// existence: report every match of a pattern (or of a list of tokens) in the scope's text.
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class ExistenceRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"pattern", "tokens"}; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    if (rule["pattern"] && rule["tokens"]) {
      ctx.error(rule["tokens"].Mark(), "give either 'pattern' or 'tokens', not both");
    } else if (rule["pattern"]) {
      pattern_ = ctx.pattern(rule["pattern"], ignorecase, "pattern");
    } else if (rule["tokens"]) {
      std::string alternation;
      for (const std::string& t : ctx.string_list(rule["tokens"], "tokens")) {
        if (!alternation.empty()) alternation += '|';
        alternation += t;
      }
      pattern_ = ctx.pattern_from(rule["tokens"], "\\b(?:" + alternation + ")\\b", ignorecase);
    } else {
      ctx.error(rule.Mark(), "an existence rule needs 'pattern' or 'tokens'");
    }
  }

  std::string trigger() const override { return pattern_.source; }

  void check(const Unit& unit, FindingSink& sink) const override {
    for_each_match(*pattern_.re, unit.text,
                   [&](std::size_t mb, std::size_t me, const auto& groups) {
                     const auto [b, e] = focus_range(*pattern_.re, unit.text, groups);
                     sink.report(*this, unit, b, e, named_captures(*pattern_.re, groups),
                                 unit.text.substr(mb, me - mb));
                   });
  }

 private:
  Pattern pattern_;
};

}  // namespace

std::unique_ptr<Rule> make_existence_rule() { return std::make_unique<ExistenceRule>(); }

}  // namespace citelint::rules
