// Runs rules over units: one RE2::Set pass per scope picks the units each pattern rule can
// fire on, so adding rules does not add passes over the text.
#include <re2/set.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "model/parallel.hpp"
#include "rules/rule.hpp"

namespace citelint {

using rules::Rule;
using rules::Scope;

namespace {

using Clock = std::chrono::steady_clock;

// CITELINT_TIMING=1 prints where lint time goes, per scope and per rule (like ESLint's TIMING).
// Timing each rule call costs time of its own: CITELINT_TIMING=phases leaves it out.
struct Timings {
  bool on = std::getenv("CITELINT_TIMING") != nullptr &&
            std::string_view(std::getenv("CITELINT_TIMING")) != "phases";
  std::map<std::string, Clock::duration> spent;
  std::mutex mutex;  // lint's threads add to one table
  void add(const std::string& what, Clock::time_point since) {
    if (on) add(what, Clock::now() - since);
  }
  void add(const std::string& what, Clock::duration d) {
    if (!on) return;
    const std::lock_guard lock(mutex);
    spent[what] += d;
  }
  ~Timings() {
    if (!on) return;
    std::vector<std::pair<Clock::duration, std::string>> rows;
    for (const auto& [what, d] : spent) rows.emplace_back(d, what);
    std::sort(rows.rbegin(), rows.rend());
    for (const auto& [d, what] : rows)
      std::fprintf(stderr, "%9.2f ms  %s\n", std::chrono::duration<double, std::milli>(d).count(),
                   what.c_str());
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

// An RE2::Set over some patterns: which of them match a text, in one pass.
class PatternSet {
 public:
  explicit PatternSet(const std::vector<std::string>& patterns) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(256 << 20);
    set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    ok_ = !patterns.empty();
    for (const std::string& p : patterns) ok_ = ok_ && set_->Add(p, nullptr) >= 0;
    ok_ = ok_ && set_->Compile();
  }

  // Fills hits with the indices of the patterns that match, sorted; false where the set cannot
  // decide (it failed to compile, or its DFA ran out of memory).
  bool match(std::string_view text, std::vector<int>& hits) const {
    hits.clear();
    if (!ok_) return false;
    const re2::StringPiece input(text.data(), text.size());
    // Asking only whether anything matches allocates nothing and stops at the first match:
    // worth it first where most texts match nothing, a second pass where most match something.
    RE2::Set::ErrorInfo error{};
    if (hit_rate_ < 0.5) {
      if (!set_->Match(input, nullptr, &error)) {
        hit_rate_ *= 1 - kRate;
        return error.kind == RE2::Set::kNoError;
      }
      error = {};
    }
    const bool any = set_->Match(input, &hits, &error);
    hit_rate_ = hit_rate_ * (1 - kRate) + (any ? kRate : 0.0);
    if (!any) return error.kind == RE2::Set::kNoError;
    std::sort(hits.begin(), hits.end());
    return true;
  }

 private:
  std::unique_ptr<RE2::Set> set_;
  bool ok_ = false;
  static constexpr double kRate = 1.0 / 64;  // weight of the latest text in hit_rate_
  mutable double hit_rate_ = 0;              // how often texts matched lately
};

// Runs the rules of one scope on each unit handed to it.
class ScopeRunner {
 public:
  ScopeRunner(Scope scope, std::vector<const Rule*> rules, std::size_t references, Timings& timings)
      : scope_(scope),
        timings_(timings),
        set_label_("(RE2::Set, " + std::string(rules::to_string(scope)) + " scope)") {
    for (const Rule* r : rules) {
      if (!r->reads_text() && !r->list_wide()) data_rules_.push_back(r);
      if (r->list_wide()) {
        list_wide_.push_back({r, r->start_list(references)});
      } else if (!r->trigger().empty()) {
        triggered_.push_back(
            {r, add_pattern(r->trigger()), r->blocker().empty() ? -1 : add_pattern(r->blocker())});
      } else {
        always_.push_back(r);
      }
    }
    // One pattern alone needs no set: the rule's own search is as fast, and RE2 accelerates its
    // prefix.
    if (patterns_.size() == 1) {
      always_.push_back(triggered_.front().rule);
      triggered_.clear();
      patterns_.clear();
    }
    has_blockers_ = std::any_of(triggered_.begin(), triggered_.end(),
                                [](const Triggered& t) { return t.blocker >= 0; });
    if (!patterns_.empty()) set_ = std::make_unique<PatternSet>(patterns_);
    // Dates and element sequences repeat across a list, and what rules that read nothing but the
    // text find in them depends on the text alone: check each distinct text once, then replay.
    // The format hooks (a real date, a valid URL or DOI) are functions of the text as well.
    memoise_ = (scope == Scope::date || scope == Scope::elements) &&
               std::none_of(rules.begin(), rules.end(),
                            [](const Rule* r) { return r->reads_reference(); });
  }

  Scope scope() const { return scope_; }
  bool items_scope() const {
    return scope_ == Scope::url || scope_ == Scope::date || scope_ == Scope::doi;
  }
  // The patterns of this scope's set: each triggered rule's trigger, and its blocker if any.
  const std::vector<std::string>& patterns() const { return patterns_; }
  // From now on another runner's pass gives this runner its hits (see SharedPass).
  void share_set() { shared_ = true; }

  void observe(const rules::Unit& unit, rules::FindingSink& sink) {
    for (auto& entry : list_wide_) {
      const Rule* rule = entry.first;
      Rule::ListState& state = *entry.second;
      timed(timings_, rule->id, [&] { rule->observe(unit, state, sink); });
    }
  }

  // Checks a unit. `hits`, where given, are the indices of patterns() that match its text,
  // found by a pass this runner shares; otherwise the runner finds them with its own set.
  void run(const rules::Unit& unit, rules::FindingSink& sink,
           const std::vector<int>* hits = nullptr) {
    // A record's entry, a URL made from parts, a date in its format's own form: only the rules
    // that read the items, not how they are written.
    const bool record = unit.doc->structured() && !items_scope() && !unit.projected;
    const bool unwritten =
        (unit.url && unit.url->composed) || (unit.date && unit.date->native_form);
    if (record || unwritten) {
      for (const Rule* r : data_rules_) timed(timings_, r->id, [&] { r->check(unit, sink); });
      if (unwritten)  // a duplicate URL is one however it was made
        observe(unit, sink);
      return;
    }
    if (memoise_) {
      const auto [it, fresh] = memo_keys_.find_or_add(memo_, unit.text);
      if (fresh) {
        sink.record_into(&it->second);
        check(unit, sink, hits);
        sink.record_into(nullptr);
      }
      for (const auto& r : it->second) sink.report(*r.rule, unit, r.begin, r.end, r.vars);
    } else {
      check(unit, sink, hits);
    }
    observe(unit, sink);
  }

  void finish(rules::FindingSink& sink) {
    // Not structured bindings: clang before 16 cannot capture them (the fuzz build's compiler).
    for (auto& entry : list_wide_) {
      const Rule* rule = entry.first;
      Rule::ListState& state = *entry.second;
      timed(timings_, rule->id, [&] { rule->finish(state, sink); });
    }
  }

 private:
  struct Triggered {
    const Rule* rule;
    int trigger;  // index into patterns_
    int blocker;  // index into patterns_, or -1
  };

  int add_pattern(std::string pattern) {
    patterns_.push_back(std::move(pattern));
    return static_cast<int>(patterns_.size() - 1);
  }

  void check(const rules::Unit& unit, rules::FindingSink& sink, const std::vector<int>* hits) {
    if (drop_set_) {
      for (const Triggered& t : triggered_) always_.push_back(t.rule);
      triggered_.clear();
      drop_set_ = false;
    }
    if (!triggered_.empty()) {
      bool decided = hits != nullptr;
      if (!hits) {
        timed(timings_, set_label_, [&] { decided = set_->match(unit.text, hits_); });
        hits = &hits_;
      }
      auto hit = [&](int pattern) {
        return pattern >= 0 && std::binary_search(hits->begin(), hits->end(), pattern);
      };
      // Where the set cannot decide, every rule checks the unit.
      bool any = false;
      for (const Triggered& t : triggered_) {
        if (decided && (!hit(t.trigger) || hit(t.blocker))) continue;
        any = true;
        timed(timings_, t.rule->id, [&] { t.rule->check(unit, sink); });
      }
      // A set pays where most units match none of its rules. Where most match (a rule that looks
      // for any URL in a part), it is one more pass over the text: after a sample, drop it and
      // let each rule search on its own from the next unit on. Not where it also stands for
      // rules' blockers, which would each be a pass of their own, nor where the pass is shared.
      ++probes_;
      units_hit_ += any;
      drop_set_ = probes_ == kSample && units_hit_ * 2 > probes_ && !has_blockers_ && !shared_;
    }
    for (const Rule* r : always_) timed(timings_, r->id, [&] { r->check(unit, sink); });
  }

  Scope scope_;
  Timings& timings_;
  std::string set_label_;
  std::vector<Triggered> triggered_;
  std::vector<const Rule*> always_;
  std::vector<const Rule*> data_rules_;  // those that run on structured inputs' entries
  std::vector<std::pair<const Rule*, std::unique_ptr<Rule::ListState>>> list_wide_;
  std::vector<std::string> patterns_;
  std::unique_ptr<PatternSet> set_;
  bool has_blockers_ = false, shared_ = false;
  std::vector<int> hits_;
  static constexpr std::size_t kSample = 1024;
  std::size_t probes_ = 0, units_hit_ = 0;
  bool drop_set_ = false;
  bool memoise_ = false;
  using Recording = std::vector<rules::FindingSink::Recorded>;
  std::unordered_map<std::string_view, Recording> memo_;  // keys are memo_keys_' copies
  rules::OwnedTexts memo_keys_;
};

// An entry that is not bilingual is its own only part: its entry and part units are the same
// text. One set over both scopes' patterns then does the work of two passes, and runs on each
// such entry once. Bilingual entries still get a pass per scope.
class SharedPass {
 public:
  SharedPass(ScopeRunner& entry, ScopeRunner& part, Timings& timings)
      : entry_(entry),
        part_(part),
        split_(static_cast<int>(entry.patterns().size())),
        timings_(timings) {
    std::vector<std::string> patterns = entry.patterns();
    patterns.insert(patterns.end(), part.patterns().begin(), part.patterns().end());
    set_ = std::make_unique<PatternSet>(patterns);
    entry.share_set();
    part.share_set();
  }

  // Starts matching the set on the text of each reference of [begin, end), the next batch: on
  // a thread of its own while the rules run on this batch, where there are cores to spare (the
  // set is this pass's alone, and it reads the texts only). One pattern pass after another keeps
  // the set's DFA in cache.
  void scan_ahead(const Corpus& corpus, std::size_t begin, std::size_t end) {
    auto scan = [this, &corpus, begin, end] {
      const auto start = Clock::now();
      Scan& s = ahead_;
      s.all_hits.clear();
      s.found.clear();
      for (std::size_t i = begin; i < end; ++i) {
        const Reference& ref = corpus.references[i];
        const Document& doc = *corpus.documents[ref.input];
        // The text the entry unit reads: an entry written in markup reads as its projection.
        const Document::EntryText* written = rules::UnitBuilder::written_text(doc, ref);
        const std::string_view text =
            written ? written->text
                    : std::string_view(doc.text())
                          .substr(ref.span.begin, ref.span.end - ref.span.begin);
        const bool decided = set_->match(text, s.hits);
        s.found.push_back(Found{s.all_hits.size(), s.hits.size(), decided});
        s.all_hits.insert(s.all_hits.end(), s.hits.begin(), s.hits.end());
      }
      s.spent = Clock::now() - start;
    };
    pending_ = parallel::in_background(scan);
  }

  // Makes the batch scan_ahead started the one run() reads, once its scan is done.
  void take_scan() {
    if (pending_.valid()) pending_.get();
    std::swap(current_, ahead_);
    timings_.add("(RE2::Set, entry and part scopes)", current_.spent);
  }

  // Runs both scopes' rules on the entry unit of the k-th reference of the scanned batch.
  void run(const rules::Unit& entry_unit, std::size_t k, rules::FindingSink& sink,
           rules::UnitBuilder& units) {
    const Reference& ref = *entry_unit.ref;
    const Found& found = current_.found[k];
    if (!found.decided) {
      entry_.run(entry_unit, sink);
    } else {
      const auto first = current_.all_hits.begin() + static_cast<std::ptrdiff_t>(found.begin);
      const auto last = first + static_cast<std::ptrdiff_t>(found.size);
      const auto middle = std::lower_bound(first, last, split_);
      entry_hits_.assign(first, middle);
      part_hits_.clear();
      for (auto it = middle; it != last; ++it) part_hits_.push_back(*it - split_);
      entry_.run(entry_unit, sink, &entry_hits_);
      if (ref.parts.empty()) {
        part_.run(entry_unit, sink, &part_hits_);
        return;
      }
    }
    units.for_each(Scope::part, *entry_unit.doc, ref,
                   [&](const rules::Unit& u) { part_.run(u, sink); });
  }

 private:
  ScopeRunner &entry_, &part_;
  int split_;  // the part runner's patterns come after the entry runner's
  Timings& timings_;
  std::unique_ptr<PatternSet> set_;
  struct Found {
    std::size_t begin, size;  // the reference's hits in Scan::all_hits
    bool decided;
  };
  struct Scan {  // a batch's hits
    std::vector<Found> found;
    std::vector<int> all_hits, hits;
    Clock::duration spent{};
  };
  Scan current_, ahead_;
  std::vector<int> entry_hits_, part_hits_;
  std::future<void> pending_;  // the scan of ahead_; last, so that it ends before they go
};

// One defect, one finding: an entry duplicated whole is core/DuplicateEntry's finding alone, not
// also a DuplicateUrl and a DuplicateDoi on its URL and DOI. A duplicate finding whose span lies
// inside another duplicate finding of the same reference goes. `findings` is in order_key order.
void drop_covered_duplicates(std::vector<Finding>& findings) {
  // The last duplicate finding kept (copied: erase_if moves the findings it keeps).
  std::optional<Span> cover;
  std::string cover_reference;
  std::erase_if(findings, [&](const Finding& f) {
    if (f.category != "duplicate") return false;
    if (cover && cover->input == f.span.input && cover_reference == f.reference &&
        f.span.begin >= cover->begin && f.span.end <= cover->end)
      return true;
    cover = f.span;
    cover_reference = f.reference;
    return false;
  });
}

// Runs the rules of some scopes over the corpus, with a sink and units of their own: a thread
// of lint() runs one group of scopes.
std::vector<Finding> lint_scopes(std::map<Scope, std::vector<const Rule*>> by_scope,
                                 const Corpus& corpus, const LintOptions& options,
                                 Timings& timings) {
  rules::FindingSink sink(options);
  rules::UnitBuilder units;
  sink.set_remaker(corpus, [&](Scope scope, const rules::UnitRef& ref) {
    return units.remake(scope, corpus, ref);
  });
  std::vector<ScopeRunner> runners;
  for (auto& [scope, rules] : by_scope)
    runners.emplace_back(scope, std::move(rules), corpus.references.size(), timings);
  auto runner_of = [&](Scope scope) -> ScopeRunner* {
    for (ScopeRunner& r : runners)
      if (r.scope() == scope) return &r;
    return nullptr;
  };
  ScopeRunner* entry = runner_of(Scope::entry);
  ScopeRunner* part = runner_of(Scope::part);
  std::optional<SharedPass> shared;
  if (entry && part && !(entry->patterns().empty() && part->patterns().empty()))
    shared.emplace(*entry, *part, timings);

  // Batch by batch of references, scope by scope within a batch: the batch's references stay
  // in cache across scopes, and each scope's compiled patterns stay warm across the batch.
  // Measured on bench/'s 100,000 references: one reference at a time across all scopes took
  // 420 ms, every reference once per scope 300 ms, batches of 1,024 to 16,384 about 245 ms.
  constexpr std::size_t kBatch = 4096;
  const auto& refs = corpus.references;
  for (std::size_t batch = 0; batch < refs.size(); batch += kBatch) {
    const std::size_t end = std::min(refs.size(), batch + kBatch);
    if (shared) {
      if (batch == 0) shared->scan_ahead(corpus, batch, end);
      shared->take_scan();
      if (end < refs.size()) shared->scan_ahead(corpus, end, std::min(refs.size(), end + kBatch));
    }
    for (ScopeRunner& runner : runners) {
      if (!rules::UnitBuilder::per_reference(runner.scope())) continue;
      if (shared && &runner == part) continue;  // the shared pass runs it with the entry
      for (std::size_t i = batch; i < end; ++i)
        units.for_each(runner.scope(), *corpus.documents[refs[i].input], refs[i],
                       [&](const rules::Unit& u) {
                         if (shared && &runner == entry) {
                           shared->run(u, i - batch, sink, units);
                         } else {
                           runner.run(u, sink);
                         }
                       });
    }
    units.recycle();  // the batch's element sequences are done with
  }
  for (const auto& doc : corpus.documents)
    for (ScopeRunner& runner : runners)
      if (!rules::UnitBuilder::per_reference(runner.scope()))
        units.for_each_in_input(runner.scope(), corpus, *doc,
                                [&](const rules::Unit& u) { runner.run(u, sink); });
  for (ScopeRunner& runner : runners) runner.finish(sink);
  return sink.take();
}

}  // namespace

std::vector<Finding> lint(const RuleSet& set, const Corpus& corpus, const LintOptions& options) {
  Timings timings;
  // Two groups of scopes, each on a thread of its own where there are two cores: the entry
  // and part scopes (their rules share one pattern pass), and the others (URLs, dates, DOIs,
  // element sequences, the list). Each scope's runner sees every unit of its scope in order, as
  // its list-wide rules need; the groups share only what is read-only.
  std::map<Scope, std::vector<const Rule*>> groups[2];
  for (const auto& r : set.compiled()) {
    const bool entries = r->scope == Scope::entry || r->scope == Scope::part;
    groups[entries ? 0 : 1][r->scope].push_back(r.get());
  }
  std::vector<Finding> found[2];
  parallel::for_each(2, 1, [&](std::size_t g) {
    const auto start = Clock::now();
    found[g] = lint_scopes(std::move(groups[g]), corpus, options, timings);
    timings.add(g ? "(group: urls, dates, DOIs, list)" : "(group: entries and parts)", start);
  });
  auto start = Clock::now();
  std::vector<Finding> findings = in_order(found);
  timings.add("(findings sorted)", start);
  start = Clock::now();
  findings.erase(
      std::unique(findings.begin(), findings.end(),
                  [](const Finding& a, const Finding& b) { return order_key(a) == order_key(b); }),
      findings.end());
  drop_covered_duplicates(findings);
  timings.add("(findings deduplicated)", start);
  return findings;
}

}  // namespace citelint
