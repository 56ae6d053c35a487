// Vector loops with a scalar fallback for rare steps (std::pow, the division functors):
// the vector steps run in a loop of their own that stops at a step it cannot do, and the
// scalar call is made outside that loop. A call inside the loop clobbers every vector
// register (the x86-64 ABI keeps none across calls), so the compiler reloads the loop's
// constants on every step, taken or not: float32 power ran 0.87 Gelem/s in L1 with the
// call inside and 0.93 with it outside (NOTE: [Vectorised float32 power]).
// Included once per target, like vector_math_inl.hpp, so that the loop inlines into the
// kernels with their target's instructions.
#if defined(LINA_KERNELS_SCALAR_FALLBACK_INL_HPP_) == defined(HWY_TARGET_TOGGLE)
#ifdef LINA_KERNELS_SCALAR_FALLBACK_INL_HPP_
#undef LINA_KERNELS_SCALAR_FALLBACK_INL_HPP_
#else
#define LINA_KERNELS_SCALAR_FALLBACK_INL_HPP_
#endif

#include <cstdint>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {

// Does elements [0, n): vector_steps(i) runs whole steps of `step` elements from i and
// returns where it stopped (at a step it cannot do, or with fewer than `step` elements
// left); scalar(i, m) does the m elements from i.
template <class VectorSteps, class Scalar>
HWY_INLINE void RunWithScalarFallback(std::int64_t n, std::int64_t step, const VectorSteps& vector_steps,
                                      const Scalar& scalar) {
  std::int64_t i = 0;
  while ((i = vector_steps(i)) + step <= n) {
    scalar(i, step);
    i += step;
  }
  if (i < n) scalar(i, n - i);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // LINA_KERNELS_SCALAR_FALLBACK_INL_HPP_
