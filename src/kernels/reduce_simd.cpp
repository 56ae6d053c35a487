// NOTE: [Vectorised reduction loops]
// The library is compiled for baseline x86-64, so the compiler's own vectorisation of
// reduce_loops.hpp stops at SSE2 (4 floats). The loops that dominate a reduction along
// a non-contiguous axis (sum over axis 0 of a C-order matrix folds whole rows into the
// output row: out[i] += in[i]) are written with Highway here and dispatched at run time
// to the machine's widest vectors. Each lane does the scalar loop's one addition, so
// results are identical to it.
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_simd.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class T>
HWY_INLINE void AddInto(T* out, const T* in, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  for (; i + 2 * N <= n; i += 2 * N) {
    hn::StoreU(hn::Add(hn::LoadU(d, out + i), hn::LoadU(d, in + i)), d, out + i);
    hn::StoreU(hn::Add(hn::LoadU(d, out + i + N), hn::LoadU(d, in + i + N)), d, out + i + N);
  }
  for (; i < n; ++i) out[i] += in[i];
}

void AddIntoF32(float* out, const float* in, std::int64_t n) { AddInto(out, in, n); }
void AddIntoF64(double* out, const double* in, std::int64_t n) { AddInto(out, in, n); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(AddIntoF32);
HWY_EXPORT(AddIntoF64);

void simd_add_into(float* out, const float* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF32)(out, in, n); }
void simd_add_into(double* out, const double* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF64)(out, in, n); }
}  // namespace lina::kernels
#endif
