// Timing helpers shared by lina's benchmark programs and the C++ peers' programs. Each
// program prints one JSON record per line: {"group", "workload", "library", "threads",
// "seconds", "value", "unit"}.
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

// Per-call time of a call too short to time alone: the best of `reps` batches of
// `calls` calls, divided by `calls`.
template <class F>
double per_call_seconds(F&& f, int calls = 20000, int reps = 7) {
  return best_seconds(
             [&] {
               for (int i = 0; i < calls; ++i) f();
             },
             reps) /
         calls;
}

inline void record_as(const std::string& library, const std::string& group, const std::string& workload,
                      int threads, double seconds, double value, const std::string& unit) {
  std::printf(
      "{\"group\": \"%s\", \"workload\": \"%s\", \"library\": \"%s\", \"threads\": %d, "
      "\"seconds\": %.6g, \"value\": %.6g, \"unit\": \"%s\"}\n",
      group.c_str(), workload.c_str(), library.c_str(), threads, seconds, value, unit.c_str());
  std::fflush(stdout);
}

inline void record(const std::string& group, const std::string& workload, int threads,
                   double seconds, double value, const std::string& unit) {
  record_as("lina", group, workload, threads, seconds, value, unit);
}

}  // namespace bench
