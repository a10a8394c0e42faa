// How the commands speak on standard error: diagnostics as file:line:col: error: ..., and
// citelint's own words (commands.hpp).
#include <iostream>

#include "cli/commands.hpp"

namespace citelint::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) std::cerr << format_diagnostic(d) << '\n';
}

void warn(std::string_view message) { std::cerr << "citelint: warning: " << message << '\n'; }

int fail(std::string_view message) {
  std::cerr << "citelint: " << message << '\n';
  return kUsage;
}

void say(std::string_view message) { std::cerr << "citelint: " << message << '\n'; }

}  // namespace citelint::cli
