// balance: brackets and quotes that open must close, in order. URLs are skipped: their
// parentheses are part of the address.
#include <algorithm>
#include <array>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

class BalanceRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override { return {"pairs"}; }
  bool reads_reference() const override { return true; }  // skips URLs and the label
  bool accepts_scope(Scope s) const override {
    return s == Scope::entry || s == Scope::part || s == Scope::raw;
  }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    const YAML::Node n = rule["pairs"];
    if (!n) {
      ctx.error(rule.Mark(), "a balance rule needs 'pairs', e.g. [\"()\", \"[]\"]");
      return;
    }
    for (const std::string& pair : ctx.string_list(n, "pairs")) {
      std::size_t i = 0;
      const char32_t open = i < pair.size() ? utf8::next(pair, i) : 0;
      const char32_t close = i < pair.size() ? utf8::next(pair, i) : 0;
      if (!open || !close || i != pair.size() || open == close) {
        ctx.error(n.Mark(),
                  "each pair is two different characters, opening then closing: '" + pair + "'");
        continue;
      }
      pairs_.emplace_back(open, close);
      for (char32_t c : {open, close}) {
        if (c < 0x80) ascii_bracket_[c] = true;
        std::string encoded;
        utf8::append(encoded, c);
        may_start_.add(static_cast<unsigned char>(encoded[0]));
      }
    }
  }

  void check(const Unit& unit, FindingSink& sink) const override {
    struct Open {
      char32_t close;
      std::size_t begin, end;
    };
    static thread_local std::vector<Open> stack;  // reused: nearly every entry has brackets
    stack.clear();
    const std::vector<Url>* urls = unit.ref ? &unit.ref->urls : nullptr;
    // URLs keep their own parentheses, and a label such as "12)" or "[12]" is no bracket pair.
    auto skipped = [&](std::size_t text_pos) {
      if (!urls) return false;
      const std::size_t d = unit.to_doc(text_pos, false);
      const Span& label = unit.ref->label.span;
      if (d >= label.begin && d < label.end) return true;
      return inside_url(*urls, d);
    };
    auto report = [&](std::size_t b, std::size_t e, std::string_view problem) {
      sink.report(*this, unit, b, e, {{"problem", std::string(problem)}});
    };
    for (std::size_t i = 0; i < unit.text.size();) {
      // Skip, without decoding, every byte that cannot start a bracket of this rule.
      i = may_start_.find(unit.text, i, unit.text.size());
      if (i == unit.text.size()) break;
      const std::size_t at = i;
      const char32_t c = utf8::next(unit.text, i);
      if (c < 0x80 && !ascii_bracket_[c]) continue;
      if (skipped(at)) continue;
      for (const auto& pair : pairs_) {
        const char32_t open = pair.first, close = pair.second;
        if (c == open) {
          stack.push_back({close, at, i});
          break;
        }
        if (c != close) continue;
        const auto match = std::find_if(stack.rbegin(), stack.rend(),
                                        [&](const Open& o) { return o.close == close; });
        if (match == stack.rend() && !stack.empty() &&
            utf8::fold_fullwidth(stack.back().close) == utf8::fold_fullwidth(close)) {
          // "（2019)": one slip, the other width's bracket closes it; one finding, at the close.
          report(at, i,
                 close < 0x80 ? "a full-width bracket closed by" : "an ASCII bracket closed by");
          stack.pop_back();
        } else if (match == stack.rend()) {
          report(at, i, "unmatched closing");
        } else {
          // Anything opened after the matching opener was never closed.
          for (auto it = stack.rbegin(); it != match; ++it) report(it->begin, it->end, "unclosed");
          stack.erase(std::prev(match.base()), stack.end());
        }
        break;
      }
    }
    for (const Open& o : stack) report(o.begin, o.end, "unclosed");
  }

 private:
  std::vector<std::pair<char32_t, char32_t>> pairs_;
  std::array<bool, 128> ascii_bracket_{};
  ByteSet may_start_;  // first bytes of the brackets' UTF-8 encodings
};

}  // namespace

std::unique_ptr<Rule> make_balance_rule() { return std::make_unique<BalanceRule>(); }

}  // namespace citelint::rules
