// The interface every rule kind implements, and what the engine hands it: units of text with
// their source positions, and a sink for findings.
#pragma once

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "citelint/model.hpp"
#include "citelint/rules.hpp"

namespace citelint::rules {

// What a rule looks at. entry: a whole reference; part: each language half (or the entry);
// url, date, doi, label: each one as written; elements: the order of a part's elements as words
// ("label published accessed url"); raw: each line of the input; list: an input's whole list.
enum class Scope { entry, part, url, date, doi, label, elements, raw, list };
std::optional<Scope> parse_scope(std::string_view s);
std::string_view to_string(Scope s);

// Maps a stretch of unit text back to the document where the text is not a plain slice.
struct Segment {
  std::size_t text_begin, text_end, doc_begin, doc_end;
};

struct Unit {
  std::string_view text;
  const Document* doc = nullptr;
  const Reference* ref = nullptr;
  std::size_t doc_begin = 0;          // text[0] is doc->text()[doc_begin] ...
  const Segment* segments = nullptr;  // ... unless segments are given
  std::size_t segment_count = 0;
  // The text an entry written in markup reads as (Document::entry_text): its segments are the
  // projection's runs, mapped offset for offset where a run is the source byte for byte. The
  // rules about how an entry is written read it, as they read a plain-text entry.
  bool projected = false;
  std::size_t doc_end = 0;  // projected: where the source it reads ends (doc_begin: begins)
  const Url* url = nullptr;
  const Date* date = nullptr;
  const Doi* doi = nullptr;
  std::uint32_t ordinal = 0;  // which unit of its scope in its reference (raw: its line - 1)

  std::size_t to_doc(std::size_t text_offset, bool is_end) const;
  // The source the unit stands for, [begin, end): its text's, or a projection's whole span
  // (the items of an entry written in markup may stand outside its words: a JATS reference's
  // element-citation beside its mixed-citation).
  std::pair<std::size_t, std::size_t> doc_range() const {
    if (projected) return {doc_begin, doc_end};
    return {to_doc(0, false), to_doc(text.size(), true)};
  }
  Span span(std::size_t text_begin, std::size_t text_end) const;
};

// The unit over `span` of the document's text as written (an item's, a label's).
Unit slice_unit(const Document& doc, const Reference* ref, const Span& span);

// Enough to make a unit again (FindingSink::ref_of, FindingSink::remake): rules that keep every
// unit of a list until its end keep these, 12 bytes where a Unit takes 88.
struct UnitRef {
  static constexpr std::uint32_t kNoReference = 0xFFFFFFFFu;
  std::uint32_t doc = 0;             // Document::id(), its index in Corpus::documents
  std::uint32_t ref = kNoReference;  // its index in Corpus::references
  std::uint32_t ordinal = 0;
};

// Storage whose elements never move, so views into it stay valid for a whole run.
template <class T>
class StableArena {
 public:
  // Makes room again from the start: what was allocated before must no longer be in use.
  void reset() {
    if (chunks_.size() > 1) chunks_.resize(1);
    used_ = 0;
  }
  T* allocate(std::size_t n) {
    if (chunks_.empty() || used_ + n > kChunk) {
      // Not value-initialised: pages of a chunk a small run never reaches stay untouched.
      chunks_.push_back(std::make_unique_for_overwrite<T[]>(std::max(n, kChunk)));
      used_ = n > kChunk ? kChunk : 0;
      if (n > kChunk) return chunks_.back().get();
    }
    T* p = chunks_.back().get() + used_;
    used_ += n;
    return p;
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t used_ = 0;
};

// Makes the units of each scope, one reference at a time, so rules run while the reference is
// still in cache. Derived texts (elements) are kept for the whole run: rules may hold units.
class UnitBuilder {
 public:
  // Calls f with each unit of `scope` in `ref` (entry, part, url, date, doi, label, elements).
  void for_each(Scope scope, const Document& doc, const Reference& ref,
                const std::function<void(const Unit&)>& f);
  // Calls f with each unit of `scope` in a whole input (raw: its lines; list: its list).
  void for_each_in_input(Scope scope, const Corpus& corpus, const Document& doc,
                         const std::function<void(const Unit&)>& f);
  static bool per_reference(Scope scope) { return scope != Scope::raw && scope != Scope::list; }
  // The text an entry written in markup reads as, which its entry unit reads; null for an
  // entry read as the source's text (plain text, or a record whose text no rule reads).
  static const Document::EntryText* written_text(const Document& doc, const Reference& ref);
  // The unit `ref` names, made again exactly as for_each made it.
  Unit remake(Scope scope, const Corpus& corpus, const UnitRef& ref);
  // Reuses the memory of derived texts: units made before are no longer valid. Rules keep
  // UnitRefs and copies of texts (OwnedTexts), never units, past the batch they saw them in.
  void recycle() {
    texts_.reset();
    segments_.reset();
  }

 private:
  // The unit over `span` (the entry, or a language half) of an entry written in markup.
  Unit projected_unit(const Document& doc, const Reference& ref, const Document::EntryText& written,
                      const Span& span);
  void element_unit(const Document& doc, const Reference& ref, const Span& part, std::uint32_t k,
                    const std::function<void(const Unit&)>& f);
  StableArena<char> texts_;
  StableArena<Segment> segments_;
  std::vector<std::pair<const Span*, std::string_view>> items_;
};

// Copies of unit texts that must outlive their batch (the keys of per-text memos): a derived
// text (elements) lives in memory the UnitBuilder recycles.
class OwnedTexts {
 public:
  std::string_view keep(std::string_view text) { return texts_.emplace_back(text); }
  // The entry for `text` in a map keyed by such copies, added with a kept key and a default
  // value when missing; the flag says whether it was added.
  template <class Map>
  std::pair<typename Map::iterator, bool> find_or_add(Map& map, std::string_view text) {
    if (auto it = map.find(text); it != map.end()) return {it, false};
    return {map.emplace(keep(text), typename Map::mapped_type{}).first, true};
  }

 private:
  std::deque<std::string> texts_;  // a deque never moves what it holds
};

using Vars = std::vector<std::pair<std::string, std::string>>;
// A template's text with each {name} replaced by its value in vars, else by `more`'s; a name
// neither knows stays as written.
using Lookup = std::function<std::optional<std::string_view>(std::string_view)>;
std::string render_template(std::string_view templ, const Vars& vars, const Lookup& more = {});

// A compiled RE2 pattern with the source it came from.
struct Pattern {
  std::string source;  // with "(?i)" when the rule ignores case
  std::unique_ptr<RE2> re;
};

class Rule;

class FindingSink {
 public:
  explicit FindingSink(const LintOptions& options);
  const LintOptions& options() const { return options_; }
  const std::string& as_of_text() const { return as_of_text_; }  // YYYY-MM-DD
  // Reports unit.text[text_begin, text_end) with the rule's message and fix. The rule's
  // exceptions are matched against `whole`, the whole match, where the report is narrower.
  void report(const Rule& rule, const Unit& unit, std::size_t text_begin, std::size_t text_end,
              Vars vars, std::string_view whole = {});
  std::vector<Finding> take() { return std::move(findings_); }
  // What a list-wide rule keeps of a unit, and the unit made again from it (the engine provides
  // the corpus and how).
  using Remaker = std::function<Unit(Scope, const UnitRef&)>;
  void set_remaker(const Corpus& corpus, Remaker remaker) {
    corpus_ = &corpus;
    remaker_ = std::move(remaker);
  }
  UnitRef ref_of(const Unit& u) const {
    UnitRef r;
    r.doc = static_cast<std::uint32_t>(u.doc->id());
    if (u.ref) r.ref = static_cast<std::uint32_t>(u.ref - corpus_->references.data());
    r.ordinal = u.ordinal;
    return r;
  }
  Unit remake(Scope scope, const UnitRef& ref) const { return remaker_(scope, ref); }

  // While recording, report() keeps what it is given instead of making findings, so the engine
  // can replay one unit's results on units with the same text.
  struct Recorded {
    const Rule* rule;
    std::size_t begin, end;
    Vars vars;
  };
  void record_into(std::vector<Recorded>* recording) { recording_ = recording; }

 private:
  std::vector<Recorded>* recording_ = nullptr;
  const Corpus* corpus_ = nullptr;
  Remaker remaker_;
  const LintOptions& options_;
  std::string as_of_text_;
  std::vector<Finding> findings_;
};

// Reports problems in a rule file at file:line:col.
class LoadContext {
 public:
  LoadContext(std::string path, std::string_view text, std::vector<Diagnostic>& diagnostics)
      : path_(std::move(path)), text_(text), diagnostics_(diagnostics) {}
  void error(const YAML::Mark& mark, std::string message);
  bool failed() const { return failed_; }
  // Each key of a map given a second time, as an error at it (YAML's parser keeps the first of
  // two alike, silently). `in` names the map in the message ("the config"), or nothing.
  void unique_keys(const YAML::Node& map, std::string_view in = {});
  const std::string& path() const { return path_; }

  // Typed access; each reports its own error and returns a fallback.
  std::string scalar(const YAML::Node& node, std::string_view what);
  std::vector<std::string> string_list(const YAML::Node& node, std::string_view what);
  int integer(const YAML::Node& node, std::string_view what);
  bool boolean(const YAML::Node& node, std::string_view what);
  // Compiles a pattern; an RE2 error is reported at the column where RE2 found it.
  Pattern pattern(const YAML::Node& node, bool ignorecase, std::string_view what);
  Pattern pattern_from(const YAML::Node& at, std::string source, bool ignorecase);

 private:
  std::string path_;
  std::string_view text_;
  std::vector<Diagnostic>& diagnostics_;
  bool failed_ = false;
};

class Rule {
 public:
  virtual ~Rule() = default;

  // Common keys, set by the loader.
  std::string id, kind, category, message, description, link, path;
  Severity severity = Severity::warning;
  Scope scope = Scope::entry;
  bool ignorecase = false;
  std::optional<Pattern> exceptions;  // a match equal to one of them is not reported
  std::optional<std::string> fix_template;
  std::optional<Pattern> fix_replace;  // fix: {replace: RE, with: STR} over the matched text
  std::string fix_with;
  std::vector<std::string> bad_examples, good_examples;

  // The kind's own keys and how to read them.
  virtual std::vector<std::string_view> keys() const = 0;
  virtual void configure(const YAML::Node& rule, LoadContext& ctx) = 0;
  virtual Scope default_scope() const { return Scope::entry; }
  virtual bool accepts_scope(Scope) const { return true; }

  // Whether check() reads the reference beyond the unit's text (its dates, URLs, label). Rules
  // that do not are pure functions of the text, so the engine may check each distinct text once.
  virtual bool reads_reference() const { return false; }
  // Whether check() reads how the unit is written. Rules that read only the reference's items
  // (a compare rule over its dates) also run on structured inputs, whose entries are records of
  // fields (Document::structured()); the others have nothing there to read.
  virtual bool reads_text() const { return true; }

  // A pattern that must match a unit for check() to find anything there, so the engine can
  // skip the unit after one RE2::Set pass; empty when the rule must see every unit.
  virtual std::string trigger() const { return {}; }
  // A pattern whose match anywhere in a unit means check() finds nothing there (a conditional
  // rule's `second`): the same pass tells the engine to skip the rule; empty when there is none.
  virtual std::string blocker() const { return {}; }
  // Per-unit kinds implement check(). List-wide kinds see every unit of their scope in source
  // order through observe(), keeping what they need in their state, then finish().
  virtual bool list_wide() const { return false; }
  virtual void check(const Unit&, FindingSink&) const {}
  struct ListState {
    virtual ~ListState() = default;
  };
  // `references`: how many references the run holds, a hint for the units to expect.
  virtual std::unique_ptr<ListState> start_list(std::size_t /*references*/) const {
    return nullptr;
  }
  virtual void observe(const Unit&, ListState&, FindingSink&) const {}
  virtual void finish(ListState&, FindingSink&) const {}
};

// Calls f(begin, end, groups) for every non-overlapping match of re in text; groups[0] is
// the whole match and unmatched groups are null.
void for_each_match(
    const RE2& re, std::string_view text,
    const std::function<void(std::size_t, std::size_t, const std::vector<re2::StringPiece>&)>& f);
// Named captures of a match as message variables; "focus" narrows the span when it matched.
Vars named_captures(const RE2& re, const std::vector<re2::StringPiece>& groups);
std::pair<std::size_t, std::size_t> focus_range(const RE2& re, std::string_view text,
                                                const std::vector<re2::StringPiece>& groups);

// Rule kinds, registered by name (src/rules/kinds/registry.cpp).
using RuleFactory = std::unique_ptr<Rule> (*)();
const std::map<std::string, RuleFactory, std::less<>>& rule_kinds();

}  // namespace citelint::rules
