// ISBN and ISSN check digits (ISO 2108, ISO 3297) and the lengths and prefixes of their forms.
#include <algorithm>
#include <cctype>

#include "citelint/ids.hpp"
#include "ids/checks.hpp"

namespace citelint {

namespace {

int digit_value(char c) { return c == 'X' ? 10 : c - '0'; }
char check_char(int v) { return v == 10 ? 'X' : static_cast<char>('0' + v); }

// Weights w, w-1, ... down to 2 over the digits, modulo 11: ISBN-10's and ISSN's rule.
char mod11_check_digit(std::string_view digits) {
  int sum = 0, weight = static_cast<int>(digits.size()) + 1;
  for (const char c : digits) sum += digit_value(c) * weight--;
  return check_char((11 - sum % 11) % 11);
}

std::string digits_count(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " digit" : " digits");
}

// The check digit of `value` against the one its other digits call for.
std::optional<ids::Wrong> check_digit_holds(std::string_view value, char wanted) {
  if (value.back() == wanted) return std::nullopt;
  return ids::Wrong{Kind::id_checksum, std::string("its check digit is ") + value.back() +
                                           ", but the digits before it call for " + wanted +
                                           " (a digit misread or mistyped, or two swapped)"};
}

// 'X' anywhere but at the end of a form whose last digit may be ten.
bool x_inside(std::string_view value) {
  return std::find(value.begin(), value.end() - 1, 'X') != value.end() - 1;
}

}  // namespace

char isbn10_check_digit(std::string_view nine) { return mod11_check_digit(nine); }

char isbn13_check_digit(std::string_view twelve) {
  int sum = 0;
  for (std::size_t i = 0; i < twelve.size(); ++i) sum += (twelve[i] - '0') * (i % 2 ? 3 : 1);
  return check_char((10 - sum % 10) % 10);
}

char issn_check_digit(std::string_view seven) { return mod11_check_digit(seven); }

namespace ids {

std::optional<Wrong> check_isbn(std::string_view value) {
  if (value.size() != 10 && value.size() != 13)
    return Wrong{Kind::id_form, "it has " + digits_count(value.size()) +
                                    "; an ISBN has 10 or 13 (a digit lost or added)"};
  if (x_inside(value) || (value.size() == 13 && value.back() == 'X'))
    return Wrong{Kind::id_form, "'X' stands only as the last digit of an ISBN-10 (for ten)"};
  if (value.size() == 10) return check_digit_holds(value, isbn10_check_digit(value.substr(0, 9)));
  if (value.compare(0, 3, "978") != 0 && value.compare(0, 3, "979") != 0)
    return Wrong{Kind::id_form, "an ISBN-13 starts with 978 or 979, this one with " +
                                    std::string(value.substr(0, 3))};
  return check_digit_holds(value, isbn13_check_digit(value.substr(0, 12)));
}

std::optional<Wrong> check_issn(std::string_view value) {
  if (value.size() != 8)
    return Wrong{Kind::id_form,
                 "it has " + digits_count(value.size()) + "; an ISSN has 8, written NNNN-NNNC"};
  if (x_inside(value))
    return Wrong{Kind::id_form, "'X' stands only as an ISSN's last digit (for ten)"};
  return check_digit_holds(value, issn_check_digit(value.substr(0, 7)));
}

}  // namespace ids

}  // namespace citelint
