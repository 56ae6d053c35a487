// Timing helpers shared by lina's benchmark programs. Each program prints one JSON
// record per line: {"group", "workload", "library", "threads", "seconds", "value", "unit"}.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

namespace bench {

// Best-of-`reps` wall time of f() in seconds (the minimum is the least noisy statistic
// on a shared machine), after one warm-up call.
template <class F>
double best_seconds(F&& f, int reps = 7) {
  f();
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
  }
  return best;
}

inline void record(const std::string& group, const std::string& workload, int threads,
                   double seconds, double value, const std::string& unit) {
  std::printf(
      "{\"group\": \"%s\", \"workload\": \"%s\", \"library\": \"lina\", \"threads\": %d, "
      "\"seconds\": %.6g, \"value\": %.6g, \"unit\": \"%s\"}\n",
      group.c_str(), workload.c_str(), threads, seconds, value, unit.c_str());
  std::fflush(stdout);
}

}  // namespace bench
