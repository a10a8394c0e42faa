// Turning a rule's match into a Finding: message and fix templates, exceptions.
#include <cstdio>

#include "rules/rule.hpp"

namespace citelint::rules {

std::string render_template(std::string_view templ, const Vars& vars) {
  std::string out;
  out.reserve(templ.size() + 32);
  for (std::size_t i = 0; i < templ.size(); ++i) {
    const char c = templ[i];
    if (c == '{' && i + 1 < templ.size() && templ[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    if (c == '}' && i + 1 < templ.size() && templ[i + 1] == '}') {
      out += '}';
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = templ.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = templ.substr(i + 1, close - i - 1);
        bool found = false;
        for (const auto& [k, v] : vars) {
          if (k == name) {
            out += v;
            found = true;
            break;
          }
        }
        if (found) {
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

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

  // Variables every template may use, after the kind's own.
  vars.emplace_back("match", std::string(match));
  if (unit.ref) vars.emplace_back("reference", unit.ref->id);
  if (unit.url) {
    vars.emplace_back("url", unit.url->normalised);
    vars.emplace_back("as_written", unit.url->as_written);
  }
  if (unit.date) {
    vars.emplace_back("value", std::string(unit.date->value()));
    vars.emplace_back("role", std::string(to_string(unit.date->role)));
    vars.emplace_back("as_written", unit.date->as_written);
  }
  if (unit.doi) vars.emplace_back("doi", unit.doi->value);
  f.message = render_template(rule.message, vars);

  const std::string source(unit.doc->slice(f.span));
  if (rule.fix_template) {
    f.fix = Fix{render_template(*rule.fix_template, vars), false};
  } else if (rule.fix_replace) {
    std::string replaced = source;
    RE2::GlobalReplace(&replaced, *rule.fix_replace->re, rule.fix_with);
    f.fix = Fix{replaced, false};
  }
  if (f.fix && f.fix->replacement == source) f.fix.reset();  // nothing would change
  // Markup inside the match (a tag, an entity): the text's fix would not mend the source.
  if (f.fix && unit.projected && source != match) f.fix.reset();
  findings_.push_back(std::move(f));
}

}  // namespace citelint::rules
