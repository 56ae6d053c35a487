#include "lina/core/threads.hpp"

#include <atomic>
#include <limits>
#include <string>

#include "core/environment.hpp"
#include "lina/core/errors.hpp"

#ifdef LINA_HAVE_OPENMP
#include <omp.h>
#endif

namespace lina {

namespace {

int default_threads() {
  // As many as a caller could ask set_num_threads for; the pool caps its own workers.
  if (const auto n = detail::positive_integer_from_env("LINA_NUM_THREADS", std::numeric_limits<int>::max()))
    return static_cast<int>(*n);
#ifdef LINA_HAVE_OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

std::atomic<int>& threads() {
  static std::atomic<int> n{default_threads()};
  return n;
}

}  // namespace

int get_num_threads() { return threads().load(std::memory_order_relaxed); }

void set_num_threads(int n) {
  if (n < 1)
    throw ValueError("set_num_threads: the thread count must be at least 1, got " +
                     std::to_string(n));
  threads().store(n, std::memory_order_relaxed);
}

}  // namespace lina
