// The identifier services' answers read: the handle API's, the agency lookup's, Crossref's work
// records and DataCite's DOI records, as their documentation shapes them (records.hpp).
#include "ids/records.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "model/utf8.hpp"

namespace citelint::ids {

namespace {

using nlohmann::json;

json parsed(std::string_view body) { return json::parse(body, nullptr, false); }

std::string text_of(const json& j, std::string_view key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The first string of an array of strings ("title": ["..."]), or the string itself.
std::string first_text(const json& j, std::string_view key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_array() && !it->empty() && it->front().is_string())
    return it->front().get<std::string>();
  return {};
}

// Crossref's {"date-parts": [[2019, 7, 26]]}: "2019-07-26", "2019-07" or "2019"; empty when it
// holds no year.
std::string date_of(const json& j) {
  if (!j.is_object()) return {};
  const auto parts = j.find("date-parts");
  if (parts == j.end() || !parts->is_array() || parts->empty() || !parts->front().is_array())
    return {};
  const json& p = parts->front();
  std::string out;
  for (std::size_t i = 0; i < p.size() && i < 3; ++i) {
    if (!p[i].is_number_integer()) break;
    char buf[8];
    std::snprintf(buf, sizeof buf, i == 0 ? "%04d" : "-%02d", p[i].get<int>());
    out += buf;
  }
  return out;
}

int year_of(std::string_view date) {
  return date.size() >= 4 ? std::atoi(std::string(date.substr(0, 4)).c_str()) : 0;
}

// "RETRACTED: Title", "RETRACTED ARTICLE: Title": the title, and whether it was so marked.
bool strip_retracted(std::string& title) {
  for (const std::string_view mark : {"RETRACTED ARTICLE:", "RETRACTED:", "Retracted:"}) {
    if (title.compare(0, mark.size(), mark) != 0) continue;
    title.erase(0, mark.size());
    title.erase(0, title.find_first_not_of(' '));
    return true;
  }
  return false;
}

std::vector<Notice> crossref_notices(const json& message) {
  std::vector<Notice> notices;
  const auto updated_by = message.find("updated-by");
  if (updated_by == message.end() || !updated_by->is_array()) return notices;
  for (const json& u : *updated_by) {
    if (!u.is_object()) continue;
    Notice n;
    n.type = notice_type(text_of(u, "type"));
    n.doi = utf8::ascii_lower(text_of(u, "DOI"));
    const auto updated = u.find("updated");
    if (updated != u.end()) n.date = date_of(*updated);
    n.source = text_of(u, "source");
    if (n.source.empty()) n.source = "publisher";
    if (!n.type.empty()) notices.push_back(std::move(n));
  }
  return notices;
}

std::string crossref_family(const json& message) {
  const auto authors = message.find("author");
  if (authors == message.end() || !authors->is_array() || authors->empty()) return {};
  const json* first = &authors->front();
  for (const json& a : *authors)
    if (a.is_object() && text_of(a, "sequence") == "first") {
      first = &a;
      break;
    }
  if (!first->is_object()) return {};
  std::string family = text_of(*first, "family");
  return family.empty() ? text_of(*first, "name") : family;
}

// A Crossref work's title (its subtitle after ": "), year, first author, journal and type;
// `marked`: the title said RETRACTED.
RegisteredWork crossref_record(const json& m, bool& marked) {
  RegisteredWork w;
  w.title = first_text(m, "title");
  marked = strip_retracted(w.title);
  if (const std::string subtitle = first_text(m, "subtitle"); !subtitle.empty())
    w.title += ": " + subtitle;
  for (const char* key : {"issued", "published", "published-print", "published-online"}) {
    const auto d = m.find(key);
    if (d == m.end()) continue;
    if ((w.year = year_of(date_of(*d))) > 0) break;
  }
  w.family = crossref_family(m);
  w.container = first_text(m, "container-title");
  w.type = text_of(m, "type");
  return w;
}

}  // namespace

std::string notice_type(std::string_view type) {
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.front())))
    type.remove_prefix(1);
  while (!type.empty() && std::isspace(static_cast<unsigned char>(type.back())))
    type.remove_suffix(1);
  std::string out = utf8::ascii_lower(type);
  std::replace(out.begin(), out.end(), ' ', '_');
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

std::string answer_words(int http_status, std::string_view what) {
  if (http_status == 0) return std::string(what);
  return "HTTP " + std::to_string(http_status) + (what.empty() ? "" : " " + std::string(what));
}

HandleAnswer read_handle(int http_status, std::string_view body) {
  HandleAnswer a;
  const json j = parsed(body);
  const auto code = j.is_object() ? j.find("responseCode") : j.end();
  if (!j.is_object() || code == j.end() || !code->is_number_integer()) {
    a.error = "the DOI system's answer was not the handle API's (" +
              answer_words(http_status, "without a responseCode") + ")";
    return a;
  }
  switch (code->get<int>()) {
    case 1:
    case 200:
      a.state = DoiState::registered;
      break;
    case 100:
      a.state = DoiState::unregistered;
      return a;
    default:
      a.error = "the handle server failed (responseCode " + std::to_string(code->get<int>()) + ")";
      return a;
  }
  const auto values = j.find("values");
  if (values == j.end() || !values->is_array()) return a;
  for (const json& v : *values) {
    if (!v.is_object() || text_of(v, "type") != "HS_ALIAS") continue;
    const auto data = v.find("data");
    if (data != v.end() && data->is_object()) a.alias = utf8::ascii_lower(text_of(*data, "value"));
  }
  return a;
}

std::string read_agency(int http_status, std::string_view body) {
  if (http_status != 200) return {};
  const json j = parsed(body);
  if (!j.is_array()) return {};
  for (const json& entry : j)
    if (entry.is_object())
      if (std::string ra = text_of(entry, "RA"); !ra.empty()) return utf8::ascii_lower(ra);
  return {};
}

std::optional<std::vector<Candidate>> read_crossref_search(int http_status, std::string_view body) {
  const json j = parsed(body);
  const auto message = j.is_object() ? j.find("message") : j.end();
  if (http_status != 200 || message == j.end() || !message->is_object() ||
      !message->contains("items") || !(*message)["items"].is_array())
    return std::nullopt;
  std::vector<Candidate> out;
  for (const json& item : (*message)["items"]) {
    if (!item.is_object()) continue;
    Candidate c;
    c.doi = utf8::ascii_lower(text_of(item, "DOI"));
    const auto score = item.find("score");
    c.score = score != item.end() && score->is_number() ? score->get<double>() : 0;
    bool marked = false;
    c.work = crossref_record(item, marked);
    if (!c.doi.empty()) out.push_back(std::move(c));
  }
  return out;
}

WorkAnswer read_crossref_work(int http_status, std::string_view body) {
  WorkAnswer a;
  if (http_status == 404) {
    a.conclusive = true;
    a.error = "Crossref has no record of it";
    return a;
  }
  const json j = parsed(body);
  const auto message = j.is_object() ? j.find("message") : j.end();
  if (http_status != 200 || message == j.end() || !message->is_object()) {
    a.error = "Crossref's answer was no work record (" + answer_words(http_status, "") + ")";
    return a;
  }
  const json& m = *message;
  a.conclusive = true;
  bool marked = false;
  a.work = crossref_record(m, marked);
  a.notices = crossref_notices(m);
  const bool retraction_known =
      std::any_of(a.notices.begin(), a.notices.end(), [](const Notice& n) {
        return n.type == "retraction" || n.type == "withdrawal" || n.type == "removal";
      });
  if (marked && !retraction_known) a.notices.push_back({"retraction", "", "", "publisher (title)"});
  return a;
}

WorkAnswer read_datacite_doi(int http_status, std::string_view body) {
  WorkAnswer a;
  if (http_status == 404) {
    a.conclusive = true;
    a.error = "DataCite has no record of it";
    return a;
  }
  const json j = parsed(body);
  const json* attributes = nullptr;
  if (j.is_object())
    if (const auto data = j.find("data"); data != j.end() && data->is_object())
      if (const auto at = data->find("attributes"); at != data->end() && at->is_object())
        attributes = &*at;
  if (http_status != 200 || !attributes) {
    a.error = "DataCite's answer was no DOI record (" + answer_words(http_status, "") + ")";
    return a;
  }
  const json& at = *attributes;
  a.conclusive = true;
  RegisteredWork w;
  std::string subtitle;
  if (const auto titles = at.find("titles"); titles != at.end() && titles->is_array())
    for (const json& t : *titles) {
      if (!t.is_object()) continue;
      const std::string type = text_of(t, "titleType");
      if (type.empty() && w.title.empty()) w.title = text_of(t, "title");
      if (type == "Subtitle" && subtitle.empty()) subtitle = text_of(t, "title");
    }
  if (!subtitle.empty()) w.title += ": " + subtitle;
  if (const auto y = at.find("publicationYear"); y != at.end())
    w.year = y->is_number_integer() ? y->get<int>()
             : y->is_string()       ? std::atoi(y->get<std::string>().c_str())
                                    : 0;
  if (const auto creators = at.find("creators"); creators != at.end() && creators->is_array() &&
                                                 !creators->empty() &&
                                                 creators->front().is_object()) {
    const json& c = creators->front();
    w.family = text_of(c, "familyName");
    if (w.family.empty()) w.family = text_of(c, "name").substr(0, text_of(c, "name").find(','));
  }
  if (const auto container = at.find("container"); container != at.end() && container->is_object())
    w.container = text_of(*container, "title");
  if (const auto types = at.find("types"); types != at.end() && types->is_object())
    w.type = utf8::ascii_lower(text_of(*types, "resourceTypeGeneral"));
  a.work = std::move(w);
  return a;
}

}  // namespace citelint::ids
