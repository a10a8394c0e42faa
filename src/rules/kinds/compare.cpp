// compare: an assertion between two dates, e.g. accessed >= published, or any date <= as-of.
// Operands are date roles (published, updated, accessed, year, issued, any, as-of), url-date
// (the date a URL's path gives, Url::path_date) or, with a pattern, its named captures.
// `across: halves` compares the first language half with the second, pairing dates of the same
// role in order. `holds: any` asks a left date to hold against one of the right dates, not
// each; `unless: ROLES` leaves alone a left date that a date of those roles repeats; `within: N`
// counts full dates N days apart or less as the same. Dates compare at their common precision.
#include <algorithm>
#include <optional>

#include "citelint/extract.hpp"
#include "rules/kinds/kinds.hpp"

namespace citelint::rules {

namespace {

struct Value {
  int y = 0, m = 0, d = 0;
  std::string_view shown;  // points into a Date, the match, or the sink's as-of text
  std::string_view role;
  const Span* span = nullptr;
  std::size_t text_begin = 0, text_end = 0;  // for pattern captures
};

// How a message names a role: "the access date", "the year of publication".
std::string what(std::string_view role) {
  if (role == "published") return "publication date";
  if (role == "updated") return "update date";
  if (role == "accessed") return "access date";
  if (role == "year") return "year of publication";
  if (role == "archived") return "date of the archived copy";
  if (role == "as-of") return "as-of date";
  if (role == "url-date") return "date in the URL";
  return std::string(role);
}

int compare_values(const Value& a, const Value& b) {
  if (a.y != b.y) return a.y < b.y ? -1 : 1;
  if (a.m && b.m && a.m != b.m) return a.m < b.m ? -1 : 1;
  if (a.m && b.m && a.d && b.d && a.d != b.d) return a.d < b.d ? -1 : 1;
  return 0;
}

enum class Op { less, less_equal, equal, not_equal, greater_equal, greater };

std::optional<Op> parse_op(std::string_view op) {
  static constexpr std::pair<std::string_view, Op> kOps[] = {
      {"<", Op::less},       {"<=", Op::less_equal},    {"==", Op::equal},
      {"!=", Op::not_equal}, {">=", Op::greater_equal}, {">", Op::greater}};
  for (const auto& [name, value] : kOps)
    if (name == op) return value;
  return std::nullopt;
}

bool holds(int c, Op op) {
  switch (op) {
    case Op::less:
      return c < 0;
    case Op::less_equal:
      return c <= 0;
    case Op::equal:
      return c == 0;
    case Op::not_equal:
      return c != 0;
    case Op::greater_equal:
      return c >= 0;
    case Op::greater:
      return c > 0;
  }
  return false;
}

// What an operand names: dates of some roles, the as-of date, or the date a URL's path gives.
enum class Operand { roles, as_of, url_date };
Operand operand_kind(std::string_view operand) {
  if (operand == "as-of") return Operand::as_of;
  if (operand == "url-date") return Operand::url_date;
  return Operand::roles;
}

unsigned role_bit(DateRole role) { return 1u << static_cast<unsigned>(role); }

// The roles an operand names, as bits: one role, several joined by '|' ("published|updated"),
// issued or any. Worked out once, when the rule loads; each date then tests one bit.
unsigned role_mask(std::string_view operand) {
  unsigned mask = 0;
  while (!operand.empty()) {
    const std::size_t bar = operand.find('|');
    const std::string_view one = operand.substr(0, bar);
    for (DateRole role : kDateRoles) {
      const bool issued =
          role == DateRole::published || role == DateRole::updated || role == DateRole::year;
      if (one == "any" || one == to_string(role) || (one == "issued" && issued))
        mask |= role_bit(role);
    }
    if (bar == std::string_view::npos) break;
    operand.remove_prefix(bar + 1);
  }
  return mask;
}

class CompareRule : public Rule {
 public:
  std::vector<std::string_view> keys() const override {
    return {"left", "right", "op", "across", "at", "pattern", "holds", "unless", "within"};
  }
  Scope default_scope() const override { return Scope::part; }
  bool reads_reference() const override { return true; }
  bool reads_text() const override { return pattern_.re != nullptr; }
  bool accepts_scope(Scope s) const override {
    return s == Scope::part || s == Scope::entry || s == Scope::raw;
  }

  void configure(const YAML::Node& rule, LoadContext& ctx) override {
    bool complete = true;
    for (const char* key : {"left", "right", "op"}) {
      if (rule[key]) continue;
      ctx.error(rule.Mark(), std::string("a compare rule needs '") + key + "'");
      complete = false;
    }
    if (!complete) return;
    left_ = ctx.scalar(rule["left"], "left");
    right_ = ctx.scalar(rule["right"], "right");
    if (const auto op = parse_op(ctx.scalar(rule["op"], "op"))) {
      op_ = *op;
    } else {
      ctx.error(rule["op"].Mark(), "op must be one of <, <=, ==, !=, >=, >");
    }
    left_roles_ = role_mask(left_);
    right_roles_ = role_mask(right_);
    left_kind_ = operand_kind(left_);
    right_kind_ = operand_kind(right_);
    if (const auto n = rule["unless"]) {
      unless_roles_ = role_mask(ctx.scalar(n, "unless"));
      if (!unless_roles_) ctx.error(n.Mark(), "unless names date roles, joined with |");
    }
    if (const auto n = rule["within"]) within_days_ = ctx.integer(n, "within");
    if (const auto n = rule["holds"]) {
      const std::string holds = ctx.scalar(n, "holds");
      if (holds != "any" && holds != "each") ctx.error(n.Mark(), "holds must be any or each");
      holds_any_ = holds == "any";
    }
    if (const auto n = rule["at"]) {
      const std::string at = ctx.scalar(n, "at");
      if (at != "left" && at != "right") ctx.error(n.Mark(), "at must be left or right");
      at_right_ = at == "right";
    }
    if (const auto n = rule["across"]) {
      const std::string across = ctx.scalar(n, "across");
      if (across != "halves") ctx.error(n.Mark(), "across must be 'halves'");
      across_halves_ = true;
      if (scope != Scope::entry) scope = Scope::entry;
    }
    if (const auto n = rule["pattern"]) {
      pattern_ = ctx.pattern(n, ignorecase, "pattern");
      if (pattern_.re && pattern_.re->ok()) {
        const auto& named = pattern_.re->NamedCapturingGroups();
        for (const std::string& operand : {left_, right_})
          if (operand != "as-of" && !named.count(operand))
            ctx.error(n.Mark(), "the pattern has no named capture (?P<" + operand + ">...)");
      }
    } else {
      static const std::vector<std::string_view> kRoles = {"published", "updated",  "accessed",
                                                           "year",      "archived", "issued",
                                                           "any",       "as-of",    "url-date"};
      for (const char* key : {"left", "right"}) {
        std::string_view v = rule[key].Scalar();
        while (true) {
          const std::size_t bar = v.find('|');
          const std::string_view one = v.substr(0, bar);
          if (std::find(kRoles.begin(), kRoles.end(), one) == kRoles.end()) {
            std::string message(1, '\'');
            message += one;
            message +=
                "' is not a date role (published, updated, accessed, year, archived, issued, any, "
                "as-of, url-date; join several with |)";
            ctx.error(rule[key].Mark(), std::move(message));
          }
          if (bar == std::string_view::npos) break;
          v.remove_prefix(bar + 1);
        }
      }
    }
    if (left_ == "as-of" && right_ == "as-of") ctx.error(rule.Mark(), "compare as-of with a date");
  }

  std::string trigger() const override { return pattern_.re ? pattern_.source : std::string(); }

  void check(const Unit& unit, FindingSink& sink) const override {
    if (pattern_.re) {
      check_pattern(unit, sink);
    } else if (unit.ref && across_halves_) {
      check_halves(unit, sink);
    } else if (unit.ref) {
      check_dates(unit, sink);
    }
  }

 private:
  // The k-th date of each role in one language half against the k-th of that role in the other.
  void check_halves(const Unit& unit, FindingSink& sink) const {
    if (unit.ref->parts.size() < 2) return;
    const Span& first = unit.ref->parts[0].span;
    const Span& second = unit.ref->parts[1].span;
    for (DateRole role : kDateRoles) {
      if (!(left_roles_ & role_bit(role)) || !(right_roles_ & role_bit(role))) continue;
      const auto l = dates(*unit.ref, first, role);
      const auto r = dates(*unit.ref, second, role);
      for (std::size_t k = 0; k < std::min(l.size(), r.size()); ++k)
        assert_pair(unit, l[k], r[k], sink);
    }
  }

  // Each value of the left operand against those of the right in this unit (or, holds_any, the
  // first of them when it holds against none).
  void check_dates(const Unit& unit, FindingSink& sink) const {
    if (unit.ref->dates.empty()) return;
    const Value as_of = this->as_of(sink);
    // Not a structured binding: clang before 16 cannot capture one (the fuzz build's compiler).
    const std::pair<std::size_t, std::size_t> range = unit.doc_range();
    const std::size_t range_begin = range.first, range_end = range.second;
    if (left_kind_ == Operand::url_date || right_kind_ == Operand::url_date) {
      // Only where the entry has a date to compare them with.
      const unsigned other = left_kind_ == Operand::url_date ? right_roles_ : left_roles_;
      if (std::none_of(unit.ref->dates.begin(), unit.ref->dates.end(),
                       [&](const Date& d) { return d.valid && (other & role_bit(d.role)); }))
        return;
    }
    // A unit with more dates than any entry has (a whole list read as one): each left value is
    // held against the values near it (kNear bytes either side), not against every other.
    const bool many = unit.ref->dates.size() > kManyDates;
    auto each_in = [&](Operand operand, unsigned roles, std::size_t lo, std::size_t hi, auto&& f) {
      values_in(unit, as_of, operand, roles, std::max(lo, range_begin), std::min(hi, range_end), f);
    };
    auto each = [&](Operand operand, unsigned roles, auto&& f) {
      each_in(operand, roles, 0, std::string::npos, f);
    };
    // Those the left value is held against: all, or (many) those near it.
    auto each_near = [&](const Value& l, Operand operand, unsigned roles, auto&& f) {
      if (!many || !l.span) return each(operand, roles, f);
      each_in(operand, roles, l.span->begin > kNear ? l.span->begin - kNear : 0,
              l.span->end + kNear, f);
    };
    each(left_kind_, left_roles_, [&](const Value& l) {
      // A left date that one of the `unless` dates repeats is another rule's to judge.
      bool repeated = false;
      if (unless_roles_)
        each_near(l, Operand::roles, unless_roles_, [&](const Value& u) {
          repeated = repeated || (l.span != u.span && compare_values(l, u) == 0);
        });
      if (repeated) return;
      if (holds_any_) {
        // Flagged when there are right dates, and it holds against none of them.
        // The first right date is kept for the message: its text and span copied, since a URL's
        // date lives only while it is visited.
        std::optional<Value> first;
        std::string first_shown;
        Span first_span;
        bool held = false;
        each_near(l, right_kind_, right_roles_, [&](const Value& r) {
          if (l.span == r.span) return;
          if (!first) {
            first = r;
            first_shown = r.shown;
            first->shown = first_shown;
            if (r.span) {
              first_span = *r.span;
              first->span = &first_span;
            }
          }
          held = held || holds(compare(l, r), op_);
        });
        if (first && !held) assert_pair(unit, l, *first, sink);
        return;
      }
      each_near(l, right_kind_, right_roles_, [&](const Value& r) {
        if (l.span != r.span) assert_pair(unit, l, r, sink);
      });
    });
  }

  // Calls f with each value `operand` names in the unit within [lo, hi): the as-of date, or its
  // reference's URL dates or dates (in order of position: the first found by a binary search).
  template <class F>
  void values_in(const Unit& unit, const Value& as_of, Operand operand, unsigned roles,
                 std::size_t lo, std::size_t hi, F&& f) const {
    if (operand == Operand::as_of) {
      f(as_of);
      return;
    }
    const auto starts_before = [lo](const auto& item) { return item.span.begin < lo; };
    if (operand == Operand::url_date) {
      const auto& urls = unit.ref->urls;
      for (auto u = std::partition_point(urls.begin(), urls.end(), starts_before);
           u != urls.end() && u->span.begin < hi; ++u)
        if (u->path_date.year && u->span.end <= hi) {
          const UrlValue v(*u);
          f(v.value);
        }
      return;
    }
    const auto& dates = unit.ref->dates;
    for (auto d = std::partition_point(dates.begin(), dates.end(), starts_before);
         d != dates.end() && d->span.begin < hi; ++d)
      if ((roles & role_bit(d->role)) && d->valid && d->span.end <= hi) f(value_of(*d));
  }

  static constexpr std::size_t kManyDates = 64, kNear = 400;

  static Value value_of(const Date& d) {
    return Value{d.year, d.month, d.day, d.value(), to_string(d.role), &d.span};
  }

  // The date a URL's path gives (Url::path_date), with its canonical text and a span: the
  // date's digits where the URL is written as it is normalised, else the whole URL.
  struct UrlValue {
    Value value;
    char shown[10];
    Span span;
    UrlValue(const Url& u) : span(u.span) {
      const Url::PathDate& d = u.path_date;
      auto put = [&](std::size_t at, int n, int width) {
        for (int i = width - 1; i >= 0; --i, n /= 10)
          shown[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + n % 10);
      };
      put(0, d.year, 4);
      shown[4] = '-';
      put(5, d.month, 2);
      std::size_t size = 7;
      if (d.day) {
        shown[7] = '-';
        put(8, d.day, 2);
        size = 10;
      }
      if (u.as_written == u.normalised) {
        span.begin = u.span.begin + d.begin;
        span.end = u.span.begin + d.end;
      }
      value = Value{d.year, d.month, d.day, std::string_view(shown, size), "url-date", &span};
    }
    UrlValue(const UrlValue&) = delete;  // the value views the text and span held here
  };

  Value as_of(const FindingSink& sink) const {
    const LintOptions& o = sink.options();
    return Value{o.as_of_year, o.as_of_month, o.as_of_day, sink.as_of_text(), "as-of", nullptr};
  }

  std::vector<Value> dates(const Reference& ref, const Span& half, DateRole role) const {
    std::vector<Value> out;
    for (const Date& d : ref.dates)
      if (d.role == role && d.valid && d.span.begin >= half.begin && d.span.end <= half.end)
        out.push_back(value_of(d));
    return out;
  }

  // How two dates compare, two full dates no more than `within` days apart counting as equal.
  int compare(const Value& l, const Value& r) const {
    if (within_days_ > 0 && l.d && r.d && l.m && r.m) {
      const long days = day_number(l.y, l.m, l.d) - day_number(r.y, r.m, r.d);
      if (days >= -within_days_ && days <= within_days_) return 0;
    }
    return compare_values(l, r);
  }

  void assert_pair(const Unit& unit, const Value& l, const Value& r, FindingSink& sink) const {
    if (holds(compare(l, r), op_)) return;
    const Value& at = at_right_ ? r : l;
    if (!at.span && !pattern_.re) return;
    Vars vars = {{"left", std::string(l.shown)},     {"right", std::string(r.shown)},
                 {"left_role", std::string(l.role)}, {"right_role", std::string(r.role)},
                 {"left_what", what(l.role)},        {"right_what", what(r.role)}};
    if (pattern_.re) {
      sink.report(*this, unit, at.text_begin, at.text_end, std::move(vars));
      return;
    }
    // The text of an entry written in markup may not hold the date (a URL's href, a JATS
    // element-citation's year beside the mixed-citation): there the date's source is the unit.
    if (unit.projected) {
      const Unit item = slice_unit(*unit.doc, unit.ref, *at.span);
      sink.report(*this, item, 0, item.text.size(), std::move(vars));
      return;
    }
    // Spans of dates are document positions; map them back into this unit's text.
    const std::size_t base = unit.to_doc(0, false);
    sink.report(*this, unit, at.span->begin - base, at.span->end - base, std::move(vars));
  }

  void check_pattern(const Unit& unit, FindingSink& sink) const {
    const auto& named = pattern_.re->NamedCapturingGroups();
    const Value as_of = this->as_of(sink);
    for_each_match(*pattern_.re, unit.text, [&](std::size_t b, std::size_t e, const auto& groups) {
      auto capture = [&](const std::string& name) -> std::optional<Value> {
        if (name == "as-of") return as_of;
        const auto& g = groups[static_cast<std::size_t>(named.at(name))];
        if (!g.data()) return std::nullopt;
        const std::string_view text(g.data(), g.size());
        const auto parsed = parse_date(text);
        if (!parsed || !parsed->valid) return std::nullopt;
        const std::size_t gb = static_cast<std::size_t>(g.data() - unit.text.data());
        Value v{parsed->year, parsed->month, parsed->day, text, name, nullptr};
        v.text_begin = gb;
        v.text_end = gb + g.size();
        return v;
      };
      const auto l = capture(left_);
      const auto r = capture(right_);
      if (!l || !r) return;
      Value lv = *l, rv = *r;
      if (left_ == "as-of") lv.text_begin = b, lv.text_end = e;
      if (right_ == "as-of") rv.text_begin = b, rv.text_end = e;
      assert_pair(unit, lv, rv, sink);
    });
  }

  std::string left_, right_;
  unsigned left_roles_ = 0, right_roles_ = 0;  // role_mask() of each operand
  Operand left_kind_ = Operand::roles, right_kind_ = Operand::roles;
  Op op_ = Op::equal;
  bool at_right_ = false;
  bool across_halves_ = false;
  bool holds_any_ = false;     // a left date holds against one right date, not each
  int within_days_ = 0;        // full dates this close count as the same day
  unsigned unless_roles_ = 0;  // left dates one of these repeats are not judged
  Pattern pattern_;
};

}  // namespace

std::unique_ptr<Rule> make_compare_rule() { return std::make_unique<CompareRule>(); }

}  // namespace citelint::rules
