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
    // One test per step, after t (as float64 power does): every positive finite
    // float32 is a normal float64, so log's and exp's own range tests are not needed
    // (LogNormal and ExpInRange are what Log and Exp run there, the same bits). Lanes of
    // other bases compute garbage first, without traps; an infinite or NaN exponent
    // makes t infinite or NaN, and NaN fails every comparison.
    const auto t0 = hn::Mul(y0, vmath::LogNormal(dd, x0, zero)), t1 = hn::Mul(y1, vmath::LogNormal(dd, x1, zero));
    const auto common0 = hn::And(hn::And(hn::Gt(x0, zero), hn::Lt(x0, inf)), hn::Lt(hn::Abs(t0), t_limit));
    const auto common1 = hn::And(hn::And(hn::Gt(x1, zero), hn::Lt(x1, inf)), hn::Lt(hn::Abs(t1), t_limit));
    if (HWY_UNLIKELY(!hn::AllTrue(dd, hn::And(common0, common1)))) {
      scalar(i, 2 * N);
      continue;
    }
    hn::StoreU(hn::DemoteTo(df, vmath::ExpInRange(dd, t0)), df, out + i);
    hn::StoreU(hn::DemoteTo(df, vmath::ExpInRange(dd, t1)), df, out + i + N);
  }
  if (i < n) scalar(i, n - i);
}

void PowerF32(int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  if (kinds == kScalarB && ExactScalarPower(a, *b, out, n)) return;
  if (kinds == kBothContiguous) return PowerF32Run<kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return PowerF32Run<kScalarB>(a, b, out, n);
  return PowerF32Run<kScalarA>(a, b, out, n);
}

#if HWY_NATIVE_FMA
// NOTE: [Vectorised float64 power]: the interval table of log c.
constexpr std::int64_t kPowOffset = 0x3fe6800000000000;  // the bits of v0 = 0.703125
constexpr int kPowIndexBits = 4;
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

// table[idx] per lane, idx in [0, 16). With eight float64 lanes (AVX-512) two
// in-register permutes and a select: the gathers they replace cost a third of the
// kernel's time (0.34 against 0.51 Gelem/s in L1 with the lookups left out).
template <class D, class VI>
HWY_INLINE hn::Vec<D> Lookup16(D d, const double* table, VI idx) {
  if constexpr (HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL) {  // eight float64 lanes
    const hn::RebindToSigned<D> di;
    const auto lane = hn::IndicesFromVec(d, hn::And(idx, hn::Set(di, 7)));
    const auto upper = hn::RebindMask(d, hn::Ne(hn::And(idx, hn::Set(di, 8)), hn::Zero(di)));
    return hn::IfThenElse(upper, hn::TableLookupLanes(hn::LoadU(d, table + 8), lane),
                          hn::TableLookupLanes(hn::LoadU(d, table), lane));
  } else {
    return hn::GatherIndex(d, table, idx);
  }
}

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
  std::int64_t i = 0;
  auto scalar = [&](std::int64_t from, std::int64_t m) {
    for (std::int64_t k = from; k < from + m; ++k)
      out[k] = std::pow(kKinds == kScalarA ? *a : a[k], kKinds == kScalarB ? *b : b[k]);
  };
#if HWY_NATIVE_FMA
  const hn::ScalableTag<double> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto tiny = hn::Set(d, std::numeric_limits<double>::min());
  const auto huge = hn::Set(d, std::numeric_limits<double>::max()), t_limit = hn::Set(d, kPowTLimit);
  const auto va = hn::Set(d, kKinds == kScalarA ? *a : 1.0), vb = hn::Set(d, kKinds == kScalarB ? *b : 1.0);
  auto load = [&](const double* p, hn::Vec<decltype(d)> v, bool scalar_kind, std::int64_t k) {
    return scalar_kind ? v : hn::LoadU(d, p + k);
  };
  // Two vectors per step, as float32 (independent chains keep the FMA units busy).
  for (; i + 2 * N <= n; i += 2 * N) {
    const auto x0 = load(a, va, kKinds == kScalarA, i), x1 = load(a, va, kKinds == kScalarA, i + N);
    const auto y0 = load(b, vb, kKinds == kScalarB, i), y1 = load(b, vb, kKinds == kScalarB, i + N);
    // One test per step, after t: lanes of other bases compute garbage first (no
    // traps in vector lanes), and an infinite or NaN exponent makes t infinite or NaN
    // (NaN for a base of 1, whose log is 0), which fails |t| < limit, as NaN fails
    // every comparison.
    hn::Vec<decltype(d)> lo0, lo1;
    const auto hi0 = LogHiLo(d, x0, lo0), hi1 = LogHiLo(d, x1, lo1);
    const auto t0 = hn::Mul(y0, hi0), t1 = hn::Mul(y1, hi1);
    const auto common0 = hn::And(hn::And(hn::Ge(x0, tiny), hn::Le(x0, huge)), hn::Lt(hn::Abs(t0), t_limit));
    const auto common1 = hn::And(hn::And(hn::Ge(x1, tiny), hn::Le(x1, huge)), hn::Lt(hn::Abs(t1), t_limit));
    if (HWY_UNLIKELY(!hn::AllTrue(d, hn::And(common0, common1)))) {
      scalar(i, 2 * N);
      continue;
    }
    const auto tl0 = hn::MulAdd(y0, lo0, hn::MulSub(y0, hi0, t0)), tl1 = hn::MulAdd(y1, lo1, hn::MulSub(y1, hi1, t1));
    hn::StoreU(ExpHiLo(d, t0, tl0), d, out + i);
    hn::StoreU(ExpHiLo(d, t1, tl1), d, out + i + N);
  }
#endif
  if (i < n) scalar(i, n - i);
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
