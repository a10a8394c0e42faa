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

#include "citelint/kinds.hpp"
#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {

using Json = nlohmann::ordered_json;

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

// A reportingDescriptor: what code scanning shows for a rule or a built-in kind.
struct Descriptor {
  std::string id, category, summary, full, markdown, docs;
  Severity level;
};

Json descriptor(const Descriptor& r, const std::string& homepage) {
  Json d;
  d["id"] = r.id;
  d["name"] = r.id.substr(r.id.find('/') + 1);
  d["shortDescription"] = {{"text", r.summary}};
  d["fullDescription"] = {{"text", r.full}};
  d["help"] = {{"text", r.full}, {"markdown", r.markdown}};
  if (!homepage.empty()) d["helpUri"] = homepage + "/blob/main/docs/" + r.docs;
  d["defaultConfiguration"] = {{"level", level_of(r.level)}};
  d["properties"] = {{"category", r.category}, {"tags", Json::array({r.category})}};
  return d;
}

// The rules that ran (their descriptions and examples), then every built-in finding kind.
std::vector<Descriptor> descriptors(const std::vector<RuleInfo>& rules) {
  std::vector<Descriptor> out;
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
    out.push_back({r.id, r.category, summary, full, markdown, "rules/" + r.id + ".md", r.severity});
  }
  for (const FindingKind& k : finding_kinds())
    out.push_back({std::string(k.id), std::string(k.category), std::string(k.summary),
                   std::string(k.help), std::string(k.help), "rules/" + std::string(k.id) + ".md",
                   k.level});
  return out;
}

// A fix as SARIF's replacement. A fix that is a whole URL (core/UrlWhitespace gives the URL
// without its gap) replaces that URL as written, not only the span the finding points at.
Json sarif_fix(const Corpus& corpus, const Document& doc, const Finding& f, const Json& artifact) {
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
  change["artifactLocation"] = artifact;
  change["replacements"] = Json::array({replacement});
  Json fix;
  fix["description"] = {{"text", f.fix->replacement.empty()
                                     ? std::string("remove it")
                                     : "replace with " + f.fix->replacement}};
  fix["artifactChanges"] = Json::array({change});
  return fix;
}

// One result: rule, level, message, where, fingerprint, fix, properties.
Json result(const Corpus& corpus, const Finding& f, const std::map<std::string, std::size_t>& index,
            const std::vector<Artifact>& files, bool suppressed, Fingerprinter& fingerprint) {
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
  r["partialFingerprints"] = {{"citelint/v1", fingerprint(f)}};
  if (f.fix)
    r["fixes"] = Json::array({sarif_fix(corpus, doc, f, artifact_location(files[f.span.input]))});
  Json properties = {{"category", f.category}};
  if (!f.reference.empty()) properties["reference"] = f.reference;
  if (const Document::Place p = doc.place(f.span.line); p.page > 0) properties["page"] = p.page;
  if (f.fix) properties["fixVerified"] = f.fix->verified;
  r["properties"] = std::move(properties);
  if (suppressed)
    r["suppressions"] = Json::array(
        {{{"kind", "inSource"}, {"justification", "a citelint-disable comment in the input"}}});
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
  Json described = Json::array();
  std::map<std::string, std::size_t> index;
  for (const Descriptor& d : descriptors(rules)) {
    index[d.id] = described.size();
    described.push_back(descriptor(d, homepage));
  }
  driver["rules"] = std::move(described);

  Json artifacts = Json::array();
  std::vector<Artifact> files;
  for (const auto& d : corpus.documents) {
    files.push_back(artifact_of(d->path()));
    artifacts.push_back({{"location", artifact_location(files.back())}});
  }
  // The findings, then those the inputs' comments suppress, marked so.
  Json results = Json::array();
  Fingerprinter fingerprint(corpus);
  for (const Finding& f : input.findings)
    results.push_back(result(corpus, f, index, files, false, fingerprint));
  if (input.suppressed)
    for (const Finding& f : *input.suppressed)
      results.push_back(result(corpus, f, index, files, true, fingerprint));

  std::error_code ec;
  std::string root = std::filesystem::current_path(ec).generic_string();
  if (root.empty() || root.back() != '/') root += '/';
  Json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["originalUriBaseIds"] = {{"SRCROOT", {{"uri", "file://" + root}}}};
  run["artifacts"] = std::move(artifacts);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  // Inputs that could not be read (whole or in part): the run did not check everything.
  Json invocation = {{"executionSuccessful", !input.errors || input.errors->empty()}};
  Json notifications = Json::array();
  if (input.errors)
    for (const Diagnostic& d : *input.errors) {
      Json region = Json::object();
      if (d.line > 0) region["startLine"] = d.line;
      if (d.column > 0) region["startColumn"] = d.column;
      Json physical = {{"artifactLocation", artifact_location(artifact_of(d.path))}};
      if (!region.empty()) physical["region"] = std::move(region);
      notifications.push_back({{"level", "error"},
                               {"message", {{"text", d.path + ": " + d.message}}},
                               {"locations", Json::array({{{"physicalLocation", physical}}})}});
    }
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  run["invocations"] = Json::array({std::move(invocation)});
  Json sarif;
  sarif["$schema"] =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  sarif["version"] = "2.1.0";
  sarif["runs"] = Json::array({std::move(run)});
  // A byte that is not UTF-8 (a file name's, a server's) is written as U+FFFD, not thrown on.
  return sarif.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace citelint
