// The thread pool behind lina's parallel loops (src/core/thread_pool.hpp): every index
// runs exactly once, whatever the thread count, the load or the nesting; exceptions reach
// the caller after every started index has finished; calls from several user threads at
// once, from inside a job and from inside a user's OpenMP region all complete; a child
// process after fork() can still run parallel loops.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/thread_pool.hpp"
#include "lina/lina.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

using lina::detail::parallel_for;

std::vector<int> run_counts(std::int64_t count, int threads) {
  std::vector<std::atomic<int>> hits(static_cast<std::size_t>(count));
  parallel_for(count, threads, [&](std::int64_t i) { hits[static_cast<std::size_t>(i)].fetch_add(1); });
  std::vector<int> out;
  for (auto& h : hits) out.push_back(h.load());
  return out;
}

TEST(ThreadPool, EveryIndexRunsExactlyOnce) {
  for (int threads : {1, 2, 3, 8})
    for (std::int64_t count : {0, 1, 2, 3, 7, 64, 1000, 100'000}) {
      const std::vector<int> hits = run_counts(count, threads);
      ASSERT_EQ(static_cast<std::int64_t>(hits.size()), count);
      for (std::size_t i = 0; i < hits.size(); ++i)
        ASSERT_EQ(hits[i], 1) << "index " << i << " of " << count << " on " << threads << " threads";
    }
}

TEST(ThreadPool, UsesMoreThanOneThreadWhenWorkWaits) {
  // Each index sleeps, so a worker that is awake has time to join; several thread ids
  // must show up at least once in many tries (the caller alone would be one id).
  bool saw_two = false;
  for (int attempt = 0; attempt < 50 && !saw_two; ++attempt) {
    std::vector<std::thread::id> ids(16);
    parallel_for(16, 2, [&](std::int64_t i) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      ids[static_cast<std::size_t>(i)] = std::this_thread::get_id();
    });
    for (const auto& id : ids) saw_two = saw_two || id != ids[0];
  }
  EXPECT_TRUE(saw_two);
}

TEST(ThreadPool, ManyJobsInARowAllComplete) {
  // Jobs far shorter than a worker's wake-up: workers that arrive late must find the job
  // closed, never run an index of a finished job or miss one of the next.
  std::atomic<std::int64_t> total{0};
  for (int job = 0; job < 20'000; ++job)
    parallel_for(3, 2, [&](std::int64_t i) { total.fetch_add(i + 1, std::memory_order_relaxed); });
  EXPECT_EQ(total.load(), 20'000 * 6);
}

TEST(ThreadPool, ExceptionReachesTheCallerAfterTheOthersFinish) {
  for (int threads : {1, 2, 4}) {
    std::atomic<int> running{0}, finished{0};
    try {
      parallel_for(64, threads, [&](std::int64_t i) {
        running.fetch_add(1);
        if (i == 5) throw std::runtime_error("index five");
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        finished.fetch_add(1);
      });
      ADD_FAILURE() << "no exception on " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "index five");
    }
    // Nothing of the job may still be running once the exception has arrived.
    const int settled = finished.load();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(finished.load(), settled);
    EXPECT_EQ(running.load(), settled + 1);
  }
}

TEST(ThreadPool, NestedCallsRunOnTheCallingThread) {
  std::vector<std::atomic<int>> hits(8 * 100);
  parallel_for(8, 2, [&](std::int64_t outer) {
    const auto id = std::this_thread::get_id();
    parallel_for(100, 2, [&](std::int64_t inner) {
      EXPECT_EQ(std::this_thread::get_id(), id);
      hits[static_cast<std::size_t>(outer * 100 + inner)].fetch_add(1);
    });
  });
  for (auto& h : hits) ASSERT_EQ(h.load(), 1);
  EXPECT_TRUE(lina::detail::can_run_parallel());
}

TEST(ThreadPool, SeveralUserThreadsAtOnce) {
  // One job at a time uses the pool; the other callers run theirs serially.
  std::vector<std::thread> users;
  std::vector<std::int64_t> sums(4, 0);
  for (int u = 0; u < 4; ++u)
    users.emplace_back([&, u] {
      for (int rep = 0; rep < 200; ++rep) {
        std::atomic<std::int64_t> s{0};
        parallel_for(257, 2, [&](std::int64_t i) { s.fetch_add(i, std::memory_order_relaxed); });
        sums[static_cast<std::size_t>(u)] += s.load();
      }
    });
  for (auto& t : users) t.join();
  for (std::int64_t s : sums) EXPECT_EQ(s, 200 * (256 * 257 / 2));
}

#ifdef _OPENMP
TEST(ThreadPool, InsideAUserOpenMPRegionRunsSerially) {
  std::atomic<int> total{0}, foreign{0}, team{0};
#pragma omp parallel num_threads(2)
  {
    team.fetch_add(1);
    const auto id = std::this_thread::get_id();
    parallel_for(50, 2, [&](std::int64_t) {
      total.fetch_add(1);
      if (std::this_thread::get_id() != id) foreign.fetch_add(1);
    });
  }
  EXPECT_EQ(total.load(), 50 * team.load());
  EXPECT_EQ(foreign.load(), 0);
}
#endif

TEST(ThreadPool, ChildProcessAfterForkRunsParallelLoops) {
  run_counts(1000, 2);  // the parent's pool has started its workers
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // In the child: the parent's workers did not survive the fork.
    const std::vector<int> hits = run_counts(10'000, 2);
    bool ok = hits.size() == 10'000;
    for (int h : hits) ok = ok && h == 1;
    const lina::Array a = lina::arange(0, 1'000'000, 1, lina::float64);
    ok = ok && lina::sum(a).item<double>() == 999'999.0 * 1'000'000.0 / 2;
    _exit(ok ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
