// Sums along the last axis take all their rows in one kernel call (NOTE: [Rows of
// pairwise sums] in src/kernels/reduce_parallel.hpp). Each output must keep the bits of
// the 1-D sum of its own row, which takes the one-row path: on every SIMD target, on one
// and two threads, float32 and float64, for widths around the pairwise leaves and nodes,
// and for rows that are not packed (a slice of the columns, reversed rows, a 3-D array),
// keepdims, and a whole sum that every row adds into.
#include <gtest/gtest.h>

#include <string>

#include "lina/lina.hpp"
#include "simd_targets.hpp"

namespace {

// sum(x, -1) against the sum of each row on its own, compared bit for bit.
void expect_rows_match(const lina::Array& x, const std::string& what) {
  const lina::Array got = lina::sum(x, -1);
  const lina::Array rows = x.reshape({-1, x.shape(-1)});
  const lina::Array flat = got.reshape({-1});
  ASSERT_EQ(flat.size(), rows.shape(0)) << what;
  for (std::int64_t r = 0; r < rows.shape(0); ++r) {
    const lina::Array want = lina::sum(rows(r).copy());
    ASSERT_TRUE(lina::array_equal(flat(r), want, true))
        << what << ", row " << r << ": " << flat(r) << " against " << want;
  }
}

TEST(ReduceRows, SumsAlongTheLastAxisKeepEachRowsBitsOnEveryTarget) {
  lina::Generator gen(17);
  lina_test::for_each_target_threads_and_float([&](const std::string& where, lina::DType t) {
    for (std::int64_t n : {1, 7, 8, 9, 100, 128, 129, 300, 512, 513, 1024, 1500, 4096})
      expect_rows_match(gen.uniform(-3, 5, {9, n}, t), where + "rows of " + std::to_string(n));
    // Enough rows for the threads to split them.
    expect_rows_match(gen.uniform(-3, 5, {3000, 100}, t), where + "3000 rows of 100");
    const lina::Array m = gen.uniform(-3, 5, {40, 700}, t);
    expect_rows_match(m(lina::colon, lina::slice(3, 500)), where + "a slice of the columns");
    expect_rows_match(m(lina::slice(lina::none, lina::none, -1)), where + "reversed rows");
    expect_rows_match(gen.uniform(-3, 5, {3, 5, 257}, t), where + "3-D");
  });
}

TEST(ReduceRows, KeepdimsAndOneOutputForEveryRow) {
  lina::Generator gen(18);
  const lina::Array m = gen.uniform(-3, 5, {50, 700}, lina::float32);
  const lina::Array cols = m(lina::colon, lina::slice(0, 333));
  lina::Array want = lina::empty({50}, lina::float32);
  for (std::int64_t r = 0; r < 50; ++r) want(r) = lina::sum(cols(r).copy());
  EXPECT_TRUE(lina::array_equal(lina::sum(cols, 1, true).reshape({50}), want, true));
  // The whole sum of rows that are not packed: on one thread every row's sum adds into
  // the one output, in order (the output's stride is 0).
  const int saved = lina::get_num_threads();
  lina::set_num_threads(1);
  float acc = 0.0f;
  for (std::int64_t r = 0; r < 50; ++r) acc += want(r).item<float>();
  EXPECT_EQ(lina::sum(cols).item<float>(), acc);
  lina::set_num_threads(saved);
}

}  // namespace
