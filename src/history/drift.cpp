// Drift: a page that answers but no longer shows what the reference cites, by the names the
// page gives itself against the reference's words; and the capture from the access day as a
// second witness (include/citelint/history.hpp).
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "citelint/history.hpp"
#include "ids/match.hpp"
#include "net/page.hpp"
#include "net/scheduler.hpp"

namespace citelint {

namespace {

constexpr std::size_t kFewestPageWords = 2;   // a page named by one word ("Home") is not judged
constexpr std::size_t kFewestEntryWords = 3;  // nor is a reference that says almost nothing

// What a reference says, as compared: its text without its URLs and DOIs (their paths are no
// one's words), and the host names of its URLs split into words (a site named in its title).
std::string entry_words(const Corpus& corpus, const Reference& ref) {
  const std::string_view text = corpus.documents[ref.input]->text();
  std::string out(text.substr(ref.span.begin, ref.span.end - ref.span.begin));
  auto blank = [&](const Span& s) {
    if (s.begin < ref.span.begin || s.end > ref.span.end) return;
    std::fill(out.begin() + (s.begin - ref.span.begin), out.begin() + (s.end - ref.span.begin),
              ' ');
  };
  for (const Url& u : ref.urls) blank(u.span);
  for (const Doi& d : ref.dois) blank(d.span);
  for (const Url& u : ref.urls) {
    std::string host = net::host_of(u.normalised);
    std::replace(host.begin(), host.end(), '.', ' ');
    std::replace(host.begin(), host.end(), '-', ' ');
    out += ' ';
    out += host;
  }
  return out;
}

// A name that says nothing of what the page holds: a bot wall's, a loader's, a sign-in's, a
// site's front ("Just a moment...", "Redirecting", "Sign in | Site", "Home"), all of the name
// or before a separator. Such a page is not judged: a wall in front of the cited work is no
// drift.
bool says_nothing(std::string_view name) {
  static const RE2 kGeneric(
      "(?i)^\\W*(?:just a moment|one moment|please wait|loading|redirecting|access denied|"
      "attention required|forbidden|error|sign[ -]?in|log[ -]?in|home(?: ?page)?|welcome|"
      "untitled(?: document)?|document|index of|captcha|security check|robot check|"
      "are you a (?:robot|human)|checking (?:your|the) browser|verify(?:ing)? you are human|"
      "page unavailable|service unavailable|too many requests)"
      "(?:\\W*$|\\s*(?:[|:\\-\\x{2013}\\x{2014}\\x{00B7}]|\\.\\.\\.|\\x{2026}))");
  return RE2::PartialMatch(name, kGeneric);
}

// Whether one of the names a page gives shares a word with the reference's words. Unknown
// (true) when the page names itself in too few words, or only as a wall or a front page does,
// or the reference says too little.
bool shares_words(const std::string& names, const std::string& words) {
  std::size_t page_words = 0;
  std::string_view rest = names;
  bool shared = false;
  while (!rest.empty()) {
    const std::string_view name = rest.substr(0, rest.find('\n'));
    rest.remove_prefix(std::min(rest.size(), name.size() + 1));
    if (says_nothing(name)) continue;
    const std::size_t n = ids::title_words(name);
    page_words += n;
    shared = shared || (n > 0 && ids::title_cover(name, words) > 0);
  }
  return shared || page_words < kFewestPageWords || ids::title_words(words) < kFewestEntryWords;
}

// The references citing each valid URL.
std::map<std::string_view, std::vector<const Reference*>> citing(const Corpus& corpus) {
  std::map<std::string_view, std::vector<const Reference*>> by_url;
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls)
      if (u.valid) by_url[u.normalised].push_back(&ref);
  return by_url;
}

}  // namespace

std::size_t find_drift(const Corpus& corpus, CheckReport& links) {
  std::size_t drifted = 0;
  for (const auto& [url, refs] : citing(corpus)) {
    LinkResult* r = links.results.find(url);
    if (!r || !found_check(r->status) || r->title().empty()) continue;
    const bool shown = std::any_of(refs.begin(), refs.end(), [&](const Reference* ref) {
      return shares_words(r->title(), entry_words(corpus, *ref));
    });
    if (shown) continue;
    r->status = LinkStatus::drifted;  // link_findings says what it shows, for each reference
    r->set_error("");
    ++drifted;
  }
  return drifted;
}

std::string quoted_title(const std::string& names) {
  std::string out = "'";
  out += names.substr(0, names.find('\n'));
  return out += '\'';
}

std::string cited_title(std::string_view text) {
  static const RE2 kField("(?i)\\btitle\\s*=\\s*[{\"]\\s*\\{?([^{}\"]{3,300})");
  static const RE2 kJson("\"title\"\\s*:\\s*\"([^\"]{3,300})\"");
  static const RE2 kRis("(?m)^T[I1]  - (.{3,300})$");
  static const RE2 kTag("(?is)<(?:article-title|chapter-title|title)[^>]*>(.{3,600}?)</");
  static const RE2 kQuoted(
      "[\"\\x{201C}\\x{00AB}\\x{300A}\\x{300C}]([^\"\\x{201D}\\x{00BB}\\x{300B}\\x{300D}]{3,300})"
      "[\"\\x{201D}\\x{00BB}\\x{300B}\\x{300D}]");
  // Quotes are looked for in the words a reader sees, not in markup's attribute values.
  const std::string words = net::visible_text(text, text.size());
  std::string found;
  for (const RE2* re : {&kField, &kJson, &kRis, &kTag, &kQuoted})
    if (RE2::PartialMatch(re == &kQuoted ? std::string_view(words) : text, *re, &found)) {
      found = net::visible_text(found, 300);
      while (!found.empty() && (found.back() == ',' || found.back() == '.')) found.pop_back();
      if (!found.empty()) return found;
    }
  return {};
}

void witness_drift(const Corpus& corpus, CheckReport& links, const ArchiveReport& archive,
                   const CheckOptions& options) {
  // The captures of the drifted links' pages, from each citing reference's date.
  std::map<std::string_view, std::vector<std::pair<const Reference*, const Capture*>>> witnesses;
  std::vector<std::string> capture_urls;
  for (const auto& [url, refs] : citing(corpus)) {
    const LinkResult* r = links.results.find(url);
    if (!r || r->status != LinkStatus::drifted) continue;
    for (const Reference* ref : refs) {
      const auto date = archive_date(*ref);
      const ArchiveLookup* lookup = date ? archive.find(url, date->first) : nullptr;
      if (!lookup || !lookup->capture) continue;
      witnesses[url].emplace_back(ref, &*lookup->capture);
      capture_urls.push_back(lookup->capture->url);
    }
  }
  if (capture_urls.empty()) return;
  const CheckReport captures = check_links(std::move(capture_urls), options);
  for (const auto& [url, seen] : witnesses) {
    LinkResult& r = *links.results.find(url);
    bool read = false, matched = false;
    for (const auto& [ref, capture] : seen) {
      const LinkResult* then = captures.results.find(capture->url);
      if (!then || !found_check(then->status) || then->title().empty()) continue;
      read = true;
      if (!shares_words(then->title(), entry_words(corpus, *ref))) continue;
      r.set_error("the capture of " + timestamp_date(capture->timestamp) + " shows " +
                  quoted_title(then->title()) + ": cite it (" + capture->url + ")");
      matched = true;
      break;
    }
    // Every capture read differs from the reference as much: the page never showed the cited
    // words, and the comparison says nothing of drift.
    if (read && !matched) r.status = LinkStatus::ok;
  }
}

}  // namespace citelint
