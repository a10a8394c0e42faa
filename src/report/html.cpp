// The HTML report (docs/report-html.md): one self-contained page an editor opens — no network,
// no external assets. A summary, then every reference with its links' statuses as badges, its
// findings, fixes and archived copies; filters by link status, category and level, and sorting,
// kept in the page's #hash so a filtered view can be bookmarked (and tested headless).
#include <algorithm>
#include <set>

#include "citelint/ids.hpp"
#include "citelint/kinds.hpp"
#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {

std::string anchor(std::string_view url) {
  if (!report::is_web_url(url)) return "<code>" + report::xml_escape(url) + "</code>";
  return "<a href=\"" + report::xml_escape(url) + "\" rel=\"noreferrer\">" +
         report::xml_escape(url) + "</a>";
}

constexpr std::string_view kStyle = R"css(
:root{--fg:#1b1f23;--muted:#57606a;--line:#d0d7de;--bg:#fff;--err:#cf222e;--warn:#9a6700;--info:#0969da;--ok:#1a7f37}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:64rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.4rem;margin:1rem 0 .25rem}.muted{color:var(--muted)}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}
.count{border:1px solid var(--line);border-radius:6px;padding:.25rem .6rem}
.controls{display:flex;flex-wrap:wrap;gap:.75rem;margin:.75rem 0;padding:.5rem 0;border-bottom:1px solid var(--line)}
.controls label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
select{font:inherit;padding:.2rem}
.ref{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;margin:.75rem 0;overflow-wrap:anywhere}
.ref[hidden]{display:none}.ref h2{font-size:.95rem;margin:0 0 .3rem}.ref .text{margin:.2rem 0 .4rem}
.where{font-size:.8rem;color:var(--muted)}
.cited{font-size:.85rem;margin:.2rem 0}
ul{margin:.3rem 0;padding-left:1.2rem}
.badge{display:inline-block;border-radius:1rem;padding:0 .5rem;font-size:.75rem;font-weight:600;color:#fff;background:var(--muted);margin-right:.3rem;white-space:nowrap}
.s-ok{background:var(--ok)}.s-broken,.s-dns-error,.s-soft-404,.s-parked{background:var(--err)}
.s-blocked,.s-timeout,.s-redirect,.s-drifted,.s-failing{background:var(--warn)}.s-unchecked,.s-skipped{background:var(--muted)}
.l-error{background:var(--err)}.l-warning{background:var(--warn)}.l-info{background:var(--info)}
.i-registered{background:var(--ok)}.i-unregistered,.i-retracted{background:var(--err)}
.i-concern,.i-unchecked{background:var(--warn)}.i-corrected{background:var(--info)}
.fix{color:var(--ok)}code{font-size:.85em}
@media (max-width:480px){body{font-size:14px}.controls label{flex:1 1 45%}}
)css";

constexpr std::string_view kScript = R"js(
(function(){
  var refs=[].slice.call(document.querySelectorAll('.ref'));
  var list=document.getElementById('refs');
  var sel={status:document.getElementById('status'),category:document.getElementById('category'),
           level:document.getElementById('level'),sort:document.getElementById('sort')};
  var rank={error:0,warning:1,info:2,'':3};
  function state(){var s={};for(var k in sel)s[k]=sel[k].value;return s;}
  function apply(){
    var s=state(),shown=0;
    refs.forEach(function(r){
      var ok=(s.status==='all'||r.dataset.statuses.split(' ').indexOf(s.status)>=0)&&
             (s.category==='all'||r.dataset.categories.split(' ').indexOf(s.category)>=0)&&
             (s.level==='all'||r.dataset.levels.split(' ').indexOf(s.level)>=0);
      r.hidden=!ok;if(ok)shown++;
    });
    var sorted=refs.slice().sort(function(a,b){
      if(s.sort==='level')return rank[a.dataset.worst]-rank[b.dataset.worst]||a.dataset.order-b.dataset.order;
      if(s.sort==='findings')return b.dataset.findings-a.dataset.findings||a.dataset.order-b.dataset.order;
      return a.dataset.order-b.dataset.order;
    });
    sorted.forEach(function(r){list.appendChild(r);});
    document.getElementById('shown').textContent=shown;
    var h=[];for(var k in s)if(s[k]!=='all'&&!(k==='sort'&&s[k]==='source'))h.push(k+'='+encodeURIComponent(s[k]));
    history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname);
  }
  location.hash.slice(1).split('&').forEach(function(p){
    var kv=p.split('=');if(sel[kv[0]])sel[kv[0]].value=decodeURIComponent(kv[1]||'');
  });
  for(var k in sel){if(!sel[k].value)sel[k].value=sel[k].options[0].value;sel[k].addEventListener('change',apply);}
  apply();
  document.body.dataset.fits=String(document.documentElement.scrollWidth<=window.innerWidth);
})();
)js";

std::string options(const std::string& id, const std::string& label,
                    const std::set<std::string>& values,
                    const std::vector<std::pair<std::string, std::string>>& first) {
  std::string out = "<label>" + report::xml_escape(label) + "<select id=\"" + id + "\">";
  for (const auto& [value, text] : first)
    out += "<option value=\"" + report::xml_escape(value) + "\">" + report::xml_escape(text) +
           "</option>";
  for (const std::string& v : values)
    out += "<option value=\"" + report::xml_escape(v) + "\">" + report::xml_escape(v) + "</option>";
  return out + "</select></label>";
}

// A link's status as the page shows it: unchecked offline.
std::string status_of(const ReportInput& input, const Url& u) {
  if (const LinkResult* r = input.links ? input.links->results.find(u.normalised) : nullptr)
    return std::string(to_string(r->status));
  return "unchecked";
}

std::string joined(const std::set<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : " ") + x;
  return out;
}

// A finding as a list item: level, rule, place, message, and its fix or archived copy.
std::string finding_item(const Document& doc, const Finding& f) {
  const std::string level(to_string(f.severity));
  std::string out = "<li><span class=\"badge l-" + level + "\">" + level + "</span><code>" +
                    report::xml_escape(f.rule) + "</code> <span class=\"where\">" +
                    report::xml_escape(doc.where(f.span.line, f.span.column)) + "</span> " +
                    report::xml_escape(f.message);
  if (f.fix && !f.fix->replacement.empty()) {
    const bool archived = f.rule == finding_kind(Kind::archive_copy).id;
    out += "<div class=\"fix\">" + std::string(archived ? "archived copy: " : "fix: ") +
           anchor(f.fix->replacement) + (f.fix->verified && !archived ? " (verified)" : "") +
           "</div>";
  }
  return out + "</li>";
}

// The identifiers the services were asked about, each with what they said as a badge.
std::string identifier_list(const ReportInput& input, const Reference& r) {
  if (!input.ids) return {};
  std::string items;
  auto item = [&](std::string_view state, const std::string& label) {
    if (state.empty()) return;
    std::string cls(state);  // "not in PMC": i-not-in-PMC
    std::replace(cls.begin(), cls.end(), ' ', '-');
    items += "<li><span class=\"badge i-" + report::xml_escape(cls) + "\">" +
             report::xml_escape(std::string(state)) + "</span>" + report::xml_escape(label) +
             "</li>";
  };
  for (const Doi& d : r.dois)
    if (const DoiResolution* res = input.ids->find(utf8::ascii_lower(d.value)))
      item(resolution_state(*res), "DOI " + d.value);
  for (const Identifier& id : r.ids)
    if (const IdResolution* res = input.ids->find(id.scheme, resolution_value(id)))
      item(resolution_state(*res), std::string(id_scheme_name(id.scheme)) + " " + id.value);
  return items.empty() ? std::string() : "<ul class=\"ids\">" + items + "</ul>\n";
}

// Where the text cites a reference: its citations' places, the first ten.
std::string citation_list(const ReportInput& input, const Reference& r) {
  const CitationReport* c = input.citations;
  const auto index = static_cast<std::size_t>(&r - input.corpus.references.data());
  if (!c || index >= c->cited_by.size() || c->cited_by[index].empty()) return {};
  const std::vector<std::uint32_t>& by = c->cited_by[index];
  std::string out = "<p class=\"cited\">Cited at ";
  for (std::size_t n = 0; n < by.size() && n < 10; ++n) {
    const Citation& cite = c->citations[by[n]];
    const Document& doc = *input.corpus.documents[c->input[by[n]]];
    out += (n ? ", " : "") + std::string("<span class=\"where\">") +
           report::xml_escape(doc.path()) + ":" +
           report::xml_escape(doc.where(cite.span.line, cite.span.column)) +
           (cite.silent ? " (\\nocite)" : "") + "</span>";
  }
  if (by.size() > 10) out += ", and " + std::to_string(by.size() - 10) + " more";
  return out + "</p>\n";
}

// One reference as an article, with the data attributes the page's filters and sort read; the
// statuses its links have are added to `statuses`.
std::string reference_article(const ReportInput& input, const Reference& r,
                              const std::vector<const Finding*>& fs, std::size_t order,
                              std::set<std::string>& statuses) {
  const Document& doc = *input.corpus.documents[r.input];
  std::set<std::string> ref_statuses, ref_categories, levels;
  std::string worst;
  for (const Url& u : r.urls) ref_statuses.insert(status_of(input, u));
  for (const Finding* f : fs) {
    ref_categories.insert(f->category);
    levels.insert(std::string(to_string(f->severity)));
  }
  for (const char* l : {"info", "warning", "error"})
    if (levels.count(l)) worst = l;
  statuses.insert(ref_statuses.begin(), ref_statuses.end());
  std::string out = "<article class=\"ref\" data-order=\"" + std::to_string(order) +
                    "\" data-statuses=\"" + report::xml_escape(joined(ref_statuses)) +
                    "\" data-categories=\"" + report::xml_escape(joined(ref_categories)) +
                    "\" data-levels=\"" + report::xml_escape(joined(levels)) + "\" data-worst=\"" +
                    worst + "\" data-findings=\"" + std::to_string(fs.size()) + "\" id=\"ref-" +
                    std::to_string(r.input) + "-" + report::xml_escape(r.id) + "\">\n";
  out += "<h2>[" + report::xml_escape(r.id) + "] <span class=\"where\">" +
         report::xml_escape(doc.path()) + ":" +
         report::xml_escape(doc.where(r.span.line, r.span.column)) + "</span></h2>\n";
  out +=
      "<p class=\"text\">" + report::xml_escape(report::folded(doc.slice(r.span), 600)) + "</p>\n";
  if (!r.urls.empty()) {
    out += "<ul class=\"urls\">";
    for (const Url& u : r.urls) {
      const std::string st = status_of(input, u);
      out += "<li><span class=\"badge s-" + report::xml_escape(st) + "\">" +
             report::xml_escape(st) + "</span>" + anchor(u.normalised) + "</li>";
    }
    out += "</ul>\n";
  }
  out += identifier_list(input, r);
  out += citation_list(input, r);
  if (!fs.empty()) {
    out += "<ul class=\"findings\">";
    for (const Finding* f : fs) out += finding_item(doc, *f);
    out += "</ul>\n";
  }
  return out + "</article>\n";
}

// The counts at the top: references, URLs, findings by level, links by status, archived copies.
std::string counts(const ReportInput& input, const Summary& s) {
  auto badge = [](const std::string& cls, std::size_t n, const std::string& what) {
    return "<span class=\"count\"><span class=\"badge " + cls + "\">" + std::to_string(n) +
           "</span>" + what + "</span>";
  };
  std::string out = "<div class=\"counts\">";
  out += "<span class=\"count\"><b>" + std::to_string(s.references) + "</b> references</span>";
  out += "<span class=\"count\"><b>" + std::to_string(s.urls) + "</b> URLs</span>";
  out += badge("l-error", s.errors, "errors") + badge("l-warning", s.warnings, "warnings") +
         badge("l-info", s.infos, "info");
  for (const auto& [status, n] : s.links)
    out += badge("s-" + report::xml_escape(status), n, report::xml_escape(status) + " links");
  if (input.archive)
    out += "<span class=\"count\">" + std::to_string(s.archived) + " archived copies</span>";
  for (const auto& [state, n] : s.identifiers)
    out += "<span class=\"count\"><b>" + std::to_string(n) + "</b> " + report::xml_escape(state) +
           "</span>";
  return out + "</div>";
}

}  // namespace

std::string render_html(const ReportInput& input) {
  const Corpus& corpus = input.corpus;
  const report::FindingsByReference by_ref(input.findings);
  std::set<std::string> categories, statuses;
  for (const Finding& f : input.findings) categories.insert(f.category);
  std::string refs;
  std::size_t order = 0;
  for (const Reference& r : corpus.references)
    refs += reference_article(input, r, by_ref.of(r.input, r.id), order++, statuses);

  std::string inputs;
  for (const auto& d : corpus.documents)
    inputs += (inputs.empty() ? "" : ", ") + report::xml_escape(d->path());
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  page += "<title>citelint: " + inputs + "</title>\n<style>";
  page += kStyle;
  page += "</style>\n</head>\n<body>\n<header>\n<h1>citelint report</h1>\n";
  page += "<p class=\"muted\">" + inputs + " &middot; as of " + report::xml_escape(input.as_of) +
          " &middot; citelint " + CITELINT_VERSION + "</p>\n";
  page += counts(input, summarise(input)) + "\n";
  if (input.errors && !input.errors->empty()) {  // what could not be read, whole or in part
    page += "<div class=\"input-errors\"><b>Inputs not read, whole or in part:</b><ul>";
    for (const Diagnostic& d : *input.errors)
      page += "<li>" + report::xml_escape(format_diagnostic(d)) + "</li>";
    page += "</ul></div>\n";
  }
  page += "<div class=\"controls\">";
  page += options("status", "Link status", statuses, {{"all", "all"}});
  page += options("category", "Category", categories, {{"all", "all"}});
  page += options("level", "Level", {},
                  {{"all", "all"}, {"error", "error"}, {"warning", "warning"}, {"info", "info"}});
  page +=
      options("sort", "Sort", {},
              {{"source", "as listed"}, {"level", "gravest first"}, {"findings", "most findings"}});
  page += "<span class=\"muted\" style=\"align-self:flex-end\"><b id=\"shown\">" +
          std::to_string(corpus.references.size()) + "</b> shown</span></div>\n</header>\n";
  page += "<main id=\"refs\">\n" + refs + "</main>\n<script>";
  page += kScript;
  page += "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace citelint
