// Each GEMM path (direct and packed on 1 and 2 threads, GEMV, and gemm's own choice)
// against the three-loop reference at every block edge, the batched matmul against a
// per-matrix reference, a 2048 x 2048 product by the random-vector residual check, and
// NaN/inf propagation as in NumPy (no path skips a zero).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kernels/gemm.hpp"
#include "lina/lina.hpp"
#include "simd_targets.hpp"

namespace {

using lina::kernels::MatrixRef;

enum class Path { kChosen, kDirect, kDirect2, kPacked1, kPacked2, kGemv };

const char* name(Path p) {
  switch (p) {
    case Path::kChosen: return "gemm";
    case Path::kDirect: return "direct";
    case Path::kDirect2: return "direct/2 threads";
    case Path::kPacked1: return "packed/1 thread";
    case Path::kPacked2: return "packed/2 threads";
    case Path::kGemv: return "gemv";
  }
  return "?";
}

template <class T>
void run(Path path, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
         MatrixRef<T> c) {
  switch (path) {
    case Path::kChosen: return lina::kernels::gemm(m, n, k, a, b, c);
    case Path::kDirect: return lina::kernels::gemm_direct(m, n, k, a, b, c);
    case Path::kDirect2: return lina::kernels::gemm_direct(m, n, k, a, b, c, 2);
    case Path::kPacked1: return lina::kernels::gemm_packed(m, n, k, a, b, c, 1);
    case Path::kPacked2: return lina::kernels::gemm_packed(m, n, k, a, b, c, 2);
    case Path::kGemv:  // one column of C
      return lina::kernels::gemv(m, k, a, b.data, b.rs, c.data, c.rs);
  }
}

// A (m x k) and B (k x n) with values in [-1, 1], stored row- or column-major, and C
// with row or column stride, filled with garbage first (C must be written, not read).
template <class T>
struct Case {
  std::int64_t m, n, k;
  std::vector<T> a, b, c, r;
  MatrixRef<const T> ar, br;
  MatrixRef<T> cr, rr;
  Case(std::int64_t m_, std::int64_t n_, std::int64_t k_, int layout, std::mt19937& rng) : m(m_), n(n_), k(k_) {
    std::uniform_real_distribution<double> u(-1, 1);
    a.resize(static_cast<std::size_t>(m * k));
    b.resize(static_cast<std::size_t>(k * n));
    for (auto& x : a) x = static_cast<T>(u(rng));
    for (auto& x : b) x = static_cast<T>(u(rng));
    c.assign(static_cast<std::size_t>(m * n), std::numeric_limits<T>::quiet_NaN());
    r.assign(static_cast<std::size_t>(m * n), T(0));
    ar = layout & 1 ? MatrixRef<const T>{a.data(), 1, m} : MatrixRef<const T>{a.data(), k, 1};
    br = layout & 2 ? MatrixRef<const T>{b.data(), 1, k} : MatrixRef<const T>{b.data(), n, 1};
    cr = layout & 4 ? MatrixRef<T>{c.data(), 1, m} : MatrixRef<T>{c.data(), n, 1};
    rr = MatrixRef<T>{r.data(), n, 1};
    lina::kernels::gemm_reference<T>(m, n, k, ar, br, rr);
  }
  // Returns an empty string when C matches the reference, else the first difference.
  std::string mismatch() const {
    const double tol = (sizeof(T) == 4 ? 2e-6 : 1e-14) * static_cast<double>(k + 4);
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) {
        const double got = c[static_cast<std::size_t>(i * cr.rs + j * cr.cs)], want = r[static_cast<std::size_t>(i * n + j)];
        if (!(std::abs(got - want) <= tol))
          return "C[" + std::to_string(i) + "," + std::to_string(j) + "] = " + std::to_string(got) + ", reference " +
                 std::to_string(want);
      }
    return "";
  }
};

template <class T>
void check_block_edges(const lina::kernels::GemmBlocking& bl) {
  std::mt19937 rng(7);
  // Sizes around the micro-tile (MR, NR), the direct kernel's widths (multiples of 8
  // and 16 lanes, rows 6, 12, 16), primes, and 1.
  std::set<std::int64_t> mn = {1, 2, 13, 17, 37, 65};
  for (std::int64_t e : {bl.mr, bl.nr, bl.nr * 2})
    for (std::int64_t d : {-1, 0, 1}) mn.insert(e + d);
  std::set<std::int64_t> ks = {0, 1, 2, 5, 16, 17};
  const std::set<std::int64_t> big_k = {bl.kc - 1, bl.kc, bl.kc + 1, 2 * bl.kc + 3};
  int cases = 0;
  for (Path path : {Path::kChosen, Path::kDirect, Path::kDirect2, Path::kPacked1, Path::kPacked2}) {
    for (std::int64_t m : mn)
      for (std::int64_t n : mn) {
        const bool few = (7 * m + n) % 5 != 0;  // the large-k cases on a fifth of the shapes
        std::set<std::int64_t> kk = ks;
        if (!few) kk.insert(big_k.begin(), big_k.end());
        // Two threads split NR panels: a few shapes suffice (each call wakes a thread).
        if ((path == Path::kPacked2 || path == Path::kDirect2) && (m + 2 * n) % 3 != 0) continue;
        for (std::int64_t k : kk) {
          Case<T> c(m, n, k, static_cast<int>((m + n + k) % 8), rng);
          run<T>(path, m, n, k, c.ar, c.br, c.cr);
          const std::string bad = c.mismatch();
          ASSERT_EQ(bad, "") << name(path) << " m=" << m << " n=" << n << " k=" << k << " layout "
                             << (m + n + k) % 8;
          ++cases;
        }
      }
  }
  // Rows across the packed path's MC block (and 2 threads splitting the NR panels).
  for (Path path : {Path::kPacked1, Path::kPacked2, Path::kDirect2})
    for (std::int64_t m : {bl.mc - 1, bl.mc, bl.mc + 1, 2 * bl.mc + 5}) {
      Case<T> c(m, bl.nr * 3 + 5, bl.kc + 9, static_cast<int>(m % 8), rng);
      run<T>(path, c.m, c.n, c.k, c.ar, c.br, c.cr);
      ASSERT_EQ(c.mismatch(), "") << name(path) << " m=" << m;
      ++cases;
    }
  EXPECT_GT(cases, 1000);
}

TEST(GemmPaths, EveryPathMatchesTheReferenceAtBlockEdgesFloat) {
  check_block_edges<float>(lina::kernels::gemm_blocking_float());
}
TEST(GemmPaths, EveryPathMatchesTheReferenceAtBlockEdgesDouble) {
  check_block_edges<double>(lina::kernels::gemm_blocking_double());
}

template <class T>
void check_gemv() {
  std::mt19937 rng(11);
  // Rows in multiples of 4 and not (the dot form takes four rows at a time), columns
  // around the vector width, k = 0, and big enough products (m * k >= 2^17) to run on
  // two threads.
  for (std::int64_t m : {1, 3, 4, 5, 12, 15, 17, 64, 333, 1000})
    for (std::int64_t k : {0, 1, 7, 8, 9, 16, 33, 257, 700}) {
      for (int layout = 0; layout < 8; ++layout) {
        Case<T> c(m, 1, k, layout, rng);
        run<T>(Path::kGemv, m, 1, k, c.ar, c.br, c.cr);
        ASSERT_EQ(c.mismatch(), "") << "gemv m=" << m << " k=" << k << " layout " << layout;
        // The same shape through gemm, and its transpose (one row of C).
        Case<T> row(1, m, k, layout, rng);
        lina::kernels::gemm(1, m, k, row.ar, row.br, row.cr);
        ASSERT_EQ(row.mismatch(), "") << "gemm 1 x " << m << " k=" << k << " layout " << layout;
      }
    }
  // x and y with strides (the copies), and A with neither axis contiguous.
  std::vector<T> a(60 * 50), x(50 * 3), y(60 * 2, T(-9)), r(60);
  std::uniform_real_distribution<double> u(-1, 1);
  for (auto& v : a) v = static_cast<T>(u(rng));
  for (auto& v : x) v = static_cast<T>(u(rng));
  const MatrixRef<const T> as{a.data(), 100, 2};  // rows 0, 2, 4 ... of a 60x50 view: 30 x 25
  lina::kernels::gemv(30, 25, as, x.data(), 3, y.data(), 2);
  lina::kernels::gemm_reference<T>(30, 1, 25, as, MatrixRef<const T>{x.data(), 3, 1}, MatrixRef<T>{r.data(), 1, 1});
  for (int i = 0; i < 30; ++i) ASSERT_NEAR(y[static_cast<std::size_t>(2 * i)], r[static_cast<std::size_t>(i)], 1e-5) << i;
  for (int i = 0; i < 30; ++i) ASSERT_EQ(y[static_cast<std::size_t>(2 * i + 1)], T(-9)) << "gemv wrote between strides";
}

TEST(GemmPaths, GemvMatchesTheReference) {
  check_gemv<float>();
  check_gemv<double>();
}

TEST(GemmPaths, BatchedMatmulMatchesThePerMatrixReference) {
  lina::Generator g(5);
  for (int threads : {1, 2}) {
    lina::set_num_threads(threads);
    for (lina::DType t : {lina::float32, lina::float64})
      for (std::int64_t n : {1, 3, 16, 17, 64}) {
        // (300, n, n+1) @ (n+1, n) broadcast, and (2, 150, n, n+1) @ (150, n+1, n) with
        // a transposed last pair.
        const lina::Array a = g.uniform(-1, 1, {2, 150, n, n + 1}, t);
        const lina::Array b = g.uniform(-1, 1, {150, n, n + 1}, t).transpose({0, 2, 1});
        const lina::Array c = lina::matmul(a, b);
        ASSERT_EQ(c.shape(), (lina::Shape{2, 150, n, n}));
        for (std::int64_t i : {std::int64_t{0}, std::int64_t{77}, std::int64_t{299}}) {
          const lina::Array ai = a[i / 150][i % 150], bi = b[i % 150];
          const lina::Array ci = c[i / 150][i % 150];
          // The reference on each matrix, in float64.
          const lina::Array a64 = ai.astype(lina::float64), b64 = bi.astype(lina::float64);
          std::vector<double> r(static_cast<std::size_t>(n * n));
          lina::kernels::gemm_reference<double>(
              n, n, n + 1, {a64.data<double>(), n + 1, 1},
              {b64.contiguous().data<double>(), n, 1}, {r.data(), n, 1});
          const lina::Array c64 = ci.astype(lina::float64);
          for (std::int64_t q = 0; q < n * n; ++q)
            ASSERT_NEAR(c64.data<double>()[q], r[static_cast<std::size_t>(q)], 1e-5)
                << "batch " << i << " n=" << n << " threads " << threads;
        }
      }
  }
  lina::set_num_threads(2);
}

// gemm_batch (NOTE: [Batched direct products], [One-block batches]), on every SIMD
// target: every product equals the same product through gemm_direct bit for bit, for
// steps forward, backward and 0 (a broadcast operand), A row- or column-major, shapes
// around the direct kernel's tiles (n of one, two and four whole vectors on each
// target, and the whole vectors and partial one left after the widest blocks: 40, 48,
// 57, 100), k across its KC slice, and the fallbacks (one row or column, k = 0, B with
// strided rows).
template <class T>
void check_gemm_batch(const std::string& target) {
  std::mt19937 rng(21);
  std::uniform_real_distribution<double> u(-1, 1);
  int cases = 0;
  for (std::int64_t m : {1, 2, 7, 16, 17, 64, 121})
    for (std::int64_t n : {1, 5, 8, 16, 17, 32, 40, 48, 57, 64, 65, 100})
      for (std::int64_t k : {0, 1, 16, 33, 64, 257}) {
        const std::int64_t count = 5;
        const int layout = static_cast<int>((m + n + k) % 4);
        const bool a_cols = layout & 1, b_strided = layout == 2;
        std::vector<T> a(static_cast<std::size_t>(count * m * k + 1)), b(static_cast<std::size_t>(count * k * n * 2 + 1));
        for (auto& x : a) x = static_cast<T>(u(rng));
        for (auto& x : b) x = static_cast<T>(u(rng));
        const std::int64_t bcs = b_strided ? 2 : 1;
        const MatrixRef<const T> ar = a_cols ? MatrixRef<const T>{a.data(), 1, m} : MatrixRef<const T>{a.data(), k, 1};
        // A's step backwards from the last matrix; B's forward or 0 (one B for all).
        const std::int64_t a_step = -m * k, b_step = (m + n) % 3 == 0 ? 0 : k * n * bcs;
        const MatrixRef<const T> a_last{ar.data + (count - 1) * m * k, ar.rs, ar.cs};
        const MatrixRef<const T> br{b.data(), n * bcs, bcs};
        std::vector<T> c(static_cast<std::size_t>(count * m * n), std::numeric_limits<T>::quiet_NaN());
        lina::kernels::gemm_batch(count, m, n, k, a_last, a_step, br, b_step, MatrixRef<T>{c.data(), n, 1}, m * n);
        // The same batch with streaming stores into C (NOTE: [Streamed batch outputs]):
        // rows padded to 64 bytes and a 64-byte-aligned start, so every product streams.
        const std::int64_t ldc = (n + 63) / 64 * 64, c_step = m * ldc;
        std::vector<T> streamed_buffer(static_cast<std::size_t>(count * c_step + 64), std::numeric_limits<T>::quiet_NaN());
        T* streamed = streamed_buffer.data();
        while (reinterpret_cast<std::uintptr_t>(streamed) % 64 != 0) ++streamed;
        lina::kernels::gemm_batch(count, m, n, k, a_last, a_step, br, b_step, MatrixRef<T>{streamed, ldc, 1}, c_step,
                                  true);
        for (std::int64_t i = 0; i < count; ++i)
          for (std::int64_t q = 0; q < m * n; ++q)
            ASSERT_EQ(streamed[i * c_step + q / n * ldc + q % n], c[static_cast<std::size_t>(i * m * n + q)])
                << target << "streamed gemm_batch product " << i << " m=" << m << " n=" << n << " k=" << k << " element " << q;
        for (std::int64_t i = 0; i < count; ++i) {
          std::vector<T> one(static_cast<std::size_t>(m * n), T(7));
          const MatrixRef<const T> ai{a_last.data + i * a_step, ar.rs, ar.cs};
          const MatrixRef<const T> bi{br.data + i * b_step, br.rs, br.cs};
          lina::kernels::gemm(m, n, k, ai, bi, MatrixRef<T>{one.data(), n, 1}, false);
          for (std::int64_t q = 0; q < m * n; ++q)
            ASSERT_EQ(c[static_cast<std::size_t>(i * m * n + q)], one[static_cast<std::size_t>(q)])
                << target << "gemm_batch product " << i << " m=" << m << " n=" << n << " k=" << k << " layout " << layout
                << " element " << q;
          std::vector<T> r(static_cast<std::size_t>(m * n));
          lina::kernels::gemm_reference<T>(m, n, k, ai, bi, MatrixRef<T>{r.data(), n, 1});
          const double tol = (sizeof(T) == 4 ? 2e-6 : 1e-14) * static_cast<double>(k + 4);
          for (std::int64_t q = 0; q < m * n; ++q)
            ASSERT_NEAR(one[static_cast<std::size_t>(q)], r[static_cast<std::size_t>(q)], tol);
          ++cases;
        }
      }
  EXPECT_GT(cases, 1000);
}

TEST(GemmPaths, BatchLoopEqualsOneProductAtATimeOnEveryTarget) {
  lina_test::for_each_simd_target([](const std::string& target) {
    check_gemm_batch<float>(target);
    check_gemm_batch<double>(target);
  });
}

// matmul's batches that collapse to one step per operand (C-ordered stacks, a whole
// operand broadcast, a reversed stack) go through gemm_batch, the others product by
// product: all equal the 2-D product of each pair, bit for bit, on 1 and 2 threads.
TEST(GemmPaths, BatchedMatmulStepsEqualTwoDimensionalProducts) {
  lina::Generator g(6);
  const int saved = lina::get_num_threads();
  for (int threads : {1, 2}) {
    lina::set_num_threads(threads);
    for (lina::DType t : {lina::float32, lina::float64})
      for (std::int64_t n : {3, 16, 64}) {
        const lina::Array stack = g.uniform(-1, 1, {40, n, n + 2}, t);
        const lina::Array other = g.uniform(-1, 1, {40, n + 2, n}, t);
        const lina::Array single = g.uniform(-1, 1, {n + 2, n}, t);
        const lina::Array nested = g.uniform(-1, 1, {4, 10, n, n + 2}, t);
        struct Pair {
          lina::Array a, b;
          const char* what;
        };
        const std::vector<Pair> pairs = {
            {stack, other, "stack @ stack"},
            {stack, single, "stack @ one matrix"},
            {stack(lina::slice(lina::none, lina::none, -1)), other, "reversed stack @ stack"},
            {nested, other.reshape({4, 10, n + 2, n}), "(4, 10) batch"},
            {nested, other(lina::slice(0, 10)), "(4, 10) @ (10,): not one step"},
        };
        for (const Pair& p : pairs) {
          const lina::Array c = lina::matmul(p.a, p.b);
          const lina::Array a3 = p.a.reshape({-1, n, n + 2});
          const lina::Array c3 = c.reshape({-1, n, n});
          const std::int64_t batch = c3.shape()[0];
          for (std::int64_t i = 0; i < batch; ++i) {
            // Operand i of the flat batch, found by broadcasting b to a's batch shape.
            lina::Shape bshape(p.a.shape().begin(), p.a.shape().end() - 2);
            bshape.insert(bshape.end(), {n + 2, n});
            const lina::Array bi = lina::broadcast_to(p.b, bshape).reshape({-1, n + 2, n})[i];
            const lina::Array want = lina::matmul(a3[i], bi);
            ASSERT_TRUE(lina::array_equal(c3[i], want))
                << p.what << " product " << i << " n=" << n << " " << lina::dtype_name(t) << " threads " << threads;
          }
        }
      }
    // Batches big enough (C >= 1 MiB, k <= 32) that matmul writes C with streaming stores
    // (NOTE: [Streamed batch outputs]), into a new array and into an out= view.
    for (lina::DType t : {lina::float32, lina::float64}) {
      const lina::Array a = g.uniform(-1, 1, {1100, 16, 24}, t), b = g.uniform(-1, 1, {1100, 24, 16}, t);
      const lina::Array c = lina::matmul(a, b);
      lina::Array out = lina::full({1100, 16, 16}, 7.0, t);
      lina::matmul(a, b, out);
      for (std::int64_t i = 0; i < 1100; ++i) {
        const lina::Array want = lina::matmul(a[i], b[i]);
        ASSERT_TRUE(lina::array_equal(c[i], want)) << "streamed batch product " << i << " threads " << threads;
        ASSERT_TRUE(lina::array_equal(out[i], want)) << "streamed out= product " << i << " threads " << threads;
      }
    }
  }
  lina::set_num_threads(saved);
}

// Products too narrow for a 64-column range per thread run on two threads as ranges of
// C's rows (gemm_direct.cpp): every element is the same k-step chain whichever thread and
// tile computes it, so two threads equal one bit for bit, for odd row counts, a single
// row per thread, a transposed B and a C written through a transposed view. The 64 x 64
// x 64 product is also checked against the float64 reference.
TEST(GemmPaths, NarrowProductsOnTwoThreadsEqualOneThread) {
  lina::Generator g(8);
  const int saved = lina::get_num_threads();
  struct Shape3 {
    std::int64_t m, n, k;
  };
  // Each at least 64^3 multiply-adds (where the GEMM starts to thread) and under 128
  // columns.
  for (const Shape3 s : {Shape3{64, 64, 64}, Shape3{65, 70, 80}, Shape3{7, 100, 400}, Shape3{2, 127, 1100},
                         Shape3{300, 17, 60}})
    for (lina::DType t : {lina::float32, lina::float64}) {
      const lina::Array a = g.uniform(-1, 1, {s.m, s.k}, t), b = g.uniform(-1, 1, {s.k, s.n}, t);
      const lina::Array bt = g.uniform(-1, 1, {s.n, s.k}, t).T();
      lina::set_num_threads(1);
      const lina::Array one = lina::matmul(a, b), one_t = lina::matmul(a, bt);
      lina::set_num_threads(2);
      const lina::Array two = lina::matmul(a, b), two_t = lina::matmul(a, bt);
      lina::Array into_t = lina::empty({s.n, s.m}, t);
      lina::Array into = into_t.T();
      lina::matmul(a, b, into);
      const std::string what = std::to_string(s.m) + "x" + std::to_string(s.n) + "x" + std::to_string(s.k) + " " +
                               std::string(lina::dtype_name(t));
      ASSERT_TRUE(lina::array_equal(one, two)) << what;
      ASSERT_TRUE(lina::array_equal(one_t, two_t)) << what << " with B transposed";
      ASSERT_TRUE(lina::array_equal(one, into)) << what << " into a transposed C";
      if (s.m == 64) {
        const lina::Array a64 = a.astype(lina::float64), b64 = b.astype(lina::float64);
        std::vector<double> r(static_cast<std::size_t>(s.m * s.n));
        lina::kernels::gemm_reference<double>(s.m, s.n, s.k, {a64.data<double>(), s.k, 1}, {b64.data<double>(), s.n, 1},
                                              {r.data(), s.n, 1});
        const lina::Array two64 = two.astype(lina::float64);
        for (std::int64_t q = 0; q < s.m * s.n; ++q)
          ASSERT_NEAR(two64.data<double>()[q], r[static_cast<std::size_t>(q)], 1e-4) << what << " element " << q;
      }
    }
  lina::set_num_threads(saved);
}

TEST(GemmPaths, Product2048PassesTheRandomVectorCheck) {
  lina::Generator g(3);
  for (lina::DType t : {lina::float32, lina::float64}) {
    const lina::Array a = g.uniform(-1, 1, {2048, 2048}, t), b = g.uniform(-1, 1, {2048, 2048}, t);
    const lina::Array v = g.uniform(-1, 1, {2048}, t);
    const lina::Array c = lina::matmul(a, b);
    // (A B) v against A (B v): both O(n^2) to form, equal up to rounding.
    const lina::Array d = lina::matmul(c, v) - lina::matmul(a, lina::matmul(b, v));
    const double scale = lina::max(lina::abs(lina::matmul(a, lina::matmul(b, v)))).astype(lina::float64).item<double>();
    const double err = lina::max(lina::abs(d)).astype(lina::float64).item<double>() / scale;
    EXPECT_LT(err, t == lina::float32 ? 1e-4 : 1e-12) << lina::dtype_name(t);
  }
}

template <class T>
void check_nan_inf(Path path, std::int64_t m, std::int64_t n, std::int64_t k) {
  const T nan = std::numeric_limits<T>::quiet_NaN(), inf = std::numeric_limits<T>::infinity();
  std::vector<T> a(static_cast<std::size_t>(m * k), T(1)), b(static_cast<std::size_t>(k * n), T(1));
  std::vector<T> c(static_cast<std::size_t>(m * n), T(0));
  a[static_cast<std::size_t>(2 * k + 1)] = nan;  // A[2, 1]: row 2 of C is NaN
  b[static_cast<std::size_t>(0 * n + 3 % n)] = inf;  // B[0, 3]: column 3 is inf ...
  a[0] = 0;                                     // ... but C[0, 3] = 0 * inf + ... = NaN
  run<T>(path, m, n, k, {a.data(), k, 1}, {b.data(), n, 1}, {c.data(), n, 1});
  const std::int64_t inf_col = 3 % n;
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      const T v = c[static_cast<std::size_t>(i * n + j)];
      const bool want_nan = i == 2 || (i == 0 && j == inf_col);
      if (want_nan)
        ASSERT_TRUE(std::isnan(v)) << name(path) << " C[" << i << "," << j << "] = " << v;
      else if (j == inf_col)
        ASSERT_EQ(v, inf) << name(path) << " C[" << i << "," << j << "]";
      else
        ASSERT_EQ(v, T(i == 0 ? k - 1 : k)) << name(path) << " C[" << i << "," << j << "]";
    }
}

TEST(GemmPaths, NanAndInfPropagateAsInNumpy) {
  for (Path path : {Path::kChosen, Path::kDirect, Path::kDirect2, Path::kPacked1, Path::kPacked2})
    for (std::int64_t s : {5, 16, 40, 130}) {
      check_nan_inf<float>(path, s, s + 1, s);
      check_nan_inf<double>(path, s, s, s + 2);
    }
  for (std::int64_t m : {4, 9, 600}) {
    check_nan_inf<float>(Path::kGemv, m, 1, 300);
    check_nan_inf<double>(Path::kGemv, m, 1, 7);
  }
  // Through the public API, against NumPy's rule: nan @ x and inf * 0.
  const lina::Array a = lina::array({{1.0, std::nan("")}, {0.0, 2.0}});
  const lina::Array b = lina::array({{std::numeric_limits<double>::infinity(), 1.0}, {1.0, 1.0}});
  EXPECT_EQ(lina::str(lina::matmul(a, b)), "[[nan nan]\n [nan  2.]]");
}

}  // namespace
