// citelint fix: after a run of check, the verified fixes written into the inputs (or printed as
// a diff), and what was left alone said on standard error (include/citelint/fix.hpp).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/options.hpp"

namespace citelint::cli {

namespace {

std::optional<std::string> file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Written whole or not at all: a temporary file beside it, renamed over it.
std::string write_whole(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const std::string temporary = path + ".citelint-fix";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return "cannot write " + temporary;
  }
  std::error_code ec;
  fs::permissions(temporary, fs::status(path, ec).permissions(), ec);
  fs::rename(temporary, path, ec);
  if (ec) {
    fs::remove(temporary, ec);
    return "cannot replace " + path + ": " + ec.message();
  }
  return {};
}

// "2 URLs rejoined, 1 archived copy added".
std::string tally(const std::vector<const Edit*>& edits) {
  std::map<std::string, int> by_what;
  for (const Edit* e : edits) ++by_what[e->what];
  std::string out;
  for (const auto& [what, n] : by_what) {
    if (!out.empty()) out += ", ";
    out += std::to_string(n) + " × " + what;
  }
  return out;
}

// One input's edits made (or printed): empty when done, else why not.
std::string fix_input(const Document& doc, const std::vector<const Edit*>& edits, bool diff) {
  std::vector<Edit> own;
  for (const Edit* e : edits) own.push_back(*e);
  const std::string& path = doc.path();
  if (diff) {
    const std::string shown = unified_diff(path, doc.text(), own);
    std::fwrite(shown.data(), 1, shown.size(), stdout);
    return {};
  }
  if (path == "<stdin>") return "standard input cannot be fixed in place: use --diff";
  const std::optional<std::string> bytes = file_bytes(path);
  if (!bytes) return "cannot read " + path + " again to fix it";
  // The fixes' places are offsets into the text as read: only where that is the file itself.
  if (*bytes != doc.text())
    return path +
           " is not fixed: its text as read is not its bytes (another encoding, or a "
           "byte-order mark); --diff shows the fixes";
  return write_whole(path, apply_edits(*bytes, own));
}

}  // namespace

int write_fixes(const Corpus& corpus, const std::vector<Finding>& findings,
                const ArchiveReport* archive, const CheckSettings& settings) {
  const FixPlan plan = plan_fixes(corpus, findings, archive, settings.fix);
  std::map<std::uint32_t, std::vector<const Edit*>> by_input;
  for (const Edit& e : plan.edits) by_input[e.input].push_back(&e);
  bool failed = false;
  for (const auto& [input, edits] : by_input) {
    const Document& doc = *corpus.documents[input];
    if (const std::string error = fix_input(doc, edits, settings.fix.diff); !error.empty()) {
      fail(error);
      failed = true;
    } else {
      say(doc.path() + ": " + std::to_string(edits.size()) +
          (settings.fix.diff ? " fixes shown (" : " fixes written (") + tally(edits) + ")");
    }
  }
  if (by_input.empty()) say("nothing to fix");
  std::map<std::string, int> left;
  for (const FixPlan::Skipped& s : plan.skipped) ++left[s.why];
  for (const auto& [why, n] : left)
    say(std::to_string(n) + (n == 1 ? " fix" : " fixes") + " left alone: " + why);
  return failed ? kUsage : kClean;
}

}  // namespace citelint::cli
