// Running a test body once per SIMD target: Highway compiles each kernel for several
// targets and dispatches to the best one at run time, so without this a test checks only
// the target of the machine it runs on.
#pragma once

#include <cstdint>
#include <string>

#include "hwy/targets.h"
#include "lina/lina.hpp"

namespace lina_test {

// Runs `body(label)` once per target that this CPU supports and the library compiled,
// with Highway's dispatch limited to that target; `label` is "[AVX2] " and the like.
// Highway's own choice is restored afterwards, also when the body throws.
template <class Body>
void for_each_simd_target(Body body) {
  struct Restore {
    ~Restore() { hwy::SetSupportedTargetsForTest(0); }
  } restore;
  for (const std::int64_t target : hwy::SupportedAndGeneratedTargets()) {
    hwy::SetSupportedTargetsForTest(target);
    body(std::string("[") + hwy::TargetName(target) + "] ");
  }
}

// Runs `body(where, dtype)` on every SIMD target, on one and two threads, for float32
// and float64; `where` names all three ("[AVX2] float32 threads 2 "). The thread count
// is restored afterwards.
template <class Body>
void for_each_target_threads_and_float(Body body) {
  struct RestoreThreads {
    int n;
    ~RestoreThreads() { lina::set_num_threads(n); }
  } restore{lina::get_num_threads()};
  for_each_simd_target([&](const std::string& target) {
    for (int threads : {1, 2}) {
      lina::set_num_threads(threads);
      for (lina::DType t : {lina::float32, lina::float64})
        body(target + lina::dtype_name(t) + " threads " + std::to_string(threads) + " ", t);
    }
  });
}

}  // namespace lina_test
