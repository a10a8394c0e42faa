#include "support/fake_registry.hpp"

#include <boost/url/decode_view.hpp>
#include <cctype>

namespace citelint::test {

namespace {

using nlohmann::json;

FakeReply reply(std::string body, int status = 200, const char* type = "application/json") {
  FakeReply r;
  r.status = status;
  r.body = std::move(body);
  r.headers = {{"Content-Type", type}};
  return r;
}

// The identifier after the route's prefix: percent-decoded, lowercased, query dropped.
std::string tail(const FakeRequest& req, std::string_view prefix) {
  std::string path = req.target.substr(0, req.target.find('?'));
  path = path.substr(std::min(path.size(), prefix.size()));
  std::string decoded;
  for (const char c : boost::urls::decode_view(path))
    decoded += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return decoded;
}

std::optional<FakeReply> failure(FakeRegistry::Mode m, int nth) {
  switch (m) {
    case FakeRegistry::Mode::down:
      return reply("Service Unavailable", 503, "text/plain");
    case FakeRegistry::Mode::slow:
      return std::nullopt;  // the answer, later (delayed by the caller)
    case FakeRegistry::Mode::limited:
      if (nth % 2 == 1) {
        FakeReply r = reply("Too Many Requests", 429, "text/plain");
        r.headers.emplace_back("Retry-After", "1");
        return r;
      }
      return std::nullopt;
    case FakeRegistry::Mode::broken:
      return reply("<html><body>Maintenance</body></html>", 200, "text/html");
    default:
      return std::nullopt;
  }
}

FakeReply delayed(FakeReply r, FakeRegistry::Mode m) {
  if (m == FakeRegistry::Mode::slow) r.delay_ms = 3000;
  return r;
}

}  // namespace

struct FakeRegistry::State {
  std::mutex m;
  std::map<std::string, std::string> agency;  // by DOI
  std::map<std::string, json> crossref, datacite;
  std::map<std::string, std::string> aliases;  // shortDOI -> DOI
  Mode handles = Mode::normal, works = Mode::normal;
};

FakeRegistry::FakeRegistry(FakeWeb& web) : state_(std::make_shared<State>()), web_(web) {
  auto s = state_;
  web.route("/api/handles/*", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->handles, nth)) return *f;
    const std::string doi = tail(req, "/api/handles/");
    json values = json::array();
    if (const auto alias = s->aliases.find(doi); alias != s->aliases.end()) {
      values.push_back({{"index", 1},
                        {"type", "HS_ALIAS"},
                        {"data", {{"format", "string"}, {"value", alias->second}}}});
    } else if (s->agency.count(doi)) {
      values.push_back(
          {{"index", 1},
           {"type", "URL"},
           {"data", {{"format", "string"}, {"value", "https://publisher.test/" + doi}}},
           {"ttl", 86400},
           {"timestamp", "2019-07-26T10:00:00Z"}});
    } else {
      return delayed(reply(json{{"responseCode", 100}, {"handle", doi}}.dump(), 404), s->handles);
    }
    return delayed(reply(json{{"responseCode", 1}, {"handle", doi}, {"values", values}}.dump()),
                   s->handles);
  });
  web.route("/ra/*", [s](const FakeRequest& req, int) {
    std::lock_guard lock(s->m);
    const std::string asked = tail(req, "/ra/");
    for (const auto& [doi, agency] : s->agency)
      if (doi.compare(0, asked.size() + 1, asked + "/") == 0 || doi == asked)
        return reply(json::array({{{"DOI", asked}, {"RA", agency}}}).dump());
    return reply(json::array({{{"DOI", asked}, {"status", "DOI does not exist"}}}).dump());
  });
  web.route("/works/*", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->works, nth)) return *f;
    const std::string doi = tail(req, "/works/");
    const auto it = s->crossref.find(doi);
    if (it == s->crossref.end())
      return delayed(reply("Resource not found.", 404, "text/plain"), s->works);
    json message = it->second;
    message["DOI"] = doi;
    return delayed(reply(json{{"status", "ok"},
                              {"message-type", "work"},
                              {"message-version", "1.0.0"},
                              {"message", message}}
                             .dump()),
                   s->works);
  });
  web.route("/dois/*", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->works, nth)) return *f;
    const std::string doi = tail(req, "/dois/");
    const auto it = s->datacite.find(doi);
    if (it == s->datacite.end())
      return reply(json{{"errors", json::array({{{"status", "404"},
                                                 {"title",
                                                  "The resource you are looking for doesn't "
                                                  "exist."}}})}}
                       .dump(),
                   404);
    json attributes = it->second;
    attributes["doi"] = doi;
    return delayed(
        reply(json{{"data", {{"id", doi}, {"type", "dois"}, {"attributes", attributes}}}}.dump()),
        s->works);
  });
}

void FakeRegistry::crossref(const std::string& doi, json message) {
  std::lock_guard lock(state_->m);
  state_->agency[doi] = "Crossref";
  state_->crossref[doi] = std::move(message);
}

void FakeRegistry::datacite(const std::string& doi, json attributes) {
  std::lock_guard lock(state_->m);
  state_->agency[doi] = "DataCite";
  state_->datacite[doi] = std::move(attributes);
}

void FakeRegistry::registered(const std::string& doi, const std::string& agency) {
  std::lock_guard lock(state_->m);
  state_->agency[doi] = agency;
}

void FakeRegistry::short_doi(const std::string& short_doi, const std::string& doi) {
  std::lock_guard lock(state_->m);
  state_->aliases[short_doi] = doi;
}

void FakeRegistry::handles(Mode m) {
  std::lock_guard lock(state_->m);
  state_->handles = m;
}

void FakeRegistry::works(Mode m) {
  std::lock_guard lock(state_->m);
  state_->works = m;
}

std::string FakeRegistry::endpoint(const std::string& host) const {
  return "http://" + host + ":" + std::to_string(web_.port());
}

json FakeRegistry::work(const std::string& title, const std::string& family, int year,
                        const std::string& journal) {
  return {{"title", json::array({title})},
          {"author", json::array({{{"given", "A."}, {"family", family}, {"sequence", "first"}}})},
          {"issued", {{"date-parts", json::array({json::array({year, 3, 1})})}}},
          {"container-title", json::array({journal})},
          {"type", "journal-article"}};
}

json FakeRegistry::update(const std::string& notice_doi, const std::string& type,
                          const std::string& source, int y, int m, int d) {
  return {{"DOI", notice_doi},
          {"type", type},
          {"source", source},
          {"label", type},
          {"updated", {{"date-parts", json::array({json::array({y, m, d})})}}}};
}

}  // namespace citelint::test
