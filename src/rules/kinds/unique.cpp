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

  // Every unit with its key's hash (mixed with the input), in observation order; at the end,
  // sorted by hash, and only units that share a hash are compared on their full keys. A hash
  // table probed as units came missed the cache on nearly every unit; appending and one radix
  // sort do not.
  struct Keyed {
    std::uint64_t hash;
    std::uint32_t unit;  // index into units
  };
  struct State : ListState {
    std::vector<Unit> units;
    std::vector<Keyed> keyed;
  };
  std::unique_ptr<ListState> start_list() const override { return std::make_unique<State>(); }

  void observe(const Unit& unit, ListState& list, FindingSink&) const override {
    State& state = static_cast<State&>(list);
    const auto h = hash(unit);
    if (!h) return;
    const std::uint64_t mixed = *h ^ (unit.doc->id() * 0x9E3779B97F4A7C15ull);
    state.keyed.push_back(Keyed{mixed, static_cast<std::uint32_t>(state.units.size())});
    state.units.push_back(unit);
  }

  void finish(ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    sort_by_hash(state.keyed);
    // Within a run of equal hashes (in observation order), the first unit of each key stays;
    // each later one is a duplicate, unless it belongs to the same reference as that first.
    std::vector<std::pair<const Unit*, std::string>> firsts;
    for (std::size_t b = 0, e; b < state.keyed.size(); b = e) {
      for (e = b + 1; e < state.keyed.size() && state.keyed[e].hash == state.keyed[b].hash;) ++e;
      if (e - b < 2) continue;
      firsts.clear();
      for (std::size_t k = b; k < e; ++k) {
        const Unit& unit = state.units[state.keyed[k].unit];
        std::string unit_key = key(unit);
        auto first = std::find_if(firsts.begin(), firsts.end(), [&](const auto& f) {
          return f.first->doc == unit.doc && f.second == unit_key;
        });
        if (first == firsts.end()) {
          firsts.emplace_back(&unit, std::move(unit_key));
          continue;
        }
        const Unit& earlier = *first->first;
        if (earlier.ref == unit.ref) continue;  // one entry repeating itself (bilingual halves)
        const Span at = earlier.span(0, earlier.text.size());
        sink.report(*this, unit, 0, unit.text.size(),
                    {{"first", earlier.ref ? earlier.ref->id : std::string()},
                     {"first_line", std::to_string(at.line)}});
      }
    }
  }

 private:
  // LSD radix sort on the hash, a byte per pass: stable, so equal hashes stay in observation
  // order.
  static void sort_by_hash(std::vector<Keyed>& items) {
    std::vector<Keyed> buffer(items.size());
    for (int shift = 0; shift < 64; shift += 8) {
      std::array<std::size_t, 257> start{};
      for (const Keyed& k : items) ++start[((k.hash >> shift) & 0xFF) + 1];
      for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
      for (const Keyed& k : items) buffer[start[(k.hash >> shift) & 0xFF]++] = k;
      items.swap(buffer);
    }
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
    // always share; finish() confirms every shared hash on the full key. No branch per byte: this runs
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
