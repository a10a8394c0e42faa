// find_archived_copies: for each dead link and the date its reference gives, the capture the
// archive holds from nearest that day, preferring the newest at or before it (the page as the
// author read it), else the first after it. Asked in this order, each step only when the ones
// before left that open:
//   1. the availability API (one request; it gives the closest capture either side);
//   2. the CDX API for the newest capture up to the end of the day;
//   3. the Memento TimeGate, when one is configured, and the memento it names (to see that it
//      is a capture of the page, and when it was taken);
//   4. the CDX API for the first capture after the day (unless one is known already, or the
//      availability API answered that the archive has nothing).
#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <memory>

#include "archive/capture.hpp"
#include "citelint/kinds.hpp"
#include "net/cache.hpp"
#include "net/scheduler.hpp"

namespace citelint {

namespace {

using archive::Answer;

struct Lookup {
  ArchiveLookup* out = nullptr;
  long day = 0;  // the date looked for
  std::optional<Capture> before, after;
  std::vector<std::string> errors;
  bool archive_has_none = false;  // the availability API answered, with nothing
};

class Finder {
 public:
  Finder(net::Scheduler& scheduler, const ArchiveOptions& options)
      : scheduler_(scheduler), options_(options) {}

  void start(Lookup& l) {
    scheduler_.ask(archive::availability_url(options_, l.out->url, l.out->date), {},
                   [this, &l](net::Response r) {
                     const Answer a = archive::read_availability(r);
                     l.archive_has_none = a.error.empty() && !a.capture;
                     consider(l, a);
                     if (!l.before) cdx(l, true);
                   });
  }

 private:
  void cdx(Lookup& l, bool before) {
    scheduler_.ask(archive::cdx_url(options_, l.out->url, l.out->date, before), {},
                   [this, &l, before](net::Response r) {
                     consider(l, archive::read_cdx(options_, r));
                     if (!before || l.before) return;
                     if (!options_.memento_timegate.empty()) return memento(l);
                     if (!l.after && !l.archive_has_none) cdx(l, false);
                   });
  }

  void memento(Lookup& l) {
    const std::string asked = archive::timegate_url(options_, l.out->url);
    scheduler_.ask(
        asked, {archive::accept_datetime(l.out->date)}, [this, &l, asked](net::Response r) {
          archive::TimeGateAnswer t = archive::read_timegate(r, asked);
          if (t.memento.empty()) {
            consider(l, t.answer);
            if (!l.before && !l.after && !l.archive_has_none) cdx(l, false);
            return;
          }
          const std::string stated = t.answer.capture ? t.answer.capture->timestamp : "";
          scheduler_.ask(t.memento, {}, [this, &l, memento = t.memento, stated](net::Response m) {
            consider(l, archive::read_memento(m, memento, stated));
            if (!l.before && !l.after && !l.archive_has_none) cdx(l, false);
          });
        });
  }

  // Keeps the capture when it is the best on its side of the date so far.
  static void consider(Lookup& l, const Answer& a) {
    if (!a.error.empty()) l.errors.push_back(a.error);
    if (!a.capture) return;
    Capture c = *a.capture;
    c.days = static_cast<int>(*archive::timestamp_day(c.timestamp) - l.day);
    if (c.days <= 0) {
      if (!l.before || c.timestamp > l.before->timestamp) l.before = std::move(c);
    } else if (!l.after || c.timestamp < l.after->timestamp) {
      l.after = std::move(c);
    }
  }

  net::Scheduler& scheduler_;
  const ArchiveOptions& options_;
};

// Which archive a cached answer came from: answers from another are not reused.
std::string archive_key(const ArchiveOptions& o) {
  return (o.endpoint.empty() ? "wayback" : o.endpoint) + " " + o.memento_timegate;
}

int last_day(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string_view date_words(DateRole role) {
  switch (role) {
    case DateRole::accessed:
      return "the access date";
    case DateRole::updated:
      return "the update date";
    default:
      return "the publication date";
  }
}

std::string days_words(int days) {
  if (days == 0) return "the same day as";
  const int n = std::abs(days);
  return std::to_string(n) + (n == 1 ? " day " : " days ") + (days < 0 ? "before" : "after");
}

}  // namespace

std::string archive_lookup_url(const Url& u) {
  if (u.archived)
    if (auto archived = parse_archive_url(u.normalised)) return archived->original;
  return std::string(u.normalised);
}

namespace {

bool repaired(const Url& u, const RepairReport* repairs) {
  return repairs && repairs->find(u.normalised);
}

}  // namespace

bool wants_archive(LinkStatus s) {
  return s == LinkStatus::broken || s == LinkStatus::soft_404 || s == LinkStatus::blocked ||
         s == LinkStatus::dns_error || s == LinkStatus::parked || s == LinkStatus::drifted ||
         s == LinkStatus::failing;
}

std::optional<std::pair<std::string, DateRole>> archive_date(const Reference& ref) {
  for (const DateRole role :
       {DateRole::accessed, DateRole::published, DateRole::updated, DateRole::year}) {
    for (const Date& d : ref.dates) {
      if (d.role != role || d.year < 1990 || d.month > 12) continue;
      const int month = d.month ? d.month : 12;
      const int day = d.day ? d.day : last_day(d.year, month);
      if (day > last_day(d.year, month)) continue;
      char buf[48];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, month, day);
      return std::pair<std::string, DateRole>(buf, role);
    }
  }
  return std::nullopt;
}

const ArchiveLookup* ArchiveReport::find(std::string_view url, std::string_view date) const {
  const auto it = std::lower_bound(
      lookups.begin(), lookups.end(), std::pair(url, date),
      [](const ArchiveLookup& l, const std::pair<std::string_view, std::string_view>& key) {
        return std::pair<std::string_view, std::string_view>(l.url, l.date) < key;
      });
  return it != lookups.end() && it->url == url && it->date == date ? &*it : nullptr;
}

ArchiveReport find_archived_copies(const Corpus& corpus, const CheckReport& links,
                                   const CheckOptions& network, const ArchiveOptions& options,
                                   const RepairReport* repairs) {
  ArchiveReport report;
  if (links.network_down) return report;
  for (const Reference& ref : corpus.references) {
    const auto date = archive_date(ref);
    if (!date) continue;
    for (const Url& u : ref.urls) {
      const LinkResult* r = u.valid ? links.results.find(u.normalised) : nullptr;
      if (!r || !wants_archive(r->status) || repaired(u, repairs)) continue;
      ArchiveLookup l;
      l.url = archive_lookup_url(u);
      l.date = date->first;
      l.role = date->second;
      report.lookups.push_back(std::move(l));
    }
  }
  auto key = [](const ArchiveLookup& l) { return std::tie(l.url, l.date); };
  std::sort(report.lookups.begin(), report.lookups.end(),
            [&](const ArchiveLookup& a, const ArchiveLookup& b) { return key(a) < key(b); });
  report.lookups.erase(
      std::unique(report.lookups.begin(), report.lookups.end(),
                  [&](const ArchiveLookup& a, const ArchiveLookup& b) { return key(a) == key(b); }),
      report.lookups.end());
  if (report.lookups.empty()) return report;

  const std::unique_ptr<net::LinkCache> cache = net::open_cache(network, report.warnings);
  const std::string archive = archive_key(options);
  // The Internet Archive asks API clients to go gently: one request at a time per host, a
  // second apart, unless the run's per-host settings say otherwise.
  CheckOptions polite = network;
  if (options.endpoint.empty())
    for (const char* host : {"archive.org", "web.archive.org"})
      if (!polite.hosts.count(host))
        polite.hosts[host] = HostPolicy{1, std::chrono::milliseconds(1000)};
  boost::asio::io_context io;
  net::Scheduler scheduler(io, polite);
  Finder finder(scheduler, options);
  std::vector<std::unique_ptr<Lookup>> asked;
  for (ArchiveLookup& l : report.lookups) {
    if (cache) {
      if (auto cached = cache->find_archive(archive, l.url, l.date, network.cache_max_age)) {
        l.capture = std::move(cached->capture);
        l.from_cache = true;
        if (l.capture)
          l.capture->days = static_cast<int>(*archive::timestamp_day(l.capture->timestamp) -
                                             *archive::date_day(l.date));
        else
          l.why = "the archive has no capture of it";
        continue;
      }
    }
    auto lookup = std::make_unique<Lookup>();
    lookup->out = &l;
    lookup->day = *archive::date_day(l.date);
    finder.start(*lookup);
    asked.push_back(std::move(lookup));
  }
  scheduler.run();
  report.requests = scheduler.requests();

  if (cache) cache->begin();
  for (const auto& lookup : asked) {
    ArchiveLookup& l = *lookup->out;
    l.capture = lookup->before ? lookup->before : lookup->after;
    if (!l.capture) {
      std::string why;
      for (const std::string& e : lookup->errors) why += (why.empty() ? "" : "; ") + e;
      l.why = why.empty() ? "the archive has no capture of it" : "could not ask: " + why;
    }
    // What the archive said is kept; a failure to ask is not.
    if (cache && (l.capture || lookup->errors.empty())) cache->store_archive(archive, l);
  }
  if (cache) cache->commit();
  return report;
}

std::vector<Finding> archive_findings(const Corpus& corpus, const CheckReport& links,
                                      const ArchiveReport& archive, const RepairReport* repairs) {
  std::vector<Finding> findings;
  if (links.network_down) return findings;
  for (const Reference& ref : corpus.references) {
    std::optional<std::pair<std::string, DateRole>> date;
    bool dated = false;
    for (const Url& u : ref.urls) {
      const LinkResult* r = u.valid ? links.results.find(u.normalised) : nullptr;
      if (!r || !wants_archive(r->status) || repaired(u, repairs)) continue;
      if (!dated) {
        date = archive_date(ref);
        dated = true;
      }
      Finding f = url_finding(ref, u, Kind::archive_copy, "");
      const ArchiveLookup* l = date ? archive.find(archive_lookup_url(u), date->first) : nullptr;
      if (!date) {
        f.rule = finding_kind(Kind::archive_none).id;
        f.message =
            "no archived copy looked for: the reference gives no access or publication date";
      } else if (!l) {
        continue;  // not looked up (archives not asked)
      } else if (l->capture) {
        const Capture& c = *l->capture;
        f.message = "an archived copy from " + timestamp_date(c.timestamp) + ", " +
                    days_words(c.days) + " " + std::string(date_words(date->second)) + " " +
                    l->date + ": " + c.url;
        f.fix = Fix{c.url, true};
      } else {
        f.rule = finding_kind(Kind::archive_none).id;
        f.message = "no archived copy found near " + std::string(date_words(date->second)) + " " +
                    l->date + ": " + l->why;
      }
      findings.push_back(std::move(f));
    }
  }
  return findings;
}

}  // namespace citelint
