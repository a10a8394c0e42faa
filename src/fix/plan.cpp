// Which of a run's fixes citelint fix applies, and the edits they make (include/citelint/fix.hpp).
#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "citelint/extract.hpp"
#include "citelint/fix.hpp"

namespace citelint {

namespace {

struct Cited {
  const Reference* ref;
  const Url* url;
};

// Every URL of the corpus by where it is written.
std::map<std::pair<std::uint32_t, std::size_t>, Cited> urls_by_place(const Corpus& corpus) {
  std::map<std::pair<std::uint32_t, std::size_t>, Cited> out;
  for (const Reference& ref : corpus.references)
    for (const Url& u : ref.urls) out[{u.span.input, u.span.begin}] = {&ref, &u};
  return out;
}

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
std::string date_fix_problem(const Corpus& corpus, const Finding& f, const std::vector<bool>& iso) {
  const auto fixed = parse_date(f.fix->replacement);
  if (!fixed || !fixed->valid) return "the fix is no valid date";
  for (const Reference& ref : corpus.references)
    for (const Date& d : ref.dates) {
      if (d.span.input != f.span.input || d.span.end <= f.span.begin || d.span.begin >= f.span.end)
        continue;
      if (d.year != fixed->year || (fixed->month && d.month != fixed->month) ||
          (fixed->day && d.day != fixed->day))
        return "the fix would change the date, not only its form";
      if (fixed->day && !iso[f.span.input])
        return "the list writes its dates otherwise than YYYY-MM-DD";
      return {};
    }
  return "no date of the reference is where the finding is";
}

// A URL as written without the gaps a line wrap or extraction left in it (white space, soft
// hyphens, zero-width spaces).
std::string rejoined(std::string_view written) {
  std::string out;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (written.compare(i, 2, "\xC2\xAD") == 0) {
      ++i;
      continue;
    }
    if (written.compare(i, 3, "\xE2\x80\x8B") == 0) {
      i += 2;
      continue;
    }
    out += c;
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
                             const std::map<std::pair<std::uint32_t, std::size_t>, Cited>& urls,
                             std::string& why) {
  const FixFormat* format = format_of(corpus, f);
  if (!format) {
    why = "citelint fix does not write " + corpus.documents[f.span.input]->format() + " files";
    return std::nullopt;
  }
  if (f.category == "date-format") {
    why = date_fix_problem(corpus, f, iso);
    if (!why.empty()) return std::nullopt;
    return replace(f, f.fix->replacement, "a date written in the list's form");
  }
  if (!f.fix->verified) {
    why = "not verified";
    return std::nullopt;
  }
  if (f.rule == "link/repair")
    return replace(f, format->spell_url(f.fix->replacement), "a URL repaired");
  if (f.category == "url-whitespace") {
    // The fix names the whole URL: the URL as written is rejoined, its own spelling kept.
    for (const Reference& ref : corpus.references)
      for (const Url& u : ref.urls)
        if (u.span.input == f.span.input && u.span.begin <= f.span.begin &&
            f.span.end <= u.span.end)
          return Edit{f.span.input, u.span.begin,     u.span.end, rejoined(u.as_written),
                      f.rule,       "a URL rejoined", nullptr};
    why = "the URL the fix names is not where the finding is";
    return std::nullopt;
  }
  if (f.rule == "link/redirect") {
    if (!options.redirects) {
      why = "opt-in: --redirects";
      return std::nullopt;
    }
    return replace(f, format->spell_url(f.fix->replacement), "a moved URL updated");
  }
  if (f.rule == "archive/copy") {
    const auto cited = urls.find({f.span.input, f.span.begin});
    if (!options.add_archive || !archive || cited == urls.end()) {
      why = "opt-in: --add-archive";
      return std::nullopt;
    }
    if (!format->add_archive) {
      why = "citelint fix adds no archived copy to " + std::string(format->name) + " files";
      return std::nullopt;
    }
    ArchivedCopy copy{f.fix->replacement, ""};
    for (const ArchiveLookup& l : archive->lookups)
      if (l.capture && l.capture->url == copy.url && l.capture->timestamp.size() >= 8) {
        const std::string& t = l.capture->timestamp;
        copy.date = t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2);
      }
    auto edit = format->add_archive(
        {*corpus.documents[f.span.input], *cited->second.ref, *cited->second.url, copy}, why);
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
  const auto urls = urls_by_place(corpus);
  const std::vector<bool> iso = iso_lists(corpus);
  for (const Finding& f : findings) {
    if (!f.fix) continue;
    std::string why;
    if (auto edit = edit_for(corpus, f, archive, options, iso, urls, why)) {
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
