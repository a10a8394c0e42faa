#include "net/scheduler.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <boost/url/parse.hpp>

#include "net/address.hpp"
#include "net/classify.hpp"
#include "net/fetch.hpp"
#include "net/idn.hpp"

namespace citelint {

// Honest: it says what is asking and where to read about it (CITELINT_HOMEPAGE, set when the
// project is built for distribution; cmake -DCITELINT_HOMEPAGE=URL).
std::string default_user_agent() {
  std::string agent = std::string("citelint/") + CITELINT_VERSION + " (reference list link checker";
  const std::string_view homepage = CITELINT_HOMEPAGE;
  if (!homepage.empty()) agent += std::string("; +") + std::string(homepage);
  return agent + ")";
}

}  // namespace citelint

namespace citelint::net {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

// The open-file limit, raised to its hard maximum where allowed, less what the process needs
// besides sockets (inputs, the report, the cache, curl's own descriptors).
std::size_t socket_budget() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 64;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  const rlim_t reserve = 32;
  return limit.rlim_cur > reserve * 2 ? static_cast<std::size_t>(limit.rlim_cur - reserve) : 16;
}

std::string chain_text(std::string_view from, const std::vector<Redirect>& chain) {
  std::string text(from);
  for (const Redirect& r : chain) text += " -> " + r.url;
  return text;
}

// Where a redirect target that is not an http or https address leads, in words ("a file:
// address"); empty for a web address.
std::string off_the_web(std::string_view url) {
  std::string scheme(url.substr(0, url.find(':')));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (scheme.size() == url.size()) return "a target that is not a URL";
  if (scheme == "http" || scheme == "https") return {};
  return "a " + scheme + ": address";
}

// A hop as a loop is spotted: the same URL asked with the same cookies (a page that sets one
// and sends the browser back to itself is no loop).
std::string hop_key(std::string_view url, const std::vector<std::string>& cookies) {
  std::string key(url);
  for (const std::string& c : cookies) key += "\n" + c;
  return key;
}

// Whether curl will send requests through a proxy the environment names (curl reads http_proxy
// in lower case only, the others in either).
bool proxy_from_environment() {
  for (const char* name : {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
    if (const char* v = std::getenv(name); v && *v) return true;
  return false;
}

}  // namespace

std::string host_of(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  const std::optional<std::string> ascii = parsed ? std::nullopt : ascii_url(url);
  if (ascii) parsed = boost::urls::parse_uri(*ascii);  // an international name, in Unicode
  if (!parsed) return std::string(url);
  std::string host(parsed->encoded_host());
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

Scheduler::Scheduler(asio::io_context& io, const CheckOptions& options)
    : io_(io), options_(options), loop_(io), resolver_(io) {
  capacity_ = std::clamp<std::size_t>(
      static_cast<std::size_t>(std::max(1, options.max_concurrency)), 1, socket_budget());
  // Through a proxy (curl takes it from the environment) every connection is to the proxy, which
  // the user chose: the targets' own addresses are judged instead (vetted()).
  proxied_ = !options.allow_private && proxy_from_environment();
  if (!options.allow_private && !proxied_)
    guard_ = [](const sockaddr* address) { return !is_private_address(address); };
  for (const std::string& r : options.resolve) resolve_ = curl_slist_append(resolve_, r.c_str());
  user_agent_ = options.user_agent.empty() ? default_user_agent() : options.user_agent;
  // Room for every connection in use and as many idle: beyond its cache's size curl walks all
  // of it to evict the oldest, on every connection it returns.
  loop_.set_connection_cache(static_cast<long>(capacity_ * 2));
}

Scheduler::~Scheduler() { curl_slist_free_all(resolve_); }

Scheduler::Host& Scheduler::host_for(std::string_view url) {
  const std::string name = host_of(url);
  auto& slot = hosts_[name];
  if (!slot) {
    slot = std::make_unique<Host>(io_);
    slot->name = name;
    slot->limit = std::max(1, options_.host_concurrency);
    slot->interval = options_.host_interval;
    if (const auto it = options_.hosts.find(name); it != options_.hosts.end()) {
      if (it->second.concurrency) slot->limit = std::max(1, *it->second.concurrency);
      if (it->second.interval) slot->interval = *it->second.interval;
    }
  }
  return *slot;
}

void Scheduler::add(LinkResults::Entry& entry) {
  ++unfinished_;
  Host& host = host_for(net::ascii_url(entry.first).value_or(std::string(entry.first)));
  host.fresh.push_back(&entry);
  make_ready(host);
  pump();
}

void Scheduler::ask(std::string url, std::vector<std::string> headers, Reply reply, bool first) {
  ++unfinished_;
  auto job = std::make_unique<Job>(io_);
  job->current = std::move(url);
  job->reply = std::move(reply);
  job->headers = options_.headers;
  job->headers.insert(job->headers.end(), headers.begin(), headers.end());
  job->started = Clock::now();
  Job* raw = job.get();
  jobs_[raw] = std::move(job);
  enqueue(raw, first);
}

void Scheduler::enqueue(Job* job, bool front) {
  Host& host = host_for(job->current);
  if (!host.given_up.empty()) {
    finish(job, host.unanswered_status, 0, host.given_up);
    return;
  }
  host.push(job, front);
  make_ready(host);
  pump();
}

void Scheduler::make_ready(Host& host, bool first) {
  if (!host.can_start()) return;
  if (first) {
    // Ahead of every other host, even if it waits further back already (pump() skips the
    // later entry when it has nothing to start then).
    host.ready = true;
    ready_.push_front(&host);
    return;
  }
  if (host.ready) return;
  host.ready = true;
  ready_.push_back(&host);
}

// Starts what may start: hosts in turn, each up to its limit and within its interval, all
// within the global cap. A host whose interval has not passed waits on its own timer.
void Scheduler::pump() {
  while (in_flight_ < capacity_ && !ready_.empty()) {
    Host& host = *ready_.front();
    ready_.pop_front();
    host.ready = false;
    if (!host.can_start() || (proxied_ && !vetted(host))) continue;
    const auto now = Clock::now();
    if (now < host.next_start) {
      if (!host.timer_armed) {
        host.timer_armed = true;
        host.timer.expires_at(host.next_start);
        host.timer.async_wait([this, &host](const boost::system::error_code&) {
          host.timer_armed = false;
          make_ready(host, true);  // back from a wait: ahead of hosts that did not wait
          pump();
        });
      }
      continue;
    }
    Job* job = nullptr;
    if (!host.queue.empty()) {
      job = host.pop_queue();
    } else {
      auto fresh = std::make_unique<Job>(io_);
      fresh->entry = host.pop_fresh();
      // Asked for with its host in ASCII (an international name's xn-- form); reported as cited.
      fresh->current = ascii_url(fresh->entry->first).value_or(std::string(fresh->entry->first));
      fresh->seen.push_back(fresh->current);
      fresh->started = Clock::now();
      job = fresh.get();
      jobs_[job] = std::move(fresh);
    }
    start(job, host);
    // Hosts take turns for their further slots; a host behind after a Retry-After first, up to
    // its limit, until its work is done (else the run's end waits for it).
    make_ready(host, host.catching_up);
  }
}

void Scheduler::start(Job* job, Host& host) {
  ++host.in_flight;
  ++in_flight_;
  ++requests_;
  ++job->attempts;
  ++job->tries;
  const auto now = Clock::now();
  // Its budget runs from its first request, not from when it was asked: behind a rate limit,
  // thousands wait their turn.
  if (job->attempts == 1) job->started = now;
  host.started_one(now);
  Request request;
  request.url = job->current;
  request.head = job->head;
  request.browser = job->browser;
  // Where fewer URLs wait than the host has requests in flight, some connection will find no
  // next request: let those go. Over thousands of hosts, idle connections would fill curl's
  // cache (which it walks to evict the oldest) and the process's descriptors.
  request.last = host.waiting() < static_cast<std::size_t>(host.in_flight);
  request.user_agent = user_agent_;
  request.headers = job->reply ? &job->headers : &options_.headers;
  request.cookies = &job->cookies;
  request.resolve = resolve_;
  request.timeout = options_.timeout;
  request.connect_timeout = options_.connect_timeout;
  request.body_limit = options_.body_limit;
  request.ca_file = options_.ca_file;
  fetch(loop_, request, guard_,
        [this, job, &host](Response response) { on_response(job, host, std::move(response)); });
}

void Scheduler::on_response(Job* job, Host& host, Response r) {
  --host.in_flight;
  --in_flight_;
  const Verdict v = classify(r, options_.accept);
  if (r.code == CURLE_OK) host.answered(r.http_status);  // it answers, whatever it said
  // A rate limit the host announces slows it (never past the cap on what a server may ask).
  if (const auto spacing = rate_limit_spacing(r.headers))
    host.interval = std::max(host.interval, std::min(*spacing, options_.retry_after_max));
  if (job->reply && v.next != Next::retry) {
    host.recovered();
    answer(job, std::move(r));
  } else if (v.next == Next::redirect) {
    host.recovered();
    follow_redirect(job, r);
  } else if (v.next == Next::retry && job->tries > options_.retries) {
    note_unanswered(job, host, v, std::move(r));
  } else if (v.next == Next::retry) {
    schedule_retry(job, host, v, r);
  } else if (v.next == Next::as_browser && !job->browser && options_.browser_retry) {
    job->browser = true;
    enqueue(job, true);
  } else if (v.next == Next::as_head && !job->head) {
    job->head = true;
    enqueue(job, true);
  } else if (v.next == Next::done) {
    if (v.status == LinkStatus::ok || v.status == LinkStatus::soft_404) host.recovered();
    Verdict final = after_redirects(v, r, job->entry->first, job->current, job->chain);
    // What the page names itself, for drift (src/history/): kept for the pages that answer.
    if (final.status == LinkStatus::ok || final.status == LinkStatus::redirect)
      job->entry->second.set_title(std::move(final.title));
    finish(job, final.status, r.http_status, std::move(final.error));
  } else {  // asked as a browser, or with HEAD, already
    finish(job, v.status, r.http_status, v.error);
  }
  // The slot just freed goes to this host's next URL first, while its connection is warm:
  // waiting its turn behind thousands of hosts, every connection went cold and was evicted.
  // Unless a host is catching up after a Retry-After: then the slot goes to it.
  if (host.catching_up && !host.has_work()) {
    host.catching_up = false;
    --catching_up_;
  }
  make_ready(host, catching_up_ == 0 || host.catching_up);
  pump();
}

// The next hop, queued behind the work its host has already: a loop, or too many hops, is a
// broken link.
void Scheduler::follow_redirect(Job* job, const Response& r) {
  std::string next = request_form(r.location);  // as a browser would ask for it
  redact_passwords(next);  // never in a report; never sent either (fetch drops userinfo)
  job->chain.push_back({next, r.http_status});
  if (!r.cookies.empty()) job->cookies = r.cookies;
  if (const std::string where = off_the_web(next); !where.empty()) {
    finish(job, LinkStatus::broken, r.http_status,
           "the redirect leads off the web, to " + where +
               " a browser will not open: " + chain_text(job->entry->first, job->chain));
  } else if (std::find(job->seen.begin(), job->seen.end(), hop_key(next, job->cookies)) !=
             job->seen.end()) {
    finish(job, LinkStatus::broken, r.http_status,
           "redirect loop: " + chain_text(job->entry->first, job->chain));
  } else if (static_cast<int>(job->chain.size()) > options_.max_redirects) {
    finish(job, LinkStatus::broken, r.http_status,
           "more than " + std::to_string(options_.max_redirects) + " redirects");
  } else {
    job->seen.push_back(hop_key(next, job->cookies));
    job->current = next;
    job->tries = 0;
    job->browser = job->head = false;
    enqueue(job, false);
  }
}

// Out of retries: the job's last status stands. A host that left several URLs in a row without
// any answer is given up on.
void Scheduler::note_unanswered(Job* job, Host& host, const Verdict& v, Response r) {
  std::string error = v.error + " (" + std::to_string(job->attempts) + " attempts" +
                      (job->notes.empty() ? "" : "; " + job->notes) + ")";
  // Only the server's silence counts: not a failure on citelint's side, nor an answer that
  // broke off after its status line.
  const bool unanswered =
      r.code != CURLE_OK && !r.refused && r.http_status == 0 &&
      (v.status == LinkStatus::timeout || v.status == LinkStatus::connection_error);
  const bool refused = r.code == CURLE_OK && (r.http_status == 429 || r.http_status == 503);
  if (job->reply) {
    if (r.curl_error.empty()) r.curl_error = error;
    answer(job, std::move(r));
  } else {
    finish(job, v.status, r.http_status, std::move(error));
  }
  if (unanswered && host.unanswered_again(v.status) >= kGiveUpAfter) {
    give_up(host, host.unanswered_status,
            "not asked: the host left the last " + std::to_string(host.unanswered) +
                " URLs unanswered (" + std::string(to_string(host.unanswered_status)) + ")");
  } else if (refused && ++host.refusals >= kGiveUpAfter) {
    give_up(host, v.status,
            "not asked: the host answered the last " + std::to_string(host.refusals) +
                " URLs with HTTP " + std::to_string(r.http_status) + " after every retry");
  }
}

milliseconds Scheduler::budget() const {
  const auto tries = static_cast<long>(std::max(0, options_.retries) + 1);
  return (options_.timeout + options_.retry_after_max + options_.retry_base * 8) * tries;
}

bool Scheduler::over_budget(const Job& job, milliseconds delay) const {
  return Clock::now() + delay - job.started > budget();
}

// Again later: after the server's Retry-After (capped; the whole host waits), else after an
// exponential backoff with jitter. 429 and 503 slow the host down.
void Scheduler::schedule_retry(Job* job, Host& host, const Verdict& v, const Response& r) {
  if (r.http_status == 429 || r.http_status == 503) host.slow_down();
  if (v.retry_after) {
    // The whole host waits (saturated and capped, so never past the cap); the URL gives its
    // slot back and goes first in its host's line, and other hosts go on meanwhile.
    const milliseconds asked = *v.retry_after;  // at most a year: no overflow
    const milliseconds delay = std::min(asked, options_.retry_after_max);
    job->notes +=
        (job->notes.empty() ? "" : ", ") + std::string("Retry-After ") +
        std::to_string(v.retry_after->count()) + " s" +
        (asked > options_.retry_after_max
             ? " cut to the " + std::to_string(options_.retry_after_max.count()) + " ms cap"
             : " honoured");
    if (over_budget(*job, delay)) return out_of_budget(job, host, v, r);
    host.wait_until(Clock::now() + delay);
    if (!host.catching_up) {
      host.catching_up = true;
      ++catching_up_;
    }
    enqueue(job, true);
    return;
  }
  milliseconds delay;
  {
    std::uniform_real_distribution<double> jitter(0.5, 1.5);
    const double base = static_cast<double>(options_.retry_base.count()) *
                        static_cast<double>(1 << std::min(job->tries - 1, 10));
    delay = milliseconds(static_cast<long>(base * jitter(random_)));
    job->notes += (job->notes.empty() ? "" : ", ") + std::string("backoff ") +
                  std::to_string(delay.count()) + " ms";
  }
  if (over_budget(*job, delay)) return out_of_budget(job, host, v, r);
  retry_later(job, host, delay);
}

// A retry that would take the URL past its budget: the verdict it has stands, and says why.
void Scheduler::out_of_budget(Job* job, Host& host, const Verdict& v, const Response& r) {
  job->notes += (job->notes.empty() ? "" : ", ") + std::string("not tried again: the URL's ") +
                std::to_string(budget().count() / 1000) + " s budget would run out";
  note_unanswered(job, host, v, r);
}

// The job keeps its place in its host's concurrency while it waits: a host that fails (or asks
// to slow down) gets no new URL started in its stead, and a run over thousands of hosts that all
// fail holds a few jobs per host, not one per URL.
void Scheduler::retry_later(Job* job, Host& host, milliseconds delay) {
  ++host.in_flight;
  job->timer.expires_after(delay);
  job->timer.async_wait([this, job, &host](const boost::system::error_code&) {
    --host.in_flight;  // given back just before the job asks again, first in its host's queue
    enqueue(job, true);
  });
}

void Scheduler::answer(Job* job, Response response) {
  const Reply reply = std::move(job->reply);
  --unfinished_;
  jobs_.erase(job);
  reply(std::move(response));  // which may ask again
}

void Scheduler::finish(Job* job, LinkStatus status, int http_status, std::string error) {
  if (job->reply) {  // a host given up on: the asker hears why, as curl would have said it
    Response r;
    r.code = status == LinkStatus::timeout     ? CURLE_OPERATION_TIMEDOUT
             : status == LinkStatus::dns_error ? CURLE_COULDNT_RESOLVE_HOST
             : status == LinkStatus::tls_error ? CURLE_SSL_CONNECT_ERROR
                                               : CURLE_COULDNT_CONNECT;
    r.http_status = http_status;
    r.curl_error = std::move(error);
    answer(job, std::move(r));
    return;
  }
  LinkResult& result = job->entry->second;
  result.status = status;
  result.http_status = http_status;
  result.set_redirects(std::move(job->chain));
  result.attempts = job->attempts;
  result.elapsed_ms = static_cast<int>(
      std::chrono::duration_cast<milliseconds>(Clock::now() - job->started).count());
  result.set_error(std::move(error));
  --unfinished_;
  not_ok_ += status != LinkStatus::ok && status != LinkStatus::redirect;
  jobs_.erase(job);  // nothing refers to the job any more
}

// The host is down (or drops everything citelint sends): its waiting URLs get the same
// inconclusive status without a request, and say why.
void Scheduler::give_up(Host& host, LinkStatus status, std::string why) {
  host.given_up = why;
  if (host.catching_up) {  // nothing left to catch up on
    host.catching_up = false;
    --catching_up_;
  }
  host.unanswered_status = status;
  while (!host.queue.empty()) finish(host.pop_queue(), status, 0, why);
  while (host.has_work()) {
    LinkResult& result = host.pop_fresh()->second;
    result.status = status;
    result.set_error(why);
    --unfinished_;
    ++not_ok_;
  }
}

bool Scheduler::vetted(Host& host) {
  if (host.vetting == Host::Vetting::passed) return true;
  if (host.vetting == Host::Vetting::pending) return false;
  if (host.vetting == Host::Vetting::refused) {  // URLs added since: the same answer
    give_up(host, LinkStatus::skipped, host.refusal);
    return false;
  }
  host.vetting = Host::Vetting::pending;
  std::string name = host.name;
  if (name.size() > 2 && name.front() == '[' && name.back() == ']')
    name = name.substr(1, name.size() - 2);  // an IPv6 literal
  // --resolve's address for it, as curl would use it without the proxy.
  for (const std::string& r : options_.resolve) {
    const std::size_t colon = r.find(':'), last = r.find(':', colon + 1);
    if (colon != std::string::npos && last != std::string::npos && r.substr(0, colon) == name) {
      vet(host, {r.substr(last + 1)});
      return host.vetting == Host::Vetting::passed;
    }
  }
  boost::system::error_code ec;
  if (const auto literal = asio::ip::make_address(name, ec); !ec) {
    vet(host, {literal.to_string()});
    return host.vetting == Host::Vetting::passed;
  }
  resolver_.async_resolve(name, "80",
                          [this, &host](const boost::system::error_code& error,
                                        asio::ip::tcp::resolver::results_type found) {
                            std::vector<std::string> addresses;
                            if (!error)
                              for (const auto& entry : found)
                                addresses.push_back(entry.endpoint().address().to_string());
                            vet(host, addresses);
                            make_ready(host);
                            pump();
                          });
  return false;
}

// A host whose name resolves here to a private address is not asked through the proxy either;
// one that does not resolve here is left to the proxy (behind many proxies only the proxy can
// resolve public names).
void Scheduler::vet(Host& host, const std::vector<std::string>& addresses) {
  for (const std::string& a : addresses) {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(a, ec);
    if (ec) continue;
    const asio::ip::tcp::endpoint endpoint(address, 80);
    if (is_private_address(endpoint.data())) {
      host.vetting = Host::Vetting::refused;  // decided: nothing of it is asked
      host.refusal = "a private, loopback or link-local address (" + a +
                     "), not asked through the proxy either (--allow-private checks it)";
      give_up(host, LinkStatus::skipped, host.refusal);
      return;
    }
  }
  host.vetting = Host::Vetting::passed;
}

void Scheduler::run() {
  while (unfinished_ > 0 && io_.run_one()) {
  }
}

}  // namespace citelint::net
