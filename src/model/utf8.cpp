#include "model/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace citelint::utf8 {

namespace {
constexpr char32_t kReplacement = 0xFFFD;

// Length of the valid sequence starting at s[i], or 0 when it is not valid UTF-8.
std::size_t valid_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;
    if (b0 == 0xF4 && b1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}
}  // namespace

char32_t next_multibyte(std::string_view s, std::size_t& i) {
  const std::size_t n = valid_length(s, i);
  const auto b0 = static_cast<unsigned char>(s[i]);
  switch (n) {
    case 1:
      ++i;
      return b0;
    case 2: {
      char32_t c = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
      i += 2;
      return c;
    }
    case 3: {
      char32_t c = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(s[i + 2]) & 0x3F);
      i += 3;
      return c;
    }
    case 4: {
      char32_t c = ((b0 & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
                   ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
                   (static_cast<unsigned char>(s[i + 3]) & 0x3F);
      i += 4;
      return c;
    }
    default:
      ++i;
      return kReplacement;
  }
}

char32_t prev(std::string_view s, std::size_t& i) {
  std::size_t start = i;
  // Step back over at most three continuation bytes to a lead byte.
  while (start > 0 && i - start < 4) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
  }
  std::size_t j = start;
  char32_t c = next(s, j);
  if (j != i) {  // not one whole sequence: treat the last byte alone
    i -= 1;
    return kReplacement;
  }
  i = start;
  return c;
}

std::size_t first_invalid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    i = ascii_until(s, i, s.size());
    if (i >= s.size()) break;
    const std::size_t n = valid_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string quoted_char(std::string_view s, std::size_t i) {
  char hex[16];
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x20 || c == 0x7F) {
    std::snprintf(hex, sizeof hex, "U+%04X", c);
    return hex;
  }
  const std::size_t n = valid_length(s, i);
  if (n == 0) {
    std::snprintf(hex, sizeof hex, "byte 0x%02X", c);
    return hex;
  }
  std::string quoted = "'";
  quoted.append(s.substr(i, n));
  quoted += '\'';
  return quoted;
}

std::string repair(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t n = valid_length(s, i);
    if (n == 0) {
      append(out, kReplacement);
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

namespace {

// Per code point: Han, CJK, wide, and the ASCII character a full-width form folds to. Made a
// block of 256 code points at a time, the first time a code point of the block is asked about
// (a list touches a few blocks: a run pays for those only).
constexpr std::uint8_t kHan = 1, kCjk = 2, kWide = 4;
struct Block {
  std::uint8_t flags[256];
  char ascii[256];
};

std::uint8_t flags_of(UChar32 c) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &error);
  const int width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  const bool wide = width == U_EA_WIDE || width == U_EA_FULLWIDTH;
  const bool han = U_SUCCESS(error) && script == USCRIPT_HAN;
  const bool cjk = han ||
                   (U_SUCCESS(error) && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
                                         script == USCRIPT_HANGUL || script == USCRIPT_BOPOMOFO)) ||
                   wide;
  return static_cast<std::uint8_t>((han ? kHan : 0) | (cjk ? kCjk : 0) | (wide ? kWide : 0));
}

const Block* make_block(char32_t first) {
  auto* b = new Block{};
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(error);
  for (char32_t k = 0; k < 256; ++k) {
    const auto c = static_cast<UChar32>(first + k);
    b->flags[k] = flags_of(c);
    // A full-width form whose compatibility decomposition is one ASCII character.
    icu::UnicodeString d;
    if (U_SUCCESS(error) && u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH &&
        nfkc->getDecomposition(c, d) && d.length() == 1 && d.charAt(0) < 0x80)
      b->ascii[k] = static_cast<char>(d.charAt(0));
  }
  if (first == 0x3000) {
    b->ascii[0x00] = ' ';  // the ideographic space (NFKC: a space)
    b->ascii[0x02] = '.';  // the ideographic full stop: a look-alike of '.', not NFKC
  }
  return b;
}

// The block of a BMP code point; made once, kept for the process (threads may race to make
// one: the first stored wins).
const Block& block_of(char32_t c) {
  static std::atomic<const Block*> blocks[256];
  std::atomic<const Block*>& slot = blocks[c >> 8];
  const Block* b = slot.load(std::memory_order_acquire);
  if (b) return *b;
  const Block* made = make_block(c & ~char32_t{0xFF});
  if (slot.compare_exchange_strong(b, made, std::memory_order_acq_rel)) return *made;
  delete made;
  return *b;
}

}  // namespace

namespace {

std::uint8_t flags(char32_t c) {
  return c < 0x10000 ? block_of(c).flags[c & 0xFF] : flags_of(static_cast<UChar32>(c));
}

}  // namespace

bool is_han(char32_t c) { return c >= 0x80 && (flags(c) & kHan); }

bool is_cjk(char32_t c) { return c >= 0x80 && (flags(c) & kCjk); }

char32_t fold_fullwidth(char32_t c) {
  if (c < 0x80 || c >= 0x10000) return c;
  const char a = block_of(c).ascii[c & 0xFF];
  return a ? static_cast<char32_t>(a) : c;
}

int display_width(char32_t c) {
  if (c == 0) return 0;
  if (c < 0x80) return 1;
  return flags(c) & kWide ? 2 : 1;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == U'\f' || c == U'\v' ||
         c == 0xA0 || c == 0x3000 || c == 0x2009 || c == 0x200B || c == 0x202F;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace citelint::utf8
