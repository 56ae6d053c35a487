// any() and all() of a whole contiguous array stop at the deciding element (NOTE: [any
// and all with an early exit] in src/kernels/reduce_any_all.cpp). Against the fold they
// replace, which the same values at a stride of two still take: every SIMD target, every
// dtype, lengths 0-70 and longer, the deciding element at every position of short runs
// and at a few of long ones, NaN (nonzero) and -0.0 (zero), 2-D and 0-d arrays, keepdims.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

const lina::DType kDtypes[] = {lina::float32, lina::float64, lina::int32, lina::int64, lina::uint8, lina::bool_};

// n copies of `fill` with `other` at position `at` (none when at < 0), as dtype dt.
lina::Array run_of(lina::DType dt, std::int64_t n, double fill, double other, std::int64_t at) {
  std::vector<double> v(static_cast<std::size_t>(n), fill);
  if (at >= 0) v[static_cast<std::size_t>(at)] = other;
  const lina::Array a = lina::frombuffer(v, {n});
  return dt == lina::bool_ ? lina::not_equal(a, 0.0) : a.astype(dt);
}

void expect_like_the_fold(const lina::Array& x, const std::string& what) {
  const lina::Array twin = lina_test::strided_twin(x);  // not contiguous: the fold
  lina_test::expect_same_bits(lina::any(x), lina::any(twin), what + " any");
  lina_test::expect_same_bits(lina::all(x), lina::all(twin), what + " all");
}

TEST(ReduceAnyAll, WholeArraysMatchTheFoldOnEveryTarget) {
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const lina::DType dt : kDtypes) {
      const bool floating = dt == lina::float32 || dt == lina::float64;
      std::vector<std::int64_t> lengths;
      for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
      for (std::int64_t n : {255, 256, 1000, 4097, 100003}) lengths.push_back(n);
      for (const std::int64_t n : lengths) {
        std::vector<std::int64_t> positions = {-1};
        if (n <= 70) {
          for (std::int64_t at = 0; at < n; ++at) positions.push_back(at);
        } else {
          for (std::int64_t at : {std::int64_t{0}, n / 3, n - 65, n - 1}) positions.push_back(at);
        }
        for (const std::int64_t at : positions) {
          const std::string what = target + lina::dtype_name(dt) + " n=" + std::to_string(n) + " at " + std::to_string(at);
          expect_like_the_fold(run_of(dt, n, 0.0, 1.0, at), what + " (one nonzero)");
          expect_like_the_fold(run_of(dt, n, 1.0, 0.0, at), what + " (one zero)");
          if (!floating) continue;
          expect_like_the_fold(run_of(dt, n, 0.0, std::nan(""), at), what + " (one NaN among zeros)");
          expect_like_the_fold(run_of(dt, n, 2.0, -0.0, at), what + " (one -0.0)");
          expect_like_the_fold(run_of(dt, n, -0.0, 0.0, at), what + " (signed zeros)");
        }
      }
    }
  });
}

// Along trailing axes each output is one contiguous run: rows with no deciding element,
// with one at the start, the middle or the end, on every target and one and two threads;
// a leading axis (not trailing) still folds.
TEST(ReduceAnyAll, TrailingAxesMatchTheFoldOnEveryTarget) {
  const int saved = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (int threads : {1, 2}) {
      lina::set_num_threads(threads);
      for (const lina::DType dt : kDtypes) {
        for (const std::int64_t n : {std::int64_t{1}, std::int64_t{7}, std::int64_t{64}, std::int64_t{100}}) {
          const std::int64_t rows = 3000;
          std::vector<double> zeros(static_cast<std::size_t>(rows * n), 0.0), ones(zeros.size(), 1.0);
          for (std::int64_t r = 0; r < rows; r += 2) {  // odd rows have no deciding element
            const std::int64_t at = r * n + (r / 2 * 7) % n;
            zeros[static_cast<std::size_t>(at)] = 1.0;
            ones[static_cast<std::size_t>(at)] = 0.0;
          }
          for (const auto* v : {&zeros, &ones}) {
            lina::Array m = lina::frombuffer(*v, {rows, n});
            m = dt == lina::bool_ ? lina::not_equal(m, 0.0) : m.astype(dt);
            const lina::Array twin = lina_test::strided_twin(m);
            const std::string what = target + "threads " + std::to_string(threads) + " " + lina::dtype_name(dt) +
                                     " rows of " + std::to_string(n);
            for (int axis : {-1, 1, 0}) {
              lina_test::expect_same_bits(lina::any(m, axis), lina::any(twin, axis), what + " any axis " + std::to_string(axis));
              lina_test::expect_same_bits(lina::all(m, axis, true), lina::all(twin, axis, true),
                                          what + " all keepdims axis " + std::to_string(axis));
            }
            const lina::Array cube = m.reshape({rows / 10, 10, n}), cube_twin = lina_test::strided_twin(cube);
            lina_test::expect_same_bits(lina::any(cube, lina::Axes({1, 2})), lina::any(cube_twin, lina::Axes({1, 2})),
                                        what + " any over the last two axes");
            lina_test::expect_same_bits(lina::all(cube, lina::Axes({-1, -2})), lina::all(cube_twin, lina::Axes({-1, -2})),
                                        what + " all over the last two axes");
          }
        }
      }
    }
  });
  lina::set_num_threads(saved);
}

TEST(ReduceAnyAll, ShapesKeepdimsAndTheOtherReductions) {
  const lina::Array m = run_of(lina::float32, 12, 1.0, 0.0, 7).reshape({3, 4});
  EXPECT_FALSE(lina::all(m).item<bool>());
  EXPECT_TRUE(lina::any(m).item<bool>());
  EXPECT_EQ(lina::all(m, lina::Axes(), true).shape(), (lina::Shape{1, 1}));
  EXPECT_EQ(lina::any(m).ndim(), 0);
  // Over the last axis: row 1 holds the zero.
  const lina::Array rows = lina::all(m, 1);
  EXPECT_TRUE(rows[0].item<bool>());
  EXPECT_FALSE(rows[1].item<bool>());
  // 0-d, and empty arrays (NumPy: any of nothing is False, all of nothing is True).
  EXPECT_TRUE(lina::all(lina::array(-0.5)).item<bool>());
  EXPECT_FALSE(lina::any(lina::array(0.0)).item<bool>());
  EXPECT_FALSE(lina::any(lina::zeros({0, 3})).item<bool>());
  EXPECT_TRUE(lina::all(lina::zeros({3, 0}, lina::int32)).item<bool>());
  EXPECT_EQ(lina::any(lina::zeros({0, 3}), lina::Axes(), true).shape(), (lina::Shape{1, 1}));
}

}  // namespace
