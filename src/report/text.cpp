// Compiler-style text output, the default for people at a terminal.
#include <algorithm>

#include "citelint/report.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

constexpr int kMaxWidth = 100;  // columns of source shown; longer lines get a window

struct Style {
  bool on;
  std::string_view operator()(std::string_view code) const { return on ? code : ""; }
};

const char* severity_colour(Severity s) {
  switch (s) {
    case Severity::error:
      return "\x1b[1;31m";
    case Severity::warning:
      return "\x1b[1;33m";
    case Severity::info:
      return "\x1b[1;36m";
  }
  return "";
}

// The source line with a caret line under [from_b, to_b) (byte offsets in the line), windowed
// when long. Only what can show is decoded: on a long line (a list saved as one line) a window
// of bytes around the span, so that a finding costs the same however long its line is.
void excerpt(std::string& out, std::string_view line, std::size_t from_b, std::size_t to_b,
             int line_no, const Style& style) {
  constexpr std::size_t kBefore = 30 * 4, kAfter = kMaxWidth * 4 + 8;  // 4 bytes a code point
  std::size_t lo = 0, hi = line.size();
  const auto continuation = [&](std::size_t i) {
    return (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;
  };
  if (line.size() > 2 * (kBefore + kAfter)) {
    lo = from_b > kBefore ? from_b - kBefore : 0;
    while (lo > 0 && lo < line.size() && continuation(lo)) ++lo;
    hi = std::min(line.size(), std::max(from_b, lo) + kAfter);
    while (hi < line.size() && continuation(hi)) ++hi;
  }
  std::vector<std::pair<std::string_view, int>> cps;  // bytes and width of each code point
  std::size_t from = std::string::npos, to = std::string::npos;
  for (std::size_t i = lo; i < hi;) {
    if (from == std::string::npos && i >= from_b) from = cps.size();
    if (to == std::string::npos && i >= to_b) to = cps.size();
    const std::size_t b = i;
    char32_t c = utf8::next(line, i);
    cps.emplace_back(line.substr(b, i - b), c == U'\t' ? 1 : utf8::display_width(c));
  }
  from = std::min(from, cps.size());
  to = std::clamp(to, from, cps.size());
  std::size_t first = 0, last = cps.size();
  int total = 0;
  for (const auto& cp : cps) total += cp.second;
  if (total > kMaxWidth) {
    // Keep some context before the span and as much of it as fits.
    int budget = 30;
    first = from;
    while (first > 0 && budget - cps[first - 1].second >= 0) budget -= cps[--first].second;
    int width = 0;
    last = first;
    while (last < cps.size() && width + cps[last].second <= kMaxWidth) width += cps[last++].second;
  }
  const std::string gutter = std::to_string(line_no);
  const std::string pad(gutter.size(), ' ');
  out += ' ';
  out += style("\x1b[1;34m");
  out += gutter + " | ";
  out += style("\x1b[0m");
  std::string caret;
  if (first > 0 || lo > 0) {
    out += "...";
    caret += "   ";
  }
  for (std::size_t k = first; k < last; ++k) {
    out += cps[k].first == "\t" ? " " : cps[k].first;
    if (k < from) {
      caret.append(static_cast<std::size_t>(cps[k].second), ' ');
    } else if (k < std::max(to, from + 1)) {
      caret += k == from ? '^' : '~';
      caret.append(static_cast<std::size_t>(cps[k].second - 1), '~');
    }
  }
  if (from >= last) caret += '^';  // an empty span at the end of the line
  if (last < cps.size() || hi < line.size()) out += "...";
  out += '\n';
  out += ' ';
  out += style("\x1b[1;34m");
  out += pad + " | ";
  out += style("\x1b[0m");
  out += style("\x1b[1;32m");
  while (!caret.empty() && caret.back() == ' ') caret.pop_back();
  out += caret;
  out += style("\x1b[0m");
  out += '\n';
}

std::string escape_visible(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "= cited at paper.tex:3:18, and 2 more": where the text cites the reference a finding is in.
void cited_at(std::string& out, const ReportInput& input, const Finding& f, int line_no) {
  if (!input.citations || input.citations->citations.empty()) return;
  const Reference* ref = reference_holding(input.corpus, f.span);
  if (!ref) return;
  const auto index = static_cast<std::size_t>(ref - input.corpus.references.data());
  const CitationReport& c = *input.citations;
  if (index >= c.cited_by.size()) return;
  const std::vector<std::uint32_t>& by = c.cited_by[index];
  const auto shown =
      std::find_if(by.begin(), by.end(), [&](std::uint32_t k) { return !c.citations[k].silent; });
  if (shown == by.end()) return;
  const Document& doc = *input.corpus.documents[c.input[*shown]];
  const Span& at = c.citations[*shown].span;
  out += std::string(std::to_string(line_no).size() + 2, ' ') + "= cited at ";
  out += doc.path();
  out += ':';
  out += doc.where(at.line, at.column);
  if (by.size() > 1) out += ", and " + plural(by.size() - 1, "more", "more");
  out += '\n';
}

}  // namespace

std::string render_text(const ReportInput& input, const TextOptions& options) {
  const Style style{options.color};
  std::string out;
  for (const Finding& f : input.findings) {
    const Document& doc = *input.corpus.documents[f.span.input];
    out += style("\x1b[1m");
    out += doc.path();
    out += ':';
    out += doc.where(f.span.line, f.span.column);
    out += ": ";
    out += style("\x1b[0m");
    out += style(severity_colour(f.severity));
    out += to_string(f.severity);
    out += style("\x1b[0m");
    out += "[" + f.rule + "]: " + f.message + "\n";
    const std::string_view line = doc.line_text(f.span.line);
    const std::size_t line_begin = static_cast<std::size_t>(line.data() - doc.text().data());
    auto in_line = [&](std::size_t offset) {
      return std::min(line.size(), offset > line_begin ? offset - line_begin : 0);
    };
    const std::size_t from = in_line(f.span.begin);
    const std::size_t to = f.span.end_line == f.span.line ? in_line(f.span.end) : line.size();
    const int line_no = doc.place(f.span.line).line;
    excerpt(out, line, from, to, line_no, style);
    if (f.fix) {
      out += std::string(std::to_string(line_no).size() + 2, ' ') + "= fix: ";
      out += f.fix->replacement.empty() ? std::string("remove it")
                                        : escape_visible(f.fix->replacement);
      out += f.fix->verified ? " (verified)\n" : "\n";
    }
    cited_at(out, input, f, line_no);
    out += '\n';
  }
  const Summary s = summarise(input);
  out += style("\x1b[1m");
  out += plural(s.references, "reference", "references") + ", " + plural(s.urls, "URL", "URLs") +
         " (" + std::to_string(s.unique_urls) + " unique), " +
         plural(input.findings.size(), "finding", "findings") + ": " +
         plural(s.errors, "error", "errors") + ", " + plural(s.warnings, "warning", "warnings") +
         ", " + std::to_string(s.infos) + " info" + " (as of " + input.as_of + ")";
  if (input.links) {
    // Links by status, most common first: "links: 40 ok, 2 broken, 1 blocked".
    std::vector<std::pair<std::size_t, std::string>> counts;
    for (const auto& [status, n] : s.links) counts.emplace_back(n, status);
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    out += "; links:";
    for (std::size_t k = 0; k < counts.size(); ++k)
      out += (k ? ", " : " ") + std::to_string(counts[k].first) + " " + counts[k].second;
    if (input.links->requests == 0 && !input.links->results.empty()) out += " (all from the cache)";
  }
  if (input.archive && !input.archive->lookups.empty())
    out += "; archived copies: " + std::to_string(s.archived) + " found, " +
           std::to_string(s.not_archived) + " not found";
  out += style("\x1b[0m");
  out += '\n';
  return out;
}

}  // namespace citelint
