// Timing helpers shared by lina's benchmark programs and the C++ peers' programs. Each
// program prints one JSON record per line: {"group", "workload", "library", "threads",
// "seconds", "value", "unit"}.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

// Once the calls (the warm-up included) have taken this many seconds, best_seconds
// stops: a peer that takes seconds per call (xtensor's softmax, 5 s) would otherwise
// take most of a run. No row of lina's comes near it.
inline constexpr double kTimeBudgetSeconds = 3.0;

template <class F>
double seconds_of(F& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Warm-up calls run for at least this long (at least one call), so that a library's
// sleeping worker threads are awake when the timing starts.
inline constexpr double kWarmUpSeconds = 0.02;

// NOTE: [Settled main thread]
// Every benchmark program first keeps its main thread busy for kSettleSeconds. In a
// fresh process Linux's load tracking still rates the main thread as light, and it
// queues a library's new or woken worker thread on the main thread's CPU, where it
// waits while the main thread runs, until the balancer moves it milliseconds later.
// lina's sgemm 256 on two threads ran at one thread's speed (215 against 430 GFLOP/s)
// in the first 3 ms of 7 starts out of 10, and in 0 of 10 after 300 ms of busy work;
// every multi-threaded library gets the same start here (the Python peers' imports
// already take longer than this).
inline constexpr double kSettleSeconds = 0.3;

inline void settle_main_thread() {
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(kSettleSeconds);
  volatile unsigned spin = 0;
  while (std::chrono::steady_clock::now() < end) spin = spin + 1;
}

// Best-of-`reps` wall time of f() in seconds (the minimum is the least noisy statistic
// on a shared machine), after kWarmUpSeconds of warm-up calls; fewer repetitions, at
// least one, for a call slow enough to spend kTimeBudgetSeconds.
template <class F>
double best_seconds(F&& f, int reps = 7) {
  double spent = 0, best = 1e300;
  do spent += seconds_of(f);
  while (spent < kWarmUpSeconds);
  for (int r = 0; r < reps && (r == 0 || spent < kTimeBudgetSeconds); ++r) {
    const double s = seconds_of(f);
    best = std::min(best, s);
    spent += s;
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

// True under bench/compare --quick (LINA_BENCH_QUICK=1): fewer repetitions.
inline bool quick() {
  const char* q = std::getenv("LINA_BENCH_QUICK");
  return q != nullptr && q[0] == '1';
}

// The thread counts to measure, from LINA_BENCH_THREADS ("1", "2" or "1 2"; both when
// unset). bench/compare runs every program once per count, the one-thread run pinned to
// one CPU (NOTE: [One-thread rows on one CPU] in docs/performance.md).
inline std::vector<int> thread_counts() {
  const char* env = std::getenv("LINA_BENCH_THREADS");
  std::vector<int> counts;
  std::istringstream in(env != nullptr ? env : "1 2");
  for (int t; in >> t;) counts.push_back(t);
  return counts;
}

inline bool measures_threads(int t) {
  for (int c : thread_counts())
    if (c == t) return true;
  return false;
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
