// Iterating RE2 matches and reading their named captures.
#include "model/utf8.hpp"
#include "rules/rule.hpp"

namespace citelint::rules {

void for_each_match(
    const RE2& re, std::string_view text,
    const std::function<void(std::size_t, std::size_t, const std::vector<re2::StringPiece>&)>& f) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(n));
  const re2::StringPiece input(text.data(), text.size());
  std::size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(input, pos, text.size(), RE2::UNANCHORED, groups.data(), n)) {
    const std::size_t b = static_cast<std::size_t>(groups[0].data() - text.data());
    const std::size_t e = b + groups[0].size();
    f(b, e, groups);
    if (e > b) {
      pos = e;
    } else {
      if (b >= text.size()) break;
      std::size_t next = b;
      utf8::next(text, next);  // step over one code point, not into its middle
      pos = next;
    }
  }
}

Vars named_captures(const RE2& re, const std::vector<re2::StringPiece>& groups) {
  Vars vars;
  for (const auto& [name, index] : re.NamedCapturingGroups()) {
    const auto& g = groups[static_cast<std::size_t>(index)];
    vars.emplace_back(name, g.data() ? std::string(g.data(), g.size()) : std::string());
  }
  return vars;
}

std::pair<std::size_t, std::size_t> focus_range(const RE2& re, std::string_view text,
                                                const std::vector<re2::StringPiece>& groups) {
  const auto& named = re.NamedCapturingGroups();
  auto it = named.find("focus");
  const re2::StringPiece& g =
      it != named.end() && groups[static_cast<std::size_t>(it->second)].data()
          ? groups[static_cast<std::size_t>(it->second)]
          : groups[0];
  const std::size_t b = static_cast<std::size_t>(g.data() - text.data());
  return {b, b + g.size()};
}

}  // namespace citelint::rules
