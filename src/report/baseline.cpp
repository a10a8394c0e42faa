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
constexpr std::uint64_t kFnvStart = 1469598103934665603ull;
std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
std::string hex(std::uint64_t h) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

// The hash of "rule\nREFERENCE\nABOUT": the rule, the reference's text folded (none outside
// one), and what the finding is about (the URL it is in, else its own text), folded.
std::string Fingerprinter::operator()(const Finding& f) {
  const Document& doc = *corpus_.documents[f.span.input];
  std::string_view about = doc.slice(f.span);
  const Reference* ref = reference_holding(corpus_, f.span);
  auto [state, fresh] = states_.try_emplace({ref, f.rule}, 0);
  if (fresh) {
    std::uint64_t h = fnv1a(fnv1a(kFnvStart, f.rule), "\n");
    if (ref) h = fnv1a(h, report::folded(doc.slice(ref->span)));
    state->second = fnv1a(h, "\n");
  }
  if (ref) {
    auto [urls, made] = urls_.try_emplace(ref);
    if (made) {
      for (const Url& u : ref->urls) urls->second.push_back(&u);
      std::stable_sort(urls->second.begin(), urls->second.end(),
                       [](const Url* a, const Url* b) { return a->span.begin < b->span.begin; });
    }
    // The URL that holds the span: the last of those starting at or before it (URLs do not
    // overlap but for a few: a link's target over words that write another).
    const auto end =
        std::upper_bound(urls->second.begin(), urls->second.end(), f.span.begin,
                         [](std::uint32_t at, const Url* u) { return at < u->span.begin; });
    const auto first = end - std::min<std::ptrdiff_t>(end - urls->second.begin(), 16);
    for (auto it = end; it != first;)
      if (const Url* u = *--it; f.span.end <= u->span.end) {
        about = u->normalised;
        break;
      }
  }
  return hex(fnv1a(state->second, report::folded(about)));
}

std::string finding_fingerprint(const Corpus& corpus, const Finding& f) {
  return Fingerprinter(corpus)(f);
}

std::string render_baseline(const Corpus& corpus, const std::vector<Finding>& findings,
                            const std::string& as_of) {
  nlohmann::ordered_json out;
  out["schema"] = "citelint-baseline/1";
  out["as_of"] = as_of;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  Fingerprinter fingerprint(corpus);
  for (const Finding& f : findings) {
    const Document& doc = *corpus.documents[f.span.input];
    list.push_back({{"fingerprint", fingerprint(f)},
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
  Fingerprinter fingerprint(corpus);
  std::erase_if(findings, [&](const Finding& f) {
    const auto it = left.find(fingerprint(f));
    if (it == left.end() || it->second == 0) return false;
    --it->second;
    return true;
  });
  return before - findings.size();
}

}  // namespace citelint
