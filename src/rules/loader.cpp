// Loading rule files strictly: every problem is reported at file:line:col and nothing runs.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "citelint/kinds.hpp"
#include "model/utf8.hpp"
#include "rules/embedded.hpp"
#include "rules/rule.hpp"

namespace citelint {

namespace fs = std::filesystem;
using rules::LoadContext;
using rules::Pattern;
using rules::Rule;

namespace rules {

void LoadContext::error(const YAML::Mark& mark, std::string message) {
  failed_ = true;
  const bool known = mark.line >= 0 && !mark.is_null();
  diagnostics_.push_back(
      {path_, known ? mark.line + 1 : 0, known ? mark.column + 1 : 0, std::move(message)});
}

void LoadContext::unique_keys(const YAML::Node& map, std::string_view in) {
  std::map<std::string, int> seen;
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>("");
    if (const auto [first, fresh] = seen.emplace(key, kv.first.Mark().line + 1); !fresh)
      error(kv.first.Mark(), "'" + key + "' is given twice" +
                                 (in.empty() ? std::string() : " in " + std::string(in)) +
                                 " (first at line " + std::to_string(first->second) +
                                 "): which one is meant?");
  }
}

std::string LoadContext::scalar(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    error(node.Mark(), std::string(what) + " must be a string");
    return {};
  }
  return node.Scalar();
}

std::vector<std::string> LoadContext::string_list(const YAML::Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (item.IsScalar()) {
        out.push_back(item.Scalar());
      } else {
        error(item.Mark(), std::string(what) + " must be a list of strings");
      }
    }
  } else {
    error(node.Mark(), std::string(what) + " must be a string or a list of strings");
  }
  return out;
}

int LoadContext::integer(const YAML::Node& node, std::string_view what) {
  try {
    if (node.IsScalar()) return node.as<int>();
  } catch (const YAML::Exception&) {
  }
  error(node.Mark(), std::string(what) + " must be a whole number");
  return 0;
}

bool LoadContext::boolean(const YAML::Node& node, std::string_view what) {
  try {
    if (node.IsScalar()) return node.as<bool>();
  } catch (const YAML::Exception&) {
  }
  error(node.Mark(), std::string(what) + " must be true or false");
  return false;
}

Pattern LoadContext::pattern_from(const YAML::Node& at, std::string source, bool ignorecase) {
  Pattern p;
  p.source = ignorecase ? "(?i)" + source : source;
  RE2::Options options;
  options.set_log_errors(false);
  p.re = std::make_unique<RE2>(p.source, options);
  if (!p.re->ok()) {
    YAML::Mark mark = at.Mark();
    // Point at the fragment RE2 complains about when the pattern sits on one line.
    const std::string& arg = p.re->error_arg();
    const std::size_t offset = arg.empty() ? std::string::npos : source.find(arg);
    if (offset != std::string::npos && mark.pos >= 0 &&
        static_cast<std::size_t>(mark.pos) < text_.size() &&
        source.find('\n') == std::string::npos) {
      const char first = text_[static_cast<std::size_t>(mark.pos)];
      const int quote = (first == '\'' || first == '"') ? 1 : 0;
      mark.column += quote + static_cast<int>(offset);
    }
    error(mark, "invalid RE2 pattern: " + p.re->error() +
                    " (RE2 has no look-around or back-references; compare in a compare rule)");
  }
  return p;
}

Pattern LoadContext::pattern(const YAML::Node& node, bool ignorecase, std::string_view what) {
  if (!node.IsScalar()) {
    scalar(node, what);                    // reports the error
    return pattern_from(node, "", false);  // a placeholder; the rule is dropped
  }
  return pattern_from(node, node.Scalar(), ignorecase);
}

}  // namespace rules

namespace {

const std::vector<std::string_view> kCommonKeys = {
    "extends", "message",    "level",      "category", "scope",   "description",
    "link",    "ignorecase", "exceptions", "fix",      "examples"};

std::string suggestion(std::string_view word, const std::vector<std::string_view>& known) {
  for (auto k : known)
    if (utf8::edit_distance(word, k) <= 2) return "did you mean '" + std::string(k) + "'? ";
  return {};
}

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

// A rule of the kind `extends` names, whose keys are the common ones and its kind's.
std::shared_ptr<Rule> rule_of_kind(const YAML::Node& root, LoadContext& ctx) {
  const YAML::Node extends = root["extends"];
  if (!extends) {
    ctx.error(root.Mark(), "missing key 'extends' (the rule kind)");
    return nullptr;
  }
  const std::string kind = ctx.scalar(extends, "extends");
  const auto& kinds = rules::rule_kinds();
  auto factory = kinds.find(kind);
  if (factory == kinds.end()) {
    std::vector<std::string_view> names;
    for (const auto& [name, f] : kinds) names.push_back(name);
    ctx.error(extends.Mark(), "unknown rule kind '" + kind + "' (known: " + join(names) + ")");
    return nullptr;
  }
  std::shared_ptr<Rule> rule = factory->second();
  rule->kind = kind;

  std::vector<std::string_view> allowed = kCommonKeys;
  for (auto k : rule->keys()) allowed.push_back(k);
  ctx.unique_keys(root);
  for (const auto& kv : root) {
    const std::string key = kv.first.as<std::string>();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      ctx.error(kv.first.Mark(), "unknown key '" + key + "'; " + suggestion(key, allowed) +
                                     "rules that extend " + kind + " take: " + join(allowed));
  }

  return rule;
}

// The keys every rule has: message, category, level, scope, description, link, exceptions.
void read_common_keys(const YAML::Node& root, LoadContext& ctx, Rule& rule) {
  if (const auto n = root["ignorecase"]) rule.ignorecase = ctx.boolean(n, "ignorecase");
  if (const auto n = root["message"]) {
    rule.message = ctx.scalar(n, "message");
  } else {
    ctx.error(root.Mark(), "missing key 'message'");
  }
  if (const auto n = root["category"]) {
    rule.category = ctx.scalar(n, "category");
    const auto& cats = finding_categories();
    if (!rule.category.empty() && std::find(cats.begin(), cats.end(), rule.category) == cats.end())
      ctx.error(n.Mark(), "unknown category '" + rule.category + "' (known: " + join(cats) + ")");
  } else {
    ctx.error(root.Mark(), "missing key 'category'");
  }
  if (const auto n = root["level"]) {
    const std::string level = ctx.scalar(n, "level");
    if (auto s = parse_severity(level)) {
      rule.severity = *s;
    } else if (!level.empty()) {
      ctx.error(n.Mark(), "level must be error, warning or info, not '" + level + "'");
    }
  }
  rule.scope = rule.default_scope();
  if (const auto n = root["scope"]) {
    const std::string scope = ctx.scalar(n, "scope");
    if (auto s = rules::parse_scope(scope)) {
      if (rule.accepts_scope(*s)) {
        rule.scope = *s;
      } else {
        ctx.error(n.Mark(), "a " + rule.kind + " rule cannot have scope '" + scope + "'");
      }
    } else if (!scope.empty()) {
      ctx.error(n.Mark(), "unknown scope '" + scope +
                              "' (known: entry, part, url, date, doi, label, elements, raw, list)");
    }
  }
  if (const auto n = root["description"]) rule.description = ctx.scalar(n, "description");
  if (const auto n = root["link"]) rule.link = ctx.scalar(n, "link");
  if (const auto n = root["exceptions"]) {
    std::string alternation;
    for (const std::string& e : ctx.string_list(n, "exceptions")) {
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + e + ")";
    }
    if (!alternation.empty()) rule.exceptions = ctx.pattern_from(n, alternation, rule.ignorecase);
  }
}

// fix: a template ("{value}"), or {replace: PATTERN, with: TEXT}.
void read_fix(const YAML::Node& n, LoadContext& ctx, Rule& rule) {
  if (n.IsScalar()) {
    rule.fix_template = n.Scalar();
  } else if (n.IsMap()) {
    for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      if (key != "replace" && key != "with")
        ctx.error(kv.first.Mark(), "unknown key '" + key + "' in fix (expected replace, with)");
    }
    if (n["replace"]) {
      rule.fix_replace = ctx.pattern(n["replace"], rule.ignorecase, "fix.replace");
    } else {
      ctx.error(n.Mark(), "fix needs 'replace' (a pattern) and 'with' (its replacement)");
    }
    if (n["with"]) rule.fix_with = ctx.scalar(n["with"], "fix.with");
  } else {
    ctx.error(n.Mark(), "fix must be a template string or {replace: PATTERN, with: TEXT}");
  }
}

// examples: {bad: [...], good: [...]}, which `citelint rules test` checks.
void read_examples(const YAML::Node& n, LoadContext& ctx, Rule& rule) {
  if (!n.IsMap()) {
    ctx.error(n.Mark(), "examples must be a mapping with 'bad' and 'good'");
  } else {
    for (const auto& kv : n) {
      const std::string key = kv.first.as<std::string>();
      if (key == "bad") {
        rule.bad_examples = ctx.string_list(kv.second, "examples.bad");
      } else if (key == "good") {
        rule.good_examples = ctx.string_list(kv.second, "examples.good");
      } else {
        ctx.error(kv.first.Mark(), "unknown key '" + key + "' in examples (expected bad, good)");
      }
    }
  }
}

std::shared_ptr<Rule> load_rule(const RuleFile& file, const std::set<std::string>& seen_ids,
                                std::vector<Diagnostic>& diagnostics) {
  LoadContext ctx(file.path, file.text, diagnostics);
  YAML::Node root;
  try {
    root = YAML::Load(file.text);
  } catch (const YAML::Exception& e) {
    ctx.error(e.mark, "YAML error: " + e.msg);
    return nullptr;
  }
  if (!root.IsMap()) {
    ctx.error(root.Mark(), "a rule file must be a mapping of keys (extends, message, ...)");
    return nullptr;
  }
  const std::string id = rule_id_from_path(file.path);
  if (seen_ids.count(id)) {
    ctx.error(root.Mark(), "rule " + id + " is defined twice");
    return nullptr;
  }
  std::shared_ptr<Rule> rule = rule_of_kind(root, ctx);
  if (!rule) return nullptr;
  rule->id = id;
  rule->path = file.path;
  read_common_keys(root, ctx, *rule);
  if (const auto n = root["fix"]) read_fix(n, ctx, *rule);
  if (const auto n = root["examples"]) read_examples(n, ctx, *rule);
  rule->configure(root, ctx);
  return ctx.failed() ? nullptr : rule;
}

}  // namespace

RuleSet::RuleSet() = default;
RuleSet::~RuleSet() = default;
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;

RuleSet RuleSet::load(const std::vector<RuleFile>& files, std::vector<Diagnostic>& diagnostics) {
  RuleSet set;
  std::set<std::string> ids;
  for (const RuleFile& file : files) {
    if (auto rule = load_rule(file, ids, diagnostics)) {
      ids.insert(rule->id);
      set.rules_.push_back(std::move(rule));
    }
  }
  return set;
}

std::vector<RuleInfo> RuleSet::rules() const {
  std::vector<RuleInfo> out;
  for (const auto& r : rules_) {
    out.push_back({r->id, r->kind, r->category, r->severity,
                   std::string(rules::to_string(r->scope)), r->message, r->description, r->link,
                   r->path, r->bad_examples, r->good_examples});
  }
  std::sort(out.begin(), out.end(),
            [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return out;
}

bool RuleSet::contains(std::string_view id) const {
  return std::any_of(rules_.begin(), rules_.end(), [&](const auto& r) { return r->id == id; });
}

RuleSet RuleSet::only(const std::vector<std::string>& ids) const {
  RuleSet set;
  for (const auto& r : rules_)
    if (std::find(ids.begin(), ids.end(), r->id) != ids.end()) set.rules_.push_back(r);
  return set;
}

std::string rule_id_from_path(std::string_view path) {
  const fs::path p(path);
  const std::string pack = p.parent_path().filename().string();
  const std::string name = p.stem().string();
  return pack.empty() ? name : pack + "/" + name;
}

std::vector<RuleFile> shipped_rule_files() {
  std::vector<RuleFile> files;
  for (const auto& f : embedded_rule_files()) files.push_back({f.path, f.text});
  return files;
}

std::vector<RuleFile> rule_files_from_path(const std::string& path,
                                           std::vector<Diagnostic>& diagnostics) {
  std::vector<RuleFile> files;
  auto read = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
      diagnostics.push_back({p.string(), 0, 0, "cannot read rule file"});
      return;
    }
    files.push_back({p.string(), std::string(std::istreambuf_iterator<char>(in), {})});
  };
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    read(path);
    return files;
  }
  if (!fs::is_directory(path, ec)) {
    diagnostics.push_back({path, 0, 0, "no such rule file or folder"});
    return files;
  }
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file() &&
        (it->path().extension() == ".yml" || it->path().extension() == ".yaml"))
      found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  for (const auto& p : found) read(p);
  if (found.empty()) diagnostics.push_back({path, 0, 0, "no .yml rule files in this folder"});
  return files;
}

}  // namespace citelint
