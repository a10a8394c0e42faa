#include "support/fake_archive.hpp"

#include <boost/url/parse.hpp>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

namespace citelint::test {

namespace {

// Seconds since the epoch of a timestamp of up to 14 digits, padded as `fill` says.
long long seconds(std::string ts, const std::string& fill = "00000101000000") {
  ts += fill.substr(std::min(ts.size(), fill.size()));
  std::tm t{};
  std::sscanf(ts.c_str(), "%4d%2d%2d%2d%2d%2d", &t.tm_year, &t.tm_mon, &t.tm_mday, &t.tm_hour,
              &t.tm_min, &t.tm_sec);
  t.tm_year -= 1900;
  t.tm_mon -= 1;
  return static_cast<long long>(timegm(&t));
}

std::string http_date(const std::string& ts) {
  const std::time_t s = static_cast<std::time_t>(seconds(ts));
  std::tm t{};
  gmtime_r(&s, &t);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &t);
  return buf;
}

long long from_http_date(const std::string& text) {
  std::tm t{};
  strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &t);
  return static_cast<long long>(timegm(&t));
}

FakeReply reply(std::string body, int status = 200) {
  FakeReply r;
  r.status = status;
  r.body = std::move(body);
  r.headers = {{"Content-Type", "application/json"}};
  return r;
}

std::optional<FakeReply> failure(FakeArchive::Mode m) {
  switch (m) {
    case FakeArchive::Mode::down:
      return reply("Service Unavailable", 503);
    case FakeArchive::Mode::slow: {
      FakeReply r = reply("{}");
      r.delay_ms = 3000;
      return r;
    }
    case FakeArchive::Mode::malformed:
      return reply("<html><body>Error: something</body></html>");
    case FakeArchive::Mode::empty:
      return reply("");
    default:
      return std::nullopt;
  }
}

std::map<std::string, std::string> query(const std::string& target) {
  std::map<std::string, std::string> q;
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return q;
  for (const auto& p : parsed->params()) q[p.key] = p.value;
  return q;
}

}  // namespace

struct FakeArchive::State {
  std::mutex m;
  std::vector<Capture> captures;
  Mode availability = Mode::normal, cdx = Mode::normal, timegate = Mode::normal;
  TimeGateStyle style = TimeGateStyle::link;
  std::string accept_datetime;  // of the TimeGate's last request

  // The capture of `url` nearest `at` among those `keep` accepts.
  template <class Keep>
  std::optional<Capture> nearest(const std::string& url, long long at, Keep keep) {
    std::optional<Capture> best;
    long long best_distance = 0;
    for (const Capture& c : captures) {
      if (c.url != url || !keep(c)) continue;
      const long long d = std::llabs(seconds(c.timestamp) - at);
      if (!best || d < best_distance) {
        best = c;
        best_distance = d;
      }
    }
    return best;
  }
};

FakeArchive::FakeArchive(FakeWeb& web) : state_(std::make_shared<State>()), web_(web) {
  auto state = state_;
  web.route("/wayback/available", [state](const FakeRequest& r, int) {
    std::lock_guard lock(state->m);
    if (auto f = failure(state->availability)) return *f;
    auto q = query(r.target);
    const auto c = state->nearest(q["url"], seconds(q["timestamp"]),
                                  [](const Capture& c) { return c.status == 200; });
    nlohmann::json j = {{"url", q["url"]}, {"archived_snapshots", nlohmann::json::object()}};
    if (c)
      j["archived_snapshots"]["closest"] = {
          {"available", true},
          {"url", "http://" + r.headers.at("host") + "/web/" + c->timestamp + "/" + c->url},
          {"timestamp", c->timestamp},
          {"status", std::to_string(c->status)}};
    return reply(j.dump());
  });
  web.route("/cdx/search/cdx", [state](const FakeRequest& r, int) {
    std::lock_guard lock(state->m);
    if (auto f = failure(state->cdx)) return *f;
    auto q = query(r.target);
    const long long from = q.count("from") ? seconds(q["from"]) : 0;
    const long long to = q.count("to") ? seconds(q["to"], "99991231235959") : 1LL << 60;
    const bool filtered = q["filter"] == "statuscode:20[036]";
    std::vector<Capture> rows;
    for (const Capture& c : state->captures) {
      const long long at = seconds(c.timestamp);
      if (c.url == q["url"] && at >= from && at <= to &&
          (!filtered || c.status == 200 || c.status == 203 || c.status == 206))
        rows.push_back(c);
    }
    const long long closest = seconds(q["closest"]);
    std::sort(rows.begin(), rows.end(), [&](const Capture& a, const Capture& b) {
      return std::llabs(seconds(a.timestamp) - closest) <
             std::llabs(seconds(b.timestamp) - closest);
    });
    if (q.count("limit")) rows.resize(std::min(rows.size(), std::stoul(q["limit"])));
    nlohmann::json j = nlohmann::json::array();
    if (!rows.empty()) {
      j.push_back({"timestamp", "original", "statuscode"});
      for (const Capture& c : rows) j.push_back({c.timestamp, c.url, std::to_string(c.status)});
    }
    return reply(j.dump());
  });
  web.route("/web/*", [state](const FakeRequest& r, int) {
    FakeReply page;
    const std::string ts = r.target.substr(5, 14);
    std::string title = "Archived";  // the capture's page names itself as the page did then
    {
      std::lock_guard lock(state->m);
      for (const Capture& c : state->captures)
        if (c.timestamp == ts && r.target.size() > 20 && c.url == r.target.substr(20))
          title = c.title;
    }
    page.body = "<html><title>" + title + "</title><body>An archived page</body></html>";
    page.headers = {{"Content-Type", "text/html"}, {"Memento-Datetime", http_date(ts)}};
    return page;
  });
  web.route("/memento/*", [](const FakeRequest& r, int) {
    FakeReply page;
    page.body = "<html><title>Archived</title><body>An archived page</body></html>";
    const std::string ts = r.target.substr(9, 14);  // /memento/<ts>... not in a Wayback form
    page.headers = {{"Content-Type", "text/html"}, {"Memento-Datetime", http_date(ts)}};
    return page;
  });
  web.route("/timegate/*", [state](const FakeRequest& r, int) {
    std::lock_guard lock(state->m);
    if (auto f = failure(state->timegate)) return *f;
    const std::string url = r.target.substr(10);
    const auto wanted = r.headers.find("accept-datetime");
    state->accept_datetime = wanted == r.headers.end() ? "" : wanted->second;
    const long long at = wanted == r.headers.end() ? 1LL << 40 : from_http_date(wanted->second);
    const auto c = state->nearest(url, at, [](const Capture& c) { return c.status == 200; });
    if (!c) return reply("no memento", 404);
    const std::string base = "http://" + r.headers.at("host");
    std::string memento = base + "/web/" + c->timestamp + "/" + c->url;
    if (state->style == TimeGateStyle::header)  // no Wayback timestamp: ask the memento
      memento = base + "/memento/" + c->timestamp + "x/" + std::to_string(c->url.size());
    FakeReply redirect = reply("", 302);
    redirect.headers = {{"Location", memento}, {"Vary", "accept-datetime"}};
    if (state->style == TimeGateStyle::link)
      redirect.headers.push_back({"Link", "<" + c->url + ">; rel=\"original\", <" + memento +
                                              ">; rel=\"memento\"; datetime=\"" +
                                              http_date(c->timestamp) + "\""});
    return redirect;
  });
}

void FakeArchive::add(const std::string& url, const std::string& timestamp, int status,
                      const std::string& title) {
  std::lock_guard lock(state_->m);
  state_->captures.push_back({url, timestamp, status, title});
}

void FakeArchive::availability(Mode m) {
  std::lock_guard lock(state_->m);
  state_->availability = m;
}

void FakeArchive::cdx(Mode m) {
  std::lock_guard lock(state_->m);
  state_->cdx = m;
}

void FakeArchive::timegate(Mode m, TimeGateStyle style) {
  std::lock_guard lock(state_->m);
  state_->timegate = m;
  state_->style = style;
}

std::string FakeArchive::last_accept_datetime() const {
  std::lock_guard lock(state_->m);
  return state_->accept_datetime;
}

std::string FakeArchive::endpoint(const std::string& host) const { return web_.url(host, ""); }

std::string FakeArchive::timegate_url(const std::string& host) const {
  return web_.url(host, "/timegate/");
}

}  // namespace citelint::test
