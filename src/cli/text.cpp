// `citelint text FILE...`: the text citelint reads from each input, line by line with where
// each line is. For a PDF or a DOCX that is its body, then its reference section as laid out; for
// HTML and JATS, each entry's text as the rules about writing read it (tags gone, entities
// decoded): what to look at when a finding's text or position is not what the page shows.
#include <iostream>
#include <memory>

#include "citelint/read.hpp"
#include "cli/commands.hpp"

namespace citelint::cli {

namespace {

int print_text(const std::vector<std::string>& files, const std::string& format) {
  int exit = kClean;
  for (const std::string& path : files) {
    std::vector<Diagnostic> problems;
    const std::unique_ptr<Document> loaded = load_document(0, path, format, problems);
    // Markup: the entries written as text (HTML, JATS mixed-citation), where each begins.
    std::vector<Reference> refs;
    if (loaded && loaded->structured()) refs = read_references(*loaded, problems);
    print_diagnostics(problems);
    if (!problems.empty()) exit = kUsage;
    if (!loaded) continue;
    const Document& doc = *loaded;
    std::cout << "# " << doc.path() << " (" << doc.format() << ")\n";
    if (doc.structured()) {
      for (const Reference& ref : refs)
        if (const Document::EntryText* written = doc.entry_text(ref.span.begin))
          std::cout << doc.where(ref.span.line, ref.span.column) << " | " << written->text << '\n';
      continue;
    }
    for (int l = 1; l <= static_cast<int>(doc.line_count()); ++l) {
      std::string where = doc.where(l, 1);
      where.resize(where.size() - 2);  // the column
      std::cout << where << (doc.wrapped_before(l) ? " + " : " | ") << doc.line_text(l) << '\n';
    }
  }
  return exit;
}

}  // namespace

void add_text_command(CLI::App& app, int& exit_code) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("text", "Print the text citelint reads from each input.");
  cmd->footer(
      "\nEach line with its place: page and line of a PDF, paragraph of a DOCX, the line of a\n"
      "text file. For a PDF or a DOCX that is its body (whose citations are read), then its\n"
      "reference section as laid out; '+' after the place marks a line joined to the one above\n"
      "(a URL wrapped at the end of a line), '|' any other. For HTML and JATS, each entry as the "
      "rules about writing read it: tags gone,\n"
      "entities decoded, with the line and column where it begins. What to look at when a\n"
      "finding's text or place is not what the page shows.\n"
      "\nExample:\n"
      "  citelint text article.pdf");
  cmd->add_option("files", *files, "Inputs, as for check")->required();
  cmd->add_option("--input-format", *format, "Read every input as this format")
      ->type_name("FORMAT");
  cmd->callback([files, format, &exit_code] { exit_code = print_text(*files, *format); });
}

}  // namespace citelint::cli
