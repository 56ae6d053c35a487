// SmallVector (lina's Shape and Strides) against std::vector<std::int64_t> as the
// specification: the same operations on both, on inline and heap-backed contents.
#include <gtest/gtest.h>

#include <random>
#include <span>
#include <vector>

#include "lina/core/shape.hpp"
#include "lina/core/small_vector.hpp"

namespace {

using V4 = lina::SmallVector<std::int64_t, 4>;
using Ref = std::vector<std::int64_t>;

void expect_same(const V4& v, const Ref& r) {
  ASSERT_EQ(v.size(), r.size());
  EXPECT_EQ(v.empty(), r.empty());
  for (std::size_t i = 0; i < r.size(); ++i) EXPECT_EQ(v[i], r[i]) << "at " << i;
  EXPECT_EQ(v.is_inline(), v.capacity() == V4::inline_capacity);
  EXPECT_GE(v.capacity(), v.size());
  EXPECT_EQ(Ref(v), r);  // the conversion to std::vector
}

TEST(SmallVector, ConstructionAndConversions) {
  expect_same(V4{}, Ref{});
  expect_same(V4{1, 2, 3}, Ref{1, 2, 3});
  expect_same(V4(3), Ref(3));
  expect_same(V4(6, 7), Ref(6, 7));
  const Ref r{5, 4, 3, 2, 1, 0};
  expect_same(V4(r.begin() + 1, r.end()), Ref(r.begin() + 1, r.end()));
  const V4 from_vector = r;  // implicit, as a Shape parameter taking a std::vector
  expect_same(from_vector, r);
  const Ref back = from_vector;
  EXPECT_EQ(back, r);
  EXPECT_TRUE(V4{}.is_inline());
  EXPECT_TRUE((V4{1, 2, 3, 4}.is_inline()));
  EXPECT_FALSE((V4{1, 2, 3, 4, 5}.is_inline()));
  const std::span<const std::int64_t> s(from_vector);
  EXPECT_EQ(s.size(), 6u);
  EXPECT_EQ(s[2], 3);
}

TEST(SmallVector, CopyAndMoveInlineAndHeap) {
  for (std::size_t n : {0u, 2u, 4u, 5u, 9u}) {
    Ref r(n);
    for (std::size_t i = 0; i < n; ++i) r[i] = static_cast<std::int64_t>(10 * i + 1);
    V4 a(r.begin(), r.end());
    V4 copy = a;
    expect_same(copy, r);
    if (n > 0) {
      copy[0] = -1;  // a deep copy
      EXPECT_EQ(a[0], 1);
    }
    V4 moved = std::move(a);
    expect_same(moved, r);
    EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty and usable
    EXPECT_TRUE(a.is_inline());
    a.push_back(3);
    expect_same(a, Ref{3});
    V4 assigned{9, 9};
    assigned = moved;
    expect_same(assigned, r);
    V4 move_assigned{1, 2, 3, 4, 5, 6};
    move_assigned = std::move(moved);
    expect_same(move_assigned, r);
    const V4& same = move_assigned;
    move_assigned = same;  // self-assignment keeps the contents
    expect_same(move_assigned, r);
    V4 other{7};
    swap(other, move_assigned);
    expect_same(other, r);
    expect_same(move_assigned, Ref{7});
  }
}

TEST(SmallVector, GrowthFromInlineToHeapKeepsElements) {
  V4 v;
  Ref r;
  for (std::int64_t i = 0; i < 40; ++i) {
    v.push_back(i * i);
    r.push_back(i * i);
    expect_same(v, r);
  }
  EXPECT_FALSE(v.is_inline());
  v.push_back(v[0]);  // an element of the vector itself, across a reallocation
  r.push_back(r[0]);
  expect_same(v, r);
  v.resize(2);
  r.resize(2);
  expect_same(v, r);
  v.resize(12, v[1]);
  r.resize(12, r[1]);
  expect_same(v, r);
  v.clear();
  expect_same(v, Ref{});
}

TEST(SmallVector, InsertAndEraseIncludingFromItself) {
  V4 v{1, 2, 3};
  Ref r{1, 2, 3};
  v.insert(v.begin(), v[2]);
  r.insert(r.begin(), r[2]);
  expect_same(v, r);
  v.insert(v.begin() + 2, v.begin(), v.end());  // the whole vector into itself
  const Ref before = r;
  r.insert(r.begin() + 2, before.begin(), before.end());
  expect_same(v, r);
  v.insert(v.end(), 3, -5);
  r.insert(r.end(), 3, -5);
  expect_same(v, r);
  v.insert(v.begin() + 1, {8, 9});
  r.insert(r.begin() + 1, {8, 9});
  expect_same(v, r);
  auto it = v.erase(v.begin() + 3);
  auto rit = r.erase(r.begin() + 3);
  EXPECT_EQ(it - v.begin(), rit - r.begin());
  expect_same(v, r);
  v.erase(v.begin() + 1, v.end() - 2);
  r.erase(r.begin() + 1, r.end() - 2);
  expect_same(v, r);
  v.erase(v.begin(), v.begin());
  expect_same(v, r);
  v.assign(v.begin() + 1, v.end());  // a range of itself
  r.erase(r.begin());  // the same as assigning r[1:]
  expect_same(v, r);
}

TEST(SmallVector, ComparesAsStdVector) {
  const std::vector<Ref> values{{}, {0}, {1}, {1, 2}, {1, 3}, {2}, {1, 2, 3, 4, 5}, {1, 2, 3, 4, 6}};
  for (const Ref& x : values) {
    for (const Ref& y : values) {
      const V4 a(x), b(y);
      EXPECT_EQ(a == b, x == y);
      EXPECT_EQ(a != b, x != y);
      EXPECT_EQ(a < b, x < y);
      EXPECT_EQ(a <= b, x <= y);
      EXPECT_EQ(a > b, x > y);
      EXPECT_EQ(a == y, x == y);  // against a std::vector, either side
      EXPECT_EQ(x == b, x == y);
    }
  }
}

// Random sequences of operations, applied to both.
TEST(SmallVector, RandomOperationsMatchStdVector) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    V4 v;
    Ref r;
    for (int step = 0; step < 60; ++step) {
      const auto x = static_cast<std::int64_t>(rng() % 100) - 50;
      const std::size_t pos = r.empty() ? 0 : rng() % (r.size() + 1);
      switch (rng() % 7) {
        case 0:
        case 1:
          v.push_back(x);
          r.push_back(x);
          break;
        case 2:
          v.insert(v.begin() + pos, x);
          r.insert(r.begin() + pos, x);
          break;
        case 3:
          if (pos < r.size()) {
            v.erase(v.begin() + pos);
            r.erase(r.begin() + static_cast<std::ptrdiff_t>(pos));
          }
          break;
        case 4:
          if (!r.empty()) {
            v.pop_back();
            r.pop_back();
          }
          break;
        case 5: {
          const std::size_t n = rng() % 10;
          v.resize(n, x);
          r.resize(n, x);
          break;
        }
        default: {
          V4 c = (rng() % 2) ? V4(v) : V4(std::move(v));
          v = std::move(c);
          break;
        }
      }
      expect_same(v, r);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(SmallVector, AtChecksBounds) {
  const V4 v{1, 2};
  EXPECT_EQ(v.at(1), 2);
  EXPECT_THROW((void)v.at(2), std::out_of_range);
}

TEST(SmallVector, ShapeAcceptsStdVectorCode) {
  // Code written when Shape was std::vector<std::int64_t>.
  std::vector<std::int64_t> dims{2, 3, 4};
  lina::Shape s = dims;
  dims = s;
  EXPECT_EQ(dims, (std::vector<std::int64_t>{2, 3, 4}));
  EXPECT_EQ(lina::shape_size(dims), 24);
  EXPECT_EQ(lina::c_strides(s, 4), (std::vector<std::int64_t>{48, 16, 4}));
  const lina::Shape seven{1, 2, 3, 4, 5, 6, 7};  // beyond the inline dimensions
  EXPECT_FALSE(seven.is_inline());
  EXPECT_EQ(lina::shape_size(seven), 5040);
  EXPECT_EQ(lina::shape_str(seven), "(1, 2, 3, 4, 5, 6, 7)");
}

}  // namespace
