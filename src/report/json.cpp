// The JSON report, schema citelint-report/1 (see docs/report-json.md). Fields may be added;
// none are renamed or removed without a new schema version.
#include <future>
#include <optional>

#include "citelint/history.hpp"
#include "citelint/ids.hpp"
#include "citelint/report.hpp"
#include "model/parallel.hpp"
#include "model/utf8.hpp"
#include "report/json_writer.hpp"

namespace citelint {

namespace {

// A span's start (and with `end`, its end) as the original shows it: the line and column of a
// text; the page too for a PDF; the paragraph as "line" for a DOCX (docs/report-json.md).
void write_position(json::Writer& w, const Document& doc, const Span& s, bool end = false) {
  const Document::Place at = doc.place(s.line);
  if (at.page > 0) w.key("page").value(at.page);
  w.key("line").value(at.line).key("column").value(s.column);
  if (!end) return;
  const Document::Place to = doc.place(s.end_line);
  if (to.page > 0) w.key("end_page").value(to.page);
  w.key("end_line").value(to.line).key("end_column").value(s.end_column);
}

// The archived copy of a link: the capture, or why there is none; null when none was asked for.
void write_archive(json::Writer& w, const ArchiveLookup* a) {
  if (!a) {
    w.null();
    return;
  }
  w.begin_object();
  if (a->capture) {
    const Capture& c = *a->capture;
    w.key("url").value(c.url).key("timestamp").value(c.timestamp);
    w.key("days").value(static_cast<long long>(c.days)).key("source").value(c.source);
  } else {
    w.key("url").null().key("timestamp").null().key("why").value(a->why);
  }
  w.key("date").value(a->date).key("from_cache").value(a->from_cache);
  w.end_object();
}

void write_link(json::Writer& w, std::string_view url, const LinkResult& r,
                const ArchiveLookup* archive) {
  w.begin_object().key("status").value(to_string(r.status));
  if (r.http_status) {
    w.key("http_status").value(r.http_status);
  } else {
    w.key("http_status").null();
  }
  if (!r.redirects().empty()) {
    w.key("final_url").value(r.final_url());
  } else if (r.attempts > 0) {
    w.key("final_url").value(url);  // asked, and not redirected
  } else {
    w.key("final_url").null();
  }
  w.key("redirects").begin_array();
  for (const Redirect& hop : r.redirects())
    w.begin_object().key("url").value(hop.url).key("status").value(hop.http_status).end_object();
  w.end_array();
  w.key("attempts").value(r.attempts);
  w.key("elapsed_ms").value(static_cast<long long>(r.elapsed_ms));
  w.key("from_cache").value(r.from_cache);
  if (r.error().empty()) {
    w.key("error").null();
  } else {
    w.key("error").value(r.error());
  }
  if (!r.title().empty()) {  // what the page names itself (drift compares it)
    w.key("titles").begin_array();
    std::string_view names = r.title();
    while (!names.empty()) {
      const std::string_view name = names.substr(0, names.find('\n'));
      w.value(name);
      names.remove_prefix(std::min(names.size(), name.size() + 1));
    }
    w.end_array();
  }
  if (const auto& h = r.history()) {  // the cache's checks over runs
    w.key("history").begin_object().key("checks").value(h->checks);
    w.key("failed_checks").value(h->failed_checks).key("failing_since");
    h->failing_since ? w.value(utc_date(h->failing_since)) : w.null();
    w.key("last_ok");
    h->last_ok ? w.value(utc_date(h->last_ok)) : w.null();
    w.end_object();
  }
  w.key("archive");
  write_archive(w, archive);
  w.end_object();
}

// What the registries say of a DOI (or the local dataset): its state, agency, registered work
// and notices.
void write_notices(json::Writer& w, const std::vector<Notice>& notices) {
  w.key("notices").begin_array();
  for (const Notice& n : notices) {
    w.begin_object().key("type").value(n.type).key("doi").value(n.doi);
    w.key("date").value(n.date).key("source").value(n.source).end_object();
  }
  w.end_array();
}

void write_resolution(json::Writer& w, const DoiResolution& r) {
  w.begin_object().key("state").value(to_string(r.state));
  if (!r.agency.empty()) w.key("agency").value(r.agency);
  if (!r.alias.empty()) w.key("alias").value(r.alias);
  if (r.work) {
    const RegisteredWork& k = *r.work;
    w.key("work").begin_object().key("title").value(k.title);
    if (k.year > 0) w.key("year").value(k.year);
    w.key("first_author").value(k.family).key("container").value(k.container);
    w.key("type").value(k.type).end_object();
  }
  write_notices(w, r.notices);
  if (!r.error.empty()) w.key("error").value(r.error);
  w.key("from_cache").value(r.from_cache).end_object();
}

// What the NCBI converter or arXiv said of an identifier.
void write_resolution(json::Writer& w, const IdResolution& r) {
  w.begin_object().key("state").value(to_string(r.state));
  for (const auto& [key, value] :
       {std::pair{"pmid", &r.pmid}, {"pmcid", &r.pmcid}, {"doi", &r.doi}})
    if (!value->empty()) w.key(key).value(*value);
  if (r.work) {
    w.key("work").begin_object().key("title").value(r.work->title);
    if (r.work->year > 0) w.key("year").value(r.work->year);
    w.key("first_author").value(r.work->family).key("journal_ref").value(r.work->container);
    w.end_object();
  }
  if (r.latest_version > 0) w.key("latest_version").value(r.latest_version);
  write_notices(w, r.notices);
  if (!r.error.empty()) w.key("error").value(r.error);
  w.key("from_cache").value(r.from_cache).end_object();
}

// ISBN, ISSN, arXiv, PMID, PMCID: each with what the services said of it, when asked.
void write_identifiers(json::Writer& w, const Reference& r, const Document& doc,
                       const IdReport* ids) {
  w.key("identifiers").begin_array();
  for (const Identifier& id : r.ids) {
    w.begin_object().key("scheme").value(to_string(id.scheme)).key("value").value(id.value);
    w.key("as_written").value(id.as_written);
    write_position(w, doc, id.span);
    w.key("valid").value(!check_identifier(id));
    if (const IdResolution* res = ids ? ids->find(id.scheme, resolution_value(id)) : nullptr) {
      w.key("resolution");
      write_resolution(w, *res);
    }
    w.end_object();
  }
  w.end_array();
}

// Where the text cites a reference: each citation's place and form; only for a reference of a
// paper whose citations were read.
void write_citations(json::Writer& w, const ReportInput& input, std::size_t index) {
  const CitationReport* c = input.citations;
  if (!c || index >= c->cited_by.size() || c->cited_by[index].empty()) return;
  w.key("citations").begin_array();
  for (std::uint32_t k : c->cited_by[index]) {
    const Citation& cite = c->citations[k];
    const Document& doc = *input.corpus.documents[c->input[k]];
    w.begin_object().key("input").value(doc.path());
    write_position(w, doc, cite.span, true);
    w.key("form").value(to_string(cite.form));
    if (cite.silent) w.key("silent").value(true);
    w.end_object();
  }
  w.end_array();
}

void write_reference(json::Writer& w, const ReportInput& input, std::size_t index) {
  const Reference& r = input.corpus.references[index];
  const Document& doc = *input.corpus.documents[r.input];
  const CheckReport* links = input.links;
  const ArchiveReport* archive = input.archive;
  const IdReport* ids = input.ids;
  const ArchiveReport* asked = archive && !archive->lookups.empty() ? archive : nullptr;
  std::optional<std::pair<std::string, DateRole>> date;
  if (asked) date = archive_date(r);
  w.begin_object();
  w.key("id").value(r.id).key("input").value(doc.path());
  const Document::Place first = doc.place(r.span.line), last = doc.place(r.span.end_line);
  if (first.page > 0) w.key("page").value(first.page);
  w.key("line").value(first.line);
  if (last.page > 0) w.key("end_page").value(last.page);
  w.key("end_line").value(last.line);
  w.key("urls").begin_array();
  for (const Url& u : r.urls) {
    w.begin_object().key("url").value(u.normalised).key("as_written").value(u.as_written);
    write_position(w, doc, u.span);
    w.key("valid").value(u.valid);
    if (u.linked) w.key("linked").value(true);  // a link's target: the words show no URL
    if (const LinkResult* result = links ? links->results.find(u.normalised) : nullptr) {
      w.key("link");
      write_link(w, u.normalised, *result,
                 date ? asked->find(archive_lookup_url(u), date->first) : nullptr);
    } else {
      // Unchecked (offline, or not a web URL): the same object each time.
      w.key("link").raw(
          R"({"status":"unchecked","http_status":null,"final_url":null,"redirects":[],)"
          R"("attempts":0,"elapsed_ms":null,"from_cache":false,"error":null,"archive":null})");
    }
    w.end_object();
  }
  w.end_array();
  w.key("dates").begin_array();
  for (const Date& d : r.dates) {
    w.begin_object().key("role").value(to_string(d.role));
    if (d.value().empty()) {
      w.key("value").null();
    } else {
      w.key("value").value(d.value());
    }
    w.key("as_written").value(d.as_written);
    write_position(w, doc, d.span);
    w.key("valid").value(d.valid).end_object();
  }
  w.end_array();
  w.key("dois").begin_array();
  for (const Doi& d : r.dois) {
    w.begin_object().key("doi").value(d.value).key("as_written").value(d.as_written);
    write_position(w, doc, d.span);
    if (const DoiResolution* res = ids ? ids->find(utf8::ascii_lower(d.value)) : nullptr;
        res && (res->state != DoiState::unknown || !res->notices.empty())) {
      w.key("resolution");
      write_resolution(w, *res);
    }
    w.end_object();
  }
  w.end_array();
  if (!r.ids.empty()) write_identifiers(w, r, doc, ids);  // only where the reference gives one
  write_citations(w, input, index);
  if (!r.parts.empty()) {
    w.key("parts").begin_array();
    for (const Part& p : r.parts) {
      w.begin_object().key("lang").value(p.lang);
      write_position(w, doc, p.span, true);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

// Each input: its path, format, how its positions count, and how many references it has.
void write_inputs(json::Writer& w, const Corpus& corpus) {
  std::vector<std::size_t> per_input(corpus.documents.size(), 0);
  for (const Reference& r : corpus.references) ++per_input[r.input];
  w.key("inputs").begin_array();
  for (const auto& d : corpus.documents) {
    w.begin_object().key("path").value(d->path()).key("format").value(d->format());
    w.key("positions")
        .value(std::string(d->place_unit() == "paragraph" ? "paragraph"
                           : d->format() == "pdf"         ? "page-line"
                                                          : "line"));
    w.key("references").value(per_input[d->id()]).end_object();
  }
  w.end_array();
}

void write_finding(json::Writer& w, const Document& doc, const Finding& f) {
  w.begin_object();
  w.key("rule").value(f.rule).key("category").value(f.category);
  w.key("severity").value(to_string(f.severity)).key("message").value(f.message);
  w.key("input").value(doc.path());
  write_position(w, doc, f.span, true);
  if (f.reference.empty()) {
    w.key("reference").null();
  } else {
    w.key("reference").value(f.reference);
  }
  if (f.fix) {
    w.key("fix").begin_object().key("replacement").value(f.fix->replacement);
    w.key("verified").value(f.fix->verified).end_object();
  } else {
    w.key("fix").null();
  }
  w.end_object();
}

void write_summary(json::Writer& w, const ReportInput& input, const Summary& s) {
  w.key("summary").begin_object();
  w.key("references").value(s.references).key("urls").value(s.urls);
  w.key("unique_urls").value(s.unique_urls);
  w.key("findings").begin_object().key("error").value(s.errors).key("warning").value(s.warnings);
  w.key("info").value(s.infos).end_object();
  w.key("links").begin_object();
  for (const auto& [status, n] : s.links) w.key(status).value(n);
  w.end_object();
  if (input.archive) {
    w.key("archive").begin_object().key("found").value(s.archived);
    w.key("not_found").value(s.not_archived).end_object();
  }
  w.end_object();
}

}  // namespace

void write_json(const ReportInput& input, const ReportSink& sink) {
  const Corpus& corpus = input.corpus;
  // The summary counts distinct URLs: on a thread of its own while the references are written.
  std::future<Summary> summary = parallel::in_background([&input] { return summarise(input); });
  constexpr std::size_t kChunk = 1 << 20;
  json::Writer w(kChunk + (64 << 10));
  auto flush = [&](std::size_t at_least) {
    if (w.size() < at_least) return;
    sink(w.view());
    w.clear();
  };
  w.begin_object();
  w.key("schema").value("citelint-report/1");
  w.key("tool")
      .begin_object()
      .key("name")
      .value("citelint")
      .key("version")
      .value(CITELINT_VERSION)
      .end_object();
  w.key("as_of").value(input.as_of);

  write_inputs(w, corpus);

  // The references, a window of groups at a time: each group written on a thread of its own,
  // then written out in order (a group's writer starts with no comma before its first) in the
  // background while the next window's groups are written.
  w.key("references").begin_array();
  flush(0);
  constexpr std::size_t kGroup = 512;
  const std::size_t window = parallel::threads();
  std::vector<json::Writer> windows[2] = {std::vector<json::Writer>(window),
                                          std::vector<json::Writer>(window)};
  std::future<void> writing;
  const auto& refs = corpus.references;
  for (std::size_t first = 0, k = 0; first < refs.size(); first += window * kGroup, ++k) {
    std::vector<json::Writer>& groups = windows[k % 2];  // written out two windows ago
    const std::size_t count = std::min(window, (refs.size() - first + kGroup - 1) / kGroup);
    parallel::for_each(count, 1, [&](std::size_t g) {
      json::Writer& out = groups[g];
      out.restart();
      const std::size_t begin = first + g * kGroup, end = std::min(refs.size(), begin + kGroup);
      for (std::size_t i = begin; i < end; ++i) write_reference(out, input, i);
    });
    if (writing.valid()) writing.get();
    writing = parallel::in_background([&sink, &groups, count, first] {
      for (std::size_t g = 0; g < count; ++g) {
        if (first + g > 0) sink(",");
        sink(groups[g].view());
      }
    });
  }
  if (writing.valid()) writing.get();
  w.end_array();

  w.key("findings").begin_array();
  for (const Finding& f : input.findings) {
    write_finding(w, *corpus.documents[f.span.input], f);
    flush(kChunk);
  }
  w.end_array();
  // What could not be read: an input with no references (line 0), or a place in one.
  w.key("errors").begin_array();
  if (input.errors)
    for (const Diagnostic& d : *input.errors) {
      w.begin_object().key("input").value(d.path).key("line").value(d.line);
      w.key("column").value(d.column).key("message").value(d.message).end_object();
    }
  w.end_array();
  write_summary(w, input, summary.get());
  w.end_object();
  w.text("\n");
  flush(0);
}

std::string render_json(const ReportInput& input) {
  std::string all;
  write_json(input, [&](std::string_view chunk) { all.append(chunk); });
  return all;
}

}  // namespace citelint
