// NOTE: [GEMV]
// y (m) = A (m x k) x: a product with one column (or, transposed, one row) is limited
// by reading A once, not by multiply-adds, so it gets its own kernels instead of the
// packed GEMM (which would pad x to a whole NR-wide panel, NR times the work):
//
//   rows of A contiguous ("dot" form)        columns of A contiguous ("axpy" form)
//   y[i] = sum_p A[i, p] x[p]                 y += x[p] * A[:, p]   for each p
//   4 rows at a time share each load of x     4 columns at a time, y stays in L1
//
// Both read A exactly once, as four sequential streams (NOTE: [GEMV rows a quarter
// apart]). Threads split the rows of y, so each thread reads its own part of A. x and y
// are contiguous here; gemv (below) copies them when they are not.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/thread_pool.hpp"
#include "kernels/gemm.hpp"
#include "lina/core/threads.hpp"


#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/gemm_gemv.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// NOTE: [GEMV without prefetches]
// Four rows are read side by side, each its own stream. Until 2026-12-06 each row's next
// page was prefetched once per page of row 0: on the 2-core Zen 5 machine of the time
// (float64 4096 x 4096, one thread pinned, a scratch copy against Eigen, median of 15
// best-of-5, six runs) no prefetch gave 8.2-8.8 GFLOP/s and 4 KiB ahead 9.0-9.5, with
// Eigen at 8.1-8.7. On the Zen 4 machine that followed, the library without those
// prefetches against with them, against Eigen in one process (4096 x 4096, median of 15
// alternations, two runs of each build): one thread float32 0.90-0.93x Eigen -> 0.96-1.00x,
// float64 0.92x -> 0.99-1.02x; two threads float32 17.6-20.7 -> 20.3-21.6 GFLOP/s,
// float64 8.7-8.8 -> 9.0-9.2. Presumably that machine's hardware prefetchers follow four
// streams in four pages, and the extra prefetches only take load slots.

// NOTE: [GEMV rows a quarter apart]
// The four rows (or columns) read side by side are i, i + q, i + 2q and i + 3q with q a
// quarter of the rows, not four neighbours. On the Zen 4 machine four streams 16 KiB
// apart (neighbouring rows of a 4096 x 4096 float32 matrix) read far slower than one.
// Scratch loops, one thread pinned, GB/s: summing four neighbouring rows 27-29, one
// stream 38-41, four rows a quarter of the matrix apart 38-39; the dot form with x,
// neighbouring rows 24-26, rows 4 apart 30-32, 8 apart 31-34, 32 apart 32-36, a quarter
// apart 32-35. Where the limit sits (the hardware prefetcher, the DRAM banks) is not
// visible from here; spread rows avoid it. 4096 x 4096 float32, lina's matmul(a, x), one
// thread pinned, old and new library alternated: 28-31 -> 37 GB/s; the columns form
// (matmul(a.T, x)) 29-31 -> 32-37; two threads 45-51 -> 47-54 (the sum of the same
// matrix read 49-55). bench/paired, one thread, against Eigen: float32 0.96x -> 1.13x,
// float64 0.99x -> 1.06x.

// y[i] = A[i, :] . x for m rows `lda` apart.
template <class T>
void DotRows(std::int64_t m, std::int64_t k, const T* HWY_RESTRICT a, std::int64_t lda, const T* HWY_RESTRICT x,
             T* HWY_RESTRICT y) {
  const hn::ScalableTag<T> d;
  const std::int64_t V = static_cast<std::int64_t>(hn::Lanes(d));
  const std::int64_t kv = k / V * V;
  // Rows i, i + q, i + 2q, i + 3q (NOTE: [GEMV rows a quarter apart]).
  const std::int64_t q = m / 4;
  for (std::int64_t i = 0; i < q; ++i) {
    const T* a0 = a + i * lda;
    const T* a1 = a0 + q * lda;
    const T* a2 = a1 + q * lda;
    const T* a3 = a2 + q * lda;
    auto s0 = hn::Zero(d), s1 = hn::Zero(d), s2 = hn::Zero(d), s3 = hn::Zero(d);
    for (std::int64_t p = 0; p < kv; p += V) {
      const auto xv = hn::LoadU(d, x + p);
      s0 = hn::MulAdd(hn::LoadU(d, a0 + p), xv, s0);
      s1 = hn::MulAdd(hn::LoadU(d, a1 + p), xv, s1);
      s2 = hn::MulAdd(hn::LoadU(d, a2 + p), xv, s2);
      s3 = hn::MulAdd(hn::LoadU(d, a3 + p), xv, s3);
    }
    T r0 = hn::GetLane(hn::SumOfLanes(d, s0)), r1 = hn::GetLane(hn::SumOfLanes(d, s1));
    T r2 = hn::GetLane(hn::SumOfLanes(d, s2)), r3 = hn::GetLane(hn::SumOfLanes(d, s3));
    for (std::int64_t p = kv; p < k; ++p) {
      r0 += a0[p] * x[p];
      r1 += a1[p] * x[p];
      r2 += a2[p] * x[p];
      r3 += a3[p] * x[p];
    }
    y[i] = r0;
    y[i + q] = r1;
    y[i + 2 * q] = r2;
    y[i + 3 * q] = r3;
  }
  for (std::int64_t i = 4 * q; i < m; ++i) {
    const T* ai = a + i * lda;
    auto s = hn::Zero(d);
    for (std::int64_t p = 0; p < kv; p += V) s = hn::MulAdd(hn::LoadU(d, ai + p), hn::LoadU(d, x + p), s);
    T r = hn::GetLane(hn::SumOfLanes(d, s));
    for (std::int64_t p = kv; p < k; ++p) r += ai[p] * x[p];
    y[i] = r;
  }
}

// y = sum_p x[p] A[:, p] for k columns `lda` apart, each m long and contiguous.
template <class T>
void AxpyColumns(std::int64_t m, std::int64_t k, const T* HWY_RESTRICT a, std::int64_t lda,
                 const T* HWY_RESTRICT x, T* HWY_RESTRICT y) {
  const hn::ScalableTag<T> d;
  const std::int64_t V = static_cast<std::int64_t>(hn::Lanes(d));
  const std::int64_t mv = m / V * V;
  std::fill_n(y, m, T(0));
  // Columns p, p + q, p + 2q, p + 3q (NOTE: [GEMV rows a quarter apart]).
  const std::int64_t q = k / 4;
  for (std::int64_t p = 0; p < q; ++p) {
    const T* c0 = a + p * lda;
    const T* c1 = c0 + q * lda;
    const T* c2 = c1 + q * lda;
    const T* c3 = c2 + q * lda;
    const auto x0 = hn::Set(d, x[p]), x1 = hn::Set(d, x[p + q]), x2 = hn::Set(d, x[p + 2 * q]),
               x3 = hn::Set(d, x[p + 3 * q]);
    for (std::int64_t i = 0; i < mv; i += V) {
      auto s = hn::LoadU(d, y + i);
      s = hn::MulAdd(hn::LoadU(d, c0 + i), x0, s);
      s = hn::MulAdd(hn::LoadU(d, c1 + i), x1, s);
      s = hn::MulAdd(hn::LoadU(d, c2 + i), x2, s);
      s = hn::MulAdd(hn::LoadU(d, c3 + i), x3, s);
      hn::StoreU(s, d, y + i);
    }
    for (std::int64_t i = mv; i < m; ++i)
      y[i] = y[i] + c0[i] * x[p] + c1[i] * x[p + q] + c2[i] * x[p + 2 * q] + c3[i] * x[p + 3 * q];
  }
  for (std::int64_t p = 4 * q; p < k; ++p) {
    const T* cp = a + p * lda;
    const auto xp = hn::Set(d, x[p]);
    for (std::int64_t i = 0; i < mv; i += V) hn::StoreU(hn::MulAdd(hn::LoadU(d, cp + i), xp, hn::LoadU(d, y + i)), d, y + i);
    for (std::int64_t i = mv; i < m; ++i) y[i] += cp[i] * x[p];
  }
}

void DotRowsF32(std::int64_t m, std::int64_t k, const float* a, std::int64_t lda, const float* x, float* y) {
  DotRows(m, k, a, lda, x, y);
}
void DotRowsF64(std::int64_t m, std::int64_t k, const double* a, std::int64_t lda, const double* x, double* y) {
  DotRows(m, k, a, lda, x, y);
}
void AxpyColumnsF32(std::int64_t m, std::int64_t k, const float* a, std::int64_t lda, const float* x, float* y) {
  AxpyColumns(m, k, a, lda, x, y);
}
void AxpyColumnsF64(std::int64_t m, std::int64_t k, const double* a, std::int64_t lda, const double* x, double* y) {
  AxpyColumns(m, k, a, lda, x, y);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(DotRowsF32);
HWY_EXPORT(DotRowsF64);
HWY_EXPORT(AxpyColumnsF32);
HWY_EXPORT(AxpyColumnsF64);

namespace {

// Below this many elements of A a second thread costs more than it saves.
constexpr std::int64_t kGemvThreadElements = std::int64_t{1} << 17;

void dot_rows(std::int64_t m, std::int64_t k, const float* a, std::int64_t lda, const float* x, float* y) {
  HWY_DYNAMIC_DISPATCH(DotRowsF32)(m, k, a, lda, x, y);
}
void dot_rows(std::int64_t m, std::int64_t k, const double* a, std::int64_t lda, const double* x, double* y) {
  HWY_DYNAMIC_DISPATCH(DotRowsF64)(m, k, a, lda, x, y);
}
void axpy_columns(std::int64_t m, std::int64_t k, const float* a, std::int64_t lda, const float* x, float* y) {
  HWY_DYNAMIC_DISPATCH(AxpyColumnsF32)(m, k, a, lda, x, y);
}
void axpy_columns(std::int64_t m, std::int64_t k, const double* a, std::int64_t lda, const double* x, double* y) {
  HWY_DYNAMIC_DISPATCH(AxpyColumnsF64)(m, k, a, lda, x, y);
}

// Rows [lo, hi) of y = A x, x and y contiguous.
template <class T>
void gemv_rows(std::int64_t lo, std::int64_t hi, std::int64_t k, MatrixRef<const T> a, const T* x, T* y) {
  if (hi <= lo) return;
  if (a.cs == 1) return dot_rows(hi - lo, k, a.data + lo * a.rs, a.rs, x, y + lo);
  if (a.rs == 1) return axpy_columns(hi - lo, k, a.data + lo, a.cs, x, y + lo);
  for (std::int64_t i = lo; i < hi; ++i) {  // neither axis contiguous: a plain loop
    T s = 0;
    for (std::int64_t p = 0; p < k; ++p) s += a.data[i * a.rs + p * a.cs] * x[p];
    y[i] = s;
  }
}

template <class T>
void gemv_impl(std::int64_t m, std::int64_t k, MatrixRef<const T> a, const T* x, std::int64_t incx, T* y,
               std::int64_t incy, bool allow_threads) {
  if (k == 0) {  // y = 0; A and x (empty, possibly null) are not read
    for (std::int64_t i = 0; i < m; ++i) y[i * incy] = T(0);
    return;
  }
  thread_local std::vector<T> xcopy, ycopy;
  if (incx != 1) {
    xcopy.resize(static_cast<std::size_t>(k));
    for (std::int64_t p = 0; p < k; ++p) xcopy[static_cast<std::size_t>(p)] = x[p * incx];
    x = xcopy.data();
  }
  T* yc = y;
  if (incy != 1) {
    ycopy.resize(static_cast<std::size_t>(m));
    yc = ycopy.data();
  }
  int nthreads = 1;
  if (allow_threads && m * k >= kGemvThreadElements && m >= 64 && detail::can_run_parallel())
    nthreads = get_num_threads();
  if (nthreads <= 1) {
    gemv_rows(0, m, k, a, x, yc);
  } else {
    // Split rows in multiples of 16 so that no two threads write one cache line of y.
    const std::int64_t blocks = (m + 15) / 16;
    const std::int64_t chunks = std::min<std::int64_t>(blocks, std::int64_t{nthreads} * 4);
    detail::parallel_for(chunks, nthreads, [&](std::int64_t c) {
      gemv_rows(std::min(m, blocks * c / chunks * 16), std::min(m, blocks * (c + 1) / chunks * 16), k, a, x, yc);
    });
  }
  if (incy != 1)
    for (std::int64_t i = 0; i < m; ++i) y[i * incy] = yc[i];
}

}  // namespace

void gemv(std::int64_t m, std::int64_t k, MatrixRef<const float> a, const float* x, std::int64_t incx, float* y,
          std::int64_t incy, bool allow_threads) {
  gemv_impl(m, k, a, x, incx, y, incy, allow_threads);
}
void gemv(std::int64_t m, std::int64_t k, MatrixRef<const double> a, const double* x, std::int64_t incx, double* y,
          std::int64_t incy, bool allow_threads) {
  gemv_impl(m, k, a, x, incx, y, incy, allow_threads);
}

}  // namespace lina::kernels
#endif  // HWY_ONCE
