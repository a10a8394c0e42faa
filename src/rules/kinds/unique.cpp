// unique: the same key in two references of one list is a duplicate; repeats inside one
// reference (a bilingual entry citing its URL in both halves) are not. Keys: the normalised URL,
// the DOI (case-insensitive), or for text scopes the text folded to lowercase words.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>

#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

// Folding for text keys: ASCII letters lowercased, runs of ASCII spaces and punctuation made one
// separator (0), every other byte kept. A table, since this touches every byte of the list.
struct FoldTable {
  std::array<unsigned char, 256> map{};
  FoldTable() {
    for (int c = 0; c < 256; ++c) {
      map[c] = static_cast<unsigned char>(c);
      if (c < 128 && (std::isspace(c) || std::ispunct(c))) map[c] = 0;
      if (c >= 'A' && c <= 'Z') map[c] = static_cast<unsigned char>(c - 'A' + 'a');
    }
  }
};
const FoldTable kFold;

// Calls f(byte) for each folded byte; separators come out as ' ', never first or last.
template <class F>
void fold_each(std::string_view text, F&& f) {
  bool separator = false, any = false;
  for (unsigned char c : text) {
    const unsigned char m = kFold.map[c];
    if (m == 0) {
      separator = any;
      continue;
    }
    if (separator) f(' ');
    separator = false;
    any = true;
    f(m);
  }
}

std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  fold_each(text, [&](unsigned char c) { out += static_cast<char>(c); });
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

  // The first unit of each key, in an open-addressing table keyed by the key's hash (mixed
  // with the input): a unit is checked against the earlier ones as it is observed, with no
  // allocation per unit and no sort. Equal hashes are confirmed on the full key; units whose
  // keys merely share a hash each keep a slot of their own. The table outgrows the cache, so a
  // unit waits in a short queue while its slot is fetched: probing it at once stalled on memory
  // for half of this rule's time.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t first = 0;  // index into firsts, plus one; 0 is an empty slot
  };
  struct Pending {
    std::uint64_t hash;
    Unit unit;
  };
  static constexpr std::size_t kQueue = 16;
  struct State : ListState {
    std::vector<Slot> slots = std::vector<Slot>(1 << 12);
    std::vector<Unit> firsts;
    std::array<Pending, kQueue> queue;
    std::size_t queued = 0, next = 0;  // queue[next] is the oldest when queued == kQueue
  };
  std::unique_ptr<ListState> start_list() const override { return std::make_unique<State>(); }

  void observe(const Unit& unit, ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    const auto h = hash(unit);
    if (!h) return;
    const std::uint64_t mixed = *h ^ (unit.doc->id() * 0x9E3779B97F4A7C15ull);
    __builtin_prefetch(&state.slots[mixed & (state.slots.size() - 1)]);
    if (state.queued < kQueue) {
      state.queue[state.queued++] = Pending{mixed, unit};
      return;
    }
    Pending oldest = std::exchange(state.queue[state.next], Pending{mixed, unit});
    state.next = (state.next + 1) % kQueue;
    place(oldest, state, sink);
  }

  void finish(ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    for (std::size_t k = 0; k < state.queued; ++k)
      place(state.queue[(state.next + k) % kQueue], state, sink);
    state.queued = 0;
  }

 private:
  // Enters a unit in the table, or reports it when an earlier entry has its key.
  void place(const Pending& p, State& state, FindingSink& sink) const {
    const Unit& unit = p.unit;
    if ((state.firsts.size() + 1) * 2 > state.slots.size()) grow(state);
    const std::size_t mask = state.slots.size() - 1;
    std::optional<std::string> unit_key;  // built only when a hash is shared
    for (std::size_t i = p.hash & mask;; i = (i + 1) & mask) {
      Slot& slot = state.slots[i];
      if (slot.first == 0) {
        state.firsts.push_back(unit);
        slot = Slot{p.hash, static_cast<std::uint32_t>(state.firsts.size())};
        return;
      }
      if (slot.hash != p.hash) continue;
      const Unit& first = state.firsts[slot.first - 1];
      if (first.doc != unit.doc) continue;
      if (!unit_key) unit_key = key(unit);
      if (key(first) != *unit_key) continue;
      if (first.ref == unit.ref) return;  // one entry repeating itself (bilingual halves)
      const Span at = first.span(0, first.text.size());
      sink.report(*this, unit, 0, unit.text.size(),
                  {{"first", first.ref ? first.ref->id : std::string()},
                   {"first_line", std::to_string(at.line)}});
      return;
    }
  }

  static void grow(State& state) {
    std::vector<Slot> slots(state.slots.size() * 2);
    const std::size_t mask = slots.size() - 1;
    for (const Slot& s : state.slots) {
      if (s.first == 0) continue;
      std::size_t i = s.hash & mask;
      while (slots[i].first != 0) i = (i + 1) & mask;
      slots[i] = s;
    }
    state.slots = std::move(slots);
  }

  // The text a key is made of, before folding: for text scopes, the entry without its label.
  std::string_view key_source(const Unit& unit) const {
    std::string_view text = unit.text;
    if (unit.ref && unit.ref->span.begin == unit.to_doc(0, false)) {
      // Leave the label out: the same work under two numbers is still a duplicate.
      const std::size_t label = unit.ref->label.span.end - unit.ref->label.span.begin;
      text.remove_prefix(std::min(label, text.size()));
    }
    return text;
  }

  std::optional<std::uint64_t> hash(const Unit& unit) const {
    if (pattern_.re || unit.doi) {
      const std::string k = key(unit);
      if (k.empty()) return std::nullopt;
      return std::hash<std::string>{}(k);
    }
    if (unit.url) return std::hash<std::string_view>{}(unit.url->normalised);
    // A bucket hash: sums over the folded bytes (separators count as zero), which equal keys
    // always share; finish() confirms every hit on the full key. No branch per byte: this runs
    // over every byte of the list.
    std::uint64_t count = 0, sum = 0, squares = 0, mixed = 0;
    for (unsigned char c : key_source(unit)) {
      const std::uint64_t m = kFold.map[c];
      count += m != 0;
      sum += m;
      squares += m * m;
      mixed += m * (m ^ 0xA5);
    }
    if (count == 0) return std::nullopt;
    std::uint64_t h = count * 0x9E3779B97F4A7C15ull ^ sum;
    h = (h * 0xFF51AFD7ED558CCDull) ^ squares;
    h = (h * 0xC4CEB9FE1A85EC53ull) ^ mixed;
    return h ^ (h >> 31);
  }

  std::string key(const Unit& unit) const {
    if (pattern_.re) {
      std::string k;
      const re2::StringPiece text(unit.text.data(), unit.text.size());
      const auto& named = pattern_.re->NamedCapturingGroups();
      std::vector<re2::StringPiece> groups(
          static_cast<std::size_t>(pattern_.re->NumberOfCapturingGroups() + 1));
      if (pattern_.re->Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                             static_cast<int>(groups.size()))) {
        const auto& g = groups[static_cast<std::size_t>(named.at("key"))];
        if (g.data()) k.assign(g.data(), g.size());
      }
      return k;
    }
    if (unit.url) return unit.url->normalised;
    if (unit.doi) return fold_text(unit.doi->value);
    return fold_text(key_source(unit));
  }

  Pattern pattern_;
};

}  // namespace

std::unique_ptr<Rule> make_unique_rule() { return std::make_unique<UniqueRule>(); }

}  // namespace citelint::rules
