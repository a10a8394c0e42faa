// The forms of arXiv ids, PMIDs and PMCIDs: arXiv's two numbering schemes (its "Understanding
// the arXiv identifier" page), PubMed's ids of one to eight digits, PubMed Central's "PMC" and
// digits.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>

#include "ids/checks.hpp"

namespace citelint::ids {

namespace {

bool digits_only(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

// 'text' and what follows (appended: GCC 12 warns falsely on "'" + std::string, bug 105329).
std::string quoted(std::string_view text, std::string_view then) {
  std::string out = "'";
  out.append(text).append("'").append(then);
  return out;
}

int two_digits(std::string_view s, std::size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

// The archives of arXiv's first scheme (archive/YYMMNNN, 1991 to March 2007).
constexpr std::string_view kOldArchives[] = {
    "acc-phys", "adap-org", "alg-geom", "ao-sci",   "astro-ph", "atom-ph",  "bayes-an",
    "chao-dyn", "chem-ph",  "cmp-lg",   "comp-gas", "cond-mat", "cs",       "dg-ga",
    "funct-an", "gr-qc",    "hep-ex",   "hep-lat",  "hep-ph",   "hep-th",   "math",
    "math-ph",  "mtrl-th",  "nlin",     "nucl-ex",  "nucl-th",  "patt-sol", "physics",
    "plasm-ph", "q-alg",    "q-bio",    "quant-ph", "solv-int", "supr-con"};

// "v2" after an id: a version, from 1.
std::optional<Wrong> check_version(std::string_view v) {
  if (v.empty()) return std::nullopt;
  if (v.size() < 2 || v[0] != 'v' || !digits_only(v.substr(1)) || v[1] == '0')
    return Wrong{Kind::id_form, quoted(v, " is no version (v1, v2, ...)")};
  return std::nullopt;
}

std::optional<Wrong> bad_month(int month) {
  if (month >= 1 && month <= 12) return std::nullopt;
  return Wrong{Kind::id_form, "its month, " + std::to_string(month) + ", does not exist (YYMM)"};
}

// YYMM.NNNNN (since January 2015) or YYMM.NNNN (April 2007 to December 2014), then a version.
std::optional<Wrong> check_new_arxiv(std::string_view id) {
  const std::size_t dot = id.find('.');
  std::size_t end = dot + 1;
  while (end < id.size() && std::isdigit(static_cast<unsigned char>(id[end]))) ++end;
  const std::string_view yymm = id.substr(0, dot), number = id.substr(dot + 1, end - dot - 1);
  if (yymm.size() != 4 || !digits_only(yymm) || number.empty())
    return Wrong{Kind::id_form,
                 "it is of neither arXiv scheme: YYMM.NNNNN (2101.00001) or archive/YYMMNNN "
                 "(hep-th/9901001)"};
  if (auto wrong = bad_month(two_digits(yymm, 2))) return wrong;
  const int when = two_digits(yymm, 0) * 100 + two_digits(yymm, 2);
  if (when < 704)
    return Wrong{Kind::id_form,
                 "ids of the form YYMM.NNNN began in April 2007 (0704); older "
                 "ones are archive/YYMMNNN (hep-th/9901001)"};
  const std::size_t wanted = when >= 1501 ? 5 : 4;
  if (number.size() != wanted)
    return Wrong{Kind::id_form,
                 "its number after the dot has " + std::to_string(number.size()) +
                     " digits; ids of " + std::string(yymm) + " have " + std::to_string(wanted) +
                     (wanted == 5 ? " (since January 2015)" : " (until December 2014)")};
  return check_version(id.substr(end));
}

// archive(.SC)/YYMMNNN, 1991 to March 2007, then a version.
std::optional<Wrong> check_old_arxiv(std::string_view id) {
  const std::size_t slash = id.find('/');
  std::string_view archive = id.substr(0, slash);
  if (const std::size_t dot = archive.find('.'); dot != std::string_view::npos)
    archive = archive.substr(0, dot);  // math.GT: the subject class
  std::string lower(archive);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (std::find(std::begin(kOldArchives), std::end(kOldArchives), lower) == std::end(kOldArchives))
    return Wrong{Kind::id_form, quoted(archive, " is not one of arXiv's archives")};
  std::size_t end = slash + 1;
  while (end < id.size() && std::isdigit(static_cast<unsigned char>(id[end]))) ++end;
  const std::string_view number = id.substr(slash + 1, end - slash - 1);
  if (number.size() != 7)
    return Wrong{Kind::id_form, "its number has " + std::to_string(number.size()) +
                                    " digits; an id of the old scheme has 7 (YYMMNNN)"};
  if (auto wrong = bad_month(two_digits(number, 2))) return wrong;
  const int year = two_digits(number, 0);
  if ((year > 7 && year < 91) || (year == 7 && two_digits(number, 2) > 3))
    return Wrong{Kind::id_form, "the old scheme ran from 1991 to March 2007 (0703)"};
  return check_version(id.substr(end));
}

std::optional<Wrong> too_long(std::string_view digits, std::size_t most, std::string_view what) {
  if (digits.size() <= most) return std::nullopt;
  return Wrong{Kind::id_form, "it has " + std::to_string(digits.size()) + " digits; " +
                                  std::string(what) + " has at most " + std::to_string(most)};
}

}  // namespace

std::optional<Wrong> check_arxiv(std::string_view id) {
  if (id.size() > 6 && (id.compare(0, 6, "arXiv:") == 0 || id.compare(0, 6, "arxiv:") == 0))
    id.remove_prefix(6);  // "arXiv:arXiv:..."
  if (id.find('/') != std::string_view::npos) return check_old_arxiv(id);
  if (id.find('.') != std::string_view::npos) return check_new_arxiv(id);
  return Wrong{Kind::id_form,
               "it is of neither arXiv scheme: YYMM.NNNNN (2101.00001) or archive/YYMMNNN "
               "(hep-th/9901001)"};
}

std::optional<Wrong> check_pmid(std::string_view digits) {
  if (digits.front() == '0') return Wrong{Kind::id_form, "a PMID does not start with 0"};
  return too_long(digits, 8, "a PMID");
}

std::optional<Wrong> check_pmcid(std::string_view value, bool written_with_prefix) {
  const std::string_view digits = value.substr(3);
  if (auto wrong = too_long(digits, 8, "a PMCID's number")) return wrong;
  if (!written_with_prefix)
    return Wrong{Kind::id_form, "a PMCID is written with \"PMC\" before its digits"};
  return std::nullopt;
}

}  // namespace citelint::ids
