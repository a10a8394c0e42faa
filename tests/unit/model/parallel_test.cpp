#include "model/parallel.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "citelint/model.hpp"

using namespace citelint;

namespace {

// Runs the test with n threads, then goes back to the machine's number.
struct Threads {
  explicit Threads(std::size_t n) { parallel::set_threads(n); }
  ~Threads() { parallel::set_threads(0); }
};

}  // namespace

TEST_CASE("for_each calls f once for each item, on several workers") {
  const Threads four(4);
  std::vector<std::atomic<int>> calls(10'000);
  std::vector<std::atomic<bool>> worker_seen(parallel::kMaxThreads);
  parallel::for_each(calls.size(), 16, [&](std::size_t i) {
    ++calls[i];
    worker_seen[parallel::worker()] = true;
    if (i % 1000 == 0) std::this_thread::yield();
  });
  for (const auto& c : calls) REQUIRE(c == 1);
  int workers = 0;
  for (const auto& seen : worker_seen) workers += seen;
  CHECK(workers >= 1);  // how many took a chunk is up to the scheduler
  CHECK(parallel::worker() == 0);
}

TEST_CASE("for_each on one thread, or called from inside f, runs in order on the caller") {
  SECTION("one thread") {
    const Threads one(1);
    std::vector<std::size_t> order;
    parallel::for_each(1000, 1, [&](std::size_t i) { order.push_back(i); });
    REQUIRE(order.size() == 1000);
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
  }
  SECTION("nested") {
    const Threads four(4);
    std::vector<std::atomic<int>> calls(64 * 64);
    parallel::for_each(64, 1, [&](std::size_t outer) {
      const std::size_t me = parallel::worker();
      parallel::for_each(64, 1, [&](std::size_t inner) {
        CHECK(parallel::worker() == me);  // a nested call starts no thread
        ++calls[outer * 64 + inner];
      });
    });
    for (const auto& c : calls) REQUIRE(c == 1);
  }
}

TEST_CASE("an exception in f reaches for_each's caller once all have stopped") {
  const Threads four(4);
  std::atomic<int> done{0};
  CHECK_THROWS_AS(parallel::for_each(10'000, 8,
                                     [&](std::size_t i) {
                                       if (i == 5000) throw std::runtime_error("item 5000");
                                       ++done;
                                     }),
                  std::runtime_error);
  CHECK(done < 10'000);
}

TEST_CASE("in_background's result arrives at get(), on one thread or more") {
  for (const std::size_t n : {1, 2}) {
    const Threads t(n);
    auto f = parallel::in_background([] { return 42; });
    CHECK(f.get() == 42);
  }
}

TEST_CASE("a document gives the same spans and keeps the same text when threads ask at once") {
  // Lines of mixed scripts, so columns are counted in code points, not bytes.
  std::string text;
  for (int i = 0; i < 4000; ++i)
    text += "[" + std::to_string(i + 1) + "] 张三, Smith J. 标题 title " + std::to_string(i) +
            " https://example.org/" + std::to_string(i) + "\n";
  const Document doc(0, "t.txt", text);
  std::vector<std::size_t> offsets;
  for (std::size_t at = 0; (at = text.find("https://", at)) != std::string::npos; ++at)
    offsets.push_back(at);
  std::vector<Span> serial;
  for (const std::size_t o : offsets) serial.push_back(doc.span(o, o + 8));

  const Threads four(4);
  std::vector<Span> spans(offsets.size());
  std::vector<std::string_view> kept(offsets.size());
  parallel::for_each(offsets.size(), 32, [&](std::size_t i) {
    spans[i] = doc.span(offsets[i], offsets[i] + 8);
    kept[i] = doc.keep("kept " + std::to_string(i));
  });
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    INFO("span " << i);
    REQUIRE(spans[i].line == serial[i].line);
    REQUIRE(spans[i].column == serial[i].column);
    REQUIRE(spans[i].end_column == serial[i].end_column);
    REQUIRE(kept[i] == "kept " + std::to_string(i));
  }
}
