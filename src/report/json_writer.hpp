// A small streaming JSON writer. Reports for 100,000 references are tens of megabytes;
// writing them straight into one buffer is several times faster than building a DOM first.
#pragma once

#include <array>
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>

namespace citelint::json {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  Writer& begin_object() { return open('{'); }
  Writer& end_object() { return close('}'); }
  Writer& begin_array() { return open('['); }
  Writer& end_array() { return close(']'); }

  // Keys are the report's own identifiers: ASCII, never in need of escapes.
  Writer& key(std::string_view k) {
    comma();
    char buf[64];
    buf[0] = '"';
    std::memcpy(buf + 1, k.data(), k.size());
    buf[k.size() + 1] = '"';
    buf[k.size() + 2] = ':';
    out_.append(buf, k.size() + 3);
    after_key_ = true;
    return *this;
  }
  Writer& value(std::string_view s) {
    comma();
    string_literal(s);
    return *this;
  }
  Writer& value(const char* s) { return value(std::string_view(s)); }
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  Writer& value(long long n) {
    comma();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
    return *this;
  }
  Writer& value(int n) { return value(static_cast<long long>(n)); }
  Writer& value(std::size_t n) { return value(static_cast<long long>(n)); }
  Writer& value(bool b) {
    comma();
    out_ += b ? "true" : "false";
    return *this;
  }
  Writer& null() {
    comma();
    out_ += "null";
    return *this;
  }

 private:
  Writer& open(char c) {
    comma();
    out_ += c;
    first_ = true;
    return *this;
  }
  Writer& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      first_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }
  void string_literal(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t run = 0;
    static constexpr auto kEscape = [] {
      std::array<bool, 256> t{};
      for (int c = 0; c < 0x20; ++c) t[c] = true;
      t['"'] = t['\\'] = true;
      return t;
    }();
    const char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (!kEscape[c]) continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace citelint::json
