// TeX as BibTeX fields and .bbl files write it: accents, special characters, dashes and quotes,
// braces that only protect case.
#include "read/tex.hpp"

#include <cctype>
#include <cstring>

#include "model/utf8.hpp"

namespace citelint {

namespace {

// The combining form of each accent command, applied after its letter (NFC is left to the
// reader: "e\u0301" shows as é).
struct Accent {
  char command;
  char32_t combining;
};
constexpr Accent kAccents[] = {
    {'\'', 0x0301}, {'`', 0x0300}, {'^', 0x0302}, {'"', 0x0308}, {'~', 0x0303},
    {'=', 0x0304},  {'.', 0x0307}, {'u', 0x0306}, {'v', 0x030C}, {'H', 0x030B},
    {'c', 0x0327},  {'k', 0x0328}, {'r', 0x030A}, {'d', 0x0323}, {'b', 0x0331},
};

// Precomposed forms of the common accented Latin letters, so "\'e" reads as "é" (U+00E9).
struct Composed {
  char32_t base, combining, composed;
};
constexpr Composed kComposed[] = {
    {'a', 0x0301, 0xE1},  {'e', 0x0301, 0xE9},  {'i', 0x0301, 0xED},  {'o', 0x0301, 0xF3},
    {'u', 0x0301, 0xFA},  {'y', 0x0301, 0xFD},  {'A', 0x0301, 0xC1},  {'E', 0x0301, 0xC9},
    {'I', 0x0301, 0xCD},  {'O', 0x0301, 0xD3},  {'U', 0x0301, 0xDA},  {'a', 0x0300, 0xE0},
    {'e', 0x0300, 0xE8},  {'i', 0x0300, 0xEC},  {'o', 0x0300, 0xF2},  {'u', 0x0300, 0xF9},
    {'A', 0x0300, 0xC0},  {'E', 0x0300, 0xC8},  {'a', 0x0302, 0xE2},  {'e', 0x0302, 0xEA},
    {'i', 0x0302, 0xEE},  {'o', 0x0302, 0xF4},  {'u', 0x0302, 0xFB},  {'a', 0x0308, 0xE4},
    {'e', 0x0308, 0xEB},  {'i', 0x0308, 0xEF},  {'o', 0x0308, 0xF6},  {'u', 0x0308, 0xFC},
    {'y', 0x0308, 0xFF},  {'A', 0x0308, 0xC4},  {'O', 0x0308, 0xD6},  {'U', 0x0308, 0xDC},
    {'n', 0x0303, 0xF1},  {'N', 0x0303, 0xD1},  {'a', 0x0303, 0xE3},  {'o', 0x0303, 0xF5},
    {'c', 0x0327, 0xE7},  {'C', 0x0327, 0xC7},  {'s', 0x030C, 0x161}, {'S', 0x030C, 0x160},
    {'c', 0x030C, 0x10D}, {'C', 0x030C, 0x10C}, {'z', 0x030C, 0x17E}, {'Z', 0x030C, 0x17D},
    {'r', 0x030C, 0x159}, {'e', 0x030C, 0x11B}, {'a', 0x030A, 0xE5},  {'A', 0x030A, 0xC5},
    {'o', 0x030B, 0x151}, {'u', 0x030B, 0x171}, {'z', 0x0307, 0x17C}, {'a', 0x0328, 0x105},
    {'e', 0x0328, 0x119}, {'g', 0x0306, 0x11F}, {'a', 0x0304, 0x101}, {'e', 0x0304, 0x113},
    {'z', 0x0301, 0x17A}, {'s', 0x0301, 0x15B}, {'c', 0x0301, 0x107}, {'n', 0x0301, 0x144},
    {'Z', 0x0301, 0x179}, {'S', 0x0301, 0x15A}, {'C', 0x0301, 0x106}, {'N', 0x0301, 0x143},
    {'Z', 0x0307, 0x17B}, {'o', 0x0303, 0xF5},  {'O', 0x0303, 0xD5},  {'A', 0x0302, 0xC2},
    {'E', 0x0302, 0xCA},  {'O', 0x0302, 0xD4},  {'E', 0x0308, 0xCB},  {'I', 0x0308, 0xCF},
    {'i', 0x0304, 0x12B}, {'o', 0x0304, 0x14D}, {'u', 0x0304, 0x16B}, {'u', 0x030A, 0x16F},
};

// Commands that stand for a character.
struct Named {
  const char* name;
  char32_t c;
};
constexpr Named kNamed[] = {
    {"ss", 0xDF},
    {"o", 0xF8},
    {"O", 0xD8},
    {"aa", 0xE5},
    {"AA", 0xC5},
    {"ae", 0xE6},
    {"AE", 0xC6},
    {"oe", 0x153},
    {"OE", 0x152},
    {"l", 0x142},
    {"L", 0x141},
    {"i", 'i'},
    {"j", 'j'},
    {"textendash", 0x2013},
    {"textemdash", 0x2014},
    {"dag", 0x2020},
    {"S", 0xA7},
    {"P", 0xB6},
    {"copyright", 0xA9},
    {"textregistered", 0xAE},
    {"ldots", 0x2026},
    {"dots", 0x2026},
    {"textquoteright", 0x2019},
    {"textquoteleft", 0x2018},
};

void append_combined(std::string& out, char32_t base, char32_t combining) {
  for (const Composed& c : kComposed) {
    if (c.base == base && c.combining == combining) {
      utf8::append(out, c.composed);
      return;
    }
  }
  utf8::append(out, base);
  utf8::append(out, combining);
}

// A command at s[i] (a backslash): \<symbol> or \<letters>, then its argument for accents,
// written to `out`; where the text goes on.
std::size_t decode_command(std::string_view s, std::size_t i, std::string& out) {
  const char next = s[i + 1];
  if (std::strchr("_%&#$\\{} ", next)) {  // escaped specials stand for themselves
    out += next == '\\' ? ' ' : next;
    return i + 2;
  }
  std::size_t j = i + 1;
  if (std::isalpha(static_cast<unsigned char>(next))) {
    while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
  } else {
    ++j;  // a one-symbol command: \' \" \^ ...
  }
  const std::string_view name = s.substr(i + 1, j - i - 1);
  const Accent* accent = nullptr;
  if (name.size() == 1)
    for (const Accent& a : kAccents)
      if (a.command == name[0]) accent = &a;
  if (accent) {
    // The argument: {x}, or the next character (after a space for letter commands).
    std::size_t k = j;
    if (std::isalpha(static_cast<unsigned char>(name[0])))
      while (k < s.size() && s[k] == ' ') ++k;
    bool braced = k < s.size() && s[k] == '{';
    if (braced) ++k;
    if (k < s.size() && s[k] == '\\' && k + 1 < s.size() && (s[k + 1] == 'i' || s[k + 1] == 'j')) {
      ++k;  // \'{\i}: a dotless i takes the accent
    }
    if (k < s.size()) {
      std::size_t at = k;
      const char32_t base = utf8::next(s, at);
      append_combined(out, base, accent->combining);
      k = at;
      if (braced && k < s.size() && s[k] == '}') ++k;
      return k;
    }
  }
  bool named = false;
  for (const Named& n : kNamed) {
    if (name == n.name) {
      utf8::append(out, n.c);
      named = true;
      break;
    }
  }
  if (named) {
    if (j < s.size() && s[j] == ' ') ++j;  // the space that ends a command name
    return j;
  }
  // Other commands (\emph, \textit, \url, \mkbibquote...) are dropped; their arguments stay.
  if (j < s.size() && s[j] == ' ' && std::isalpha(static_cast<unsigned char>(next))) ++j;
  return j;
}

}  // namespace

std::string decode_tex(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '{' || c == '}') {  // braces only group
      ++i;
      continue;
    }
    if (c == '~') {  // a tie: a space that does not break
      out += ' ';
      ++i;
      continue;
    }
    if (c == '-' && s.compare(i, 3, "---") == 0) {
      utf8::append(out, 0x2014);
      i += 3;
      continue;
    }
    if (c == '-' && s.compare(i, 2, "--") == 0) {
      utf8::append(out, 0x2013);
      i += 2;
      continue;
    }
    if ((c == '`' && s.compare(i, 2, "``") == 0) || (c == '\'' && s.compare(i, 2, "''") == 0)) {
      utf8::append(out, c == '`' ? 0x201C : 0x201D);
      i += 2;
      continue;
    }
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      ++i;
      continue;
    }
    i = decode_command(s, i, out);
  }
  return out;
}

bool in_tex_comment(std::string_view s, std::size_t i) {
  std::size_t b = s.rfind('\n', i);
  b = b == std::string_view::npos ? 0 : b + 1;
  for (std::size_t k = b; k < i; ++k) {
    if (s[k] == '\\') {
      ++k;
    } else if (s[k] == '%') {
      return true;
    }
  }
  return false;
}

}  // namespace citelint
