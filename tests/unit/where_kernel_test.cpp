// where(cond, x, y) through the vectorised kernel (NOTE: [Vectorised where]) against the
// scalar loop, bit for bit, on every SIMD target: contiguous operands take the kernel,
// the same values at a stride of two take the scalar loop. Every dtype, lengths 0-70 and
// long runs, unaligned starts, x or y a broadcast scalar, NaN and -0.0 moved intact.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

lina::Array values(lina::DType dt, std::int64_t n, std::mt19937& rng) {
  std::vector<double> v(static_cast<std::size_t>(n));
  std::uniform_real_distribution<double> u(-1000, 1000);
  const bool floating = dt == lina::float32 || dt == lina::float64;
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = std::round(u(rng));
    if (floating && i % 17 == 3) v[i] = std::nan("");
    if (floating && i % 19 == 5) v[i] = -0.0;
  }
  lina::Array a = lina::frombuffer(v, {n});
  if (dt == lina::bool_) return lina::greater(a, 0.0);
  if (dt == lina::uint8) return (lina::abs(a) * 0.25).astype(lina::uint8);
  return a.astype(dt);
}

const lina::DType kDtypes[] = {lina::float32, lina::float64, lina::int32, lina::int64, lina::uint8, lina::bool_};

TEST(WhereKernel, MatchesTheScalarLoopOnEveryTarget) {
  std::mt19937 rng(5);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const lina::DType dt : kDtypes) {
      std::vector<std::int64_t> lengths;
      for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
      for (std::int64_t n : {257, 1000, 4099}) lengths.push_back(n);
      for (const std::int64_t n : lengths) {
        const lina::Array c_all = lina::greater(values(lina::float64, n + 1, rng), 0.0);
        const lina::Array x_all = values(dt, n + 1, rng), y_all = values(dt, n + 1, rng);
        for (std::int64_t start : {0, 1}) {
          const auto part = [&](const lina::Array& a) { return a.index({lina::Index(lina::slice(start, start + n))}); };
          const lina::Array c = part(c_all), x = part(x_all), y = part(y_all);
          const lina::Array cs = lina_test::strided_twin(c), xs = lina_test::strided_twin(x), ys = lina_test::strided_twin(y);
          const std::string what = target + lina::dtype_name(dt) + " n=" + std::to_string(n) +
                                   " start=" + std::to_string(start);
          lina_test::expect_same_bits(lina::where(c, x, y), lina::where(cs, xs, ys), what);
          if (n == 0) continue;
          // x or y broadcast: a 0-d array, stride 0 in the loop.
          const lina::Array x0 = x.index({lina::Index(0)}), y0 = y.index({lina::Index(n - 1)});
          lina_test::expect_same_bits(lina::where(c, x0, y), lina::where(cs, x0, ys), what + " scalar x");
          lina_test::expect_same_bits(lina::where(c, x, y0), lina::where(cs, xs, y0), what + " scalar y");
          lina_test::expect_same_bits(lina::where(c, x0, y0), lina::where(cs, x0, y0), what + " scalar x and y");
        }
      }
    }
  });
}

TEST(WhereKernel, ConditionsOtherThanBoolAreTruthValues) {
  // A non-bool condition is converted to bool first (nonzero is true), as NumPy does.
  const lina::Array c = lina::arange(0, 64).astype(lina::int32) % 3;
  const lina::Array x = lina::arange(0, 64).astype(lina::float32), y = -x;
  const lina::Array r = lina::where(c, x, y);
  for (std::int64_t i = 0; i < 64; ++i)
    EXPECT_EQ(r.data<float>()[i], (i % 3) ? float(i) : -float(i)) << i;
}

}  // namespace
