// biblatex's .bbl (as biber writes it): one reference per \entry{key}{type}{options} ...
// \endentry. Its data are fields, not text: \verb{url} / \verb{doi} / \verb{eprint} hold the
// URL, DOI and eprint as written in the .bib; \field{urlyear}{2021}, urlmonth, urlday the access
// date; year, month, day the publication date; note, howpublished and addendum may hold \url{}
// and worded dates. Each keeps its position in the .bbl.
#include <cctype>
#include <map>
#include <optional>
#include <string>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/date_parts.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

// Past a balanced {...} that opens at s[i]; npos when it does not close.
std::size_t group_end(std::string_view s, std::size_t i) {
  int depth = 0;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] == '\\') {
      ++j;
    } else if (s[j] == '{') {
      ++depth;
    } else if (s[j] == '}' && --depth == 0) {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

struct Value {
  std::size_t begin = 0, end = 0;
};

class BblReader {
 public:
  BblReader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> read() {
    std::vector<Reference> refs;
    std::size_t skipped = 0;
    for (std::size_t at = s_.find("\\entry{"); at != std::string_view::npos;) {
      const std::size_t next = s_.find("\\entry{", at + 7);
      std::size_t end = s_.find("\\endentry", at);
      if (end == std::string_view::npos || (next != std::string_view::npos && end > next)) {
        record::report(doc_, diagnostics_, at,
                       next == std::string_view::npos
                           ? "\\entry without its \\endentry: read to the end of the file"
                           : "\\entry without its \\endentry: read up to the next \\entry");
        end = next == std::string_view::npos ? s_.size() : next;
        ++skipped;
      } else {
        end += 9;
      }
      if (auto ref = entry(at, end)) refs.push_back(std::move(*ref));
      at = next;
    }
    if (skipped > 0)
      record::report(doc_, diagnostics_, s_.size(),
                     std::to_string(skipped) + (skipped == 1 ? " entry" : " entries") +
                         " without \\endentry, read as far as they went");
    return refs;
  }

 private:
  std::optional<Reference> entry(std::size_t begin, std::size_t end) {
    const std::size_t key_open = begin + 6;
    const std::size_t key_end = group_end(s_, key_open);
    if (key_end == std::string_view::npos || key_end > end) {
      record::report(doc_, diagnostics_, begin, "\\entry without a closed {key}");
      return std::nullopt;
    }
    Reference ref;
    ref.id = std::string(s_.substr(key_open + 1, key_end - key_open - 2));
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    std::map<std::string, Value> fields, verbs;
    for (std::size_t i = key_end; i < end;) {
      const std::size_t cmd = s_.find('\\', i);
      if (cmd == std::string_view::npos || cmd >= end) break;
      i = cmd + 1;
      if (s_.compare(cmd, 7, "\\field{") == 0) {
        // \field{name}{value}
        const std::size_t name_end = group_end(s_, cmd + 6);
        if (name_end == std::string_view::npos || name_end >= end || s_[name_end] != '{') continue;
        const std::size_t value_end = group_end(s_, name_end);
        if (value_end == std::string_view::npos || value_end > end) continue;
        fields[std::string(s_.substr(cmd + 7, name_end - cmd - 8))] = {name_end + 1, value_end - 1};
        i = value_end;
      } else if (s_.compare(cmd, 6, "\\verb{") == 0) {
        // \verb{name} then "\verb value" lines, then \endverb.
        const std::size_t name_end = group_end(s_, cmd + 5);
        if (name_end == std::string_view::npos || name_end >= end) continue;
        const std::size_t line = s_.find("\\verb ", name_end);
        const std::size_t stop = s_.find("\\endverb", name_end);
        if (line == std::string_view::npos || stop == std::string_view::npos || line > stop ||
            stop > end)
          continue;
        std::size_t vb = line + 6, ve = s_.find('\n', vb);
        if (ve == std::string_view::npos || ve > stop) ve = stop;
        while (ve > vb && std::isspace(static_cast<unsigned char>(s_[ve - 1]))) --ve;
        verbs[std::string(s_.substr(cmd + 6, name_end - cmd - 7))] = {vb, ve};
        i = stop + 8;
      }
    }
    auto text = [&](const Value& v) { return s_.substr(v.begin, v.end - v.begin); };
    if (auto u = verbs.find("url"); u != verbs.end() && u->second.end > u->second.begin)
      record::add_url(ref, make_url(doc_, u->second.begin, u->second.end, text(u->second)));
    if (auto d = verbs.find("doi"); d != verbs.end() && d->second.end > d->second.begin)
      ref.dois.push_back(record::make_doi(doc_, d->second.begin, d->second.end, text(d->second)));
    if (auto e = verbs.find("eprint"); e != verbs.end()) {
      const auto kind = fields.find("eprinttype");
      const std::string url = record::eprint_url(
          kind == fields.end() ? std::string_view() : text(kind->second), text(e->second));
      if (!url.empty()) {
        Url made = make_url(doc_, e->second.begin, e->second.end, url);
        made.composed = true;
        record::add_url(ref, std::move(made));
      }
    }
    add_date(ref, fields, "url", DateRole::accessed);
    add_date(ref, fields, "", DateRole::published);
    for (const char* name : {"note", "howpublished", "addendum"}) {
      const auto f = fields.find(name);
      if (f == fields.end()) continue;
      for (const Url& u : find_urls(doc_, f->second.begin, f->second.end)) record::add_url(ref, u);
      if (fields.find("urlyear") == fields.end())
        record::add_marked_dates(doc_, ref, f->second.begin, f->second.end);
    }
    record::sort_items(ref);
    return ref;
  }

  // <prefix>year, <prefix>month, <prefix>day: biber's parts of a date. A date in the .bbl's own
  // form, at its year field; a year alone is the year of publication.
  void add_date(Reference& ref, const std::map<std::string, Value>& fields,
                const std::string& prefix, DateRole role) {
    const auto year = fields.find(prefix + "year");
    if (year == fields.end()) return;
    auto number = [&](const char* part) {
      const auto f = fields.find(prefix + part);
      if (f == fields.end()) return 0;
      const std::string_view t = s_.substr(f->second.begin, f->second.end - f->second.begin);
      int n = 0;
      for (char c : t) {
        if (!std::isdigit(static_cast<unsigned char>(c)) || n > 100000) return -1;
        n = n * 10 + (c - '0');
      }
      return n;
    };
    ParsedDate parsed;
    parsed.year = number("year");
    parsed.month = number("month");
    parsed.day = number("day");
    if (parsed.year <= 0 || parsed.month < 0 || parsed.day < 0) {
      ref.dates.push_back(make_date(doc_, role, year->second.begin, year->second.end, {}));
      return;
    }
    const int parts = parsed.day > 0 && parsed.month > 0 ? 3 : parsed.month > 0 ? 2 : 1;
    date_parts::finish_date(parsed, parts);
    if (role == DateRole::published && parts == 1) role = DateRole::year;
    Date d = make_date(doc_, role, year->second.begin, year->second.end, parsed);
    d.native_form = true;
    // Three fields in the file: as written, the date they make ("2021-02-30"), at the year.
    d.as_written = doc_.keep(parsed.value);
    ref.dates.push_back(d);
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

std::vector<Reference> read_biblatex_bbl(const Document& doc,
                                         std::vector<Diagnostic>& diagnostics) {
  return BblReader(doc, diagnostics).read();
}

}  // namespace citelint
