// floor_divide and remainder of float32 and float64 arrays through the exact vector fmod
// (NOTE: [Vectorised float floor_divide and remainder]) against the scalar functors
// (NumPy's npy_divmod over std::fmod), bit for bit, signs of zeros included: values over
// many binades with both signs, exact multiples and their neighbours one ulp away
// (where a rounded quotient lands on the wrong whole number), quotients around the
// 2^(p - 2) limit of the vector path, subnormals, and the edges (+-0, +-inf, NaN) on
// either side; every operand kind (contiguous, a scalar divisor, a scalar dividend,
// strided), lengths around the vector widths, on every SIMD target.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "kernels/elementwise_functors.hpp"
#include "lina/lina.hpp"
#include "functor_check.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

namespace k = lina::kernels;
using lina_test::expect_functor;

// Dividend-divisor pairs of the kinds listed above. `common`: only pairs the vector path
// takes (finite, b nonzero, |a / b| below 2^(p - 3)), so that whole vectors run it.
template <class T>
void pairs(std::int64_t n, std::mt19937_64& rng, std::vector<T>& a, std::vector<T>& b, bool common) {
  using L = std::numeric_limits<T>;
  constexpr int p = L::digits;
  const T specials[] = {T(0),     -T(0),    L::infinity(), -L::infinity(), L::quiet_NaN(), L::denorm_min(),
                        L::min(), L::max(), T(1),          T(-1),          T(0.5),         T(3)};
  std::uniform_real_distribution<double> u(0, 1);
  auto magnitude = [&](double spread) {
    const T m = static_cast<T>(std::exp2(spread * (2 * u(rng) - 1)));
    return rng() % 2 ? m : -m;
  };
  a.resize(static_cast<std::size_t>(n));
  b.resize(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (common) {
      b[i] = magnitude(10);
      const T m = static_cast<T>(std::round(std::ldexp(2 * u(rng) - 1, static_cast<int>(rng() % (p - 3)))));
      a[i] = rng() % 4 == 0 ? magnitude(10) * b[i] : m * b[i];
      const int step = static_cast<int>(rng() % 3) - 1;
      if (step != 0) a[i] = std::nextafter(a[i], step > 0 ? L::infinity() : -L::infinity());
      continue;
    }
    switch (rng() % 8) {
      case 0:  // an edge on one side
        a[i] = rng() % 2 ? specials[rng() % std::size(specials)] : magnitude(20);
        b[i] = rng() % 2 ? specials[rng() % std::size(specials)] : magnitude(20);
        break;
      case 1:
      case 2: {  // a whole multiple of b, or one ulp either side of it
        b[i] = magnitude(10);
        const T m = static_cast<T>(std::round(std::ldexp(2 * u(rng) - 1, static_cast<int>(rng() % (p - 1)))));
        a[i] = m * b[i];
        const int step = static_cast<int>(rng() % 3) - 1;
        if (step != 0) a[i] = std::nextafter(a[i], step > 0 ? L::infinity() : -L::infinity());
        break;
      }
      case 3: {  // quotients around the vector path's limit 2^(p - 2)
        b[i] = magnitude(4);
        a[i] = b[i] * static_cast<T>(std::ldexp(1.0 + u(rng), p - 3 + static_cast<int>(rng() % 3)));
        break;
      }
      case 4:  // subnormal divisors or dividends
        a[i] = rng() % 2 ? magnitude(4) * L::min() : magnitude(4);
        b[i] = (rng() % 2 ? magnitude(4) : T(1)) * L::min() * static_cast<T>(u(rng));
        break;
      default:  // anything over many binades
        a[i] = magnitude(40);
        b[i] = magnitude(40);
        break;
    }
  }
}

template <class T>
void check(const char* dtype_name) {
  std::mt19937_64 rng(51);
  lina_test::for_each_simd_target([&](const std::string& target) {
    std::vector<std::int64_t> lengths;
    for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
    lengths.push_back(1001);
    lengths.push_back(20'000);
    for (const std::int64_t n : lengths)
      for (const bool common : {true, false}) {
        std::vector<T> a, b;
        pairs(n, rng, a, b, common);
        const std::string what = target + dtype_name + " n=" + std::to_string(n) + (common ? " common" : " mixed");
        const lina::Array av = lina::frombuffer(a, {n}), bv = lina::frombuffer(b, {n});
        expect_functor<k::FloorDivide>(lina::floor_divide(av, bv), a, b, false, false, what + " //");
        expect_functor<k::Remainder>(lina::remainder(av, bv), a, b, false, false, what + " %");
        const lina::Array as = lina_test::strided_twin(av), bs = lina_test::strided_twin(bv);
        expect_functor<k::FloorDivide>(lina::floor_divide(as, bs), a, b, false, false, what + " // strided");
        expect_functor<k::Remainder>(lina::remainder(as, bv), a, b, false, false, what + " % strided");
        if (n == 0) continue;
        for (std::size_t s = 0; s < 6 && s < b.size(); ++s) {
          const std::vector<T> one_b = {b[s]}, one_a = {a[s]};
          const lina::Array sb = lina::frombuffer(one_b, {1}).reshape({}),
                            sa = lina::frombuffer(one_a, {1}).reshape({});
          expect_functor<k::FloorDivide>(lina::floor_divide(av, sb), a, one_b, false, true, what + " // scalar");
          expect_functor<k::Remainder>(lina::remainder(av, sb), a, one_b, false, true, what + " % scalar");
          expect_functor<k::FloorDivide>(lina::floor_divide(sa, bv), one_a, b, true, false, what + " scalar //");
          expect_functor<k::Remainder>(lina::remainder(sa, bv), one_a, b, true, false, what + " scalar %");
        }
      }
  });
}

TEST(FloatDivision, Float32EqualsTheFunctorsOnEveryTarget) { check<float>("float32"); }
TEST(FloatDivision, Float64EqualsTheFunctorsOnEveryTarget) { check<double>("float64"); }

// The vector path's own corrections: quotients that round onto the next whole number
// (a one ulp below a multiple of b) must not give that whole number.
TEST(FloatDivision, RoundedQuotientsOnAWholeNumberAreCorrected) {
  const float b = 0.1f;
  std::vector<float> a;
  for (int m = 1; m < 5000; ++m) a.push_back(std::nextafter(static_cast<float>(m) * b, 0.0f));
  const lina::Array av = lina::frombuffer(a, {static_cast<std::int64_t>(a.size())});
  const lina::Array q = lina::floor_divide(av, b), r = lina::remainder(av, b);
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_TRUE(lina_test::same_value_bits(q.data<float>()[i], k::FloorDivide::apply(a[i], b))) << a[i] << " // 0.1f";
    ASSERT_TRUE(lina_test::same_value_bits(r.data<float>()[i], k::Remainder::apply(a[i], b))) << a[i] << " % 0.1f";
  }
}

}  // namespace
