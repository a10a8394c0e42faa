// One HTTP request for one URL, redirects not followed (the scheduler follows them hop by hop,
// each under its host's politeness and the address guard).
#pragma once

#include <curl/curl.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "net/loop.hpp"

namespace citelint::net {

struct Request {
  std::string url;
  bool head = false;     // HEAD instead of GET (the fallback for a 405 or 501 on GET)
  bool browser = false;  // ask as a browser would (the one retry of a 403)
  bool last = false;     // nothing else is queued for this host: do not keep the connection
  std::string user_agent;
  const std::vector<std::string>* headers = nullptr;  // "Name: value"
  // Cookies the URL's earlier hops set (curl's Netscape lines); none leave its redirect chain.
  const std::vector<std::string>* cookies = nullptr;
  curl_slist* resolve = nullptr;  // shared, owned by the caller
  std::chrono::milliseconds timeout{20000}, connect_timeout{10000};
  std::size_t body_limit = 64 * 1024;
  std::string ca_file;
};

struct Response {
  CURLcode code = CURLE_OK;
  std::string curl_error;  // curl's own words for `code`
  int http_status = 0;
  std::string location;  // an absolute redirect target, when the response is a redirect
  std::map<std::string, std::string> headers;  // names lowercased; the last value wins
  std::string body;                            // at most body_limit bytes, decompressed
  bool truncated = false;                      // the body went on past the limit
  bool refused = false;                        // the address guard refused the connection
  std::vector<std::string> cookies;            // every cookie now held, when the answer set any
};

// Starts the request on the loop; `done` runs once, from the loop's io_context.
void fetch(CurlLoop& loop, const Request& request, const CurlLoop::Guard& guard,
           std::function<void(Response)> done);

}  // namespace citelint::net
