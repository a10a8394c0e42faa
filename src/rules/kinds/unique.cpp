// unique: the same key in two references of one list is a duplicate; repeats inside one
// reference (a bilingual entry citing its URL in both halves) are not. Keys: the normalised URL,
// the DOI (case-insensitive), or for text scopes the text folded to lowercase words.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
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

// Sums over the folded bytes of a text: how many are not separators, their sum, the sum of
// their squares, and of m * (m ^ 0xA5).
struct FoldSums {
  std::uint64_t count = 0, sum = 0, squares = 0, mixed = 0;
};

FoldSums fold_sums_scalar(const unsigned char* p, std::size_t n) {
  FoldSums f;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t m = kFold.map[p[i]];
    f.count += m != 0;
    f.sum += m;
    f.squares += m * m;
    f.mixed += m * (m ^ 0xA5);
  }
  return f;
}

#ifdef __SSE2__
// Bytes of v in [lo, hi], as 0xFF lanes.
inline __m128i in_range(__m128i v, unsigned char lo, unsigned char hi) {
  const __m128i t = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(static_cast<char>(hi - lo))), t);
}
#endif

// The same sums sixteen bytes at a time where SSE2 is there (every x86-64): the fold is the
// table above written as byte ranges (isspace and ispunct of the C locale; A-Z lowered).
FoldSums fold_sums(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t n = text.size();
  FoldSums f;
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128();
  while (n >= 16) {
    // 32-bit lanes hold at most 2 * 255 * 255 per step: flush them every 1,024 steps.
    const std::size_t steps = std::min<std::size_t>(n / 16, 1024);
    __m128i count = zero, sum = zero, squares = zero, mixed = zero;
    for (std::size_t k = 0; k < steps; ++k, p += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i separator =
          _mm_or_si128(_mm_or_si128(_mm_or_si128(in_range(v, 0x09, 0x0D), in_range(v, 0x20, 0x2F)),
                                    _mm_or_si128(in_range(v, 0x3A, 0x40), in_range(v, 0x5B, 0x60))),
                       in_range(v, 0x7B, 0x7E));
      const __m128i lowered =
          _mm_add_epi8(v, _mm_and_si128(in_range(v, 'A', 'Z'), _mm_set1_epi8(0x20)));
      const __m128i m = _mm_andnot_si128(separator, lowered);
      const __m128i kept = _mm_andnot_si128(_mm_cmpeq_epi8(m, zero), _mm_set1_epi8(1));
      count = _mm_add_epi64(count, _mm_sad_epu8(kept, zero));
      sum = _mm_add_epi64(sum, _mm_sad_epu8(m, zero));
      const __m128i x = _mm_xor_si128(m, _mm_set1_epi8(static_cast<char>(0xA5)));
      const __m128i m_lo = _mm_unpacklo_epi8(m, zero), m_hi = _mm_unpackhi_epi8(m, zero);
      const __m128i x_lo = _mm_unpacklo_epi8(x, zero), x_hi = _mm_unpackhi_epi8(x, zero);
      squares = _mm_add_epi32(
          squares, _mm_add_epi32(_mm_madd_epi16(m_lo, m_lo), _mm_madd_epi16(m_hi, m_hi)));
      mixed = _mm_add_epi32(mixed,
                            _mm_add_epi32(_mm_madd_epi16(m_lo, x_lo), _mm_madd_epi16(m_hi, x_hi)));
    }
    n -= steps * 16;
    alignas(16) std::uint64_t wide[2];
    alignas(16) std::uint32_t narrow[4];
    _mm_store_si128(reinterpret_cast<__m128i*>(wide), count);
    f.count += wide[0] + wide[1];
    _mm_store_si128(reinterpret_cast<__m128i*>(wide), sum);
    f.sum += wide[0] + wide[1];
    _mm_store_si128(reinterpret_cast<__m128i*>(narrow), squares);
    f.squares += std::uint64_t{narrow[0]} + narrow[1] + narrow[2] + narrow[3];
    _mm_store_si128(reinterpret_cast<__m128i*>(narrow), mixed);
    f.mixed += std::uint64_t{narrow[0]} + narrow[1] + narrow[2] + narrow[3];
  }
#endif
  const FoldSums tail = fold_sums_scalar(p, n);
  f.count += tail.count;
  f.sum += tail.sum;
  f.squares += tail.squares;
  f.mixed += tail.mixed;
  return f;
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

  // Every unit's key hash (mixed with the input) and what makes the unit again, in observation
  // order; at the end, sorted by hash, and only units that share a hash are made again and
  // compared on their full keys. A hash table probed as units came missed the cache on nearly
  // every unit; appending and one radix sort do not, and keeping a UnitRef instead of the unit
  // keeps a third of the memory.
  struct Keyed {
    std::uint32_t hash;  // 32 bits: a few more shared hashes, each confirmed on its full key
    UnitRef unit;
  };
  struct State : ListState {
    std::vector<Keyed> keyed;
  };
  std::unique_ptr<ListState> start_list(std::size_t references) const override {
    // Room for a unit per reference up front: memory reserved but never reached is never
    // touched, where a growing vector touches twice what it ends with.
    auto state = std::make_unique<State>();
    state->keyed.reserve(references);
    return state;
  }

  void observe(const Unit& unit, ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    const auto h = hash(unit);
    if (!h) return;
    const std::uint64_t mixed = *h ^ (unit.doc->id() * 0x9E3779B97F4A7C15ull);
    state.keyed.push_back(
        Keyed{static_cast<std::uint32_t>(mixed ^ (mixed >> 32)), sink.ref_of(unit)});
  }

  void finish(ListState& list, FindingSink& sink) const override {
    State& state = static_cast<State&>(list);
    sort_by_hash(state.keyed);
    // Within a run of equal hashes (in observation order), the first unit of each key stays;
    // each later one is a duplicate, unless it belongs to the same reference as that first.
    std::vector<std::pair<Unit, std::string>> firsts;
    for (std::size_t b = 0, e; b < state.keyed.size(); b = e) {
      for (e = b + 1; e < state.keyed.size() && state.keyed[e].hash == state.keyed[b].hash;) ++e;
      if (e - b < 2) continue;
      firsts.clear();
      for (std::size_t k = b; k < e; ++k) {
        const Unit unit = sink.remake(scope, state.keyed[k].unit);
        std::string unit_key = key(unit);
        auto first = std::find_if(firsts.begin(), firsts.end(), [&](const auto& f) {
          return f.first.doc == unit.doc && f.second == unit_key;
        });
        if (first == firsts.end()) {
          firsts.emplace_back(unit, std::move(unit_key));
          continue;
        }
        const Unit& earlier = first->first;
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
    for (int shift = 0; shift < 32; shift += 8) {
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
    // always share; finish() confirms every shared hash on the full key. No branch per byte:
    // this runs over every byte of the list.
    const FoldSums f = fold_sums(key_source(unit));
    const std::uint64_t count = f.count, sum = f.sum, squares = f.squares, mixed = f.mixed;
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
      // Whether it matches at all first (RE2's DFA, no captures): most units do not, and a
      // match with captures costs several times more.
      if (!pattern_.re->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0)) return k;
      std::vector<re2::StringPiece> groups(
          static_cast<std::size_t>(pattern_.re->NumberOfCapturingGroups() + 1));
      if (pattern_.re->Match(text, 0, text.size(), RE2::UNANCHORED, groups.data(),
                             static_cast<int>(groups.size()))) {
        const auto& g = groups[static_cast<std::size_t>(named.at("key"))];
        if (g.data()) k.assign(g.data(), g.size());
      }
      return k;
    }
    if (unit.url) return std::string(unit.url->normalised);
    if (unit.doi) return fold_text(unit.doi->value);
    return fold_text(key_source(unit));
  }

  Pattern pattern_;
};

}  // namespace

std::unique_ptr<Rule> make_unique_rule() { return std::make_unique<UniqueRule>(); }

}  // namespace citelint::rules
