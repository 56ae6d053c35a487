// float32 power through its vector kernel (NOTE: [Vectorised float32 power]) against
// powl in long double: within 0.5 ulp plus 2^-7 for bases over many binades and
// exponents from -30 to 30, arrays on both sides, a scalar on either side, strided
// operands, lengths around the vector widths, on every SIMD target. Lanes outside the
// common range (zero, negative, infinite or NaN bases, infinite or NaN exponents,
// results beyond the normal range) are std::pow's, bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iostream>
#include <iterator>
#include <limits>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "lina/lina.hpp"
#include "simd_targets.hpp"

namespace {

using L = std::numeric_limits<float>;

// |got - want| in units of the last place of float32 at want (want finite and normal).
double ulp_error(float got, long double want) {
  const long double ulp = std::ldexp(1.0L, std::ilogb(static_cast<float>(want)) - 23);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

bool same_bits(float a, float b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

// strict: every element within the bound (inputs all in the common range). Otherwise an
// element may also be std::pow's, bit for bit: a vector with any lane outside the
// common range computes all its lanes with std::pow.
void expect_power(const lina::Array& got, const std::vector<float>& a, const std::vector<float>& b, bool scalar_a,
                  bool scalar_b, bool strict, const std::string& what) {
  const lina::Array g = got.contiguous();
  ASSERT_EQ(g.dtype(), lina::float32) << what;
  const float* p = g.data<float>();
  for (std::int64_t i = 0; i < g.size(); ++i) {
    const float x = scalar_a ? a[0] : a[static_cast<std::size_t>(i)];
    const float y = scalar_b ? b[0] : b[static_cast<std::size_t>(i)];
    const long double want = std::pow(static_cast<long double>(x), static_cast<long double>(y));
    const bool within = std::isnormal(static_cast<float>(want)) && ulp_error(p[i], want) <= 0.5 + 0x1p-7;
    if (within || (!strict && same_bits(p[i], std::pow(x, y)))) continue;
    ADD_FAILURE() << what << " at " << i << ": pow(" << x << ", " << y << ") = " << p[i] << ", want " << static_cast<double>(want)
                  << ", std::pow " << std::pow(x, y);
    return;
  }
}

// Bases: positive over many binades (a quarter near 1, where log cancels), and edges.
std::vector<float> bases(std::int64_t n, std::mt19937& rng, bool edges) {
  // |b log a| stays below 87 (4 ln 2 * 30 = 83) without the edges: every lane common.
  std::uniform_real_distribution<float> exponent(-4, 4), near_one(0.99f, 1.01f);
  const float specials[] = {0.0f, -0.0f, -2.0f, -8.0f, 1.0f, L::infinity(), -L::infinity(), L::quiet_NaN(),
                            L::denorm_min(), L::min(), L::max(), -1.0f};
  std::vector<float> v(static_cast<std::size_t>(n));
  for (auto& x : v) {
    const unsigned r = rng() % 16;
    if (edges && r == 0) x = specials[rng() % (sizeof(specials) / sizeof(float))];
    else if (r < 5) x = near_one(rng);
    else x = std::exp2(exponent(rng));
  }
  return v;
}

std::vector<float> exponents(std::int64_t n, std::mt19937& rng, bool edges) {
  std::uniform_real_distribution<float> u(-30, 30);
  const float specials[] = {0.0f, -0.0f, 1.0f, -1.0f, 2.0f, 0.5f, 3.0f, L::infinity(), -L::infinity(),
                            L::quiet_NaN(), 1.0f / 3.0f, 200.0f};
  std::vector<float> v(static_cast<std::size_t>(n));
  for (auto& y : v) {
    const unsigned r = rng() % 16;
    if (edges && r == 0) y = specials[rng() % (sizeof(specials) / sizeof(float))];
    else if (r < 4) y = std::round(u(rng));  // whole exponents
    else y = u(rng) / static_cast<float>(1 + rng() % 8);
  }
  return v;
}

TEST(PowerKernel, Float32WithinHalfAnUlpOnEveryTarget) {
  std::mt19937 rng(41);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1001, 30'000}) {
      for (bool edges : {false, true}) {
        const std::string what = target + "n=" + std::to_string(n) + (edges ? " with edges" : "");
        const std::vector<float> a = bases(n, rng, edges), b = exponents(n, rng, edges);
        const lina::Array av = lina::frombuffer(a, {n}), bv = lina::frombuffer(b, {n});
        expect_power(lina::power(av, bv), a, b, false, false, !edges, what);
        std::vector<float> a2(2 * a.size()), b2(2 * b.size());
        for (std::size_t i = 0; i < a.size(); ++i) a2[2 * i] = a[i], b2[2 * i] = b[i];
        const lina::Array as = lina::frombuffer(a2, {2 * n})(lina::slice(0, std::nullopt, 2));
        const lina::Array bs = lina::frombuffer(b2, {2 * n})(lina::slice(0, std::nullopt, 2));
        expect_power(lina::power(as, bv), a, b, false, false, !edges, what + " strided base");
        expect_power(lina::power(av, bs), a, b, false, false, !edges, what + " strided exponent");
        if (n == 0) continue;
        for (float s : {2.0f, 0.5f, -1.0f, 3.7f, 0.0f, L::quiet_NaN(), L::infinity()}) {
          const std::vector<float> one = {s};
          const lina::Array sv = lina::frombuffer(one, {1}).reshape({});
          const bool common = s > 0 && std::isfinite(s) && s < 4;
          expect_power(lina::power(av, sv), a, one, false, true, !edges && std::isfinite(s),
                       what + " exponent " + std::to_string(s));
          expect_power(lina::power(sv, bv), one, b, true, false, !edges && common, what + " base " + std::to_string(s));
        }
      }
    }
  });
}

// The layout does not change the bits: strided views and contiguous copies agree.
TEST(PowerKernel, Float32StridedEqualsContiguous) {
  lina::Generator gen(42);
  const lina::Array m = gen.uniform(0.1, 4.0, {300, 7}, lina::float32);
  const lina::Array e = gen.uniform(-3.0, 3.0, {300, 7}, lina::float32);
  const lina::Array col = m(lina::colon, 2), ecol = e(lina::colon, 5);
  const lina::Array got = lina::power(col, ecol), want = lina::power(col.copy(), ecol.copy());
  ASSERT_EQ(0, std::memcmp(got.raw_data(), want.raw_data(), static_cast<std::size_t>(want.nbytes())));
  const lina::Array gt = lina::power(m.T(), 1.5), wt = lina::power(m.T().copy(), 1.5);
  ASSERT_TRUE(lina::array_equal(gt, wt));
}

// float64 power through its vector kernel (NOTE: [Vectorised float64 power]) against
// powl in long double: within 1 ulp, for bases over many binades, bases near 1 with
// exponents large enough that |b log a| reaches 700 (where log a must be exact far
// beyond one float64), whole exponents, a scalar on either side and strided operands,
// on every SIMD target (targets without FMA take std::pow, within the same bound).
// Lanes outside the common range are std::pow's, bit for bit.
double ulp_error64(double got, long double want) {
  const long double ulp = std::ldexp(1.0L, std::ilogb(static_cast<double>(want)) - 52);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / ulp);
}

bool same_bits64(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0; }

// Returns the largest error seen among the elements checked against powl.
double expect_power64(const lina::Array& got, const std::vector<double>& a, const std::vector<double>& b,
                      bool scalar_a, bool scalar_b, bool strict, const std::string& what) {
  const lina::Array g = got.contiguous();
  EXPECT_EQ(g.dtype(), lina::float64) << what;
  const double* p = g.data<double>();
  double worst = 0;
  for (std::int64_t i = 0; i < g.size(); ++i) {
    const double x = scalar_a ? a[0] : a[static_cast<std::size_t>(i)];
    const double y = scalar_b ? b[0] : b[static_cast<std::size_t>(i)];
    const long double want = std::pow(static_cast<long double>(x), static_cast<long double>(y));
    const bool normal = std::isnormal(static_cast<double>(want));
    const double err = normal ? ulp_error64(p[i], want) : HUGE_VAL;
    if (err <= 1.0) {
      worst = std::max(worst, err);
      continue;
    }
    if (!strict && same_bits64(p[i], std::pow(x, y))) continue;
    ADD_FAILURE() << what << " at " << i << ": pow(" << x << ", " << y << ") = " << p[i] << ", want "
                  << static_cast<double>(want) << " (" << err << " ulp), std::pow " << std::pow(x, y);
    break;
  }
  return worst;
}

using L64 = std::numeric_limits<double>;

std::vector<double> bases64(std::int64_t n, std::mt19937_64& rng, bool edges) {
  std::uniform_real_distribution<double> u(0, 1);
  const double specials[] = {0.0, -0.0, -2.0, -8.0, 1.0, L64::infinity(), -L64::infinity(), L64::quiet_NaN(),
                             L64::denorm_min(), L64::min(), L64::max(), -1.0};
  std::vector<double> v(static_cast<std::size_t>(n));
  for (auto& x : v) {
    const unsigned r = rng() % 16;
    if (edges && r == 0) x = specials[rng() % std::size(specials)];
    else if (r < 5) x = 1 + (2 * u(rng) - 1) * std::exp2(-6 - 40 * u(rng));  // near 1: log a cancels
    else x = std::exp2(120 * u(rng) - 60);
  }
  return v;
}

// Exponents for the bases a: whole ones, small ones, and ones that take |b log a| up to
// 700, where the result's error is |t| times log a's relative error.
std::vector<double> exponents64(const std::vector<double>& a, std::mt19937_64& rng, bool edges) {
  std::uniform_real_distribution<double> u(-1, 1);
  const double specials[] = {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, L64::infinity(), -L64::infinity(),
                             L64::quiet_NaN(), 1.0 / 3.0, 2000.0};
  std::vector<double> v(a.size());
  for (std::size_t i = 0; i < v.size(); ++i) {
    const unsigned r = rng() % 16;
    const double log_a = std::fabs(std::log(a[i]));
    if (edges && r == 0) v[i] = specials[rng() % std::size(specials)];
    else if (!(std::isfinite(log_a) && log_a > 0)) v[i] = 8 * u(rng);
    else if (r < 4) v[i] = std::trunc(std::min(20.0, 700 / log_a) * u(rng));
    else if (r < 10) v[i] = u(rng) * 700 / log_a;
    else v[i] = 8 * u(rng);
  }
  return v;
}

TEST(PowerKernel, Float64WithinOneUlpOnEveryTarget) {
  std::mt19937_64 rng(44);
  double worst = 0;
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 1001, 30'000}) {
      for (bool edges : {false, true}) {
        const std::string what = target + "n=" + std::to_string(n) + (edges ? " with edges" : "");
        const std::vector<double> a = bases64(n, rng, edges), b = exponents64(a, rng, edges);
        const lina::Array av = lina::frombuffer(a, {n}), bv = lina::frombuffer(b, {n});
        worst = std::max(worst, expect_power64(lina::power(av, bv), a, b, false, false, !edges, what));
        std::vector<double> a2(2 * a.size()), b2(2 * b.size());
        for (std::size_t i = 0; i < a.size(); ++i) a2[2 * i] = a[i], b2[2 * i] = b[i];
        const lina::Array as = lina::frombuffer(a2, {2 * n})(lina::slice(0, std::nullopt, 2));
        const lina::Array bs = lina::frombuffer(b2, {2 * n})(lina::slice(0, std::nullopt, 2));
        expect_power64(lina::power(as, bv), a, b, false, false, !edges, what + " strided base");
        expect_power64(lina::power(av, bs), a, b, false, false, !edges, what + " strided exponent");
        if (n == 0) continue;
        for (double s : {1.5, -2.5, 7.0, 1e-3, 60.0, 0.0, L64::quiet_NaN(), L64::infinity()}) {
          const std::vector<double> one = {s};
          const lina::Array sv = lina::frombuffer(one, {1}).reshape({});
          // Not strict: some lanes leave the common range (60 log 2^60 > 708, negative
          // scalar bases), and their vectors are std::pow's.
          expect_power64(lina::power(av, sv), a, one, false, true, false, what + " exponent " + std::to_string(s));
          expect_power64(lina::power(sv, bv), one, b, true, false, false, what + " base " + std::to_string(s));
        }
      }
    }
  });
  std::cout << "float64 power: largest error " << worst << " ulp\n";
  EXPECT_GT(worst, 0.0);  // the comparison ran
}

// NOTE: [Exact scalar exponents]: x ** 2, x ** -1, x ** 0.5, x ** 1 and x ** 0 are x * x,
// 1 / x, sqrt(x) (with +0 at -0 and +inf at -inf, as pow), x and 1, bit for bit, and
// each is the correctly rounded power (within half an ulp of powl), for float32 and
// float64, edges included, contiguous and strided, on every SIMD target.
template <class T>
T exact_power(T x, T e) {
  if (e == T(2)) return x * x;
  if (e == T(-1)) return T(1) / x;
  if (e == T(1)) return x;
  if (e == T(0)) return T(1);
  if (x == T(0)) return T(0);
  return x == -std::numeric_limits<T>::infinity() ? std::numeric_limits<T>::infinity() : std::sqrt(x);
}

template <class T>
void exact_exponents_case(std::int64_t n, std::mt19937_64& rng, const std::string& what) {
  using Lim = std::numeric_limits<T>;
  const T specials[] = {T(0), -T(0), T(-2), T(1), Lim::infinity(), -Lim::infinity(), Lim::quiet_NaN(),
                        Lim::denorm_min(), Lim::min(), Lim::max(), -Lim::max(), T(3)};
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<T> a(static_cast<std::size_t>(n)), a2(2 * a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double mag = std::exp2((sizeof(T) == 4 ? 60 : 400) * (2 * u(rng) - 1));
    a[i] = rng() % 8 == 0 ? specials[rng() % std::size(specials)] : static_cast<T>(rng() % 2 ? mag : -mag);
    a2[2 * i] = a[i];
  }
  const lina::Array av = lina::frombuffer(a, {n});
  const lina::Array as = lina::frombuffer(a2, {2 * n})(lina::slice(0, std::nullopt, 2));
  for (T e : {T(2), T(-1), T(0.5), T(1), T(0)}) {
    const std::vector<T> one = {e};
    const lina::Array ev = lina::frombuffer(one, {1}).reshape({});
    for (const lina::Array& base : {av, as}) {
      const lina::Array g = lina::power(base, ev).contiguous();
      for (std::int64_t i = 0; i < n; ++i) {
        const T x = a[static_cast<std::size_t>(i)], got = g.data<T>()[i], want = exact_power(x, e);
        const bool same = (std::isnan(got) && std::isnan(want)) || std::memcmp(&got, &want, sizeof got) == 0;
        const long double exact = std::pow(static_cast<long double>(x), static_cast<long double>(e));
        // Only normal results are measured in ulps (ilogb of 0, inf or NaN is a sentinel).
        const bool rounded = !std::isnormal(want) || std::fabs(static_cast<long double>(got) - exact) <=
                                                         std::ldexp(1.0L, std::ilogb(want) - Lim::digits + 1) / 2;
        if (same && rounded) continue;
        ADD_FAILURE() << what << ": " << x << " ** " << e << " = " << got << ", want " << want;
        return;
      }
    }
  }
}

TEST(PowerKernel, ExactScalarExponentsOnEveryTarget) {
  std::mt19937_64 rng(45);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {1, 3, 7, 8, 9, 16, 17, 33, 1001}) {
      exact_exponents_case<float>(n, rng, target + "float32 n=" + std::to_string(n));
      exact_exponents_case<double>(n, rng, target + "float64 n=" + std::to_string(n));
    }
  });
}

// Integer power through its vector kernel (NOTE: [Vectorised integer power]) against
// exponentiation by squaring written out here in unsigned arithmetic (wrap-around as
// NumPy's): uint8 over all 65,536 pairs; int32 over random bases and exponents (small
// ones, and up to 2^31 - 1, 31 squarings), with the edge bases, a scalar on either side
// and strided operands, on every SIMD target.
template <class T>
T wrapped_power(T base, T exponent) {
  using U = std::make_unsigned_t<T>;
  U result = 1, b = static_cast<U>(base);
  for (U e = static_cast<U>(exponent); e != 0; e = static_cast<U>(e >> 1), b = static_cast<U>(b * b))
    if (e & 1u) result = static_cast<U>(result * b);
  return static_cast<T>(result);
}

template <class T>
void expect_integer_power(const lina::Array& got, const std::vector<T>& a, const std::vector<T>& b, bool scalar_a,
                          bool scalar_b, const std::string& what) {
  const lina::Array g = got.contiguous();
  ASSERT_EQ(g.dtype(), lina::dtype_of<T>) << what;
  for (std::int64_t i = 0; i < g.size(); ++i) {
    const T x = scalar_a ? a[0] : a[static_cast<std::size_t>(i)];
    const T y = scalar_b ? b[0] : b[static_cast<std::size_t>(i)];
    if (g.data<T>()[i] == wrapped_power(x, y)) continue;
    ADD_FAILURE() << what << " at " << i << ": " << +x << " ** " << +y << " = " << +g.data<T>()[i] << ", want "
                  << +wrapped_power(x, y);
    return;
  }
}

TEST(PowerKernel, Uint8EveryPairOnEveryTarget) {
  std::vector<std::uint8_t> a(65536), b(65536);
  for (std::size_t i = 0; i < a.size(); ++i) a[i] = static_cast<std::uint8_t>(i >> 8), b[i] = static_cast<std::uint8_t>(i);
  lina_test::for_each_simd_target([&](const std::string& target) {
    const lina::Array av = lina::frombuffer(a, {65536}), bv = lina::frombuffer(b, {65536});
    expect_integer_power(lina::power(av, bv), a, b, false, false, target + " uint8 pairs");
    expect_integer_power(lina::power(bv, av), b, a, false, false, target + " uint8 pairs swapped");
  });
}

TEST(PowerKernel, Int32WrapsAsTheScalarLoopOnEveryTarget) {
  std::mt19937 rng(43);
  const std::int32_t edge_bases[] = {0, 1, -1, 2, -2, 3, 7, 65536, 46341, std::numeric_limits<std::int32_t>::min(),
                                     std::numeric_limits<std::int32_t>::max()};
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {0, 1, 3, 7, 8, 9, 15, 16, 17, 33, 100, 1001}) {
      std::vector<std::int32_t> a(static_cast<std::size_t>(n)), b(static_cast<std::size_t>(n));
      for (std::size_t i = 0; i < a.size(); ++i) {
        a[i] = rng() % 4 == 0 ? edge_bases[rng() % std::size(edge_bases)] : static_cast<std::int32_t>(rng() % 41) - 20;
        // Mostly small exponents; some up to 2^31 - 1, so that vectors take all 31 steps.
        b[i] = rng() % 8 == 0 ? static_cast<std::int32_t>(rng() >> 1) : static_cast<std::int32_t>(rng() % 40);
      }
      const std::string what = target + " int32 n=" + std::to_string(n);
      const lina::Array av = lina::frombuffer(a, {n}), bv = lina::frombuffer(b, {n});
      expect_integer_power(lina::power(av, bv), a, b, false, false, what);
      std::vector<std::int32_t> a2(2 * a.size());
      for (std::size_t i = 0; i < a.size(); ++i) a2[2 * i] = a[i];
      const lina::Array as = lina::frombuffer(a2, {2 * n})(lina::slice(0, std::nullopt, 2));
      expect_integer_power(lina::power(as, bv), a, b, false, false, what + " strided base");
      if (n == 0) continue;
      for (std::int32_t s : {0, 1, 2, 3, 31, 2147483647}) {
        const std::vector<std::int32_t> one = {s};
        const lina::Array sv = lina::frombuffer(one, {1}).reshape({});
        expect_integer_power(lina::power(av, sv), a, one, false, true, what + " exponent " + std::to_string(s));
      }
      for (std::int32_t s : {0, 1, -1, 2, -3, std::numeric_limits<std::int32_t>::min()}) {
        const std::vector<std::int32_t> one = {s};
        const lina::Array sv = lina::frombuffer(one, {1}).reshape({});
        expect_integer_power(lina::power(sv, bv), one, b, true, false, what + " base " + std::to_string(s));
      }
    }
  });
}

}  // namespace
