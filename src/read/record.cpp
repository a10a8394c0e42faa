#include "read/record.hpp"

#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "model/utf8.hpp"

namespace citelint::record {

void report(const Document& doc, std::vector<Diagnostic>& diagnostics, std::size_t at,
            std::string message) {
  const Span where = doc.span(at, at);
  diagnostics.push_back({doc.path(), where.line, where.column, std::move(message)});
}

void add_url(Reference& ref, Url url) {
  if (url.normalised.empty()) return;
  for (Url& seen : ref.urls) {
    if (seen.normalised != url.normalised) continue;
    if (seen.composed && !url.composed) seen = url;
    return;
  }
  ref.urls.push_back(url);
}

Doi make_doi(const Document& doc, std::size_t begin, std::size_t end, std::string_view value) {
  Doi d;
  d.value = std::string(value);
  for (const char* prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                             "http://dx.doi.org/", "doi:", "DOI:"}) {
    const std::string_view p(prefix);
    if (d.value.compare(0, p.size(), p) == 0) {
      d.value.erase(0, p.size());
      break;
    }
  }
  while (!d.value.empty() && d.value.front() == ' ') d.value.erase(0, 1);
  d.as_written = std::string_view(doc.text()).substr(begin, end - begin);
  d.span = doc.span(begin, end);
  return d;
}

bool add_marked_dates(const Document& doc, Reference& ref, std::size_t begin, std::size_t end) {
  bool accessed = false;
  for (const MarkedDate& m : find_marked_dates(doc.text(), begin, end)) {
    ref.dates.push_back(make_date(doc, m.role, m.begin, m.end, m.date));
    accessed = accessed || m.role == DateRole::accessed;
  }
  return accessed;
}

void sort_items(Reference& ref) {
  std::sort(ref.dates.begin(), ref.dates.end(),
            [](const Date& a, const Date& b) { return a.span.begin < b.span.begin; });
  std::sort(ref.urls.begin(), ref.urls.end(),
            [](const Url& a, const Url& b) { return a.span.begin < b.span.begin; });
}

std::string_view past_blanks(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return text.substr(i);
}

std::string eprint_url(std::string_view type, std::string_view id) {
  const std::string k = utf8::ascii_lower(type);
  if (id.empty()) return {};
  if (k == "arxiv") return "https://arxiv.org/abs/" + std::string(id);
  if (k == "hdl" || k == "handle") return "https://hdl.handle.net/" + std::string(id);
  if (k == "pubmed") return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(id) + "/";
  return {};
}

}  // namespace citelint::record
