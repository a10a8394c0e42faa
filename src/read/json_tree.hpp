// JSON with the position of every value: a reader that reports where in the file a field is
// needs what nlohmann/json does not keep. Small and strict (RFC 8259); an error says where.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace citelint::json_tree {

struct Member;

struct Value {
  enum Type { null, boolean, number, string, array, object } type = null;
  std::size_t begin = 0, end = 0;  // the value as written; a string's quotes included
  std::string text;                // a string, unescaped; a number or literal as written
  std::vector<Value> items;        // an array's
  std::vector<Member> members;     // an object's, in order

  const Value* get(std::string_view key) const;  // an object's member, or null
  // Where a string's characters are in the file: inside its quotes.
  std::size_t content_begin() const { return type == string ? begin + 1 : begin; }
  std::size_t content_end() const { return type == string ? end - 1 : end; }
};

struct Member {
  std::string key;
  Value value;
};

struct Error {
  std::size_t at;
  std::string message;
};

// Parses one value from s[i] on (i is left after it); throws Error.
Value parse_value(std::string_view s, std::size_t& i);
// Skips white space.
void skip_space(std::string_view s, std::size_t& i);

}  // namespace citelint::json_tree
