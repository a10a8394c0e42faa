// What the identifier stage's resolvers share (resolve.cpp, batches.cpp): the services'
// endpoints, the scheduler they are asked through, the cache their answers are kept in, and the
// count of requests that reached nobody (no network: nothing is known).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "citelint/ids.hpp"
#include "net/cache.hpp"
#include "net/fetch.hpp"
#include "net/scheduler.hpp"

namespace citelint::ids {

// A service's base URL as --api gives it, without a trailing '/'; empty when none is given.
std::string endpoint(const IdOptions& options, const std::string& service);

// "the DOI system answered HTTP 503", "could not ask arXiv: Timeout was reached".
std::string failure(const net::Response& r, std::string_view service);

// The headers Crossref's polite pool asks for: the contact (--mailto) in the User-Agent.
std::vector<std::string> crossref_headers(const IdOptions& options);

// A URL's query value: what may not stand in it literally, percent-encoded.
std::string query_value(std::string_view value);

class Asking {
 public:
  Asking(net::Scheduler& scheduler, net::LinkCache* cache, const CheckOptions& network)
      : scheduler_(scheduler), cache_(cache), network_(network) {}

  // Asks (`first`: ahead of the host's queue); the reply counts toward network_down() when no
  // connection was made.
  void ask(const std::string& url, std::vector<std::string> headers, net::Scheduler::Reply reply,
           bool first = false);
  // A cached answer not older than max_age.
  std::optional<net::CachedAnswer> cached(std::string_view service, std::string_view key,
                                          std::chrono::seconds max_age);
  void store(std::string_view service, std::string_view key, int http_status,
             std::string_view body);

  const CheckOptions& network() const { return network_; }
  bool network_down() const { return asked_ > 0 && unreachable_ == asked_; }

 private:
  net::Scheduler& scheduler_;
  net::LinkCache* cache_;
  const CheckOptions& network_;
  std::size_t asked_ = 0, unreachable_ = 0;
};

// The PMIDs, PMCIDs and arXiv ids of the report, asked in batches of the NCBI converter and of
// arXiv's API (batches.cpp), when their endpoints are given. What it returns answers the
// replies: it is kept until the scheduler has run.
std::shared_ptr<void> ask_batches(IdReport& report, const IdOptions& options, Asking& asking);

// --suggest-doi: the references without a DOI searched at Crossref, after the lookups, on a
// scheduler of their own (searches are asked one at a time). suggest.cpp.
void suggest_dois(IdReport& report, const Corpus& corpus, const IdOptions& options,
                  net::LinkCache* cache, const CheckOptions& network);

}  // namespace citelint::ids
