// NOTE: [Vectorised float floor_divide and remainder]
// floor_divide and remainder of float32 and float64 are NumPy's npy_divmod: mod =
// fmod(a, b), exact; then div = (a - mod) / b, a step down where mod's sign differs from
// b's, floor with a snap to the nearest whole number, and the signs of zeros (the
// FloorDivide and Remainder functors in elementwise_functors.hpp, which call std::fmod at
// about 15 ns per element here: 0.06 Gelem/s, NumPy's loop the same). The vector form
// computes fmod exactly and then does the same IEEE operations lane by lane, so every
// result is the functor's, bit for bit:
// - q = trunc(a / b) with the quotient rounded first is n = trunc of the exact quotient
//   or one step further from zero: while |a / b| < 2^(p - 2) (p the significand bits) n
//   is a float, and rounding is monotone, so the rounded quotient never falls short of
//   n, and it exceeds the exact one by less than 1/4.
// - r = a - q b in one FMA is exact whenever |r| <= |b|: a and q b are multiples of
//   ulp(b) (|a| >= |b| / 2 once q != 0), and such a multiple up to |b| has at most p
//   significant bits. A q one step too far leaves r nonzero with the sign opposite to
//   a's; it is stepped back and r computed again, now fmod itself. (npy_divmod's own
//   correction would absorb the extra step too, but then `mod` would not be fmod; the
//   results are the same either way. A zero r may come out +0 where fmod gives -0;
//   npy_divmod replaces a zero mod by copysign(0, b) and a - (+-0) = a, so the sign
//   never shows.)
// Vectors with a lane outside that range (b zero, a or b infinite or NaN, |a / b| at or
// beyond 2^(p - 2)) take the functor for every lane. Without FMA (SSE2-SSE4 in Highway
// 1.0) a - q b is not exact, so those targets take the functor throughout.
#include "kernels/float_division.hpp"

#include <cstddef>
#include <cstdint>
#include <limits>

#include "kernels/division_dispatch.hpp"
#include "kernels/elementwise_arith.hpp"
#include "kernels/elementwise_functors.hpp"
#include "kernels/integer_division.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/float_division.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/scalar_fallback_inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_NATIVE_FMA
// The quotient bound of the exact fmod: 2^(p - 2).
template <class T>
constexpr T kQuotientLimit = sizeof(T) == 4 ? T(0x1p22) : T(0x1p51);

// floor_divide or remainder of lanes in the common range (see the NOTE); a / b is
// passed in as computed for the range check.
template <int kOp, class D, class V>
HWY_INLINE V DivModLanes(D d, V a, V b, V quotient) {
  using T = hn::TFromD<D>;
  const hn::RebindToSigned<D> di;
  const V zero = hn::Zero(d), one = hn::Set(d, T(1));
  // Whether x and y have different sign bits.
  const auto signs_differ = [&](V x, V y) {
    return hn::RebindMask(d, hn::Lt(hn::BitCast(di, hn::Xor(x, y)), hn::Zero(di)));
  };
  // fmod(a, b), exactly.
  V q = hn::Trunc(quotient);
  const V r = hn::NegMulAdd(q, b, a);
  const V toward_quotient = hn::IfThenElse(signs_differ(a, b), hn::Neg(one), one);  // +-1, the quotient's sign
  const auto too_far = hn::And(hn::Ne(r, zero), signs_differ(r, a));
  q = hn::Sub(q, hn::IfThenElseZero(too_far, toward_quotient));
  const V mod = hn::NegMulAdd(q, b, a);
  // npy_divmod from here on, operation for operation.
  const auto mod_zero = hn::Eq(mod, zero);
  const auto adjust = hn::AndNot(mod_zero, signs_differ(b, mod));
  if constexpr (kOp == kRemainderOp) {
    const V moved = hn::IfThenElse(adjust, hn::Add(mod, b), mod);
    return hn::IfThenElse(mod_zero, hn::CopySign(zero, b), moved);
  } else {
    V div = hn::Div(hn::Sub(a, mod), b);
    div = hn::IfThenElse(adjust, hn::Sub(div, one), div);
    V floor_div = hn::Floor(div);
    floor_div = hn::IfThenElse(hn::Gt(hn::Sub(div, floor_div), hn::Set(d, T(0.5))), hn::Add(floor_div, one), floor_div);
    return hn::IfThenElse(hn::Eq(div, zero), hn::CopySign(zero, quotient), floor_div);
  }
}
#endif  // HWY_NATIVE_FMA

template <class T, int kOp, int kKinds>
HWY_NOINLINE void Run(const T* a, const T* b, T* out, std::int64_t n) {  // out may be a or b
  auto scalar = [&](std::int64_t from, std::int64_t m) {
    for (std::int64_t k = from; k < from + m; ++k) {
      const T x = kKinds == kScalarA ? *a : a[k], y = kKinds == kScalarB ? *b : b[k];
      out[k] = kOp == kFloorDivideOp ? FloorDivide::apply(x, y) : Remainder::apply(x, y);
    }
  };
#if HWY_NATIVE_FMA
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto va = hn::Set(d, kKinds == kScalarA ? *a : T(0)), vb = hn::Set(d, kKinds == kScalarB ? *b : T(1));
  const auto limit = hn::Set(d, kQuotientLimit<T>), huge = hn::Set(d, std::numeric_limits<T>::max());
  // A vector with a lane outside the common range is the functors', called outside the
  // vector loop (scalar_fallback_inl.hpp).
  auto vector_steps = [&](std::int64_t i) {
    for (; i + N <= n; i += N) {
      const auto x = kKinds == kScalarA ? va : hn::LoadU(d, a + i);
      const auto y = kKinds == kScalarB ? vb : hn::LoadU(d, b + i);
      const auto quotient = hn::Div(x, y);
      // NaN fails every comparison: NaN lanes, and those of 0 / 0, are not common.
      const auto common = hn::And(hn::And(hn::Le(hn::Abs(x), huge), hn::Le(hn::Abs(y), huge)),
                                  hn::And(hn::Ne(y, hn::Zero(d)), hn::Lt(hn::Abs(quotient), limit)));
      if (HWY_UNLIKELY(!hn::AllTrue(d, common))) break;
      hn::StoreU(DivModLanes<kOp>(d, x, y, quotient), d, out + i);
    }
    return i;
  };
  RunWithScalarFallback(n, N, vector_steps, scalar);
#else
  scalar(0, n);
#endif
}

template <class T>
void Divide(int op, int kinds, const T* a, const T* b, T* out, std::int64_t n) {
  dispatch_division(op, kinds, [&](auto o, auto k) { Run<T, decltype(o)::value, decltype(k)::value>(a, b, out, n); });
}

void DivideF32(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  Divide(op, kinds, a, b, out, n);
}
void DivideF64(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n) {
  Divide(op, kinds, a, b, out, n);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(DivideF32);
HWY_EXPORT(DivideF64);

void simd_float_division(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(DivideF32)(op, kinds, a, b, out, n);
}
void simd_float_division(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(DivideF64)(op, kinds, a, b, out, n);
}
}  // namespace lina::kernels
#endif
