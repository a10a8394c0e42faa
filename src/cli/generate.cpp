// `citelint generate man|bash|zsh|fish`: the manual page and the shell completions, made from
// the command line's own definition (its subcommands, options, help and footers), so they can
// not drift from it. The build writes them (CMakeLists.txt) and `cmake --install` installs them.
#include <fstream>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/options.hpp"

namespace citelint::cli {

namespace {

// A command's words: its visible subcommands, in order.
std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); });
}

std::vector<const CLI::Option*> options_of(const CLI::App& app) {
  return app.get_options([](const CLI::Option* o) { return o->nonpositional(); });
}

// Every name of an option: -o, --output.
std::vector<std::string> names_of(const CLI::Option& o) {
  std::vector<std::string> out;
  for (const std::string& s : o.get_snames()) out.push_back("-" + s);
  for (const std::string& l : o.get_lnames()) out.push_back("--" + l);
  return out;
}

bool takes_value(const CLI::Option& o) { return o.get_expected_min() > 0; }

// Whether an option's value is a path (FILE, PATH, PEM), to complete with file names.
bool takes_path(const CLI::Option& o) {
  const std::string t = o.get_type_name();
  return t == "FILE" || t == "PATH" || t == "PEM";
}

std::vector<std::string> choices_of(const CLI::Option& o) {
  return o.get_lnames().empty() ? std::vector<std::string>{}
                                : option_choices("--" + o.get_lnames().front());
}

// roff: backslashes and hyphens escaped, a leading dot or quote kept from being a request.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  std::string lines;
  std::size_t start = 0;
  while (start <= out.size()) {
    std::size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    std::string line = out.substr(start, nl - start);
    if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
    lines += line + (nl < out.size() ? "\n" : "");
    start = nl + 1;
  }
  return lines;
}

// A footer's paragraphs: "Examples:" and the lines under it make a section of that title;
// lines before any heading are the command's own text.
std::vector<std::pair<std::string, std::string>> footer_sections(const std::string& footer) {
  std::vector<std::pair<std::string, std::string>> out = {{"", ""}};
  std::size_t start = 0;
  while (start < footer.size()) {
    std::size_t nl = footer.find('\n', start);
    if (nl == std::string::npos) nl = footer.size();
    const std::string line = footer.substr(start, nl - start);
    start = nl + 1;
    if (!line.empty() && line.back() == ':' && line[0] != ' ') {
      out.emplace_back(line.substr(0, line.size() - 1), "");
    } else if (!line.empty() || !out.back().second.empty()) {
      out.back().second += line + "\n";
    }
  }
  return out;
}

void man_options(std::ostream& out, const CLI::App& cmd) {
  for (const CLI::Option* o : options_of(cmd)) {
    std::string names;
    for (const std::string& n : names_of(*o))
      names += (names.empty() ? "" : ", ") + ("\\fB" + roff(n) + "\\fR");
    if (takes_value(*o)) names += " \\fI" + roff(o->get_type_name()) + "\\fR";
    out << ".TP\n" << names << "\n" << roff(o->get_description());
    if (!o->get_default_str().empty()) out << " (default: " << roff(o->get_default_str()) << ")";
    out << "\n";
  }
}

// A command, its options and its own footer (CLI11 hands a parent's footer down: not again).
void man_command(std::ostream& out, const CLI::App& cmd, const std::string& prefix,
                 const std::string& parent_footer) {
  const std::string name = prefix + cmd.get_name();
  out << ".SS \"" << roff(name) << "\"\n" << roff(cmd.get_description()) << "\n";
  man_options(out, cmd);
  const std::string footer = cmd.get_footer() == parent_footer ? "" : cmd.get_footer();
  for (const auto& [title, text] : footer_sections(footer)) {
    if (text.empty()) continue;
    out << ".PP\n"
        << (title.empty() ? "" : "\\fB" + roff(title) + ":\\fR\n") << ".nf\n"
        << roff(text) << ".fi\n";
  }
  for (const CLI::App* sub : commands_of(cmd)) man_command(out, *sub, name + " ", cmd.get_footer());
}

void write_man(std::ostream& out, const CLI::App& app) {
  out << ".TH CITELINT 1 \"\" \"citelint " << CITELINT_VERSION << "\" \"User Commands\"\n"
      << ".SH NAME\ncitelint \\- check reference lists: links, identifiers, dates and form\n"
      << ".SH SYNOPSIS\n";
  for (const CLI::App* c : commands_of(app))
    out << "\\fBcitelint " << roff(c->get_name()) << "\\fR [\\fIOPTIONS\\fR] "
        << (c->get_name() == "rules" ? "list | explain \\fIID\\fR | test [\\fIPATH\\fR]"
                                     : "\\fIFILE\\fR ...")
        << "\n.br\n";
  out << ".B citelint \\-\\-version\n.SH DESCRIPTION\n" << roff(app.get_description()) << "\n";
  out << ".SH COMMANDS\n";
  for (const CLI::App* c : commands_of(app)) man_command(out, *c, "citelint ", app.get_footer());
  for (const auto& [title, text] : footer_sections(app.get_footer())) {
    if (text.empty() || title.empty()) continue;
    std::string upper = title;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    out << ".SH " << roff(upper) << "\n.nf\n" << roff(text) << ".fi\n";
  }
  out << ".SH SEE ALSO\nThe documentation in /usr/share/doc/citelint and docs/ of the source.\n";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// bash: the word after citelint picks the command (and after rules, its subcommand); then its
// options, an option's choices after it, or files.
void write_bash(std::ostream& out, const CLI::App& app) {
  std::vector<std::string> top;
  for (const CLI::App* c : commands_of(app)) top.push_back(c->get_name());
  out << "# bash completion for citelint (citelint generate bash)\n"
      << "_citelint() {\n  local cur prev words cword\n  _init_completion || return\n"
      << "  local cmd=\"${words[1]}\" sub=\"${words[2]}\"\n"
      << "  if [[ $cword -eq 1 ]]; then\n    COMPREPLY=($(compgen -W \"" << joined(top)
      << " --version --help\" -- \"$cur\"))\n    return\n  fi\n  case \"$cmd\" in\n";
  for (const CLI::App* c : commands_of(app)) {
    std::vector<std::string> opts, subs;
    for (const CLI::Option* o : options_of(*c))
      for (const std::string& n : names_of(*o)) opts.push_back(n);
    for (const CLI::App* s : commands_of(*c)) subs.push_back(s->get_name());
    out << "    " << c->get_name() << ")\n      case \"$prev\" in\n";
    for (const CLI::Option* o : options_of(*c)) {
      if (!takes_value(*o)) continue;
      const std::vector<std::string> choices = choices_of(*o);
      std::string pattern;
      for (const std::string& n : names_of(*o)) pattern += (pattern.empty() ? "" : "|") + n;
      out << "        " << pattern << ")\n";
      if (choices.empty()) {
        out << (takes_path(*o) ? "          _filedir\n" : "") << "          return ;;\n";
      } else {
        out << "          COMPREPLY=($(compgen -W \"" << joined(choices)
            << "\" -- \"$cur\"))\n          return ;;\n";
      }
    }
    out << "      esac\n";
    if (!subs.empty())
      out << "      if [[ $cword -eq 2 ]]; then\n        COMPREPLY=($(compgen -W \"" << joined(subs)
          << "\" -- \"$cur\"))\n        return\n      fi\n";
    out << "      if [[ $cur == -* ]]; then\n        COMPREPLY=($(compgen -W \"" << joined(opts)
        << "\" -- \"$cur\"))\n      else\n        _filedir\n      fi ;;\n";
  }
  out << "  esac\n}\ncomplete -F _citelint citelint\n";
}

// zsh: _arguments for each command, its options described, choices offered, files otherwise.
void write_zsh(std::ostream& out, const CLI::App& app) {
  auto quoted = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c == '\'') {
        out += "'\\''";
      } else if (c == '[' || c == ']' || c == ':') {
        out += '\\';
        out += c;
      } else {
        out += c;
      }
    }
    return out;
  };
  out << "#compdef citelint\n# zsh completion for citelint (citelint generate zsh)\n\n";
  for (const CLI::App* c : commands_of(app)) {
    out << "_citelint_" << c->get_name() << "() {\n  _arguments -s \\\n";
    for (const CLI::Option* o : options_of(*c)) {
      const std::vector<std::string> names = names_of(*o);
      const std::vector<std::string> choices = choices_of(*o);
      std::string spec = names.size() > 1 ? "{" : "";
      for (std::size_t k = 0; k < names.size(); ++k) spec += (k ? "," : "") + names[k];
      if (names.size() > 1) spec += "}";
      spec += "'[" + quoted(o->get_description()) + "]";
      if (takes_value(*o))
        spec += ":" + quoted(o->get_type_name()) + ":" +
                (!choices.empty() ? "(" + joined(choices) + ")"
                 : takes_path(*o) ? "_files"
                                  : " ");
      out << "    " << spec << "' \\\n";
    }
    std::vector<std::string> subs;
    for (const CLI::App* s : commands_of(*c))
      subs.push_back(s->get_name() + "\\:\"" + quoted(s->get_description()) + "\"");
    if (subs.empty()) {
      out << "    '*:file:_files'\n}\n\n";
    } else {
      out << "    '1:command:((" << joined(subs) << "))' \\\n    '*:file:_files'\n}\n\n";
    }
  }
  out << "_citelint() {\n  local -a commands\n  commands=(\n";
  for (const CLI::App* c : commands_of(app))
    out << "    '" << c->get_name() << ":" << quoted(c->get_description()) << "'\n";
  out << "  )\n  if (( CURRENT == 2 )); then\n    _describe command commands\n  else\n"
      << "    shift words\n    (( CURRENT-- ))\n    local fn=_citelint_$words[1]\n"
      << "    (( $+functions[$fn] )) && $fn\n  fi\n}\n\n_citelint \"$@\"\n";
}

// fish: one `complete` line per command and option, each limited to its command.
void write_fish(std::ostream& out, const CLI::App& app) {
  auto quoted = [](const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("\\'") : std::string(1, c);
    return out + "'";
  };
  out << "# fish completion for citelint (citelint generate fish)\ncomplete -c citelint -f\n";
  for (const CLI::App* c : commands_of(app)) {
    out << "complete -c citelint -n __fish_use_subcommand -a " << c->get_name() << " -d "
        << quoted(c->get_description()) << "\n";
    const std::string when = "'__fish_seen_subcommand_from " + c->get_name() + "'";
    for (const CLI::App* s : commands_of(*c))
      out << "complete -c citelint -n " << when << " -a " << s->get_name() << " -d "
          << quoted(s->get_description()) << "\n";
    for (const CLI::Option* o : options_of(*c)) {
      out << "complete -c citelint -n " << when;
      for (const std::string& s : o->get_snames()) out << " -s " << s;
      for (const std::string& l : o->get_lnames()) out << " -l " << l;
      const std::vector<std::string> choices = choices_of(*o);
      if (!choices.empty()) {
        out << " -x -a " << quoted(joined(choices));
      } else if (takes_value(*o)) {
        out << (takes_path(*o) ? " -r -F" : " -x");
      }
      out << " -d " << quoted(o->get_description()) << "\n";
    }
    if (c->get_name() != "rules") out << "complete -c citelint -n " << when << " -F\n";
  }
}

}  // namespace

void add_generate_command(CLI::App& app, int& exit_code) {
  auto what = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("generate", "Write the manual page or a shell completion");
  cmd->group("");  // for packagers, not in the help
  cmd->add_option("what", *what, "man, bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember({"man", "bash", "zsh", "fish"}));
  cmd->add_option("-o,--output", *output, "Write it to this file instead of stdout");
  cmd->callback([&app, what, output, &exit_code] {
    std::ofstream file;
    if (!output->empty()) {
      file.open(*output, std::ios::binary);
      if (!file) {
        exit_code = fail("cannot write " + *output);
        return;
      }
    }
    std::ostream& out = output->empty() ? std::cout : file;
    const std::map<std::string, void (*)(std::ostream&, const CLI::App&)> writers = {
        {"man", write_man}, {"bash", write_bash}, {"zsh", write_zsh}, {"fish", write_fish}};
    writers.at (*what)(out, app);
    out.flush();
    exit_code = out ? kClean : fail("cannot write " + *output);
  });
}

}  // namespace citelint::cli
