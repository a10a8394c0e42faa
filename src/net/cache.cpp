#include "net/cache.hpp"

#include <sqlite3.h>

#include <ctime>
#include <nlohmann/json.hpp>

namespace citelint::net {

namespace {

// Bumped when what is stored changes meaning; older tables are dropped, not misread.
constexpr int kSchema = 2;  // 2: a page's title; the checks' history

// A statement for one use: prepared here and finalized after, or one the cache keeps prepared
// (LinkCache::kept), reset after.
struct Statement {
  sqlite3_stmt* s = nullptr;
  bool owned = true;
  Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  explicit Statement(sqlite3_stmt* kept) : s(kept), owned(false) {}
  ~Statement() {
    if (owned) {
      sqlite3_finalize(s);
    } else if (s) {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
    }
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  void text(int i, std::string_view v) {
    sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void integer(int i, long long v) { sqlite3_bind_int64(s, i, v); }
  std::string column_text(int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
};

}  // namespace

LinkCache::LinkCache(const std::string& path) {
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
    error_ = db_ ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(db_, 5000);  // a parallel run holding the file: wait, then give up
  int version = 0;
  {
    Statement q(db_, "PRAGMA user_version");
    if (q.s && sqlite3_step(q.s) == SQLITE_ROW) version = sqlite3_column_int(q.s, 0);
  }
  std::string sql;
  if (version != kSchema) sql += "DROP TABLE IF EXISTS links;";  // its rows lack a column
  sql +=
      "CREATE TABLE IF NOT EXISTS links (url TEXT PRIMARY KEY, status TEXT NOT NULL, "
      "http_status INTEGER, final_url TEXT, redirects TEXT, attempts INTEGER, "
      "elapsed_ms INTEGER, error TEXT, title TEXT, checked_at INTEGER NOT NULL);"
      "CREATE TABLE IF NOT EXISTS history (url TEXT NOT NULL, checked_at INTEGER NOT NULL, "
      "status TEXT NOT NULL, http_status INTEGER, final_url TEXT, title TEXT);"
      "CREATE INDEX IF NOT EXISTS history_by_url ON history (url, checked_at);"
      "CREATE TABLE IF NOT EXISTS streaks (url TEXT PRIMARY KEY, failing_since INTEGER, "
      "failed_checks INTEGER, last_ok INTEGER, checks INTEGER);"
      "CREATE TABLE IF NOT EXISTS archive (archive TEXT NOT NULL, url TEXT NOT NULL, "
      "date TEXT NOT NULL, capture_url TEXT, timestamp TEXT, source TEXT, "
      "checked_at INTEGER NOT NULL, PRIMARY KEY (archive, url, date));"
      "CREATE TABLE IF NOT EXISTS answers (service TEXT NOT NULL, key TEXT NOT NULL, "
      "http_status INTEGER, body TEXT, checked_at INTEGER NOT NULL, PRIMARY KEY (service, key));"
      "PRAGMA user_version = " +
      std::to_string(kSchema) + ";";
  char* message = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    error_ = message ? message : "cannot create the cache table";
    sqlite3_free(message);
    sqlite3_close(db_);
    db_ = nullptr;
  }
}

LinkCache::~LinkCache() {
  for (const auto& [sql, statement] : kept_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

sqlite3_stmt* LinkCache::kept(const char* sql) {
  sqlite3_stmt*& statement = kept_[sql];
  if (!statement) sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr);
  return statement;
}

std::optional<LinkResult> LinkCache::find(std::string_view url, std::chrono::seconds max_age) {
  if (!db_) return std::nullopt;
  Statement q(
      kept("SELECT status, http_status, final_url, redirects, attempts, elapsed_ms, error, title "
           "FROM links WHERE url = ?1 AND checked_at > ?2"));  // max age 0: never
  if (!q.s) return std::nullopt;
  q.text(1, url);
  q.integer(2, static_cast<long long>(std::time(nullptr)) - max_age.count());
  if (sqlite3_step(q.s) != SQLITE_ROW) return std::nullopt;
  const auto status = parse_link_status(q.column_text(0));
  if (!status) return std::nullopt;
  LinkResult r;
  r.status = *status;
  r.http_status = sqlite3_column_int(q.s, 1);
  const auto chain = nlohmann::json::parse(q.column_text(3), nullptr, false);
  std::vector<Redirect> redirects;
  if (chain.is_array())
    for (const auto& hop : chain)
      redirects.push_back({hop.value("url", ""), hop.value("status", 0)});
  r.set_redirects(std::move(redirects));
  r.attempts = sqlite3_column_int(q.s, 4);
  r.elapsed_ms = sqlite3_column_int(q.s, 5);
  r.set_error(q.column_text(6));
  r.set_title(q.column_text(7));
  r.from_cache = true;
  return r;
}

void LinkCache::store(std::string_view url, const LinkResult& r) {
  if (!db_ || !is_conclusive(r.status) || r.from_cache) return;
  Statement q(
      kept("INSERT OR REPLACE INTO links (url, status, http_status, final_url, redirects, "
           "attempts, elapsed_ms, error, title, checked_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"));
  if (!q.s) return;
  nlohmann::json chain = nlohmann::json::array();
  for (const Redirect& hop : r.redirects())
    chain.push_back({{"url", hop.url}, {"status", hop.http_status}});
  q.text(1, url);
  q.text(2, std::string(to_string(r.status)));
  q.integer(3, r.http_status);
  q.text(4, r.final_url());
  q.text(5, chain.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  q.integer(6, r.attempts);
  q.integer(7, r.elapsed_ms);
  q.text(8, r.error());
  q.text(9, r.title());
  q.integer(10, static_cast<long long>(std::time(nullptr)));
  sqlite3_step(q.s);
}

std::optional<LinkHistory> LinkCache::streak(std::string_view url) {
  if (!db_) return std::nullopt;
  Statement q(
      kept("SELECT failing_since, failed_checks, last_ok, checks FROM streaks WHERE url = ?1"));
  if (!q.s) return std::nullopt;
  q.text(1, url);
  if (sqlite3_step(q.s) != SQLITE_ROW) return std::nullopt;
  return LinkHistory{sqlite3_column_int64(q.s, 0), sqlite3_column_int(q.s, 1),
                     sqlite3_column_int64(q.s, 2), sqlite3_column_int(q.s, 3)};
}

LinkHistory LinkCache::record_check(std::string_view url, const LinkResult& r, bool failed,
                                    long long now) {
  LinkHistory h = streak(url).value_or(LinkHistory{});
  ++h.checks;
  if (failed) {
    if (h.failed_checks++ == 0) h.failing_since = now;
  } else {
    h.failed_checks = 0;
    h.failing_since = 0;
    h.last_ok = now;
  }
  if (!db_) return h;
  Statement row(
      kept("INSERT INTO history (url, checked_at, status, http_status, final_url, title) "
           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  Statement sum(
      kept("INSERT OR REPLACE INTO streaks (url, failing_since, failed_checks, last_ok, "
           "checks) VALUES (?1, ?2, ?3, ?4, ?5)"));
  if (!row.s || !sum.s) return h;
  row.text(1, url);
  row.integer(2, now);
  row.text(3, std::string(to_string(r.status)));
  row.integer(4, r.http_status);
  row.text(5, r.final_url());
  row.text(6, r.title());
  sqlite3_step(row.s);
  sum.text(1, url);
  sum.integer(2, h.failing_since);
  sum.integer(3, h.failed_checks);
  sum.integer(4, h.last_ok);
  sum.integer(5, h.checks);
  sqlite3_step(sum.s);
  return h;
}

void LinkCache::prune_history(int keep, long long before) {
  if (!db_) return;
  Statement q(
      kept("DELETE FROM history WHERE checked_at < ?2 OR rowid IN (SELECT rowid FROM (SELECT "
           "rowid, ROW_NUMBER() OVER (PARTITION BY url ORDER BY checked_at DESC, rowid DESC) "
           "AS n FROM history) WHERE n > ?1)"));
  if (!q.s) return;
  q.integer(1, keep);
  q.integer(2, before);
  sqlite3_step(q.s);
}

std::optional<ArchiveLookup> LinkCache::find_archive(std::string_view archive, std::string_view url,
                                                     std::string_view date,
                                                     std::chrono::seconds max_age) {
  if (!db_) return std::nullopt;
  Statement q(
      kept("SELECT capture_url, timestamp, source FROM archive "
           "WHERE archive = ?1 AND url = ?2 AND date = ?3 AND checked_at > ?4"));
  if (!q.s) return std::nullopt;
  q.text(1, archive);
  q.text(2, url);
  q.text(3, date);
  q.integer(4, static_cast<long long>(std::time(nullptr)) - max_age.count());
  if (sqlite3_step(q.s) != SQLITE_ROW) return std::nullopt;
  ArchiveLookup found;
  found.url = std::string(url);
  found.date = std::string(date);
  found.from_cache = true;
  if (sqlite3_column_type(q.s, 0) != SQLITE_NULL)
    found.capture = Capture{q.column_text(0), q.column_text(1), 0, q.column_text(2)};
  return found;
}

void LinkCache::store_archive(std::string_view archive, const ArchiveLookup& lookup) {
  if (!db_ || lookup.from_cache) return;
  Statement q(
      kept("INSERT OR REPLACE INTO archive (archive, url, date, capture_url, timestamp, "
           "source, checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  if (!q.s) return;
  q.text(1, archive);
  q.text(2, lookup.url);
  q.text(3, lookup.date);
  if (lookup.capture) {
    q.text(4, lookup.capture->url);
    q.text(5, lookup.capture->timestamp);
    q.text(6, lookup.capture->source);
  }
  q.integer(7, static_cast<long long>(std::time(nullptr)));
  sqlite3_step(q.s);
}

std::optional<CachedAnswer> LinkCache::find_answer(std::string_view service, std::string_view key,
                                                   std::chrono::seconds max_age) {
  if (!db_) return std::nullopt;
  Statement q(
      kept("SELECT http_status, body, checked_at FROM answers "
           "WHERE service = ?1 AND key = ?2 AND checked_at > ?3"));
  if (!q.s) return std::nullopt;
  q.text(1, service);
  q.text(2, key);
  q.integer(3, static_cast<long long>(std::time(nullptr)) - max_age.count());
  if (sqlite3_step(q.s) != SQLITE_ROW) return std::nullopt;
  return CachedAnswer{sqlite3_column_int(q.s, 0), q.column_text(1),
                      static_cast<long long>(std::time(nullptr)) - sqlite3_column_int64(q.s, 2)};
}

void LinkCache::store_answer(std::string_view service, std::string_view key,
                             const CachedAnswer& answer) {
  if (!db_) return;
  Statement q(
      kept("INSERT OR REPLACE INTO answers (service, key, http_status, body, checked_at) "
           "VALUES (?1, ?2, ?3, ?4, ?5)"));
  if (!q.s) return;
  q.text(1, service);
  q.text(2, key);
  q.integer(3, answer.http_status);
  q.text(4, answer.body);
  q.integer(5, static_cast<long long>(std::time(nullptr)));
  sqlite3_step(q.s);
}

void LinkCache::begin() {
  if (db_) sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr);
}

void LinkCache::commit() {
  if (db_) sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
}

std::unique_ptr<LinkCache> open_cache(const CheckOptions& options,
                                      std::vector<std::string>& warnings) {
  if (!options.use_cache) return nullptr;
  const std::string path =
      options.cache_file.empty() ? std::string(kDefaultCacheFile) : options.cache_file;
  auto cache = std::make_unique<LinkCache>(path);
  if (cache->ok()) return cache;
  warnings.push_back("cannot use the link cache " + path + ": " + cache->error());
  return nullptr;
}

}  // namespace citelint::net
