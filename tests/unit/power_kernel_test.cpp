// float32 power through its vector kernel (NOTE: [Vectorised float32 power]) against
// powl in long double: within 0.5 ulp plus 2^-21 for bases over many binades and
// exponents from -30 to 30, arrays on both sides, a scalar on either side, strided
// operands, lengths around the vector widths, on every SIMD target. Lanes outside the
// common range (zero, negative, infinite or NaN bases, infinite or NaN exponents,
// results beyond the normal range) are std::pow's, bit for bit.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
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
    const bool within = std::isnormal(static_cast<float>(want)) && ulp_error(p[i], want) <= 0.5 + 0x1p-21;
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
