// LaTeX: \cite and its kin (natbib's \citep, \citet, \citealp; biblatex's \parencite,
// \textcite, \autocite, \footcite, \smartcite, \supercite, the multicite \cites), starred,
// with optional arguments; \nocite and \nocite{*}. The files a paper names: \bibliography{a,b}
// (a.bib, b.bib; else the paper's own .bbl), \addbibresource{refs.bib}, \input and \include.
// Comments are skipped.
#include <re2/re2.h>

#include <filesystem>

#include "cite/scan.hpp"

namespace citelint::cite {

namespace {

// Where a % comment starts on the line of `at` (not an escaped \%), or npos.
bool commented(std::string_view text, std::size_t at) {
  const std::size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
  for (std::size_t i = line == std::string_view::npos ? 0 : line + 1; i < at; ++i)
    if (text[i] == '%' && (i == 0 || text[i - 1] != '\\')) return true;
  return false;
}

// A command's name and where its arguments start: \citep*[see][p. 3]{a,b}.
const RE2& cite_re() {
  static const RE2 re(R"(\\([A-Za-z]*[Cc]ite[a-z]*|[Cc]ites|[Pp]arencites|[Tt]extcites)\*?)");
  return re;
}

bool citing_command(std::string_view name) {
  return name != "citestyle" && name != "citeindexfalse" && name != "citeindextrue" &&
         name != "citereset" && name != "citesetup" &&
         (name.find("cite") != std::string_view::npos ||
          name.find("Cite") != std::string_view::npos);
}

// Skips white space and optional arguments ([...], biblatex's (...) for multicites).
std::size_t past_options(std::string_view t, std::size_t i) {
  for (;;) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) ++i;
    if (i >= t.size() || (t[i] != '[' && t[i] != '(')) return i;
    const char close = t[i] == '[' ? ']' : ')';
    const std::size_t e = t.find(close, i);
    if (e == std::string_view::npos) return t.size();
    i = e + 1;
  }
}

// The keys of one {a, b} argument at i: a key citation each (or every entry for *).
std::size_t keys_at(const Document& doc, std::size_t i, bool silent, std::uint32_t group,
                    std::vector<Citation>& out) {
  const std::string_view t(doc.text());
  const std::size_t close = t.find('}', i);
  if (close == std::string_view::npos) return t.size();
  for (std::size_t b = i + 1; b < close;) {
    std::size_t e = t.find(',', b);
    if (e == std::string_view::npos || e > close) e = close;
    std::size_t kb = b, ke = e;
    while (kb < ke && std::isspace(static_cast<unsigned char>(t[kb]))) ++kb;
    while (ke > kb && std::isspace(static_cast<unsigned char>(t[ke - 1]))) --ke;
    if (ke > kb) {
      Citation c = key_citation(doc, std::string(t.substr(kb, ke - kb)), kb, ke, group);
      c.silent = silent;
      c.all = silent && c.key == "*";
      out.push_back(std::move(c));
    }
    b = e + 1;
  }
  return close + 1;
}

}  // namespace

std::vector<Citation> scan_latex(const Document& doc, std::span<const Reference>,
                                 std::vector<Diagnostic>&) {
  std::vector<Citation> out;
  const std::string_view t(doc.text());
  re2::StringPiece rest(t.data(), t.size()), name;
  std::uint32_t group = 0;
  while (RE2::FindAndConsume(&rest, cite_re(), &name)) {
    const std::size_t cmd = static_cast<std::size_t>(name.data() - t.data()) - 1;
    const std::string_view n(name.data(), name.size());
    if (!citing_command(n) || commented(t, cmd)) continue;
    const bool silent = n == "nocite";
    const bool multi = n.size() >= 5 && n.substr(n.size() - 5) == "cites";
    ++group;
    std::size_t i = past_options(t, static_cast<std::size_t>(rest.data() - t.data()));
    do {
      if (i >= t.size() || t[i] != '{') break;
      i = keys_at(doc, i, silent, group, out);
      if (multi) i = past_options(t, i);
    } while (multi);
    rest = re2::StringPiece(t.data() + std::min(i, t.size()), t.size() - std::min(i, t.size()));
  }
  return out;
}

namespace {

// The argument of \name{...} (or "\input file"), each with where it is.
std::vector<std::pair<std::string, std::size_t>> arguments(std::string_view t, const RE2& command) {
  std::vector<std::pair<std::string, std::size_t>> out;
  re2::StringPiece rest(t.data(), t.size()), arg;
  while (RE2::FindAndConsume(&rest, command, &arg)) {
    const std::size_t at = static_cast<std::size_t>(arg.data() - t.data());
    if (!commented(t, at)) out.emplace_back(std::string(arg.data(), arg.size()), at);
  }
  return out;
}

std::string with_extension(std::string name, std::string_view ext) {
  if (std::filesystem::path(name).extension().empty()) name += ext;
  return name;
}

}  // namespace

std::vector<Companion> latex_companions(const Document& doc, const std::string& root) {
  const std::string_view t(doc.text());
  std::vector<Companion> out;
  const std::filesystem::path dir(root);
  static const RE2 bibliography(R"(\\bibliography\s*\{([^}]*)\})");
  static const RE2 resource(
      R"(\\add(?:bibresource|globalbib|sectionbib)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\})");
  static const RE2 input(R"(\\(?:input|include|subfile)\s*(?:\{([^}]*)\}|([A-Za-z0-9_./\-]+)))");
  // The paper's own .bbl, where a .bib named is not there (a submission's sources).
  const std::string bbl = std::filesystem::path(doc.path()).replace_extension(".bbl").string();
  for (const auto& [arg, at] : arguments(t, bibliography))
    for (std::size_t b = 0; b <= arg.size();) {
      std::size_t e = arg.find(',', b);
      if (e == std::string::npos) e = arg.size();
      std::string name(arg.substr(b, e - b));
      name.erase(0, name.find_first_not_of(" \n\t"));
      name.erase(name.find_last_not_of(" \n\t") + 1);
      if (!name.empty())
        out.push_back({(dir / with_extension(name, ".bib")).string(),
                       false,
                       {bbl},
                       doc.span(at + b, at + e),
                       {}});
      b = e + 1;
    }
  for (const auto& [arg, at] : arguments(t, resource))
    out.push_back({(dir / arg).string(), false, {bbl}, doc.span(at, at + arg.size()), {}});
  re2::StringPiece rest(t.data(), t.size()), braced, bare;
  while (RE2::FindAndConsume(&rest, input, &braced, &bare)) {
    const re2::StringPiece& arg = braced.data() ? braced : bare;
    const std::size_t at = static_cast<std::size_t>(arg.data() - t.data());
    if (commented(t, at) || arg.empty()) continue;
    const std::string name(arg.data(), arg.size());
    out.push_back({(dir / with_extension(name, ".tex")).string(),
                   true,
                   {},
                   doc.span(at, at + arg.size()),
                   {}});
  }
  // The import package: \import{folder/}{file} from the main file's folder, \subimport from
  // this file's.
  static const RE2 import(R"(\\(sub)?import\*?\s*\{([^}]*)\}\s*\{([^}]*)\})");
  re2::StringPiece from_here, folder, file;
  rest = re2::StringPiece(t.data(), t.size());
  while (RE2::FindAndConsume(&rest, import, &from_here, &folder, &file)) {
    const std::size_t at = static_cast<std::size_t>(file.data() - t.data());
    if (commented(t, at) || file.empty()) continue;
    const std::filesystem::path base =
        from_here.empty() ? dir : std::filesystem::path(doc.path()).parent_path();
    const std::string name =
        std::string(folder.data(), folder.size()) + std::string(file.data(), file.size());
    out.push_back({(base / with_extension(name, ".tex")).string(),
                   true,
                   {},
                   doc.span(at, at + file.size()),
                   {}});
  }
  return out;
}

}  // namespace citelint::cite
