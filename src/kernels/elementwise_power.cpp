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
//
// NOTE: [Vectorised integer power]
// power(a, b) for int32 and uint8: exponentiation by squaring in every lane at once. Each
// step multiplies the base into the lanes whose exponent has its low bit set, squares
// the base and shifts the exponents right; a vector takes as many steps as its largest
// exponent has bits (at most 31; 8 for uint8). Lanes whose exponents ran out multiply by
// nothing more, so each lane's product is the scalar functor's, wrapping the same way:
// int32 multiplies in uint32 lanes (two's complement keeps the low 32 bits; no signed
// overflow), uint8 in uint16 lanes whose low byte is the uint8 product. Negative int32
// exponents never get here: power rejects them first, as NumPy does. int64 keeps the
// scalar loop, for want of a 64-bit lane product in Highway 1.0 on x86.
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

// base ** e in every lane of unsigned vectors (NOTE: [Vectorised integer power]).
template <class D, class V = hn::Vec<D>>
HWY_INLINE V PowerLanes(D d, V base, V e) {
  const V zero = hn::Zero(d), one = hn::Set(d, 1);
  V result = one;
  while (!hn::AllTrue(d, hn::Eq(e, zero))) {
    result = hn::IfThenElse(hn::Eq(hn::And(e, one), one), hn::Mul(result, base), result);
    e = hn::ShiftRight<1>(e);
    base = hn::Mul(base, base);
  }
  return result;
}

// The scalar loop's form of the same (the tail of a run).
template <class U>
U PowerScalar(U base, U e) {
  U result = 1;
  for (; e != 0; e = static_cast<U>(e >> 1), base = static_cast<U>(base * base))
    if (e & 1u) result = static_cast<U>(result * base);
  return result;
}

template <int kKinds>
HWY_NOINLINE void PowerI32Run(const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  const hn::ScalableTag<std::uint32_t> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto* ua = reinterpret_cast<const std::uint32_t*>(a);
  const auto* ub = reinterpret_cast<const std::uint32_t*>(b);
  auto* uo = reinterpret_cast<std::uint32_t*>(out);
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto x = kKinds == kScalarA ? hn::Set(d, ua[0]) : hn::LoadU(d, ua + i);
    const auto y = kKinds == kScalarB ? hn::Set(d, ub[0]) : hn::LoadU(d, ub + i);
    hn::StoreU(PowerLanes(d, x, y), d, uo + i);
  }
  for (; i < n; ++i) uo[i] = PowerScalar(ua[kKinds == kScalarA ? 0 : i], ub[kKinds == kScalarB ? 0 : i]);
}

template <int kKinds>
HWY_NOINLINE void PowerU8Run(const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n) {
  const hn::ScalableTag<std::uint16_t> d16;
  const hn::Rebind<std::uint8_t, decltype(d16)> d8;
  const hn::RebindToSigned<decltype(d16)> di16;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d16));
  const auto low_byte = hn::Set(d16, 0xFF);
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto x = kKinds == kScalarA ? hn::Set(d16, a[0]) : hn::PromoteTo(d16, hn::LoadU(d8, a + i));
    const auto y = kKinds == kScalarB ? hn::Set(d16, b[0]) : hn::PromoteTo(d16, hn::LoadU(d8, b + i));
    // The low byte of the uint16 product is the uint8 product; DemoteTo saturates (and
    // Highway 1.0 demotes int16, not uint16, to uint8), so it gets only that byte.
    hn::StoreU(hn::DemoteTo(d8, hn::BitCast(di16, hn::And(PowerLanes(d16, x, y), low_byte))), d8, out + i);
  }
  for (; i < n; ++i) out[i] = PowerScalar(a[kKinds == kScalarA ? 0 : i], b[kKinds == kScalarB ? 0 : i]);
}

void PowerI32(int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  if (kinds == kBothContiguous) return PowerI32Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerI32Run<kScalarB>(a, b, out, n);
  return PowerI32Run<kScalarA>(a, b, out, n);
}
void PowerU8(int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n) {
  if (kinds == kBothContiguous) return PowerU8Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerU8Run<kScalarB>(a, b, out, n);
  return PowerU8Run<kScalarA>(a, b, out, n);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(PowerF32);
HWY_EXPORT(PowerI32);
HWY_EXPORT(PowerU8);

void simd_power(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerF32)(kinds, a, b, out, n);
}
void simd_power(int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerI32)(kinds, a, b, out, n);
}
void simd_power(int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerU8)(kinds, a, b, out, n);
}
}  // namespace lina::kernels
#endif
