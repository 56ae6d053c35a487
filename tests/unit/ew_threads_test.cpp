// Threads: elementwise and fused operations give the same bits on 1, 2 and 3 threads;
// reductions split across outputs or at pairwise summation's own split points do too,
// and the remaining whole-array reductions stay within the pairwise error bound. Called
// from inside the user's own parallel region, lina's loops run on the calling thread.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>

#include "lina/lina.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

struct ThreadCount {  // restores the thread count when the test ends
  int saved = lina::get_num_threads();
  ~ThreadCount() { lina::set_num_threads(saved); }
};

void expect_identical_across_threads(const std::string& name, const std::function<lina::Array()>& f) {
  ThreadCount restore;
  lina::set_num_threads(1);
  const lina::Array one = f();
  for (int t : {2, 3}) {
    lina::set_num_threads(t);
    const lina::Array many = f();
    EXPECT_EQ(one.shape(), many.shape()) << name;
    EXPECT_TRUE(lina::array_equal(one, many, true)) << name << " differs on " << t << " threads";
  }
}

TEST(EwThreads, ElementwiseResultsAreIdentical) {
  lina::Generator gen(11);
  const lina::Array a = gen.uniform(-3, 3, {300'001}, lina::float32);
  const lina::Array b = gen.uniform(-3, 3, {300'001}, lina::float32);
  const lina::Array m = gen.uniform(-3, 3, {513, 517}, lina::float64);
  const lina::Array row = gen.uniform(-1, 1, {517}, lina::float64), col = gen.uniform(-1, 1, {513, 1}, lina::float64);
  const lina::Array ints = gen.integers(-100, 100, {400'000}, lina::int32);
  expect_identical_across_threads("a + b", [&] { return a + b; });
  expect_identical_across_threads("a * b strided", [&] { return a(lina::slice(0, 300'000, 3)) * b(lina::slice(1, 300'001, 3)); });
  expect_identical_across_threads("m + row", [&] { return m + row; });
  expect_identical_across_threads("m - col", [&] { return m - col; });
  expect_identical_across_threads("m.T / 3", [&] { return m.T() / 3.0; });
  expect_identical_across_threads("exp", [&] { return lina::exp(a); });
  expect_identical_across_threads("tanh", [&] { return lina::tanh(m); });
  expect_identical_across_threads("less", [&] { return lina::less(a, b); });
  expect_identical_across_threads("int multiply", [&] { return ints * ints; });
  expect_identical_across_threads("multiply_add", [&] { return lina::multiply_add(a, b, a); });
  expect_identical_across_threads("add_relu", [&] { return lina::add_relu(m, row); });
  expect_identical_across_threads("standardize by rows", [&] { return lina::standardize(m, row, row); });
  expect_identical_across_threads("standardize by columns", [&] { return lina::standardize(m, col, col); });
  expect_identical_across_threads("zscore", [&] { return lina::zscore(m); });
  expect_identical_across_threads("softmax rows", [&] { return lina::softmax(m, -1); });
  expect_identical_across_threads("softmax axis 0", [&] { return lina::softmax(m, 0); });
  expect_identical_across_threads("log_softmax axis 0 of a 2-slab array", [&] {
    return lina::log_softmax(m.reshape({1, 513, 517}), 1);
  });
  expect_identical_across_threads("transpose copy", [&] { return m.T().copy(); });
}

TEST(EwThreads, ReductionsSplitAlongOutputsOrPairwiseAreIdentical) {
  lina::Generator gen(12);
  const lina::Array m = gen.uniform(-1, 1, {700, 900}, lina::float32);
  const lina::Array v = gen.uniform(-1, 1, {1'000'003}, lina::float32);
  const lina::Array i = gen.integers(-1000, 1000, {1'000'003}, lina::int64);
  expect_identical_across_threads("sum all contiguous", [&] { return lina::sum(v); });
  expect_identical_across_threads("sum all float64", [&] { return lina::sum(v.astype(lina::float64)); });
  expect_identical_across_threads("sum of a matrix", [&] { return lina::sum(m); });
  expect_identical_across_threads("sum axis 0", [&] { return lina::sum(m, 0); });
  expect_identical_across_threads("sum axis 1", [&] { return lina::sum(m, 1); });
  expect_identical_across_threads("sum axis 0 of the transpose", [&] { return lina::sum(m.T(), 0); });
  expect_identical_across_threads("mean axis 1", [&] { return lina::mean(m, 1); });
  expect_identical_across_threads("max axis 0", [&] { return lina::max(m, 0); });
  expect_identical_across_threads("min all", [&] { return lina::min(v); });
  expect_identical_across_threads("max of the transpose", [&] { return lina::max(m.T()); });
  expect_identical_across_threads("int sum", [&] { return lina::sum(i); });
  expect_identical_across_threads("any", [&] { return lina::any(lina::greater(v, 0.9999f)); });
  expect_identical_across_threads("all strided", [&] { return lina::all(lina::less(v(lina::slice(0, lina::none, 2)), 2.0f)); });
  expect_identical_across_threads("prod axis 1", [&] { return lina::prod(m(lina::slice(0, 100), lina::slice(0, 10)), 1); });
}

TEST(EwThreads, WholeStridedSumsStayWithinThePairwiseBound) {
  // The sum of a strided 3-D view: per-thread partial sums, combined at the end.
  ThreadCount restore;
  lina::Generator gen(13);
  const lina::Array x = gen.uniform(0, 1, {64, 130, 40}, lina::float32);
  const lina::Array view = x(lina::colon, lina::slice(0, lina::none, 2), lina::slice(0, lina::none, 3));
  const double exact = lina::sum(view.astype(lina::float64)).item<double>();
  for (int t : {1, 2, 3}) {
    lina::set_num_threads(t);
    const double got = lina::sum(view).item<float>();
    // n * eps * sum|x| is the naive bound; pairwise does far better than this.
    EXPECT_LE(std::fabs(got - exact), 1e-5 * exact) << t << " threads: " << got << " vs " << exact;
  }
}

TEST(EwThreads, InsideTheUsersParallelRegionLoopsRunOnTheCallingThread) {
  ThreadCount restore;
  lina::set_num_threads(2);
  lina::Generator gen(14);
  const lina::Array v = gen.uniform(-1, 1, {200'000}, lina::float32);
  const lina::Array want_sum = lina::sum(v), want_add = v + v;
  int mismatches = 0;
#pragma omp parallel num_threads(2) reduction(+ : mismatches)
  {
    mismatches += !lina::array_equal(lina::sum(v), want_sum);
    mismatches += !lina::array_equal(v + v, want_add);
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
