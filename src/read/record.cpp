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

namespace {

bool has_identifier(const Reference& ref, IdScheme scheme, std::string_view value) {
  return std::any_of(ref.ids.begin(), ref.ids.end(), [&](const Identifier& x) {
    return x.scheme == scheme && utf8::ascii_lower(x.value) == utf8::ascii_lower(value);
  });
}

void sort_identifiers(Reference& ref) {
  std::stable_sort(ref.ids.begin(), ref.ids.end(), [](const Identifier& a, const Identifier& b) {
    return a.span.begin < b.span.begin;
  });
}

}  // namespace

void sort_items(Reference& ref) {
  sort_identifiers(ref);
  std::sort(ref.dates.begin(), ref.dates.end(),
            [](const Date& a, const Date& b) { return a.span.begin < b.span.begin; });
  std::sort(ref.urls.begin(), ref.urls.end(),
            [](const Url& a, const Url& b) { return a.span.begin < b.span.begin; });
}

bool same_doi(std::string_view a, std::string_view b) {
  while (!a.empty() && a.back() == '.') a.remove_suffix(1);
  while (!b.empty() && b.back() == '.') b.remove_suffix(1);
  return a.size() == b.size() && utf8::ascii_lower(a) == utf8::ascii_lower(b);
}

void add_link_dois(const Document& doc, Reference& ref) {
  bool added = false;
  for (std::size_t k = 0; k < ref.urls.size(); ++k) {
    const Url& u = ref.urls[k];
    // Most URLs are not DOI links: a look for the resolver's name before a parse.
    if (!u.valid || u.composed || u.normalised.find("doi.org/") == std::string_view::npos) continue;
    const std::string value = doi_of_link(u.normalised);
    if (value.empty() || std::any_of(ref.dois.begin(), ref.dois.end(),
                                     [&](const Doi& d) { return same_doi(d.value, value); }))
      continue;
    // Where the source holds the link as written, the DOI is the part after the resolver's
    // host; elsewhere (an attribute's entities decoded) the whole link.
    const std::string_view text(doc.text());
    std::size_t begin = u.span.begin;
    if (text.substr(u.span.begin, u.span.end - u.span.begin) == u.as_written)
      if (const std::size_t at = u.as_written.find("doi.org/"); at != std::string_view::npos)
        begin += at + 8;
    Doi d;
    d.value = value;
    d.as_written = text.substr(begin, u.span.end - begin);
    d.span = doc.span(begin, u.span.end);
    ref.dois.push_back(std::move(d));
    added = true;
  }
  if (added)
    std::sort(ref.dois.begin(), ref.dois.end(),
              [](const Doi& a, const Doi& b) { return a.span.begin < b.span.begin; });
}

std::string_view past_blanks(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return text.substr(i);
}

bool add_identifier(Reference& ref, Identifier id) {
  if (has_identifier(ref, id.scheme, id.value)) return false;
  ref.ids.push_back(std::move(id));
  return true;
}

void add_identifiers(const Document& doc, Reference& ref, std::size_t begin, std::size_t end,
                     std::optional<IdScheme> scheme) {
  for (Identifier& id : find_field_identifiers(doc, begin, end, scheme))
    add_identifier(ref, std::move(id));
  sort_identifiers(ref);
}

void add_link_identifiers(const Document& doc, Reference& ref) {
  bool added = false;
  for (const Url& u : ref.urls) {
    // Most URLs are no such link: a look for the names before a parse.
    const std::string_view n = u.normalised;
    if (!u.valid || (n.find("arxiv") == n.npos && n.find("pubmed") == n.npos &&
                     n.find("/articles/PMC") == n.npos))
      continue;
    auto found = identifier_of_link(n);
    if (!found) continue;
    Identifier id;
    id.scheme = found->first;
    id.value = std::move(found->second);
    id.as_written = std::string_view(doc.text()).substr(u.span.begin, u.span.end - u.span.begin);
    id.span = u.span;
    added = add_identifier(ref, std::move(id)) || added;
  }
  if (added) sort_identifiers(ref);
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
