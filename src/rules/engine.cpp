// Runs rules over units: one RE2::Set pass per scope picks the units each pattern rule can
// fire on, so adding rules does not add passes over the text.
#include <re2/set.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "rules/rule.hpp"

namespace citelint {

using rules::Rule;
using rules::Scope;

namespace {

void run_scope(const std::vector<const Rule*>& rules, const rules::ScopeUnits& units,
               rules::FindingSink& sink) {
  std::vector<const Rule*> triggered, always, list_wide;
  for (const Rule* r : rules) {
    if (r->list_wide()) {
      list_wide.push_back(r);
    } else if (!r->trigger().empty()) {
      triggered.push_back(r);
    } else {
      always.push_back(r);
    }
  }

  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  RE2::Set set(options, RE2::UNANCHORED);
  bool set_ok = !triggered.empty();
  for (const Rule* r : triggered) set_ok = set_ok && set.Add(r->trigger(), nullptr) >= 0;
  set_ok = set_ok && set.Compile();

  std::vector<int> hits;
  for (const rules::Unit& unit : units.units) {
    if (!triggered.empty()) {
      hits.clear();
      RE2::Set::ErrorInfo error;
      const re2::StringPiece text(unit.text.data(), unit.text.size());
      if (set_ok && set.Match(text, &hits, &error)) {
        std::sort(hits.begin(), hits.end());
        for (int h : hits) triggered[static_cast<std::size_t>(h)]->check(unit, sink);
      } else if (!set_ok || error.kind != RE2::Set::kNoError) {
        for (const Rule* r : triggered) r->check(unit, sink);  // the set could not decide
      }
    }
    for (const Rule* r : always) r->check(unit, sink);
  }
  for (const Rule* r : list_wide) r->check_list(units.units, sink);
}

}  // namespace

std::vector<Finding> lint(const RuleSet& set, const Corpus& corpus, const LintOptions& options) {
  rules::FindingSink sink(options);
  std::map<Scope, std::vector<const Rule*>> by_scope;
  for (const auto& r : set.compiled()) by_scope[r->scope].push_back(r.get());
  for (const auto& [scope, rules] : by_scope) {
    const rules::ScopeUnits units = rules::build_units(scope, corpus);
    run_scope(rules, units, sink);
  }

  std::vector<Finding> findings = sink.take();
  auto key = [](const Finding& f) {
    return std::tie(f.span.input, f.span.begin, f.span.end, f.rule);
  };
  std::sort(findings.begin(), findings.end(),
            [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
  findings.erase(std::unique(findings.begin(), findings.end(),
                             [&](const Finding& a, const Finding& b) { return key(a) == key(b); }),
                 findings.end());
  return findings;
}

}  // namespace citelint
