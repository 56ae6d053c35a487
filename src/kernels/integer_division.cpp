// NOTE: [Integer division through floats]
// x86 has no vector integer division, and the scalar one (idiv) costs 1.8-3.2 ns per
// int32 element here. The quotient of two int32 values computed in float64 is exact
// after flooring: if a / b is a whole number, a and b and the quotient are exactly
// representable and the division is exactly rounded, so it is exact; if not, a / b lies
// at least 1 / |b| from every whole number, while the rounding error is at most
// 2^-53 |a / b| <= 2^-53 * 2^31 / |b| = 2^-22 / |b|, so the rounded quotient stays strictly
// between the same two whole numbers and floor() gives floor(a / b). The same argument
// holds for uint8 in float32 (error at most 2^-24 * 255 / |b|). The remainder is then
// a - q * b, exact in the integer type. A zero divisor gives 0 (the functors' rule,
// NumPy's with a warning) and b == -1 gives the wrapping negation, as the lanes' float
// quotient -MIN = 2^31 would not fit. int64 lanes take the same path while their values
// lie within +-2^51 (RunI64), else idiv or, for one divisor, its reciprocal.
// A broadcast scalar divisor does not take this division: multiplying by its float
// reciprocal and correcting the quotient by one from the remainder was tried first, and
// was slower (int32 0.17 -> 0.21 ns per element, uint8 0.12 -> 0.17; the conversions
// between the integer and float lanes, not the division, set the pace); an integer
// reciprocal avoids the float lanes altogether (NOTE: [Integer division by a scalar]).
#include "kernels/integer_division.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "kernels/division_dispatch.hpp"
#include "kernels/elementwise_arith.hpp"
#include "kernels/elementwise_functors.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/integer_division.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/scalar_fallback_inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Lanes of int32 divided in float64: one float64 vector's worth.
template <int kOp>
HWY_INLINE hn::Vec<hn::Rebind<std::int32_t, hn::ScalableTag<double>>> LanesI32(
    hn::Vec<hn::Rebind<std::int32_t, hn::ScalableTag<double>>> a,
    hn::Vec<hn::Rebind<std::int32_t, hn::ScalableTag<double>>> b) {
  const hn::ScalableTag<double> df;
  const hn::Rebind<std::int32_t, decltype(df)> di;
  const auto zero = hn::Zero(di);
  const auto b_zero = hn::Eq(b, zero);
  // Lanes of a zero divisor divide by 1 instead (their result is replaced by 0): 0 / 0
  // would be NaN, whose conversion is undefined in the scalar emulation target.
  const auto b_safe = hn::IfThenElse(b_zero, hn::Set(di, 1), b);
  const auto q = hn::DemoteTo(di, hn::Floor(hn::Div(hn::PromoteTo(df, a), hn::PromoteTo(df, b_safe))));
  const auto b_minus_one = hn::Eq(b, hn::Set(di, -1));
  if constexpr (kOp == kFloorDivideOp) {
    return hn::IfThenZeroElse(b_zero, hn::IfThenElse(b_minus_one, hn::Sub(zero, a), q));
  } else {
    return hn::IfThenZeroElse(hn::Or(b_zero, b_minus_one), hn::Sub(a, hn::Mul(q, b)));
  }
}

// Lanes of uint8 divided in float32 (through int32): one float32 vector's worth.
template <int kOp>
HWY_INLINE hn::Vec<hn::Rebind<std::uint8_t, hn::ScalableTag<float>>> LanesU8(
    hn::Vec<hn::Rebind<std::uint8_t, hn::ScalableTag<float>>> a,
    hn::Vec<hn::Rebind<std::uint8_t, hn::ScalableTag<float>>> b) {
  const hn::ScalableTag<float> df;
  const hn::Rebind<std::int32_t, decltype(df)> di;
  const hn::Rebind<std::uint8_t, decltype(df)> du;
  const auto ai = hn::PromoteTo(di, a), bi = hn::PromoteTo(di, b);
  const auto b_zero = hn::Eq(bi, hn::Zero(di));
  const auto b_safe = hn::IfThenElse(b_zero, hn::Set(di, 1), bi);  // as in LanesI32
  const auto q = hn::ConvertTo(di, hn::Floor(hn::Div(hn::ConvertTo(df, ai), hn::ConvertTo(df, b_safe))));
  const auto r = kOp == kFloorDivideOp ? q : hn::Sub(ai, hn::Mul(q, bi));
  return hn::DemoteTo(du, hn::IfThenZeroElse(b_zero, r));
}

template <class T, int kOp>
HWY_INLINE auto DivideLanes(hn::Vec<hn::Rebind<T, hn::ScalableTag<std::conditional_t<sizeof(T) == 4, double, float>>>> a,
                            hn::Vec<hn::Rebind<T, hn::ScalableTag<std::conditional_t<sizeof(T) == 4, double, float>>>> b) {
  if constexpr (sizeof(T) == 4) return LanesI32<kOp>(a, b);
  else return LanesU8<kOp>(a, b);
}

#if HWY_TARGET != HWY_SCALAR  // one lane: no 32 x 32 -> 64-bit products of lane pairs
// int32 lanes divided by one divisor b with |b| >= 2 (NOTE: [Integer division by a
// scalar], int32): floor(a / b) from an unsigned quotient by a reciprocal, no float
// lanes. out may be a.
template <int kOp, bool kPositive>
HWY_NOINLINE void DivideI32ByScalar(const std::int32_t* a, std::int32_t b, std::int32_t* out, std::int64_t n) {
  const hn::ScalableTag<std::int32_t> di;
  const hn::RebindToUnsigned<decltype(di)> du;
  const hn::RepartitionToWide<decltype(du)> dw;
  const std::uint32_t d = kPositive ? static_cast<std::uint32_t>(b) : 0u - static_cast<std::uint32_t>(b);
  int l = 0;  // ceil(log2 d), 1..31
  while ((std::uint64_t{1} << l) < d) ++l;
  // M = floor(2^(32 + l) / d) + 1 lies in (2^32, 2^33): the lanes multiply by its low word
  // and add x for the 2^32.
  const std::uint64_t m = (std::uint64_t{1} << (32 + l)) / d + 1 - (std::uint64_t{1} << 32);
  const auto m_lo = hn::Set(du, static_cast<std::uint32_t>(m));
  const auto low_word = hn::Set(dw, 0xffffffffull);
  const auto vb = hn::Set(di, b);
  // floor(x M / 2^(32 + l)) = (x + floor(x m / 2^32)) >> l for x <= 2^31, in the even and
  // the odd 32-bit lanes as 64-bit lanes.
  auto quotient = [&](hn::Vec<decltype(du)> x) {
    const auto x_even = hn::And(hn::BitCast(dw, x), low_word), x_odd = hn::ShiftRight<32>(hn::BitCast(dw, x));
    const auto q_even = hn::ShiftRightSame(hn::Add(hn::ShiftRight<32>(hn::MulEven(x, m_lo)), x_even), l);
    const auto q_odd =
        hn::ShiftRightSame(hn::Add(hn::ShiftRight<32>(hn::MulEven(hn::BitCast(du, x_odd), m_lo)), x_odd), l);
    return hn::BitCast(du, hn::Or(q_even, hn::ShiftLeft<32>(q_odd)));
  };
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(di));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto va = hn::LoadU(di, a + i);
    // s: all ones where the quotient is negative; x = |a| there less one, else |a|.
    const auto s = kPositive ? hn::ShiftRight<31>(va) : hn::VecFromMask(di, hn::Gt(va, hn::Zero(di)));
    const auto x = hn::Xor(hn::BitCast(du, kPositive ? va : hn::Neg(va)), hn::BitCast(du, s));
    const auto q = hn::BitCast(di, hn::Xor(quotient(x), hn::BitCast(du, s)));
    hn::StoreU(kOp == kFloorDivideOp ? q : hn::Sub(va, hn::Mul(q, vb)), di, out + i);
  }
  for (; i < n; ++i) out[i] = kOp == kFloorDivideOp ? FloorDivide::apply(a[i], b) : Remainder::apply(a[i], b);
}

// uint8 lanes divided by one divisor 2 <= b <= 255 (NOTE: [Integer division by a
// scalar], uint8): floor(x / b) = the high half of x * ceil(2^16 / b) in 16-bit lanes.
// out may be a.
template <int kOp>
HWY_NOINLINE void DivideU8ByScalar(const std::uint8_t* a, std::uint8_t b, std::uint8_t* out, std::int64_t n) {
  const hn::ScalableTag<std::uint16_t> d16;
  const hn::Rebind<std::uint8_t, decltype(d16)> d8;
  const hn::RebindToSigned<decltype(d16)> di16;
  const auto m = hn::Set(d16, static_cast<std::uint16_t>((0x10000u + b - 1) / b));  // at most 2^15
  const auto vb = hn::Set(d16, b);
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d16));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto x = hn::PromoteTo(d16, hn::LoadU(d8, a + i));
    const auto q = hn::MulHigh(x, m);
    const auto r = kOp == kFloorDivideOp ? q : hn::Sub(x, hn::Mul(q, vb));
    hn::StoreU(hn::DemoteTo(d8, hn::BitCast(di16, r)), d8, out + i);  // r <= 255
  }
  for (; i < n; ++i) out[i] = kOp == kFloorDivideOp ? FloorDivide::apply(a[i], b) : Remainder::apply(a[i], b);
}
#endif

template <class T, int kOp, int kKinds>
HWY_NOINLINE void Run(const T* a, const T* b, T* out, std::int64_t n) {  // out may be a or b
#if HWY_TARGET != HWY_SCALAR
  if constexpr (sizeof(T) == 4 && kKinds == kScalarB) {
    if (*b >= 2) return DivideI32ByScalar<kOp, true>(a, *b, out, n);
    if (*b <= -2) return DivideI32ByScalar<kOp, false>(a, *b, out, n);
  }
  if constexpr (sizeof(T) == 1 && kKinds == kScalarB) {
    if (*b >= 2) return DivideU8ByScalar<kOp>(a, *b, out, n);
  }
#endif
  using F = std::conditional_t<sizeof(T) == 4, double, float>;
  const hn::Rebind<T, hn::ScalableTag<F>> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto va = hn::Set(d, kKinds == kScalarA ? *a : T(0)), vb = hn::Set(d, kKinds == kScalarB ? *b : T(0));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto x = kKinds == kScalarA ? va : hn::LoadU(d, a + i);
    const auto y = kKinds == kScalarB ? vb : hn::LoadU(d, b + i);
    hn::StoreU(DivideLanes<T, kOp>(x, y), d, out + i);
  }
  for (; i < n; ++i) {
    const T x = kKinds == kScalarA ? *a : a[i], y = kKinds == kScalarB ? *b : b[i];
    out[i] = kOp == kFloorDivideOp ? FloorDivide::apply(x, y) : Remainder::apply(x, y);
  }
}

// int64 lanes whose dividend and divisor both lie in (-2^51, 2^51): the float64 quotient
// is exact after flooring there too (|a / b| < 2^51 keeps the rounding error below
// 1 / |b|), the remainder a - q * b is exact in float64 (|q * b| <= |a| + |b| < 2^52),
// and conversions in that range are one add and one subtract: x + bits(1.5 * 2^52),
// read as a float64, is 1.5 * 2^52 + x. Vectors with a lane outside take the scalar
// code (by_scalar: the reciprocal of NOTE: [Integer division by a scalar]).
template <int kOp, int kKinds>
HWY_NOINLINE void RunI64(const std::int64_t* a, const std::int64_t* b, std::int64_t* out, std::int64_t n,
                         void (*by_scalar)(int, const std::int64_t*, std::int64_t, std::int64_t*, std::int64_t)) {
  const hn::ScalableTag<std::int64_t> di;
  const hn::ScalableTag<double> df;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(di));
  constexpr std::int64_t kLimit = std::int64_t{1} << 51;
  const auto magic_i = hn::Set(di, std::int64_t{0x4338000000000000});
  const auto magic_f = hn::Set(df, 6755399441055744.0);  // 1.5 * 2^52
  const auto lo = hn::Set(di, -kLimit), hi = hn::Set(di, kLimit);
  auto in_range = [&](auto v) { return hn::And(hn::Gt(v, lo), hn::Lt(v, hi)); };
  auto to_float = [&](auto v) { return hn::Sub(hn::BitCast(df, hn::Add(v, magic_i)), magic_f); };
  auto to_int = [&](auto v) { return hn::Sub(hn::BitCast(di, hn::Add(v, magic_f)), magic_i); };
  auto scalar = [&](std::int64_t i, std::int64_t m) {
    if (kKinds == kScalarB) return by_scalar(kOp, a + i, *b, out + i, m);
    for (std::int64_t k = i; k < i + m; ++k) {
      const std::int64_t x = kKinds == kScalarA ? *a : a[k], y = kKinds == kScalarB ? *b : b[k];
      out[k] = kOp == kFloorDivideOp ? FloorDivide::apply(x, y) : Remainder::apply(x, y);
    }
  };
  const auto va = hn::Set(di, kKinds == kScalarA ? *a : 0), vb = hn::Set(di, kKinds == kScalarB ? *b : 1);
  if ((kKinds == kScalarA && !(*a > -kLimit && *a < kLimit)) || (kKinds == kScalarB && !(*b > -kLimit && *b < kLimit)))
    return scalar(0, n);
  auto vector_steps = [&](std::int64_t i) {  // stops at a vector with a lane out of range
    for (; i + N <= n; i += N) {
      const auto x = kKinds == kScalarA ? va : hn::LoadU(di, a + i);
      const auto y = kKinds == kScalarB ? vb : hn::LoadU(di, b + i);
      if (!hn::AllTrue(di, hn::And(in_range(x), in_range(y)))) break;
      const auto fx = to_float(x), fy = to_float(y);
      const auto q = hn::Floor(hn::Div(fx, fy));
      const auto r = kOp == kFloorDivideOp ? q : hn::NegMulAdd(q, fy, fx);
      hn::StoreU(hn::IfThenZeroElse(hn::Eq(y, hn::Zero(di)), to_int(r)), di, out + i);
    }
    return i;
  };
  RunWithScalarFallback(n, N, vector_steps, scalar);
}

void DivideI64(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out, std::int64_t n,
               void (*by_scalar)(int, const std::int64_t*, std::int64_t, std::int64_t*, std::int64_t)) {
  dispatch_division(op, kinds,
                    [&](auto o, auto k) { RunI64<decltype(o)::value, decltype(k)::value>(a, b, out, n, by_scalar); });
}

template <class T>
void Divide(int op, int kinds, const T* a, const T* b, T* out, std::int64_t n) {
  dispatch_division(op, kinds, [&](auto o, auto k) { Run<T, decltype(o)::value, decltype(k)::value>(a, b, out, n); });
}

void DivideI32(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  Divide(op, kinds, a, b, out, n);
}
void DivideU8(int op, int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n) {
  Divide(op, kinds, a, b, out, n);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(DivideI32);
HWY_EXPORT(DivideU8);
HWY_EXPORT(DivideI64);

void simd_integer_division(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out,
                           std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(DivideI32)(op, kinds, a, b, out, n);
}
void simd_integer_division(int op, int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out,
                           std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(DivideU8)(op, kinds, a, b, out, n);
}

// NOTE: [Integer division by a scalar]
// int64 has no exact float path (int32's, above), and idiv costs 3.5 ns per element
// here. A divisor that is the same for a whole run is turned into a reciprocal once:
// for 2 <= d < 2^64, M = ceil(2^128 / d) fits in 128 bits and floor(x * M / 2^128) =
// floor(x / d) for every x < 2^64 (Granlund and Montgomery, "Division by invariant
// integers using multiplication", 1994: M * d - 2^128 = e < d, so x * M / 2^128 exceeds
// x / d by x * e / (d * 2^128) < 2^-64 <= 1 / d, too little to reach the next whole
// number). Two 64 x 64 -> 128-bit products per element. Signs: with s = -1 where the
// quotient is negative and 0 elsewhere, floor(a / b) = udiv(x) ^ s with x = |a| for a
// quotient >= 0 and |a| - 1 otherwise (so that ~udiv = -1 - udiv rounds toward -inf),
// which x = a ^ s (b > 0) and x = (-a) ^ s (b < 0) give in unsigned arithmetic without
// branches. The remainder is a - q * b, wrapping. Divisors 0, 1 and -1 keep the functors.
// int32 (DivideI32ByScalar) does the same in vector lanes with the same theorem for
// 32-bit x (x <= 2^31 here): l = ceil(log2 d), M = floor(2^(32 + l) / d) + 1 < 2^33 and
// floor(x / d) = floor(x M / 2^(32 + l)) = (x + floor(x (M - 2^32) / 2^32)) >> l, one
// 32 x 32 -> 64-bit product per lane (MulEven on the even and the odd lanes). The float64
// division it replaces was bound by the conversions between int32 and float64 lanes
// (3.2 Gelem/s in L1 on the Zen 4, a float reciprocal with a correction 2.9); this runs at
// the memory's speed: 10M elements on one thread 3.17 -> 4.4-4.5 Gelem/s. uint8
// (DivideU8ByScalar) needs only 16-bit lanes: for 2 <= d <= 255, M = ceil(2^16 / d)
// <= 2^15 and floor(x / d) = floor(x M / 2^16) for every x <= 255 (the error x (M d -
// 2^16) / (d 2^16) < 255 d / (d 2^16) stays below 1 / d because 255 d < 2^16), one
// MulHigh per lane: 5.2 -> 26-32 Gelem/s (10M, one thread).
#ifdef __SIZEOF_INT128__
namespace {

__extension__ typedef unsigned __int128 U128;  // __extension__: GCC's and Clang's type, not ISO C++'s

inline std::uint64_t udiv_by_reciprocal(std::uint64_t x, std::uint64_t m_lo, std::uint64_t m_hi) {
  const U128 low = (static_cast<U128>(x) * m_lo) >> 64;
  return static_cast<std::uint64_t>((static_cast<U128>(x) * m_hi + low) >> 64);
}

template <int kOp, bool kPositive>
void DivideI64ByScalar(const std::int64_t* a, std::int64_t b, std::int64_t* out, std::int64_t n) {
  const std::uint64_t ub = kPositive ? static_cast<std::uint64_t>(b) : std::uint64_t{0} - static_cast<std::uint64_t>(b);
  const U128 m = ~U128{0} / ub + 1;
  const auto m_lo = static_cast<std::uint64_t>(m), m_hi = static_cast<std::uint64_t>(m >> 64);
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t x = a[i];
    const auto ux = static_cast<std::uint64_t>(x);
    const std::uint64_t s = kPositive ? static_cast<std::uint64_t>(x >> 63) : std::uint64_t{0} - (x > 0);
    const std::uint64_t q = udiv_by_reciprocal((kPositive ? ux : std::uint64_t{0} - ux) ^ s, m_lo, m_hi) ^ s;
    if constexpr (kOp == kFloorDivideOp) out[i] = static_cast<std::int64_t>(q);
    else out[i] = static_cast<std::int64_t>(ux - q * static_cast<std::uint64_t>(b));
  }
}

}  // namespace
#endif

void simd_integer_division(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out,
                           std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(DivideI64)(op, kinds, a, b, out, n, integer_division_by_scalar);
}

void integer_division_by_scalar(int op, const std::int64_t* a, std::int64_t b, std::int64_t* out, std::int64_t n) {
#ifdef __SIZEOF_INT128__
  if (b >= 2) {
    return op == kFloorDivideOp ? DivideI64ByScalar<kFloorDivideOp, true>(a, b, out, n)
                                : DivideI64ByScalar<kRemainderOp, true>(a, b, out, n);
  }
  if (b <= -2) {
    return op == kFloorDivideOp ? DivideI64ByScalar<kFloorDivideOp, false>(a, b, out, n)
                                : DivideI64ByScalar<kRemainderOp, false>(a, b, out, n);
  }
#endif
  for (std::int64_t i = 0; i < n; ++i)
    out[i] = op == kFloorDivideOp ? FloorDivide::apply(a[i], b) : Remainder::apply(a[i], b);
}
}  // namespace lina::kernels
#endif
