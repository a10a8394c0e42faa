// RIS (EndNote, Zotero, Mendeley, databases' exports): records from "TY  - " to "ER  - ", one
// tag and value per line, values continued on untagged lines. UR, L1 and L2 give URLs, DO the
// DOI, Y2 the access date (RIS's 2021/03/03/ or Zotero's "2021-03-03 12:00:00"), DA the date,
// PY (or Y1) the year. Each item keeps its position; a record without its TY or ER is reported.
#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/date_parts.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

// "2021/03/03/", "2021/03//", "2021///", "2021", "2021-03-03 12:00:00": RIS and its variants.
ParsedDate ris_date(std::string_view t, bool& native) {
  native = false;
  ParsedDate d;
  if (t.find('/') != std::string_view::npos) {
    native = true;
    int parts[3] = {0, 0, 0};
    std::size_t n = 0, i = 0;
    bool ok = true;
    while (n < 3 && i <= t.size()) {
      const std::size_t slash = std::min(t.size(), t.find('/', i));
      const std::string_view field = t.substr(i, slash - i);
      if (!field.empty()) {
        if (!std::all_of(field.begin(), field.end(),
                         [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
            field.size() > 4)
          ok = false;
        else
          parts[n] = std::stoi(std::string(field));
      }
      ++n;
      i = slash + 1;
      if (slash == t.size()) break;
    }
    if (!ok || parts[0] == 0) return d;
    d.year = parts[0];
    d.month = parts[1];
    d.day = parts[1] ? parts[2] : 0;
    date_parts::finish_date(d, d.day ? 3 : d.month ? 2 : 1);
    if (!d.valid) d.value.clear();
    return d;
  }
  // Zotero writes the access date with its time: "2021-03-03 12:00:00".
  const std::size_t space = t.find(' ');
  if (space != std::string_view::npos && space == 10) {
    native = true;
    t = t.substr(0, space);
  }
  if (auto p = parse_date_text(t)) d = *p;
  return d;
}

struct Line {
  std::string_view tag;  // two characters, or empty for a continuation
  std::size_t value_begin = 0, value_end = 0;
  std::size_t begin = 0;
};

class Reader {
 public:
  Reader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> run() {
    std::vector<Reference> refs;
    std::optional<Reference> open;
    std::vector<Line> fields;
    auto close = [&](std::size_t end) {
      finish(*open, fields, end);
      refs.push_back(std::move(*open));
      open.reset();
      fields.clear();
    };
    for (std::size_t i = 0; i < s_.size();) {
      std::size_t eol = s_.find('\n', i);
      if (eol == std::string_view::npos) eol = s_.size();
      std::size_t end = eol;
      if (end > i && s_[end - 1] == '\r') --end;
      const Line line = parse_line(i, end);
      if (line.tag == "TY") {
        if (open) {
          report(line.begin, "a record starts before the one at line " +
                                 std::to_string(open->span.line) + " ended (no ER)");
          close(line.begin);
        }
        open.emplace();
        open->span = doc_.span(line.begin, line.begin);
        open->input = static_cast<std::uint32_t>(doc_.id());
      } else if (line.tag == "ER") {
        if (open) {
          close(end);
        } else {
          report(line.begin, "ER without a record (no TY before it)");
        }
      } else if (!line.tag.empty()) {
        if (open) {
          fields.push_back(line);
        } else {
          std::string message(1, '\'');  // built up: GCC 12 warns falsely on a + b + c here
          message += line.tag;
          message += "' outside a record (no TY before it)";
          report(line.begin, message);
        }
      } else if (open && !fields.empty() && line.value_end > line.value_begin) {
        // An untagged line continues the value above (abstracts, long titles).
        fields.back().value_end = line.value_end;
      }
      i = eol + 1;
    }
    if (open) {
      report(open->span.begin, "the record is not closed with ER before the end of the file");
      close(s_.size());
    }
    return refs;
  }

 private:
  Line parse_line(std::size_t b, std::size_t e) const {
    Line l;
    l.begin = b;
    // "XX  - value": a tag of two capitals or digits, two spaces, a hyphen (then a space).
    const std::string_view t = s_.substr(b, e - b);
    if (t.size() >= 5 && std::isupper(static_cast<unsigned char>(t[0])) &&
        std::isalnum(static_cast<unsigned char>(t[1])) && t.compare(2, 3, "  -") == 0) {
      l.tag = t.substr(0, 2);
      std::size_t v = b + 5;
      while (v < e && s_[v] == ' ') ++v;
      l.value_begin = v;
      l.value_end = e;
    } else {
      std::size_t v = b;
      while (v < e && (s_[v] == ' ' || s_[v] == '\t')) ++v;
      l.value_begin = v;
      l.value_end = e;
    }
    while (l.value_end > l.value_begin && s_[l.value_end - 1] == ' ') --l.value_end;
    return l;
  }

  void report(std::size_t at, std::string message) {
    record::report(doc_, diagnostics_, at, std::move(message));
  }

  void add_date(Reference& ref, DateRole role, const Line& l) {
    const std::string_view t = s_.substr(l.value_begin, l.value_end - l.value_begin);
    bool native = false;
    ParsedDate d = ris_date(t, native);
    if (role == DateRole::published && d.valid && d.month == 0) role = DateRole::year;
    Date date = make_date(doc_, role, l.value_begin, l.value_end, d);
    date.native_form = native;
    ref.dates.push_back(std::move(date));
  }

  void finish(Reference& ref, const std::vector<Line>& fields, std::size_t end) {
    ref.span = doc_.span(ref.span.begin, end);
    bool dated = false;
    for (const Line& l : fields) {
      const std::string_view v = s_.substr(l.value_begin, l.value_end - l.value_begin);
      if (l.tag == "ID" && ref.id.empty()) ref.id = std::string(v);
      if ((l.tag == "UR" || l.tag == "L1" || l.tag == "L2" || l.tag == "L3") && !v.empty()) {
        // A line may hold several, separated by ';' or spaces (some exporters do).
        for (Url& u : find_urls(doc_, l.value_begin, l.value_end))
          record::add_url(ref, std::move(u));
      } else if (l.tag == "DO" && !v.empty()) {
        ref.dois.push_back(record::make_doi(doc_, l.value_begin, l.value_end, v));
      } else if (l.tag == "SN" && !v.empty()) {  // ISBN or ISSN, by its length
        record::add_identifiers(doc_, ref, l.value_begin, l.value_end, std::nullopt);
      } else if (l.tag == "Y2" && !v.empty()) {
        add_date(ref, DateRole::accessed, l);
      } else if (l.tag == "DA" && !v.empty()) {
        add_date(ref, DateRole::published, l);
        dated = true;
      }
    }
    if (!dated) {  // the year, when no DA
      for (const Line& l : fields)
        if ((l.tag == "PY" || l.tag == "Y1") && l.value_end > l.value_begin) {
          add_date(ref, DateRole::published, l);
          break;
        }
    }
    if (ref.id.empty())
      ref.id = std::to_string(++count_);
    else
      ++count_;
    record::sort_items(ref);
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
  std::size_t count_ = 0;
};

}  // namespace

std::vector<Reference> read_ris(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return Reader(doc, diagnostics).run();
}

// Whether the text opens with a RIS record: "TY  - " on its first line that is not blank.
bool looks_like_ris(std::string_view t) { return record::past_blanks(t).starts_with("TY  - "); }

}  // namespace citelint
