// Which of a run's fixes citelint fix applies, and the edits they make (include/citelint/fix.hpp).
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "citelint/extract.hpp"
#include "citelint/fix.hpp"
#include "citelint/kinds.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

struct Cited {
  const Reference* ref;
  const Url* url;
};
using Place = std::pair<std::uint32_t, std::size_t>;  // input, first byte

// The corpus's URLs and dates by where they are written: a finding's is found in log time (a
// catalogue's fixes are not each a pass over a million references).
struct Places {
  std::map<Place, Cited> urls;
  std::map<Place, const Date*> dates;
  explicit Places(const Corpus& corpus) {
    for (const Reference& ref : corpus.references) {
      for (const Url& u : ref.urls) urls[{u.span.input, u.span.begin}] = {&ref, &u};
      for (const Date& d : ref.dates) dates[{d.span.input, d.span.begin}] = &d;
    }
  }
  // The entry of `by` whose span (`span_of` it) overlaps `s`: the one that starts at or
  // before it, else the first that starts inside it.
  template <class T, class SpanOf>
  static const T* overlapping(const std::map<Place, T>& by, const Span& s, SpanOf span_of) {
    auto it = by.upper_bound({s.input, s.begin});
    for (int tries = 0; tries < 2; ++tries, ++it) {
      if (tries == 0 && it == by.begin()) continue;
      const auto at = tries == 0 ? std::prev(it) : it;
      if (at == by.end() || at->first.first != s.input) continue;
      const Span& found = span_of(at->second);
      if (found.begin < std::max(s.end, s.begin + 1) &&
          s.begin < std::max(found.end, found.begin + 1))
        return &at->second;
    }
    return nullptr;
  }
  const Cited* url_at(const Span& s) const {
    return overlapping(urls, s, [](const Cited& c) -> const Span& { return c.url->span; });
  }
  const Date* date_at(const Span& s) const {
    const Date* const* d =
        overlapping(dates, s, [](const Date* d) -> const Span& { return d->span; });
    return d ? *d : nullptr;
  }
};

// Whether most of an input's full dates are written YYYY-MM-DD: the form date fixes write.
std::vector<bool> iso_lists(const Corpus& corpus) {
  std::vector<int> iso(corpus.documents.size()), other(corpus.documents.size());
  static const RE2 kIso("\\d{4}-\\d{2}-\\d{2}");
  for (const Reference& ref : corpus.references)
    for (const Date& d : ref.dates)
      if (d.day != 0 && d.span.input < iso.size())
        ++(RE2::FullMatch(d.as_written, kIso) ? iso : other)[d.span.input];
  std::vector<bool> out(iso.size());
  for (std::size_t i = 0; i < iso.size(); ++i) out[i] = iso[i] > 0 && iso[i] >= other[i];
  return out;
}

// A date fix is verified when it writes the same date (nothing but its form changes) in the
// form the list itself uses.
std::string date_fix_problem(const Places& places, const Finding& f, const std::vector<bool>& iso) {
  const auto fixed = parse_date(f.fix->replacement);
  if (!fixed || !fixed->valid) return "the fix is no valid date";
  const Date* d = places.date_at(f.span);
  if (!d) return "no date of the reference is where the finding is";
  if (d->year != fixed->year || (fixed->month && d->month != fixed->month) ||
      (fixed->day && d->day != fixed->day))
    return "the fix would change the date, not only its form";
  if (fixed->day && !iso[f.span.input])
    return "the list writes its dates otherwise than YYYY-MM-DD";
  return {};
}

// A URL as written without the gaps a line wrap or extraction left in it (white space, soft
// hyphens, zero-width spaces), each other byte as written.
std::string rejoined(std::string_view written) {
  std::string out;
  for (std::size_t i = 0; i < written.size();) {
    const std::size_t from = i;
    const char32_t c = utf8::next(written, i);
    // What normalise_url drops (src/extract/url.cpp): the gaps, not the URL's own characters.
    if (!utf8::is_space(c) && c != 0xAD) out.append(written.substr(from, i - from));
  }
  return out;
}

const FixFormat* format_of(const Corpus& corpus, const Finding& f) {
  return find_fix_format(corpus.documents[f.span.input]->format());
}

Edit replace(const Finding& f, std::string text, std::string what) {
  return {f.span.input, f.span.begin, f.span.end, std::move(text), f.rule, std::move(what)};
}

// The edit a finding's fix makes, or why it makes none.
std::optional<Edit> edit_for(const Corpus& corpus, const Finding& f, const ArchiveReport* archive,
                             const FixOptions& options, const std::vector<bool>& iso,
                             const Places& places, std::string& why) {
  const FixFormat* format = format_of(corpus, f);
  if (!format) {
    why = "citelint fix does not write " + corpus.documents[f.span.input]->format() + " files";
    return std::nullopt;
  }
  if (f.category == "date-format") {
    why = date_fix_problem(places, f, iso);
    if (!why.empty()) return std::nullopt;
    return replace(f, f.fix->replacement, "a date written in the list's form");
  }
  if (!f.fix->verified) {
    why = "not verified";
    return std::nullopt;
  }
  const FindingKind* kind = find_finding_kind(f.rule);  // null for a rule's finding
  auto is = [&](Kind k) { return kind && kind->kind == k; };
  if (is(Kind::link_repair))
    return replace(f, format->spell_url(f.fix->replacement), "a URL repaired");
  if (f.category == "url-whitespace") {
    // The fix names the whole URL: the URL as written is rejoined, its own spelling kept.
    if (const Cited* c = places.url_at(f.span))
      return Edit{f.span.input, c->url->span.begin, c->url->span.end, rejoined(c->url->as_written),
                  f.rule,       "a URL rejoined",   nullptr};
    why = "the URL the fix names is not where the finding is";
    return std::nullopt;
  }
  if (is(Kind::link_redirect)) {
    if (!options.redirects) {
      why = "opt-in: --redirects";
      return std::nullopt;
    }
    return replace(f, format->spell_url(f.fix->replacement), "a moved URL updated");
  }
  if (is(Kind::archive_copy)) {
    const Cited* cited = places.url_at(f.span);
    if (!options.add_archive || !archive || !cited) {
      why = "opt-in: --add-archive";
      return std::nullopt;
    }
    if (!format->add_archive) {
      why = "citelint fix adds no archived copy to " + std::string(format->name) + " files";
      return std::nullopt;
    }
    ArchivedCopy copy{f.fix->replacement, ""};
    const auto date = archive_date(*cited->ref);
    const ArchiveLookup* l =
        date ? archive->find(archive_lookup_url(*cited->url), date->first) : nullptr;
    if (l && l->capture && l->capture->timestamp.size() >= 8)
      copy.date = timestamp_date(l->capture->timestamp);
    auto edit =
        format->add_archive({*corpus.documents[f.span.input], *cited->ref, *cited->url, copy}, why);
    if (edit) {
      edit->rule = f.rule;
      edit->what = "an archived copy added";
    }
    return edit;
  }
  why = "citelint fix writes URLs, dates and archived copies only";
  return std::nullopt;
}

}  // namespace

FixPlan plan_fixes(const Corpus& corpus, const std::vector<Finding>& findings,
                   const ArchiveReport* archive, const FixOptions& options) {
  FixPlan plan;
  const Places places(corpus);
  const std::vector<bool> iso = iso_lists(corpus);
  for (const Finding& f : findings) {
    if (!f.fix) continue;
    std::string why;
    if (auto edit = edit_for(corpus, f, archive, options, iso, places, why)) {
      edit->finding = &f;
      plan.edits.push_back(std::move(*edit));
    } else
      plan.skipped.push_back({&f, std::move(why)});
  }
  std::stable_sort(plan.edits.begin(), plan.edits.end(), [](const Edit& a, const Edit& b) {
    return std::tie(a.input, a.begin, a.end) < std::tie(b.input, b.begin, b.end);
  });
  // Two fixes of the same text: the first stands, the other waits for the next run.
  std::vector<Edit> kept;
  for (Edit& e : plan.edits) {
    const bool overlaps =
        !kept.empty() && kept.back().input == e.input &&
        (e.begin < kept.back().end || (e.begin == kept.back().begin && e.begin == e.end));
    if (overlaps)
      plan.skipped.push_back({e.finding, "another fix changes the same text first: run again"});
    else
      kept.push_back(std::move(e));
  }
  plan.edits = std::move(kept);
  return plan;
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  out.reserve(text.size());
  std::size_t at = 0;
  for (const Edit& e : edits) {
    out.append(text.substr(at, e.begin - at));
    out += e.text;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace citelint
