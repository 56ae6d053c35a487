// NOTE: [Vectorised float32 power]
// power(a, b) for float32 as 2^t, t = b log2 a, in float64 lanes, rounded once to
// float32 at the end (the published shape of ARM's optimized-routines powf; the tables
// and polynomials here are lina's own, from pow32_tables in vector_math_fit.py):
// - log2 a = k + log2 c + log2(1 + r): a = 2^k z with z cut into the 16 intervals of
//   float64 power (NOTE: [Vectorised float64 power]), c the centre of z's interval,
//   r = z (1/c) - 1 in one FMA with 1/c from a table (|r| <= 2^-5; for the interval of
//   1, c = 1 and r is exact), log2 c from a table, log2(1 + r) = r g(r) with g of degree
//   5 (relative error 2^-38).
// - 2^t = 2^(n/16) 2^r: n = round(16 t) by the shifter, r = t - n/16 exact, 2^(n/16)
//   from a 16-entry table whose bits take n >> 4 into the exponent with one shift and
//   add, 2^r = 1 + r E(r) with E of degree 3 (relative error 2^-37.5).
// The error of t is at most |t| 2^-38 < 2^-31 (|t| < 125 here), so the float64 result
// is within 2^-31 of 2^t relatively, 2^-7 of a float32 ulp: the float32 result is
// within 0.5 + 2^-7 ulp (0.5046 measured over 33M pairs, against powl), more accurate
// than glibc's powf (0.82 ulp by its own account), which the scalar functor calls.
// Two table lookups are one in-register permute each on AVX-512 (Lookup16).
// The degrees were chosen by speed, in L1 on the Zen 4: degrees 6 and 4 (within
// 0.5 + 2^-13 ulp) ran 0.93 Gelem/s, these 1.05; the float64 log and exp of vmath
// (0.5 + 2^-21 ulp, and a division) ran 0.56; NumPy 1.24's AVX-512 power runs about 1.0.
// Vectors with a lane outside the common case (a not positive and finite, b not
// finite, |t| >= 125, where float32 results overflow or leave the normal range) take
// std::pow for every lane, so the IEEE edges (pow(-8, 1/3) = NaN, pow(x, 0) = 1,
// pow(1, NaN) = 1, pow(-0, -1) = -inf and the others) are the functor's.
//
// NOTE: [Vectorised float64 power]
// power(a, b) for float64 as exp(t), t = b log a, with log a and t each carried as a sum
// hi + lo of two float64s: the result's relative error is the absolute error of t, and
// |t| reaches 708, so log a must be good to about 2^-63 relative, beyond one float64.
// - log a = k ln2 + log c + log(z / c), a = 2^k z: z in [v0, 2 v0), v0 = 0.703125, is cut
//   into 16 intervals (4 mantissa bits, in bit space) and c is the centre of z's interval,
//   an exact float64 built from the index (1.0 is the centre of its interval, so log 1 is
//   exactly 0). log c comes from a table of hi + lo pairs (computed in 60 digits by
//   pow_log_table in vector_math_fit.py). log(z / c) = 2 atanh(s), s = (z - c)/(z + c),
//   |s| <= 2^-6: z - c is exact (Sterbenz), z + c keeps its rounding error (TwoSum), s is
//   carried as s + s_lo through the FMA residual of the division, and
//   2 atanh(s) = 2s + s^3 (2/3 + 2 s^2/5 + ... + 2 s^8/11) (Taylor; the next term is below
//   2^-75 of 2s), whose tail is below 2^-13 of 2s, so its float64 rounding does not
//   matter. The parts are summed with their rounding errors kept (Fast2Sum, TwoSum:
//   Dekker 1971; Knuth, TAOCP vol. 2, 4.2.2).
// - t = b hi + (fma(b, hi, -t) + b lo): the product's rounding error exactly.
// - exp(t + t_lo) = 2^n e^r: n = round(t / ln 2), r = t - n ln2_hi is exact with FMA
//   (ln2_hi has 42 bits), and the small rest rl = t_lo - n ln2_lo enters to first
//   order, e^(r + rl) = 1 + r + [r^2 q(r) + rl e^r], with the exp polynomial q of
//   NOTE: [Vector math algorithms]. 1 + r is split exactly (Fast2Sum), so the result is
//   rounded once at the end: within 1 ulp (tests/unit/power_kernel_test.cpp measures
//   the largest error against long double powl).
// The common case is a positive normal finite, b finite and |t| < 708 (normal results);
// a vector with any other lane takes std::pow for every lane (the IEEE edges then are
// glibc's), as float32 does. Targets without FMA take std::pow throughout: the exact
// product errors need fused multiply-adds. glibc's pow took about 11 ns per element here
// (0.09 Gelem/s), NumPy 1.24's AVX-512 power 2.3 ns.
//
// NOTE: [Exact scalar exponents]
// A scalar exponent of 2, -1, 0.5, 1 or 0 (the common `x ** 2`, `1/x`, `sqrt`) is one
// exactly rounded operation per element, so it takes a loop of that operation: x * x, 1 / x,
// sqrt(x) (with pow's values at -0 and -inf: +0 and +inf), x, and 1. Each is the
// correctly rounded power, so these loops agree with the vector kernel's bound and beat
// it by an order of magnitude (float32 x ** 2: 0.47 Gelem/s through exp(2 log x)).
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
#include <limits>

#include "kernels/elementwise_arith.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_power.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/scalar_fallback_inl.hpp"
#include "kernels/vector_math_inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// NOTE: [Exact scalar exponents]: out = a ** e by one exactly rounded operation per
// element when e is one of the exponents that allow it; false otherwise.
template <class T>
HWY_INLINE bool ExactScalarPower(const T* a, T e, T* out, std::int64_t n) {
  const hn::ScalableTag<T> d;
  using V = hn::Vec<decltype(d)>;
  const auto run = [&](auto op, auto scalar) {
    const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
    std::int64_t i = 0;
    for (; i + N <= n; i += N) hn::StoreU(op(hn::LoadU(d, a + i)), d, out + i);
    for (; i < n; ++i) out[i] = scalar(a[i]);
    return true;
  };
  const V zero = hn::Zero(d), one = hn::Set(d, T(1)), inf = hn::Set(d, std::numeric_limits<T>::infinity());
  if (e == T(2)) return run([](V x) { return hn::Mul(x, x); }, [](T x) { return x * x; });
  if (e == T(-1)) return run([&](V x) { return hn::Div(one, x); }, [](T x) { return T(1) / x; });
  if (e == T(1)) return run([](V x) { return x; }, [](T x) { return x; });
  if (e == T(0)) return run([&](V) { return one; }, [](T) { return T(1); });
  if (e == T(0.5))
    return run(
        [&](V x) {
          const V r = hn::IfThenElse(hn::Eq(x, zero), zero, hn::Sqrt(x));  // pow(-0, 0.5) = +0
          return hn::IfThenElse(hn::Eq(x, hn::Neg(inf)), inf, r);         // pow(-inf, 0.5) = +inf
        },
        [](T x) {
          if (x == T(0)) return T(0);
          return x == -std::numeric_limits<T>::infinity() ? std::numeric_limits<T>::infinity() : std::sqrt(x);
        });
  return false;
}

// float32 and float64 power cut the mantissa of a into the same 16 intervals
// (NOTE: [Vectorised float32 power], [Vectorised float64 power]).
constexpr std::int64_t kPowOffset = 0x3fe6800000000000;  // the bits of v0 = 0.703125
constexpr int kPowIndexBits = 4;

// table[idx & 15] per 64-bit lane (the other bits of idx are ignored). With eight lanes
// (AVX-512) one two-register permute, which reads only those four bits: the gathers it
// replaces cost a third of float64 power's time (0.34 against 0.51 Gelem/s in L1 with the
// lookups left out). Highway 1.0 has no two-table lookup, hence the intrinsic.
template <class D, class VI>
HWY_INLINE hn::Vec<D> Lookup16(D d, const hn::TFromD<D>* table, VI idx) {
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
  static_assert(hn::MaxLanes(D()) == 8, "eight 64-bit lanes");
  const auto lo = hn::LoadU(d, table), hi = hn::LoadU(d, table + 8);
  if constexpr (hwy::IsFloat<hn::TFromD<D>>())
    return hn::Vec<D>{_mm512_permutex2var_pd(lo.raw, idx.raw, hi.raw)};
  else
    return hn::Vec<D>{_mm512_permutex2var_epi64(lo.raw, idx.raw, hi.raw)};
#else
  const hn::RebindToSigned<D> di;
  return hn::GatherIndex(d, table, hn::And(idx, hn::Set(di, 15)));
#endif
}

// NOTE: [Vectorised float32 power]: its tables and polynomials (pow32_tables in
// vector_math_fit.py). 1/c and log2 c for the centre c of each interval:
alignas(64) constexpr double kPow32InvC[1 << kPowIndexBits] = {
    0x1.642c8590b2164p+0, 0x1.5555555555555p+0, 0x1.47ae147ae147bp+0, 0x1.3b13b13b13b14p+0,
    0x1.2f684bda12f68p+0, 0x1.2492492492492p+0, 0x1.1a7b9611a7b96p+0, 0x1.1111111111111p+0,
    0x1.0842108421084p+0, 0x1.0000000000000p+0, 0x1.e1e1e1e1e1e1ep-1, 0x1.c71c71c71c71cp-1,
    0x1.af286bca1af28p-1, 0x1.999999999999ap-1, 0x1.8618618618618p-1, 0x1.745d1745d1746p-1};
alignas(64) constexpr double kPow32Log2C[1 << kPowIndexBits] = {
    -0x1.e7df5fe538ab3p-2, -0x1.a8ff971810a5ep-2, -0x1.6cb0f6865c8eap-2, -0x1.32bfee370ee68p-2,
    -0x1.f5fd8a9063e35p-3, -0x1.8a8980abfbd32p-3, -0x1.22dadc2ab3497p-3, -0x1.7d60496cfbb4cp-4,
    -0x1.77394c9d958d5p-5, 0x0.0p+0,              0x1.663f6fac91316p-4,  0x1.5c01a39fbd688p-3,
    0x1.fbc16b902680ap-3,  0x1.49a784bcd1b8bp-2,  0x1.91bba891f1709p-2,  0x1.d6753e032ea0fp-2};
// log2(1 + r) = r g(r) for r in [-0.0295, 0.0313], relative error 2^-38.
constexpr double kPow32Log2G[] = {1.4426950408938769,     -7.2134752026997529e-1, 4.8089825049585671e-1,
                                  -3.6067471431961631e-1, 2.8882058041365672e-1,  -2.3956322753865308e-1};
// The bits of 2^(j/16) minus j << 48, and 2^r = 1 + r E(r) for |r| <= 1/32 (relative
// error 2^-37.5).
alignas(64) constexpr std::int64_t kPow32Exp2Bits[16] = {
    0x3ff0000000000000, 0x3fefb5586cf9890f, 0x3fef72b83c7d517b, 0x3fef387a6e756238,
    0x3fef06fe0a31b715, 0x3feedea64c123422, 0x3feebfdad5362a27, 0x3feeab07dd485429,
    0x3feea09e667f3bcd, 0x3feea11473eb0187, 0x3feeace5422aa0db, 0x3feec49182a3f090,
    0x3feee89f995ad3ad, 0x3fef199bdd85529c, 0x3fef5818dcfba487, 0x3fefa4afa2a490da};
constexpr double kPow32Exp2E[] = {6.9314718040099513e-1, 2.4022650694073812e-1, 5.5505410782837261e-2,
                                  9.6182795338327661e-3};
constexpr double kPow32Shifter = 0x1.8p48;  // adding it rounds to a multiple of 1/16
constexpr double kPow32TLimit = 125.0;      // |b log2 a| below it: the result is a normal float32

// log2 x for x a positive finite float32 held in a float64 lane (always normal there);
// other lanes give garbage without traps.
template <class D, class V>
HWY_INLINE V Log2ForPower32(D d, V x) {
  const hn::RebindToSigned<D> di;
  const auto xi = hn::BitCast(di, x);
  const auto tmp = hn::Sub(xi, hn::Set(di, kPowOffset));
  const auto k = hn::ShiftRight<52>(tmp);                    // arithmetic: x below v0 gives k < 0
  const auto idx = hn::ShiftRight<52 - kPowIndexBits>(tmp);  // its low four bits: the interval
  const V z = hn::BitCast(d, hn::Sub(xi, hn::ShiftLeft<52>(k)));
  const V r = hn::MulAdd(z, Lookup16(d, kPow32InvC, idx), hn::Set(d, -1.0));  // z / c - 1
  const V kc = hn::Add(hn::ConvertTo(d, k), Lookup16(d, kPow32Log2C, idx));
  return hn::MulAdd(r, vmath::Polynomial(d, r, kPow32Log2G), kc);
}

// 2^t for |t| < kPow32TLimit.
template <class D, class V>
HWY_INLINE V Exp2ForPower32(D d, V t) {
  const hn::RebindToSigned<D> di;
  const V shifter = hn::Set(d, kPow32Shifter);
  const V kd = hn::Add(t, shifter);              // its low bits hold n = round(16 t)
  const V r = hn::Sub(t, hn::Sub(kd, shifter));  // exact, |r| <= 1/32
  const auto ki = hn::BitCast(di, kd);
  // n << 48 is (n >> 4) << 52, the exponent, plus j << 48 (j = n & 15, the table's
  // index), which the table entry cancels.
  const V scale = hn::BitCast(d, hn::Add(Lookup16(di, kPow32Exp2Bits, ki), hn::ShiftLeft<48>(ki)));
  return hn::MulAdd(scale, hn::Mul(r, vmath::Polynomial(d, r, kPow32Exp2E)), scale);
}

// out[k] = std::pow(a, b) for k in [from, from + m): the power kernels' scalar steps, with
// a or b a single value as kKinds says.
template <int kKinds, class T>
void ScalarPower(const T* a, const T* b, T* out, std::int64_t from, std::int64_t m) {
  for (std::int64_t k = from; k < from + m; ++k)
    out[k] = std::pow(kKinds == kScalarA ? *a : a[k], kKinds == kScalarB ? *b : b[k]);
}

// The operand vector at p + k, or v (the scalar, broadcast) for a scalar operand.
template <class D>
HWY_INLINE hn::Vec<D> LoadOperand(D d, const hn::TFromD<D>* p, hn::Vec<D> v, bool scalar_kind, std::int64_t k) {
  return scalar_kind ? v : hn::LoadU(d, p + k);
}

template <int kKinds>
HWY_NOINLINE void PowerF32Run(const float* a, const float* b, float* out, std::int64_t n) {
  const hn::ScalableTag<double> dd;
  const hn::Rebind<float, decltype(dd)> df;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(df));
  const auto zero = hn::Zero(df), inf = hn::Set(df, HUGE_VALF);
  const auto t_limit = hn::Set(dd, kPow32TLimit);
  const auto va = hn::Set(df, kKinds == kScalarA ? *a : 1.0f), vb = hn::Set(df, kKinds == kScalarB ? *b : 1.0f);
  auto scalar = [&](std::int64_t from, std::int64_t m) { ScalarPower<kKinds>(a, b, out, from, m); };
  // Two vectors per step, one test per step. The loop is bound by the number of its
  // operations (AVX-512 on Zen 4 issues each as two halves), so the tests are few: the
  // bases in float32 lanes, and t once after the logs. Lanes of other bases compute
  // garbage first, without traps; an infinite or NaN exponent makes t infinite or NaN,
  // and NaN fails every comparison. A step that fails is std::pow's, called outside the
  // vector loop (scalar_fallback_inl.hpp).
  auto vector_steps = [&](std::int64_t i) {
    for (; i + 2 * N <= n; i += 2 * N) {
      const auto x0 = LoadOperand(df, a, va, kKinds == kScalarA, i);
      const auto x1 = LoadOperand(df, a, va, kKinds == kScalarA, i + N);
      const auto y0 = LoadOperand(df, b, vb, kKinds == kScalarB, i);
      const auto y1 = LoadOperand(df, b, vb, kKinds == kScalarB, i + N);
      const auto t0 = hn::Mul(hn::PromoteTo(dd, y0), Log2ForPower32(dd, hn::PromoteTo(dd, x0)));
      const auto t1 = hn::Mul(hn::PromoteTo(dd, y1), Log2ForPower32(dd, hn::PromoteTo(dd, x1)));
      const auto bases =
          hn::And(hn::And(hn::Gt(x0, zero), hn::Lt(x0, inf)), hn::And(hn::Gt(x1, zero), hn::Lt(x1, inf)));
      const auto ts = hn::And(hn::Lt(hn::Abs(t0), t_limit), hn::Lt(hn::Abs(t1), t_limit));
      if (HWY_UNLIKELY(!hn::AllTrue(df, bases) || !hn::AllTrue(dd, ts))) break;
      hn::StoreU(hn::DemoteTo(df, Exp2ForPower32(dd, t0)), df, out + i);
      hn::StoreU(hn::DemoteTo(df, Exp2ForPower32(dd, t1)), df, out + i + N);
    }
    return i;
  };
  RunWithScalarFallback(n, 2 * N, vector_steps, scalar);
}

void PowerF32(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  if (kinds == kScalarB && ExactScalarPower(a, *b, out, n)) return;
  if (kinds == kBothContiguous) return PowerF32Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerF32Run<kScalarB>(a, b, out, n);
  return PowerF32Run<kScalarA>(a, b, out, n);
}

#if HWY_NATIVE_FMA
// NOTE: [Vectorised float64 power]: the interval table of log c, and the half width of
// an interval in bits (log's c is the centre, built from the index).
constexpr std::int64_t kPowHalfWidth = std::int64_t{1} << (52 - kPowIndexBits - 1);
alignas(64) constexpr double kPowLogCHi[1 << kPowIndexBits] = {
    -0x1.522ae0738a3d8p-2, -0x1.269621134db92p-2, -0x1.f991c6cb3b379p-3, -0x1.a93ed3c8ad9e3p-3,
    -0x1.5bf406b543db2p-3, -0x1.1178e8227e47cp-3, -0x1.9335e5d594989p-4, -0x1.08598b59e3a07p-4,
    -0x1.0415d89e74444p-5, 0x0.0p+0,              0x1.f0a30c01162a6p-5,  0x1.e27076e2af2e6p-4,
    0x1.5ff3070a793d4p-3,  0x1.c8ff7c79a9a22p-3,  0x1.1675cababa60ep-2,  0x1.4618bc21c5ec2p-2};
alignas(64) constexpr double kPowLogCLo[1 << kPowIndexBits] = {
    0x1.8f7e9b38a6979p-57,  -0x1.e0efadd9db02bp-56, -0x1.f665066f980a2p-57, -0x1.bcafa9de97203p-57,
    0x1.1f5b44c0df7e7p-61,  0x1.0e63a5f01c691p-58,  0x1.478a85704ccb7p-58,  0x1.dd7009902bf32p-58,
    -0x1.c05cf1d753622p-59, 0x0.0p+0,               0x1.85f325c5bbacdp-59,  -0x1.61578001e0162p-60,
    -0x1.bc60efafc6f6ep-58, -0x1.4f689f8434012p-57, 0x1.ce63eab883717p-61,  0x1.f42decdeccf1dp-56};
// 2 atanh(s) = 2s + s^3 P(s^2), P from its Taylor series (|s| <= 2^-6: the next term,
// 2 s^13 / 13, is below 2^-75 of 2s).
constexpr double kPowAtanhP[] = {2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11};
constexpr double kPowTLimit = 708.0;  // |t| below it: e^t is normal

// log x = hi + lo for positive normal finite x (NOTE: [Vectorised float64 power]).
template <class D, class V>
HWY_INLINE V LogHiLo(D d, V x, V& lo) {
  using C = vmath::Constants<double>;
  const hn::RebindToSigned<D> di;
  const auto xi = hn::BitCast(di, x);
  const auto tmp = hn::Sub(xi, hn::Set(di, kPowOffset));
  const auto k = hn::ShiftRight<52>(tmp);  // arithmetic: x below v0 gives k < 0
  const auto idx = hn::And(hn::ShiftRight<52 - kPowIndexBits>(tmp), hn::Set(di, (1 << kPowIndexBits) - 1));
  const V z = hn::BitCast(d, hn::Sub(xi, hn::ShiftLeft<52>(k)));
  const V c = hn::BitCast(d, hn::Add(hn::Set(di, kPowOffset + kPowHalfWidth), hn::ShiftLeft<52 - kPowIndexBits>(idx)));
  const V num = hn::Sub(z, c);
  V den_lo;
  const V den = vmath::TwoSum(z, c, den_lo);
  const V inv = hn::Div(hn::Set(d, 1.0), den);
  const V s = hn::Mul(num, inv);
  const V res = hn::NegMulAdd(s, den_lo, hn::NegMulAdd(s, den, num));  // num - s (den + den_lo)
  const V s_lo = hn::Mul(res, inv);
  const V s2 = hn::Mul(s, s);
  const V tail = hn::Mul(hn::Mul(s, s2), vmath::Polynomial(d, s2, kPowAtanhP));
  const V kd = hn::ConvertTo(d, k);
  const V kl = hn::Mul(kd, hn::Set(d, C::kLn2Hi));  // exact: kLn2Hi has 42 bits
  const V chi = Lookup16(d, kPowLogCHi, idx);
  // Fast2Sum: |k ln2| >= 0.69 > |log c| unless k = 0.
  const V h1 = hn::Add(kl, chi);
  const V e1 = hn::Sub(chi, hn::Sub(h1, kl));
  V e2;
  const V hi = vmath::TwoSum(h1, hn::Add(s, s), e2);
  const V small = hn::MulAdd(kd, hn::Set(d, C::kLn2Lo), hn::Add(Lookup16(d, kPowLogCLo, idx), tail));
  const V rest = hn::Add(hn::Add(e1, e2), hn::MulAdd(hn::Set(d, 2.0), s_lo, small));
  // Renormalised (Fast2Sum), so that lo is within half an ulp of hi: the tail alone is
  // up to 2^-13 of hi, and exp takes t_lo to first order only.
  const V sum = hn::Add(hi, rest);
  lo = hn::Sub(rest, hn::Sub(sum, hi));
  return sum;
}

// e^(t + t_lo) for |t| < kPowTLimit, |t_lo| <= ulp(t) (NOTE: [Vectorised float64 power]).
template <class D, class V>
HWY_INLINE V ExpHiLo(D d, V t, V t_lo) {
  using C = vmath::Constants<double>;
  const hn::RebindToSigned<D> di;
  const V shifter = hn::Set(d, C::kBiasedShifter);
  const V tt = hn::MulAdd(t, hn::Set(d, C::kLog2e), shifter);  // its low bits hold n + bias
  const V n = hn::Sub(tt, shifter);
  const V r = hn::NegMulAdd(n, hn::Set(d, C::kLn2Hi), t);  // exact
  const V rl = hn::NegMulAdd(n, hn::Set(d, C::kLn2Lo), t_lo);
  const V pr = hn::Mul(hn::Mul(r, r), vmath::Polynomial(d, r, C::kExpQ));  // e^r - 1 - r
  const V one = hn::Set(d, 1.0);
  const V w = hn::MulAdd(rl, hn::Add(one, hn::Add(r, pr)), pr);
  const V h = hn::Add(one, r);
  const V e = hn::Add(hn::Sub(one, h), r);  // Fast2Sum: 1 + r = h + e
  const V scale = hn::BitCast(d, hn::ShiftLeft<52>(hn::BitCast(di, tt)));
  return hn::MulAdd(scale, h, hn::Mul(scale, hn::Add(e, w)));
}
#endif  // HWY_NATIVE_FMA

template <int kKinds>
HWY_NOINLINE void PowerF64Run(const double* a, const double* b, double* out, std::int64_t n) {
  auto scalar = [&](std::int64_t from, std::int64_t m) { ScalarPower<kKinds>(a, b, out, from, m); };
#if HWY_NATIVE_FMA
  const hn::ScalableTag<double> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto tiny = hn::Set(d, std::numeric_limits<double>::min());
  const auto huge = hn::Set(d, std::numeric_limits<double>::max()), t_limit = hn::Set(d, kPowTLimit);
  const auto va = hn::Set(d, kKinds == kScalarA ? *a : 1.0), vb = hn::Set(d, kKinds == kScalarB ? *b : 1.0);
  // Two vectors per step, as float32 (independent chains keep the FMA units busy); a
  // step that fails the test is std::pow's, outside the vector loop.
  auto vector_steps = [&](std::int64_t i) {
    for (; i + 2 * N <= n; i += 2 * N) {
      const auto x0 = LoadOperand(d, a, va, kKinds == kScalarA, i);
      const auto x1 = LoadOperand(d, a, va, kKinds == kScalarA, i + N);
      const auto y0 = LoadOperand(d, b, vb, kKinds == kScalarB, i);
      const auto y1 = LoadOperand(d, b, vb, kKinds == kScalarB, i + N);
      // One test per step, after t: lanes of other bases compute garbage first (no
      // traps in vector lanes), and an infinite or NaN exponent makes t infinite or NaN
      // (NaN for a base of 1, whose log is 0), which fails |t| < limit, as NaN fails
      // every comparison.
      hn::Vec<decltype(d)> lo0, lo1;
      const auto hi0 = LogHiLo(d, x0, lo0), hi1 = LogHiLo(d, x1, lo1);
      const auto t0 = hn::Mul(y0, hi0), t1 = hn::Mul(y1, hi1);
      const auto common0 = hn::And(hn::And(hn::Ge(x0, tiny), hn::Le(x0, huge)), hn::Lt(hn::Abs(t0), t_limit));
      const auto common1 = hn::And(hn::And(hn::Ge(x1, tiny), hn::Le(x1, huge)), hn::Lt(hn::Abs(t1), t_limit));
      if (HWY_UNLIKELY(!hn::AllTrue(d, hn::And(common0, common1)))) break;
      const auto tl0 = hn::MulAdd(y0, lo0, hn::MulSub(y0, hi0, t0)), tl1 = hn::MulAdd(y1, lo1, hn::MulSub(y1, hi1, t1));
      hn::StoreU(ExpHiLo(d, t0, tl0), d, out + i);
      hn::StoreU(ExpHiLo(d, t1, tl1), d, out + i + N);
    }
    return i;
  };
  RunWithScalarFallback(n, 2 * N, vector_steps, scalar);
#else
  scalar(0, n);
#endif
}

void PowerF64(int kinds, const double* a, const double* b, double* out, std::int64_t n) {
  if (kinds == kScalarB && ExactScalarPower(a, *b, out, n)) return;
  if (kinds == kBothContiguous) return PowerF64Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerF64Run<kScalarB>(a, b, out, n);
  return PowerF64Run<kScalarA>(a, b, out, n);
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
HWY_EXPORT(PowerF64);
HWY_EXPORT(PowerI32);
HWY_EXPORT(PowerU8);

void simd_power(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerF32)(kinds, a, b, out, n);
}
void simd_power(int kinds, const double* a, const double* b, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerF64)(kinds, a, b, out, n);
}
void simd_power(int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerI32)(kinds, a, b, out, n);
}
void simd_power(int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(PowerU8)(kinds, a, b, out, n);
}
}  // namespace lina::kernels
#endif
