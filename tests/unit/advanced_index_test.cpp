// advanced_index, a[int array] and nonzero in C++: each result equals the same selection
// spelled another way (take, basic indexing element by element), and every error of the
// NumPy rules is an IndexError. NumPy itself checks the semantics through the CLI's
// generated comparison (tests/cli/eval_vs_numpy.py, advanced_index_expr).
#include <gtest/gtest.h>

#include "lina/lina.hpp"

namespace {

using namespace lina;

Array ints(std::initializer_list<std::int64_t> v) {
  Array a(Shape{static_cast<std::int64_t>(v.size())}, DType::Int64);
  std::int64_t i = 0;
  for (std::int64_t x : v) a.data<std::int64_t>()[i++] = x;
  return a;
}

TEST(AdvancedIndex, OneArrayIsTake) {
  const Array a = arange(0, 24, 1, float64).reshape({2, 3, 4});
  const Array idx = ints({2, -1, 0, 0});
  EXPECT_TRUE(array_equal(a[ints({1, 0, -1})], take(a, ints({1, 0, -1}), 0)));
  EXPECT_TRUE(array_equal(advanced_index(a, {colon, idx}), take(a, idx, 1)));
  EXPECT_TRUE(array_equal(advanced_index(a, {ellipsis, idx}), take(a, idx, 2)));
}

TEST(AdvancedIndex, PairsPickElements) {
  const Array m = arange(0, 12, 1, int32).reshape({3, 4});
  const Array rows = ints({0, 2, 1, -1}), cols = ints({3, 0, -2, 1});
  const Array picked = advanced_index(m, {rows, cols});
  ASSERT_EQ(picked.shape(), Shape({4}));
  for (std::int64_t i = 0; i < 4; ++i)
    EXPECT_EQ(picked(i).item<std::int32_t>(),
              m(rows(i).item<std::int64_t>(), cols(i).item<std::int64_t>()).item<std::int32_t>());
}

TEST(AdvancedIndex, SeparatedArraysGoFirst) {
  const Array t = arange(0, 24, 1, int64).reshape({2, 3, 4});
  // t[0, :, [1, 2]]: the integer counts as an array; the arrays are not adjacent.
  const Array r = advanced_index(t, {0, colon, ints({1, 2})});
  ASSERT_EQ(r.shape(), Shape({2, 3}));
  for (std::int64_t j = 0; j < 2; ++j)
    for (std::int64_t i = 0; i < 3; ++i) EXPECT_EQ(r(j, i).item<std::int64_t>(), t(0, i, j + 1).item<std::int64_t>());
  // t[:, [0, 2], 1:3]: one array, its dimension stays where it stands.
  EXPECT_EQ(advanced_index(t, {colon, ints({0, 2}), slice(1, 3)}).shape(), Shape({2, 2, 2}));
}

TEST(AdvancedIndex, BoolArraysUseTheirNonzero) {
  const Array m = arange(0, 12, 1, float32).reshape({3, 4});
  const Array mask = m > 4.0;
  EXPECT_TRUE(array_equal(advanced_index(m, {mask}), m[mask]));
  const std::vector<Array> nz = nonzero(mask);
  ASSERT_EQ(nz.size(), 2u);
  EXPECT_TRUE(array_equal(advanced_index(m, {nz[0], nz[1]}), m[mask]));
  const Array first_col_big = m(colon, 0) > 3.0;
  EXPECT_TRUE(array_equal(advanced_index(m, {first_col_big, slice(1, none)}),
                          take(m(slice(1, none), slice(1, none)), ints({0, 1}), 0)));
}

TEST(AdvancedIndex, WithoutArraysItIsAView) {
  Array a = zeros({3, 4});
  Array v = advanced_index(a, {1, slice(none, none, -1)});
  v(0) = 7.0;
  EXPECT_EQ(a(1, 3).item<double>(), 7.0);
}

TEST(AdvancedIndex, Errors) {
  const Array m = arange(0, 12, 1, float64).reshape({3, 4});
  EXPECT_THROW(advanced_index(m, {ints({3})}), IndexError);                  // out of bounds
  EXPECT_THROW(advanced_index(m, {ints({0, 1}), ints({0, 1, 2})}), IndexError);  // no broadcast
  EXPECT_THROW(advanced_index(m, {m}), IndexError);                          // float indices
  EXPECT_THROW(advanced_index(m, {ones({4}, bool_)}), IndexError);           // mask of the wrong length
  EXPECT_THROW(advanced_index(m, {ints({0}), 0, 0}), IndexError);            // too many indices
  EXPECT_THROW(m[m], IndexError);
  EXPECT_THROW(advanced_index(zeros({0, 3}), {ints({0})}), IndexError);
  EXPECT_EQ(advanced_index(zeros({0, 3}), {Array(Shape{0}, DType::Int64)}).shape(), Shape({0, 3}));
}

// A 0-d bool among the components indexes a new axis of length 1 with its nonzero()
// coordinates: True selects it, False leaves it empty; it covers no dimension of the
// array and broadcasts with the other arrays (NumPy's x[True, 1], x[[0, 1], True]).
TEST(AdvancedIndex, ZeroDBoolIsASelectedNewAxis) {
  const Array x = arange(0, 24, 1, int64).reshape({2, 3, 4});
  const Array t = full({}, true, bool_), f = full({}, false, bool_);
  EXPECT_TRUE(array_equal(advanced_index(x, {t}), x(newaxis)));
  EXPECT_EQ(advanced_index(x, {f}).shape(), Shape({0, 2, 3, 4}));
  EXPECT_TRUE(array_equal(advanced_index(x, {t, 1}), x(newaxis, 1)));
  EXPECT_TRUE(array_equal(advanced_index(x, {1, t}), x(newaxis, 1)));
  EXPECT_EQ(advanced_index(x, {0, colon, f}).shape(), Shape({0, 3, 4}));
  // Broadcast with a length-2 array: the new axis' coordinate [0] repeats.
  EXPECT_TRUE(array_equal(advanced_index(x, {ints({0, 1}), t, colon, ints({1, 2})}),
                          advanced_index(x, {ints({0, 1}), colon, ints({1, 2})})));
  EXPECT_TRUE(array_equal(advanced_index(x, {t, t, 0}), x(newaxis, 0)));
  // False with an array of length 2: (0,) and (2,) do not broadcast.
  EXPECT_THROW(advanced_index(x, {f, ints({0, 1})}), IndexError);
}

TEST(AdvancedIndex, NonzeroOfZeroD) {
  const std::vector<Array> nz = nonzero(full({}, 5.0));
  ASSERT_EQ(nz.size(), 1u);
  EXPECT_EQ(nz[0].shape(), Shape({1}));
  EXPECT_EQ(nonzero(zeros({})).at(0).size(), 0);
}

}  // namespace
