// MEDLINE, as PubMed saves it ("PubMed format": .nbib, or the .txt its Save button writes): one
// record per article, from its "PMID- " line to the next, one field per line as a tag of up to
// four characters padded to four, "- ", then the value; continuation lines are indented six.
// LID and AID give the DOI ("10.1016/... [doi]"), DP the date of publication ("2019 Mar 12",
// "2019 Mar-Apr", "2019 Spring"), PMID the reference's id. A field before any PMID is reported.
#include <algorithm>
#include <cctype>

#include "citelint/extract.hpp"
#include "citelint/read.hpp"
#include "read/record.hpp"

namespace citelint {

namespace {

struct Field {
  std::string_view tag;  // "PMID", "LID", ...
  std::size_t begin = 0, value_begin = 0, value_end = 0;
};

class MedlineReader {
 public:
  MedlineReader(const Document& doc, std::vector<Diagnostic>& diagnostics)
      : doc_(doc), s_(doc.text()), diagnostics_(diagnostics) {}

  std::vector<Reference> run() {
    std::vector<Reference> refs;
    std::vector<Field> fields;
    std::size_t record_begin = 0, last_end = 0;
    auto close = [&] {
      if (!fields.empty()) refs.push_back(make_reference(record_begin, last_end, fields));
      fields.clear();
    };
    for (std::size_t i = 0; i < s_.size();) {
      std::size_t eol = std::min(s_.size(), s_.find('\n', i));
      std::size_t end = eol;
      if (end > i && s_[end - 1] == '\r') --end;
      if (const std::optional<Field> f = parse_line(i, end)) {
        if (f->tag == "PMID") {
          close();
          record_begin = i;
        } else if (fields.empty()) {
          std::string message(1, '\'');  // built up: GCC 12 warns falsely on a + b + c here
          message += f->tag;
          message += "' outside a record (no PMID before it)";
          record::report(doc_, diagnostics_, i, message);
        }
        if (f->tag == "PMID" || !fields.empty()) fields.push_back(*f);
        last_end = end;
      } else if (!fields.empty() && end > i && s_[i] == ' ') {
        fields.back().value_end = end;  // a continuation line
        last_end = end;
      }
      i = eol + 1;
    }
    close();
    return refs;
  }

 private:
  // "TAG - value", the tag padded with spaces to four characters.
  std::optional<Field> parse_line(std::size_t b, std::size_t e) const {
    const std::string_view t = s_.substr(b, e - b);
    if (t.size() < 6 || t.compare(4, 2, "- ") != 0 ||
        !std::isupper(static_cast<unsigned char>(t[0])))
      return std::nullopt;
    std::size_t n = 1;
    while (n < 4 && std::isalnum(static_cast<unsigned char>(t[n]))) ++n;
    if (t.find_first_not_of(' ', n) < 4) return std::nullopt;
    Field f{t.substr(0, n), b, b + 6, e};
    while (f.value_end > f.value_begin && s_[f.value_end - 1] == ' ') --f.value_end;
    return f;
  }

  Reference make_reference(std::size_t begin, std::size_t end, const std::vector<Field>& fields) {
    Reference ref;
    ref.span = doc_.span(begin, end);
    ref.input = static_cast<std::uint32_t>(doc_.id());
    for (const Field& f : fields) {
      const std::string_view v = s_.substr(f.value_begin, f.value_end - f.value_begin);
      if (f.tag == "PMID") ref.id = std::string(v);
      // The record's own PMID and PMCID, its journal's ISSNs (or a book's ISBN).
      if (f.tag == "PMID" || f.tag == "PMC" || f.tag == "IS")
        record::add_identifiers(doc_, ref, f.value_begin, f.value_end,
                                f.tag == "PMID"  ? std::optional(IdScheme::pmid)
                                : f.tag == "PMC" ? std::optional(IdScheme::pmcid)
                                                 : std::nullopt);
      // "10.1016/S0140-6736(19)30001-1 [doi]": the DOI before its label, once.
      if ((f.tag == "LID" || f.tag == "AID") && v.ends_with(" [doi]")) {
        const std::size_t doi_end = f.value_begin + v.size() - 6;
        Doi doi = record::make_doi(doc_, f.value_begin, doi_end, v.substr(0, v.size() - 6));
        if (std::none_of(ref.dois.begin(), ref.dois.end(),
                         [&](const Doi& d) { return d.value == doi.value; }))
          ref.dois.push_back(std::move(doi));
      } else if (f.tag == "DP" && !v.empty()) {
        // Year first, as the styles' reader takes it: "2019 Mar 12", "2019 Mar" (of "2019
        // Mar-Apr"), "2019" (of "2019 Spring").
        std::size_t used = 0;
        const ParsedDate d = read_date(v, used).value_or(ParsedDate{});
        Date date = make_date(doc_, d.month ? DateRole::published : DateRole::year, f.value_begin,
                              f.value_begin + (used ? used : v.size()), d);
        date.native_form = true;  // "2019 Mar 12" is MEDLINE's own form, not a slip
        ref.dates.push_back(std::move(date));
      }
    }
    record::sort_items(ref);
    return ref;
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Diagnostic>& diagnostics_;
};

}  // namespace

std::vector<Reference> read_medline(const Document& doc, std::vector<Diagnostic>& diagnostics) {
  return MedlineReader(doc, diagnostics).run();
}

// Whether the text opens with a MEDLINE record: "PMID- " on its first line that is not blank.
bool looks_like_medline(std::string_view t) { return record::past_blanks(t).starts_with("PMID- "); }

}  // namespace citelint
