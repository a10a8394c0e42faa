// order: the first matches of the listed patterns must come in the listed order
// (in `elements` scope: GB/T 7714 puts the publication date before the access date).
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class OrderRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"order"}; }
  Scope default_scope() const override { return Scope::elements; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    const YAML::Node n = rule["order"];
    if (!n || !n.IsSequence() || n.size() < 2) {
      ctx.error(n ? n.Mark() : rule.Mark(),
                "an order rule needs 'order': a list of two or more patterns");
      return;
    }
    for (const auto& item : n) patterns_.push_back(ctx.pattern(item, ignorecase, "order item"));
  }

  void check(const Unit& unit, FindingSink& sink) const override {
    const re2::StringPiece text(unit.text.data(), unit.text.size());
    struct Found {
      std::size_t begin, end;
      std::string text;
    };
    std::vector<std::optional<Found>> first(patterns_.size());
    for (std::size_t k = 0; k < patterns_.size(); ++k) {
      re2::StringPiece m;
      if (patterns_[k].re->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
        const std::size_t b = static_cast<std::size_t>(m.data() - unit.text.data());
        first[k] = Found{b, b + m.size(), std::string(m.data(), m.size())};
      }
    }
    for (std::size_t k = 1; k < first.size(); ++k) {
      if (!first[k]) continue;
      for (std::size_t j = 0; j < k; ++j) {
        if (first[j] && first[j]->begin > first[k]->begin) {
          sink.report(*this, unit, first[k]->begin, first[k]->end, {{"after", first[j]->text}});
          return;
        }
      }
    }
  }

 private:
  std::vector<Pattern> patterns_;
};

}  // namespace

std::unique_ptr<Rule> make_order_rule() { return std::make_unique<OrderRule>(); }

}  // namespace citelint::rules
