// The pool behind parallel_for (NOTE: [The thread pool] in thread_pool.hpp).
//
// One job at a time. The job's state is a "gate" word: bit 31 says the job is closed to
// new workers, bits 16-30 how many workers may join it, bits 0-15 how many are inside.
// A worker joins with a compare-and-swap that fails once the gate is closed, so after
// the caller closes the gate and sees no worker inside, nobody can touch the job any
// more and the caller may return (its body and context live on its stack).
#include "thread_pool.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#ifdef LINA_HAVE_OPENMP
#include <omp.h>
#endif

namespace lina::detail {

namespace {

constexpr std::uint32_t kClosed = 1u << 31;
constexpr std::uint32_t kInsideMask = 0xFFFF;
constexpr int kLimitShift = 16;
constexpr int kMaxWorkers = 1024;

// How long an idle worker stays awake for the next job before it sleeps in the kernel:
// operations in a training step follow each other within microseconds, and a futex
// wake-up costs tens of them. Past the first microseconds the worker yields while it
// waits, so a process that needs the core gets it.
constexpr auto kSpinTime = std::chrono::microseconds(200);
constexpr int kPauseSpins = 256;

// True in pool workers always, and in a caller while it runs a job: parallel_for called
// from there runs serially.
thread_local bool t_inside_pool = false;

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

class ThreadPool {
 public:
  // Returns false (having done nothing) when another thread is running a job.
  bool run(std::int64_t count, int helpers, ParallelBody body, void* context) {
    std::unique_lock lock(run_mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return false;
    helpers = std::min(helpers, kMaxWorkers);
    start_workers(helpers);

    body_ = body;
    context_ = context;
    count_ = count;
    error_ = nullptr;
    next_.store(0, std::memory_order_relaxed);
    gate_.store(static_cast<std::uint32_t>(helpers) << kLimitShift, std::memory_order_release);
    epoch_.fetch_add(1, std::memory_order_seq_cst);
    if (sleepers_.load(std::memory_order_seq_cst) > 0) epoch_.notify_all();

    t_inside_pool = true;
    work();
    t_inside_pool = false;

    // Close the job, then wait for the workers inside it: they are running an index,
    // so this wait is at most one index's work.
    gate_.fetch_or(kClosed, std::memory_order_acq_rel);
    for (int spins = 0; (gate_.load(std::memory_order_acquire) & kInsideMask) != 0; ++spins) {
      if (spins < kPauseSpins) cpu_relax();
      else std::this_thread::yield();
    }
    if (error_) std::rethrow_exception(error_);
    return true;
  }

 private:
  void start_workers(int n) {
    while (static_cast<int>(workers_.size()) < n) {
      const std::uint32_t seen = epoch_.load(std::memory_order_relaxed);
      workers_.emplace_back([this, seen] { worker_loop(seen); });
    }
  }

  // Claims indices until none are left. An exception stops the handing out of indices
  // and is rethrown by the caller.
  void work() {
    for (;;) {
      const std::int64_t i = next_.fetch_add(1, std::memory_order_relaxed);
      if (i >= count_) return;
      try {
        body_(context_, i);
      } catch (...) {
        std::lock_guard guard(error_mutex_);
        if (!error_) error_ = std::current_exception();
        next_.store(count_, std::memory_order_relaxed);
      }
    }
  }

  bool try_join() {
    std::uint32_t g = gate_.load(std::memory_order_relaxed);
    for (;;) {
      if ((g & kClosed) || (g & kInsideMask) >= ((g & ~kClosed) >> kLimitShift)) return false;
      if (gate_.compare_exchange_weak(g, g + 1, std::memory_order_acquire, std::memory_order_relaxed))
        return true;
    }
  }

  void wait_for_job(std::uint32_t seen) {
    const auto deadline = std::chrono::steady_clock::now() + kSpinTime;
    for (int spins = 0; epoch_.load(std::memory_order_acquire) == seen; ++spins) {
      if (spins < kPauseSpins) {
        cpu_relax();
      } else if (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
      } else {
        // Announce the sleep before re-checking, so that a caller that bumps the epoch
        // either is seen here or sees a sleeper and wakes it.
        sleepers_.fetch_add(1, std::memory_order_seq_cst);
        epoch_.wait(seen, std::memory_order_seq_cst);
        sleepers_.fetch_sub(1, std::memory_order_relaxed);
      }
    }
  }

  void worker_loop(std::uint32_t seen) {
    t_inside_pool = true;
    for (;;) {
      wait_for_job(seen);
      seen = epoch_.load(std::memory_order_acquire);
      if (!try_join()) continue;  // too late, or enough workers: the caller did the work
      work();
      gate_.fetch_sub(1, std::memory_order_release);
    }
  }

  std::mutex run_mutex_;
  std::vector<std::thread> workers_;
  alignas(64) std::atomic<std::uint32_t> epoch_{0};
  alignas(64) std::atomic<std::uint32_t> gate_{kClosed};
  alignas(64) std::atomic<std::int64_t> next_{0};
  alignas(64) std::atomic<int> sleepers_{0};
  // Written by the caller while the gate is closed and nobody is inside; read by workers
  // only after joining (the acquire in try_join pairs with the release that opens it).
  std::int64_t count_ = 0;
  ParallelBody body_ = nullptr;
  void* context_ = nullptr;
  std::mutex error_mutex_;
  std::exception_ptr error_;
};

// The pool is never destroyed: its workers sleep until the process exits, so lina may be
// used from other static destructors. A child process after fork() has no workers and
// starts a new pool (the parent's is abandoned, as its threads did not survive the fork).
std::atomic<ThreadPool*> g_pool{nullptr};

void forget_pool_after_fork() { g_pool.store(nullptr, std::memory_order_relaxed); }

ThreadPool& pool() {
  ThreadPool* p = g_pool.load(std::memory_order_acquire);
  if (p) return *p;
  static std::once_flag registered;
  std::call_once(registered, [] { pthread_atfork(nullptr, nullptr, forget_pool_after_fork); });
  auto* fresh = new ThreadPool;
  if (g_pool.compare_exchange_strong(p, fresh, std::memory_order_acq_rel)) return *fresh;
  delete fresh;  // another thread won the race
  return *p;
}

bool in_user_parallel_region() {
#ifdef LINA_HAVE_OPENMP
  return omp_in_parallel() != 0;
#else
  return false;
#endif
}

}  // namespace

bool can_run_parallel() { return !t_inside_pool && !in_user_parallel_region(); }

void parallel_for_erased(std::int64_t count, int threads, ParallelBody body, void* context) {
  if (count <= 0) return;
  const std::int64_t helpers = std::min<std::int64_t>(threads, count) - 1;
  if (helpers <= 0 || !can_run_parallel() ||
      !pool().run(count, static_cast<int>(helpers), body, context)) {
    for (std::int64_t i = 0; i < count; ++i) body(context, i);
  }
}

}  // namespace lina::detail
