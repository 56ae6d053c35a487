// How the GEMM paths use threads (NOTE: [GEMM threads] in gemm_driver.cpp): disjoint
// column ranges of C, handed out dynamically, with no barrier but the final join.
#pragma once

#include <algorithm>
#include <cstdint>

#include "core/thread_pool.hpp"

namespace lina::kernels {

// Calls f(lo, hi) for column ranges covering [0, n), each a whole number of `quantum`
// columns (but the last), on `nthreads` threads. Up to four chunks per thread, taken
// dynamically: a thread that the OS deschedules (other processes share the cores) holds
// back one chunk, not a whole half of the product. Chunks are at least `min_width`
// columns wide where that leaves one per thread: a range that packs all of A for itself
// must be wide enough to repay it (NOTE: [GEMM threads]).
template <class F>
void parallel_columns(std::int64_t n, std::int64_t quantum, int nthreads, F&& f, std::int64_t min_width = 0) {
  const std::int64_t units = (n + quantum - 1) / quantum;
  const std::int64_t wide_enough = std::max<std::int64_t>(nthreads, min_width > 0 ? n / min_width : units);
  const std::int64_t chunks = std::min({units, std::int64_t{4} * nthreads, wide_enough});
  auto chunk = [&](std::int64_t i) {
    const std::int64_t lo = std::min(n, units * i / chunks * quantum);
    const std::int64_t hi = std::min(n, units * (i + 1) / chunks * quantum);
    if (hi > lo) f(lo, hi);
  };
  detail::parallel_for(chunks, nthreads, chunk);
}

}  // namespace lina::kernels
