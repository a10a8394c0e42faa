// Turning a rule's match into a Finding: message and fix templates, exceptions.
#include <cstdio>

#include "rules/rule.hpp"

namespace citelint::rules {

std::string render_template(std::string_view templ, const Vars& vars, const Lookup& more) {
  std::string out;
  out.reserve(templ.size() + 32);
  std::size_t i = 0;
  while (i < templ.size()) {
    const std::size_t brace = templ.find_first_of("{}", i);
    out.append(templ.substr(i, brace - i));
    if (brace == std::string_view::npos) break;
    i = brace;
    const char c = templ[i];
    if (i + 1 < templ.size() && templ[i + 1] == c) {  // {{ and }} are the braces themselves
      out += c;
      i += 2;
      continue;
    }
    const std::size_t close = c == '{' ? templ.find('}', i) : std::string_view::npos;
    if (close != std::string_view::npos) {
      const std::string_view name = templ.substr(i + 1, close - i - 1);
      std::optional<std::string_view> value;
      for (const auto& [k, v] : vars)
        if (k == name) {
          value = v;
          break;
        }
      if (!value && more) value = more(name);
      if (value) {
        out += *value;
        i = close + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

namespace {

// The variables every template may use, after the kind's own: looked up only when a template
// names them, not copied for each finding.
std::optional<std::string_view> common_var(std::string_view name, const Unit& unit,
                                           std::string_view match) {
  if (name == "match") return match;
  if (name == "reference" && unit.ref) return std::string_view(unit.ref->id);
  if (unit.url) {
    if (name == "url") return std::string_view(unit.url->normalised);
    if (name == "as_written") return std::string_view(unit.url->as_written);
  }
  if (unit.date) {
    if (name == "value") return unit.date->value();
    if (name == "role") return to_string(unit.date->role);
    if (name == "as_written") return std::string_view(unit.date->as_written);
  }
  if (name == "doi" && unit.doi) return std::string_view(unit.doi->value);
  return std::nullopt;
}

}  // namespace

FindingSink::FindingSink(const LintOptions& options) : options_(options) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", options.as_of_year, options.as_of_month,
                options.as_of_day);
  as_of_text_ = buf;
}

void FindingSink::report(const Rule& rule, const Unit& unit, std::size_t text_begin,
                         std::size_t text_end, Vars vars, std::string_view whole) {
  const std::string_view match = unit.text.substr(text_begin, text_end - text_begin);
  if (whole.empty()) whole = match;
  if (rule.exceptions &&
      RE2::FullMatch(re2::StringPiece(whole.data(), whole.size()), *rule.exceptions->re))
    return;
  if (recording_) {
    recording_->push_back({&rule, text_begin, text_end, std::move(vars)});
    return;
  }
  Finding f;
  f.rule = rule.id;
  f.category = rule.category;
  f.severity = rule.severity;
  f.span = unit.span(text_begin, text_end);
  if (unit.ref) f.reference = unit.ref->id;

  const Lookup common = [&](std::string_view name) { return common_var(name, unit, match); };
  f.message = render_template(rule.message, vars, common);

  const std::string_view source = unit.doc->slice(f.span);
  if (rule.fix_template) {
    f.fix = Fix{render_template(*rule.fix_template, vars, common), false};
  } else if (rule.fix_replace) {
    std::string replaced(source);
    RE2::GlobalReplace(&replaced, *rule.fix_replace->re, rule.fix_with);
    f.fix = Fix{std::move(replaced), false};
  }
  if (f.fix && f.fix->replacement == source) f.fix.reset();  // nothing would change
  // Markup inside the match (a tag, an entity): the text's fix would not mend the source.
  if (f.fix && unit.projected && source != match) f.fix.reset();
  findings_.push_back(std::move(f));
}

}  // namespace citelint::rules
