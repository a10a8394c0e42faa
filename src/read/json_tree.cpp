#include "read/json_tree.hpp"

#include <cctype>

#include "model/utf8.hpp"

namespace citelint::json_tree {

namespace {

constexpr int kMaxDepth = 512;  // deeper nesting is an error, not a stack overflow

std::string found(std::string_view s, std::size_t i) {
  if (i >= s.size()) return "the end of the file";
  return utf8::quoted_char(s, i);
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

unsigned read_hex4(std::string_view s, std::size_t at) {
  unsigned v = 0;
  for (std::size_t k = 0; k < 4; ++k) {
    const int h = at + k < s.size() ? hex(s[at + k]) : -1;
    if (h < 0) throw Error{at + k, "expected four hex digits after \\u"};
    v = v * 16 + static_cast<unsigned>(h);
  }
  return v;
}

Value parse(std::string_view s, std::size_t& i, int depth);

Value parse_string(std::string_view s, std::size_t& i) {
  Value v;
  v.type = Value::string;
  v.begin = i++;
  while (true) {
    if (i >= s.size()) throw Error{v.begin, "a string that is not closed"};
    const char c = s[i];
    if (c == '"') break;
    if (static_cast<unsigned char>(c) < 0x20) throw Error{i, "a control character in a string"};
    if (c != '\\') {
      v.text += c;
      ++i;
      continue;
    }
    if (i + 1 >= s.size()) throw Error{i, "a string that is not closed"};
    const char e = s[i + 1];
    i += 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        v.text += e;
        break;
      case 'b':
        v.text += '\b';
        break;
      case 'f':
        v.text += '\f';
        break;
      case 'n':
        v.text += '\n';
        break;
      case 'r':
        v.text += '\r';
        break;
      case 't':
        v.text += '\t';
        break;
      case 'u': {
        char32_t cp = read_hex4(s, i);
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && s.compare(i, 2, "\\u") == 0) {
          const unsigned low = read_hex4(s, i + 2);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        utf8::append(v.text, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
        break;
      }
      default:
        throw Error{i - 1, "an unknown escape \\" + std::string(1, e)};
    }
  }
  v.end = ++i;
  return v;
}

Value parse(std::string_view s, std::size_t& i, int depth) {
  if (depth > kMaxDepth) throw Error{i, "nested more than 512 deep"};
  skip_space(s, i);
  if (i >= s.size()) throw Error{i, "expected a value, found the end of the file"};
  const char c = s[i];
  Value v;
  v.begin = i;
  if (c == '"') return parse_string(s, i);
  if (c == '{' || c == '[') {
    const bool object = c == '{';
    v.type = object ? Value::object : Value::array;
    ++i;
    skip_space(s, i);
    if (i < s.size() && s[i] == (object ? '}' : ']')) {
      v.end = ++i;
      return v;
    }
    while (true) {
      skip_space(s, i);
      if (object) {
        if (i >= s.size() || s[i] != '"') throw Error{i, "expected a key, found " + found(s, i)};
        Value key = parse_string(s, i);
        skip_space(s, i);
        if (i >= s.size() || s[i] != ':') throw Error{i, "expected ':', found " + found(s, i)};
        ++i;
        v.members.push_back(Member{std::move(key.text), parse(s, i, depth + 1)});
      } else {
        v.items.push_back(parse(s, i, depth + 1));
      }
      skip_space(s, i);
      if (i < s.size() && s[i] == ',') {
        ++i;
        continue;
      }
      if (i < s.size() && s[i] == (object ? '}' : ']')) {
        v.end = ++i;
        return v;
      }
      throw Error{
          i, std::string("expected ',' or '") + (object ? '}' : ']') + "', found " + found(s, i)};
    }
  }
  for (const auto& [word, type] : {std::pair<std::string_view, Value::Type>{"true", Value::boolean},
                                   {"false", Value::boolean},
                                   {"null", Value::null}}) {
    if (s.compare(i, word.size(), word) == 0) {
      v.type = type;
      v.text = std::string(word);
      i += word.size();
      v.end = i;
      return v;
    }
  }
  if (c == '-' || std::isdigit(static_cast<unsigned char>(c))) {
    std::size_t j = i + (c == '-');
    if (j >= s.size() || !std::isdigit(static_cast<unsigned char>(s[j])))
      throw Error{j, "a number without digits"};
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.' ||
                            s[j] == 'e' || s[j] == 'E' || s[j] == '+' || s[j] == '-'))
      ++j;
    v.type = Value::number;
    v.text = std::string(s.substr(i, j - i));
    i = j;
    v.end = i;
    return v;
  }
  throw Error{i, "expected a value, found " + found(s, i)};
}

}  // namespace

const Value* Value::get(std::string_view key) const {
  for (const Member& m : members)
    if (m.key == key) return &m.value;
  return nullptr;
}

void skip_space(std::string_view s, std::size_t& i) {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
}

Value parse_value(std::string_view s, std::size_t& i) { return parse(s, i, 0); }

}  // namespace citelint::json_tree
