#include "net/fetch.hpp"

#include <algorithm>
#include <cctype>

#include "net/idn.hpp"

namespace citelint::net {

namespace {

// What a running request owns: the easy handle, its header list, what came back so far.
struct Exchange {
  CURL* easy = curl_easy_init();
  curl_slist* headers = nullptr;
  char error[CURL_ERROR_SIZE] = {};
  std::size_t body_limit = 0;
  bool refused = false;
  Response response;
  ~Exchange() {
    curl_slist_free_all(headers);
    curl_easy_cleanup(easy);
  }
};

// Bodies are read up to the limit, after decompression: a larger body, or a small archive
// that inflates without end, is cut there (curl then reports a write error, which is fine).
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* self) {
  auto& x = *static_cast<Exchange*>(self);
  const std::size_t n = size * count;
  const std::size_t room = x.body_limit - std::min(x.body_limit, x.response.body.size());
  if (n > room) {
    x.response.body.append(data, room);
    x.response.truncated = true;
    return 0;
  }
  x.response.body.append(data, n);
  return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* self) {
  auto& x = *static_cast<Exchange*>(self);
  const std::size_t n = size * count;
  std::string_view line(data, n);
  if (line.rfind("HTTP/", 0) == 0) {
    x.response.headers.clear();  // a new response (after 100 Continue, say)
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  x.response.headers[name] = std::string(value);
  return n;
}

// What a current browser sends; used for one retry of a 403, since many sites refuse
// anything that does not look like one.
constexpr const char* kBrowserAgent =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

// The URL as it is asked for: without its userinfo (user:password@), which curl would send as
// Basic authentication, in the clear over http.
std::string without_userinfo(const std::string& url) {
  const Authority a = authority_of(url);
  if (a.begin == std::string::npos || !a.has_userinfo()) return url;
  return url.substr(0, a.begin) + url.substr(a.host_begin);
}

}  // namespace

void fetch(CurlLoop& loop, const Request& request, const CurlLoop::Guard& guard,
           std::function<void(Response)> done) {
  auto x = std::make_shared<Exchange>();
  x->body_limit = request.body_limit;
  CURL* e = x->easy;
  const std::string url = without_userinfo(request.url);
  curl_easy_setopt(e, CURLOPT_URL, url.c_str());  // curl copies it
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  // Resolved names are kept for the whole run: curl prunes a cache with a timeout by walking all
  // of it on every lookup, which over thousands of hosts cost more than the requests.
  curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, -1L);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->error);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, x.get());
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, x.get());
  if (request.head) curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  if (request.last) curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
  if (request.resolve) curl_easy_setopt(e, CURLOPT_RESOLVE, request.resolve);
  if (!request.ca_file.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, request.ca_file.c_str());
  const std::string agent = request.browser ? kBrowserAgent : request.user_agent;
  curl_easy_setopt(e, CURLOPT_USERAGENT, agent.c_str());  // curl copies strings it is given
  if (request.browser) {
    x->headers = curl_slist_append(
        x->headers, "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    x->headers = curl_slist_append(x->headers, "Accept-Language: en-US,en;q=0.5");
  }
  if (request.headers)
    for (const std::string& h : *request.headers)
      x->headers = curl_slist_append(x->headers, h.c_str());
  if (x->headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
  // The cookie engine, for this hop only: what an earlier hop set goes back, as a browser would.
  curl_easy_setopt(e, CURLOPT_COOKIEFILE, "");
  if (request.cookies)
    for (const std::string& c : *request.cookies)
      curl_easy_setopt(e, CURLOPT_COOKIELIST, c.c_str());

  loop.start(e, guard, &x->refused, [x, done = std::move(done)](CURLcode code) {
    Response& r = x->response;
    r.code = code == CURLE_WRITE_ERROR && r.truncated ? CURLE_OK : code;
    if (r.code != CURLE_OK) r.curl_error = x->error[0] ? x->error : curl_easy_strerror(code);
    long status = 0;
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
    r.http_status = static_cast<int>(status);
    char* location = nullptr;
    if (curl_easy_getinfo(x->easy, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location)
      r.location = location;
    r.refused = x->refused;
    if (r.headers.count("set-cookie")) {
      curl_slist* cookies = nullptr;
      if (curl_easy_getinfo(x->easy, CURLINFO_COOKIELIST, &cookies) == CURLE_OK) {
        for (curl_slist* c = cookies; c; c = c->next) r.cookies.emplace_back(c->data);
        curl_slist_free_all(cookies);
      }
    }
    done(std::move(r));
  });
}

}  // namespace citelint::net
