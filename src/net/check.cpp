// check_links: the cache first, then the scheduler for the rest; what the results mean for
// each citation.
#include "citelint/check.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/url/parse.hpp>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <unordered_map>

#include "citelint/history.hpp"
#include "citelint/kinds.hpp"
#include "net/cache.hpp"
#include "net/idn.hpp"
#include "net/scheduler.hpp"

namespace citelint {

namespace {

constexpr std::pair<LinkStatus, std::string_view> kStatuses[] = {
    {LinkStatus::ok, "ok"},
    {LinkStatus::redirect, "redirect"},
    {LinkStatus::broken, "broken"},
    {LinkStatus::soft_404, "soft-404"},
    {LinkStatus::parked, "parked"},
    {LinkStatus::drifted, "drifted"},
    {LinkStatus::failing, "failing"},
    {LinkStatus::blocked, "blocked"},
    {LinkStatus::timeout, "timeout"},
    {LinkStatus::dns_error, "dns-error"},
    {LinkStatus::connection_error, "connection-error"},
    {LinkStatus::tls_error, "tls-error"},
    {LinkStatus::server_error, "server-error"},
    {LinkStatus::excluded, "excluded"},
    {LinkStatus::skipped, "skipped"},
    {LinkStatus::invalid, "invalid"},
    {LinkStatus::unchecked, "unchecked"},
};

bool web_url(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  return parsed && (parsed->scheme() == "http" || parsed->scheme() == "https") &&
         !parsed->encoded_host().empty();
}

// One line on standard error, redrawn ten times a second while links are checked.
class ProgressBar {
 public:
  ProgressBar(boost::asio::io_context& io, const net::Scheduler& scheduler, std::size_t total)
      : timer_(io), scheduler_(scheduler), total_(total) {}
  void start() { tick(); }
  void stop() {
    timer_.cancel();
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }

 private:
  void tick() {
    draw();
    timer_.expires_after(std::chrono::milliseconds(100));
    timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) tick();
    });
  }
  void draw() {
    const std::size_t done = total_ - scheduler_.pending();
    const std::size_t failed = scheduler_.not_ok();
    constexpr int kWidth = 24;
    const int filled = total_ ? static_cast<int>(done * kWidth / total_) : kWidth;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kWidth, '-');
    std::fprintf(stderr, "\r\033[Kchecking links [%s] %zu/%zu  %zu in flight  %zu not ok",
                 bar.c_str(), done, total_, scheduler_.in_flight(), failed);
    std::fflush(stderr);
  }

  boost::asio::steady_timer timer_;
  const net::Scheduler& scheduler_;
  std::size_t total_;
};

// The finding kind of a status that is not ok (include/citelint/kinds.hpp has its id and level).
std::optional<Kind> kind_of(LinkStatus s) {
  switch (s) {
    case LinkStatus::broken:
      return Kind::link_broken;
    case LinkStatus::redirect:
      return Kind::link_redirect;
    case LinkStatus::soft_404:
      return Kind::link_soft_404;
    case LinkStatus::blocked:
      return Kind::link_blocked;
    case LinkStatus::timeout:
      return Kind::link_timeout;
    case LinkStatus::dns_error:
      return Kind::link_dns;
    case LinkStatus::tls_error:
      return Kind::link_tls;
    case LinkStatus::server_error:
      return Kind::link_server_error;
    case LinkStatus::connection_error:
      return Kind::link_connection;
    case LinkStatus::skipped:
    case LinkStatus::invalid:
      return Kind::link_skipped;
    case LinkStatus::parked:
      return Kind::link_parked;
    case LinkStatus::drifted:
      return Kind::link_drift;
    case LinkStatus::failing:
      return Kind::link_failing;
    default:
      return std::nullopt;
  }
}

// What a drifted page shows against what the reference cites, and what its capture shows.
std::string drift_message(const LinkResult& r, std::string_view entry) {
  std::string m = "the page answers, but shows " + quoted_title(r.title());
  const std::string cited = cited_title(entry);
  m += cited.empty() ? ", which shares no word with the reference"
                     : ", and the reference cites " + quoted_title(cited);
  if (!r.error().empty()) (m += "; ") += r.error();
  return m;
}

std::string message_for(const LinkResult& r) {
  switch (r.status) {
    case LinkStatus::broken:
      return "broken link: " + r.error();
    case LinkStatus::redirect:
      return "the link moved permanently to " + r.final_url();
    case LinkStatus::soft_404:
      return "the page answers, but is missing: " + r.error();
    case LinkStatus::blocked:
      return "the site refused an automated check (" + r.error() + "); check it in a browser";
    case LinkStatus::timeout:
      return "no answer in time: " + r.error();
    case LinkStatus::dns_error:
      return "the host name does not resolve: " + r.error();
    case LinkStatus::tls_error:
      return "the secure connection failed: " + r.error();
    case LinkStatus::server_error:
      return "the server failed: " + r.error();
    case LinkStatus::connection_error:
      return "the connection failed: " + r.error();
    case LinkStatus::skipped:
    case LinkStatus::invalid:
      return "not checked: " + r.error();
    case LinkStatus::parked:
      return "the domain is parked or for sale, the work gone from it: " + r.error();
    case LinkStatus::failing:
      return "failing, not yet confirmed dead: " + r.error();
    default:
      return std::string(to_string(r.status));
  }
}

}  // namespace

std::string_view to_string(LinkStatus s) {
  for (const auto& [status, name] : kStatuses)
    if (status == s) return name;
  return "unchecked";
}

std::optional<LinkStatus> parse_link_status(std::string_view s) {
  for (const auto& [status, name] : kStatuses)
    if (name == s) return status;
  return std::nullopt;
}

bool is_conclusive(LinkStatus s) {
  return s == LinkStatus::ok || s == LinkStatus::redirect || s == LinkStatus::broken ||
         s == LinkStatus::soft_404 || s == LinkStatus::parked;
}

LinkResult::LinkResult(const LinkResult& other)
    : status(other.status),
      from_cache(other.from_cache),
      http_status(other.http_status),
      attempts(other.attempts),
      elapsed_ms(other.elapsed_ms),
      more_(other.more_ ? std::make_unique<More>(*other.more_) : nullptr) {}

LinkResult& LinkResult::operator=(const LinkResult& other) {
  if (this != &other) *this = LinkResult(other);
  return *this;
}

const LinkResult::More& LinkResult::none() {
  static const More empty;
  return empty;
}

LinkResult::More& LinkResult::more() {
  if (!more_) more_ = std::make_unique<More>();
  return *more_;
}

void LinkResult::set_error(std::string error) {
  if (!error.empty() || more_) more().error = std::move(error);
}

void LinkResult::set_title(std::string title) {
  if (!title.empty() || more_) more().title = std::move(title);
}

void LinkResult::set_redirects(std::vector<Redirect> redirects) {
  if (!redirects.empty() || more_) more().redirects = std::move(redirects);
}

const std::string& LinkResult::final_url() const {
  static const std::string empty;
  return redirects().empty() ? empty : redirects().back().url;
}

LinkResults::LinkResults(std::vector<std::string_view> urls) {
  std::sort(urls.begin(), urls.end());
  urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
  entries_.reserve(urls.size());
  for (std::string_view url : urls) entries_.emplace_back(url, LinkResult{});
}

LinkResults::LinkResults(std::vector<std::string> urls) : owned_(std::move(urls)) {
  entries_ = LinkResults(std::vector<std::string_view>(owned_.begin(), owned_.end())).entries_;
}

LinkResult* LinkResults::find(std::string_view url) {
  const auto it = std::lower_bound(entries_.begin(), entries_.end(), url,
                                   [](const Entry& e, std::string_view u) { return e.first < u; });
  return it != entries_.end() && it->first == url ? &it->second : nullptr;
}

const LinkResult* LinkResults::find(std::string_view url) const {
  return const_cast<LinkResults*>(this)->find(url);
}

const LinkResult& LinkResults::at(std::string_view url) const {
  if (const LinkResult* r = find(url)) return *r;
  throw std::out_of_range("no link result for " + std::string(url));
}

namespace {

std::vector<std::unique_ptr<RE2>> compiled(const std::vector<std::string>& patterns) {
  std::vector<std::unique_ptr<RE2>> out;
  for (const std::string& p : patterns) out.push_back(std::make_unique<RE2>(p));
  return out;
}

bool matches_any(const std::vector<std::unique_ptr<RE2>>& res, std::string_view url) {
  for (const auto& re : res)
    if (RE2::PartialMatch(re2::StringPiece(url.data(), url.size()), *re)) return true;
  return false;
}

// The cache's result for a URL, unless it is a failure that a confirmation policy counts: such
// a link is asked again on every run, so each run is a check.
std::optional<LinkResult> cached_result(net::LinkCache* cache, std::string_view url,
                                        const CheckOptions& options) {
  auto cached = cache ? cache->find(url, options.cache_max_age) : std::nullopt;
  if (cached && options.recheck_failures && !found_check(cached->status)) return std::nullopt;
  return cached;
}

CheckReport check(LinkResults results, const CheckOptions& options, const LinkResults* known) {
  CheckReport report;
  const auto exclude = compiled(options.exclude), include = compiled(options.include);

  const std::unique_ptr<net::LinkCache> cache = net::open_cache(options, report.warnings);

  report.results = std::move(results);
  boost::asio::io_context io;
  net::Scheduler scheduler(io, options);
  std::vector<LinkResults::Entry*> asked;
  // One request per page: URLs that differ only in their #fragment share the first one's.
  const bool fragments =
      std::any_of(report.results.begin(), report.results.end(),
                  [](const LinkResults::Entry& e) { return e.first.find('#') != e.first.npos; });
  std::unordered_map<std::string_view, LinkResults::Entry*> pages;
  std::vector<std::pair<LinkResults::Entry*, const LinkResults::Entry*>> same_page;
  for (LinkResults::Entry& entry : report.results) {
    const std::string_view url = entry.first;
    LinkResult& r = entry.second;
    const std::optional<std::string> ascii = net::ascii_url(url);
    if (!ascii) {
      r.status = LinkStatus::invalid;
      r.set_error("the host is no valid international domain name (IDNA 2008)");
    } else if (!web_url(*ascii)) {
      r.status = LinkStatus::invalid;
      r.set_error("not an http or https URL");
    } else if (matches_any(exclude, url) || (!include.empty() && !matches_any(include, url))) {
      r.status = LinkStatus::excluded;
    } else if (const LinkResult* answered = known ? known->find(url) : nullptr) {
      r = *answered;
    } else if (auto cached = cached_result(cache.get(), url, options)) {
      r = std::move(*cached);
    } else if (const auto [page, first] = fragments
                                              ? pages.emplace(url.substr(0, url.find('#')), &entry)
                                              : std::pair{pages.end(), true};
               !first) {
      same_page.emplace_back(&entry, page->second);
    } else {
      scheduler.add(entry);
      asked.push_back(&entry);
    }
  }

  std::optional<ProgressBar> progress;
  if (const std::size_t queued = scheduler.pending(); options.progress && queued > 0) {
    progress.emplace(io, scheduler, queued);
    progress->start();
  }
  scheduler.run();
  if (progress) progress->stop();
  report.requests = scheduler.requests();
  for (const auto& [entry, page] : same_page) {
    entry->second = page->second;
    asked.push_back(entry);
  }

  std::set<std::string> hosts;
  bool all_failed = true;
  for (const LinkResults::Entry* entry : asked) {
    hosts.insert(net::host_of(entry->first));
    const LinkStatus s = entry->second.status;
    all_failed = all_failed && (s == LinkStatus::dns_error || s == LinkStatus::connection_error);
  }
  // Every lookup or connection to two or more hosts failed alike: the machine is offline (or
  // behind a proxy it was not told about), and nothing is known about the links themselves.
  report.network_down = all_failed && hosts.size() >= 2;

  if (cache) {
    cache->begin();
    for (const LinkResults::Entry* entry : asked) cache->store(entry->first, entry->second);
    cache->commit();
  }
  return report;
}

}  // namespace

CheckReport check_links(std::vector<std::string> urls, const CheckOptions& options) {
  return check(LinkResults(std::move(urls)), options, nullptr);
}

CheckReport check_cited_links(const Corpus& corpus, const CheckOptions& options,
                              const LinkResults* known) {
  std::vector<std::string_view> urls;
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls)
      if (u.valid) urls.push_back(u.normalised);
  return check(LinkResults(std::move(urls)), options, known);
}

std::vector<Finding> link_findings(const Corpus& corpus, const CheckReport& report) {
  // The result behind each citation that makes a finding. Without a network, only what the
  // cache knows is known: the rest is said once.
  auto reported = [&](const Url& u) -> const LinkResult* {
    const LinkResult* r = report.results.find(u.normalised);
    return r && (!report.network_down || r->from_cache) && kind_of(r->status) ? r : nullptr;
  };
  std::size_t count = 0;  // counted first: a large list's findings are not held twice
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls) count += reported(u) != nullptr;
  std::vector<Finding> findings;
  findings.reserve(count);
  const long long now = std::time(nullptr);
  for (const Reference& ref : corpus.references) {
    for (const Url& u : ref.urls) {
      const LinkResult* found = reported(u);
      if (!found) continue;
      const LinkResult& r = *found;
      std::string message =
          r.status == LinkStatus::drifted
              ? drift_message(r, corpus.documents[ref.input]->text().substr(
                                     ref.span.begin, ref.span.end - ref.span.begin))
              : message_for(r);
      if (const std::string note = history_note(r, now); !note.empty())
        (message += " (") += note + ")";
      Finding f = url_finding(ref, u, *kind_of(r.status), std::move(message));
      if (r.status == LinkStatus::redirect) f.fix = Fix{r.final_url(), true};
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace citelint
