#include "lina/core/threads.hpp"

#include <atomic>
#include <cstdlib>
#include <string>

#include "lina/core/errors.hpp"

#ifdef LINA_HAVE_OPENMP
#include <omp.h>
#endif

namespace lina {

namespace {

int default_threads() {
  if (const char* env = std::getenv("LINA_NUM_THREADS")) {
    const int n = std::atoi(env);
    if (n >= 1) return n;
  }
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
