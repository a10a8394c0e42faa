// What a page says of itself (net/page.hpp) and the signs of a parked domain (net/parked.hpp,
// data/parked.yml), without a network.
#include "net/page.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>

#include "net/parked.hpp"
#include "rules/embedded.hpp"

using citelint::net::page_title;
using citelint::net::Response;

namespace {

Response answer(std::string body, std::string type = "text/html") {
  Response r;
  r.http_status = 200;
  if (!type.empty()) r.headers["content-type"] = std::move(type);
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("an HTML page's names: title, og:title and first h1, each once, entities decoded") {
  const Response r = answer(
      "<html><head><title>\n  Caf&eacute; &amp; Co &#8211; Annual   report\n</title>"
      "<meta content=\"The annual report\" property=\"og:title\"></head>"
      "<body><h1 class=x><span>Annual</span> report</h1><h1>Second</h1></body></html>");
  // &eacute; is not among the names decoded: it stays as written, and the rest reads.
  CHECK(page_title(r) ==
        "Caf&eacute; & Co \xE2\x80\x93 Annual report\nThe annual report\nAnnual report");
  CHECK(page_title(answer("<title>Same</title><h1>Same</h1>")) == "Same");
  CHECK(page_title(answer("{\"title\": \"json\"}", "application/json")).empty());
  CHECK(page_title(answer("<!doctype html><title>No type</title>", "")) == "No type");
}

TEST_CASE("a page in a declared legacy charset is converted; undeclared bytes are not guessed") {
  // "中文标题" in GBK.
  const std::string gbk = "\xD6\xD0\xCE\xC4\xB1\xEA\xCC\xE2";
  CHECK(page_title(answer("<title>" + gbk + "</title>", "text/html; charset=GBK")) ==
        "\xE4\xB8\xAD\xE6\x96\x87\xE6\xA0\x87\xE9\xA2\x98");
  CHECK(page_title(answer("<meta charset=\"gb2312\"><title>" + gbk + "</title>", "text/html")) ==
        "\xE4\xB8\xAD\xE6\x96\x87\xE6\xA0\x87\xE9\xA2\x98");
  CHECK(page_title(answer("<title>" + gbk + "</title>", "text/html")).empty());
}

TEST_CASE("a PDF's title: XMP's dc:title, else the Info dictionary's, literal or UTF-16") {
  CHECK(page_title(answer("%PDF-1.7\n<x:xmpmeta><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">"
                          "Deep learning for glaciers</rdf:li></rdf:Alt></dc:title>",
                          "application/pdf")) == "Deep learning for glaciers");
  CHECK(page_title(answer("%PDF-1.4\n1 0 obj << /Title (Rivers \\(and\\) lakes) >>", "")) ==
        "Rivers (and) lakes");
  CHECK(page_title(answer("%PDF-1.4\n1 0 obj << /Title <FEFF00480069> >>", "")) == "Hi");
  CHECK(page_title(answer("%PDF-1.4\nno title here", "application/pdf")).empty());
}

TEST_CASE("visible text leaves out scripts, styles and comments") {
  CHECK(citelint::net::visible_text(
            "<p>One <b>two</b></p><script>var x = '<p>no</p>';</script><style>p{}</style>"
            "<!-- hidden --><p>three&nbsp;four</p>",
            100) == "One two three four");
}

TEST_CASE("registrable domains by the Public Suffix List") {
  using citelint::net::registrable_domain;
  CHECK(registrable_domain("www.example.co.uk") == "example.co.uk");
  CHECK(registrable_domain("a.b.example.com") == "example.com");
  CHECK(registrable_domain("user.github.io") == "user.github.io");
  CHECK(registrable_domain("127.0.0.1") == "127.0.0.1");
}

TEST_CASE("data/parked.yml: every phrase compiles and fires on its language's wording") {
  const YAML::Node* root = nullptr;
  YAML::Node loaded;
  for (const auto& f : citelint::embedded_data_files())
    if (std::string_view(f.path) == "data/parked.yml") {
      loaded = YAML::Load(f.text);
      root = &loaded;
    }
  REQUIRE(root);
  RE2::Options options;
  options.set_case_sensitive(false);
  for (const auto& p : (*root)["phrases"]) {
    const RE2 re(p.as<std::string>(), options);
    INFO(p.as<std::string>());
    CHECK(re.ok());
  }
  CHECK((*root)["hosts"].size() > 10);
  const std::vector<std::pair<std::string, bool>> pages = {
      {"This domain is for sale!", true},
      {"The domain example.org may be for sale.", true},
      {"Parked free, courtesy of a registrar", true},
      {"Diese Domain steht zum Verkauf", true},
      {"Ce nom de domaine est à vendre", true},
      {"Este dominio está en venta", true},
      {"Questo dominio è in vendita", true},
      {"Dit domein is te koop", true},
      {"Ta domena jest na sprzedaż", true},
      {"Этот домен продается", true},
      {"该域名正在出售", true},
      {"このドメインは販売中です", true},
      {"Bikes for sale", false},
      {"Houses for sale in this domain of research", false},
      {"The public domain", false},
  };
  for (const auto& [text, parked] : pages) {
    Response r = answer("<html><title>Page</title><body><p>" + text + "</p></body></html>");
    INFO(text);
    CHECK(!citelint::net::parked_reason(r, page_title(r), "http://x.test/a/b", "http://x.test/a/b",
                                        {})
               .empty() == parked);
  }
}
