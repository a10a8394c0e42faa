// citelint: checks reference lists (URLs, DOIs, dates, formatting) and reports what it finds.
#include <malloc.h>

#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
#ifndef CITELINT_MIMALLOC
  // A run allocates in phases (read, extract, lint, report) that free big blocks the next phase
  // needs again: keep freed memory in the heap instead of returning it to the OS each time.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
  CLI::App app{
      "citelint checks reference lists: it finds every URL, DOI and date in a bibliography,\n"
      "checks access dates and formatting with YAML rules, and reports with exact positions."};
  app.set_version_flag("--version", std::string("citelint ") + CITELINT_VERSION);
  app.require_subcommand(1);
  int exit_code = citelint::cli::kClean;
  citelint::cli::add_check_command(app, exit_code);
  citelint::cli::add_rules_command(app, exit_code);
  citelint::cli::add_text_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : citelint::cli::kUsage;
  }
  return exit_code;
}
