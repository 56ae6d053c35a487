// The GEMM's packing and prefetching edges (docs/gemm.md): operands with no unit stride
// on any axis (pack_b's column-at-a-time branch, pack_a's strided reads), k around the
// micro-kernel's C-prefetch threshold (2 x 24 steps), and the direct path's first row
// tile that prefetches a contiguous A (NOTE: [Direct A prefetch]) with A shorter and
// longer than the prefetch window, every result against the three-loop reference.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "kernels/gemm.hpp"

namespace {

using lina::kernels::MatrixRef;

enum class Path { kChosen, kDirect, kPacked1, kPacked2 };

template <class T>
void run(Path path, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
         MatrixRef<T> c) {
  switch (path) {
    case Path::kChosen: return lina::kernels::gemm(m, n, k, a, b, c);
    case Path::kDirect: return lina::kernels::gemm_direct(m, n, k, a, b, c);
    case Path::kPacked1: return lina::kernels::gemm_packed(m, n, k, a, b, c, 1);
    case Path::kPacked2: return lina::kernels::gemm_packed(m, n, k, a, b, c, 2);
  }
}

// Returns "" when C (read through its strides) matches the reference, else the first
// difference.
template <class T>
std::string compare(std::int64_t m, std::int64_t n, std::int64_t k, const std::vector<T>& c, MatrixRef<T> cr,
                    const std::vector<T>& ref) {
  const double tol = (sizeof(T) == 4 ? 2e-6 : 1e-14) * static_cast<double>(k + 4);
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      const double got = c[static_cast<std::size_t>(i * cr.rs + j * cr.cs)];
      const double want = ref[static_cast<std::size_t>(i * n + j)];
      if (!(std::abs(got - want) <= tol))
        return "C[" + std::to_string(i) + "," + std::to_string(j) + "] = " + std::to_string(got) + ", reference " +
               std::to_string(want);
    }
  return "";
}

template <class T>
std::vector<T> random_vector(std::size_t count, std::mt19937& rng) {
  std::uniform_real_distribution<double> u(-1, 1);
  std::vector<T> v(count);
  for (auto& x : v) x = static_cast<T>(u(rng));
  return v;
}

// A = every other row and column of a (2m x 2k) row-major buffer; B = the transpose of
// every other row and column of a (2n x 2k) buffer (no axis of either has stride 1);
// C contiguous or every other column.
template <class T>
int check_strided(const lina::kernels::GemmBlocking& bl) {
  std::mt19937 rng(5);
  const std::int64_t shapes[][3] = {{7, 65, 49},
                                    {13, 2 * bl.nr + 3, bl.kc + 1},
                                    {bl.mc + 1, bl.nr + 1, 47},
                                    {bl.mr, bl.nr, 48},
                                    {61, 3 * bl.nr - 1, 2 * bl.kc + 5},
                                    {2 * bl.mr + 1, 5, 2}};
  int cases = 0;
  for (Path path : {Path::kChosen, Path::kDirect, Path::kPacked1, Path::kPacked2})
    for (const auto& s : shapes)
      for (bool strided_c : {false, true}) {
        const std::int64_t m = s[0], n = s[1], k = s[2];
        const auto abuf = random_vector<T>(static_cast<std::size_t>(4 * m * k), rng);
        const auto bbuf = random_vector<T>(static_cast<std::size_t>(4 * n * k), rng);
        const MatrixRef<const T> a{abuf.data(), 4 * k, 2}, b{bbuf.data(), 2, 4 * k};
        const std::int64_t cw = strided_c ? 2 : 1;
        std::vector<T> c(static_cast<std::size_t>(m * n * cw), std::numeric_limits<T>::quiet_NaN());
        std::vector<T> ref(static_cast<std::size_t>(m * n));
        const MatrixRef<T> cr{c.data(), n * cw, cw};
        lina::kernels::gemm_reference<T>(m, n, k, a, b, MatrixRef<T>{ref.data(), n, 1});
        run<T>(path, m, n, k, a, b, cr);
        EXPECT_EQ(compare<T>(m, n, k, c, cr, ref), "")
            << "path " << static_cast<int>(path) << " m=" << m << " n=" << n << " k=" << k << " strided C "
            << strided_c;
        ++cases;
      }
  return cases;
}

// Row-major, contiguous A (the direct path's prefetching first tile): rows around the
// tile heights, A smaller and larger than the 256 bytes per step the tile prefetches.
template <class T>
int check_contiguous_direct() {
  std::mt19937 rng(9);
  int cases = 0;
  for (std::int64_t m : {5, 6, 7, 12, 13, 64, 65, 100})
    for (std::int64_t n : {64, 65, 128})
      for (std::int64_t k : {1, 3, 47, 48, 64, 65, 200}) {
        const auto a = random_vector<T>(static_cast<std::size_t>(m * k), rng);
        const auto b = random_vector<T>(static_cast<std::size_t>(k * n), rng);
        std::vector<T> c(static_cast<std::size_t>(m * n), std::numeric_limits<T>::quiet_NaN());
        std::vector<T> ref(static_cast<std::size_t>(m * n));
        const MatrixRef<const T> ar{a.data(), k, 1}, br{b.data(), n, 1};
        lina::kernels::gemm_reference<T>(m, n, k, ar, br, MatrixRef<T>{ref.data(), n, 1});
        lina::kernels::gemm_direct(m, n, k, ar, br, MatrixRef<T>{c.data(), n, 1});
        EXPECT_EQ(compare<T>(m, n, k, c, MatrixRef<T>{c.data(), n, 1}, ref), "")
            << "direct m=" << m << " n=" << n << " k=" << k;
        ++cases;
      }
  return cases;
}

TEST(GemmPacking, OperandsWithoutAUnitStrideMatchTheReferenceFloat) {
  EXPECT_EQ(check_strided<float>(lina::kernels::gemm_blocking_float()), 48);
}
TEST(GemmPacking, OperandsWithoutAUnitStrideMatchTheReferenceDouble) {
  EXPECT_EQ(check_strided<double>(lina::kernels::gemm_blocking_double()), 48);
}
TEST(GemmPacking, DirectPathWithContiguousAMatchesTheReference) {
  EXPECT_EQ(check_contiguous_direct<float>(), 168);
  EXPECT_EQ(check_contiguous_direct<double>(), 168);
}

}  // namespace
