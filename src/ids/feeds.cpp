// The batch services' answers read: the NCBI ID converter's JSON records and arXiv's Atom feed,
// as their documentation shapes them (records.hpp).
#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "ids/records.hpp"
#include "model/utf8.hpp"
#include "report/text_forms.hpp"

namespace citelint::ids {

namespace {

using nlohmann::json;

// A field that the converter gives as a string or, in its newer version, as a number.
std::string id_text(const json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_unsigned() || it->is_number_integer()) return std::to_string(it->get<long>());
  return {};
}

// "http://arxiv.org/abs/2101.00001v2": the id and its version.
std::pair<std::string, int> arxiv_id_of(std::string_view url) {
  const std::size_t abs = url.find("/abs/");
  return split_version(abs == std::string_view::npos ? url : url.substr(abs + 5));
}

// "Maria van der Berg": the last word (the match looks for each word of a family name).
std::string family_of(std::string_view name) {
  const std::string n = squeezed(name);
  const std::size_t space = n.rfind(' ');
  return space == std::string::npos ? n : n.substr(space + 1);
}

}  // namespace

std::pair<std::string, int> split_version(std::string_view id) {
  const std::size_t v = id.find_last_of('v');
  if (v == std::string_view::npos || v + 1 == id.size() ||
      !std::all_of(id.begin() + static_cast<long>(v) + 1, id.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return {std::string(id), 0};
  return {std::string(id.substr(0, v)), std::atoi(std::string(id.substr(v + 1)).c_str())};
}

// arXiv wraps its titles.
std::string squeezed(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<std::vector<ConverterRecord>> read_converter(int http_status, std::string_view body,
                                                           IdScheme asked) {
  if (http_status != 200) return std::nullopt;
  const json j = json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("records") || !j["records"].is_array()) return std::nullopt;
  std::vector<ConverterRecord> out;
  for (const json& r : j["records"]) {
    if (!r.is_object()) continue;
    ConverterRecord c;
    c.pmid = id_text(r, "pmid");
    c.pmcid = id_text(r, "pmcid");
    c.doi = utf8::ascii_lower(id_text(r, "doi"));
    c.requested = id_text(r, "requested-id");
    if (c.requested.empty()) c.requested = asked == IdScheme::pmcid ? c.pmcid : c.pmid;
    c.found = id_text(r, "status") != "error";
    if (!c.found) c.errmsg = id_text(r, "errmsg");
    if (!c.requested.empty()) out.push_back(std::move(c));
  }
  return out;
}

std::string converter_body(const ConverterRecord& r) {
  json record = {{"requested-id", r.requested}};
  if (!r.pmid.empty()) record["pmid"] = r.pmid;
  if (!r.pmcid.empty()) record["pmcid"] = r.pmcid;
  if (!r.doi.empty()) record["doi"] = r.doi;
  if (!r.found) {
    record["status"] = "error";
    record["errmsg"] = r.errmsg;
  }
  return json{{"status", "ok"}, {"records", json::array({record})}}.dump();
}

std::optional<ArxivFeed> read_arxiv_feed(int http_status, std::string_view body) {
  if (http_status != 200) return std::nullopt;
  pugi::xml_document doc;
  if (!doc.load_buffer(body.data(), body.size()) || !doc.child("feed")) return std::nullopt;
  ArxivFeed feed;
  for (const pugi::xml_node e : doc.child("feed").children("entry")) {
    const std::string title = squeezed(e.child_value("title"));
    if (title == "Error" &&
        std::string_view(e.child_value("id")).find("/api/errors") != std::string_view::npos) {
      feed.error = squeezed(e.child_value("summary"));
      continue;
    }
    ArxivEntry a;
    std::tie(a.id, a.version) = arxiv_id_of(squeezed(e.child_value("id")));
    if (a.id.empty() || title.empty()) continue;  // an empty entry: no such paper
    a.work.title = title;
    a.work.year = std::atoi(std::string(e.child_value("published")).substr(0, 4).c_str());
    a.work.family = family_of(e.child("author").child_value("name"));
    a.work.container = squeezed(e.child_value("arxiv:journal_ref"));
    a.work.type = "preprint";
    a.comment = squeezed(e.child_value("arxiv:comment"));
    a.summary = squeezed(e.child_value("summary"));
    feed.entries.push_back(std::move(a));
  }
  return feed;
}

bool arxiv_withdrawn(const ArxivEntry& e) {
  for (const std::string* s : {&e.comment, &e.summary}) {
    const std::string lower = utf8::ascii_lower(*s);
    if (lower.find("withdrawn") != std::string::npos &&
        (lower.find("has been withdrawn") != std::string::npos ||
         lower.find("paper is withdrawn") != std::string::npos ||
         lower.find("withdrawn by") != std::string::npos || lower.rfind("withdrawn", 0) == 0))
      return true;
  }
  return false;
}

std::string arxiv_body(const ArxivEntry& e) {
  using report::xml_escape;
  return "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:arxiv=\"http://arxiv.org/schemas/"
         "atom\"><entry><id>http://arxiv.org/abs/" +
         xml_escape(e.id) + "v" + std::to_string(e.version) + "</id><published>" +
         std::to_string(e.work.year) + "-01-01T00:00:00Z</published><title>" +
         xml_escape(e.work.title) + "</title><summary>" + xml_escape(e.summary) +
         "</summary><author><name>" + xml_escape(e.work.family) +
         "</name></author><arxiv:comment>" + xml_escape(e.comment) +
         "</arxiv:comment><arxiv:journal_ref>" + xml_escape(e.work.container) +
         "</arxiv:journal_ref></entry></feed>";
}

}  // namespace citelint::ids
