// Link rot over time (src/history/): every URL's checks kept over runs in the cache, and what
// they say of a link beyond one check's verdict: dead for sure or failing still (a confirmation
// policy, as InternetArchiveBot's), broken since when, and a page that answers but drifted
// from what the reference cites. docs/link-rot.md explains it.
#pragma once

#include <string>
#include <vector>

#include "citelint/archive.hpp"
#include "citelint/check.hpp"
#include "citelint/model.hpp"

namespace citelint {

// links.confirm: a failing link is called broken only after `checks` failed checks in a row,
// the first at least `days` days before the last. Off (checks 0): one check decides.
struct ConfirmPolicy {
  int checks = 0;
  int days = 0;
  bool on() const { return checks > 0; }
};
constexpr ConfirmPolicy kDefaultConfirm{3, 3};
constexpr int kHistoryKept = 32;       // checks kept per URL; the streaks stay whole
constexpr int kHistoryDays = 2 * 365;  // and none older than two years

// Records this run's checks (not the cache's answers) in the cache's history, gives every
// result its streak, and, under a policy, makes a broken or soft-404 link not yet confirmed
// failing. Nothing (and a warning) when the run keeps no cache.
void apply_history(CheckReport& links, const CheckOptions& options, const ConfirmPolicy& confirm,
                   long long now);

// A time (seconds since the epoch) as its UTC date, YYYY-MM-DD.
std::string utc_date(long long when);

// Whether a check with this status failed (broken, soft 404, parked, or no answer) or found the
// page (ok, a redirect): the rest (blocked, skipped ...) neither extends a streak nor ends it.
bool failed_check(LinkStatus status);
bool found_check(LinkStatus status);

// "broken since 2026-11-30, 3 checks", "first seen broken today": a result's history in words;
// empty when it has none, or is on no streak.
std::string history_note(const LinkResult& result, long long now);

// Drift: a URL whose page names itself (LinkResult::title) with no word in common with any
// reference citing it (outside its URLs; its host's name counts) becomes drifted. Returns
// how many did.
std::size_t find_drift(const Corpus& corpus, CheckReport& links);

// What the reference says it cites, for messages: a title field's, a quoted title, a
// <article-title>; empty when none stands out.
std::string cited_title(std::string_view entry_text);

// A page's first name (LinkResult::title's first line), in quotes: 'Annual report 2019'.
std::string quoted_title(const std::string& names);

// The capture from the access day as a second witness (--archive): each drifted URL whose
// capture names itself as the reference does is said so, with the capture as the fix; one
// whose capture differs as much was never named as cited, and is drifted no longer.
void witness_drift(const Corpus& corpus, CheckReport& links, const ArchiveReport& archive,
                   const CheckOptions& options);

}  // namespace citelint
