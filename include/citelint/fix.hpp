// citelint fix: the verified fixes of a run written back into its inputs, each in its format's
// own syntax, touching nothing else (src/fix/). docs/fixing.md says which fixes are applied.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/archive.hpp"
#include "citelint/check.hpp"
#include "citelint/model.hpp"

namespace citelint {

struct FixOptions {
  bool redirects = false;    // cite where a permanent redirect lands (link/redirect)
  bool add_archive = false;  // add the capture from the access day (archive/copy)
  bool diff = false;         // print the edits as a unified diff; change no file
};

// One change to an input's bytes: [begin, end) becomes `text` (an insertion when empty).
struct Edit {
  std::uint32_t input = 0;
  std::size_t begin = 0, end = 0;
  std::string text;
  std::string rule;  // the finding's rule that asks for it
  std::string what;  // in words, for the summary ("a URL rejoined")
  const Finding* finding = nullptr;
};

// What a run's findings give: the edits to make, sorted by input and place, none overlapping,
// and the fixes left alone, each with why (not verified, not for this format, opt-in ...).
struct FixPlan {
  std::vector<Edit> edits;
  struct Skipped {
    const Finding* finding;
    std::string why;
  };
  std::vector<Skipped> skipped;
};

// The archived copy the run found for a URL of a reference: capture URL and its date.
struct ArchivedCopy {
  std::string url;
  std::string date;  // YYYY-MM-DD
};

// What a format's row must say of one archived copy: where the entry is, what it cites.
struct ArchiveInsert {
  const Document& doc;
  const Reference& ref;
  const Url& url;
  ArchivedCopy copy;
};

// How fixes are written in one input format: a URL as the format spells it (escapes), and an
// archived copy added (a field, an attribute, a sentence); null where the format has no way.
struct FixFormat {
  std::string_view name;  // an input format's name (read.hpp)
  std::string (*spell_url)(std::string_view url);
  std::optional<Edit> (*add_archive)(const ArchiveInsert& insert, std::string& why_not);
};
std::span<const FixFormat> fix_formats();
const FixFormat* find_fix_format(std::string_view name);

FixPlan plan_fixes(const Corpus& corpus, const std::vector<Finding>& findings,
                   const ArchiveReport* archive, const FixOptions& options);

// The text with the edits (of one input, sorted, none overlapping) made.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

// A unified diff (3 lines of context) of one input before and after its edits.
std::string unified_diff(std::string_view path, std::string_view before,
                         const std::vector<Edit>& edits);

}  // namespace citelint
