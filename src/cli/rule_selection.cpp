// Which rule files a run uses: the core pack always, shipped styles on request, packs on disk.
#include <algorithm>
#include <set>

#include "cli/commands.hpp"

namespace citelint::cli {

namespace {
std::string pack_of(const RuleFile& f) {
  const std::string id = rule_id_from_path(f.path);
  return id.substr(0, id.find('/'));
}
}  // namespace

std::vector<RuleFile> select_rule_files(const RuleOptions& options,
                                        std::vector<Diagnostic>& diagnostics) {
  const std::vector<RuleFile> shipped = shipped_rule_files();
  std::set<std::string> packs = {"core"};
  std::set<std::string> known;
  for (const RuleFile& f : shipped) known.insert(pack_of(f));
  for (const std::string& style : options.styles) {
    if (!known.count(style)) {
      std::string list;
      for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
      diagnostics.push_back(
          {"--style", 0, 0, "no shipped style pack '" + style + "' (shipped: " + list + ")"});
    }
    packs.insert(style);
  }
  std::vector<RuleFile> files;
  for (const RuleFile& f : shipped)
    if (packs.count(pack_of(f))) files.push_back(f);
  for (const std::string& path : options.rule_paths) {
    auto more = rule_files_from_path(path, diagnostics);
    files.insert(files.end(), more.begin(), more.end());
  }
  return files;
}

}  // namespace citelint::cli
