#include "model/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

// mimalloc's, where the binary links it (a weak reference: null otherwise).
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace citelint::parallel {

namespace {

thread_local std::size_t this_worker = 0;
thread_local bool inside = false;  // running f for for_each: a call from f runs serially

std::size_t asked_threads() {
  if (const char* env = std::getenv("CITELINT_THREADS")) {
    const long asked = std::strtol(env, nullptr, 10);
    if (asked >= 1) return std::min<std::size_t>(static_cast<std::size_t>(asked), kMaxThreads);
  }
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxThreads);
}

std::atomic<std::size_t> thread_count{asked_threads()};

}  // namespace

std::size_t worker() { return this_worker; }

std::size_t threads() { return thread_count.load(std::memory_order_relaxed); }

void set_threads(std::size_t n) {
  thread_count = n == 0 ? asked_threads() : std::min(n, kMaxThreads);
}

void reclaim_memory() {
  if (mi_collect) mi_collect(true);
}

void for_each(std::size_t n, std::size_t chunk, const std::function<void(std::size_t)>& f) {
  chunk = std::max<std::size_t>(chunk, 1);
  const std::size_t count = std::min(threads(), (n + chunk - 1) / chunk);
  if (count <= 1 || inside) {
    for (std::size_t i = 0; i < n; ++i) f(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failed;
  std::mutex failed_mutex;
  auto work = [&](std::size_t me) {
    this_worker = me;
    inside = true;
    try {
      for (std::size_t begin; (begin = next.fetch_add(chunk)) < n;)
        for (std::size_t i = begin, end = std::min(n, begin + chunk); i < end; ++i) f(i);
    } catch (...) {
      const std::lock_guard lock(failed_mutex);
      if (!failed) failed = std::current_exception();
      next = n;  // the others stop after their chunk
    }
    inside = false;
  };
  std::vector<std::thread> started;
  try {
    for (std::size_t t = 1; t < count; ++t) started.emplace_back(work, t);
  } catch (const std::system_error&) {
    // No more threads to be had: those started, and this one, do all the work.
  }
  work(0);
  for (std::thread& t : started) t.join();
  if (failed) std::rethrow_exception(failed);
}

}  // namespace citelint::parallel
