// TeX in bibliography fields, made plain text.
#pragma once

#include <string>
#include <string_view>

namespace citelint {

// Accents (\'e, \"{o}, \c{c}, \v s, \'{\i}), named characters (\ss, \o, \aa, \l), escaped
// specials (\_ \% \& \#), dashes (-- ---), TeX quotes (`` ''), ties (~) decoded; grouping braces
// and other commands dropped, their arguments kept.
std::string decode_tex(std::string_view text);

// Whether s[i] is in a TeX % comment: a '%' earlier on its line, not escaped (\%).
bool in_tex_comment(std::string_view s, std::size_t i);

}  // namespace citelint
