// consistency: each unit takes the first of several named forms it matches; within one input,
// the units whose form differs from the clear majority are reported.
#include <map>
#include <optional>
#include <unordered_map>
#include <set>

#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class ConsistencyRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"forms", "min"}; }
  bool list_wide() const override { return true; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    const YAML::Node forms = rule["forms"];
    if (!forms || !forms.IsMap() || forms.size() < 2) {
      ctx.error(forms ? forms.Mark() : rule.Mark(),
                "a consistency rule needs 'forms': at least two of name: pattern");
      return;
    }
    for (const auto& kv : forms) {
      names_.push_back(ctx.scalar(kv.first, "form name"));
      patterns_.push_back(ctx.pattern(kv.second, ignorecase, "form pattern"));
    }
    if (const auto n = rule["min"]) min_ = ctx.integer(n, "min");
  }

  void check_list(const std::vector<Unit>& units, FindingSink& sink) const override {
    struct Seen {
      const Unit* unit;
      std::size_t form, begin, end;
    };
    // Which form a text takes, found once per distinct text (element sequences repeat).
    struct Form {
      std::size_t form, begin, end;
    };
    std::unordered_map<std::string_view, std::optional<Form>> forms;
    auto form_of = [&](std::string_view t) -> const std::optional<Form>& {
      auto [it, fresh] = forms.try_emplace(t);
      if (!fresh) return it->second;
      const re2::StringPiece text(t.data(), t.size());
      for (std::size_t f = 0; f < patterns_.size(); ++f) {
        re2::StringPiece m;
        if (patterns_[f].re->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
          const std::size_t b = static_cast<std::size_t>(m.data() - t.data());
          it->second = Form{f, b, b + m.size()};
          break;
        }
      }
      return it->second;
    };
    std::map<const Document*, std::vector<Seen>> by_input;
    for (const Unit& unit : units)
      if (const auto& f = form_of(unit.text))
        by_input[unit.doc].push_back({&unit, f->form, f->begin, f->end});
    for (const auto& [doc, seen] : by_input) {
      // Count entries, not units: both halves of a bilingual entry are one vote.
      std::vector<int> counts(patterns_.size(), 0);
      std::set<std::pair<const Reference*, std::size_t>> voted;
      std::set<const Reference*> entries;
      for (const Seen& s : seen) {
        entries.insert(s.unit->ref);
        if (voted.insert({s.unit->ref, s.form}).second) ++counts[s.form];
      }
      std::size_t majority = 0;
      for (std::size_t f = 1; f < counts.size(); ++f)
        if (counts[f] > counts[majority]) majority = f;
      int runner_up = 0;
      for (std::size_t f = 0; f < counts.size(); ++f)
        if (f != majority) runner_up = std::max(runner_up, counts[f]);
      // Only a clear majority sets the norm; a tie says nothing.
      if (counts[majority] < min_ || counts[majority] <= runner_up) continue;
      for (const Seen& s : seen) {
        if (s.form == majority) continue;
        sink.report(*this, *s.unit, s.begin, s.end,
                    {{"form", names_[s.form]},
                     {"majority", names_[majority]},
                     {"count", std::to_string(counts[majority])},
                     {"total", std::to_string(entries.size())}});
      }
    }
  }

 private:
  std::vector<std::string> names_;
  std::vector<Pattern> patterns_;
  int min_ = 2;
};

}  // namespace

std::unique_ptr<Rule> make_consistency_rule() { return std::make_unique<ConsistencyRule>(); }

}  // namespace citelint::rules
