// lina with the OpenBLAS backend compiled in (see CMakeLists.txt): gemm_info names
// OpenBLAS, 2-D float products (plain, transposed, sliced) agree with lina's own kernels
// and with the reference, and the products OpenBLAS cannot take (strides it has no
// layout for, batches run in parallel, integers) still come out right.
#include <gtest/gtest.h>

#include <string>

#include "kernels/gemm.hpp"
#include "lina/lina.hpp"

namespace {

double max_abs_diff(const lina::Array& x, const lina::Array& y) {
  return lina::max(lina::abs(x.astype(lina::float64) - y.astype(lina::float64))).item<double>();
}

// The product by lina's own packed kernel, as the reference for the BLAS result.
lina::Array own_product(const lina::Array& a, const lina::Array& b) {
  const lina::Array a64 = a.astype(lina::float64), b64 = b.astype(lina::float64);
  lina::Array c = lina::empty({a.shape(0), b.shape(1)}, lina::float64);
  lina::kernels::gemm_packed(a.shape(0), b.shape(1), a.shape(1), {a64.data<double>(), a.shape(1), 1},
                             {b64.data<double>(), b.shape(1), 1}, {c.data<double>(), b.shape(1), 1}, 1);
  return c;
}

TEST(BlasBackend, InfoNamesOpenBlas) {
  EXPECT_NE(lina::gemm_info().find("OpenBLAS"), std::string::npos) << lina::gemm_info();
  EXPECT_NE(lina::kernels::gemm_backend().find("OpenBLAS"), std::string::npos);
}

TEST(BlasBackend, ProductsAgreeWithLinasKernels) {
  lina::Generator g(4);
  for (lina::DType t : {lina::float32, lina::float64})
    for (std::int64_t n : {1, 7, 64, 300}) {
      const lina::Array a = g.uniform(-1, 1, {n + 3, n}, t), b = g.uniform(-1, 1, {n, n + 5}, t);
      const double tol = t == lina::float32 ? 1e-4 : 1e-11;
      EXPECT_LT(max_abs_diff(lina::matmul(a, b), own_product(a, b)), tol) << n;
      // Transposed operands (CblasTrans) and a row-sliced one (lda > n).
      const lina::Array at = a.T().copy().T(), bt = b.T().copy().T();
      EXPECT_LT(max_abs_diff(lina::matmul(at, bt), own_product(a, b)), tol) << n;
      const lina::Array big = g.uniform(-1, 1, {n + 3, n + 9}, t);
      const lina::Array sliced = big(lina::colon, lina::slice(0, n));
      EXPECT_LT(max_abs_diff(lina::matmul(sliced, b), own_product(sliced.copy(), b)), tol) << n;
      // Every other column: no unit stride, lina's kernels take it.
      const lina::Array stepped = big(lina::colon, lina::slice(0, 2 * n, 2));
      if (stepped.shape(1) == n) {
        EXPECT_LT(max_abs_diff(lina::matmul(stepped, b), own_product(stepped.copy(), b)), tol) << n;
      }
    }
}

TEST(BlasBackend, BatchesAndOtherDtypesStayOnLinasKernels) {
  lina::Generator g(8);
  const lina::Array a = g.uniform(-1, 1, {500, 8, 8}, lina::float32), b = g.uniform(-1, 1, {500, 8, 8}, lina::float32);
  const lina::Array c = lina::matmul(a, b);
  for (std::int64_t i : {0, 250, 499})
    EXPECT_LT(max_abs_diff(c[i], own_product(a[i], b[i])), 1e-5) << i;
  const lina::Array ia = lina::arange(12).reshape({3, 4}), ib = lina::arange(8).reshape({4, 2});
  EXPECT_EQ(lina::str(lina::matmul(ia, ib)), "[[ 28  34]\n [ 76  98]\n [124 162]]");
}

}  // namespace
