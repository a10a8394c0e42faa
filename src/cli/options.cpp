#include "cli/options.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <optional>

#include "citelint/ids.hpp"
#include "citelint/read.hpp"
#include "citelint/report.hpp"

namespace citelint::cli {

namespace {

using S = CheckSettings;
using std::chrono::milliseconds;

std::vector<std::string> report_format_choices() {
  std::vector<std::string> out;
  for (const ReportFormat& f : report_formats()) out.emplace_back(f.name);
  return out;
}

std::vector<std::string> input_format_choices() {
  std::vector<std::string> out;
  for (const InputFormat& f : input_formats()) out.emplace_back(f.name);
  return out;
}

std::vector<std::string> level_choices() { return {"error", "warning", "info", "never"}; }
std::vector<std::string> citation_order_choices() { return {"auto", "first-cited", "any"}; }

// "a, b, c".
std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The checks options share: each gives the value, or an error in words.
template <class T>
std::optional<T> number(const std::string& text) {
  T n{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

std::string positive(const std::string& v, int& out) {
  const auto n = number<int>(v);
  if (!n || *n <= 0) return "wants a whole number above 0, not '" + v + "'";
  out = *n;
  return {};
}

std::string non_negative(const std::string& v, long& out) {
  const auto n = number<long>(v);
  if (!n || *n < 0) return "wants a whole number, 0 or more, not '" + v + "'";
  out = *n;
  return {};
}

std::string seconds(const std::string& v, milliseconds& out, bool zero_ok = false) {
  const auto n = number<double>(v);
  if (!n || *n < 0 || (!zero_ok && *n == 0)) return "wants a number of seconds, not '" + v + "'";
  out = milliseconds(static_cast<long>(*n * 1000));
  return {};
}

std::string boolean(const std::string& v, bool& out) {
  if (v == "true" || v == "yes" || v == "on") {
    out = true;
  } else if (v == "false" || v == "no" || v == "off") {
    out = false;
  } else {
    return "wants true or false, not '" + v + "'";
  }
  return {};
}

std::string one_of(const std::string& v, const std::vector<std::string>& names, std::string& out) {
  if (std::find(names.begin(), names.end(), v) == names.end())
    return "wants one of " + joined(names) + ", not '" + v + "'";
  out = v;
  return {};
}

// "4G", "200M", "64K" or plain bytes, at most kMaxInputBytes (4 GiB: spans hold 32-bit offsets).
std::string byte_size(const std::string& v, std::size_t& out) {
  std::string digits = v;
  std::size_t factor = 1;
  if (!digits.empty() && std::string_view("KMGkmg").find(digits.back()) != std::string::npos) {
    const char unit = static_cast<char>(std::toupper(static_cast<unsigned char>(digits.back())));
    factor = unit == 'K' ? 1024 : unit == 'M' ? 1024 * 1024 : 1024 * 1024 * 1024;
    digits.pop_back();
  }
  const auto n = number<std::size_t>(digits);
  if (!n || *n == 0) return "wants a size such as 4G, 200M, 64K or bytes, not '" + v + "'";
  out = *n > kMaxInputBytes / factor ? kMaxInputBytes : *n * factor;
  return {};
}

// "1d", "12h", "30m", "90s" or plain seconds.
std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  long factor = 1;
  if (const std::string_view units = "dhms"; units.find(text.back()) != std::string_view::npos) {
    factor = text.back() == 'd' ? 86400 : text.back() == 'h' ? 3600 : text.back() == 'm' ? 60 : 1;
    text.remove_suffix(1);
  }
  const auto n = number<long>(std::string(text));
  if (!n || *n < 0) return std::nullopt;
  return std::chrono::seconds(*n * factor);
}

// "200,206,403" or ranges "200..299,403".
std::optional<std::vector<int>> parse_accept(std::string_view text) {
  std::vector<int> codes;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view item = text.substr(0, comma);
    const std::size_t dots = item.find("..");
    const auto from = number<int>(std::string(item.substr(0, dots)));
    const auto to =
        dots == std::string_view::npos ? from : number<int>(std::string(item.substr(dots + 2)));
    if (!from || !to || *from < 100 || *to > 999 || *from > *to) return std::nullopt;
    for (int c = *from; c <= *to; ++c) codes.push_back(c);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return codes;
}

std::string pattern(const std::string& v, std::vector<std::string>& out) {
  RE2 re(v, RE2::Quiet);
  if (!re.ok()) return "wants an RE2 pattern, not '" + v + "': " + re.error();
  out.push_back(v);
  return {};
}

std::string report_format(const std::string& v, std::string& out) {
  if (!find_report_format(v))
    return "wants a report format (" + joined(report_format_choices()) + "), not '" + v + "'";
  out = v;
  return {};
}

std::string report_request(const std::string& v, std::vector<std::string>& out) {
  const std::size_t eq = v.find('=');
  if (eq == std::string::npos || eq + 1 >= v.size())
    return "wants FORMAT=PATH, e.g. sarif=citelint.sarif, not '" + v + "'";
  std::string format;
  if (std::string e = report_format(v.substr(0, eq), format); !e.empty()) return e;
  out.push_back(v);
  return {};
}

std::string input_format(const std::string& v, std::string& out) {
  if (!find_input_format(v))
    return "wants an input format (" + joined(input_format_choices()) + "), not '" + v + "'";
  out = v;
  return {};
}

std::string append(const std::string& v, std::vector<std::string>& out) {
  out.push_back(v);
  return {};
}

// --api NAME=URL: an identifier service's endpoint.
std::string api_endpoint(const std::string& v, std::map<std::string, std::string>& out) {
  const std::size_t eq = v.find('=');
  std::vector<std::string> names;
  for (const std::string_view n : id_services()) names.emplace_back(n);
  const std::string name = v.substr(0, eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || std::find(names.begin(), names.end(), name) == names.end())
    return "wants NAME=URL, NAME one of " + joined(names) + ", not '" + v + "'";
  const std::string url = v.substr(eq + 1);
  if (url.compare(0, 7, "http://") != 0 && url.compare(0, 8, "https://") != 0)
    return "wants an http or https URL after " + name + "=, not '" + url + "'";
  out[name] = url;
  return {};
}

// Every option of check and baseline. Defaults not written here are CheckSettings' own (those
// of citelint::CheckOptions and ArchiveOptions).
const OptionSpec kOptions[] = {
    {"files", "", OptionSpec::many, "", "FILE", "", "Reference lists to check; - reads standard input",
     false, [](S& s, const std::string& v) { return append(v, s.files); }},
    {"--offline", "offline", OptionSpec::flag, "", "", "", "Rules only: send no network request",
     false, [](S& s, const std::string& v) { return boolean(v, s.offline); }},
    {"--format", "", OptionSpec::one, "text", "FORMAT", "", "Report format", false,
     [](S& s, const std::string& v) { return report_format(v, s.format); },
     report_format_choices},
    {"--report", "", OptionSpec::many, "", "FORMAT=PATH", "",
     "Also write a report in FORMAT to PATH, e.g. --report sarif=citelint.sarif; may be given "
     "more than once",
     false, [](S& s, const std::string& v) { return report_request(v, s.reports); }},
    {"-o,--output", "", OptionSpec::one, "", "FILE", "",
     "Write the report to this file instead of stdout", false,
     [](S& s, const std::string& v) { return (s.output = v, std::string()); }},
    {"--input-format", "", OptionSpec::one, "", "FORMAT", "",
     "Read every input as this format instead of detecting it", false,
     [](S& s, const std::string& v) { return input_format(v, s.input_format); },
     input_format_choices},
    {"--max-input-size", "max-input-size", OptionSpec::one, "4G", "SIZE", "",
     "Read at most this much of each input (standard input and pipes too): 4G, 200M, 64K or "
     "bytes",
     false, [](S& s, const std::string& v) { return byte_size(v, s.max_input_bytes); }},
    {"--as-of", "", OptionSpec::one, "", "YYYY-MM-DD", "",
     "The day date rules take as today; default today", false,
     [](S& s, const std::string& v) { return (s.as_of = v, std::string()); }},
    {"--fail-on", "fail-on", OptionSpec::one, "error", "LEVEL", "",
     "Exit 1 when a finding is at or above this level: error, warning, info or never", false,
     [](S& s, const std::string& v) {
       return one_of(v, level_choices(), s.fail_on);
     },
     level_choices},
    {"--baseline", "", OptionSpec::one, "", "FILE", "",
     "Leave out the findings this baseline holds (written by citelint baseline): only new "
     "findings are reported and fail the run",
     false, [](S& s, const std::string& v) { return (s.baseline = v, std::string()); }},
    {"--rules", "rules.packs", OptionSpec::many, "", "PATH", "",
     "Extra rule packs: a .yml file or a folder", true,
     [](S& s, const std::string& v) { return append(v, s.rules.rule_paths); }},
    {"--style", "rules.styles", OptionSpec::many, "", "NAME", "",
     "A shipped style pack to add to core", false,
     [](S& s, const std::string& v) { return append(v, s.rules.styles); }},
    {"--max-concurrency", "network.max-concurrency", OptionSpec::one, "128", "N", "Network",
     "Requests in flight at most (clamped to the open-file limit)", false,
     [](S& s, const std::string& v) { return positive(v, s.network.max_concurrency); }},
    {"--host-concurrency", "network.host-concurrency", OptionSpec::one, "4", "N", "Network",
     "Requests in flight per host at most", false,
     [](S& s, const std::string& v) { return positive(v, s.network.host_concurrency); }},
    {"--host-interval", "network.host-interval", OptionSpec::one, "0", "MS", "Network",
     "Milliseconds between request starts on one host", false,
     [](S& s, const std::string& v) {
       long ms = 0;
       std::string e = non_negative(v, ms);
       s.network.host_interval = milliseconds(ms);
       return e;
     }},
    {"--timeout", "network.timeout", OptionSpec::one, "20", "S", "Network", "Seconds per attempt",
     false, [](S& s, const std::string& v) { return seconds(v, s.network.timeout); }},
    {"--connect-timeout", "", OptionSpec::one, "10", "S", "Network", "Seconds to connect", false,
     [](S& s, const std::string& v) { return seconds(v, s.network.connect_timeout); }},
    {"--retries", "network.retries", OptionSpec::one, "2", "N", "Network",
     "Retries after a dropped connection, 5xx, 429 or timeout", false,
     [](S& s, const std::string& v) {
       long n = 0;
       std::string e = non_negative(v, n);
       s.network.retries = static_cast<int>(n);
       return e;
     }},
    {"--retry-after-max", "", OptionSpec::one, "60", "S", "Network",
     "Longest Retry-After honoured, in seconds", false,
     [](S& s, const std::string& v) { return seconds(v, s.network.retry_after_max, true); }},
    {"--user-agent", "network.user-agent", OptionSpec::one, "", "S", "Network",
     "User-Agent header (default: citelint's own)", false,
     [](S& s, const std::string& v) { return (s.network.user_agent = v, std::string()); }},
    {"--header", "network.header", OptionSpec::many, "", "'K: V'", "Network",
     "An extra request header, 'Name: value' (repeatable)", false,
     [](S& s, const std::string& v) { return append(v, s.network.headers); }},
    {"--exclude", "exclude", OptionSpec::many, "", "RE", "Network",
     "Do not check URLs matching this RE2 pattern", false,
     [](S& s, const std::string& v) { return pattern(v, s.network.exclude); }},
    {"--include", "include", OptionSpec::many, "", "RE", "Network",
     "Check only URLs matching this RE2 pattern", false,
     [](S& s, const std::string& v) { return pattern(v, s.network.include); }},
    {"--accept", "network.accept", OptionSpec::one, "", "CODES", "Network",
     "HTTP statuses that count as ok, e.g. 200..299,403", false,
     [](S& s, const std::string& v) {
       const auto codes = parse_accept(v);
       if (!codes) return "wants statuses such as 200..299,403, not '" + v + "'";
       s.network.accept = *codes;
       return std::string();
     }},
    {"--resolve", "", OptionSpec::many, "", "HOST:PORT:ADDR", "Network",
     "HOST:PORT:ADDR, as curl's --resolve (repeatable)", false,
     [](S& s, const std::string& v) { return append(v, s.network.resolve); }},
    {"--allow-private", "", OptionSpec::flag, "", "", "Network",
     "Check loopback, private and link-local addresses too", false,
     [](S& s, const std::string& v) { return boolean(v, s.network.allow_private); }},
    {"--ca-file", "", OptionSpec::one, "", "PEM", "Network",
     "Trust the certificates in this PEM file", false,
     [](S& s, const std::string& v) { return (s.network.ca_file = v, std::string()); }},
    // The config's `cache: false` is --no-cache.
    {"--cache", "cache", OptionSpec::one, "", "FILE", "Network",
     "The link cache (SQLite; default .citelint-cache.sqlite here)", true,
     [](S& s, const std::string& v) {
       s.network.use_cache = v != "false" && v != "off";
       s.network.cache_file = s.network.use_cache ? v : "";
       return std::string();
     }},
    {"--no-cache", "", OptionSpec::flag, "", "", "Network", "Neither read nor write the link cache",
     false,
     [](S& s, const std::string& v) {
       bool off = false;
       std::string e = boolean(v, off);
       if (off) s.network.use_cache = false;
       return e;
     }},
    {"--cache-max-age", "cache-max-age", OptionSpec::one, "1d", "AGE", "Network",
     "Oldest cached result used: 1d, 12h, 30m, 90s", false,
     [](S& s, const std::string& v) {
       const auto age = parse_duration(v);
       if (!age) return "wants 1d, 12h, 30m or 90s, not '" + v + "'";
       s.network.cache_max_age = *age;
       return std::string();
     }},
    {"--no-repair", "", OptionSpec::flag, "", "", "Network",
     "Do not try repairs (restored hyphens, stripped brackets) of URLs that fail", false,
     [](S& s, const std::string& v) { return boolean(v, s.no_repair); }},
    {"--archive", "", OptionSpec::flag, "", "", "Archives",
     "Find an archived copy, from near the access date, of each dead or blocked link", false,
     [](S& s, const std::string& v) { return boolean(v, s.archive); }},
    {"--archive-endpoint", "", OptionSpec::one, "", "URL", "Archives",
     "A Wayback-compatible archive to ask instead of the Internet Archive", false,
     [](S& s, const std::string& v) { return (s.archives.endpoint = v, std::string()); }},
    {"--memento-timegate", "", OptionSpec::one, "", "URL", "Archives",
     "Also ask this Memento TimeGate (RFC 7089); the page's URL is appended", false,
     [](S& s, const std::string& v) { return (s.archives.memento_timegate = v, std::string()); }},
    {"--archive-tolerance", "", OptionSpec::one, "30", "DAYS", "Archives",
     "Days an archive URL in a reference may be captured after its access date", false,
     [](S& s, const std::string& v) {
       long days = 0;
       std::string e = non_negative(v, days);
       s.archives.tolerance_days = static_cast<int>(days);
       return e;
     }},
    // links.confirm: {checks: N, days: D} turns confirmation on; --confirm with 3 and 3.
    {"", "links.confirm.days", OptionSpec::one, "", "DAYS", "Link rot",
     "Days from a link's first failed check to the one that confirms it dead", false,
     [](S& s, const std::string& v) {
       long days = 0;
       std::string e = non_negative(v, days);
       s.confirm.days = static_cast<int>(days);
       if (s.confirm.checks == 0) s.confirm.checks = kDefaultConfirm.checks;
       return e;
     }},
    {"", "links.confirm.checks", OptionSpec::one, "", "N", "Link rot",
     "Failed checks in a row that confirm a link dead", false,
     [](S& s, const std::string& v) { return positive(v, s.confirm.checks); }},
    {"--confirm", "", OptionSpec::flag, "", "", "Link rot",
     "Call a failing link broken only after 3 failed checks over 3 days (links.confirm sets "
     "others); until then it is link/failing. Needs the kept cache of scheduled runs",
     false,
     [](S& s, const std::string& v) {
       bool on = false;
       std::string e = boolean(v, on);
       if (on && !s.confirm.on()) s.confirm = kDefaultConfirm;
       return e;
     }},
    {"--no-drift", "", OptionSpec::flag, "", "", "Link rot",
     "Do not compare what a page shows with what the reference cites (link/drift)", false,
     [](S& s, const std::string& v) { return boolean(v, s.no_drift); }},
    {"--api", "network.api", OptionSpec::many, "", "NAME=URL", "Identifiers",
     "Where to ask an identifier service (doi: the DOI system's proxy, for the handle API and "
     "agency lookup; crossref; datacite; ncbi: the NCBI ID converter, for PMIDs and PMCIDs; "
     "arxiv: arXiv's API); none is asked without one (docs/identifiers.md)",
     false, [](S& s, const std::string& v) { return api_endpoint(v, s.ids.apis); }},
    {"--mailto", "network.mailto", OptionSpec::one, "", "EMAIL", "Identifiers",
     "A contact address sent to Crossref, which serves such clients from its polite pool, and to "
     "the NCBI ID converter", false,
     [](S& s, const std::string& v) { return (s.ids.mailto = v, std::string()); }},
    {"--suggest-doi", "suggest-doi", OptionSpec::flag, "", "", "Identifiers",
     "Search Crossref for the DOI of each reference that gives none, and offer it as a fix when "
     "the work found is past doubt the one cited (needs --api crossref=URL)",
     false, [](S& s, const std::string& v) { return boolean(v, s.ids.suggest_doi); }},
    {"--retractions", "retractions", OptionSpec::one, "", "FILE", "Identifiers",
     "A local copy of the Retraction Watch dataset (CSV): retracted DOIs and PMIDs flagged with "
     "no request",
     true, [](S& s, const std::string& v) { return (s.retractions_file = v, std::string()); }},
    {"--citation-order", "citations.order", OptionSpec::one, "auto", "ORDER", "Citations",
     "How a numbered list runs: first-cited (Vancouver, IEEE, GB/T 7714), any, or auto (in the "
     "order of first citation unless sorted by author)",
     false,
     [](S& s, const std::string& v) {
       std::string order;
       std::string e = one_of(v, citation_order_choices(), order);
       s.citation_order = order == "first-cited" ? CiteOrder::first_cited
                          : order == "any"       ? CiteOrder::any
                                                 : CiteOrder::automatic;
       return e;
     },
     citation_order_choices},
    {"-q,--quiet", "", OptionSpec::flag, "", "", "", "No progress bar", false,
     [](S& s, const std::string& v) { return boolean(v, s.quiet); }},
    {"--config", "", OptionSpec::one, "", "FILE", "",
     "Settings from this file instead of the .citelint.yaml found in the working directory or "
     "above it (docs/config.md)",
     false, [](S& s, const std::string& v) { return (s.config_file = v, std::string()); }},
    {"--no-config", "", OptionSpec::flag, "", "", "", "Read no .citelint.yaml", false,
     [](S& s, const std::string& v) { return boolean(v, s.no_config); }},
};

// The name CLI11 knows an option by, and the one messages use: its last, longest name.
std::string_view long_name(std::string_view flags) {
  const std::size_t comma = flags.rfind(',');
  return comma == std::string_view::npos ? flags : flags.substr(comma + 1);
}

}  // namespace

std::span<const OptionSpec> check_options() { return kOptions; }

std::vector<std::string> option_choices(std::string_view name) {
  for (const OptionSpec& o : kOptions)
    if (long_name(o.flags) == name && o.choices) return o.choices();
  return {};
}

void define_options(CLI::App& cmd, GivenOptions& given) {
  for (const OptionSpec& o : kOptions) {
    if (o.flags.empty()) continue;
    const std::string flags(o.flags), help(o.help);
    CLI::Option* option = nullptr;
    if (o.arity == OptionSpec::flag) {
      option = cmd.add_flag(flags, given.flags[long_name(o.flags)], help);
    } else {
      option = cmd.add_option(flags, given.values[long_name(o.flags)], help);
      if (o.arity == OptionSpec::one)
        option->expected(1)->allow_extra_args(false)->multi_option_policy(
            CLI::MultiOptionPolicy::TakeLast);
      // A repeatable option takes one value each time it is given: the words after it are
      // the files (`--report json=r.json a.txt b.bib` reads both).
      if (o.arity == OptionSpec::many && o.flags != "files")
        option->expected(1)->allow_extra_args(false)->multi_option_policy(
            CLI::MultiOptionPolicy::TakeAll);
      if (!o.type_name.empty()) option->type_name(std::string(o.type_name));
      if (!o.fallback.empty()) option->default_str(std::string(o.fallback));
    }
    if (o.flags == "files") option->required();
    if (!o.group.empty()) option->group(std::string(o.group));
  }
}

void merge_options(const CLI::App& cmd, const GivenOptions& given, const Config* config,
                   CheckSettings& s, std::vector<Diagnostic>& diagnostics) {
  for (const OptionSpec& o : kOptions) {
    const std::string_view name = long_name(o.flags);
    auto apply = [&](CheckSettings& into, const std::string& value, const Diagnostic& where) {
      if (std::string error = o.set(into, value); !error.empty()) {
        Diagnostic d = where;
        d.message += error;
        diagnostics.push_back(std::move(d));
      }
    };
    const bool on_command_line = !o.flags.empty() && cmd.count(std::string(name)) > 0;
    const Config::Value* from_config = nullptr;
    if (config && !o.key.empty())
      if (const auto it = config->values.find(std::string(o.key)); it != config->values.end())
        from_config = &it->second;
    // Lists add the command line's to the config's; a single value is the command line's, else
    // the config's, else the default.
    // The config is read strictly: its value is checked even where the command line wins.
    if (from_config) {
      const bool taken = o.arity == OptionSpec::many || !on_command_line;
      CheckSettings overridden;
      for (std::size_t k = 0; k < from_config->values.size(); ++k) {
        const auto [line, column] = k < from_config->places.size()
                                        ? from_config->places[k]
                                        : std::pair{from_config->line, from_config->column};
        apply(taken ? s : overridden, from_config->values[k],
              {config->path, line, column, std::string(o.key) + " "});
      }
    }
    if (on_command_line) {
      const Diagnostic where{"citelint", 0, 0, std::string(name) + " "};
      if (o.arity == OptionSpec::flag) {
        apply(s, given.flags.at(name) ? "true" : "false", where);
      } else {
        for (const std::string& v : given.values.at(name)) apply(s, v, where);
      }
    } else if (!from_config && !o.fallback.empty()) {
      apply(s, std::string(o.fallback), {"citelint", 0, 0, std::string(name) + " (default) "});
    }
  }
}

}  // namespace citelint::cli
