// var's fused sum of squared deviations (NOTE: [Fused squared deviations]) against the
// operations it replaces, NumPy's sum(square(x - mean(x, axis, keepdims))) spelled out
// with lina's own subtract, multiply and sum: the same bits, on every SIMD target and on
// one and two threads, for float32 and float64, along trailing axes (runs of every
// length around the pairwise leaves and nodes, and long runs split across threads) and
// along axis 0 of a matrix (row counts around the eight-row fold, widths around a
// vector). NumPy itself checks var and std through the oracle cases.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "simd_targets.hpp"

namespace {

lina::Array spelled_out_sum(const lina::Array& x, const lina::Axes& axis) {
  const lina::Array d = x - lina::mean(x, axis, true);
  return lina::sum(d * d, axis);
}

// var divides the fused sum by count; the spelled-out sum divided the same way must give
// the same bits (NaN where it gives NaN).
void expect_same_var(const lina::Array& x, const lina::Axes& axis, const std::string& what) {
  const lina::Array got = lina::var(x, axis);
  const std::int64_t count = x.size() / std::max<std::int64_t>(1, got.size());
  const lina::Array want = lina::divide(spelled_out_sum(x, axis), static_cast<double>(count));
  ASSERT_EQ(got.shape(), want.shape()) << what;
  ASSERT_EQ(got.dtype(), want.dtype()) << what;
  EXPECT_TRUE(lina::array_equal(got, want, true)) << what << "\nfused:\n" << got << "\nspelled out:\n" << want;
}

TEST(ReduceVariance, FusedSquaredDeviationsEqualTheSpelledOutSumOnEveryTarget) {
  lina::Generator gen(31);
  lina_test::for_each_target_threads_and_float([&](const std::string& where, lina::DType t) {
    // Along the last axis: runs around 8, a leaf (128), a node (512) and powers of two.
    for (std::int64_t n : {1, 7, 8, 9, 100, 128, 129, 300, 512, 513, 1024, 1500, 4096})
      expect_same_var(gen.uniform(-3, 5, {5, n}, t), -1, where + "rows of " + std::to_string(n));
    // The whole array: one long run, split across threads where pairwise summation splits it.
    expect_same_var(gen.uniform(-3, 5, {300'007}, t), {}, where + "whole 300007");
    expect_same_var(gen.uniform(-3, 5, {1 << 18}, t), {}, where + "whole 2^18");
    expect_same_var(gen.uniform(-3, 5, {3, 4, 70}, t), {1, 2}, where + "trailing two axes");
    expect_same_var(gen.uniform(-3, 5, {3, 70000}, t), 1, where + "three long rows");
    // Along axis 0: rows around the fold of eight, widths around a vector.
    for (std::int64_t rows : {1, 7, 8, 9, 17, 64})
      for (std::int64_t cols : {1, 15, 16, 17, 100, 1000})
        expect_same_var(gen.uniform(-3, 5, {rows, cols}, t), 0,
                        where + "axis 0 of " + std::to_string(rows) + "x" + std::to_string(cols));
    expect_same_var(gen.uniform(-3, 5, {300, 2000}, t), 0, where + "axis 0 of 300x2000");
  });
}

TEST(ReduceVariance, NaNInfinityAndTheOtherLayoutsKeepNumPysValues) {
  // A NaN or an infinity makes its output NaN in both forms; a transposed or strided
  // input, a middle axis and an integer input take the spelled-out path.
  lina::Generator gen(32);
  lina::Array x = gen.uniform(-1, 1, {4, 200}, lina::float32);
  x(1, 5) = std::nan("");
  x(2, 7) = std::numeric_limits<double>::infinity();
  for (int ax : {0, 1}) expect_same_var(x, ax, "specials along " + std::to_string(ax));
  const lina::Array v = lina::var(x, 1);
  EXPECT_TRUE(std::isnan(v.data<float>()[1]));
  EXPECT_TRUE(std::isnan(v.data<float>()[2]));
  EXPECT_FALSE(std::isnan(v.data<float>()[0]));
  expect_same_var(gen.uniform(-1, 1, {30, 40}, lina::float64).T(), 1, "transposed");
  expect_same_var(gen.uniform(-1, 1, {30, 80}, lina::float64)(lina::colon, lina::slice(0, 80, 2)), 1, "strided");
  expect_same_var(gen.uniform(-1, 1, {3, 40, 5}, lina::float32), 1, "middle axis");
  expect_same_var(gen.integers(-9, 9, {6, 50}, lina::int32), 1, "int32");
  // keepdims and ddof as NumPy: the divisor is count - ddof, clamped at 0.
  const lina::Array m = gen.uniform(-1, 1, {6, 50}, lina::float64);
  EXPECT_EQ(lina::var(m, 1, 1, true).shape(), (lina::Shape{6, 1}));
  EXPECT_TRUE(lina::array_equal(lina::var(m, 1, 1), lina::divide(spelled_out_sum(m, 1), 49.0)));
}

}  // namespace
