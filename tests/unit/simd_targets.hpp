// Running a test body once per SIMD target: Highway compiles each kernel for several
// targets and dispatches to the best one at run time, so without this a test checks only
// the target of the machine it runs on.
#pragma once

#include <cstdint>
#include <string>

#include "hwy/targets.h"

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

}  // namespace lina_test
