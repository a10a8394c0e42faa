// What a page that answered says of itself, from the capped body one GET reads: the names it
// gives (for drift, src/history/) and its visible text (for parking pages, parked.cpp).
#pragma once

#include <string>
#include <string_view>

#include "net/fetch.hpp"

namespace citelint::net {

// The names a page gives itself, one per line, each once: an HTML page's <title>, og:title and
// first <h1>, entities decoded and converted from the charset it declares; a PDF's metadata
// title (XMP's dc:title, the Info dictionary's /Title) when it lies within the body read.
// Empty for anything else, or a page that names nothing.
std::string page_title(const Response& response);

// Whether the answer is an HTML page (by its type, or its first bytes when it gives none).
bool is_html(const Response& response);

// An HTML page's text as a reader sees it: tags, scripts, styles and comments left out,
// entities decoded, white space collapsed; at most `limit` bytes of it.
std::string visible_text(std::string_view html, std::size_t limit);

// The text of HTML with its character references decoded (&amp;, &#8217;, &nbsp; ...).
std::string decode_entities(std::string_view html);

}  // namespace citelint::net
