// Who gets asked what, when: a queue per host with its concurrency limit and interval between
// request starts, a global in-flight cap, retries with backoff, Retry-After, and redirects
// followed hop by hop. Each URL is requested once however often it was added.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/check.hpp"
#include "net/loop.hpp"

namespace citelint::net {

// The host a URL's politeness is counted for: its host name, lowercased.
std::string host_of(std::string_view url);

class Scheduler {
 public:
  Scheduler(boost::asio::io_context& io, const CheckOptions& options);
  ~Scheduler();

  // Queues a URL, whose result is filled in where it is (the entry must outlive run(); add
  // each once). A URL costs a pointer in its host's queue until its turn comes: its request
  // state exists only while it is being asked.
  void add(LinkResults::Entry& entry);
  // Any other request (an archive's API, say) under the same politeness, retried like a link
  // after a dropped connection, a timeout, 429 or 5xx; `reply` gets the last response as it
  // came (redirects not followed) and may ask again. `headers` go with the run's own.
  // `first`: ahead of what waits for the host already (a lookup that other requests wait on).
  using Reply = std::function<void(struct Response)>;
  void ask(std::string url, std::vector<std::string> headers, Reply reply, bool first = false);
  // Runs until every added URL has a result and every request asked has had its reply.
  void run();

  std::size_t requests() const { return requests_; }
  std::size_t in_flight() const { return in_flight_; }
  std::size_t pending() const { return unfinished_; }
  std::size_t not_ok() const { return not_ok_; }  // finished neither ok nor redirect

 private:
  struct Host;
  struct Job {
    explicit Job(boost::asio::io_context& io) : timer(io) {}
    LinkResults::Entry* entry = nullptr;  // the URL as cited (normalised), and its result
    Reply reply;                          // instead, for a request asked with ask()
    std::vector<std::string> headers;     // the run's headers and the asker's
    std::string current;                  // the hop being requested
    std::vector<Redirect> chain;
    std::vector<std::string> seen;     // every hop with the cookies it was asked with: a loop
    std::vector<std::string> cookies;  // what the chain's answers set so far
    int tries = 0;                     // requests of the current hop
    int attempts = 0;                  // requests in all
    bool browser = false, head = false;
    std::string notes;  // backoff and Retry-After, for the error text
    std::chrono::steady_clock::time_point started;
    boost::asio::steady_timer timer;  // backoff waits
  };
  struct Host {
    explicit Host(boost::asio::io_context& io) : timer(io) {}
    // Vectors, not deques: a deque allocates on construction, and a run may see 5,000 hosts.
    std::vector<Job*> queue;                 // requests again: retries, the next redirect hop
    std::vector<LinkResults::Entry*> fresh;  // URLs not asked yet, from fresh_next on
    std::size_t fresh_next = 0;
    bool has_work() const { return !queue.empty() || fresh_next < fresh.size(); }
    // Whether it has work and a free slot for it: after a 429 or 503 fewer slots (the limit over
    // the slowdown, at least one) until an answer comes back fine.
    bool can_start() const {
      return has_work() && in_flight < std::max(1, static_cast<int>(limit / slowdown));
    }
    // A job again (a retry first in line, a redirect's next hop last).
    void push(Job* job, bool front) {
      if (front) {
        queue.insert(queue.begin(), job);
      } else {
        queue.push_back(job);
      }
    }
    std::size_t waiting() const { return queue.size() + fresh.size() - fresh_next; }
    Job* pop_queue() {
      Job* job = queue.front();
      queue.erase(queue.begin());
      return job;
    }
    LinkResults::Entry* pop_fresh() {
      LinkResults::Entry* entry = fresh[fresh_next++];
      if (fresh_next == fresh.size()) {
        fresh = {};  // all asked: give the memory back
        fresh_next = 0;
      }
      return entry;
    }
    // Its politeness: the next request starts no sooner than the interval (times the slowdown)
    // after the last, or than a Retry-After asked.
    // A start that came a little after its slot (the timer's lateness, a busy machine) keeps
    // the pace of the slot instead of drifting: over 10,000 requests behind a rate limit, a few
    // milliseconds each would add up.
    void started_one(std::chrono::steady_clock::time_point now) {
      const std::chrono::milliseconds spacing(
          static_cast<long>(static_cast<double>(interval.count()) * slowdown));
      const bool on_time = now >= next_start && now - next_start <= spacing / 10;
      wait_until((on_time ? next_start : now) + spacing);
    }
    void wait_until(std::chrono::steady_clock::time_point t) {
      next_start = std::max(next_start, t);
    }
    void slow_down() { slowdown = std::min(slowdown * 2, 16.0); }  // after 429 and 503
    void recovered() { slowdown = 1; }
    // Any answer: the host is up. One other than 429 or 503: it is not refusing either.
    void answered(int http_status) {
      unanswered = 0;
      if (http_status != 429 && http_status != 503) refusals = 0;
      given_up.clear();
    }
    // One more URL in a row without an answer; how many now.
    int unanswered_again(LinkStatus status) {
      unanswered_status = status;
      return ++unanswered;
    }
    int in_flight = 0, limit = 4;
    std::chrono::milliseconds interval{0};
    double slowdown = 1;  // the interval's multiplier after 429 and 503, back to 1 on success
    std::chrono::steady_clock::time_point next_start{};
    bool ready = false, timer_armed = false;
    boost::asio::steady_timer timer;
    // URLs in a row that got no answer at all from this host (timeouts, refused or dropped
    // connections, after retries); any answer resets it.
    int unanswered = 0;
    LinkStatus unanswered_status = LinkStatus::timeout;
    // URLs in a row that still got 429 or 503 after their retries: a host that refuses
    // everything is given up on too, instead of holding the run for Retry-After per URL.
    int refusals = 0;
    // Held back by a Retry-After: behind the others, so it takes freed slots first (up to its
    // limit) until its work is done.
    bool catching_up = false;
    // Behind a proxy the connection is the proxy's: the host's own addresses are looked up
    // (once) and judged before any of its URLs is asked.
    enum class Vetting : std::uint8_t { unknown, pending, passed, refused };
    Vetting vetting = Vetting::unknown;
    std::string name;     // the host, as host_of gives it
    std::string refusal;  // why it is not asked, when its vetting refused it
    // Given up on (give_up): what is queued for it later (a redirect hop, an ask()) is not
    // asked either, until a request still in flight gets an answer.
    std::string given_up;
  };
  // After this many unanswered URLs in a row, a host's other URLs are not asked: a host that
  // is down would otherwise hold its queue for timeout x attempts per URL.
  static constexpr int kGiveUpAfter = 3;
  // How long one URL may take, from its first request to its verdict, at most: every wait is
  // capped, and a URL that would wait past this ends with what it has.
  std::chrono::milliseconds budget() const;
  bool over_budget(const Job& job, std::chrono::milliseconds delay) const;

  Host& host_for(std::string_view url);
  void enqueue(Job* job, bool front);
  void make_ready(Host& host, bool first = false);
  void pump();
  void start(Job* job, Host& host);
  void on_response(Job* job, Host& host, struct Response response);
  void follow_redirect(Job* job, const struct Response& response);
  void note_unanswered(Job* job, Host& host, const struct Verdict& verdict,
                       struct Response response);
  void schedule_retry(Job* job, Host& host, const struct Verdict& verdict,
                      const struct Response& response);
  void retry_later(Job* job, Host& host, std::chrono::milliseconds delay);
  void out_of_budget(Job* job, Host& host, const struct Verdict& verdict,
                     const struct Response& response);
  void finish(Job* job, LinkStatus status, int http_status, std::string error);
  void answer(Job* job, struct Response response);
  void give_up(Host& host, LinkStatus status, std::string why);
  // Behind a proxy: whether the host may be asked yet; starts its lookup when it was not.
  bool vetted(Host& host);
  void vet(Host& host, const std::vector<std::string>& addresses);

  boost::asio::io_context& io_;
  const CheckOptions& options_;
  CurlLoop loop_;
  CurlLoop::Guard guard_;
  struct curl_slist* resolve_ = nullptr;
  std::string user_agent_;
  std::size_t capacity_ = 0;
  std::size_t in_flight_ = 0, requests_ = 0;
  std::map<std::string, std::unique_ptr<Host>> hosts_;
  std::deque<Host*> ready_;
  std::size_t catching_up_ = 0;  // hosts catching up after a Retry-After
  bool proxied_ = false;         // a proxy from the environment, and private targets refused
  boost::asio::ip::tcp::resolver resolver_;
  std::map<const Job*, std::unique_ptr<Job>> jobs_;  // those being asked
  std::size_t unfinished_ = 0, not_ok_ = 0;
  std::mt19937 random_{std::random_device{}()};
};

}  // namespace citelint::net
