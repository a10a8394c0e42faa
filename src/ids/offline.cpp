// The identifiers stage's offline part: each identifier's letters that OCR put for digits, then
// its scheme's check (check_digits.cpp, forms.cpp), as findings at the identifier.
#include <algorithm>

#include "citelint/ids.hpp"
#include "ids/checks.hpp"

namespace citelint {

namespace {

// OCR's letter for a digit: O and o for 0, l and I for 1; 0 when c is none.
char digit_for(char c) {
  switch (c) {
    case 'O':
    case 'o':
      return '0';
    case 'l':
    case 'I':
      return '1';
    default:
      return 0;
  }
}

std::optional<ids::Wrong> check_value(IdScheme scheme, std::string_view value,
                                      std::string_view written) {
  switch (scheme) {
    case IdScheme::isbn:
      return ids::check_isbn(value);
    case IdScheme::issn:
      return ids::check_issn(value);
    case IdScheme::arxiv:
      return ids::check_arxiv(value);
    case IdScheme::pmid:
      return ids::check_pmid(value);
    case IdScheme::pmcid:
      return ids::check_pmcid(value, written.compare(0, 3, "PMC") == 0);
  }
  return std::nullopt;
}

}  // namespace

std::string_view id_scheme_name(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::isbn:
      return "ISBN";
    case IdScheme::issn:
      return "ISSN";
    case IdScheme::arxiv:
      return "arXiv id";
    case IdScheme::pmid:
      return "PMID";
    case IdScheme::pmcid:
      return "PMCID";
  }
  return "identifier";
}

std::optional<IdProblem> check_identifier(const Identifier& id) {
  // Most identifiers are sound and have no OCR letters: checked as they are, no text made.
  const bool letters_in = id.scheme != IdScheme::arxiv &&
                          std::any_of(id.value.begin() + (id.scheme == IdScheme::pmcid ? 3 : 0),
                                      id.value.end(), [](char c) { return digit_for(c) != 0; });
  if (!letters_in && !check_value(id.scheme, id.value, id.as_written)) return std::nullopt;
  const std::string head =
      std::string(id_scheme_name(id.scheme)) + " '" + std::string(id.as_written) + "': ";
  // Numbers only (an arXiv id has letters of its own); "PMC" is not OCR's.
  std::string value = id.value, written(id.as_written), letters;
  if (id.scheme != IdScheme::arxiv) {
    const std::size_t from = id.scheme == IdScheme::pmcid ? 3 : 0;
    for (std::size_t i = from; i < value.size(); ++i)
      if (const char d = digit_for(value[i])) {
        if (letters.find(value[i]) == std::string::npos) letters += value[i];
        value[i] = d;
      }
    const std::size_t written_from = written.compare(0, 3, "PMC") == 0 ? 3 : 0;
    for (std::size_t i = written_from; i < written.size(); ++i)
      if (const char d = digit_for(written[i])) written[i] = d;
  }
  const std::optional<ids::Wrong> wrong = check_value(id.scheme, value, id.as_written);
  if (!letters.empty()) {
    IdProblem p;
    p.kind = Kind::id_form;
    p.message = head + (letters.size() == 1 ? "the letter '" : "the letters '") + letters +
                "' stand" + (letters.size() == 1 ? "s" : "") +
                " where digits go (OCR damage): it reads as " + written;
    if (wrong)
      p.message += ", and then " + wrong->what;
    else
      p.fix = written;
    return p;
  }
  if (!wrong) return std::nullopt;
  IdProblem p{wrong->kind, head + wrong->what, {}};
  if (id.scheme == IdScheme::pmcid && wrong->kind == Kind::id_form &&
      id.as_written.compare(0, 3, "PMC") != 0 && !ids::check_pmcid(value, true))
    p.fix = value;  // "PMC" put back
  return p;
}

std::vector<Finding> identifier_findings(const Corpus& corpus) {
  std::vector<Finding> out;
  for (const Reference& ref : corpus.references)
    for (const Identifier& id : ref.ids) {
      std::optional<IdProblem> problem = check_identifier(id);
      if (!problem) continue;
      Finding f = kind_finding(ref, id.span, problem->kind, std::move(problem->message));
      if (!problem->fix.empty()) f.fix = Fix{std::move(problem->fix), false};
      out.push_back(std::move(f));
    }
  return out;
}

}  // namespace citelint
