// A unified diff of one input's edits, as `diff -u` and git print it: hunks of the lines the
// edits touch with three lines of context, for citelint fix --diff.
#include <algorithm>

#include "citelint/fix.hpp"

namespace citelint {

namespace {

constexpr std::size_t kContext = 3;

// The text's lines, each with its '\n' (the last without, when the text does not end in one).
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t nl = text.find('\n', at);
    const std::size_t end = nl == text.npos ? text.size() : nl + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  return lines;
}

void put_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

// The lines of old and new as a diff marks them: the longest common run of lines kept as
// context, the rest removed and added (hunks are a few lines: quadratic is nothing).
void put_changes(std::string& out, const std::vector<std::string_view>& old_lines,
                 const std::vector<std::string_view>& new_lines) {
  const std::size_t n = old_lines.size(), m = new_lines.size();
  std::vector<std::vector<std::size_t>> lcs(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = old_lines[i] == new_lines[j] ? lcs[i + 1][j + 1] + 1
                                               : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && old_lines[i] == new_lines[j]) {
      put_line(out, ' ', old_lines[i++]);
      ++j;
    } else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
      put_line(out, '-', old_lines[i++]);
    } else {
      put_line(out, '+', new_lines[j++]);
    }
  }
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before,
                         const std::vector<Edit>& edits) {
  if (edits.empty()) return {};
  std::vector<std::size_t> starts = {0};  // each line's first byte
  for (std::size_t i = 0; i < before.size(); ++i)
    if (before[i] == '\n' && i + 1 < before.size()) starts.push_back(i + 1);
  auto line_of = [&](std::size_t offset) {
    return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) -
                                    starts.begin() - 1);
  };
  auto start_of = [&](std::size_t line) {
    return line < starts.size() ? starts[line] : before.size();
  };
  // The last line an edit changes; an insertion at a line's start changes none of it.
  auto last_line = [&](const Edit& e) {
    if (e.end > e.begin) return line_of(e.end - 1);
    const std::size_t line = line_of(e.begin);
    return line > 0 && start_of(line) == e.begin ? line - 1 : line;
  };
  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  long shift = 0;  // lines the hunks so far added
  for (std::size_t k = 0; k < edits.size();) {
    // One hunk: the edits whose context lines meet.
    std::size_t first = line_of(edits[k].begin) > kContext ? line_of(edits[k].begin) - kContext : 0;
    std::size_t last = 0, next = k;
    for (; next < edits.size(); ++next) {
      const std::size_t from = line_of(edits[next].begin);
      if (next > k && from > last + 2 * kContext) break;
      last = std::max(last, last_line(edits[next]));
    }
    last = std::min(last + kContext, starts.size() - 1);
    const std::size_t from = start_of(first), to = start_of(last + 1);
    std::vector<Edit> local(edits.begin() + static_cast<long>(k),
                            edits.begin() + static_cast<long>(next));
    for (Edit& e : local) e.begin -= from, e.end -= from;
    const std::string old_text(before.substr(from, to - from));
    const std::string new_text = apply_edits(old_text, local);
    const auto old_lines = lines_of(old_text), new_lines = lines_of(new_text);
    out += "@@ -" + std::to_string(first + 1) + "," + std::to_string(old_lines.size()) + " +" +
           std::to_string(static_cast<long>(first + 1) + shift) + "," +
           std::to_string(new_lines.size()) + " @@\n";
    put_changes(out, old_lines, new_lines);
    shift += static_cast<long>(new_lines.size()) - static_cast<long>(old_lines.size());
    k = next;
  }
  return out;
}

}  // namespace citelint
