// consistency: each unit takes the first of several named forms it matches; within one input,
// the units whose form differs from the clear majority are reported.
#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class ConsistencyRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override {
    return {"forms", "min", "roles", "digits"};
  }
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
    if (const auto n = rule["digits"]) {
      // `digits: any`: forms see every ASCII digit as 0, so texts that differ only in their
      // digits (dates, above all) are matched once.
      const std::string digits = ctx.scalar(n, "digits");
      if (digits != "any" && digits != "exact") ctx.error(n.Mark(), "digits must be any or exact");
      digits_any_ = digits == "any";
    }
    if (const auto n = rule["roles"]) {
      // Dates of these roles only, each role its own list: an APA list writes its publication
      // dates "2020, May 5" and its access dates "March 3, 2021", and both are right.
      if (scope != Scope::date) ctx.error(n.Mark(), "roles needs scope: date");
      const std::string roles = ctx.scalar(n, "roles");
      std::string_view rest = roles;
      while (!rest.empty()) {
        const std::string_view one = rest.substr(0, rest.find('|'));
        bool known = false;
        for (DateRole r : kDateRoles)
          if (one == to_string(r)) {
            roles_ |= 1u << static_cast<unsigned>(r);
            known = true;
          }
        if (!known)
          ctx.error(n.Mark(),
                    "'" + std::string(one) +
                        "' is not a date role (published, updated, accessed, year, archived; "
                        "join several with |)");
        rest.remove_prefix(std::min(rest.size(), one.size() + 1));
      }
    }
  }

  // Which form a text takes is found once per distinct text (element sequences repeat); the
  // units that take one are kept until finish() knows the majority.
  struct Form {
    std::uint32_t form, begin, end;
  };
  struct Seen {
    UnitRef unit;        // made again for the report (the few off the majority)
    std::uint32_t text;  // its text's Form, in State::found: 16 bytes a unit
  };
  struct State : ListState {
    std::unordered_map<std::string_view, std::uint32_t> forms;  // keys: copies in texts
    std::vector<std::optional<Form>> found;                     // by forms' values
    OwnedTexts texts;
    std::map<std::uint32_t, std::vector<Seen>> by_input;  // by Document::id()
    std::string shape;  // the text with its digits as 0 (digits: any)
  };
  std::unique_ptr<ListState> start_list(std::size_t) const override {
    return std::make_unique<State>();
  }

  void observe(const Unit& unit, ListState& list, FindingSink& sink) const override {
    if (roles_ && unit.date && !(roles_ & (1u << static_cast<unsigned>(unit.date->role)))) return;
    // How a record's fields are written is its style's business, not the list's; an entry
    // written in markup reads as text.
    if (unit.doc->structured() && !unit.projected) return;
    State& state = static_cast<State&>(list);
    std::string_view seen = unit.text;
    if (digits_any_) {
      state.shape.assign(unit.text);
      for (char& c : state.shape)
        if (c >= '0' && c <= '9') c = '0';
      seen = state.shape;  // as long as the text: offsets into one are offsets into the other
    }
    const auto [it, fresh] = state.texts.find_or_add(state.forms, seen);
    if (fresh) {
      it->second = static_cast<std::uint32_t>(state.found.size());
      std::optional<Form>& form = state.found.emplace_back();
      const re2::StringPiece text(seen.data(), seen.size());
      for (std::size_t f = 0; f < patterns_.size(); ++f) {
        re2::StringPiece m;
        if (patterns_[f].re->Match(text, 0, text.size(), RE2::UNANCHORED, &m, 1)) {
          const std::size_t b = static_cast<std::size_t>(m.data() - seen.data());
          form = Form{static_cast<std::uint32_t>(f), static_cast<std::uint32_t>(b),
                      static_cast<std::uint32_t>(b + m.size())};
          break;
        }
      }
    }
    if (state.found[it->second]) {
      const UnitRef ref = sink.ref_of(unit);
      state.by_input[ref.doc].push_back({ref, it->second});
    }
  }

  void finish(ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    for (const auto& [doc, seen] : state.by_input) {
      // Count entries, not units: both halves of a bilingual entry are one vote. A reference's
      // units arrive together, so its votes so far are the ones since it changed.
      std::vector<int> counts(patterns_.size(), 0);
      std::size_t entries = 0;
      std::optional<std::uint32_t> current;
      std::vector<std::size_t> voted;
      for (const Seen& s : seen) {
        if (s.unit.ref != current) {
          current = s.unit.ref;
          ++entries;
          voted.clear();
        }
        const Form& form = *state.found[s.text];
        if (std::find(voted.begin(), voted.end(), form.form) != voted.end()) continue;
        voted.push_back(form.form);
        ++counts[form.form];
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
        const Form& form = *state.found[s.text];
        if (form.form == majority) continue;
        sink.report(*this, sink.remake(scope, s.unit), form.begin, form.end,
                    {{"form", names_[form.form]},
                     {"majority", names_[majority]},
                     {"count", std::to_string(counts[majority])},
                     {"total", std::to_string(entries)}});
      }
    }
  }

 private:
  std::vector<std::string> names_;
  std::vector<Pattern> patterns_;
  int min_ = 2;
  unsigned roles_ = 0;  // bits of DateRole; 0: every unit
  bool digits_any_ = false;
};

}  // namespace

std::unique_ptr<Rule> make_consistency_rule() { return std::make_unique<ConsistencyRule>(); }

}  // namespace citelint::rules
