// CITELINT_TIMING=1 prints the time of each phase of a run (after the engine's per-rule times),
// with the resident memory after it: for anyone measuring citelint or writing rule packs.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace citelint::cli {

class PhaseTimer {
 public:
  void lap(const char* phase) {
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    Lap lap{phase, std::chrono::duration<double, std::milli>(now - last_).count(), 0, 0};
    read_rss(lap);
    laps_.push_back(lap);
    last_ = now;
  }
  ~PhaseTimer() {  // destroyed last in a run: after the run's memory is freed
    lap("free");
    for (const Lap& l : laps_)
      std::fprintf(stderr, "%9.2f ms  phase: %-18s RSS %6.1f MB, peak so far %6.1f MB\n", l.ms,
                   l.phase, static_cast<double>(l.rss_kb) / 1024,
                   static_cast<double>(l.peak_kb) / 1024);
  }

 private:
  struct Lap {
    const char* phase;
    double ms;
    long rss_kb, peak_kb;
  };
  // VmRSS: resident now; VmHWM: the most the process has had.
  static void read_rss(Lap& lap) {
    std::FILE* status = std::fopen("/proc/self/status", "r");
    if (!status) return;
    char line[256];
    while (std::fgets(line, sizeof line, status)) {
      std::sscanf(line, "VmHWM: %ld kB", &lap.peak_kb);
      std::sscanf(line, "VmRSS: %ld kB", &lap.rss_kb);
    }
    std::fclose(status);
  }

  bool on_ = std::getenv("CITELINT_TIMING") != nullptr;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<Lap> laps_;
};

}  // namespace citelint::cli
