// format: each unit must match one of the allowed forms whole, and pass a validity hook
// (date: a real calendar day; url: an absolute web URL; doi: Crossref's DOI syntax).
#include "citelint/extract.hpp"
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class FormatRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"allow", "valid"}; }
  // `valid` alone asks the item (a real date, a web address, a DOI), not how it is written.
  bool reads_text() const override { return !allow_.empty(); }
  Scope default_scope() const override { return Scope::date; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    if (const auto n = rule["allow"]) {
      const auto list = ctx.string_list(n, "allow");
      for (const std::string& p : list) allow_.push_back(ctx.pattern_from(n, p, ignorecase));
    }
    if (const auto n = rule["valid"]) {
      valid_ = ctx.scalar(n, "valid");
      const Scope needed = valid_ == "date"  ? Scope::date
                           : valid_ == "url" ? Scope::url
                                             : Scope::doi;
      if (valid_ != "date" && valid_ != "url" && valid_ != "doi") {
        ctx.error(n.Mark(), "valid must be date, url or doi");
      } else if (scope != needed) {
        ctx.error(n.Mark(), "valid: " + valid_ + " needs scope: " + valid_);
      }
    }
    if (allow_.empty() && valid_.empty())
      ctx.error(rule.Mark(), "a format rule needs 'allow' (patterns) or 'valid' (date, url, doi)");
  }

  void check(const Unit& unit, FindingSink& sink) const override {
    const re2::StringPiece text(unit.text.data(), unit.text.size());
    bool ok = allow_.empty();
    for (const Pattern& p : allow_) ok = ok || RE2::FullMatch(text, *p.re);
    if (ok && !valid_.empty()) {
      if (valid_ == "date") ok = !unit.date || unit.date->valid;
      if (valid_ == "url") ok = !unit.url || unit.url->valid;
      if (valid_ == "doi") ok = !unit.doi || is_valid_doi(unit.doi->value);
    }
    if (!ok) sink.report(*this, unit, 0, unit.text.size(), {});
  }

 private:
  std::vector<Pattern> allow_;
  std::string valid_;
};

}  // namespace

std::unique_ptr<Rule> make_format_rule() { return std::make_unique<FormatRule>(); }

}  // namespace citelint::rules
