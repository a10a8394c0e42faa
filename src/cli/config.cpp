#include "cli/config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "citelint/rules.hpp"
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
  bool boolean(const YAML::Node& node, std::string_view what) { return ctx_.boolean(node, what); }

  // The keys of a map, each one of `known`; anything else is an error at the key.
  bool map(const YAML::Node& node, std::string_view what, const std::set<std::string>& known,
           bool any_key = false) {
    if (!node.IsMap()) {
      error(node, std::string(what) + " must be a map");
      return false;
    }
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

std::optional<Config> load_config(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  Reader r(path, diagnostics);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
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
  if (!r.map(root, "the config",
             {"rules", "policy", "fail-on", "offline", "cache", "cache-max-age", "exclude",
              "include", "network", "suppress"}))
    return std::nullopt;
  if (const auto rules = root["rules"]) {
    if (r.map(rules, "rules", {}, true)) {
      for (const auto& kv : rules) {
        const std::string key = kv.first.as<std::string>("");
        if (key == "packs") {
          c.packs = r.strings(kv.second, "rules.packs");
        } else if (key == "styles") {
          c.styles = r.strings(kv.second, "rules.styles");
        } else if (key.find('/') == std::string::npos) {
          r.error(kv.first, "'" + key + "' in rules is a rule id (pack/Rule), packs or styles");
        } else if (auto l = r.level(kv.second, "rules." + key)) {
          l->line = kv.first.Mark().line + 1;
          l->column = kv.first.Mark().column + 1;
          c.rule_levels[key] = *l;
        }
      }
    }
  }
  if (const auto policy = root["policy"]) {
    const auto& categories = finding_categories();
    std::set<std::string> known(categories.begin(), categories.end());
    if (r.map(policy, "policy", known))
      for (const auto& kv : policy)
        if (auto l = r.level(kv.second, "policy." + kv.first.as<std::string>("")))
          c.policy[kv.first.as<std::string>("")] = *l;
  }
  if (const auto n = root["fail-on"]) {
    const std::string v = r.string(n, "fail-on");
    if (v == "error" || v == "warning" || v == "info" || v == "never") {
      c.fail_on = v;
    } else if (!v.empty()) {
      r.error(n, "fail-on must be error, warning, info or never, not '" + v + "'");
    }
  }
  if (const auto n = root["offline"]) c.offline = r.boolean(n, "offline");
  if (const auto n = root["cache"]) {
    if (n.IsScalar() && (n.Scalar() == "false" || n.Scalar() == "off")) {
      c.cache = "";
    } else {
      c.cache = r.string(n, "cache");
    }
  }
  if (const auto n = root["cache-max-age"]) c.cache_max_age = r.string(n, "cache-max-age");
  if (const auto n = root["exclude"]) c.exclude = r.strings(n, "exclude");
  if (const auto n = root["include"]) c.include = r.strings(n, "include");
  if (const auto net = root["network"]) {
    if (r.map(net, "network",
              {"max-concurrency", "host-concurrency", "host-interval", "timeout", "retries",
               "user-agent", "header", "accept", "hosts"})) {
      if (const auto n = net["max-concurrency"])
        c.max_concurrency = r.integer(n, "max-concurrency");
      if (const auto n = net["host-concurrency"])
        c.host_concurrency = r.integer(n, "host-concurrency");
      if (const auto n = net["host-interval"])
        c.host_interval_ms = r.number<long>(n, "host-interval");
      if (const auto n = net["timeout"]) c.timeout_s = r.number<double>(n, "timeout");
      if (const auto n = net["retries"]) c.retries = r.integer(n, "retries");
      if (const auto n = net["user-agent"]) c.user_agent = r.string(n, "user-agent");
      if (const auto n = net["header"]) c.headers = r.strings(n, "header");
      if (const auto n = net["accept"]) c.accept = r.string(n, "accept");
      if (const auto hosts = net["hosts"]; hosts && r.map(hosts, "network.hosts", {}, true)) {
        for (const auto& kv : hosts) {
          const std::string host = kv.first.as<std::string>("");
          if (!r.map(kv.second, "network.hosts." + host, {"concurrency", "interval"})) continue;
          HostPolicy p;
          if (const auto n = kv.second["concurrency"]) p.concurrency = r.integer(n, "concurrency");
          if (const auto n = kv.second["interval"])
            if (auto ms = r.number<long>(n, "interval"))
              p.interval = std::chrono::milliseconds(*ms);
          c.hosts[host] = p;
        }
      }
    }
  }
  if (const auto list = root["suppress"]) {
    if (!list.IsSequence()) {
      r.error(list, "suppress must be a list of {reference, input, rules}");
    } else {
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
  }
  if (r.failed()) return std::nullopt;
  // Paths in the file are the project's: relative to the folder the file is in.
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  auto anchored = [&](std::string& p) {
    if (!p.empty() && std::filesystem::path(p).is_relative())
      p = (base / p).lexically_normal().string();
  };
  for (std::string& p : c.packs) anchored(p);
  if (c.cache) anchored(*c.cache);
  for (Config::Suppress& s : c.suppress) anchored(s.input);
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
