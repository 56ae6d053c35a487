// Folding the rows of a block into a row of outputs, out[i] = step(out[i], in[r, i]) for
// r = 0, 1, ... in that order, eight rows per pass over out: each output still takes the
// rows one after another (the same operations in the same order as row by row), but it
// is loaded and stored once per eight rows. The sum over axis 0 and var's squared
// deviations (reduce_simd.cpp) and max/min over axis 0 (reduce_extremum.cpp) use it.
// Eight rather than four (2026-12-07): on the Zen 4 neighbouring rows read side by side
// are slow streams (NOTE: [GEMV rows a quarter apart]), and halving the passes over out
// paid more than the extra streams cost (docs/decisions.md, "A sum over axis 0 adds four
// rows per pass").
// Included once per Highway target, inside nothing (it opens the target's namespace).
#if defined(LINA_KERNELS_FOLD_ROWS_INL_HPP_) == defined(HWY_TARGET_TOGGLE)
#ifdef LINA_KERNELS_FOLD_ROWS_INL_HPP_
#undef LINA_KERNELS_FOLD_ROWS_INL_HPP_
#else
#define LINA_KERNELS_FOLD_ROWS_INL_HPP_
#endif

#include <cstdint>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {

// The passes of eight rows over out: step(o, x, i) on the vectors of columns [i, i + N),
// tail(out, row, from, n) for one row's last elements [from, n). Returns how many rows were folded (a multiple of
// eight); the caller folds the rest row by row.
template <class T, class Step, class Tail>
HWY_INLINE std::int64_t FoldRowsByEight(T* out, const T* in, std::int64_t n, std::int64_t rows,
                                        std::int64_t row_stride, Step step, Tail tail) {
  namespace hn = hwy::HWY_NAMESPACE;
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t r = 0;
  for (; r + 8 <= rows; r += 8) {
    const T* r0 = in + r * row_stride;
    std::int64_t i = 0;
    for (; i + N <= n; i += N) {
      auto o = hn::LoadU(d, out + i);
      HWY_UNROLL(8)
      for (int j = 0; j < 8; ++j) o = step(o, hn::LoadU(d, r0 + j * row_stride + i), i);
      hn::StoreU(o, d, out + i);
    }
    for (int j = 0; j < 8; ++j) tail(out, r0 + j * row_stride, i, n);
  }
  return r;
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // LINA_KERNELS_FOLD_ROWS_INL_HPP_
