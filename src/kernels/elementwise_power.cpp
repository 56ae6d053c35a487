// NOTE: [Vectorised float32 power]
// power(a, b) for float32 as exp(b log a) computed in float64 lanes (vector_math_inl.hpp,
// NOTE: [Vector math algorithms]) and rounded once to float32. log and exp are within
// about 1 ulp of float64, so t = b log a carries a relative error near 2^-51 and e^t one
// of (|t| + 2) 2^-52 < 2^-45 for the |t| < 87 taken here: far below float32's half ulp
// (2^-24), so the result is within 0.5 ulp plus 2^-21 of one: more accurate than glibc's
// powf (0.82 ulp by its own account), which the scalar functor calls. Vectors with a lane
// outside the common case (a not positive and finite, b not finite, |t| >= 87, where
// float32 results overflow or leave the normal range) take std::pow for every lane,
// so the IEEE edges (pow(-8, 1/3) = NaN, pow(x, 0) = 1, pow(1, NaN) = 1, pow(-0, -1) =
// -inf and the others) are the functor's. glibc's powf took 3.5 ns per element here,
// NumPy 1.24's AVX-512 power about 1.1.
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "kernels/elementwise_arith.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_power.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/vector_math_inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <int kKinds>
HWY_NOINLINE void PowerF32Run(const float* a, const float* b, float* out, std::int64_t n) {
  const hn::ScalableTag<double> dd;
  const hn::Rebind<float, decltype(dd)> df;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(df));
  const auto inf = hn::Set(dd, HUGE_VAL), zero = hn::Zero(dd), t_limit = hn::Set(dd, 87.0);
  const auto va = hn::Set(df, kKinds == kScalarA ? *a : 1.0f), vb = hn::Set(df, kKinds == kScalarB ? *b : 1.0f);
  auto scalar = [&](std::int64_t i, std::int64_t m) {
    for (std::int64_t k = i; k < i + m; ++k)
      out[k] = std::pow(kKinds == kScalarA ? *a : a[k], kKinds == kScalarB ? *b : b[k]);
  };
  auto load = [&](const float* p, hn::Vec<decltype(df)> v, bool scalar_kind, std::int64_t k) {
    return hn::PromoteTo(dd, scalar_kind ? v : hn::LoadU(df, p + k));
  };
  // Two vectors per step: log and exp are chains of dependent multiply-adds, and two
  // independent chains keep the FMA units busy (one chain at a time ran at half speed).
  std::int64_t i = 0;
  for (; i + 2 * N <= n; i += 2 * N) {
    const auto x0 = load(a, va, kKinds == kScalarA, i), x1 = load(a, va, kKinds == kScalarA, i + N);
    const auto y0 = load(b, vb, kKinds == kScalarB, i), y1 = load(b, vb, kKinds == kScalarB, i + N);
    // NaN fails every comparison, so NaN lanes are not `common`.
    const auto common0 = hn::And(hn::And(hn::Gt(x0, zero), hn::Lt(x0, inf)), hn::Lt(hn::Abs(y0), inf));
    const auto common1 = hn::And(hn::And(hn::Gt(x1, zero), hn::Lt(x1, inf)), hn::Lt(hn::Abs(y1), inf));
    if (HWY_UNLIKELY(!hn::AllTrue(dd, hn::And(common0, common1)))) {
      scalar(i, 2 * N);
      continue;
    }
    const auto t0 = hn::Mul(y0, vmath::Log(dd, x0)), t1 = hn::Mul(y1, vmath::Log(dd, x1));
    if (HWY_UNLIKELY(!hn::AllTrue(dd, hn::And(hn::Lt(hn::Abs(t0), t_limit), hn::Lt(hn::Abs(t1), t_limit))))) {
      scalar(i, 2 * N);
      continue;
    }
    hn::StoreU(hn::DemoteTo(df, vmath::Exp(dd, t0)), df, out + i);
    hn::StoreU(hn::DemoteTo(df, vmath::Exp(dd, t1)), df, out + i + N);
  }
  if (i < n) scalar(i, n - i);
}

void PowerF32(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  if (kinds == kBothContiguous) return PowerF32Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerF32Run<kScalarB>(a, b, out, n);
  return PowerF32Run<kScalarA>(a, b, out, n);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(PowerF32);

void simd_power(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerF32)(kinds, a, b, out, n);
}
}  // namespace lina::kernels
#endif
