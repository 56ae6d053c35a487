// lina's vectorised exp, expm1, log, log1p, tanh, sigmoid, sin and cos for float32 and float64, written once
// against Highway's portable ops and compiled for every target of the including file
// (per-target header: include it after hwy/highway.h inside a foreach_target file).
//
// NOTE: [Vector math algorithms]
// Every function but float32 tanh is a classical range reduction followed by a
// near-minimax polynomial (coefficients fitted by src/kernels/vector_math_fit.py;
// measured errors in tests/unit/vector_math_test.cpp), evaluated with FMA:
// - exp(x) = 2^n e^r with n = round(x / ln 2) and r = x - n ln2 computed in two FMA
//   steps with ln 2 split into a high and a low part (W. J. Cody and W. Waite, "Software
//   Manual for the Elementary Functions", 1980, the exp chapter). n is rounded by adding
//   1.5 * 2^p (p = mantissa bits) so that it lands in the low bits of the sum, and 2^n
//   is built from those bits by one shift into the exponent field (a classical trick;
//   see J.-M. Muller, "Elementary Functions: Algorithms and Implementation"). e^r = 1 + r + r^2 q(r)
//   on |r| <= ln2/2, q of degree 4 (float32) or 9 (float64). float32 on AVX-512 and AVX2
//   reduces by ln2/16 or ln2/8 and takes 2^(j/16) or 2^(j/8) from a table (NOTE:
//   [float32 exp by a 16-entry table]).
// - log(x) = e ln2 + log(1 + f) with x = 2^e (1 + f), 1 + f in [sqrt(1/2), sqrt(2)).
//   float32: log(1 + f) = f + f^2 g(f), g of degree 8 (no division). float64: the
//   s = f / (2 + f) substitution of fdlibm's e_log.c (Sun Microsystems, 1993):
//   log(1 + f) = f - (f^2/2 - s (f^2/2 + z h(z))), z = s^2, h of degree 6.
// - expm1(x) = 2^n (e^r - 1) + (2^n - 1) with the same reduction: e^r - 1 = r + r^2 q(r)
//   keeps its relative accuracy for small r, and no branch is needed near 0.
// - tanh, float64: tanh(|x|) = m / (m + 2) with m = expm1(2|x|), |x| clamped at 19.1
//   where tanh rounds to 1 (the identity tanh(a) = (e^2a - 1)/(e^2a + 1)); accurate near
//   0 because expm1 is, so no separate small-argument polynomial.
// - tanh, float32: one rational function, tanh(a) = (a + a z P1(z)) / (1 + z Q1(z))
//   with a = |x| clamped at 10, z = a^2, P1 and Q1 of degree 3 (a near-minimax fit on
//   [0, 9.011], 0.48 ulp, also by vector_math_fit.py): 10 multiplies and multiply-adds
//   and one division, no exponent handling, 1.35-1.5 times the throughput of the expm1
//   form. The price is accuracy: near 1 the rounding errors of the two four-term sums
//   pass straight into their quotient (the expm1 form's m / (m + 2) damps them), so it
//   is within 5.2 ulp (5.9 without FMA) where the expm1 form was within 2.4.
//   P(0) = Q(0) = 1 gives tanh(x) = x for tiny x; the quotient passes 1 near 9 and is
//   capped there (the denominator is raised to the numerator), so tanh is exactly 1
//   from the clamp on. Both: the sign is put back last, so tanh(-0) = -0.
// - log1p(x) = log(1 + x) plus the correction for the rounding of 1 + x (see Log1p).
// - sigmoid(x) = 1 / (1 + e) for x >= 0 and e / (1 + e) for x < 0, e = exp(-|x|): exp
//   never overflows and small results keep their relative accuracy.
// - sin, cos: sin(x) = sign(x) sin(|x|), cos(x) = cos(|x|); |x| = n pi/2 + r with
//   n = round(|x| 2/pi) (the shifter again) and |r| <= pi/4 by Cody-Waite reduction, then
//   sin(r) = r + r z S(z) and cos(r) = 1 - z/2 + z^2 K(z), z = r^2, both computed, and n
//   mod 4 picks +-sin(r) or +-cos(r) (cos adds 1 to n). The reduction must stay
//   accurate where |x| is close to a multiple of pi/2 and r cancels: float64 carries r
//   as rh + rl from pi/2 in four parts (33, 33, 33, 53 bits; n times a 33-bit part is
//   exact for n < 2^20 without FMA, and TwoSum keeps the rounding errors of the
//   subtractions), or with FMA three 53-bit parts in 5 instructions while no lane
//   cancels below 2^-32. float32 with FMA does the same in float32 (24-bit parts) for
//   |x| <= 1024 while no lane cancels below 2^-13 (0.79 ulp); otherwise, and on targets
//   without FMA, float32 is computed in float64 (promoted halves, two parts of pi/2: r
//   is needed to ~2^-30 only) and rounded once (0.5002 ulp, at half the speed). Lanes
//   with |x| > 2^20 (also inf, NaN) take std::sin / std::cos one at a time, so every
//   input is within the bound: 1 ulp for float64 (0.85 measured), 0.85 for float32.
// IEEE edges as NumPy has them (NaN in, NaN out; exp(+-inf) = inf, 0; overflow to inf;
// underflow to denormals then 0; log(0) = -inf, log(<0) = NaN, log(inf) = inf; tanh(+-inf)
// = +-1) come from lane masks, not per-element branches. exp and log test once per
// vector whether every lane is in the common range (|x| < 87.3 for float32 exp,
// normal positive finite for log) and otherwise take a slower vector path that handles
// every lane, so the common loop carries no fix-ups.
#if defined(LINA_KERNELS_VECTOR_MATH_INL_HPP_) == defined(HWY_TARGET_TOGGLE)
#ifdef LINA_KERNELS_VECTOR_MATH_INL_HPP_
#undef LINA_KERNELS_VECTOR_MATH_INL_HPP_
#else
#define LINA_KERNELS_VECTOR_MATH_INL_HPP_
#endif

#include <cstddef>
#include <cmath>
#include <cstdint>
#include <limits>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace vmath {
namespace hn = hwy::HWY_NAMESPACE;

// Horner's rule c[0] + c[1] x + ... + c[N-1] x^(N-1) with FMAs (throughput-bound
// loops: the fewest operations beat Estrin's shorter dependency chain).
template <class D, class V, class T, std::size_t N>
HWY_INLINE V Polynomial(D d, V x, const T (&c)[N]) {
  V p = hn::Set(d, c[N - 1]);
  for (std::size_t i = N - 1; i-- > 0;) p = hn::MulAdd(p, x, hn::Set(d, c[i]));
  return p;
}

template <class T>
struct Constants;

template <>
struct Constants<float> {
  static constexpr int kMantissaBits = 23;
  static constexpr std::int32_t kBias = 127;
  static constexpr float kShifter = 0x1.8p23f;           // adding it rounds to an integer
  static constexpr float kBiasedShifter = 0x1.8p23f + 127;  // ... and adds the exponent bias
  static constexpr float kLog2e = 1.44269504088896341f;
  // ln 2 = kLn2Hi + kLn2Lo, kLn2Hi with 16 significant bits so that n kLn2Hi is exact
  // for |n| < 2^8 even on targets without FMA.
  static constexpr float kLn2Hi = 0x1.62e4p-1f;
  static constexpr float kLn2Lo = 0x1.7f7d1cp-20f;
  static constexpr float kExpFastLimit = 87.3f;           // |x| below: 2^n is a normal number
  static constexpr float kExpLow = -104.0f;               // exp below rounds to 0
  static constexpr float kExpHigh = 89.0f;                // exp above overflows to inf
  static constexpr float kExpQ[] = {5.0e-1f, 1.6666577025597988e-1f, 4.1666554662050534e-2f,
                                    8.3631730745137109e-3f, 1.3926176119935579e-3f};
  static constexpr std::int32_t kSqrtHalfBits = 0x3f3504f3;  // bits of sqrt(1/2)
  static constexpr float kLogG[] = {-4.9999997649770979e-1f, 3.3333330028354797e-1f, -2.5000781239812696e-1f,
                                    2.0001234461093455e-1f,  -1.6626645629127463e-1f, 1.4204855952571014e-1f,
                                    -1.3127555651287652e-1f, 1.2722672788010962e-1f,  -7.6736415016740257e-2f};
  // tanh(x) = (x + x z P1(z)) / (1 + z Q1(z)), z = x^2, fitted on [0, 9.011] (tanh rounds
  // to 1 from 13 ln 2 = 9.0109... on). Past 9.2 the quotient exceeds 1 by more than the
  // rounding errors (by 2e-6 at 10) and is capped at 1, so clamping |x| at 10 gives
  // exactly 1 there and keeps z finite.
  static constexpr float kTanhClamp = 10.0f;
  static constexpr float kTanhP[] = {1.338813395e-01f, 3.503870326e-03f, 2.073781290e-05f, 1.351620489e-08f};
  static constexpr float kTanhQ[] = {4.672145665e-01f, 2.590891467e-02f, 3.298870127e-04f, 7.846372950e-07f};
};

template <>
struct Constants<double> {
  static constexpr int kMantissaBits = 52;
  static constexpr std::int64_t kBias = 1023;
  static constexpr double kShifter = 0x1.8p52;
  static constexpr double kBiasedShifter = 0x1.8p52 + 1023;
  static constexpr double kLog2e = 1.4426950408889634074;
  // ln 2 = kLn2Hi + kLn2Lo, kLn2Hi with 42 significant bits: n kLn2Hi exact for |n| < 2^11.
  static constexpr double kLn2Hi = 0x1.62e42fefa38p-1;
  static constexpr double kLn2Lo = 0x1.ef35793c7673p-45;
  static constexpr double kExpFastLimit = 708.3;
  static constexpr double kExpLow = -746.0;
  static constexpr double kExpHigh = 710.0;
  static constexpr double kExpQ[] = {5.000000000000001e-1,   1.6666666666666667e-1,  4.1666666666624162e-2,
                                     8.3333333333300644e-3,  1.3888888917196719e-3,  1.9841269863040545e-4,
                                     2.4801521322368693e-5,  2.7557268480310026e-6,  2.7620075879983367e-7,
                                     2.5100375832561234e-8};
  static constexpr std::int64_t kSqrtHalfBits = 0x3fe6a09e667f3bcd;
  static constexpr double kLogH[] = {6.6666666666666697e-1, 3.9999999999899504e-1, 2.8571428625975485e-1,
                                     2.222221113479508e-1,  1.8182889125261722e-1, 1.5331721600556041e-1,
                                     1.4616449685043406e-1};
  static constexpr double kTanhSaturate = 19.1;  // 1 - 2/(exp(38.2) + 1) rounds to 1
};

// ---------------------------------------------------------------- exp

// The reduction shared by both exp paths: t = x / ln2 + shifter (its low bits hold n),
// returns e^r - 1 with r = x - n ln2.
template <class D, class V>
HWY_INLINE V ExpReduced(D d, V x, V shifter, V& t) {
  using C = Constants<hn::TFromD<D>>;
  t = hn::MulAdd(x, hn::Set(d, C::kLog2e), shifter);
  const V n = hn::Sub(t, shifter);
  V r = hn::NegMulAdd(n, hn::Set(d, C::kLn2Hi), x);
  r = hn::NegMulAdd(n, hn::Set(d, C::kLn2Lo), r);
  return hn::MulAdd(hn::Mul(r, r), Polynomial(d, r, C::kExpQ), r);
}

#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL || HWY_TARGET == HWY_AVX2
// NOTE: [float32 exp by a 16-entry table]
// On AVX-512 float32 exp reduces by ln2/16 instead of ln2: x = (16k + j) ln2/16 + r,
// |r| <= ln2/32, and exp(x) = 2^k 2^(j/16) e^r with 2^(j/16) from a 16-entry table
// (one vpermps: the table is one vector, indexed by the low 4 bits of the rounded
// 16 x / ln2) and e^r = 1 + r + r^2 q(r), q of degree 1 (vector_math_fit.py,
// exp32_table). The table holds the bits of 2^(j/16) minus j << 19, so adding the
// rounded value's bits shifted left by 19 puts k into the exponent and cancels j (the
// layout of ARM's optimized-routines expf; the constants are lina's own). That is 7
// multiply-class operations per vector where the ln2 reduction's degree-4 polynomial
// needs 10, and on the Zen 4, which issues one 512-bit FMA per cycle, exp's loop was
// bound by them. lina's exp(x, out) on float32 in [-5, 5], one thread pinned, two
// alternations: in L2 (262,144 elements) 5.14-5.17 -> 6.98-7.04 Gelem/s, at 10M
// 4.62-5.08 -> 5.77-5.88, near what one core streams (a plain x * k loop: 6.1-6.3).
// The table's own rounding (up to half an ulp of 2^(j/16)) costs accuracy: within 1.02
// ulp over every float32 in (-87.3, 87.3), checked once by a scratch program (the ln2
// path: 1.05 measured), and the tests' bound stays 1.5. AVX2, whose vectors hold 8
// floats, does the same with an 8-entry table (ln2/8, |r| <= ln2/16, q of degree 2:
// 8 multiply-class operations): 0.89 ulp over every float32 in (-87.3, 87.3), and with
// the dispatch held to AVX2 on the Zen 4 (65,536 elements, three alternations) exp
// 4.77-4.85 -> 5.57-5.63 Gelem/s, sigmoid 2.95-2.97 -> 3.27-3.35. The other targets
// keep the ln2 reduction.
template <int kBits>
struct ExpTable;
template <>
struct ExpTable<4> {  // AVX-512: 16 entries, exp32_table(4) in vector_math_fit.py
  alignas(64) static constexpr std::int32_t kBits[16] = {
      0x3f800000, 0x3f7daac3, 0x3f7b95c2, 0x3f79c3d3, 0x3f7837f0, 0x3f76f532, 0x3f75fed7, 0x3f75583f,
      0x3f7504f3, 0x3f7508a4, 0x3f75672a, 0x3f76248c, 0x3f7744fd, 0x3f78ccdf, 0x3f7ac0c7, 0x3f7d257d};
  static constexpr float kInvStep = 0x1.715476p+4f;  // 16 / ln2
  static constexpr float kStepHi = 0x1.62ep-5f;      // ln2/16 = hi + lo; n hi exact for |n| < 2^12
  static constexpr float kStepLo = 0x1.0bfbe8p-19f;
  static constexpr float kQ[] = {5.000097749180301e-1f, 1.6666862164590477e-1f};
};
template <>
struct ExpTable<3> {  // AVX2: 8 entries, exp32_table(3)
  alignas(32) static constexpr std::int32_t kBits[8] = {0x3f800000, 0x3f7b95c2, 0x3f7837f0, 0x3f75fed7,
                                                         0x3f7504f3, 0x3f75672a, 0x3f7744fd, 0x3f7ac0c7};
  static constexpr float kInvStep = 0x1.715476p+3f;  // 8 / ln2
  static constexpr float kStepHi = 0x1.62ep-4f;
  static constexpr float kStepLo = 0x1.0bfbe8p-18f;
  static constexpr float kQ[] = {5.0e-1f, 1.666783968696943e-1f, 4.1668621684124516e-2f};
};

// The entries of `table` (one vector) at the low bits of each lane of idx.
template <class DI, class VI>
HWY_INLINE VI PermuteTable(DI di, VI idx, const std::int32_t* table) {
#if HWY_TARGET == HWY_AVX2
  return VI{_mm256_permutevar8x32_epi32(hn::Load(di, table).raw, idx.raw)};
#else
  return VI{_mm512_permutexvar_epi32(idx.raw, hn::Load(di, table).raw)};
#endif
}

template <class D, class V>
HWY_INLINE V ExpInRangeTable(D d, V x) {
  constexpr int kIndexBits = hn::MaxLanes(D()) == 16 ? 4 : 3;
  using Tab = ExpTable<kIndexBits>;
  const hn::RebindToSigned<D> di;
  const V shifter = hn::Set(d, 0x1.8p23f);
  const V t = hn::MulAdd(x, hn::Set(d, Tab::kInvStep), shifter);
  const V n = hn::Sub(t, shifter);
  V r = hn::NegMulAdd(n, hn::Set(d, Tab::kStepHi), x);
  r = hn::NegMulAdd(n, hn::Set(d, Tab::kStepLo), r);
  const auto tbits = hn::BitCast(di, t);
  const V scale = hn::BitCast(d, hn::Add(PermuteTable(di, tbits, Tab::kBits), hn::ShiftLeft<23 - kIndexBits>(tbits)));
  const V em1 = hn::MulAdd(hn::Mul(r, r), Polynomial(d, r, Tab::kQ), r);
  return hn::MulAdd(scale, em1, scale);
}
#endif

// exp for |x| < kExpFastLimit (NaN-free): 2^n is one shift of t's bits.
template <class D, class V>
HWY_INLINE V ExpInRange(D d, V x) {
  using C = Constants<hn::TFromD<D>>;
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
  if constexpr (sizeof(hn::TFromD<D>) == 4 && hn::MaxLanes(D()) == 16) return ExpInRangeTable(d, x);
#elif HWY_TARGET == HWY_AVX2
  if constexpr (sizeof(hn::TFromD<D>) == 4 && hn::MaxLanes(D()) == 8) return ExpInRangeTable(d, x);
#endif
  const hn::RebindToSigned<D> di;
  V t;
  const V em1 = ExpReduced(d, x, hn::Set(d, C::kBiasedShifter), t);
  const V scale = hn::BitCast(d, hn::ShiftLeft<C::kMantissaBits>(hn::BitCast(di, t)));
  return hn::MulAdd(em1, scale, scale);
}

// exp for every input: x clamped to [kExpLow, kExpHigh] and 2^n applied as two
// factors 2^(n>>1) and 2^(n - (n>>1)), each a normal number, so that the product
// overflows to inf or underflows through the denormals to 0 as the true value does.
template <class D, class V>
HWY_NOINLINE V ExpAnyRange(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  const hn::RebindToSigned<D> di;
  const V xc = hn::Min(hn::Max(x, hn::Set(d, C::kExpLow)), hn::Set(d, C::kExpHigh));
  V t;
  const V em1 = ExpReduced(d, xc, hn::Set(d, C::kShifter), t);
  const auto n = hn::Sub(hn::BitCast(di, t), hn::BitCast(di, hn::Set(d, C::kShifter)));
  const auto n1 = hn::ShiftRight<1>(n);
  const auto bias = hn::Set(di, static_cast<hn::TFromD<decltype(di)>>(C::kBias));
  const V s1 = hn::BitCast(d, hn::ShiftLeft<C::kMantissaBits>(hn::Add(n1, bias)));
  const V s2 = hn::BitCast(d, hn::ShiftLeft<C::kMantissaBits>(hn::Add(hn::Sub(n, n1), bias)));
  const V y = hn::Mul(hn::MulAdd(em1, s1, s1), s2);
  return hn::IfThenElse(hn::IsNaN(x), x, y);
}

template <class D, class V>
HWY_INLINE V Exp(D d, V x) {
  using C = Constants<hn::TFromD<D>>;
  // NaN compares false: such vectors take the full path too.
  if (HWY_LIKELY(hn::AllTrue(d, hn::Lt(hn::Abs(x), hn::Set(d, C::kExpFastLimit))))) return ExpInRange(d, x);
  return ExpAnyRange(d, x);
}

// expm1 for |x| < kExpFastLimit: 2^n (e^r - 1) + (2^n - 1), one rounding; for n = 0
// it is e^r - 1 itself, so small inputs keep their relative accuracy.
template <class D, class V>
HWY_INLINE V Expm1InRange(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  const hn::RebindToSigned<D> di;
  V t;
  const V em1 = ExpReduced(d, x, hn::Set(d, C::kBiasedShifter), t);
  const V scale = hn::BitCast(d, hn::ShiftLeft<C::kMantissaBits>(hn::BitCast(di, t)));
  return hn::MulAdd(em1, scale, hn::Sub(scale, hn::Set(d, T(1))));
}

// expm1 everywhere: beyond the fast range e^x - 1 has no cancellation (it is -1 or
// e^x to within rounding), so exp's full path serves.
template <class D, class V>
HWY_NOINLINE V Expm1AnyRange(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  const auto in = hn::Lt(hn::Abs(x), hn::Set(d, C::kExpFastLimit));
  const V inside = Expm1InRange(d, hn::IfThenElseZero(in, x));
  return hn::IfThenElse(in, inside, hn::Sub(ExpAnyRange(d, x), hn::Set(d, T(1))));
}

// expm1(x) has the sign of x, so or-ing in x's sign bit changes nothing but the sign of
// a zero: expm1(-0) = -0 (the sums above give +0).
template <class D, class V>
HWY_INLINE V Expm1(D d, V x) {
  using C = Constants<hn::TFromD<D>>;
  V y;
  if (HWY_LIKELY(hn::AllTrue(d, hn::Lt(hn::Abs(x), hn::Set(d, C::kExpFastLimit))))) y = Expm1InRange(d, x);
  else y = Expm1AnyRange(d, x);
  return hn::Or(y, hn::And(hn::SignBit(d), x));
}

// ---------------------------------------------------------------- log

// log for positive normal finite x, plus `extra` (a whole number) times ln 2.
template <class D, class V>
HWY_INLINE V LogNormal(D d, V x, V extra) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  const hn::RebindToSigned<D> di;
  using TI = hn::TFromD<decltype(di)>;
  const auto xi = hn::BitCast(di, x);
  // e = floor(log2(x / sqrt(1/2))), so that m = x / 2^e lies in [sqrt(1/2), sqrt(2)).
  const auto e = hn::ShiftRight<C::kMantissaBits>(hn::Sub(xi, hn::Set(di, static_cast<TI>(C::kSqrtHalfBits))));
  const V m = hn::BitCast(d, hn::Sub(xi, hn::ShiftLeft<C::kMantissaBits>(e)));
  const V f = hn::Sub(m, hn::Set(d, T(1)));
  const V k = hn::Add(hn::ConvertTo(d, e), extra);
  V log1pf;
  if constexpr (sizeof(T) == 4) {
    log1pf = hn::MulAdd(hn::Mul(f, f), Polynomial(d, f, C::kLogG), f);
  } else {
    const V s = hn::Div(f, hn::Add(f, hn::Set(d, T(2))));
    const V z = hn::Mul(s, s);
    const V hfsq = hn::Mul(hn::Set(d, T(0.5)), hn::Mul(f, f));
    const V corr = hn::MulAdd(s, hn::MulAdd(z, Polynomial(d, z, C::kLogH), hfsq), hn::Mul(k, hn::Set(d, C::kLn2Lo)));
    log1pf = hn::Sub(f, hn::Sub(hfsq, corr));
    return hn::MulAdd(k, hn::Set(d, C::kLn2Hi), log1pf);
  }
  return hn::MulAdd(k, hn::Set(d, C::kLn2Hi), hn::MulAdd(k, hn::Set(d, C::kLn2Lo), log1pf));
}

// log for every input: denormals scaled into the normal range first, then the IEEE
// values for 0, negatives, inf and NaN.
template <class D, class V>
HWY_NOINLINE V LogAnyRange(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  constexpr T kInf = std::numeric_limits<T>::infinity();
  const auto tiny = hn::Lt(x, hn::Set(d, std::numeric_limits<T>::min()));
  const T two_p = sizeof(T) == 4 ? T(0x1p23) : T(0x1p52);  // exact scaling of denormals
  const V xs = hn::IfThenElse(tiny, hn::Mul(x, hn::Set(d, two_p)), x);
  V y = LogNormal(d, xs, hn::IfThenElseZero(tiny, hn::Set(d, T(-C::kMantissaBits))));
  y = hn::IfThenElse(hn::Eq(x, hn::Zero(d)), hn::Set(d, -kInf), y);
  y = hn::IfThenElse(hn::Lt(x, hn::Zero(d)), hn::Set(d, std::numeric_limits<T>::quiet_NaN()), y);
  y = hn::IfThenElse(hn::Eq(x, hn::Set(d, kInf)), x, y);
  return hn::IfThenElse(hn::IsNaN(x), x, y);
}

template <class D, class V>
HWY_INLINE V Log(D d, V x) {
  using T = hn::TFromD<D>;
  const auto normal = hn::And(hn::Ge(x, hn::Set(d, std::numeric_limits<T>::min())),
                              hn::Le(x, hn::Set(d, std::numeric_limits<T>::max())));
  if (HWY_LIKELY(hn::AllTrue(d, normal))) return LogNormal(d, x, hn::Zero(d));
  return LogAnyRange(d, x);
}

// log1p(x) = log(u) + (x - (u - 1)) / u with u = 1 + x rounded: x - (u - 1) is the
// rounding error of 1 + x, exactly for |x| <= 1 (Dekker's Fast2Sum: T. J. Dekker, "A
// floating-point technique for extending the available precision", Numer. Math. 18,
// 1971), and the second term is the first-order correction log(u + d) = log(u) + d/u;
// for |x| > 1 it is far below an ulp of log(u) anyway. For |x| below half an ulp of 1,
// u = 1 and the result is x itself. log1p has the sign of x, which the last step gives
// a zero (log1p(-0) = -0).
template <class D, class V>
HWY_INLINE V Log1p(D d, V x) {
  using T = hn::TFromD<D>;
  const V one = hn::Set(d, T(1));
  const V u = hn::Add(one, x);
  const auto normal = hn::And(hn::Ge(u, hn::Set(d, std::numeric_limits<T>::min())),
                              hn::Le(u, hn::Set(d, std::numeric_limits<T>::max())));
  const V c = hn::Div(hn::Sub(x, hn::Sub(u, one)), u);
  V y;
  if (HWY_LIKELY(hn::AllTrue(d, normal))) y = hn::Add(LogNormal(d, u, hn::Zero(d)), c);
  else y = hn::Add(LogAnyRange(d, u), hn::IfThenElseZero(normal, c));  // 0, negative, inf, NaN: no correction
  return hn::Or(y, hn::And(hn::SignBit(d), x));
}

// ---------------------------------------------------------------- tanh, sigmoid

// min(|x|, limit), keeping NaN, which then runs through the arithmetic to the result:
// x86's min returns its second operand when either is NaN (one instruction); elsewhere
// a compare and select.
template <class D, class V, class T>
HWY_INLINE V AbsClampedKeepingNaN(D d, V x, T limit) {
  const V lim = hn::Set(d, limit);
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_SSSE3
  return hn::Min(lim, hn::Abs(x));
#else
  return hn::IfThenElse(hn::Gt(hn::Abs(x), lim), lim, hn::Abs(x));
#endif
}

// float32 tanh as one rational function of |x| (see the NOTE), clamped at kTanhClamp.
template <class D, class V>
HWY_INLINE V TanhRational(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  // Clamp first so that z stays finite.
  const V a = AbsClampedKeepingNaN(d, x, C::kTanhClamp);
  const V z = hn::Mul(a, a);
  const V num = hn::MulAdd(hn::Mul(a, z), Polynomial(d, z, C::kTanhP), a);
  const V den = hn::MulAdd(z, Polynomial(d, z, C::kTanhQ), hn::Set(d, T(1)));
  // num/den comes out up to a few ulp above 1 near the clamp: the larger denominator
  // caps the quotient at exactly 1 (both are NaN together, so NaN survives).
  return hn::CopySignToAbs(hn::Div(num, hn::Max(den, num)), x);
}

// float64 tanh: m / (m + 2) with m = expm1(2|x|), |x| clamped at kTanhSaturate.
template <class D, class V>
HWY_INLINE V TanhExpm1(D d, V x) {
  using T = hn::TFromD<D>;
  using C = Constants<T>;
  const V a = AbsClampedKeepingNaN(d, x, C::kTanhSaturate);
  const V m = Expm1InRange(d, hn::Add(a, a));
  return hn::CopySignToAbs(hn::Div(m, hn::Add(m, hn::Set(d, T(2)))), x);
}

template <class D, class V>
HWY_INLINE V Tanh(D d, V x) {
  if constexpr (sizeof(hn::TFromD<D>) == 4) return TanhRational(d, x);
  else return TanhExpm1(d, x);
}

template <class D, class V>
HWY_INLINE V Sigmoid(D d, V x) {
  using T = hn::TFromD<D>;
  const V one = hn::Set(d, T(1));
  const V e = Exp(d, hn::Neg(hn::Abs(x)));
  return hn::Div(hn::IfThenElse(hn::Ge(x, hn::Zero(d)), one, e), hn::Add(one, e));
}

// ---------------------------------------------------------------- sin, cos

// The float64 constants, also for float32 computed in float64 (promoted halves); the
// float32 FMA path has its own (TrigConstantsF32).
struct TrigConstants {
  static constexpr double kTwoOverPi = 0x1.45f306dc9c883p-1;
  // |x| up to here takes the vector path, beyond it std::sin / std::cos: n = round(|x| 2/pi)
  // stays below 2^20, so that n times a 33-bit part of pi/2 is exact without FMA.
  static constexpr double kFastLimit = 0x1p20;
  // pi/2 = kPio2_1 + kPio2_2 + kPio2_3 + kPio2_4 + O(2^-156), parts of 33, 33, 33, 53 bits.
  static constexpr double kPio2_1 = 0x1.921fb544p+0;
  static constexpr double kPio2_2 = 0x1.0b4611a6p-34;
  static constexpr double kPio2_3 = 0x1.3198a2ep-69;
  static constexpr double kPio2_4 = 0x1.b839a252049c1p-104;
  // With FMA: pi/2 = kPio2Fma1 + kPio2Fma2 + kPio2Fma3 + O(2^-163), 53 bits each.
  static constexpr double kPio2Fma1 = 0x1.921fb54442d18p+0;
  static constexpr double kPio2Fma2 = 0x1.1a62633145c07p-54;
  static constexpr double kPio2Fma3 = -0x1.f1976b7ed8fbcp-110;
  // float32's two-part reduction: pi/2 - kPio2_1 to 53 bits (pi/2 to within 2^-87).
  static constexpr double kPio2_2Full = 0x1.0b4611a626331p-34;
  // sin(r) = r + r z S(z), cos(r) = 1 - z/2 + z^2 K(z), z = r^2, |r| <= pi/4: degree 5
  // for float64 (fit errors 2e-17, 1.3e-18), degree 3 for float32 (2.8e-11, 2.3e-12).
  static constexpr double kSinS64[] = {-1.6666666666666665e-1, 8.3333333333309485e-3, -1.9841269836758574e-4,
                                       2.755731610255244e-6,   -2.5051131845003624e-8, 1.5918129294866609e-10};
  static constexpr double kCosK64[] = {4.1666666666666665e-2, -1.3888888888887397e-3, 2.4801587298765688e-5,
                                       -2.7557317271729793e-7, 2.0876146268403198e-9,  -1.1382632425521718e-11};
  static constexpr double kSinS32[] = {-1.666666666385529e-1, 8.3333318747102088e-3, -1.9840086735384846e-4,
                                       2.7249925803059792e-6};
  static constexpr double kCosK32[] = {4.1666666664321203e-2, -1.388888767201679e-3, 2.4800600377156728e-5,
                                       -2.730095920390147e-7};
};

// s + e = a + b exactly (Knuth's TwoSum: no assumption on which is larger).
template <class V>
HWY_INLINE V TwoSum(V a, V b, V& e) {
  const V s = hn::Add(a, b);
  const V bb = hn::Sub(s, a);
  e = hn::Add(hn::Sub(a, hn::Sub(s, bb)), hn::Sub(b, bb));
  return s;
}

// Quadrant q (the low bits of t, a float64 whose low mantissa bits hold the integer n)
// plus kOffset (1 for cos: cos(a) = sin(a + pi/2)) picks sin(r), cos(r), -sin(r) or -cos(r).
template <int kOffset, class D, class V>
HWY_INLINE V SelectQuadrant(D d, V t, V sin_r, V cos_r) {
  const hn::RebindToSigned<D> di;
  const auto q = hn::Add(hn::BitCast(di, t), hn::Set(di, kOffset));
  const auto odd = hn::RebindMask(d, hn::TestBit(q, hn::Set(di, 1)));
  constexpr int kToSign = static_cast<int>(sizeof(hn::TFromD<D>)) * 8 - 2;  // bit 1 to the sign
  const V negate = hn::BitCast(d, hn::ShiftLeft<kToSign>(hn::And(q, hn::Set(di, 2))));
  return hn::Xor(hn::IfThenElse(odd, cos_r, sin_r), negate);
}

// sin or cos of a = n pi/2 + rh + rl (t holds n, as SelectQuadrant reads it), with rl
// entering to first order: sin(rh + rl) = sin(rh) + rl cos(rh), cos(rh + rl) = cos(rh) -
// rl sin(rh). sin_s and cos_k: the polynomials S and K below, in the vector's type.
template <int kOffset, class D, class V, class T, std::size_t NS, std::size_t NK>
HWY_INLINE V SinCosOfReduced(D d, V t, V rh, V rl, const T (&sin_s)[NS], const T (&cos_k)[NK]) {
  const V z = hn::Mul(rh, rh);
  const V half_z = hn::Mul(hn::Set(d, T(0.5)), z);
  // sin: rh + (rh z S(z) + rl (1 - z/2))
  V s = hn::MulAdd(hn::Mul(rh, z), Polynomial(d, z, sin_s), rl);
  s = hn::Add(rh, hn::NegMulAdd(half_z, rl, s));
  // cos: w + ((1 - w) - z/2) + (z^2 K(z) - rh rl) with w = 1 - z/2; the middle term is
  // w's rounding error, exactly.
  const V one = hn::Set(d, T(1));
  const V w = hn::Sub(one, half_z);
  const V k = hn::NegMulAdd(rh, rl, hn::Mul(hn::Mul(z, z), Polynomial(d, z, cos_k)));
  const V c = hn::Add(w, hn::Add(hn::Sub(hn::Sub(one, w), half_z), k));
  return SelectQuadrant<kOffset>(d, t, s, c);
}

// rh + rl = a - n pi/2 for float64 0 <= a <= kFastLimit, to about 2^-100 relative even
// where it cancels (n C1, n C2 and n C3 exact without FMA; TwoSum keeps the
// subtractions' rounding errors).
template <class D, class V>
HWY_INLINE void ReduceHalfPiExact(D d, V a, V n, V& rh, V& rl) {
  using C = TrigConstants;
  const V r1 = hn::NegMulAdd(n, hn::Set(d, C::kPio2_1), a);  // exact (Sterbenz)
  V e2, e3;
  const V r2 = TwoSum(r1, hn::Mul(n, hn::Set(d, -C::kPio2_2)), e2);
  const V r3 = TwoSum(r2, hn::Mul(n, hn::Set(d, -C::kPio2_3)), e3);
  const V tail = hn::NegMulAdd(n, hn::Set(d, C::kPio2_4), hn::Add(e2, e3));
  rh = hn::Add(r3, tail);
  rl = hn::Sub(tail, hn::Sub(rh, r3));  // |r3| >= |tail|: Fast2Sum
}

// sin(a) (kOffset 0) or cos(a) (kOffset 1) for float64 0 <= a <= kFastLimit; rl enters
// the polynomials to first order: sin(rh + rl) = sin(rh) + rl cos(rh), cos(rh + rl) =
// cos(rh) - rl sin(rh).
template <int kOffset, class D, class V>
HWY_INLINE V SinCosF64(D d, V a) {
  using C = TrigConstants;
  const V shifter = hn::Set(d, 0x1.8p52);
  const V t = hn::MulAdd(a, hn::Set(d, C::kTwoOverPi), shifter);
  const V n = hn::Sub(t, shifter);
  V rh, rl;
#if HWY_NATIVE_FMA
  // With FMA, a - n kPio2Fma1 is exact for every n (both are multiples of 2^-53 and the
  // difference is below 1), and rh's rounding error is (r1 - rh) - n kPio2Fma2, the
  // subtraction exact (Sterbenz) unless r1 cancels against n kPio2Fma2 (< 2^-33): 5
  // instructions in place of 19. Vectors with such a lane (|r1| < 2^-32, n != 0: within
  // 2^-32 of a nonzero multiple of pi/2) take the exact reduction above.
  const V r1 = hn::NegMulAdd(n, hn::Set(d, C::kPio2Fma1), a);
  if (HWY_LIKELY(hn::AllTrue(d, hn::Or(hn::Ge(hn::Abs(r1), hn::Set(d, 0x1p-32)), hn::Eq(n, hn::Zero(d)))))) {
    const V c2 = hn::Set(d, C::kPio2Fma2);
    rh = hn::NegMulAdd(n, c2, r1);
    rl = hn::NegMulAdd(n, hn::Set(d, C::kPio2Fma3), hn::NegMulAdd(n, c2, hn::Sub(r1, rh)));
  } else {
    ReduceHalfPiExact(d, a, n, rh, rl);
  }
#else
  ReduceHalfPiExact(d, a, n, rh, rl);
#endif
  return SinCosOfReduced<kOffset>(d, t, rh, rl, C::kSinS64, C::kCosK64);
}

// The same for float32 arguments promoted to float64: float32 needs r to about 2^-30
// relative only, so a two-part reduction and degree-3 polynomials; rounding the float64
// result to float32 adds at most half an ulp.
template <int kOffset, class D, class V>
HWY_INLINE V SinCosF32InF64(D d, V a) {
  using C = TrigConstants;
  const V shifter = hn::Set(d, 0x1.8p52);
  const V t = hn::MulAdd(a, hn::Set(d, C::kTwoOverPi), shifter);
  const V n = hn::Sub(t, shifter);
  const V r = hn::NegMulAdd(n, hn::Set(d, C::kPio2_2Full), hn::NegMulAdd(n, hn::Set(d, C::kPio2_1), a));
  const V z = hn::Mul(r, r);
  const V s = hn::MulAdd(hn::Mul(r, z), Polynomial(d, z, C::kSinS32), r);
  const V c = hn::MulAdd(hn::Mul(z, z), Polynomial(d, z, C::kCosK32), hn::NegMulAdd(hn::Set(d, 0.5), z, hn::Set(d, 1.0)));
  return SelectQuadrant<kOffset>(d, t, s, c);
}

#if HWY_NATIVE_FMA
// float32 in float32 with FMA, the float64 FMA reduction's scheme with float parts of
// pi/2 (24 bits each, pi/2 to within 2^-76): for |x| <= kLimit (n <= 652, so n kPio2_2 <
// 2^-14.4, and r1 - rh is exact while |r1| >= 2^-13) while no lane cancels below 2^-13.
// Returns false, leaving y alone, otherwise. The polynomials are the float64-computed
// float32 ones rounded to float.
struct TrigConstantsF32 {
  static constexpr float kTwoOverPi = 0x1.45f306p-1f;
  static constexpr float kLimit = 1024.0f;
  static constexpr float kPio2_1 = 0x1.921fb6p+0f;
  static constexpr float kPio2_2 = -0x1.777a5cp-25f;
  static constexpr float kPio2_3 = -0x1.ee59dap-50f;
  static constexpr float kSinS[] = {-1.666666666385529e-1f, 8.3333318747102088e-3f, -1.9840086735384846e-4f,
                                    2.7249925803059792e-6f};
  static constexpr float kCosK[] = {4.1666666664321203e-2f, -1.388888767201679e-3f, 2.4800600377156728e-5f,
                                    -2.730095920390147e-7f};
};

template <int kOffset, class D, class V>
HWY_INLINE bool SinCosF32Fma(D d, V a, V& y) {
  using C = TrigConstantsF32;
  if (!hn::AllTrue(d, hn::Le(a, hn::Set(d, C::kLimit)))) return false;
  const V shifter = hn::Set(d, 0x1.8p23f);
  const V t = hn::MulAdd(a, hn::Set(d, C::kTwoOverPi), shifter);
  const V n = hn::Sub(t, shifter);
  const V r1 = hn::NegMulAdd(n, hn::Set(d, C::kPio2_1), a);
  if (!hn::AllTrue(d, hn::Or(hn::Ge(hn::Abs(r1), hn::Set(d, 0x1p-13f)), hn::Eq(n, hn::Zero(d))))) return false;
  const V c2 = hn::Set(d, C::kPio2_2);
  const V rh = hn::NegMulAdd(n, c2, r1);
  const V rl = hn::NegMulAdd(n, hn::Set(d, C::kPio2_3), hn::NegMulAdd(n, c2, hn::Sub(r1, rh)));
  y = SinCosOfReduced<kOffset>(d, t, rh, rl, C::kSinS, C::kCosK);
  return true;
}
#endif

// Lanes with |x| beyond kFastLimit, inf or NaN: std::sin / std::cos, one at a time.
template <int kOffset, class D, class V>
HWY_NOINLINE V SinCosOutliers(D d, V x, V y) {
  using T = hn::TFromD<D>;
  constexpr std::size_t kMax = HWY_MAX_BYTES / sizeof(T);
  HWY_ALIGN T xb[kMax];
  HWY_ALIGN T yb[kMax];
  hn::Store(x, d, xb);
  hn::Store(y, d, yb);
  for (std::size_t i = 0; i < hn::Lanes(d); ++i)
    if (!(std::fabs(xb[i]) <= static_cast<T>(TrigConstants::kFastLimit))) yb[i] = kOffset == 0 ? std::sin(xb[i]) : std::cos(xb[i]);
  return hn::Load(d, yb);
}

template <int kOffset, class D, class V>
HWY_INLINE V SinCos(D d, V x) {
  using T = hn::TFromD<D>;
  const V a = hn::Abs(x);
  V y;
  if constexpr (sizeof(T) == 8) {
    y = SinCosF64<kOffset>(d, a);
  } else {
#if HWY_NATIVE_FMA
    if (HWY_LIKELY(SinCosF32Fma<kOffset>(d, a, y))) {  // every |x| <= 1024: no outliers
      if constexpr (kOffset == 0) y = hn::Xor(y, hn::And(hn::SignBit(d), x));
      return y;
    }
#endif
#if HWY_TARGET == HWY_SCALAR  // one lane: no halves
    const hn::Rebind<double, D> dd;
    y = hn::DemoteTo(d, SinCosF32InF64<kOffset>(dd, hn::PromoteTo(dd, a)));
#else
    const hn::Half<D> dh;
    const hn::Rebind<double, decltype(dh)> dd;
    const auto lo = SinCosF32InF64<kOffset>(dd, hn::PromoteTo(dd, hn::LowerHalf(dh, a)));
    const auto hi = SinCosF32InF64<kOffset>(dd, hn::PromoteTo(dd, hn::UpperHalf(dh, a)));
    y = hn::Combine(d, hn::DemoteTo(dh, hi), hn::DemoteTo(dh, lo));
#endif
  }
  if constexpr (kOffset == 0) y = hn::Xor(y, hn::And(hn::SignBit(d), x));  // sin is odd; sin(-0) = -0
  // NaN compares false: such vectors take the outlier path too.
  if (HWY_UNLIKELY(!hn::AllTrue(d, hn::Le(a, hn::Set(d, static_cast<T>(TrigConstants::kFastLimit))))))
    y = SinCosOutliers<kOffset>(d, x, y);
  return y;
}

template <class D, class V>
HWY_INLINE V Sin(D d, V x) { return SinCos<0>(d, x); }
template <class D, class V>
HWY_INLINE V Cos(D d, V x) { return SinCos<1>(d, x); }

}  // namespace vmath
}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // LINA_KERNELS_VECTOR_MATH_INL_HPP_
