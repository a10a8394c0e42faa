// Work that is the same for each item of a list, spread over the machine's cores: extraction
// reads each reference on its own (the references are independent; the Document they share
// keeps one cursor per thread, model.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <future>

namespace citelint::parallel {

// The calling thread's number: 0 for the main thread, 1 and up for the threads for_each starts.
std::size_t worker();

// How many threads for_each runs: the cores, at most kMaxThreads; CITELINT_THREADS=N sets it
// (1: everything on the calling thread, as a baseline for benchmarks and for debugging).
inline constexpr std::size_t kMaxThreads = 4;
std::size_t threads();
// Sets threads() for what follows (tests compare runs on one thread and on several); 0 goes
// back to the cores or CITELINT_THREADS.
void set_threads(std::size_t n);

// Calls f(i) once for each i in [0, n), in chunks of `chunk` consecutive items taken by threads()
// threads in turn; returns when all are done. Each f(i) must touch only the item i and what is
// safe to share: const data, and a Document (its cursors are per thread). A list of one chunk
// runs on the calling thread alone, as does a call from inside f. An exception thrown by f is
// thrown again here, once all have stopped.
void for_each(std::size_t n, std::size_t chunk, const std::function<void(std::size_t)>& f);

// Gives the memory that ended threads freed back to the calling (main) thread's allocator:
// mimalloc keeps a heap per thread, and an ended thread's pages are taken back only when the main
// thread asks. Without mimalloc linked in, nothing to do.
void reclaim_memory();

// Starts f on a thread of its own where there are cores to spare; its future's get() waits for
// it and gives its result. On one core f runs at get() instead, on the caller's thread: get()
// it always. f's thread is no worker: f must neither read a Document's positions (span, keep)
// nor call for_each.
template <class F>
auto in_background(F&& f) {
  return std::async(threads() > 1 ? std::launch::async : std::launch::deferred, std::forward<F>(f));
}

}  // namespace citelint::parallel
