// NOTE: [Vectorised reduction loops]
// The library is compiled for baseline x86-64, so the compiler's own vectorisation of
// reduce_loops.hpp stops at SSE2 (4 floats). The loops that dominate a reduction along
// a non-contiguous axis (sum over axis 0 of a C-order matrix folds whole rows into the
// output row: out[i] += in[i]) are written with Highway here and dispatched at run time
// to the machine's widest vectors, and so is the contiguous pairwise sum (sum along the
// contiguous axis, and of a whole contiguous array). Each lane does one of the scalar
// loop's additions, in its order, so results are identical to it.
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_simd.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/reduce_loops.hpp"

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

// NumPy's pairwise summation over a contiguous run (reduce_loops.hpp's
// pairwise_sum_run), its eight accumulators held in one vector of eight lanes: the same
// additions in the same order, so the same result. Targets whose vectors hold fewer
// than eight lanes of T use the scalar form.
template <class T>
T PairwiseSum(const T* p, std::int64_t n) {
  const hn::CappedTag<T, 8> d;
  if (hn::Lanes(d) != 8 || n < 8) return pairwise_sum_run<T, true>(reinterpret_cast<const char*>(p), n, sizeof(T));
  if (n <= kPairwiseBlock) {
    auto r = hn::LoadU(d, p);
    std::int64_t i = 8;
    for (; i + 8 <= n; i += 8) r = hn::Add(r, hn::LoadU(d, p + i));
    HWY_ALIGN T lanes[8];
    hn::Store(r, d, lanes);
    T s = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    for (; i < n; ++i) s += p[i];
    return s;
  }
  const std::int64_t half = pairwise_split(n);
  return PairwiseSum(p, half) + PairwiseSum(p + half, n - half);
}

float PairwiseSumF32(const float* p, std::int64_t n) { return PairwiseSum(p, n); }
double PairwiseSumF64(const double* p, std::int64_t n) { return PairwiseSum(p, n); }

void AddIntoF32(float* out, const float* in, std::int64_t n) { AddInto(out, in, n); }
void AddIntoF64(double* out, const double* in, std::int64_t n) { AddInto(out, in, n); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(AddIntoF32);
HWY_EXPORT(AddIntoF64);
HWY_EXPORT(PairwiseSumF32);
HWY_EXPORT(PairwiseSumF64);

float simd_pairwise_sum(const float* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF32)(p, n); }
double simd_pairwise_sum(const double* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF64)(p, n); }

void simd_add_into(float* out, const float* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF32)(out, in, n); }
void simd_add_into(double* out, const double* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF64)(out, in, n); }
}  // namespace lina::kernels
#endif
