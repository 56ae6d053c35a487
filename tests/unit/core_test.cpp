#include <gtest/gtest.h>

#include "lina/lina.hpp"

namespace {

using lina::Array;

TEST(Core, NewArrayIsContiguousAndAligned) {
  Array a({2, 3, 4}, lina::float32);
  EXPECT_EQ(a.ndim(), 3);
  EXPECT_EQ(a.size(), 24);
  EXPECT_EQ(a.strides(), (lina::Strides{48, 16, 4}));
  EXPECT_TRUE(a.is_contiguous());
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.raw_data()) % 64, 0u);
}

TEST(Core, TypedAccessChecksDtype) {
  Array a({2, 2}, lina::float32);
  a.fill(1.5);
  EXPECT_EQ(a.at<float>(1, -1), 1.5f);
  EXPECT_THROW(a.at<double>(0, 0), lina::TypeError);
  EXPECT_THROW(a.at<float>(2, 0), lina::IndexError);
  EXPECT_THROW(a.item<float>(), lina::ValueError);
  try {
    (void)a.data<int>();
    FAIL();
  } catch (const lina::TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("float32"), std::string::npos);
  }
}

TEST(Core, AstypeConvertsAsNumPy) {
  Array a({4}, lina::float64);
  double* p = a.data<double>();
  p[0] = 1.9;
  p[1] = -1.9;
  p[2] = 0.0;
  p[3] = 300.0;
  Array i = a.astype(lina::int32);
  EXPECT_EQ(i.at<int32_t>(0), 1);
  EXPECT_EQ(i.at<int32_t>(1), -1);
  Array b = a.astype(lina::bool_);
  EXPECT_TRUE(b.at<bool>(0));
  EXPECT_FALSE(b.at<bool>(2));
  Array u = a.astype(lina::uint8);
  EXPECT_EQ(u.at<uint8_t>(3), 44);
}

TEST(Core, BroadcastShapesNamesShapesAndAxis) {
  EXPECT_EQ(lina::broadcast_shapes({2, 1, 3}, {4, 1}), (lina::Shape{2, 4, 3}));
  EXPECT_EQ(lina::broadcast_shapes({0}, {1}), (lina::Shape{0}));
  try {
    lina::broadcast_shapes({2, 3}, {4}, "add");
    FAIL();
  } catch (const lina::ShapeError& e) {
    EXPECT_STREQ(e.what(),
                 "add: operands could not be broadcast together: shapes (2,3) and (4,): axis -1 "
                 "has sizes 3 and 4; sizes must match or one must be 1");
  }
}

TEST(Core, PromotionFollowsNep50) {
  EXPECT_EQ(lina::promote_types(lina::int32, lina::float32), lina::float64);
  EXPECT_EQ(lina::promote_types(lina::uint8, lina::bool_), lina::uint8);
  EXPECT_EQ(lina::promote_weak(lina::float32, lina::ScalarKind::Float), lina::float32);
  EXPECT_EQ(lina::promote_weak(lina::bool_, lina::ScalarKind::Int), lina::int64);
  EXPECT_EQ(lina::promote_weak(lina::int32, lina::ScalarKind::Float), lina::float64);
}

TEST(Core, AllocationLimitRaisesValueError) {
  const auto old = lina::max_alloc_bytes();
  lina::set_max_alloc_bytes(1000);
  EXPECT_THROW(Array({1000}, lina::float64), lina::ValueError);
  lina::set_max_alloc_bytes(old);
}

}  // namespace

namespace {

TEST(Core, LargeBuffersAreReusedAfterFree) {
  lina::release_cached_buffers();
  const void* first = nullptr;
  {
    lina::Array a({1 << 20}, lina::float32);  // 4 MiB: a large buffer
    first = a.raw_data();
  }
  EXPECT_GE(lina::cached_buffer_bytes(), std::size_t{4} << 20);
  lina::Array b({1 << 20}, lina::float32);
  EXPECT_EQ(b.raw_data(), first);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(b.raw_data()) % 64, 0u);
  lina::release_cached_buffers();
  EXPECT_EQ(lina::cached_buffer_bytes(), 0u);
}

}  // namespace

namespace {

TEST(Core, ParallelCopyOfTransposeMatchesSerial) {
  // Large enough to be split across threads; compare against element access.
  lina::Array a({300, 500}, lina::int32);
  int32_t* p = a.data<int32_t>();
  for (int i = 0; i < 300 * 500; ++i) p[i] = i;
  const lina::Array t = lina::Array(a.storage(), 0, {500, 300}, {4, 2000}, lina::int32).copy();
  ASSERT_EQ(t.shape(), (lina::Shape{500, 300}));
  for (int i = 0; i < 500; i += 7)
    for (int j = 0; j < 300; j += 11) ASSERT_EQ(t.at<int32_t>(i, j), a.at<int32_t>(j, i));
}

TEST(Core, SetNumThreadsValidates) {
  const int old = lina::get_num_threads();
  EXPECT_THROW(lina::set_num_threads(0), lina::ValueError);
  lina::set_num_threads(1);
  EXPECT_EQ(lina::get_num_threads(), 1);
  lina::set_num_threads(old);
}

}  // namespace
