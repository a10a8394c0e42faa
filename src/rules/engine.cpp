// Runs rules over units: one RE2::Set pass per scope picks the units each pattern rule can
// fire on, so adding rules does not add passes over the text.
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>
#include <unordered_map>

#include "rules/rule.hpp"

namespace citelint {

using rules::Rule;
using rules::Scope;

namespace {

using Clock = std::chrono::steady_clock;

// CITELINT_TIMING=1 prints where lint time goes, per scope and per rule (like ESLint's TIMING).
struct Timings {
  bool on = std::getenv("CITELINT_TIMING") != nullptr;
  std::map<std::string, Clock::duration> spent;
  void add(const std::string& what, Clock::time_point since) {
    if (on) spent[what] += Clock::now() - since;
  }
  ~Timings() {
    if (!on) return;
    std::vector<std::pair<Clock::duration, std::string>> rows;
    for (const auto& [what, d] : spent) rows.emplace_back(d, what);
    std::sort(rows.rbegin(), rows.rend());
    for (const auto& [d, what] : rows)
      std::fprintf(stderr, "%9.2f ms  %s\n",
                   std::chrono::duration<double, std::milli>(d).count(), what.c_str());
  }
};

// Runs f, charging its time to `what` when timings are on.
template <class F>
void timed(Timings& t, const std::string& what, F&& f) {
  if (!t.on) {
    f();
    return;
  }
  const auto start = Clock::now();
  f();
  t.add(what, start);
}

void run_scope(const std::vector<const Rule*>& rules, const rules::ScopeUnits& units,
               rules::FindingSink& sink, Timings& timings) {
  const std::string scope_name(rules::to_string(rules.front()->scope));
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

  // One rule alone needs no set: its own search is as fast, and RE2 accelerates its prefix.
  if (triggered.size() == 1) {
    always.push_back(triggered.front());
    triggered.clear();
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(256 << 20);
  RE2::Set set(options, RE2::UNANCHORED);
  bool set_ok = !triggered.empty();
  for (const Rule* r : triggered) set_ok = set_ok && set.Add(r->trigger(), nullptr) >= 0;
  set_ok = set_ok && set.Compile();

  const std::string set_label = "(RE2::Set, " + scope_name + " scope)";
  std::vector<int> hits;
  auto check_unit = [&](const rules::Unit& unit) {
    if (!triggered.empty()) {
      hits.clear();
      RE2::Set::ErrorInfo error;
      const re2::StringPiece text(unit.text.data(), unit.text.size());
      bool matched = false;
      // Asking only whether anything matches allocates nothing; most units match nothing.
      timed(timings, set_label, [&] {
        matched = set_ok && set.Match(text, nullptr) && set.Match(text, &hits, &error);
      });
      if (matched) {
        std::sort(hits.begin(), hits.end());
        for (int h : hits) {
          const Rule* r = triggered[static_cast<std::size_t>(h)];
          timed(timings, r->id, [&] { r->check(unit, sink); });
        }
      } else if (!set_ok || (!hits.empty() && error.kind != RE2::Set::kNoError)) {
        for (const Rule* r : triggered) r->check(unit, sink);  // the set could not decide
      }
    }
    for (const Rule* r : always) timed(timings, r->id, [&] { r->check(unit, sink); });
  };

  const bool text_only = std::none_of(rules.begin(), rules.end(),
                                      [](const Rule* r) { return r->reads_reference(); });
  const Scope scope = rules.front()->scope;
  // Dates and element sequences repeat across a list; URLs and DOIs mostly do not.
  const bool repetitive = scope == Scope::date || scope == Scope::elements;
  if (text_only && repetitive) {
    // Short units repeat across a list (the same date, "label published accessed url"), and
    // what these rules find depends on the text alone: check each text once, then replay. The
    // format hooks (a real date, a valid URL or DOI) are functions of the text as well.
    std::unordered_map<std::string_view, std::vector<rules::FindingSink::Recorded>> memo;
    for (const rules::Unit& unit : units.units) {
      auto [it, fresh] = memo.try_emplace(unit.text);
      if (fresh) {
        sink.record_into(&it->second);
        check_unit(unit);
        sink.record_into(nullptr);
      }
      for (const auto& r : it->second) sink.report(*r.rule, unit, r.begin, r.end, r.vars);
    }
  } else {
    for (const rules::Unit& unit : units.units) check_unit(unit);
  }
  for (const Rule* r : list_wide) timed(timings, r->id, [&] { r->check_list(units.units, sink); });
}

}  // namespace

std::vector<Finding> lint(const RuleSet& set, const Corpus& corpus, const LintOptions& options) {
  rules::FindingSink sink(options);
  Timings timings;
  std::map<Scope, std::vector<const Rule*>> by_scope;
  for (const auto& r : set.compiled()) by_scope[r->scope].push_back(r.get());
  for (const auto& [scope, rules] : by_scope) {
    std::map<Scope, rules::ScopeUnits> units;
    timed(timings, "(units)", [&] { units = rules::build_units({scope}, corpus); });
    run_scope(rules, units.at(scope), sink, timings);
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
