#include "cli/config.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "citelint/kinds.hpp"
#include "citelint/rules.hpp"
#include "cli/options.hpp"
#include "rules/rule.hpp"

namespace citelint::cli {

namespace {

// The rule loader's typed YAML access (errors at file:line:col), and what only the config has:
// maps of known keys, numbers of any type, levels.
class Reader {
 public:
  Reader(std::string path, std::vector<Diagnostic>& diagnostics)
      : ctx_(std::move(path), {}, diagnostics) {}

  bool failed() const { return ctx_.failed(); }
  void error(const YAML::Node& node, std::string message) {
    ctx_.error(node.Mark(), std::move(message));
  }
  std::string string(const YAML::Node& node, std::string_view what) {
    return ctx_.scalar(node, what);
  }
  std::vector<std::string> strings(const YAML::Node& node, std::string_view what) {
    return ctx_.string_list(node, what);
  }
  int integer(const YAML::Node& node, std::string_view what) { return ctx_.integer(node, what); }

  // The keys of a map, each one of `known`; anything else is an error at the key.
  bool map(const YAML::Node& node, std::string_view what, const std::set<std::string>& known,
           bool any_key = false) {
    if (!node.IsMap()) {
      error(node, std::string(what) + " must be a map");
      return false;
    }
    ctx_.unique_keys(node, what);
    for (const auto& kv : node) {
      const std::string key = kv.first.as<std::string>("");
      if (!any_key && !known.count(key)) {
        std::string names;
        for (const std::string& k : known) names += (names.empty() ? "" : ", ") + k;
        error(kv.first,
              "unknown key '" + key + "' in " + std::string(what) + " (known: " + names + ")");
      }
    }
    return true;
  }

  template <class T>
  std::optional<T> number(const YAML::Node& node, std::string_view what) {
    try {
      if (node.IsScalar()) return node.as<T>();
    } catch (const YAML::Exception&) {
    }
    error(node, std::string(what) + " must be a number");
    return std::nullopt;
  }

  // error, warning (warn), info, or off.
  std::optional<Config::Level> level(const YAML::Node& node, std::string_view what) {
    const std::string v = node.IsScalar() ? node.Scalar() : "";
    Config::Level l{std::nullopt, node.Mark().line + 1, node.Mark().column + 1};
    if (v == "off" || v == "false") return l;  // YAML reads a bare off as false
    if (auto s = parse_severity(v == "warn" ? "warning" : v)) {
      l.level = *s;
      return l;
    }
    error(node, std::string(what) + " must be error, warning, info or off, not '" + v + "'");
    return std::nullopt;
  }

 private:
  rules::LoadContext ctx_;
};

}  // namespace

std::optional<std::string> find_config() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (fs::path dir = fs::current_path(ec); !ec && !dir.empty(); dir = dir.parent_path()) {
    for (const char* name : {".citelint.yaml", ".citelint.yml"}) {
      std::error_code missing;  // not there: look further up
      if (fs::is_regular_file(dir / name, missing)) return (dir / name).string();
    }
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

namespace {

// The top-level keys (or, with a prefix such as "network.", the keys under it) that options
// have, besides `more`.
std::set<std::string> option_keys(std::string_view prefix, std::set<std::string> more) {
  for (const OptionSpec& o : check_options()) {
    if (o.key.empty() || o.key.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = o.key.substr(prefix.size());
    more.insert(std::string(rest.substr(0, rest.find('.'))));
  }
  return more;
}

// The node at a dotted key ("network.timeout"); an undefined node when it is not there.
YAML::Node at_key(const YAML::Node& node, std::string_view key) {
  if (!node.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  const std::size_t dot = key.find('.');
  const YAML::Node child = node[std::string(key.substr(0, dot))];
  if (dot == std::string_view::npos || !child.IsDefined()) return child;
  return at_key(child, key.substr(dot + 1));
}

// Each option's value as written, for merge_options to check.
void read_option_values(Reader& r, const YAML::Node& root, Config& c) {
  for (const OptionSpec& o : check_options()) {
    if (o.key.empty()) continue;
    const YAML::Node n = at_key(root, o.key);
    if (!n.IsDefined() || n.IsNull()) continue;
    Config::Value v{{}, n.Mark().line + 1, n.Mark().column + 1, {}};
    if (o.arity == OptionSpec::many) {
      v.values = r.strings(n, o.key);
      if (n.IsSequence() && n.size() == v.values.size())
        for (const auto& item : n)
          v.places.emplace_back(item.Mark().line + 1, item.Mark().column + 1);
    } else {
      v.values.push_back(r.string(n, o.key));
    }
    c.values[std::string(o.key)] = std::move(v);
  }
}

void read_rules(Reader& r, const YAML::Node& rules, Config& c) {
  if (!r.map(rules, "rules", {}, true)) return;
  const std::set<std::string> options = option_keys("rules.", {});  // packs, styles
  for (const auto& kv : rules) {
    const std::string key = kv.first.as<std::string>("");
    if (options.count(key)) continue;  // read_option_values reads them
    if (key.find('/') == std::string::npos) {
      r.error(kv.first, "'" + key + "' in rules is a rule id (pack/Rule), packs or styles");
    } else if (auto l = r.level(kv.second, "rules." + key)) {
      l->line = kv.first.Mark().line + 1;
      l->column = kv.first.Mark().column + 1;
      c.rule_levels[key] = *l;
    }
  }
}

void read_policy(Reader& r, const YAML::Node& policy, Config& c) {
  const auto& categories = finding_categories();
  if (!r.map(policy, "policy", std::set<std::string>(categories.begin(), categories.end()))) return;
  for (const auto& kv : policy)
    if (auto l = r.level(kv.second, "policy." + kv.first.as<std::string>("")))
      c.policy[kv.first.as<std::string>("")] = *l;
}

void read_hosts(Reader& r, const YAML::Node& hosts, Config& c) {
  if (!r.map(hosts, "network.hosts", {}, true)) return;
  for (const auto& kv : hosts) {
    const std::string host = kv.first.as<std::string>("");
    if (!r.map(kv.second, "network.hosts." + host, {"concurrency", "interval"})) continue;
    HostPolicy p;
    // As strict as --host-concurrency and --host-interval: above 0, and 0 or more.
    if (const auto n = kv.second["concurrency"]) {
      p.concurrency = r.integer(n, "concurrency");
      if (*p.concurrency <= 0)
        r.error(n, "network.hosts." + host + ".concurrency wants a whole number above 0");
    }
    if (const auto n = kv.second["interval"])
      if (auto ms = r.number<long>(n, "interval")) {
        if (*ms < 0)
          r.error(n, "network.hosts." + host + ".interval wants milliseconds, 0 or more");
        p.interval = std::chrono::milliseconds(*ms);
      }
    c.hosts[host] = p;
  }
}

void read_suppress(Reader& r, const YAML::Node& list, Config& c) {
  if (!list.IsSequence()) {
    r.error(list, "suppress must be a list of {reference, input, rules}");
    return;
  }
  for (const auto& item : list) {
    if (!r.map(item, "a suppress entry", {"reference", "input", "rules"})) continue;
    Config::Suppress s;
    if (const auto n = item["reference"]) {
      s.reference = r.string(n, "reference");
    } else {
      r.error(item, "a suppress entry needs the reference's id");
    }
    if (const auto n = item["input"]) s.input = r.string(n, "input");
    if (const auto n = item["rules"]) s.rules = r.strings(n, "rules");
    c.suppress.push_back(std::move(s));
  }
}

// Paths in the file are the project's: relative to the folder the file is in.
void anchor_paths(const std::string& path, Config& c) {
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  auto anchored = [&](std::string& p) {
    if (!p.empty() && p != "false" && p != "off" && std::filesystem::path(p).is_relative())
      p = (base / p).lexically_normal().string();
  };
  for (const OptionSpec& o : check_options())
    if (o.path)
      if (const auto it = c.values.find(std::string(o.key)); it != c.values.end())
        for (std::string& p : it->second.values) anchored(p);
  for (Config::Suppress& s : c.suppress) anchored(s.input);
}

}  // namespace

std::optional<Config> load_config(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  Reader r(path, diagnostics);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.push_back(
        {path, e.mark.line + 1, e.mark.column + 1,
         "nested more than " + std::to_string(e.depth()) + " levels deep: no config is; not read"});
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    diagnostics.push_back({path, e.mark.line + 1, e.mark.column + 1, e.msg});
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics.push_back({path, 0, 0, std::string("cannot read: ") + e.what()});
    return std::nullopt;
  }
  Config c;
  c.path = path;
  if (root.IsNull()) return c;  // an empty file: no settings
  if (!r.map(root, "the config", option_keys("", {"rules", "policy", "network", "suppress"})))
    return std::nullopt;
  if (const auto n = root["network"]; n && r.map(n, "network", option_keys("network.", {"hosts"})))
    if (const auto hosts = n["hosts"]) read_hosts(r, hosts, c);
  if (const auto n = root["links"]; n && r.map(n, "links", option_keys("links.", {})))
    if (const auto confirm = n["confirm"])
      r.map(confirm, "links.confirm", option_keys("links.confirm.", {}));
  if (const auto n = root["rules"]) read_rules(r, n, c);
  if (const auto n = root["policy"]) read_policy(r, n, c);
  if (const auto n = root["suppress"]) read_suppress(r, n, c);
  read_option_values(r, root, c);
  if (r.failed()) return std::nullopt;
  anchor_paths(path, c);
  return c;
}

void apply_levels(const Config& config, std::vector<Finding>& findings) {
  if (config.rule_levels.empty() && config.policy.empty()) return;
  std::erase_if(findings, [&](Finding& f) {
    const Config::Level* l = nullptr;
    if (const auto it = config.rule_levels.find(f.rule); it != config.rule_levels.end()) {
      l = &it->second;
    } else if (const auto p = config.policy.find(f.category); p != config.policy.end()) {
      l = &p->second;
    }
    if (!l) return false;
    if (!l->level) return true;  // off
    f.severity = *l->level;
    return false;
  });
}

bool config_suppresses(const Config& config, const Finding& f, const std::string& input) {
  for (const Config::Suppress& s : config.suppress) {
    if (s.reference != f.reference) continue;
    std::error_code ec;  // the same file, however each path is written
    if (!s.input.empty() && std::filesystem::weakly_canonical(s.input, ec) !=
                                std::filesystem::weakly_canonical(input, ec))
      continue;
    const std::string_view name = std::string_view(f.rule).substr(f.rule.find('/') + 1);
    if (s.rules.empty() || std::any_of(s.rules.begin(), s.rules.end(), [&](const std::string& r) {
          return r == f.rule || r == name;
        }))
      return true;
  }
  return false;
}

}  // namespace citelint::cli
