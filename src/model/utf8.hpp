// UTF-8 helpers: decoding, code point classes, display width.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <initializer_list>
#include <string>
#include <string_view>

namespace citelint::utf8 {

// Decodes the code point at s[i]; advances i past it. Invalid bytes decode as U+FFFD, one byte
// each.
char32_t next_multibyte(std::string_view s, std::size_t& i);
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  return next_multibyte(s, i);
}
// s with its ASCII letters lowercased (other bytes as they are): for names, tags and keys.
inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  return out;
}

// Decodes the code point that ends just before s[i]; moves i back to its first byte.
char32_t prev(std::string_view s, std::size_t& i);
// Appends code point c as UTF-8 (inline: the PDF module, which links none of citelint, uses it).
inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Number of code points in s.
inline std::size_t length(std::string_view s) {
  // Continuation bytes are 10xxxxxx: count them eight bytes at a time, then subtract.
  const char* p = s.data();
  std::size_t i = 0, continuation = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    const std::uint64_t ones = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // 1 per byte
    continuation += static_cast<std::size_t>((ones * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

// The first byte in [from, to) that is not ASCII, or `to`; eight bytes at a time.
inline std::size_t ascii_until(std::string_view s, std::size_t from, std::size_t to) {
  const char* p = s.data();
  while (from + 8 <= to) {
    std::uint64_t word;
    std::memcpy(&word, p + from, 8);
    if (word & 0x8080808080808080ull) break;
    from += 8;
  }
  while (from < to && static_cast<unsigned char>(p[from]) < 0x80) ++from;
  return from;
}

// The first invalid byte of s, or npos.
std::size_t first_invalid(std::string_view s);
inline bool valid(std::string_view s) { return first_invalid(s) == std::string_view::npos; }
// The largest length up to n that does not cut a code point of s in two.
inline std::size_t floor(std::string_view s, std::size_t n) {
  if (n >= s.size()) return s.size();
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}
// s with every invalid byte replaced by U+FFFD.
std::string repair(std::string_view s);
// The character at s[i] as a message quotes it: 'é' whole (never half of it), a control
// character or a byte that is not UTF-8 by its number (U+0000, byte 0xE4).
std::string quoted_char(std::string_view s, std::size_t i);

// The Unicode properties below come from ICU (the Unicode Character Database as ICU ships it),
// looked up once per code point of the Basic Multilingual Plane into tables on first use, so a
// list is read at memory speed.

// Han ideographs: code points of the Han script (U+3007 included).
bool is_han(char32_t c);
// Han, kana, Hangul, Bopomofo, and East Asian wide or full-width punctuation and forms: text
// set in a CJK font.
bool is_cjk(char32_t c);
// Full-width forms of ASCII folded to ASCII (their compatibility decomposition, NFKC), the
// ideographic space to a space, and the ideographic full stop to '.' (a look-alike, not NFKC);
// other code points unchanged.
char32_t fold_fullwidth(char32_t c);
// Columns a terminal gives the code point (2 for East Asian wide and full-width, else 1).
int display_width(char32_t c);
bool is_space(char32_t c);
// The edit distance of two strings, byte by byte (insertions, deletions, substitutions): "did
// you mean" for a misspelt key, "Smyth" for "Smith".
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace citelint::utf8

namespace citelint {

// A set of bytes, for scanning loops that skip everything else: one table load per byte.
class ByteSet {
 public:
  constexpr ByteSet() = default;
  constexpr ByteSet(std::initializer_list<unsigned char> bytes) {
    for (unsigned char b : bytes) add(b);
  }
  constexpr void add(unsigned char b) {
    if (has_[b]) return;
    has_[b] = true;
    if (count_ < 8) needles_[count_] = b;
    ++count_;
  }
  constexpr bool operator[](unsigned char b) const { return has_[b]; }
  // The first index in [i, end) whose byte is in the set, or end. Sets of up to eight bytes are
  // searched sixteen bytes at a time where SSE2 is there (every x86-64).
  std::size_t find(std::string_view s, std::size_t i, std::size_t end) const {
    const char* p = s.data();
#ifdef __SSE2__
    if (count_ > 0 && count_ <= 8) {
      __m128i n[8];
      for (std::size_t k = 0; k < 8; ++k)
        n[k] = _mm_set1_epi8(static_cast<char>(needles_[k < count_ ? k : 0]));
      const bool wide = count_ > 4;
      for (; i + 16 <= end; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, n[0]), _mm_cmpeq_epi8(v, n[1])),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, n[2]), _mm_cmpeq_epi8(v, n[3])));
        if (wide)
          hit = _mm_or_si128(
              hit, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, n[4]), _mm_cmpeq_epi8(v, n[5])),
                                _mm_or_si128(_mm_cmpeq_epi8(v, n[6]), _mm_cmpeq_epi8(v, n[7]))));
        if (const int mask = _mm_movemask_epi8(hit))
          return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
      }
    }
#endif
    while (i < end && !has_[static_cast<unsigned char>(p[i])]) ++i;
    return i;
  }

 private:
  bool has_[256] = {};
  unsigned char needles_[8] = {};
  std::size_t count_ = 0;
};

// Two-byte starts searched together, such as "do" or "Do" or "10": fewer false starts than
// any one byte. Each pair is a first byte and a second byte, either compared with ASCII case
// folded (folded pairs give them in lowercase) or any second byte at all (kAny).
class BytePairs {
 public:
  static constexpr int kAny = -1;
  struct Pair {
    unsigned char first;
    int second;  // a byte, or kAny
    bool folded;
  };
  constexpr BytePairs(std::initializer_list<Pair> pairs) {
    for (const Pair& p : pairs)
      if (count_ < 4) pairs_[count_++] = p;
  }
  // The first index in [i, end) where a pair starts, or end.
  std::size_t find(std::string_view s, std::size_t i, std::size_t end) const {
    const char* p = s.data();
#ifdef __SSE2__
    const __m128i fold = _mm_set1_epi8(0x20);
    for (; i + 17 <= end; i += 16) {
      const __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
      const __m128i f0 = _mm_or_si128(v0, fold), f1 = _mm_or_si128(v1, fold);
      __m128i hit = _mm_setzero_si128();
      for (std::size_t k = 0; k < count_; ++k) {
        const Pair& pair = pairs_[k];
        __m128i m =
            _mm_cmpeq_epi8(pair.folded ? f0 : v0, _mm_set1_epi8(static_cast<char>(pair.first)));
        if (pair.second != kAny)
          m = _mm_and_si128(m, _mm_cmpeq_epi8(pair.folded ? f1 : v1,
                                              _mm_set1_epi8(static_cast<char>(pair.second))));
        hit = _mm_or_si128(hit, m);
      }
      if (const int mask = _mm_movemask_epi8(hit))
        return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    for (; i < end; ++i) {
      for (std::size_t k = 0; k < count_; ++k) {
        const Pair& pair = pairs_[k];
        auto byte = [&](std::size_t at) {
          const auto b = static_cast<unsigned char>(p[at]);
          return pair.folded ? (b | 0x20) : b;
        };
        if (byte(i) != pair.first) continue;
        if (pair.second == kAny) return i;
        if (i + 1 < end && byte(i + 1) == pair.second) return i;
      }
    }
    return end;
  }

 private:
  Pair pairs_[4] = {};
  std::size_t count_ = 0;
};

}  // namespace citelint
