// What the identifiers' resolution means for each citation: a DOI unregistered, of another work,
// a near miss, not checked; a PMCID or arXiv id that does not exist, identifiers of different
// works, an arXiv version revised since; and the notices a cited work carries (retracted,
// withdrawn, expression of concern, corrected). Also the link results the DOI system gives DOI
// links.
#include <algorithm>

#include "citelint/extract.hpp"
#include "citelint/ids.hpp"
#include "ids/match.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

enum class Grade : std::uint8_t { none, corrected, concern, retracted };

Grade grade_of(std::string_view type) {
  for (const std::string_view t : {"retraction", "partial_retraction", "withdrawal", "removal"})
    if (type == t) return Grade::retracted;
  if (type == "expression_of_concern") return Grade::concern;
  for (const std::string_view t :
       {"correction", "erratum", "corrigendum", "addendum", "clarification"})
    if (type == t) return Grade::corrected;
  return Grade::none;
}

std::string_view verb_of(std::string_view type) {
  if (type == "retraction") return "retracted";
  if (type == "partial_retraction") return "partly retracted";
  if (type == "withdrawal") return "withdrawn";
  if (type == "removal") return "removed";
  if (type == "expression_of_concern") return "under an expression of concern";
  if (type == "reinstatement") return "reinstated";
  return "corrected";
}

// "retracted (2019-07-26, notice 10.1000/n1; retraction-watch)".
std::string notice_words(const Notice& n) {
  std::string details;
  if (!n.date.empty()) details += n.date;
  if (!n.doi.empty()) details += (details.empty() ? "" : ", ") + std::string("notice ") + n.doi;
  if (!n.source.empty()) details += (details.empty() ? "" : "; ") + n.source;
  return std::string(verb_of(n.type)) + (details.empty() ? "" : " (" + details + ")");
}

// The notices that count, each once (a registry and the local dataset may both have it), the
// gravest first; a reinstatement after a retraction or concern takes its grade back down.
std::vector<Notice> counted(std::vector<Notice> notices, Grade& grade, bool& reinstated) {
  std::vector<Notice> out;
  for (Notice& n : notices) {
    if (grade_of(n.type) == Grade::none && n.type != "reinstatement") continue;
    const auto same = std::find_if(out.begin(), out.end(), [&](const Notice& o) {
      return o.type == n.type && (o.doi == n.doi || o.doi.empty() || n.doi.empty()) &&
             (o.date == n.date || o.date.empty() || n.date.empty());
    });
    if (same == out.end()) {
      out.push_back(std::move(n));
    } else {
      if (same->doi.empty()) same->doi = n.doi;
      if (same->date.empty()) same->date = n.date;
      if (same->source.find(n.source) == std::string::npos) same->source += ", " + n.source;
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Notice& a, const Notice& b) {
    return grade_of(a.type) > grade_of(b.type);
  });
  grade = out.empty() ? Grade::none : grade_of(out.front().type);
  reinstated = false;
  for (const Notice& n : out)
    if (n.type == "reinstatement" && grade >= Grade::concern && n.date >= out.front().date) {
      reinstated = true;
      grade = Grade::corrected;
    }
  return out;
}

// An integrity finding for the notices of what `subject` names ("DOI 10.1/x", "PMID 123").
void add_notices(std::vector<Finding>& out, const Reference& ref, const Span& span,
                 const std::string& subject, const std::vector<Notice>& notices) {
  Grade grade = Grade::none;
  bool reinstated = false;
  const std::vector<Notice> kept = counted(notices, grade, reinstated);
  if (grade == Grade::none) return;
  const Kind kind = grade == Grade::retracted ? Kind::integrity_retracted
                    : grade == Grade::concern ? Kind::integrity_concern
                                              : Kind::integrity_corrected;
  std::string message = "the work of " + subject + " is ";
  for (std::size_t i = 0; i < kept.size(); ++i)
    message += (i == 0 ? "" : i + 1 == kept.size() ? " and " : ", ") + notice_words(kept[i]);
  if (grade == Grade::retracted)
    message += ": cite it only as a retracted work, with its notice, or not at all";
  else if (grade == Grade::concern)
    message += ": read the notice before relying on it";
  else if (reinstated)
    message += ": it stands again";
  else
    message += ": cite the corrected version, or the correction too";
  out.push_back(kind_finding(ref, span, kind, std::move(message)));
}

// Whether the DOI was read from a resolver link the reference cites (the link's result reports
// it being unregistered).
bool from_link(const Reference& ref, const Doi& d) {
  return std::any_of(ref.urls.begin(), ref.urls.end(), [&](const Url& u) {
    return u.span.begin <= d.span.begin && d.span.end <= u.span.end &&
           !doi_of_link(u.normalised).empty();
  });
}

// The reference's own text.
std::string_view text_of(const Corpus& corpus, const Reference& ref) {
  return corpus.documents[ref.input]->slice(ref.span);
}

// "'Title' (Family, 2019, Journal)".
std::string work_words(const RegisteredWork& w) {
  std::string details = w.family;
  if (w.year > 0) details += (details.empty() ? "" : ", ") + std::to_string(w.year);
  if (!w.container.empty()) details += (details.empty() ? "" : ", ") + w.container;
  return "'" + w.title + "'" + (details.empty() ? "" : " (" + details + ")");
}

// A finding to make: its kind and message (none when the message is empty).
struct Said {
  Kind kind;
  std::string message;
};

// Whether the identifier is registered (and its record worth comparing); if not, what the
// services said of it: unregistered, or inconclusive (unless no service could be reached at all).
bool registered(std::vector<Finding>& out, const Reference& ref, const Span& span, DoiState state,
                const Said& unregistered, const Said& unchecked, bool network_down) {
  const Said* said = state == DoiState::unregistered   ? &unregistered
                     : state == DoiState::inconclusive ? (network_down ? nullptr : &unchecked)
                                                       : nullptr;
  if (said && !said->message.empty())
    out.push_back(kind_finding(ref, span, said->kind, said->message));
  return state == DoiState::registered;
}

void add_resolution(std::vector<Finding>& out, const Corpus& corpus, const IdReport& report,
                    const Reference& ref, const Doi& d, const DoiResolution& r) {
  const std::string subject = "DOI " + d.value;
  const Said unregistered{Kind::doi_unregistered,
                          from_link(ref, d) ? std::string()
                                            : subject +
                                                  " is not registered: the DOI system has no "
                                                  "such DOI (a digit mistyped or lost?)"};
  if (!registered(out, ref, d.span, r.state, unregistered,
                  {Kind::doi_unchecked, subject + " could not be checked: " + r.error},
                  report.network_down))
    return;
  if (!r.work) {
    if (!r.error.empty() && r.agency != "")
      out.push_back(
          kind_finding(ref, d.span, Kind::doi_unchecked,
                       subject + " is registered, but its record could not be read: " + r.error));
    return;
  }
  const std::string_view text = text_of(corpus, ref);
  const ids::WorkMatch m = ids::match_work(*r.work, text, ids::years_of(ref, text));
  if (m.verdict == ids::WorkMatch::other_work)
    out.push_back(kind_finding(ref, d.span, Kind::doi_mismatch,
                               subject + " is registered for another work: " + work_words(*r.work) +
                                   "; differs in " + m.differs));
  else if (m.verdict == ids::WorkMatch::near_miss)
    out.push_back(kind_finding(
        ref, d.span, Kind::doi_near_miss,
        subject + " is registered as " + work_words(*r.work) + "; differs in " + m.differs));
}

// An arXiv id's paper: the version cited, and whether it is the cited work.
void add_arxiv(std::vector<Finding>& out, const Corpus& corpus, const Reference& ref,
               const Identifier& id, const IdResolution& r, const std::string& subject) {
  const int cited = cited_version(id);
  const std::string latest = std::string(1, 'v').append(std::to_string(r.latest_version));
  if (r.latest_version > 0 && cited > r.latest_version)
    out.push_back(
        kind_finding(ref, id.span, Kind::id_unregistered,
                     subject + " names a version arXiv does not have: its latest is " + latest));
  else if (cited > 0 && cited < r.latest_version)
    out.push_back(kind_finding(ref, id.span, Kind::id_newer_version,
                               subject + " cites version " + std::to_string(cited) +
                                   "; the paper has been revised since, its latest version is " +
                                   latest));
  if (r.work) {
    const std::string_view text = text_of(corpus, ref);
    const ids::WorkMatch m = ids::match_work(*r.work, text, ids::years_of(ref, text));
    if (m.verdict == ids::WorkMatch::other_work)
      out.push_back(kind_finding(ref, id.span, Kind::id_mismatch,
                                 subject + " is arXiv's paper of another work: " +
                                     work_words(*r.work) + "; differs in " + m.differs));
  }
  add_notices(out, ref, id.span, subject, r.notices);
}

// A PMID's or PMCID's article in PubMed Central, against the reference's DOI and its other id.
void add_pubmed(std::vector<Finding>& out, const Reference& ref, const Identifier& id,
                const IdResolution& r, const std::string& subject, bool& doi_told) {
  const std::string article =
      subject + " is PubMed Central's article " + (id.scheme == IdScheme::pmid ? r.pmcid : r.pmid);
  for (const Doi& d : ref.dois)
    if (!doi_told && !r.doi.empty() && utf8::ascii_lower(d.value) != r.doi) {
      doi_told = true;
      out.push_back(kind_finding(ref, id.span, Kind::id_mismatch,
                                 article + " of DOI " + r.doi + ", but the reference gives DOI " +
                                     d.value + ": one of them names another work"));
    }
  if (id.scheme != IdScheme::pmcid || r.pmid.empty()) return;  // the PMCID's side tells it
  for (const Identifier& other : ref.ids)
    if (other.scheme == IdScheme::pmid && other.value != r.pmid)
      out.push_back(kind_finding(ref, id.span, Kind::id_mismatch,
                                 subject + " is PubMed Central's article of PMID " + r.pmid +
                                     ", but the reference gives PMID " + other.value +
                                     ": one of them names another work"));
}

void add_other(std::vector<Finding>& out, const Corpus& corpus, const IdReport& report,
               const Reference& ref, const Identifier& id, const IdResolution& r, bool& doi_told) {
  const std::string subject = std::string(id_scheme_name(id.scheme)) + " " + id.value;
  const Said unregistered{
      Kind::id_unregistered,
      subject + " does not exist: " +
          (id.scheme == IdScheme::pmcid ? "PubMed Central has no such article (" + r.error + ")"
                                        : r.error)};
  if (!registered(out, ref, id.span, r.state, unregistered,
                  {Kind::id_unchecked, subject + " could not be checked: " + r.error},
                  report.network_down))
    return;
  if (id.scheme == IdScheme::arxiv)
    add_arxiv(out, corpus, ref, id, r, subject);
  else
    add_pubmed(out, ref, id, r, subject, doi_told);
}

// --suggest-doi: a DOI found for a reference without one, as a fix to add at its end; a search
// that failed, said.
void add_suggestions(std::vector<Finding>& out, const Corpus& corpus, const IdReport& report) {
  for (const DoiSuggestion& s : report.suggestions) {
    const Reference& ref = corpus.references[s.reference];
    if (!s.error.empty()) {
      out.push_back(kind_finding(ref, ref.span, Kind::doi_unchecked,
                                 "the reference gives no DOI, and Crossref could not be searched "
                                 "for one: " +
                                     s.error));
      continue;
    }
    if (s.doi.empty()) continue;
    const std::string_view text = text_of(corpus, ref);
    std::size_t end = text.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    const std::size_t at_end = ref.span.begin + end;
    const Span at = corpus.documents[ref.input]->span(at_end, at_end);
    Finding f = kind_finding(ref, at, Kind::doi_missing,
                             "the reference gives no DOI; Crossref's record of " +
                                 work_words(s.work) + " matches it: DOI " + s.doi);
    f.fix = Fix{" https://doi.org/" + s.doi, true};
    out.push_back(std::move(f));
  }
}

}  // namespace

std::vector<Finding> resolution_findings(const Corpus& corpus, const IdReport& report) {
  std::vector<Finding> out;
  add_suggestions(out, corpus, report);
  for (const Reference& ref : corpus.references) {
    bool doi_told = false;  // a PMID and a PMCID of the same other DOI: told once
    for (const Identifier& id : ref.ids)
      if (const IdResolution* r = report.find(id.scheme, resolution_value(id)))
        add_other(out, corpus, report, ref, id, *r, doi_told);
    std::vector<std::string> seen;  // a DOI given twice (a field and a link) is judged once
    for (const Doi& d : ref.dois) {
      const std::string doi = utf8::ascii_lower(d.value);
      if (std::find(seen.begin(), seen.end(), doi) != seen.end()) continue;
      seen.push_back(doi);
      const DoiResolution* r = report.find(doi);
      if (!r) continue;
      add_resolution(out, corpus, report, ref, d, *r);
      add_notices(out, ref, d.span, "DOI " + d.value, r->notices);
    }
    for (const Identifier& id : ref.ids)
      if (id.scheme == IdScheme::pmid)
        if (const auto it = report.pmids.find(id.value); it != report.pmids.end())
          if (std::find(seen.begin(), seen.end(), "pmid " + id.value) == seen.end()) {
            seen.push_back("pmid " + id.value);
            add_notices(out, ref, id.span, "PMID " + id.value, it->second);
          }
  }
  return out;
}

namespace {

std::string_view state_word(DoiState state, const std::vector<Notice>& notices) {
  Grade grade = Grade::none;
  bool reinstated = false;
  counted(notices, grade, reinstated);
  if (grade == Grade::retracted) return "retracted";
  if (grade == Grade::concern) return "concern";
  if (grade == Grade::corrected && !reinstated) return "corrected";
  if (state == DoiState::unknown) return "";
  return state == DoiState::inconclusive ? "unchecked" : to_string(state);
}

}  // namespace

std::string_view resolution_state(const DoiResolution& r) { return state_word(r.state, r.notices); }

std::string_view resolution_state(const IdResolution& r) {
  if (r.state == DoiState::unknown && r.scheme == IdScheme::pmid && !r.error.empty())
    return "not in PMC";
  return state_word(r.state, r.notices);
}

LinkResults doi_link_results(const Corpus& corpus, const IdReport& report) {
  // What the DOI system or the Handle System said of a resolver link; null when it was not asked
  // or could not answer.
  auto answer_for = [&](std::string_view url) -> const DoiResolution* {
    const std::string doi = doi_of_link(url);
    const DoiResolution* r =
        doi.empty() ? report.find_handle(handle_of_link(url)) : report.find(utf8::ascii_lower(doi));
    return r && (r->state == DoiState::registered || r->state == DoiState::unregistered) ? r
                                                                                         : nullptr;
  };
  std::vector<std::pair<std::string_view, const DoiResolution*>> known;
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls)
      if (u.valid)
        if (const DoiResolution* r = answer_for(u.normalised)) known.emplace_back(u.normalised, r);
  std::vector<std::string_view> urls;
  for (const auto& [url, r] : known) urls.push_back(url);
  LinkResults results(std::move(urls));
  for (const auto& [url, r] : known) {
    LinkResult* result = results.find(url);
    result->from_cache = r->from_cache;
    if (r->state == DoiState::registered) {
      result->status = LinkStatus::ok;
    } else {
      result->status = LinkStatus::broken;
      result->set_error(doi_of_link(url).empty()
                            ? "the Handle System has no such handle: it is not registered"
                            : "the DOI system has no such DOI: it is not registered");
    }
  }
  return results;
}

}  // namespace citelint
