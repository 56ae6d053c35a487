// isfinite and isinf of contiguous float arrays run in one pass through the comparison
// kernel's unary codes (src/ops/predicates.cpp); other layouts keep the composed form
// (x - x == 0, abs(x) == inf). Each against the other, and against the C library, on
// every SIMD target and on one and two threads: lengths 0-70 and long runs, unaligned
// starts, +-inf, NaN, +-0, the largest finite values and denormals in every position.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

TEST(FloatPredicates, IsfiniteAndIsinfMatchTheComposedFormOnEveryTarget) {
  using L = std::numeric_limits<double>;
  const double specials[] = {L::infinity(), -L::infinity(), L::quiet_NaN(), 0.0, -0.0,
                             3.4e38, -3.4e38, L::max(), 1e-310, 1.0};
  std::mt19937 rng(47);
  lina_test::for_each_target_threads_and_float([&](const std::string& where, lina::DType t) {
    std::vector<std::int64_t> lengths;
    for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
    for (std::int64_t n : {1000, 70001, 200003}) lengths.push_back(n);
    for (const std::int64_t n : lengths) {
      std::vector<double> v(static_cast<std::size_t>(n + 1));
      std::uniform_real_distribution<double> u(-10, 10);
      for (auto& x : v) x = rng() % 4 == 0 ? specials[rng() % 10] : u(rng);
      const lina::Array all = lina::frombuffer(v, {n + 1}).astype(t);
      for (std::int64_t start : {0, 1}) {
        const lina::Array x = all(lina::slice(start, start + n));
        const lina::Array twin = lina_test::strided_twin(x.copy());
        const std::string what = where + "n=" + std::to_string(n) + " start=" + std::to_string(start);
        const lina::Array fin = lina::isfinite(x), inf = lina::isinf(x);
        lina_test::expect_same_bits(fin, lina::isfinite(twin), what + " isfinite");
        lina_test::expect_same_bits(inf, lina::isinf(twin), what + " isinf");
        const lina::Array xd = x.astype(lina::float64).contiguous();
        for (std::int64_t i = 0; i < n; ++i) {
          const double e = xd.data<double>()[i];
          ASSERT_EQ(fin.data<bool>()[i], std::isfinite(e)) << what << " element " << i << " = " << e;
          ASSERT_EQ(inf.data<bool>()[i], std::isinf(e)) << what << " element " << i << " = " << e;
        }
      }
    }
  });
}

TEST(FloatPredicates, ShapesAndIntegers) {
  const lina::Array m = lina::full({3, 4}, std::numeric_limits<double>::infinity());
  EXPECT_EQ(lina::isinf(m).shape(), (lina::Shape{3, 4}));
  EXPECT_FALSE(lina::any(lina::isfinite(m)).item<bool>());
  EXPECT_TRUE(lina::isfinite(lina::array(1.5f)).item<bool>());  // 0-d
  EXPECT_EQ(lina::isinf(lina::zeros({0, 2})).shape(), (lina::Shape{0, 2}));
  EXPECT_TRUE(lina::all(lina::isfinite(lina::arange(5))).item<bool>());  // integers are finite
  EXPECT_FALSE(lina::any(lina::isinf(lina::arange(5))).item<bool>());
}

}  // namespace
