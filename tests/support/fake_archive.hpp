// An in-process fake of a web archive, on a FakeWeb: the Wayback Machine's availability API
// (/wayback/available) and CDX API (/cdx/search/cdx), captures at /web/<timestamp>/<url>, and a
// Memento TimeGate at /timegate/<url>. Each API can be made to fail as real ones do.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "support/fake_web.hpp"

namespace citelint::test {

class FakeArchive {
 public:
  enum class Mode {
    normal,
    down,       // 503, every time
    slow,       // answers after 3 s
    malformed,  // 200 with a body that is not the API's JSON
    empty,      // 200 with an empty body
  };
  // How the TimeGate names the memento's datetime: in a Link header, in the memento's URL
  // (/web/<timestamp>/...), or only in the memento's own Memento-Datetime header.
  enum class TimeGateStyle { link, url, header };

  explicit FakeArchive(FakeWeb& web);

  // A capture of `url` (as citelint asks for it) at `timestamp` (14 digits) with `status`; its
  // page's <title> is `title`.
  void add(const std::string& url, const std::string& timestamp, int status = 200,
           const std::string& title = "Archived");
  void availability(Mode m);
  void cdx(Mode m);
  void timegate(Mode m, TimeGateStyle style = TimeGateStyle::link);

  // The Accept-Datetime of the TimeGate's last request; empty before one.
  std::string last_accept_datetime() const;

  // The base URL for --archive-endpoint and the TimeGate's for --memento-timegate, on `host`.
  std::string endpoint(const std::string& host) const;
  std::string timegate_url(const std::string& host) const;

 private:
  struct Capture {
    std::string url, timestamp;
    int status;
    std::string title;
  };
  struct State;
  std::shared_ptr<State> state_;
  FakeWeb& web_;
};

}  // namespace citelint::test
