// Builds a Corpus from text in memory, as the CLI does from files.
#pragma once

#include <string>

#include "citelint/read.hpp"
#include "citelint/rules.hpp"

namespace citelint::test {

inline Corpus corpus_from(const std::string& text, const std::string& path = "refs.txt") {
  Corpus corpus;
  std::vector<Diagnostic> ignored;
  corpus.documents.push_back(make_document(0, path, text, ignored));
  corpus.references = read_references(*corpus.documents.back(), ignored);
  return corpus;
}

inline const RuleSet& core_rules() {
  static const RuleSet rules = [] {
    std::vector<Diagnostic> diagnostics;
    RuleSet set = RuleSet::load(shipped_rule_files(), diagnostics);
    if (!diagnostics.empty()) throw std::runtime_error(format_diagnostic(diagnostics.front()));
    return set;
  }();
  return rules;
}

}  // namespace citelint::test
