// The persistent link cache: conclusive results by normalised URL, in an SQLite file, so a
// second run (or the scheduled network job after the blocking offline one) asks nothing again.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "citelint/check.hpp"

struct sqlite3;

namespace citelint::net {

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
  void begin();
  void commit();

 private:
  sqlite3* db_ = nullptr;
  std::string error_;
};

}  // namespace citelint::net
