// NOTE: [The thread pool]
// lina's loops run in parallel through one function, parallel_for(count, threads, body):
// body(i) is called once for every i in [0, count), by the calling thread and up to
// threads - 1 pool workers, which claim indices from a shared counter.
//
// Why not OpenMP regions: the cores here are shared with other processes. An OpenMP
// region ends in a barrier that waits for every thread of the team, including a worker
// the OS has not scheduled yet; with the second core busy, each region then costs a
// scheduler time slice (milliseconds) instead of microseconds, and a training epoch that
// takes 0.56 s on an idle machine took 12 s (docs/decisions.md, "Threads"). Here the
// caller works through the indices itself and, when none are left, waits only for the
// workers that actually took one. A worker that wakes up late finds the job closed and
// goes back to sleep. So two threads are never slower than one by more than one index's
// work, whatever the load.
//
// Results must not depend on which thread runs an index: callers that combine partial
// results index them by i, never by thread.
//
// Serial (body called in order on the calling thread) when threads <= 1, count <= 1,
// from inside a pool worker or the user's own OpenMP region (no oversubscription), or
// while another thread of the program is using the pool.
#pragma once

#include <cstdint>
#include <type_traits>

namespace lina::detail {

using ParallelBody = void (*)(void* context, std::int64_t index);

void parallel_for_erased(std::int64_t count, int threads, ParallelBody body, void* context);

template <class F>
void parallel_for(std::int64_t count, int threads, F&& body) {
  using Body = std::remove_reference_t<F>;
  parallel_for_erased(
      count, threads, [](void* c, std::int64_t i) { (*static_cast<Body*>(c))(i); },
      const_cast<void*>(static_cast<const void*>(&body)));
}

// Whether parallel_for would run in parallel if called here now (false inside a worker
// or a user's OpenMP region); lets callers skip splitting work that would run serially.
bool can_run_parallel();

}  // namespace lina::detail
