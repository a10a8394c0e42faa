// The persistent link cache: conclusive results by normalised URL (and archive lookups,
// identifier services' answers, and every URL's checks over runs), in an SQLite file, so a second
// run (or the scheduled network job after the blocking offline one) asks nothing again.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "citelint/archive.hpp"
#include "citelint/check.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace citelint::net {

// An identifier service's answer as it came: the HTTP status and the body.
struct CachedAnswer {
  int http_status = 0;
  std::string body;
  long long age = 0;  // seconds since it was stored
};

class LinkCache {
 public:
  // Opens or creates the file; error() says why when it could not.
  explicit LinkCache(const std::string& path);
  ~LinkCache();
  LinkCache(const LinkCache&) = delete;
  LinkCache& operator=(const LinkCache&) = delete;

  bool ok() const { return db_ != nullptr; }
  const std::string& error() const { return error_; }

  // A result stored no longer ago than max_age, marked from_cache.
  std::optional<LinkResult> find(std::string_view url, std::chrono::seconds max_age);
  // Stores conclusive results only; others are skipped.
  void store(std::string_view url, const LinkResult& result);
  // Archive lookups, by the archive asked (`archive`: its endpoints), URL and date. Only what
  // the archive said is stored: a capture, or that it has none; not a failure to ask.
  std::optional<ArchiveLookup> find_archive(std::string_view archive, std::string_view url,
                                            std::string_view date, std::chrono::seconds max_age);
  void store_archive(std::string_view archive, const ArchiveLookup& lookup);
  // Identifier services' answers (src/ids/), by service and what was asked (a DOI, a prefix):
  // only those that said something of the identifier are stored, not failures to ask.
  std::optional<CachedAnswer> find_answer(std::string_view service, std::string_view key,
                                          std::chrono::seconds max_age);
  void store_answer(std::string_view service, std::string_view key, const CachedAnswer& answer);
  // The history of checks over runs (src/history/). The streak a URL is on, as the last run
  // left it; none when it was never checked with a history kept.
  std::optional<LinkHistory> streak(std::string_view url);
  // Adds this run's check of a URL (`failed` or found) at `now`, and returns the streak it
  // makes: a failure extends it, anything found ends it.
  LinkHistory record_check(std::string_view url, const LinkResult& result, bool failed,
                           long long now);
  // Keeps the last `keep` checks of each URL, none from before `before` (the streaks stay
  // whole).
  void prune_history(int keep, long long before);
  void begin();
  void commit();

 private:
  // The statement of `sql` (a literal: its address is its key), prepared once per cache: a run
  // asks the same few questions of every URL.
  struct sqlite3_stmt* kept(const char* sql);
  sqlite3* db_ = nullptr;
  std::string error_;
  std::map<const char*, struct sqlite3_stmt*> kept_;
};

// The run's cache, when it uses one: the file options name, or the default; nothing (and a
// warning) when it cannot be opened.
std::unique_ptr<LinkCache> open_cache(const CheckOptions& options,
                                      std::vector<std::string>& warnings);

}  // namespace citelint::net
