// Sums of bool, uint8, int32 and int64 arrays widen in registers (NOTE: [Integer sums
// without a widened copy] in src/kernels/reduce_integer_sum.cpp). Each sum against the
// same values added one at a time modulo 2^64 (NumPy's int64 wraps), on every SIMD
// target and on one and two threads: lengths 0-70 and longer, unaligned starts, the
// dtypes' extremes, int64 sums that wrap around; and against the fold that a strided
// view still takes.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

// Random values of dt, a fifth of them the dtype's extremes.
lina::Array random_integers(lina::DType dt, std::int64_t n, std::mt19937_64& rng) {
  std::vector<std::int64_t> v(static_cast<std::size_t>(n));
  std::int64_t lo = 0, hi = 1;
  if (dt == lina::uint8) hi = 255;
  if (dt == lina::int32) lo = std::numeric_limits<std::int32_t>::min(), hi = std::numeric_limits<std::int32_t>::max();
  if (dt == lina::int64) lo = std::numeric_limits<std::int64_t>::min(), hi = std::numeric_limits<std::int64_t>::max();
  std::uniform_int_distribution<std::int64_t> u(lo, hi), small(-1000, 1000);
  for (auto& x : v) {
    const auto pick = rng() % 5;
    x = pick == 0 ? lo : pick == 1 ? hi : dt == lina::int32 || dt == lina::int64 ? small(rng) : u(rng);
    if (pick == 2) x = u(rng);
  }
  const lina::Array a = lina::frombuffer(v, {n});
  return dt == lina::bool_ ? lina::not_equal(a, 0) : a.astype(dt);
}

std::int64_t wrapped_sum(const lina::Array& x) {
  const lina::Array w = x.astype(lina::int64).contiguous();
  std::uint64_t s = 0;
  for (std::int64_t i = 0; i < w.size(); ++i) s += static_cast<std::uint64_t>(w.data<std::int64_t>()[i]);
  return static_cast<std::int64_t>(s);
}

TEST(ReduceIntegerSum, WholeArraysOnEveryTargetAndThreadCount) {
  std::mt19937_64 rng(41);
  const int saved = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (int threads : {1, 2}) {
      lina::set_num_threads(threads);
      for (const lina::DType dt : {lina::bool_, lina::uint8, lina::int32, lina::int64}) {
        std::vector<std::int64_t> lengths;
        for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
        for (std::int64_t n : {255, 1000, 4097, 100003, 300007}) lengths.push_back(n);
        for (const std::int64_t n : lengths) {
          const lina::Array all = random_integers(dt, n + 1, rng);
          for (std::int64_t start : {0, 1}) {
            const lina::Array x = all(lina::slice(start, start + n)).copy();
            const std::string what = target + "threads " + std::to_string(threads) + " " + lina::dtype_name(dt) +
                                     " n=" + std::to_string(n) + " start=" + std::to_string(start);
            const lina::Array got = lina::sum(x);
            ASSERT_EQ(got.dtype(), lina::int64) << what;
            ASSERT_EQ(got.item<std::int64_t>(), wrapped_sum(x)) << what;
          }
        }
      }
    }
  });
  lina::set_num_threads(saved);
}

TEST(ReduceIntegerSum, ShapesAndTheFoldAgree) {
  std::mt19937_64 rng(43);
  for (const lina::DType dt : {lina::bool_, lina::uint8, lina::int32}) {
    const lina::Array m = random_integers(dt, 6 * 70, rng).reshape({6, 70});
    if (dt != lina::int64) lina_test::expect_same_bits(lina::sum(m), lina::sum(lina_test::strided_twin(m)), lina::dtype_name(dt));
    EXPECT_EQ(lina::sum(m, lina::Axes(), true).shape(), (lina::Shape{1, 1}));
    EXPECT_EQ(lina::sum(m(lina::slice(0, 0))).item<std::int64_t>(), 0);
    EXPECT_EQ(lina::sum(m, std::nullopt, false, lina::float64).dtype(), lina::float64);  // another dtype: the fold
  }
  EXPECT_EQ(lina::sum(lina::array(true)).item<std::int64_t>(), 1);
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(lina::sum(lina::full({2}, big, lina::int64)).item<std::int64_t>(), -2);  // wraps, as NumPy
}

}  // namespace
