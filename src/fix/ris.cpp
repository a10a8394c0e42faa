// RIS: an archived copy as a note line after the UR line, "N1  - Archived at URL (DATE)." (RIS
// has no tag of its own for it).
#include "fix/formats.hpp"

namespace citelint::fixes {

std::optional<Edit> archive_in_ris(const ArchiveInsert& at, std::string& why_not) {
  const std::string_view text = at.doc.text();
  if (entry_text(at).find("Archived at " + at.copy.url) != std::string_view::npos) {
    why_not = "the record notes the archived copy already";
    return std::nullopt;
  }
  const std::string eol = line_ending(text), line = "N1  - " + archived_at(at.copy);
  const std::size_t end = text.find('\n', at.url.span.end);
  if (end == text.npos) return archive_edit(at, text.size(), text.size(), eol + line);
  return archive_edit(at, end + 1, end + 1, line + eol);
}

}  // namespace citelint::fixes
