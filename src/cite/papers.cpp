// The papers of a run: each input whose body cites, with the files it names (a .tex's .bib and
// \input files, a Markdown file's bibliography), loaded once however often they are named.
#include <filesystem>
#include <system_error>

#include "citelint/cite.hpp"

namespace citelint {

namespace {

std::string canonical(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

struct Gatherer {
  Corpus& corpus;
  const PaperLoader& load;
  std::vector<Diagnostic>& diagnostics;

  std::optional<std::uint32_t> loaded(const std::string& path) const {
    const std::string want = canonical(path);
    for (const auto& d : corpus.documents)
      if (d->path() != "-" && canonical(d->path()) == want)
        return static_cast<std::uint32_t>(d->id());
    return std::nullopt;
  }

  void companions(std::uint32_t d, const std::string& root, Paper& paper, int depth) {
    const CiteFormat* format = find_cite_format(corpus.documents[d]->format());
    if (!format || !format->companions || depth > 16) return;
    for (const Companion& c : format->companions(*corpus.documents[d], root)) {
      if (!c.unread.empty()) {
        paper.list_complete = false;
        paper.notes.push_back(corpus.documents[d]->path() + ":" + std::to_string(c.span.line) +
                              ":" + std::to_string(c.span.column) + ": " + c.unread +
                              ": what its citations cite is not checked against it");
        continue;
      }
      std::optional<std::uint32_t> got;
      std::string tried;
      for (std::size_t k = 0; k <= c.fallbacks.size() && !got; ++k) {
        const std::string& path = k == 0 ? c.path : c.fallbacks[k - 1];
        tried += (tried.empty() ? "" : ", ") + path;
        got = loaded(path);
        std::error_code ec;
        if (!got && std::filesystem::is_regular_file(path, ec)) got = load(path);
      }
      auto& into = c.body ? paper.bodies : paper.lists;
      if (!got) {
        const Document& doc = *corpus.documents[d];
        diagnostics.push_back({doc.path(), c.span.line, c.span.column,
                               (c.body ? "the file it inputs cannot be read (" + tried + ")"
                                       : "the bibliography it names cannot be read (" + tried +
                                             "): what its citations cite is not checked")});
        if (!c.body) paper.list_complete = false;
        continue;
      }
      if (std::find(into.begin(), into.end(), *got) != into.end()) continue;
      into.push_back(*got);
      if (c.body) {
        paper.lists.push_back(*got);  // an \input file may hold the thebibliography
        companions(*got, root, paper, depth + 1);
      }
    }
  }
};

}  // namespace

std::vector<Paper> gather_papers(Corpus& corpus, const PaperLoader& load,
                                 std::vector<Diagnostic>& diagnostics) {
  std::vector<Paper> papers;
  Gatherer g{corpus, load, diagnostics};
  const std::size_t inputs = corpus.documents.size();
  for (std::size_t d = 0; d < inputs; ++d) {
    const Document& doc = *corpus.documents[d];
    if (!find_cite_format(doc.format())) continue;
    Paper paper;
    paper.bodies = paper.lists = {static_cast<std::uint32_t>(d)};
    const std::filesystem::path dir = std::filesystem::path(doc.path()).parent_path();
    g.companions(static_cast<std::uint32_t>(d), dir.string(), paper, 0);
    papers.push_back(std::move(paper));
  }
  // An input that another paper inputs is part of that paper, not a paper of its own.
  std::erase_if(papers, [&](const Paper& p) {
    return std::any_of(papers.begin(), papers.end(), [&](const Paper& other) {
      return &other != &p && std::find(other.bodies.begin() + 1, other.bodies.end(),
                                       p.bodies.front()) != other.bodies.end();
    });
  });
  return papers;
}

}  // namespace citelint
