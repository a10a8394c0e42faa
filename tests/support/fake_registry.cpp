#include "support/fake_registry.hpp"

#include <algorithm>
#include <boost/url/decode_view.hpp>
#include <boost/url/parse.hpp>
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
  std::vector<json> pubmed;                    // {"pmid", "pmcid", "doi"}
  std::map<std::string, json> arxiv;           // by id
  Mode handles = Mode::normal, works = Mode::normal, batches = Mode::normal;
  int rate_limit = 0;
};

namespace {

// A query parameter of a request's target, percent-decoded.
std::string param(const std::string& target, std::string_view name) {
  const auto url = boost::urls::parse_origin_form(target);
  if (!url) return {};
  const auto it = url->params().find(name);
  return it != url->params().end() ? std::string((*it).value) : std::string();
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at <= list.size()) {
    const std::size_t comma = std::min(list.find(',', at), list.size());
    if (comma > at) out.push_back(list.substr(at, comma - at));
    at = comma + 1;
  }
  return out;
}

std::string xml(const std::string& s) {
  std::string out;
  for (const char c : s) out += c == '<' ? "&lt;" : c == '&' ? "&amp;" : std::string(1, c);
  return out;
}

}  // namespace

// The converter's answer: PMCIDs asked get the newer API's records ("requested-id", the PMID a
// number), PMIDs the older one's (strings, the PMID naming the record).
std::string FakeRegistry::converter(const State& s, const std::string& target) {
  const bool by_pmcid = param(target, "idtype") == "pmcid";
  json records = json::array();
  for (const std::string& id : split(param(target, "ids"))) {
    const auto it = std::find_if(s.pubmed.begin(), s.pubmed.end(), [&](const json& a) {
      return a[by_pmcid ? "pmcid" : "pmid"] == id;
    });
    json r;
    if (it == s.pubmed.end()) {
      r = {
          {by_pmcid ? "pmcid" : "pmid", id}, {"status", "error"}, {"errmsg", "invalid article id"}};
    } else {
      r = *it;
      if (by_pmcid) r["pmid"] = std::stol((*it)["pmid"].get<std::string>());
    }
    if (by_pmcid) r["requested-id"] = id;
    records.push_back(r);
  }
  return json{{"status", "ok"},
              {"responseDate", "2024-01-01 00:00:00"},
              {"request", "ids=" + param(target, "ids") + ";format=json"},
              {"records", records}}
      .dump();
}

// arXiv's feed: an entry per paper it has, none for a well-formed id it does not; an id it
// rejects (latest version 0) makes the feed the error entry alone.
std::string FakeRegistry::arxiv_feed(const State& s, const std::string& target) {
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
      "<link href=\"http://arxiv.org/api/query\" rel=\"self\" type=\"application/atom+xml\"/>"
      "<title type=\"html\">ArXiv Query: " +
      xml(target) + "</title>";
  std::string entries;
  for (const std::string& id : split(param(target, "id_list"))) {
    const auto it = s.arxiv.find(id);
    if (it != s.arxiv.end() && it->second["latest"] == 0)
      return feed + "<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_" + id +
             "</id><title>Error</title><summary>incorrect id format for " + id +
             "</summary><updated>2024-01-01T00:00:00-05:00</updated></entry></feed>";
    if (it == s.arxiv.end()) continue;
    const json& p = it->second;
    entries += "<entry xmlns:arxiv=\"http://arxiv.org/schemas/atom\"><id>http://arxiv.org/abs/" +
               id + "v" + std::to_string(p["latest"].get<int>()) + "</id><updated>" +
               std::to_string(p["year"].get<int>() + 1) + "-02-03T00:00:00Z</updated><published>" +
               std::to_string(p["year"].get<int>()) + "-01-02T18:00:00Z</published><title>" +
               xml(p["title"]) + "</title><summary>  We study things.\n</summary><author><name>" +
               xml(p["author"]) + "</name></author><author><name>Second Author</name></author>";
    if (!p["comment"].get<std::string>().empty())
      entries += "<arxiv:comment>" + xml(p["comment"]) + "</arxiv:comment>";
    entries += "<link href=\"http://arxiv.org/abs/" + id +
               "\" rel=\"alternate\" type=\"text/html\"/></entry>";
  }
  return feed +
         "<opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">" +
         std::to_string(split(param(target, "id_list")).size()) + "</opensearch:totalResults>" +
         entries + "</feed>";
}

// Crossref's search: each work scored by the query's words found in its title, first author,
// journal and year (4 a word), the best five, as a work list.
std::string FakeRegistry::search(const State& s, const std::string& target) {
  auto words = [](const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (const char c : text + " ") {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      } else if (!w.empty()) {
        out.push_back(w);
        w.clear();
      }
    }
    return out;
  };
  const std::vector<std::string> query = words(param(target, "query.bibliographic"));
  std::vector<std::pair<double, json>> scored;
  for (const auto& [doi, message] : s.crossref) {
    std::string about = message.value("title", json::array()).dump() + " " +
                        message.value("author", json::array()).dump() + " " +
                        message.value("container-title", json::array()).dump() + " " +
                        message.value("issued", json::object()).dump();
    const std::vector<std::string> have = words(about);
    double score = 0;
    for (const std::string& w : query)
      if (std::find(have.begin(), have.end(), w) != have.end()) score += 4;
    json item = message;
    item["DOI"] = doi;
    item["score"] = score;
    if (score > 0) scored.emplace_back(score, item);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  json items = json::array();
  for (std::size_t i = 0; i < scored.size() && i < 5; ++i) items.push_back(scored[i].second);
  return json{{"status", "ok"},
              {"message-type", "work-list"},
              {"message-version", "1.0.0"},
              {"message",
               {{"facets", json::object()},
                {"total-results", scored.size()},
                {"items", items},
                {"items-per-page", 5},
                {"query", {{"start-index", 0}, {"search-terms", nullptr}}}}}}
      .dump();
}

FakeRegistry::FakeRegistry(FakeWeb& web) : state_(std::make_shared<State>()), web_(web) {
  auto s = state_;
  web.route("/works", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->works, nth)) return *f;
    return delayed(reply(search(*s, req.target)), s->works);
  });
  web.route("/idconv/", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->batches, nth)) return *f;
    return delayed(reply(converter(*s, req.target)), s->batches);
  });
  web.route("/api/query", [s](const FakeRequest& req, int nth) {
    std::lock_guard lock(s->m);
    if (auto f = failure(s->batches, nth)) return *f;
    return delayed(reply(arxiv_feed(*s, req.target), 200, "application/atom+xml"), s->batches);
  });
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
    FakeReply r = reply(json{
        {"status", "ok"},
        {"message-type", "work"},
        {"message-version", "1.0.0"},
        {"message",
         message}}.dump());
    if (s->rate_limit > 0) {
      r.headers.emplace_back("X-Rate-Limit-Limit", std::to_string(s->rate_limit));
      r.headers.emplace_back("X-Rate-Limit-Interval", "1s");
    }
    return delayed(r, s->works);
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

void FakeRegistry::pubmed(const std::string& pmid, const std::string& pmcid,
                          const std::string& doi) {
  std::lock_guard lock(state_->m);
  state_->pubmed.push_back({{"pmid", pmid}, {"pmcid", pmcid}, {"doi", doi}});
}

void FakeRegistry::arxiv(const std::string& id, int latest, const std::string& title,
                         const std::string& author, int year, const std::string& comment) {
  std::lock_guard lock(state_->m);
  state_->arxiv[id] = {{"latest", latest},
                       {"title", title},
                       {"author", author},
                       {"year", year},
                       {"comment", comment}};
}

void FakeRegistry::rate_limit(int per_second) {
  std::lock_guard lock(state_->m);
  state_->rate_limit = per_second;
}

void FakeRegistry::batches(Mode m) {
  std::lock_guard lock(state_->m);
  state_->batches = m;
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
