// NOTE: [any and all with an early exit]
// any(x) and all(x) of a whole C-contiguous array, and each output of any/all along
// trailing axes (one contiguous run), are decided by one element: the first nonzero one
// for any, the first zero one for all. They used to fold every element
// through logical_or/logical_and, one byte at a time and, for other dtypes, after a cast
// of the whole array to bool: 10M bools took 4.7 ms where NumPy 1.24, which stops at the
// deciding element, took 0.06 (and a scan to the end at memory speed otherwise). This
// finds the deciding element four vectors at a time and stops there. As in NumPy, NaN is
// nonzero (NaN == 0 is false) and -0.0 is zero. One thread, 10M elements with no
// deciding element (a scan to the end; NumPy 1.24 in brackets): any of bool 0.13 ms
// (0.29), any of float32 1.26 (2.14), all of float32 1.37 (2.89); with one, the scan
// stops there (a random bool array: 4.7 ms -> under 1 us). (m > 0.99).any(1) of a
// 3000 x 3333 float32 m, the comparison included: 6.5 -> 2.0 ms (NumPy 2.1).
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_any_all.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/kernel_element_types.hpp"
#include "kernels/reduce_loops.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The index of the first p[i] that is nonzero (want_nonzero) or zero (otherwise), or n.
template <class T>
std::int64_t FindFirstTruth(const T* p, std::int64_t n, bool want_nonzero) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto zero = hn::Zero(d);
  std::int64_t i = 0;
  for (; i + 4 * N <= n; i += 4 * N) {
    const auto z0 = hn::Eq(hn::LoadU(d, p + i), zero), z1 = hn::Eq(hn::LoadU(d, p + i + N), zero);
    const auto z2 = hn::Eq(hn::LoadU(d, p + i + 2 * N), zero), z3 = hn::Eq(hn::LoadU(d, p + i + 3 * N), zero);
    const bool found = want_nonzero ? !hn::AllTrue(d, hn::And(hn::And(z0, z1), hn::And(z2, z3)))
                                    : !hn::AllFalse(d, hn::Or(hn::Or(z0, z1), hn::Or(z2, z3)));
    if (found) break;  // the element is among these 4N; the loop below finds it
  }
  for (; i < n; ++i)
    if ((p[i] != T(0)) == want_nonzero) return i;
  return n;
}

#define LINA_ANY_ALL_KERNEL(T, NAME)                                                      \
  std::int64_t FindFirstTruth##NAME(const T* p, std::int64_t n, bool want_nonzero) {     \
    return FindFirstTruth(p, n, want_nonzero);                                            \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_ANY_ALL_KERNEL)
#undef LINA_ANY_ALL_KERNEL

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

#define LINA_ANY_ALL_EXPORT(T, NAME)                                                         \
  HWY_EXPORT(FindFirstTruth##NAME);                                                          \
  std::int64_t simd_find_first_truth(const T* p, std::int64_t n, bool want_nonzero) {      \
    return HWY_DYNAMIC_DISPATCH(FindFirstTruth##NAME)(p, n, want_nonzero);                   \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_ANY_ALL_EXPORT)
#undef LINA_ANY_ALL_EXPORT

}  // namespace lina::kernels
#endif  // HWY_ONCE
