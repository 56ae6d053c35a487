// The packed GEMM against the plain reference on ragged shapes and strided operands,
// and a cheap check of large products: C t == A (B t) for a random vector t.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "kernels/gemm.hpp"
#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::kernels::MatrixRef;

template <class T>
void check_against_reference(std::int64_t m, std::int64_t n, std::int64_t k, bool trans_a, bool trans_b,
                             std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-1, 1);
  std::vector<T> a(static_cast<std::size_t>(m * k)), b(static_cast<std::size_t>(k * n));
  for (auto& x : a) x = static_cast<T>(u(rng));
  for (auto& x : b) x = static_cast<T>(u(rng));
  // Transposed operands: the same values stored column-major.
  const MatrixRef<const T> ar = trans_a ? MatrixRef<const T>{a.data(), 1, m} : MatrixRef<const T>{a.data(), k, 1};
  const MatrixRef<const T> br = trans_b ? MatrixRef<const T>{b.data(), 1, k} : MatrixRef<const T>{b.data(), n, 1};
  std::vector<T> c(static_cast<std::size_t>(m * n), T(-7)), r(static_cast<std::size_t>(m * n));
  lina::kernels::gemm(m, n, k, ar, br, MatrixRef<T>{c.data(), n, 1});
  lina::kernels::gemm_reference<T>(m, n, k, ar, br, MatrixRef<T>{r.data(), n, 1});
  const double tol = (std::is_same_v<T, float> ? 1e-5 : 1e-12) * static_cast<double>(k + 1);
  for (std::size_t i = 0; i < c.size(); ++i)
    ASSERT_NEAR(c[i], r[i], tol) << "m=" << m << " n=" << n << " k=" << k << " element " << i;
}

TEST(Gemm, MatchesTheReferenceOnRaggedShapes) {
  std::mt19937 rng(1);
  const std::vector<std::int64_t> sizes = {1, 2, 5, 6, 7, 13, 16, 17, 31, 33, 67};
  for (std::int64_t m : sizes)
    for (std::int64_t n : {1, 7, 16, 33, 67})
      for (std::int64_t k : {1, 8, 67}) {
        check_against_reference<float>(m, n, k, m % 2 == 1, n % 2 == 0, rng);
        check_against_reference<double>(m, n, k, n % 2 == 1, m % 2 == 0, rng);
      }
  check_against_reference<float>(130, 270, 300, false, true, rng);  // crosses MC and KC blocks
  check_against_reference<double>(130, 70, 300, true, false, rng);
}

TEST(Gemm, LargeProductPassesTheVectorCheck) {
  lina::Generator g(9);
  const lina::Array a = g.uniform(-1, 1, {700, 600}, lina::float32);
  const lina::Array b = g.uniform(-1, 1, {600, 4200}, lina::float32);  // crosses NC
  const lina::Array t = g.uniform(-1, 1, {4200}, lina::float32);
  const lina::Array ct = lina::matmul(lina::matmul(a, b), t);
  const lina::Array abt = lina::matmul(a, lina::matmul(b, t));
  EXPECT_LT(lina::max(lina::abs(ct - abt)).item<float>() / lina::max(lina::abs(abt)).item<float>(), 1e-4f);
  // Transposed operands are packed from their strides.
  const lina::Array at = g.uniform(-1, 1, {600, 700}, lina::float64).T();
  const lina::Array bt = g.uniform(-1, 1, {300, 600}, lina::float64).T();
  const lina::Array t2 = g.uniform(-1, 1, {300}, lina::float64);
  const lina::Array d = lina::matmul(lina::matmul(at, bt), t2) - lina::matmul(at, lina::matmul(bt, t2));
  EXPECT_LT(lina::max(lina::abs(d)).item<double>(), 1e-9);
}

TEST(Linalg, ErrorsNameShapesAndDimensions) {
  const lina::Array a = lina::zeros({2, 3}), b = lina::zeros({4, 5});
  EXPECT_THROW_MSG(lina::matmul(a, b), lina::ShapeError, "matmul: shapes (2,3) and (4,5) are not aligned: 3 (dim 1) != 4 (dim 0)");
  EXPECT_THROW_MSG(lina::dot(a, b), lina::ShapeError, "dot: shapes (2,3) and (4,5) are not aligned");
  EXPECT_THROW_MSG(lina::matmul(lina::zeros({2, 2, 3}), lina::zeros({3, 3, 4})), lina::ShapeError,
                   "matmul: batch dimensions (2,) of (2,2,3) and (3,) of (3,3,4) do not broadcast: 2 != 3 (batch axis -1)");
  lina::Array batch_out = lina::zeros({4, 2, 2, 4});
  EXPECT_THROW_MSG(lina::matmul(lina::zeros({4, 1, 2, 3}), lina::zeros({5, 1, 3, 4}), batch_out), lina::ShapeError,
                   "batch dimensions (4,1) of (4,1,2,3) and (5,1) of (5,1,3,4)", "4 != 5", "(batch axis -2)");
  EXPECT_THROW_MSG(lina::matmul(lina::array(1.0), a), lina::ValueError, "matmul", "operand 0");
  EXPECT_THROW_MSG(lina::norm(a, "nuc"), lina::ValueError, "SVD", "not supported yet");
  EXPECT_THROW_MSG(lina::trace(lina::zeros({3})), lina::ValueError, "trace", "(3,)");
  lina::Array out = lina::zeros({2, 2});
  EXPECT_THROW_MSG(lina::matmul(a, a.T(), out = lina::zeros({3, 3})), lina::ShapeError, "(3,3)", "(2,2)");
}

TEST(Linalg, OutFormWritesIntoAnExistingArray) {
  const lina::Array a = lina::arange(6.0).reshape({2, 3});
  lina::Array out = lina::empty({2, 2});
  const void* before = out.raw_data();
  lina::matmul(a, a.T(), out);
  EXPECT_EQ(out.raw_data(), before);
  EXPECT_EQ(lina::str(out), "[[ 5. 14.]\n [14. 50.]]");
  EXPECT_EQ(lina::str(a.matmul(lina::array({1.0, 0.0, -1.0}))), "[-2. -2.]");
  EXPECT_NE(lina::gemm_info().find("Highway target"), std::string::npos);
}

}  // namespace
