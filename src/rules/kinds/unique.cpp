// unique: the same key in two references of one list is a duplicate; repeats inside one
// reference (a bilingual entry citing its URL in both halves) are not. Keys: the normalised URL,
// the DOI (case-insensitive), or for text scopes the text folded to lowercase words.
#include <cctype>
#include <unordered_map>

#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (unsigned char c : text) {
    if (std::isspace(c) || std::ispunct(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

class UniqueRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"pattern"}; }
  bool list_wide() const override { return true; }
  Scope default_scope() const override { return Scope::url; }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    if (const auto n = rule["pattern"]) {
      pattern_ = ctx.pattern(n, ignorecase, "pattern");
      if (pattern_.re && pattern_.re->ok() && !pattern_.re->NamedCapturingGroups().count("key"))
        ctx.error(n.Mark(), "the pattern needs a named capture (?P<key>...)");
    }
  }

  void check_list(const std::vector<Unit>& units, FindingSink& sink) const override {
    struct First {
      const Unit* unit;
    };
    std::unordered_map<std::string, First> seen;
    for (const Unit& unit : units) {
      std::string k = key(unit);
      if (k.empty()) continue;
      k = std::to_string(unit.doc->id()) + '\n' + k;
      auto [it, inserted] = seen.try_emplace(k, First{&unit});
      if (inserted || it->second.unit->ref == unit.ref) continue;
      const Unit& first = *it->second.unit;
      const Span at = first.span(0, first.text.size());
      sink.report(*this, unit, 0, unit.text.size(),
                  {{"first", first.ref ? first.ref->id : std::string()},
                   {"first_line", std::to_string(at.line)}});
    }
  }

 private:
  std::string key(const Unit& unit) const {
    if (pattern_.re) {
      std::string k;
      const re2::StringPiece text(unit.text.data(), unit.text.size());
      const auto& named = pattern_.re->NamedCapturingGroups();
      std::vector<re2::StringPiece> groups(static_cast<std::size_t>(pattern_.re->NumberOfCapturingGroups() + 1));
      if (pattern_.re->Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()))) {
        const auto& g = groups[static_cast<std::size_t>(named.at("key"))];
        if (g.data()) k.assign(g.data(), g.size());
      }
      return k;
    }
    if (unit.url) return unit.url->normalised;
    if (unit.doi) return fold_text(unit.doi->value);
    std::string_view text = unit.text;
    if (unit.ref && unit.ref->span.begin == unit.to_doc(0, false)) {
      // Leave the label out: the same work under two numbers is still a duplicate.
      const std::size_t label = unit.ref->label.span.end - unit.ref->label.span.begin;
      text.remove_prefix(std::min(label, text.size()));
    }
    return fold_text(text);
  }

  Pattern pattern_;
};

}  // namespace

std::unique_ptr<Rule> make_unique_rule() { return std::make_unique<UniqueRule>(); }

}  // namespace citelint::rules
