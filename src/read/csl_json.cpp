// CSL-JSON, as Zotero, citation.js and pandoc export it: an array of items (or one item, or
// {"items": [...]}). URL, DOI, accessed and issued are used as such: dates as date-parts (numbers
// or strings), raw or literal text, or EDTF strings. URLs in a note are found as in text. Every
// item keeps its position in the file; where the JSON breaks, the items before are kept.
#include <algorithm>
#include <cctype>
#include <optional>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "extract/date_parts.hpp"
#include "read/json_tree.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

using json_tree::Value;

class Reader {
 public:
  Reader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> run() {
    std::vector<Reference> refs;
    std::size_t i = 0;
    json_tree::skip_space(s_, i);
    try {
      if (i < s_.size() && s_[i] == '[') {
        items(i, refs);
      } else {
        Value top = json_tree::parse_value(s_, i);
        if (const Value* list = top.get("items"); list && list->type == Value::array) {
          for (const Value& item : list->items) add(item, refs);
        } else if (top.type == Value::object) {
          add(top, refs);
        } else {
          report(top.begin, "expected CSL-JSON: an array of items, or an item");
        }
      }
    } catch (const json_tree::Error& e) {
      report(e.at, e.message);
      const Span where = doc_.span(e.at, e.at);
      diagnostics_.push_back({doc_.path(), 0, 0,
                              "the rest of the file, from line " + std::to_string(where.line) +
                                  ", was not read; the " + std::to_string(refs.size()) +
                                  " items before it were"});
    }
    return refs;
  }

 private:
  // The top-level array, item by item: what comes before a break is kept.
  void items(std::size_t& i, std::vector<Reference>& refs) {
    ++i;
    json_tree::skip_space(s_, i);
    if (i < s_.size() && s_[i] == ']') return;
    while (true) {
      const Value item = json_tree::parse_value(s_, i);
      add(item, refs);
      json_tree::skip_space(s_, i);
      if (i < s_.size() && s_[i] == ',') {
        ++i;
        continue;
      }
      if (i < s_.size() && s_[i] == ']') return;
      throw json_tree::Error{i, "expected ',' or ']' between items"};
    }
  }

  void report(std::size_t at, std::string message) {
    record::report(doc_, diagnostics_, at, std::move(message));
  }

  // A date-parts array: [2021, 3, 3] or ["2021", "3", "3"].
  static std::optional<ParsedDate> parts_date(const Value& parts) {
    ParsedDate d;
    int* fields[] = {&d.year, &d.month, &d.day};
    std::size_t n = 0;
    for (const Value& p : parts.items) {
      if (n == 3) break;
      if (p.type != Value::number && p.type != Value::string) return std::nullopt;
      const std::string& t = p.text;
      if (t.empty() || t.size() > 6 || !std::all_of(t.begin(), t.end(), [](char c) {
            return std::isdigit(static_cast<unsigned char>(c));
          }))
        return std::nullopt;
      *fields[n++] = std::stoi(t);
    }
    if (n == 0) return std::nullopt;
    date_parts::finish_date(d, static_cast<int>(n));
    if (!d.valid) d.value.clear();
    return d;
  }

  void add_date(Reference& ref, const Value& v, bool accessed) {
    std::size_t b = v.begin, e = v.end;
    ParsedDate parsed;
    if (v.type == Value::string) {  // EDTF, "2021-03-03" or a range "2021-03/2021-04"
      std::string_view t = v.text;
      t = t.substr(0, t.find('/'));
      while (!t.empty() && (t.back() == '~' || t.back() == '?' || t.back() == '%'))
        t.remove_suffix(1);
      if (auto p = parse_date_text(t)) parsed = *p;
      b = v.content_begin();
      e = v.content_end();
      // Written as it stands in the file: the date is the part read (a range's start).
      if (parsed.valid && s_.substr(b, e - b) == v.text) e = b + t.size();
    } else if (v.type == Value::object) {
      const Value* parts = v.get("date-parts");
      if (parts && parts->type == Value::array && !parts->items.empty() &&
          parts->items[0].type == Value::array) {
        const Value& first = parts->items[0];
        if (auto p = parts_date(first)) parsed = *p;
        b = first.begin;
        e = first.end;
      } else if (const Value* raw = v.get("raw") ? v.get("raw") : v.get("literal");
                 raw && raw->type == Value::string) {
        if (auto p = parse_date_text(raw->text)) parsed = *p;
        b = raw->content_begin();
        e = raw->content_end();
      } else {
        return;  // a season, an empty object: nothing to read
      }
    } else {
      return;
    }
    const DateRole role = accessed           ? DateRole::accessed
                          : parsed.month > 0 ? DateRole::published
                                             : DateRole::year;
    ref.dates.push_back(make_date(doc_, role, b, e, parsed));
  }

  void add(const Value& item, std::vector<Reference>& refs) {
    if (item.type != Value::object) {
      report(item.begin, "an item that is not an object");
      return;
    }
    Reference ref;
    const Value* id = item.get("id");
    if (!id || (id->type != Value::string && id->type != Value::number))
      id = item.get("citation-key");
    ref.id = id && (id->type == Value::string || id->type == Value::number)
                 ? id->text
                 : std::to_string(refs.size() + 1);
    ref.span = doc_.span(item.begin, item.end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    for (const json_tree::Member& m : item.members) {
      const std::string& key = m.key;
      const Value& v = m.value;
      if (key == "URL" && v.type == Value::string && !v.text.empty()) {
        Url u = make_url(doc_, v.content_begin(), v.content_end(), v.text);
        u.composed = u.as_written != v.text;  // JSON escapes: not the URL as written
        ref.urls.push_back(std::move(u));
      } else if (key == "DOI" && v.type == Value::string && !v.text.empty()) {
        ref.dois.push_back(record::make_doi(doc_, v.content_begin(), v.content_end(), v.text));
      } else if ((key == "ISBN" || key == "ISSN" || key == "PMID" || key == "PMCID") &&
                 v.type == Value::string) {
        // Escapes aside, the string's source is the identifiers as written.
        record::add_identifiers(doc_, ref, v.content_begin(), v.content_end(),
                                key == "ISBN"   ? IdScheme::isbn
                                : key == "ISSN" ? IdScheme::issn
                                : key == "PMID" ? IdScheme::pmid
                                                : IdScheme::pmcid);
      } else if (key == "accessed" || key == "issued") {
        add_date(ref, v, key == "accessed");
      } else if (key == "note" && v.type == Value::string) {
        for (Url& u : find_urls(doc_, v.content_begin(), v.content_end()))
          record::add_url(ref, std::move(u));
      }
    }
    record::sort_items(ref);
    refs.push_back(std::move(ref));
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

std::vector<Reference> read_csl_json(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return Reader(doc, diagnostics).run();
}

// Whether the text is JSON that reads as CSL items: '[' or '{' first, and an item's keys soon.
bool looks_like_csl_json(std::string_view t) {
  const std::string_view head = record::past_blanks(t).substr(0, 4096);
  if (head.empty() || (head[0] != '[' && head[0] != '{')) return false;
  return head.find("\"type\"") != std::string_view::npos ||
         head.find("\"id\"") != std::string_view::npos ||
         head.find("\"title\"") != std::string_view::npos;
}

}  // namespace citelint
