// The cache's checks over runs: each result's streak, and the confirmation policy that calls a
// link broken only once it has failed often and long enough (include/citelint/history.hpp).
#include <ctime>

#include "citelint/history.hpp"
#include "net/cache.hpp"

namespace citelint {

namespace {

constexpr long long kDay = 24 * 3600;

// Whether the streak calls the link dead under the policy.
bool confirmed(const LinkHistory& h, const ConfirmPolicy& policy, long long now) {
  return h.failed_checks >= policy.checks && now - h.failing_since >= policy.days * kDay;
}

std::string plural(long long n, const char* one) {
  std::string s = std::to_string(n) + ' ' + one;
  return n == 1 ? s : s + 's';
}

}  // namespace

std::string utc_date(long long when) {
  const std::time_t t = static_cast<std::time_t>(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool failed_check(LinkStatus s) {
  switch (s) {
    case LinkStatus::broken:
    case LinkStatus::soft_404:
    case LinkStatus::parked:
    case LinkStatus::failing:
    case LinkStatus::timeout:
    case LinkStatus::dns_error:
    case LinkStatus::connection_error:
    case LinkStatus::tls_error:
    case LinkStatus::server_error:
      return true;
    default:
      return false;
  }
}

bool found_check(LinkStatus s) {
  return s == LinkStatus::ok || s == LinkStatus::redirect || s == LinkStatus::drifted;
}

void apply_history(CheckReport& links, const CheckOptions& options, const ConfirmPolicy& confirm,
                   long long now) {
  std::vector<std::string> said;  // the checker has said already why a cache cannot be used
  const std::unique_ptr<net::LinkCache> cache = net::open_cache(options, said);
  if (!cache) {
    if (confirm.on())
      links.warnings.push_back(
          "links.confirm needs the link cache to count checks over runs: without one, every "
          "failing link stays link/failing");
  }
  if (cache) cache->begin();
  for (auto& [url, r] : links.results) {
    std::optional<LinkHistory> h;
    if (cache && !r.from_cache && (failed_check(r.status) || found_check(r.status)) &&
        !links.network_down)
      h = cache->record_check(url, r, failed_check(r.status), now);
    else if (cache)
      h = cache->streak(url);
    if (h) r.set_history(*h);
    const bool dead = r.status == LinkStatus::broken || r.status == LinkStatus::soft_404;
    if (confirm.on() && dead && (!h || !confirmed(*h, confirm, now))) {
      std::string why = r.error();
      why += h ? "; failed " + plural(h->failed_checks, "check") + " over " +
                     plural((now - h->failing_since) / kDay, "day")
               : std::string("; no earlier checks on record");
      why += ", of the " + plural(confirm.checks, "check") + " over " +
             plural(confirm.days, "day") + " that confirm a dead link";
      r.status = LinkStatus::failing;
      r.set_error(std::move(why));
    }
  }
  if (cache) {
    cache->prune_history(kHistoryKept, now - kHistoryDays * kDay);
    cache->commit();
  }
}

std::string history_note(const LinkResult& r, long long now) {
  const auto& h = r.history();
  if (!h || h->failed_checks == 0) return {};
  const char* word = r.status == LinkStatus::parked ? "parked"
                     : r.status == LinkStatus::broken || r.status == LinkStatus::soft_404 ||
                             r.status == LinkStatus::failing
                         ? "broken"
                         : "failing";
  if (h->failed_checks == 1 && utc_date(h->failing_since) == utc_date(now))
    return std::string("first seen ") + word + " today";
  std::string note = std::string(word) + " since " + utc_date(h->failing_since) + ", " +
                     plural(h->failed_checks, "check");
  if (h->last_ok) note += ", last found " + utc_date(h->last_ok);
  return note;
}

}  // namespace citelint
