// Semantics beyond values: views share storage, writes propagate, weak scalars,
// in-place rules, creation from braces, and the text of every kind of error.
#include <gtest/gtest.h>

#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::Array;
using lina::colon;
using lina::none;
using lina::slice;

TEST(Views, SlicesTransposesAndReshapesShareStorage) {
  Array a = lina::arange(12).reshape({3, 4});
  Array row = a[1];
  Array col = a(colon, 2);
  Array t = a.T();
  Array rev = a(slice(none, none, -1), slice(none, none, -2));
  for (const Array* v : {&row, &col, &t, &rev}) EXPECT_TRUE(v->shares_memory_with(a));
  a.at<std::int64_t>(1, 2) = 100;
  EXPECT_EQ(row.at<std::int64_t>(2), 100);
  EXPECT_EQ(col.at<std::int64_t>(1), 100);
  EXPECT_EQ(t.at<std::int64_t>(2, 1), 100);
  EXPECT_EQ(rev.strides(), (lina::Strides{-32, -16}));
  EXPECT_TRUE(lina::reshape(a, {2, 6}).shares_memory_with(a));
  EXPECT_TRUE(lina::reshape(t, {12}).shares_memory_with(a) == false);  // needs a copy
  EXPECT_TRUE(lina::expand_dims(a, 0).shares_memory_with(a));
  EXPECT_TRUE(lina::broadcast_to(a[0], {5, 4}).shares_memory_with(a));
}

TEST(Views, AssignmentThroughAViewBroadcastsAndReachesTheBase) {
  Array a = lina::zeros({3, 4});
  a(slice(1, 3)) = lina::array({1.0, 2.0, 3.0, 4.0});
  a(colon, 0) = 9;
  EXPECT_EQ(lina::sum(a).item<double>(), 2 * 10.0 + 3 * 9 - 2 * 1);
  Array b = lina::arange(5);
  b(slice(1, none)) = b(slice(none, -1));  // overlapping: NumPy copies the source first
  EXPECT_EQ(lina::str(b), "[0 0 1 2 3]");
  EXPECT_THROW_MSG(a(0) = lina::ones({3}), lina::ShapeError, "(3,)", "(4,)");
}

TEST(Scalars, AreWeakAsNep50Says) {
  const Array f = lina::ones({2}, lina::float32);
  const Array i = lina::ones({2}, lina::int32);
  EXPECT_EQ((f * 2.0).dtype(), lina::float32);
  EXPECT_EQ((i + 1).dtype(), lina::int32);
  EXPECT_EQ((i / i).dtype(), lina::float64);
  EXPECT_EQ((i * 1.5).dtype(), lina::float64);
  EXPECT_EQ((lina::ones({2}, lina::bool_) + 1).dtype(), lina::int64);
  EXPECT_THROW_MSG(lina::ones({2}, lina::uint8) + 300, lina::ValueError, "300", "uint8");
}

TEST(InPlace, FollowsSameKindCastingAndKeepsTheShape) {
  Array i = lina::arange(4).astype(lina::int32);
  i += 2;
  EXPECT_EQ(lina::str(i), "[2 3 4 5]");
  EXPECT_THROW_MSG(i += 1.5, lina::TypeError, "float64", "int32", "same_kind");
  Array f = lina::zeros({2, 3});
  f += lina::array({1.0, 2.0, 3.0});
  EXPECT_EQ(lina::str(f), "[[1. 2. 3.]\n [1. 2. 3.]]");
  Array small = lina::zeros({3});
  EXPECT_THROW_MSG(small += lina::zeros({2, 3}), lina::ShapeError, "(3,)", "(2,3)");
  Array sq = lina::arange(4.0).reshape({2, 2});
  sq += sq.T();  // overlapping input
  EXPECT_EQ(lina::str(sq), "[[0. 3.]\n [3. 6.]]");
}

TEST(Creation, NestedBracesGiveTheCxxElementType) {
  EXPECT_EQ(lina::array({{1.f, 2.f}}).dtype(), lina::float32);
  EXPECT_EQ(lina::array({{1.f, 2.f}}).shape(), (lina::Shape{1, 2}));
  EXPECT_EQ(lina::array({1, 2}).dtype(), lina::int32);
  EXPECT_EQ(lina::array({true, false}).dtype(), lina::bool_);
  EXPECT_EQ(lina::array(3.0).ndim(), 0);
  EXPECT_EQ(lina::array({{{{1.0}}, {{2.0}}}}).shape(), (lina::Shape{1, 2, 1, 1}));
  EXPECT_EQ(lina::array({1, 2}, lina::float64).dtype(), lina::float64);
  EXPECT_THROW_MSG(lina::array({{1.0, 2.0}, {3.0}}), lina::ValueError, "inhomogeneous");
  const std::vector<float> buf = {1, 2, 3, 4, 5, 6};
  EXPECT_EQ(lina::str(lina::frombuffer(buf, {2, 3})), "[[1. 2. 3.]\n [4. 5. 6.]]");
  EXPECT_THROW_MSG(lina::frombuffer(buf, {4}), lina::ValueError, "6", "(4,)");
}

TEST(Creation, RangesMatchNumPy) {
  lina_test::TempDir dir;
  lina::save_npy(dir.file("a.npy"), lina::arange(0.0, 1.0, 0.1));
  lina::save_npy(dir.file("l.npy"), lina::linspace(-1.0, 2.0, 7));
  const std::string out = lina_test::run_numpy(
      "print(np.array_equal(np.load('a.npy'), np.arange(0.0, 1.0, 0.1)), "
      "np.array_equal(np.load('l.npy'), np.linspace(-1.0, 2.0, 7)))\n",
      dir);
  EXPECT_EQ(out, "True True\n");
  EXPECT_THROW_MSG(lina::arange(0, 5, 0), lina::ValueError, "step");
  // Lengths past int64 (the eval fuzzer's arange(8e38)) and past the allocation limit.
  EXPECT_THROW_MSG(lina::arange(8e38), lina::ValueError, "arange(0, ", "8e+38 elements", "2^63 - 1");
  EXPECT_THROW_MSG(lina::arange(0.0, 1e300, 1e-300), lina::ValueError, "arange");
  EXPECT_THROW(lina::arange(0.0, 1e18, 1.0), lina::Error);
  EXPECT_THROW_MSG(lina::meshgrid({lina::arange(2)}, "yx"), lina::ValueError, "'xy'", "'ij'");
}

TEST(Random, IsReproducibleAndWellDistributed) {
  lina::Generator a(5), b(5), c(6);
  const Array x = a.normal(0, 1, {100000});
  EXPECT_TRUE(lina::all(lina::equal(x, b.normal(0, 1, {100000}))).item<bool>());
  EXPECT_FALSE(lina::all(lina::equal(x, c.normal(0, 1, {100000}))).item<bool>());
  EXPECT_NEAR(lina::mean(x).item<double>(), 0.0, 0.02);
  EXPECT_NEAR(lina::stddev(x).item<double>(), 1.0, 0.02);
  const Array u = a.uniform(2, 3, {10000}, lina::float32);
  EXPECT_GE(lina::min(u).item<float>(), 2.f);
  EXPECT_LT(lina::max(u).item<float>(), 3.f);
  const Array k = a.integers(-3, 4, {10000});
  EXPECT_EQ(lina::min(k).item<std::int64_t>(), -3);
  EXPECT_EQ(lina::max(k).item<std::int64_t>(), 3);
  const Array p = a.permutation(50);
  EXPECT_EQ(lina::sum(p).item<std::int64_t>(), 49 * 50 / 2);
  // Pinned first values of the documented algorithm (SplitMix64 -> xoshiro256**).
  lina::Generator g(0);
  EXPECT_EQ(g.next_u64(), 0x99ec5f36cb75f2b4ULL);
  EXPECT_THROW_MSG(a.integers(5, 5, {1}), lina::ValueError, "low=5", "high=5");
}

TEST(Reductions, PairwiseSumIsExactForTenMillionOnes) {
  EXPECT_EQ(lina::sum(lina::ones({10'000'000}, lina::float32)).item<float>(), 1e7f);
  EXPECT_EQ(lina::sum(lina::ones({10'000'000}, lina::float32).reshape({10, -1}), 1).dtype(), lina::float32);
}

TEST(Errors, NameTheOperationShapesAndRule) {
  const Array a = lina::zeros({2, 3}), b = lina::zeros({4});
  EXPECT_THROW_MSG(a + b, lina::ShapeError, "add", "(2,3)", "(4,)", "axis -1", "must be 1");
  EXPECT_THROW_MSG(lina::where(lina::ones({2}, lina::bool_), a, b), lina::ShapeError, "where");
  EXPECT_THROW_MSG(a.reshape({4, 2}), lina::ValueError, "reshape", "size 6", "(4, 2)");
  EXPECT_THROW_MSG(a.reshape({-1, -1}), lina::ValueError, "one unknown");
  EXPECT_THROW_MSG(a(5), lina::IndexError, "index 5", "axis 0", "size 2");
  EXPECT_THROW_MSG(a(0, 0, 0), lina::IndexError, "too many indices", "2-dimensional");
  EXPECT_THROW_MSG(a(lina::ellipsis, lina::ellipsis), lina::IndexError, "single ellipsis");
  EXPECT_THROW_MSG(a(slice(0, 2, 0)), lina::ValueError, "step");
  EXPECT_THROW_MSG(lina::sum(a, 2), lina::IndexError, "sum", "axis 2", "dimension 2");
  EXPECT_THROW_MSG(lina::sum(a, {0, 0}), lina::ValueError, "duplicate");
  EXPECT_THROW_MSG(lina::max(lina::zeros({0})), lina::ValueError, "max", "zero-size");
  EXPECT_THROW_MSG(lina::argmax(lina::zeros({0})), lina::ValueError, "argmax", "empty");
  EXPECT_THROW_MSG(lina::squeeze(a, 0), lina::ValueError, "squeeze", "axis 0", "size 2");
  EXPECT_THROW_MSG(lina::transpose(a, {0}), lina::ValueError, "transpose", "(0,)", "dimension 2");
  EXPECT_THROW_MSG(lina::concatenate({a, lina::zeros({2, 4})}, 0), lina::ValueError, "concatenate", "dimension 1",
                   "size 3", "size 4");
  EXPECT_THROW_MSG(lina::stack({a, b}), lina::ValueError, "stack", "(2,3)", "(4,)");
  EXPECT_THROW_MSG(lina::split(a, 2, 1), lina::ValueError, "split", "equal division");
  EXPECT_THROW_MSG(lina::broadcast_to(a, {3, 3}), lina::ShapeError, "broadcast_to", "(2,3)", "(3,3)");
  EXPECT_THROW_MSG(a[lina::ones({3}, lina::bool_)], lina::IndexError, "(3,)", "(2,3)");
  EXPECT_THROW_MSG(lina::take(b, lina::array({7})), lina::IndexError, "take", "7", "size 4");
  EXPECT_THROW_MSG(lina::subtract(lina::ones({1}, lina::bool_), lina::ones({1}, lina::bool_)), lina::TypeError,
                   "boolean subtract");
  EXPECT_THROW_MSG(lina::power(lina::arange(3), lina::array({-1})), lina::ValueError, "negative integer powers");
  Array out = lina::zeros({4});
  EXPECT_THROW_MSG(lina::add(a, a, out), lina::ShapeError, "add", "(4,)", "(2,3)");
  EXPECT_THROW_MSG(a.at<float>(0, 0), lina::TypeError, "float32", "float64");
  EXPECT_THROW_MSG(lina::dtype_from_name("complex64"), lina::TypeError, "complex64");
  EXPECT_THROW_MSG(lina::eye(-1), lina::ValueError, "eye");
  EXPECT_THROW_MSG(lina::zeros({0, std::int64_t{1} << 62, 4}), lina::ValueError, "too big");
}

}  // namespace
