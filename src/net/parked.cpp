#include "net/parked.hpp"

#include <libpsl.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "model/utf8.hpp"
#include "net/classify.hpp"
#include "net/page.hpp"
#include "net/scheduler.hpp"
#include "rules/embedded.hpp"

namespace citelint::net {

namespace {

// data/parked.yml, compiled once.
struct ParkingSigns {
  std::size_t short_page = 2500;
  std::unique_ptr<RE2> phrases;           // all of them, one alternation
  std::vector<std::string> hosts;         // host, or host/path prefix
  std::vector<std::string> lander_paths;  // a script's target path
  std::vector<std::unique_ptr<RE2>> parking_hosts;
};

std::vector<std::string> strings(const YAML::Node& node) {
  std::vector<std::string> out;
  for (const auto& item : node) out.push_back(item.as<std::string>());
  return out;
}

const ParkingSigns& signs() {
  static const ParkingSigns loaded = [] {
    ParkingSigns s;
    for (const EmbeddedRuleFile& file : embedded_data_files()) {
      if (std::string_view(file.path) != "data/parked.yml") continue;
      const YAML::Node root = YAML::Load(file.text);
      s.short_page = root["short_page"].as<std::size_t>(s.short_page);
      std::string alternation;
      for (const std::string& p : strings(root["phrases"]))
        (alternation.empty() ? alternation : alternation += '|') += "(?:" + p + ")";
      RE2::Options options;
      options.set_case_sensitive(false);
      options.set_max_mem(64 << 20);
      s.phrases = std::make_unique<RE2>(alternation, options);
      s.hosts = strings(root["hosts"]);
      s.lander_paths = strings(root["lander_paths"]);
      for (const std::string& p : strings(root["parking_hosts"]))
        s.parking_hosts.push_back(std::make_unique<RE2>(p));
    }
    return s;
  }();
  return loaded;
}

// The marketplace or parking service `url` is on, by data/parked.yml's hosts; empty if none.
std::string marketplace(std::string_view url) {
  const std::string host = host_of(url);
  const std::string_view path = url_path(url);
  for (const std::string& entry : signs().hosts) {
    const std::size_t slash = entry.find('/');
    const std::string_view name = std::string_view(entry).substr(0, slash);
    const bool on_host =
        host == name || (host.size() > name.size() &&
                         host.compare(host.size() - name.size(), name.size(), name) == 0 &&
                         host[host.size() - name.size() - 1] == '.');
    if (!on_host) continue;
    if (slash == std::string::npos ||
        path.substr(0, entry.size() - slash) == std::string_view(entry).substr(slash))
      return entry;
  }
  return {};
}

bool parking_host(std::string_view url) {
  const std::string host = host_of(url);
  for (const auto& re : signs().parking_hosts)
    if (RE2::PartialMatch(host, *re)) return true;
  return false;
}

// Where a page's script sends the browser (location.href = "...", location.replace("...")),
// resolved against the page; empty when no script names a target.
std::string script_target(std::string_view html, std::string_view page) {
  static const RE2 kAssign(
      "(?:location(?:\\.href)?\\s*=\\s*|location\\.(?:replace|assign)\\s*\\(\\s*)[\"']([^\"']{1,"
      "1000})[\"']");
  std::string target;
  if (!RE2::PartialMatch(html, kAssign, &target)) return {};
  return resolved_against(page, target);
}

// A near-empty page whose script sends the browser to a parking lander, a marketplace, a
// parking host or another domain: a parking page drawn by script.
std::string script_parking(const Response& r, std::string_view page, std::size_t text_length) {
  if (text_length > 80) return {};
  const std::string target = script_target(r.body, page);
  if (target.empty()) return {};
  const std::string_view path = url_path(target);
  bool lander = false;
  for (const std::string& p : signs().lander_paths)
    lander = lander || path == p || path.substr(0, p.size() + 1) == p + "/";
  const bool elsewhere = registrable_domain(host_of(target)) != registrable_domain(host_of(page));
  if (!lander && !elsewhere && !parking_host(target) && marketplace(target).empty()) return {};
  return "a near-empty page whose script sends the browser to " + target +
         ", a parking service's page";
}

// Whether a URL names a page below a site's front, and not as a short link does (one short
// segment of letters and digits, whose target may well be a front page).
bool deep_link(std::string_view url) {
  const std::string_view path = url_path(url);
  if (is_front_path(path)) return false;
  const std::string_view segment = path.substr(1);
  const bool short_link =
      segment.size() <= 12 && std::all_of(segment.begin(), segment.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
  return !short_link;
}

// The parking wording in the page's names or its (short) text; empty when there is none.
std::string parking_phrase(std::string_view names, std::string_view text) {
  const RE2& phrases = *signs().phrases;
  for (const std::string_view where : {names, text}) {
    re2::StringPiece match;
    if (phrases.Match(where, 0, where.size(), RE2::UNANCHORED, &match, 1))
      return std::string(match.data(), match.size());
  }
  return {};
}

}  // namespace

std::string registrable_domain(std::string_view host) {
  static const psl_ctx_t* psl = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest ? latest : psl_builtin();
  }();
  const std::string name(host);
  const bool address =
      name.find(':') != name.npos || name.find_first_not_of("0123456789.") == name.npos;
  if (address) return name;
  const char* domain = psl ? psl_registrable_domain(psl, name.c_str()) : nullptr;
  return domain ? std::string(domain) : name;
}

std::string parked_reason(const Response& r, std::string_view names, std::string_view original,
                          std::string_view final_url, const std::vector<Redirect>& chain) {
  if (!chain.empty()) {
    if (const std::string market = marketplace(final_url); !market.empty())
      return "redirected to " + std::string(final_url) + ", a domain marketplace or parking page";
    if (parking_host(final_url) && !parking_host(original))
      return "redirected to " + std::string(final_url) + ", a parking service's host";
    // A cited deep link sent to the front page of another domain: the name changed hands.
    if (deep_link(original) && is_front_path(url_path(final_url)) &&
        registrable_domain(host_of(final_url)) != registrable_domain(host_of(original)))
      return "the cited page now lands on " + std::string(final_url) +
             ", the front page of another domain";
  }
  if (!is_html(r)) return {};
  const ParkingSigns& s = signs();
  const std::string text = visible_text(r.body, s.short_page + 1);
  if (std::string why = script_parking(r, final_url, text.size()); !why.empty()) return why;
  if (text.size() > s.short_page) return {};
  if (const std::string phrase = parking_phrase(names, text); !phrase.empty())
    return "the page is a parked or for-sale domain's (\"" + phrase + "\")";
  return {};
}

}  // namespace citelint::net
