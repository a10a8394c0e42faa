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
  app.footer(
      "\nExamples:\n"
      "  citelint check refs.bib                  lint, check every link, report as text\n"
      "  citelint check --offline --format sarif -o citelint.sarif paper/refs.bib\n"
      "  citelint check --archive --report html=report.html article.pdf\n"
      "  citelint baseline -o citelint-baseline.json refs.bib\n"
      "  citelint check --baseline citelint-baseline.json refs.bib\n"
      "  citelint text article.pdf                the reference section as citelint reads it\n"
      "  citelint rules explain core/UrlWhitespace\n"
      "\nExit status:\n"
      "  0  no finding at or above --fail-on (default: error)\n"
      "  1  findings at or above --fail-on\n"
      "  2  a usage, input or configuration error (the rest of the input is still checked)\n"
      "  3  the network was unreachable: link results are inconclusive\n"
      "\nFiles:\n"
      "  .citelint.yaml          settings, found in the working directory or above "
      "(docs/config.md)\n"
      "  .citelint-cache.sqlite  the link cache (--cache, --no-cache)\n"
      "\nEnvironment:\n"
      "  NO_COLOR                no colour in text output\n"
      "  CITELINT_PDF_MODULE     the PDF module (citelint-pdf.so) to load, if not beside citelint\n"
      "\nEach subcommand has its own --help. More: docs/cli.md, docs/rules.md.");
  app.require_subcommand(1);
  int exit_code = citelint::cli::kClean;
  citelint::cli::add_check_command(app, exit_code);
  citelint::cli::add_rules_command(app, exit_code);
  citelint::cli::add_text_command(app, exit_code);
  citelint::cli::add_generate_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : citelint::cli::kUsage;
  }
  return exit_code;
}
