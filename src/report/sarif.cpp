// SARIF 2.1.0 (docs/report-sarif.md): one run, the rules that ran and the link checker's
// finding kinds as reportingDescriptors, one result per finding with its artifact's relative
// URI, all four region numbers (code points), a fingerprint that survives moved lines, and
// fixes as replacements.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {

using Json = nlohmann::ordered_json;

// The finding kinds the link checker and the archive lookup report (not rule files).
struct Builtin {
  const char* id;
  const char* category;
  const char* summary;
  const char* description;
};
constexpr Builtin kBuiltins[] = {
    {"link/broken", "link-broken", "A link that is gone",
     "The server answered that the page does not exist (404, 410) or the request failed for good."},
    {"link/soft-404", "link-broken", "A page that says it is gone",
     "The server answered 200, but with a page that says not found, or the site's home page in "
     "its place."},
    {"link/blocked", "link-blocked", "A server that refuses checkers",
     "The server refused the request (401, 403, 429 or a bot challenge): the page may be fine."},
    {"link/server-error", "link-broken", "A server error", "The server failed (5xx) on every try."},
    {"link/timeout", "link-timeout", "No answer in time",
     "The server did not answer within the timeout, on every try."},
    {"link/dns", "link-broken", "A host that does not resolve",
     "The URL's host name has no address."},
    {"link/connection", "link-broken", "No connection", "The connection was refused or reset."},
    {"link/tls", "link-broken", "A TLS failure",
     "The server's certificate could not be verified, or the TLS handshake failed."},
    {"link/redirect", "link-redirect", "A link that moved",
     "The URL redirects permanently: the reference could cite where it lands."},
    {"link/skipped", "link-skipped", "A link not checked",
     "The URL was excluded, private or not a web address, so it was not asked."},
    {"link/repair", "url-syntax", "A URL that resolves once repaired",
     "The URL does not resolve as cited; one repair of what extraction broke (a hyphen at a "
     "line break, a closing bracket) does, and is the fix."},
    {"archive/copy", "archive", "An archived copy from the day of access",
     "A web archive's capture of the page from the day the author read it, or the nearest."},
    {"archive/none", "archive", "No archived copy", "No web archive has a usable capture."},
    {"archive/after-access", "date-mismatch", "An archive capture after the access date",
     "The cited archive URL was captured long after the access date: it may not show what the "
     "author read."},
};

std::string level_of(Severity s) {
  return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

// Characters a URI path may hold as they are (RFC 3986 pchar and '/'); others %XX.
std::string uri_path(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("-._~!$&'()*+,;=:@/").find(static_cast<char>(c)) !=
                               std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

// The input as the results name it: relative to the working directory (SRCROOT) where it lies
// under it; elsewhere an absolute file URI (code scanning shows only files in the repository).
struct Artifact {
  std::string uri;
  bool relative = true;
};
Artifact artifact_of(const std::string& path) {
  namespace fs = std::filesystem;
  if (path == "<stdin>") return {"stdin", true};
  std::error_code ec;
  const fs::path p = fs::weakly_canonical(fs::path(path), ec);
  const fs::path cwd = fs::current_path(ec);
  if (!ec) {
    const fs::path rel = p.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return {uri_path(rel.generic_string()), true};
  }
  return {"file://" + uri_path(p.generic_string()), false};
}

Json artifact_location(const Artifact& a) {
  Json l = {{"uri", a.uri}};
  if (a.relative) l["uriBaseId"] = "SRCROOT";
  return l;
}

Json region(const Document& doc, const Span& s) {
  // A PDF's or a DOCX's positions are those of its text (docs/report-sarif.md): the line on the
  // page, or the paragraph.
  Json r;
  r["startLine"] = std::max(1, doc.place(s.line).line);
  r["startColumn"] = std::max(1, s.column);
  r["endLine"] = std::max(1, doc.place(s.end_line).line);
  r["endColumn"] = std::max(1, s.end_column);
  return r;
}

}  // namespace

std::string render_sarif(const ReportInput& input, const std::vector<RuleInfo>& rules) {
  const Corpus& corpus = input.corpus;
  const std::string homepage = CITELINT_HOMEPAGE;
  Json driver;
  driver["name"] = "citelint";
  driver["version"] = CITELINT_VERSION;
  driver["semanticVersion"] = CITELINT_VERSION;
  if (!homepage.empty()) driver["informationUri"] = homepage;
  Json descriptors = Json::array();
  std::map<std::string, std::size_t> index;
  auto add_rule = [&](const std::string& id, const std::string& category,
                      const std::string& summary, const std::string& full,
                      const std::string& help_markdown, Severity level) {
    index[id] = descriptors.size();
    Json d;
    d["id"] = id;
    d["name"] = id.substr(id.find('/') + 1);
    d["shortDescription"] = {{"text", summary}};
    d["fullDescription"] = {{"text", full}};
    d["help"] = {{"text", full}, {"markdown", help_markdown}};
    if (!homepage.empty())  // the rule's page (docs/rules/<pack>/<Rule>.md), or the link pages
      d["helpUri"] = homepage + "/blob/main/docs/" +
                     (id.rfind("link/", 0) == 0      ? std::string("checking-links.md")
                      : id.rfind("archive/", 0) == 0 ? std::string("archives.md")
                                                     : "rules/" + id + ".md");
    d["defaultConfiguration"] = {{"level", level_of(level)}};
    d["properties"] = {{"category", category}, {"tags", Json::array({category})}};
    descriptors.push_back(std::move(d));
  };
  for (const RuleInfo& r : rules) {
    std::string full = r.description;
    while (!full.empty() && (full.back() == '\n' || full.back() == ' ')) full.pop_back();
    if (full.empty()) full = r.message;
    std::string summary =
        full.substr(0, full.find(". ") == std::string::npos ? full.size() : full.find(". ") + 1);
    std::replace(summary.begin(), summary.end(), '\n', ' ');
    std::string markdown = full;
    for (const std::string& bad : r.bad_examples) markdown += "\n\nReported: `" + bad + "`";
    for (const std::string& good : r.good_examples) markdown += "\n\nNot reported: `" + good + "`";
    add_rule(r.id, r.category, summary, full, markdown, r.severity);
  }
  for (const Builtin& b : kBuiltins)
    add_rule(b.id, b.category, b.summary, b.description, b.description, Severity::warning);
  driver["rules"] = std::move(descriptors);

  Json artifacts = Json::array();
  std::vector<Artifact> files;
  for (const auto& d : corpus.documents) {
    files.push_back(artifact_of(d->path()));
    artifacts.push_back({{"location", artifact_location(files.back())}});
  }

  Json results = Json::array();
  // The findings, then those the inputs' comments suppress, marked so.
  std::vector<std::pair<const Finding*, bool>> all;
  for (const Finding& f : input.findings) all.emplace_back(&f, false);
  if (input.suppressed)
    for (const Finding& f : *input.suppressed) all.emplace_back(&f, true);
  for (const auto& [finding, suppressed] : all) {
    const Finding& f = *finding;
    const Document& doc = *corpus.documents[f.span.input];
    Json r;
    r["ruleId"] = f.rule;
    if (const auto it = index.find(f.rule); it != index.end()) r["ruleIndex"] = it->second;
    r["level"] = level_of(f.severity);
    r["message"] = {{"text", f.message}};
    Json location;
    Json artifact = artifact_location(files[f.span.input]);
    artifact["index"] = f.span.input;
    location["physicalLocation"] = {{"artifactLocation", std::move(artifact)},
                                    {"region", region(doc, f.span)}};
    r["locations"] = Json::array({location});
    // By rule, the reference's text and the URL (or text) it is about, not by line: edits that
    // move the list keep it (the baseline matches the same way).
    r["partialFingerprints"] = {{"citelint/v1", finding_fingerprint(corpus, f)}};
    if (f.fix) {
      // A fix that is a whole URL (core/UrlWhitespace gives the URL without its gap) replaces
      // that URL as written, not only the span the finding points at.
      Span replaced = f.span;
      if (const Reference* ref = reference_holding(corpus, f.span))
        for (const Url& u : ref->urls)
          if (u.span.begin <= f.span.begin && f.span.end <= u.span.end &&
              u.normalised == f.fix->replacement)
            replaced = u.span;
      Json replacement;
      replacement["deletedRegion"] = region(doc, replaced);
      replacement["insertedContent"] = {{"text", f.fix->replacement}};
      Json change;
      change["artifactLocation"] = artifact_location(files[f.span.input]);
      change["replacements"] = Json::array({replacement});
      Json fix;
      fix["description"] = {{"text", f.fix->replacement.empty()
                                         ? std::string("remove it")
                                         : "replace with " + f.fix->replacement}};
      fix["artifactChanges"] = Json::array({change});
      r["fixes"] = Json::array({fix});
    }
    Json properties = {{"category", f.category}};
    if (!f.reference.empty()) properties["reference"] = f.reference;
    if (const Document::Place p = doc.place(f.span.line); p.page > 0) properties["page"] = p.page;
    if (f.fix) properties["fixVerified"] = f.fix->verified;
    r["properties"] = std::move(properties);
    if (suppressed)
      r["suppressions"] = Json::array(
          {{{"kind", "inSource"}, {"justification", "a citelint-disable comment in the input"}}});
    results.push_back(std::move(r));
  }

  std::error_code ec;
  std::string root = std::filesystem::current_path(ec).generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", "file://" + root}}}};
  run["artifacts"] = std::move(artifacts);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json sarif;
  sarif["$schema"] =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({std::move(run)});
  return sarif.dump(2) + "\n";
}

}  // namespace citelint
