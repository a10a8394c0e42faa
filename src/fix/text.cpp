// Plain text: an archived copy as a sentence at the end of the entry that cites the URL,
// "Archived at URL (DATE)."
#include "fix/formats.hpp"

namespace citelint::fixes {

std::optional<Edit> archive_in_text(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view entry = entry_text(at);
  if (entry.find("Archived at " + at.copy.url) != std::string_view::npos) {
    why_not = "the entry cites the archived copy already";
    return std::nullopt;
  }
  std::size_t end = entry.size();
  while (end > 0 && (entry[end - 1] == ' ' || entry[end - 1] == '\n' || entry[end - 1] == '\r' ||
                     entry[end - 1] == '\t'))
    --end;
  const bool sentence_ends =
      end > 0 && (entry[end - 1] == '.' || entry[end - 1] == '!' || entry[end - 1] == '?');
  std::string words = sentence_ends ? " " : ". ";
  words += archived_at(at.copy);
  const std::size_t place = at.ref.span.begin + end;
  return archive_edit(at, place, place, std::move(words));
}

}  // namespace citelint::fixes
