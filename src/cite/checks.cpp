// Each paper's citations matched to the entries of its list, and what disagrees: a key, number,
// author and year or record no entry is (citation/missing); an entry nothing cites
// (citation/uncited); a numbered list out of the order of first citation (citation/order); a
// range written backwards (citation/range); an author or year not the entry's
// (citation/mismatch); works of one author and year without a, b (citation/suffix); "et al."
// for one or two authors (citation/et-al).
#include <algorithm>
#include <map>
#include <optional>

#include "cite/entries.hpp"
#include "cite/scan.hpp"
#include "citelint/ids.hpp"
#include "citelint/kinds.hpp"
#include "ids/match.hpp"
#include "model/utf8.hpp"

namespace citelint {

std::string_view to_string(CiteForm form) {
  switch (form) {
    case CiteForm::key:
      return "key";
    case CiteForm::number:
      return "number";
    case CiteForm::author_year:
      return "author-year";
    case CiteForm::record:
      return "record";
  }
  return "key";
}

namespace {

using cite::EntryNames;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The list of one paper and what its entries are called.
struct List {
  const Corpus& corpus;
  std::vector<std::size_t> refs;  // indices into corpus.references
  std::vector<int> numbers;       // each entry's number (its label, else its place)
  bool labelled = false;          // the numbers are the entries' labels
  mutable std::vector<std::optional<EntryNames>> names;

  const Reference& ref(std::size_t i) const { return corpus.references[refs[i]]; }
  const Document& doc(std::size_t i) const { return *corpus.documents[ref(i).input]; }
  const EntryNames& names_of(std::size_t i) const {
    if (!names[i]) names[i] = cite::entry_names(doc(i), ref(i));
    return *names[i];
  }
  std::string what(std::size_t i) const {  // the entry as a message names it
    const Reference& r = ref(i);
    if (labelled && numbers[i] > 0) {
      std::string label = "[";
      label += std::to_string(numbers[i]);
      return label += ']';
    }
    const EntryNames& n = names_of(i);
    if (cite::list_after_body(doc(i)) ||
        (doc(i).format() == "markdown" && !cite::markdown_definition(doc(i), r)))
      return n.first.empty() ? "entry " + r.id : n.first + " (" + n.year + ")";
    return "'" + r.id + "'";
  }
};

Finding finding(const Span& span, Kind kind, std::string reference, std::string message) {
  Reference r;
  r.id = std::move(reference);
  return kind_finding(r, span, kind, std::move(message));
}

std::string quoted_span(const Corpus& corpus, std::uint32_t input, const Span& s) {
  std::string out = "'";
  out.append(corpus.documents[input]->slice(s));
  return out += '\'';
}

// The entries an author-year citation names, and what it finds wrong on the way.
struct Resolver {
  const List& list;
  CitationReport& report;

  bool same_name(std::string_view cited, const std::string& family) const {
    const std::string c = ids::folded_name(cited);
    if (c.empty() || family.empty()) return false;
    if (c == family) return true;
    // "van Dijk" cited as "Dijk", or "Dijk" listed as "van Dijk".
    const auto ends = [](const std::string& a, const std::string& b) {
      return a.size() > b.size() && b.size() >= 3 &&
             a.compare(a.size() - b.size(), b.size(), b) == 0;
    };
    // "Tyner" for "TynerW" (initials glued by OCR), "Hamelin" for "Hamelin Wesnaes" (a comma
    // lost): one name the start of the other, five letters at least.
    const auto starts = [](const std::string& a, const std::string& b) {
      return a.size() > b.size() && b.size() >= 5 && a.compare(0, b.size(), b) == 0;
    };
    return ends(c, family) || ends(family, c) || starts(c, family) || starts(family, c);
  }

  std::vector<std::size_t> resolve(const Citation& c) {
    std::vector<std::size_t> by_name, by_year;
    const std::string cited_base = c.year.substr(0, std::min<std::size_t>(c.year.size(), 4));
    const char cited_suffix = c.year.size() == 5 ? c.year[4] : '\0';
    for (std::size_t i = 0; i < list.refs.size(); ++i) {
      const EntryNames& n = list.names_of(i);
      if (n.families.empty() || !same_name(c.author, n.families.front())) continue;
      if (!c.second.empty() && c.names == 2 && n.families.size() >= 2 &&
          !same_name(c.second, n.families[1]))
        continue;
      by_name.push_back(i);
      if (n.base_year == cited_base && (!cited_suffix || !n.suffix || n.suffix == cited_suffix))
        by_year.push_back(i);
    }
    const std::string as_cited = c.author + (c.et_al ? " et al." : "") + " (" + c.year + ")";
    if (by_year.size() > 1) {
      // "Tonini et al. (2012)" of "Tonini & Astrup 2012" and "Tonini, Hamelin ... 2012": the
      // number of authors tells them apart.
      std::vector<std::size_t> fits;
      for (std::size_t i : by_year) {
        const EntryNames& n = list.names_of(i);
        const std::size_t authors = n.authors();
        if (c.et_al ? authors >= 3 || n.many : authors == c.names) fits.push_back(i);
      }
      if (!fits.empty()) return fits;
    }
    if (!by_year.empty()) return by_year;
    // An entry of the name whose year cannot be read (OCR's "(2O0)"): no telling it is not it.
    for (std::size_t i : by_name)
      if (list.names_of(i).base_year.size() != 4) return {i};
    if (by_name.size() == 1) {
      const std::size_t i = by_name.front();
      report.findings.push_back(finding(c.span, Kind::citation_mismatch, list.ref(i).id,
                                        as_cited + " cites " + list.names_of(i).first + " of " +
                                            list.names_of(i).year + " in the list: the year is " +
                                            c.year + " here, " + list.names_of(i).year + " there"));
      return by_name;
    }
    // A name spelt another way, of the year cited: "Smyth" for "Smith".
    const std::string folded = ids::folded_name(c.author);
    std::size_t near = kNone, nears = 0;
    for (std::size_t i = 0; i < list.refs.size(); ++i) {
      const EntryNames& n = list.names_of(i);
      if (n.families.empty() || n.base_year != cited_base) continue;
      const std::string& f = n.families.front();
      if (f.size() >= 3 && folded.size() >= 3 &&
          utf8::edit_distance(f, folded) <= (f.size() >= 8 ? 2 : 1)) {
        near = i;
        ++nears;
      }
    }
    if (nears == 1) {
      report.findings.push_back(finding(c.span, Kind::citation_mismatch, list.ref(near).id,
                                        as_cited + " names " + c.author + "; the list's entry of " +
                                            list.names_of(near).year + " is by " +
                                            list.names_of(near).first));
      return {near};
    }
    return {};
  }
};

// The entries by key and by number, made once a paper: a key exactly, else an anchor a
// Markdown entry sets, else regardless of case; a Markdown list item's id is its place, no key
// to cite it by.
struct Index {
  std::map<std::string, std::size_t> exact, anchored, folded;
  std::map<int, std::size_t> numbered;

  explicit Index(const List& list) {
    for (std::size_t i = 0; i < list.refs.size(); ++i) {
      const Document& doc = list.doc(i);
      const bool markdown = doc.format() == "markdown";
      if (!markdown || cite::markdown_definition(doc, list.ref(i))) {
        exact.emplace(list.ref(i).id, i);
        folded.emplace(utf8::ascii_lower(list.ref(i).id), i);
      }
      if (markdown)
        for (std::string& a : cite::markdown_anchors(doc, list.ref(i))) anchored.emplace(a, i);
      if (list.numbers[i] > 0) numbered.emplace(list.numbers[i], i);
    }
  }
  std::size_t by_key(const std::string& key) const {
    for (const auto* m : {&exact, &anchored})
      if (const auto it = m->find(key); it != m->end()) return it->second;
    const auto it = folded.find(utf8::ascii_lower(key));
    return it == folded.end() ? kNone : it->second;
  }
  std::size_t by_number(int n) const {
    const auto it = numbered.find(n);
    return it == numbered.end() ? kNone : it->second;
  }
};

// A record (a reference manager's field) against the entries: its title, author and year.
std::size_t by_record(const List& list, const Citation& c) {
  RegisteredWork work;
  work.title = c.title;
  work.family = c.author;
  work.year = std::atoi(c.year.c_str());
  for (std::size_t i = 0; i < list.refs.size(); ++i) {
    const std::string_view text = list.doc(i).slice(list.ref(i).span);
    if (work.title.empty()) {
      const EntryNames& n = list.names_of(i);
      if (!n.families.empty() && n.families.front() == ids::folded_name(c.author) &&
          n.base_year == c.year.substr(0, 4))
        return i;
      continue;
    }
    if (ids::match_work(work, text, ids::years_of(list.ref(i), text)).verdict ==
        ids::WorkMatch::same)
      return i;
  }
  return kNone;
}

// An entry's number: its label ("[12]", JATS's <label>12</label>), or 0.
int label_of(const Corpus& corpus, const Reference& r) {
  if (!r.label.number.empty()) return std::atoi(r.label.number.c_str());
  const Document& doc = *corpus.documents[r.input];
  if (doc.format() != "jats") return 0;
  const std::string_view t = doc.slice(r.span);
  const std::size_t at = t.find("<label>");
  if (at == std::string_view::npos || at > 200) return 0;
  int n = 0;
  for (std::size_t i = at + 7;
       i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])) && n < 100000; ++i)
    n = n * 10 + (t[i] - '0');
  return n;
}

struct Checker {
  const Corpus& corpus;
  const Paper& paper;
  CiteOrder order;
  CitationReport& report;
  List list;
  std::vector<std::size_t> first_citation;  // per entry: index into report.citations, or kNone
  std::size_t from = 0;                     // this paper's first citation in report.citations
  bool author_year_ = false;                // the paper cites by author and year
  std::size_t missing_read_ = 0;            // citations read from words that name no entry
  std::optional<std::vector<std::string_view>> body_texts_;  // for named_in_text

  // Per input, [begin, end) of its references in corpus.references (grouped by input).
  const std::vector<std::pair<std::size_t, std::size_t>>& of_input;

  Checker(const Corpus& c, const Paper& p, CiteOrder o, CitationReport& r,
          const std::vector<std::pair<std::size_t, std::size_t>>& ranges)
      : corpus(c), paper(p), order(o), report(r), list{c, {}, {}, false, {}}, of_input(ranges) {}

  void make_list() {
    for (std::uint32_t d : paper.lists)
      for (std::size_t i = of_input[d].first; i < of_input[d].second; ++i) list.refs.push_back(i);
    std::vector<int> labels;
    for (std::size_t i : list.refs) labels.push_back(label_of(corpus, corpus.references[i]));
    list.labelled = std::any_of(labels.begin(), labels.end(), [](int n) { return n > 0; });
    for (std::size_t k = 0; k < list.refs.size(); ++k)
      list.numbers.push_back(list.labelled ? labels[k] : static_cast<int>(k + 1));
    list.names.resize(list.refs.size());
    first_citation.assign(list.refs.size(), kNone);
  }

  void scan(std::vector<Diagnostic>& diagnostics) {
    from = report.citations.size();
    for (std::uint32_t d : paper.bodies) {
      const Document& doc = *corpus.documents[d];
      const CiteFormat* format = find_cite_format(doc.format());
      if (!format) continue;
      const auto [b, e] = of_input[d];
      std::span<const Reference> refs(corpus.references.data() + b, e - b);
      for (Citation& c : format->scan(doc, refs, diagnostics)) {
        report.citations.push_back(std::move(c));
        report.input.push_back(d);
      }
    }
  }

  void cite(std::size_t k, std::size_t entry) {
    const std::size_t ref = list.refs[entry];
    auto& by = report.cited_by[ref];
    if (std::find(by.begin(), by.end(), k) == by.end()) by.push_back(static_cast<std::uint32_t>(k));
    if (first_citation[entry] == kNone && !report.citations[k].silent) first_citation[entry] = k;
  }

  void missing(const Citation& c, std::uint32_t input) {
    if (!paper.list_complete) return;  // the list could not be read whole: said already
    // "PubMed (2018)", "BERTScore (2020)": a name and a year in the prose, no author's past
    // doubt; "Smith et al. (2020)", "Smith and Lee (2019)", "(Smith, 2020)" are.
    if (c.form == CiteForm::author_year && c.narrative && !c.et_al && c.names < 2) return;
    // A number inside the list's numbering that no entry has: a gap in the numbering, where
    // entries were lost or run together (a rule about the numbering says so), not the text.
    if (c.form == CiteForm::number && list.labelled && c.number > 0 &&
        c.number < *std::max_element(list.numbers.begin(), list.numbers.end()))
      return;
    std::string message;
    switch (c.form) {
      case CiteForm::key:
        message = "'" + c.key + "' is cited, and no entry of the list has that key";
        break;
      case CiteForm::number:
        message = quoted_span(corpus, input, c.span) + " cites entry " + std::to_string(c.number) +
                  ", which the list (" + std::to_string(list.refs.size()) +
                  " entries) does not have";
        break;
      case CiteForm::author_year:
        message = c.author + " (" + c.year + ") is cited, and no entry of the list is theirs";
        break;
      case CiteForm::record:
        message = "a reference manager's citation of " + c.author + " (" + c.year + ")" +
                  (c.title.empty() ? "" : ", '" + c.title + "',") + " has no entry in the list";
        break;
    }
    if (c.form == CiteForm::number || c.form == CiteForm::author_year) ++missing_read_;
    report.findings.push_back(finding(c.span, Kind::citation_missing, "", message));
  }

  // Every citation to the entries it names; what names none is missing.
  void resolve() {
    Resolver resolver{list, report};
    const Index index(list);
    for (std::size_t k = from; k < report.citations.size(); ++k) {
      const Citation c = report.citations[k];
      const std::uint32_t input = report.input[k];
      std::vector<std::size_t> entries;
      if (c.all) {
        for (std::size_t i = 0; i < list.refs.size(); ++i) entries.push_back(i);
      } else if (c.form == CiteForm::key) {
        if (std::size_t i = index.by_key(c.key); i != kNone) entries.push_back(i);
      } else if (c.form == CiteForm::number) {
        if (std::size_t i = index.by_number(c.number); i != kNone) entries.push_back(i);
      } else if (c.form == CiteForm::record) {
        if (std::size_t i = by_record(list, c); i != kNone) entries.push_back(i);
      } else {
        entries = resolver.resolve(c);
      }
      if (entries.empty()) missing(c, input);
      for (std::size_t i : entries) {
        cite(k, i);
        if (entries.size() == 1) et_al(c, i);  // of several, none is the one past doubt
      }
      if (c.backwards)
        report.findings.push_back(
            finding(c.span, Kind::citation_range, "",
                    "the range " + quoted_span(corpus, input, c.span) +
                        " does not run upwards: write it from the lower number to the higher"));
    }
  }

  void et_al(const Citation& c, std::size_t i) {
    if (c.form != CiteForm::author_year || !c.et_al) return;
    const EntryNames& n = list.names_of(i);
    if (!n.authors_known || n.many || n.families.size() > 2) return;
    report.findings.push_back(
        finding(c.span, Kind::citation_et_al, list.ref(i).id,
                "'et al.' for a work of " +
                    std::string(n.families.size() == 1 ? "one author" : "two authors") +
                    " in the list: name " + (n.families.size() == 1 ? "the author" : "both")));
  }

  void uncited() {
    if (!paper.list_complete) return;
    std::vector<bool> used(corpus.documents.size());
    for (std::size_t i = 0; i < list.refs.size(); ++i)
      if (!report.cited_by[list.refs[i]].empty()) used[list.ref(i).input] = true;
    for (std::size_t i = 0; i < list.refs.size(); ++i) {
      const Reference& r = list.ref(i);
      if (!used[r.input] || !report.cited_by[list.refs[i]].empty()) continue;
      // Cited by author and year, an entry whose author or year cannot be read (a converter's
      // damage) cannot be matched: no telling it is not cited.
      if (author_year_ &&
          (list.names_of(i).families.empty() || list.names_of(i).base_year.size() != 4))
        continue;
      // Its author's name in the text, where no citation read names it: cited in a form not
      // read (a parenthesis a PDF's margin note splits, a typo), more likely than not.
      if (author_year_ && named_in_text(first_word(list.names_of(i).first))) continue;
      report.findings.push_back(
          kind_finding(r, r.span, Kind::citation_uncited,
                       list.what(i) + " is in the list, and the text never cites it"));
    }
  }

  static std::string first_word(const std::string& name) {
    std::size_t e = 0;
    while (e < name.size() && (std::isalpha(static_cast<unsigned char>(name[e])) ||
                               static_cast<unsigned char>(name[e]) >= 0x80))
      ++e;
    return name.substr(0, e);
  }

  // Whether the body has the name as a word of its own ("Yu", not "Yuan").
  bool named_in_text(const std::string& name) {
    if (name.size() < 2) return false;
    if (!body_texts_) {  // the paper's body text, once
      body_texts_.emplace();
      for (std::uint32_t d : paper.bodies) {
        const Document& doc = *corpus.documents[d];
        for (const auto& [b, e] : cite::body_ranges(doc, {}))
          body_texts_->push_back(std::string_view(doc.text()).substr(b, e - b));
      }
    }
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (const std::string_view t : *body_texts_)
      for (std::size_t at = t.find(name); at != std::string_view::npos; at = t.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at == 0 || !letter(t[at - 1])) && (end == t.size() || !letter(t[end]))) return true;
      }
    return false;
  }

  // Whether the list is sorted by its authors' names (numbered, but alphabetical).
  bool alphabetical() const {
    std::size_t sorted = 0, pairs = 0;
    for (std::size_t i = 1; i < list.refs.size(); ++i) {
      const EntryNames &a = list.names_of(i - 1), &b = list.names_of(i);
      if (a.families.empty() || b.families.empty()) continue;
      ++pairs;
      sorted += a.families.front() <= b.families.front();
    }
    return pairs >= 3 && sorted * 10 >= pairs * 9;
  }

  // The entries out of the order of first citation: those off the longest run of first
  // citations in increasing order (one entry moved is one finding, not every entry after it).
  void numbered_order() {
    if (order == CiteOrder::any) return;
    // A PDF sets figures and tables away from where the text cites them: its reading order is
    // not the manuscript's, and only --citation-order first-cited checks it.
    if (order == CiteOrder::automatic && corpus.documents[paper.bodies.front()]->format() == "pdf")
      return;
    std::vector<std::pair<std::size_t, std::size_t>> firsts;  // citation, entry
    for (std::size_t i = 0; i < list.refs.size(); ++i)
      if (first_citation[i] != kNone &&
          (list.labelled || report.citations[first_citation[i]].form == CiteForm::number))
        firsts.emplace_back(first_citation[i], i);
    if (firsts.size() < 3) return;
    std::sort(firsts.begin(), firsts.end());
    const std::vector<bool> in_order = increasing_run(firsts);
    const auto kept = static_cast<std::size_t>(std::count(in_order.begin(), in_order.end(), true));
    // As the list suggests: in citation order unless sorted by author, or mostly out of it.
    if (order == CiteOrder::automatic && (alphabetical() || kept * 5 < firsts.size() * 3)) return;
    for (std::size_t j = 0; j < firsts.size(); ++j) {
      if (in_order[j]) continue;
      const int n = list.numbers[firsts[j].second];
      int lower = 0;  // the lowest number first cited after this one
      for (std::size_t l = j + 1; l < firsts.size(); ++l)
        if (const int m = list.numbers[firsts[l].second]; m < n && (lower == 0 || m < lower))
          lower = m;
      if (lower == 0) continue;  // cited after all it should follow: its place was taken
      report.findings.push_back(
          finding(report.citations[firsts[j].first].span, Kind::citation_order,
                  list.ref(firsts[j].second).id,
                  "entry " + std::to_string(n) + " is first cited here, before entry " +
                      std::to_string(lower) +
                      " is: in the order of first citation it would be numbered after it"));
    }
  }

  // Which of the first citations (in text order) lie on a longest run of increasing numbers.
  std::vector<bool> increasing_run(
      const std::vector<std::pair<std::size_t, std::size_t>>& firsts) const {
    const std::size_t n = firsts.size();
    std::vector<std::size_t> tails, before(n, kNone);  // tails: index of the run's end by length
    for (std::size_t j = 0; j < n; ++j) {
      const int v = list.numbers[firsts[j].second];
      const auto at = std::lower_bound(tails.begin(), tails.end(), v, [&](std::size_t t, int x) {
        return list.numbers[firsts[t].second] < x;
      });
      if (at != tails.begin()) before[j] = *(at - 1);
      if (at == tails.end()) {
        tails.push_back(j);
      } else {
        *at = j;
      }
    }
    std::vector<bool> on(n, false);
    for (std::size_t j = tails.empty() ? kNone : tails.back(); j != kNone; j = before[j])
      on[j] = true;
    return on;
  }

  // Works of the same authors and year, none told apart by a letter.
  void suffixes() {
    std::map<std::pair<std::vector<std::string>, std::string>, std::vector<std::size_t>> works;
    for (std::size_t i = 0; i < list.refs.size(); ++i) {
      const EntryNames& n = list.names_of(i);
      if (n.families.empty() || n.base_year.size() != 4) continue;
      works[{n.families, n.base_year}].push_back(i);
    }
    for (const auto& [key, entries] : works) {
      if (entries.size() < 2) continue;
      for (std::size_t e = 1; e < entries.size(); ++e) {
        const EntryNames& n = list.names_of(entries[e]);
        if (n.suffix) continue;
        const Reference& r = list.ref(entries[e]);
        report.findings.push_back(kind_finding(r, r.span, Kind::citation_suffix,
                                               std::to_string(entries.size()) + " entries by " +
                                                   list.names_of(entries[0]).first + " of " +
                                                   key.second + ": an author-year style writes " +
                                                   key.second + "a, " + key.second + "b"));
      }
    }
  }

  // Whether the citations read from text (not keys, not records) are what the text cites: few
  // of them naming no entry, and most entries cited.
  bool confident(std::vector<std::string>& notes) const {
    std::size_t read = 0, cited = 0;
    for (std::size_t k = from; k < report.citations.size(); ++k) {
      const CiteForm f = report.citations[k].form;
      read += f == CiteForm::number || f == CiteForm::author_year;
    }
    for (std::size_t i = 0; i < list.refs.size(); ++i)
      cited += !report.cited_by[list.refs[i]].empty();
    const bool keyed = std::any_of(
        report.citations.begin() + static_cast<long>(from), report.citations.end(),
        [](const Citation& c) { return c.form == CiteForm::key || c.form == CiteForm::record; });
    const std::string& path = corpus.documents[paper.bodies.front()]->path();
    // Many citations read from words that name no entry: the list was read in part (a PDF's
    // section cut short), not cited wrong.
    if (!keyed && missing_read_ > 2 && missing_read_ * 10 > read) {
      notes.push_back(path + ": " + std::to_string(missing_read_) + " of its " +
                      std::to_string(read) +
                      " citations name no entry of the list as read (the list may have been read "
                      "in part: citelint text shows it): its citations were not checked");
      return false;
    }
    // A paper cites nearly every entry of its list: fewer than four in five read (and more
    // than two left) means the text cites in a form not read, or its text is out of order (a
    // PDF's columns interleaved).
    if (keyed || read == 0 || cited * 5 >= list.refs.size() * 4 || cited + 2 >= list.refs.size())
      return true;
    notes.push_back(path + ": " + std::to_string(cited) + " of the list's " +
                    std::to_string(list.refs.size()) +
                    " entries are cited in a form citelint reads: its citations were not checked");
    return false;
  }

  void run(std::vector<Diagnostic>& diagnostics) {
    scan(diagnostics);
    if (report.citations.size() == from) {
      // A PDF's, a DOCX's or a text's body before its list, and no citation in a form read
      // (superscripts a PDF set, a notes style): said, not passed over.
      const std::uint32_t d = paper.bodies.front();
      const Document& doc = *corpus.documents[d];
      if (cite::list_after_body(doc) && doc.list_first_line() > 1 &&
          of_input[d].second > of_input[d].first)
        report.notes.push_back(doc.path() +
                               ": no citation in its text is in a form citelint reads (numbers in "
                               "brackets, authors and years): its citations were not checked");
      return;
    }
    make_list();
    if (list.refs.empty()) return;
    const std::size_t found_before = report.findings.size();
    resolve();
    if (!confident(report.notes)) {
      report.findings.resize(found_before);
      return;
    }
    author_year_ =
        std::any_of(report.citations.begin() + static_cast<long>(from), report.citations.end(),
                    [](const Citation& c) { return c.form == CiteForm::author_year; });
    uncited();
    numbered_order();
    if (author_year_) suffixes();
  }
};

}  // namespace

CitationReport check_citations(const Corpus& corpus, const std::vector<Paper>& papers,
                               CiteOrder order, std::vector<Diagnostic>& diagnostics) {
  CitationReport report;
  report.cited_by.resize(corpus.references.size());
  std::vector<std::pair<std::size_t, std::size_t>> of_input(corpus.documents.size());
  for (std::size_t i = 0; i < corpus.references.size(); ++i) {
    auto& [b, e] = of_input[corpus.references[i].input];
    if (e == 0) b = i;
    e = i + 1;
  }
  for (const Paper& paper : papers) {
    report.notes.insert(report.notes.end(), paper.notes.begin(), paper.notes.end());
    Checker(corpus, paper, order, report, of_input).run(diagnostics);
  }
  sort_findings(report.findings);
  return report;
}

}  // namespace citelint
