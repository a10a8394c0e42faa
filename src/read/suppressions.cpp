// Suppression comments in the inputs that have comments: `% citelint-disable-next-line RULE`
// (BibTeX, LaTeX), `<!-- citelint-disable RULE -->` ... `<!-- citelint-enable -->` (Markdown,
// HTML, JATS). Each names rules (an id, or its name without the pack) or none for all.
#include <algorithm>
#include <cctype>

#include "citelint/read.hpp"
#include "read/tex.hpp"

namespace citelint {

namespace {

// Whether offset `at` lies in a comment of the document's format.
bool in_comment(const Document& doc, std::size_t at) {
  const std::string_view s = doc.text();
  const std::string& f = doc.format();
  if (f == "bibtex" || f == "latex") return in_tex_comment(s, at);
  if (f == "markdown" || f == "html" || f == "jats") {
    const std::size_t open = s.rfind("<!--", at);
    if (open == std::string_view::npos) return false;
    const std::size_t close = s.find("-->", open);
    return close == std::string_view::npos || close > at;
  }
  return false;
}

// The rule names after a directive, to the end of its line or comment.
std::vector<std::string> rule_names(std::string_view s, std::size_t i) {
  std::vector<std::string> names;
  std::size_t end = s.find('\n', i);
  if (end == std::string_view::npos) end = s.size();
  end = std::min(end, s.find("-->", i));
  std::string name;
  for (std::size_t k = i; k <= end; ++k) {
    const char c = k < end ? s[k] : ' ';
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' ||
        c == '.') {
      name += c;
    } else if (!name.empty()) {
      names.push_back(name);
      name.clear();
    }
  }
  return names;
}

}  // namespace

std::vector<Suppression> find_suppressions(const Document& doc) {
  std::vector<Suppression> out;
  const std::string_view s = doc.text();
  struct Open {
    std::vector<std::string> rules;
    std::size_t begin;
  };
  std::vector<Open> open;  // disable ... enable
  constexpr std::string_view kDisable = "citelint-disable", kEnable = "citelint-enable";
  for (std::size_t at = s.find("citelint-"); at != std::string_view::npos;
       at = s.find("citelint-", at + 9)) {
    if (!in_comment(doc, at)) continue;
    const std::size_t line_end = std::min(s.size(), s.find('\n', at));
    if (s.compare(at, kDisable.size() + 10, "citelint-disable-next-line") == 0) {
      // The next line: from the start of the line after this one to its end.
      const std::size_t next = line_end >= s.size() ? s.size() : line_end + 1;
      std::size_t next_end = s.find('\n', next);
      if (next_end == std::string_view::npos) next_end = s.size();
      out.push_back({rule_names(s, at + 26), next, next_end});
    } else if (s.compare(at, kDisable.size(), kDisable) == 0) {
      open.push_back({rule_names(s, at + kDisable.size()), line_end});
    } else if (s.compare(at, kEnable.size(), kEnable) == 0) {
      const std::vector<std::string> names = rule_names(s, at + kEnable.size());
      // citelint-enable closes every range; citelint-enable RULE the ranges of that rule.
      std::erase_if(open, [&](Open& o) {
        if (!names.empty() && o.rules != names) return false;
        out.push_back({o.rules, o.begin, at});
        return true;
      });
    }
  }
  for (const Open& o : open) out.push_back({o.rules, o.begin, s.size()});
  return out;
}

bool suppresses(const Suppression& s, const Finding& f) {
  if (f.span.begin < s.begin || f.span.begin > s.end) return false;
  if (s.rules.empty()) return true;
  const std::string_view name = std::string_view(f.rule).substr(f.rule.find('/') + 1);
  return std::any_of(s.rules.begin(), s.rules.end(),
                     [&](const std::string& r) { return r == f.rule || r == name; });
}

std::vector<Finding> take_suppressed(const Corpus& corpus, std::vector<Finding>& findings) {
  std::vector<std::vector<Suppression>> by_input;
  bool any = false;
  for (const auto& d : corpus.documents) {
    by_input.push_back(find_suppressions(*d));
    any = any || !by_input.back().empty();
  }
  std::vector<Finding> suppressed;
  if (!any) return suppressed;
  std::erase_if(findings, [&](Finding& f) {
    for (const Suppression& s : by_input[f.span.input])
      if (suppresses(s, f)) {
        suppressed.push_back(std::move(f));
        return true;
      }
    return false;
  });
  return suppressed;
}

}  // namespace citelint
