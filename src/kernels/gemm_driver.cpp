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
#include "lina/core/threads.hpp"

#ifdef LINA_HAVE_OPENMP
#include <omp.h>
#endif

namespace lina::kernels {

void microkernel(std::int64_t kc, const float* a, const float* b, float* c, std::int64_t ldc, bool acc);
void microkernel(std::int64_t kc, const double* a, const double* b, double* c, std::int64_t ldc, bool acc);
int microkernel_nr(float);
int microkernel_nr(double);
const char* microkernel_target();
std::string compiled_targets();

namespace {

constexpr std::int64_t kDirectFlops = std::int64_t{96} * 96 * 96;
constexpr std::int64_t kDirectBBytes = 128 * 1024;
constexpr int kMR = 6;
constexpr int kMaxNR = 64;
// The direct kernel (NOTE: [Direct GEMM]) wins while B stays in L1/L2 and there are
// few enough rows that re-reading B per row block costs less than packing it.
template <class T>
bool use_direct(std::int64_t m, std::int64_t n, std::int64_t k) {
  return m * n * k <= kDirectFlops && k * n * std::int64_t(sizeof(T)) <= kDirectBBytes;
}
constexpr std::int64_t kThreadFlops = std::int64_t{1} << 21;  // 128^3: below, a second thread costs more than it gives (bench: sgemm 64 slower on 2)

// Cache blocking for AMD Zen 3 (L1d 32 KiB, L2 512 KiB, L3 32 MiB): a KC x NR panel of
// B stays in L1 across the ir loop, the MC x KC block of A in L2, the KC x NC panel of
// B in L3.
template <class T>
struct Blocking;
template <>
struct Blocking<float> {
  static constexpr std::int64_t kc = 256, mc = 120, nc = 4096;
};
template <>
struct Blocking<double> {
  static constexpr std::int64_t kc = 256, mc = 60, nc = 2048;
};

template <class T>
void pack_a(std::int64_t mc, std::int64_t kc, const T* a, std::int64_t rs, std::int64_t cs, T* dst) {
  for (std::int64_t ir = 0; ir < mc; ir += kMR) {
    const std::int64_t rows = std::min<std::int64_t>(kMR, mc - ir);
    for (std::int64_t p = 0; p < kc; ++p) {
      for (std::int64_t r = 0; r < rows; ++r) dst[r] = a[(ir + r) * rs + p * cs];
      for (std::int64_t r = rows; r < kMR; ++r) dst[r] = T(0);
      dst += kMR;
    }
  }
}

template <class T>
void pack_b_panel(std::int64_t kc, std::int64_t cols, int nr, const T* b, std::int64_t rs, std::int64_t cs, T* dst) {
  for (std::int64_t p = 0; p < kc; ++p) {
    const T* row = b + p * rs;
    if (cs == 1) {
      for (std::int64_t c = 0; c < cols; ++c) dst[c] = row[c];
    } else {
      for (std::int64_t c = 0; c < cols; ++c) dst[c] = row[c * cs];
    }
    for (std::int64_t c = cols; c < nr; ++c) dst[c] = T(0);
    dst += nr;
  }
}

template <class T>
void packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
                 MatrixRef<T> c, int nthreads) {
  if (k == 0) {  // no pc block runs, yet C = 0
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) c.data[i * c.rs + j * c.cs] = T(0);
    return;
  }
  using B = Blocking<T>;
  const int nr = microkernel_nr(T{});
  const std::int64_t nc_max = std::min<std::int64_t>(B::nc, (n + nr - 1) / nr * nr);
  const std::int64_t kc_max = std::min<std::int64_t>(B::kc, k);
  const std::int64_t mc_max = std::min<std::int64_t>(B::mc, (m + kMR - 1) / kMR * kMR);
  // Packing buffers are kept per thread and reused: allocating them per call costs as
  // much as a whole 64 x 64 product.
  thread_local std::vector<T> bpack, apack;
  if (bpack.size() < static_cast<std::size_t>(kc_max * nc_max)) bpack.resize(static_cast<std::size_t>(kc_max * nc_max));
  if (apack.size() < static_cast<std::size_t>(kc_max * mc_max)) apack.resize(static_cast<std::size_t>(kc_max * mc_max));
  T* const bbuf = bpack.data();
  T* const abuf = apack.data();

  // The loop nest, run by thread `tid` of `nt`; `sync` is a barrier between the phases
  // (packing B, packing A, the micro-kernels). Threads split the jr panels statically.
  // NOTE: the one-thread case calls this directly rather than through an OpenMP region
  // with if(false): entering such a region costs about 4 us, as much as a whole 48^3
  // product (measured with a 32..128 sweep).
  auto body = [&](int tid, int nt, auto&& sync) {
    for (std::int64_t jc = 0; jc < n; jc += B::nc) {
      const std::int64_t nc = std::min<std::int64_t>(B::nc, n - jc);
      const std::int64_t npanels = (nc + nr - 1) / nr;
      const std::int64_t jp_lo = npanels * tid / nt, jp_hi = npanels * (tid + 1) / nt;
      for (std::int64_t pc = 0; pc < k; pc += B::kc) {
        const std::int64_t kc = std::min<std::int64_t>(B::kc, k - pc);
        const bool accumulate = pc > 0;
        for (std::int64_t jp = jp_lo; jp < jp_hi; ++jp) {
          const std::int64_t jr = jp * nr;
          pack_b_panel(kc, std::min<std::int64_t>(nr, nc - jr), nr, b.data + pc * b.rs + (jc + jr) * b.cs, b.rs,
                       b.cs, bbuf + jr * kc);
        }
        for (std::int64_t ic = 0; ic < m; ic += B::mc) {
          const std::int64_t mc = std::min<std::int64_t>(B::mc, m - ic);
          sync();  // B is packed, and every thread is done with the previous A block
          if (tid == 0) pack_a(mc, kc, a.data + ic * a.rs + pc * a.cs, a.rs, a.cs, abuf);
          sync();
          for (std::int64_t jp = jp_lo; jp < jp_hi; ++jp) {
            const std::int64_t jr = jp * nr;
            const std::int64_t cols = std::min<std::int64_t>(nr, nc - jr);
            for (std::int64_t ir = 0; ir < mc; ir += kMR) {
              const std::int64_t rows = std::min<std::int64_t>(kMR, mc - ir);
              T* ct = c.data + (ic + ir) * c.rs + (jc + jr) * c.cs;
              const T* ap = abuf + ir * kc;
              const T* bp = bbuf + jr * kc;
              if (rows == kMR && cols == nr && c.cs == 1) {
                microkernel(kc, ap, bp, ct, c.rs, accumulate);
              } else {
                // Edge tile: compute the full tile aside, then add the part inside C.
                alignas(64) T tile[kMR * kMaxNR];
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
        sync();  // every thread is done with this B panel before it is repacked
      }
    }
  };
  if (nthreads <= 1) {
    body(0, 1, [] {});
    return;
  }
#ifdef LINA_HAVE_OPENMP
#pragma omp parallel num_threads(nthreads)
  body(omp_get_thread_num(), omp_get_num_threads(), [] {
#pragma omp barrier
  });
#endif
}

template <class T>
void gemm_impl(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
               MatrixRef<T> c, bool allow_threads) {
  if (m == 0 || n == 0) return;
  // One column of C: y = A x; one row: C^T = B^T a^T.
  if (n == 1) return gemv(m, k, a, b.data, b.rs, c.data, c.rs, allow_threads);
  if (m == 1) return gemv(n, k, MatrixRef<const T>{b.data, b.cs, b.rs}, a.data, a.cs, c.data, c.cs, allow_threads);
  const std::int64_t flops = m * n * k;
  if (use_direct<T>(m, n, k)) return gemm_direct(m, n, k, a, b, c);
  int nthreads = 1;
#ifdef LINA_HAVE_OPENMP
  if (allow_threads && flops >= kThreadFlops && !omp_in_parallel()) nthreads = get_num_threads();
#else
  (void)allow_threads;
#endif
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

GemmBlocking gemm_blocking_float() {
  return {kMR, microkernel_nr(0.f), Blocking<float>::kc, Blocking<float>::mc, Blocking<float>::nc};
}
GemmBlocking gemm_blocking_double() {
  return {kMR, microkernel_nr(0.0), Blocking<double>::kc, Blocking<double>::mc, Blocking<double>::nc};
}
int gemm_mr() { return kMR; }
int gemm_nr_float() { return microkernel_nr(0.f); }
int gemm_nr_double() { return microkernel_nr(0.0); }
std::string gemm_target() { return microkernel_target(); }

}  // namespace lina::kernels
