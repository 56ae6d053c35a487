// The five loops around the micro-kernel (BLIS; docs/gemm.md):
//   jc  (NC columns of B and C)        -> B panel sized for L3
//    pc (KC of the shared dimension)   -> pack B[pc:pc+kc, jc:jc+nc]
//     ic (MC rows of A and C)          -> pack A[ic:ic+mc, pc:pc+kc], sized for L2
//      jr (NR columns)  -- split across threads
//       ir (MR rows)                   -> micro-kernel on an MR x NR tile of C
// Small products skip packing: below kSmallFlops a plain i-p-j loop is faster.
#include <algorithm>
#include <vector>

#include "kernels/gemm.hpp"
#include "kernels/gemm_pack.hpp"
#include "kernels/gemm_threads.hpp"
#include "lina/core/threads.hpp"


#ifdef LINA_BLAS_OPENBLAS
// openblas_config.h declares C99 _Complex types, a pedantic warning in C++.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#include <cblas.h>
#pragma GCC diagnostic pop

#include <atomic>
#include <climits>
#include <type_traits>
#endif

namespace lina::kernels {

void microkernel(std::int64_t kc, const float* a, const float* b, float* c, std::int64_t ldc, bool acc);
void microkernel(std::int64_t kc, const double* a, const double* b, double* c, std::int64_t ldc, bool acc);
int microkernel_mr();
int microkernel_nr(float);
int microkernel_nr(double);
const char* microkernel_target();
std::string compiled_targets();

namespace {

constexpr std::int64_t kDirectFlops = std::int64_t{384} * 384 * 384;
constexpr int kMaxMR = 16;
constexpr int kMaxNR = 64;
// The direct kernel (NOTE: [Direct GEMM]) beats packing up to n = 384..768 (float32
// 6 x 4V tiles reach ~215 GFLOP/s where the packed path reaches ~175 on this machine);
// beyond, B's rows a power-of-two apart (n = 1024, 2048) fall into the same L1 sets
// and only the packed panels keep the micro-kernel fed.
bool use_direct(std::int64_t m, std::int64_t n, std::int64_t k) { return m * n * k <= kDirectFlops; }
// Products of at least 64^3 multiply-adds use the threads. Up to 2026-12-06 this was
// 128^3 ("sgemm 64 slower on 2"), but then a product narrower than 64 columns per thread
// ran its single column range on one thread anyway; the direct path now gives threads
// ranges of rows there (gemm_direct.cpp). Two threads against one, lina's matmul on the
// Zen 4, median of 9 alternations, five runs: n = 64 1.17-1.80x while the second CPU was
// free, 0.96-0.99x while a neighbour held it (float32 and float64 alike; dgemm 64 on two
// threads 92-99 GFLOP/s, BLIS's 79-82). At n = 32 the same phases gave 1.0-1.4x and
// 0.41-0.63x (a worker descheduled inside its half of a 0.7 us product), so smaller
// products stay on one thread.
constexpr std::int64_t kThreadFlops = std::int64_t{64} * 64 * 64;

// Cache blocking for AMD Zen 3..5 (L1d 32-48 KiB, L2 0.5-1 MiB, L3 32 MiB): a KC x NR
// panel of B is reused across the ir loop from L1/L2, the MC x KC block of A stays in
// L2, the KC x NC panel of B in L3. MC is a multiple of both micro-tile heights (6 and
// 12). Measured on the AVX-512 machine (docs/gemm.md): MC 60..240 within the noise of
// each other. KC = 512 (was 256): since packing moves vectors (NOTE: [Vector
// packing]) the passes over C show, and half as many measured 4% / 6% faster on
// 2-thread sgemm 1024 / 2048 and 3.5% on one thread (medians of 55 alternated rounds),
// dgemm 5% / 6% and 4%; the A block (240 KiB) and a B panel (128 KiB) still fit a
// Zen 3 L2 together. KC 768 and 1024 were about as fast again here but would not.
template <class T>
struct Blocking;
template <>
struct Blocking<float> {
  static constexpr std::int64_t kc = 512, mc = 120, nc = 4096;
};
template <>
struct Blocking<double> {
  static constexpr std::int64_t kc = 512, mc = 60, nc = 2048;
};

// `count` elements of `v` starting at a 64-byte boundary.
template <class T>
T* aligned_buffer(std::vector<T>& v, std::int64_t count) {
  constexpr std::size_t kSlack = 64 / sizeof(T);
  if (v.size() < static_cast<std::size_t>(count) + kSlack) v.resize(static_cast<std::size_t>(count) + kSlack);
  const auto addr = reinterpret_cast<std::uintptr_t>(v.data());
  return v.data() + ((64 - addr % 64) % 64) / sizeof(T);
}

// The five loops on one thread (docs/gemm.md).
template <class T>
void packed_one(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
                MatrixRef<T> c) {
  if (k == 0) {  // no pc block runs, yet C = 0
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) c.data[i * c.rs + j * c.cs] = T(0);
    return;
  }
  using B = Blocking<T>;
  const int nr = microkernel_nr(T{}), mr = microkernel_mr();
  const std::int64_t nc_max = std::min<std::int64_t>(B::nc, (n + nr - 1) / nr * nr);
  const std::int64_t kc_max = std::min<std::int64_t>(B::kc, k);
  const std::int64_t mc_max = (std::min<std::int64_t>(B::mc, m) + mr - 1) / mr * mr;  // pack_a fills whole MR panels
  // Packing buffers are kept per thread and reused (allocating them per call costs as
  // much as a whole 64 x 64 product), cache-line aligned so that no vector load of a
  // panel straddles two lines.
  thread_local std::vector<T> bpack, apack;
  T* const bbuf = aligned_buffer(bpack, kc_max * nc_max);
  T* const abuf = aligned_buffer(apack, kc_max * mc_max);
  for (std::int64_t jc = 0; jc < n; jc += B::nc) {
    const std::int64_t nc = std::min<std::int64_t>(B::nc, n - jc);
    for (std::int64_t pc = 0; pc < k; pc += B::kc) {
      const std::int64_t kc = std::min<std::int64_t>(B::kc, k - pc);
      const bool accumulate = pc > 0;
      pack_b(kc, nc, nr, b.data + pc * b.rs + jc * b.cs, b.rs, b.cs, bbuf);
      for (std::int64_t ic = 0; ic < m; ic += B::mc) {
        const std::int64_t mc = std::min<std::int64_t>(B::mc, m - ic);
        pack_a(mc, kc, mr, a.data + ic * a.rs + pc * a.cs, a.rs, a.cs, abuf);
        for (std::int64_t jr = 0; jr < nc; jr += nr) {
          const std::int64_t cols = std::min<std::int64_t>(nr, nc - jr);
          for (std::int64_t ir = 0; ir < mc; ir += mr) {
            const std::int64_t rows = std::min<std::int64_t>(mr, mc - ir);
            T* ct = c.data + (ic + ir) * c.rs + (jc + jr) * c.cs;
            const T* ap = abuf + ir * kc;
            const T* bp = bbuf + jr * kc;
            if (rows == mr && cols == nr && c.cs == 1) {
              microkernel(kc, ap, bp, ct, c.rs, accumulate);
            } else {
              // Edge tile: compute the full tile aside, then add the part inside C.
              alignas(64) T tile[kMaxMR * kMaxNR];
              microkernel(kc, ap, bp, tile, nr, false);
              for (std::int64_t r = 0; r < rows; ++r)
                for (std::int64_t q = 0; q < cols; ++q) {
                  T& dst = ct[r * c.rs + q * c.cs];
                  dst = (accumulate ? dst : T(0)) + tile[r * nr + q];
                }
            }
          }
        }
      }
    }
  }
}

// NOTE: [GEMM threads]
// Threads take disjoint column ranges of C (whole NR panels, parallel_columns in
// gemm_threads.hpp) and each runs the five loops on its own, packing its own part of B
// and all of A. The alternative, sharing one packed B and A behind barriers (BLIS's jr
// split), needs barriers per KC x MC block; on a machine shared with other processes a
// descheduled thread holds every one of them, and 2-thread sgemm 2048 fell to 15 GFLOP/s
// (from ~300) while another build ran. Packing A once per column range costs m k next
// to the range's m k (range width) multiply-adds; when A was packed by scalar loads,
// about an element per cycle against the micro-kernel's 32 multiply-adds per cycle, a
// range 128 columns wide spent a fifth of its time packing A. Ranges are therefore at
// least kPackedChunkColumns wide (parallel_columns' min_width). 2-thread sgemm 1024 /
// 2048, best of 20 / 6 in one quiet hour: four chunks per thread (128 / 256 columns)
// 274-291 / 294-310 GFLOP/s, two 308-312 / 333-334, one 332 / 352 (OpenBLAS 326 / 329
// in that hour's bench/compare run). pack_a now moves vectors (NOTE: [Vector packing],
// 2-2.5x faster), and narrower ranges still do not pay: 1024 / 512 / 256 columns,
// 76 alternated rounds on a busy machine, medians 344 / 346 / 333 GFLOP/s at n = 1024
// and 336 / 323 / 297 at 2048 (top quartiles 378-407 / 380-407 / 361-396 and
// 357-379 / 348-383 / 325-366).
constexpr std::int64_t kPackedChunkColumns = 1024;

template <class T>
void packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
            MatrixRef<T> c, int nthreads) {
  // NOTE: the one-thread case calls the loops directly: entering an OpenMP region costs
  // about 4 us, as much as a whole 48^3 product (measured with a 32..128 sweep).
  if (nthreads <= 1 || k == 0) return packed_one(m, n, k, a, b, c);
  parallel_columns(n, microkernel_nr(T{}), nthreads, [&](std::int64_t lo, std::int64_t hi) {
    packed_one(m, hi - lo, k, a, {b.data + lo * b.cs, b.rs, b.cs}, {c.data + lo * c.cs, c.rs, c.cs});
  }, kPackedChunkColumns);
}

#ifdef LINA_BLAS_OPENBLAS
// The optional OpenBLAS backend (cmake/LinaBlas.cmake): C = A B through cblas_?gemm when
// C's rows and one axis of each operand are contiguous. Returns false to leave the
// product to lina's kernels.
template <class T>
bool blas_gemm(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
               MatrixRef<T> c, int nthreads) {
  if (m > INT_MAX || n > INT_MAX || k > INT_MAX || c.cs != 1 || c.rs < n) return false;
  auto layout = [](MatrixRef<const T> x, std::int64_t rows, std::int64_t cols, CBLAS_TRANSPOSE& t, std::int64_t& ld) {
    if (x.cs == 1 && x.rs >= std::max<std::int64_t>(1, cols) && x.rs <= INT_MAX) {
      t = CblasNoTrans;
      ld = x.rs;
      return true;
    }
    if (x.rs == 1 && x.cs >= std::max<std::int64_t>(1, rows) && x.cs <= INT_MAX) {
      t = CblasTrans;
      ld = x.cs;
      return true;
    }
    return false;
  };
  CBLAS_TRANSPOSE ta, tb;
  std::int64_t lda, ldb;
  if (!layout(a, m, k, ta, lda) || !layout(b, k, n, tb, ldb)) return false;
  // OpenBLAS keeps its own thread pool: size it to lina's decision (one thread for
  // small products), and only when that changes, since resizing it is not free.
  static std::atomic<int> blas_threads{-1};
  if (blas_threads.exchange(nthreads) != nthreads) openblas_set_num_threads(nthreads);
  if constexpr (std::is_same_v<T, float>)
    cblas_sgemm(CblasRowMajor, ta, tb, int(m), int(n), int(k), 1.0f, a.data, int(lda), b.data, int(ldb), 0.0f, c.data,
                int(c.rs));
  else
    cblas_dgemm(CblasRowMajor, ta, tb, int(m), int(n), int(k), 1.0, a.data, int(lda), b.data, int(ldb), 0.0, c.data,
                int(c.rs));
  return true;
}
#endif

template <class T>
void gemm_impl(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
               MatrixRef<T> c, bool allow_threads) {
  if (m == 0 || n == 0) return;
  // One column of C: y = A x; one row: C^T = B^T a^T.
  if (n == 1) return gemv(m, k, a, b.data, b.rs, c.data, c.rs, allow_threads);
  if (m == 1) return gemv(n, k, MatrixRef<const T>{b.data, b.cs, b.rs}, a.data, a.cs, c.data, c.cs, allow_threads);
  int nthreads = allow_threads && m * n * k >= kThreadFlops ? get_num_threads() : 1;
  if (nthreads > 1 && !detail::can_run_parallel()) nthreads = 1;
#ifdef LINA_BLAS_OPENBLAS
  // Not for the batched path's products (allow_threads false, run inside a parallel
  // region): OpenBLAS's thread pool is one for the process.
  if (allow_threads && blas_gemm(m, n, k, a, b, c, nthreads)) return;
#endif
  if (use_direct(m, n, k)) return gemm_direct(m, n, k, a, b, c, nthreads);
  packed(m, n, k, a, b, c, nthreads);
}

}  // namespace

void gemm_packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
                 MatrixRef<float> c, int nthreads) {
  packed(m, n, k, a, b, c, nthreads);
}
void gemm_packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                 MatrixRef<const double> b, MatrixRef<double> c, int nthreads) {
  packed(m, n, k, a, b, c, nthreads);
}

void gemm(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
          MatrixRef<float> c, bool allow_threads) {
  gemm_impl(m, n, k, a, b, c, allow_threads);
}
void gemm(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a, MatrixRef<const double> b,
          MatrixRef<double> c, bool allow_threads) {
  gemm_impl(m, n, k, a, b, c, allow_threads);
}

namespace {

// NOTE: [Batched direct products] (gemm_direct.cpp). The direct batch needs B's and C's
// rows contiguous and k > 0; products with one row or one column are GEMVs.
template <class T>
void batch_impl(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a,
                std::int64_t a_step, MatrixRef<const T> b, std::int64_t b_step, MatrixRef<T> c, std::int64_t c_step,
                bool stream_c) {
  if (count <= 0 || m == 0 || n == 0) return;
  if (m > 1 && n > 1 && k > 0 && b.cs == 1 && c.cs == 1 && use_direct(m, n, k))
    return gemm_direct_batch(count, m, n, k, a, a_step, b, b_step, c, c_step, stream_c);
  for (std::int64_t i = 0; i < count; ++i)
    gemm_impl(m, n, k, MatrixRef<const T>{a.data + i * a_step, a.rs, a.cs},
              MatrixRef<const T>{b.data + i * b_step, b.rs, b.cs}, MatrixRef<T>{c.data + i * c_step, c.rs, c.cs},
              false);
}

}  // namespace

void gemm_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a,
                std::int64_t a_step, MatrixRef<const float> b, std::int64_t b_step, MatrixRef<float> c,
                std::int64_t c_step, bool stream_c) {
  batch_impl(count, m, n, k, a, a_step, b, b_step, c, c_step, stream_c);
}
void gemm_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                std::int64_t a_step, MatrixRef<const double> b, std::int64_t b_step, MatrixRef<double> c,
                std::int64_t c_step, bool stream_c) {
  batch_impl(count, m, n, k, a, a_step, b, b_step, c, c_step, stream_c);
}

GemmBlocking gemm_blocking_float() {
  return {microkernel_mr(), microkernel_nr(0.f), Blocking<float>::kc, Blocking<float>::mc, Blocking<float>::nc};
}
GemmBlocking gemm_blocking_double() {
  return {microkernel_mr(), microkernel_nr(0.0), Blocking<double>::kc, Blocking<double>::mc, Blocking<double>::nc};
}
int gemm_mr() { return microkernel_mr(); }
int gemm_nr_float() { return microkernel_nr(0.f); }
int gemm_nr_double() { return microkernel_nr(0.0); }
std::string gemm_target() { return microkernel_target(); }

std::string gemm_backend() {
#ifdef LINA_BLAS_OPENBLAS
  std::string config = openblas_get_config();
  return "OpenBLAS (" + config + ")";
#else
  return "";
#endif
}

}  // namespace lina::kernels
