// A run spread over several threads (extraction, the two groups of lint scopes, the JSON
// report's references) reports byte for byte what a run on one thread reports.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/cli.hpp"

using namespace citelint_test;

namespace {

// `citelint ARGS` with CITELINT_THREADS=n.
Run run_on_threads(int n, const std::string& args) {
  ::setenv("CITELINT_THREADS", std::to_string(n).c_str(), 1);
  Run r = run_citelint(args);
  ::unsetenv("CITELINT_THREADS");
  return r;
}

}  // namespace

TEST_CASE("a run on four threads reports exactly what a run on one does") {
  // 9,000 entries: more than one lint batch (4,096) and one window of report groups (512 a
  // thread), with the benchmark's defects (about one entry in ten) for findings.
  const fs::path list =
      fs::temp_directory_path() / ("citelint-threads-" + std::to_string(getpid()) + ".txt");
  REQUIRE(std::system((std::string(CITELINT_BENCH_GEN) + " 9000 7 > " + list.string()).c_str()) ==
          0);
  for (const std::string format : {"json", "text", "sarif"}) {
    INFO(format);
    const std::string args = "check --offline --as-of 2024-01-01 --fail-on never --format " +
                             format + " " + list.string();
    const Run one = run_on_threads(1, args), four = run_on_threads(4, args);
    REQUIRE(one.exit == 0);
    REQUIRE(four.exit == 0);
    CHECK(one.out.size() > 100'000);  // findings in every format
    CHECK(one.out == four.out);
    CHECK(one.err == four.err);
  }
  if (const Run json = run_on_threads(4,
                                      "check --offline --as-of 2024-01-01 --fail-on never "
                                      "--format json " +
                                          list.string());
      json.exit == 0) {
    CHECK(json.out.find("\"findings\":[{") != std::string::npos);
    CHECK(json.out.find("\"references\":[{\"id\":\"1\"") != std::string::npos);
  }
  fs::remove(list);
}
