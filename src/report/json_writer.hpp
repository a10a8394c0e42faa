// A small streaming JSON writer. Reports for 100,000 references are tens of megabytes; writing
// them straight into one buffer, one capacity check per token, is several times faster than
// building a DOM first.
#pragma once

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string>
#include <string_view>

#include "model/utf8.hpp"

namespace citelint::json {

class Writer {
 public:
  explicit Writer(std::size_t capacity = 1 << 16) : buffer_(capacity, '\0') {}

  // What was written since the last clear().
  std::string_view view() const { return std::string_view(buffer_.data(), used_); }
  std::size_t size() const { return used_; }
  void clear() { used_ = 0; }
  // Empty, as if new: the next value is the first, with no comma before it.
  void restart() {
    used_ = 0;
    first_ = true;
    after_key_ = false;
  }

  Writer& begin_object() { return open('{'); }
  Writer& end_object() { return close('}'); }
  Writer& begin_array() { return open('['); }
  Writer& end_array() { return close(']'); }

  // Keys are the report's own identifiers: ASCII, never in need of escapes.
  Writer& key(std::string_view k) {
    char* p = reserve(k.size() + 4);
    p = comma(p);
    *p++ = '"';
    std::memcpy(p, k.data(), k.size());
    p += k.size();
    *p++ = '"';
    *p++ = ':';
    commit(p);
    after_key_ = true;
    return *this;
  }
  Writer& value(std::string_view s) {
    // Valid UTF-8 always: a byte that is not (a file name's, a server's) is written as U+FFFD.
    if (utf8::first_invalid(s) != std::string_view::npos) {
      const std::string mended = utf8::repair(s);
      return value_utf8(mended);
    }
    return value_utf8(s);
  }
  Writer& value_utf8(std::string_view s) {
    // Worst case every byte becomes \u00XX.
    char* p = reserve(s.size() * 6 + 3);
    p = comma(p);
    *p++ = '"';
    p = escape(p, s);
    *p++ = '"';
    commit(p);
    return *this;
  }
  Writer& value(const char* s) { return value(std::string_view(s)); }
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  Writer& value(long long n) {
    char* p = reserve(24);
    p = comma(p);
    p = std::to_chars(p, p + 21, n).ptr;
    commit(p);
    return *this;
  }
  Writer& value(int n) { return value(static_cast<long long>(n)); }
  Writer& value(std::size_t n) { return value(static_cast<long long>(n)); }
  Writer& value(bool b) { return raw(b ? "true" : "false"); }
  Writer& null() { return raw("null"); }
  // Text outside any value, such as the newline that ends the document.
  Writer& text(std::string_view t) {
    char* p = reserve(t.size());
    std::memcpy(p, t.data(), t.size());
    commit(p + t.size());
    return *this;
  }
  // A value that is already JSON.
  Writer& raw(std::string_view json) {
    char* p = reserve(json.size() + 1);
    p = comma(p);
    std::memcpy(p, json.data(), json.size());
    commit(p + json.size());
    return *this;
  }

 private:
  // Room for n more bytes; the caller writes them and commits where it stopped.
  char* reserve(std::size_t n) {
    if (buffer_.size() - used_ < n) [[unlikely]]
      grow(n);
    return buffer_.data() + used_;
  }
  [[gnu::noinline]] void grow(std::size_t n) {
    buffer_.resize(std::max(buffer_.size() * 2, used_ + n));
  }
  void commit(char* end) { used_ = static_cast<std::size_t>(end - buffer_.data()); }

  Writer& open(char c) {
    char* p = comma(reserve(2));
    *p++ = c;
    commit(p);
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    char* p = reserve(1);
    *p++ = c;
    commit(p);
    first_ = false;
    return *this;
  }
  char* comma(char* p) {
    if (after_key_) {
      after_key_ = false;
      first_ = false;
      return p;
    }
    if (!first_) *p++ = ',';
    first_ = false;
    return p;
  }
  static char* escape(char* p, std::string_view s) {
    static constexpr auto kEscape = [] {
      std::array<bool, 256> t{};
      for (int c = 0; c < 0x20; ++c) t[c] = true;
      t['"'] = t['\\'] = true;
      return t;
    }();
    static const char kHex[] = "0123456789abcdef";
    std::size_t i = 0;
    while (i < s.size()) {
#ifdef __SSE2__
      // Sixteen bytes at a time up to the next byte that needs an escape: a control character,
      // '"' or '\\'. The caller reserved six bytes per input byte, so a whole block fits.
      const __m128i control = _mm_set1_epi8(0x1F);
      const __m128i quote = _mm_set1_epi8('"');
      const __m128i backslash = _mm_set1_epi8('\\');
      while (i + 16 <= s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);
        const __m128i special =
            _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
                         _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const int mask = _mm_movemask_epi8(special);
        const std::size_t clean =
            mask ? static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask))) : 16;
        p += clean;
        i += clean;
        if (mask) break;
      }
      if (i == s.size()) break;
#endif
      // One byte: the one that stopped the block above, or the tail shorter than a block.
      const auto c = static_cast<unsigned char>(s[i++]);
      if (!kEscape[c]) {
        *p++ = static_cast<char>(c);
        continue;
      }
      *p++ = '\\';
      switch (c) {
        case '"':
          *p++ = '"';
          break;
        case '\\':
          *p++ = '\\';
          break;
        case '\n':
          *p++ = 'n';
          break;
        case '\r':
          *p++ = 'r';
          break;
        case '\t':
          *p++ = 't';
          break;
        default:
          *p++ = 'u';
          *p++ = '0';
          *p++ = '0';
          *p++ = kHex[c >> 4];
          *p++ = kHex[c & 0xF];
      }
    }
    return p;
  }

  std::string buffer_;  // always at full size; used_ bytes of it are written
  std::size_t used_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace citelint::json
