// Fingerprints and baselines: a finding known by what it is about, not where it stands.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "citelint/report.hpp"
#include "report/text_forms.hpp"

namespace citelint {

namespace {

// A stable hash (FNV-1a, 64 bits) in hex: fingerprints must not change between runs or builds.
std::string fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

std::string finding_fingerprint(const Corpus& corpus, const Finding& f) {
  const Document& doc = *corpus.documents[f.span.input];
  std::string key = f.rule;
  key += '\n';
  std::string_view about = doc.slice(f.span);
  if (const Reference* ref = reference_holding(corpus, f.span)) {
    key += report::folded(doc.slice(ref->span));
    for (const Url& u : ref->urls)
      if (u.span.begin <= f.span.begin && f.span.end <= u.span.end) about = u.normalised;
  }
  key += '\n';
  key += report::folded(about);
  return fnv1a(key);
}

std::string render_baseline(const Corpus& corpus, const std::vector<Finding>& findings,
                            const std::string& as_of) {
  nlohmann::ordered_json out;
  out["schema"] = "citelint-baseline/1";
  out["as_of"] = as_of;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    const Document& doc = *corpus.documents[f.span.input];
    list.push_back({{"fingerprint", finding_fingerprint(corpus, f)},
                    {"rule", f.rule},
                    {"input", doc.path()},
                    {"reference", f.reference},
                    {"line", doc.place(f.span.line).line},
                    {"message", f.message}});
  }
  out["findings"] = std::move(list);
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::optional<Baseline> load_baseline(const std::string& path,
                                      std::vector<Diagnostic>& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({path, 0, 0, "cannot read the baseline"});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  try {
    const nlohmann::json j = nlohmann::json::parse(s);
    if (!j.is_object() || j.value("schema", "") != "citelint-baseline/1" ||
        !j.contains("findings") || !j["findings"].is_array()) {
      diagnostics.push_back({path, 1, 1,
                             "not a citelint baseline (schema citelint-baseline/1): write one with "
                             "citelint baseline"});
      return std::nullopt;
    }
    Baseline b;
    for (const auto& f : j["findings"]) {
      if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string()) {
        diagnostics.push_back({path, 0, 0, "a finding without a fingerprint"});
        return std::nullopt;
      }
      ++b.fingerprints[f["fingerprint"].get<std::string>()];
    }
    return b;
  } catch (const nlohmann::json::parse_error& e) {
    // The byte where it broke, as line and column.
    const std::size_t at = std::min(s.size(), e.byte > 0 ? e.byte - 1 : 0);
    const Document doc(0, path, s.substr(0, at));
    const Span where = doc.span(at, at);
    diagnostics.push_back({path, where.line, where.column, "the baseline is not valid JSON"});
    return std::nullopt;
  }
}

std::size_t apply_baseline(const Baseline& baseline, const Corpus& corpus,
                           std::vector<Finding>& findings) {
  std::map<std::string, std::size_t> left = baseline.fingerprints;
  const std::size_t before = findings.size();
  std::erase_if(findings, [&](const Finding& f) {
    const auto it = left.find(finding_fingerprint(corpus, f));
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - findings.size();
}

}  // namespace citelint
