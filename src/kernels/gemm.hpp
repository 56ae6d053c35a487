// lina's GEMM: C := A * B (+ C when accumulate) for float and double, in the BLIS
// design (see docs/gemm.md). Operands are described by pointers and element strides,
// so transposed and sliced operands are packed straight from their strides.
#pragma once

#include <cstdint>
#include <string>

namespace lina::kernels {

template <class T>
struct MatrixRef {
  T* data;
  std::int64_t rs;  // element stride between rows
  std::int64_t cs;  // element stride between columns
};

// C (m x n) = A (m x k) * B (k x n). C must not overlap A or B.
void gemm(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
          MatrixRef<float> c, bool allow_threads = true);
void gemm(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a, MatrixRef<const double> b,
          MatrixRef<double> c, bool allow_threads = true);

// The paths gemm chooses between, callable directly so that tests cover each one:
// the unpacked register-blocked kernel for small shapes (NOTE: [Direct GEMM]) and the
// packed five-loop GEMM on `nthreads` threads (docs/gemm.md).
void gemm_direct(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
                 MatrixRef<float> c, int nthreads = 1);
void gemm_direct(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                 MatrixRef<const double> b, MatrixRef<double> c, int nthreads = 1);
// gemm_batch's direct loop: needs m, n, k > 0 and b.cs == c.cs == 1.
void gemm_direct_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a,
                       std::int64_t a_step, MatrixRef<const float> b, std::int64_t b_step, MatrixRef<float> c,
                       std::int64_t c_step, bool stream_c);
void gemm_direct_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                       std::int64_t a_step, MatrixRef<const double> b, std::int64_t b_step, MatrixRef<double> c,
                       std::int64_t c_step, bool stream_c);
void gemm_packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
                 MatrixRef<float> c, int nthreads);
void gemm_packed(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                 MatrixRef<const double> b, MatrixRef<double> c, int nthreads);

// `count` products C_i = A_i * B_i of one shape, where operand i starts `step` elements
// after operand i - 1 (a step of 0 repeats one matrix: a broadcast batch), on the
// calling thread. C_i must not overlap A_j or B_j. Small products run the direct kernel
// in one loop inside the dispatched target (NOTE: [Batched direct products]); the
// others, and operands whose B or C rows are not contiguous, go through gemm one by one.
// `stream_c`: write C with streaming stores where the direct loop can (NOTE: [Streamed
// batch outputs] in gemm_direct.cpp); the caller fences nothing, the loop does.
void gemm_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a,
                std::int64_t a_step, MatrixRef<const float> b, std::int64_t b_step, MatrixRef<float> c,
                std::int64_t c_step, bool stream_c = false);
void gemm_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                std::int64_t a_step, MatrixRef<const double> b, std::int64_t b_step, MatrixRef<double> c,
                std::int64_t c_step, bool stream_c = false);

// y (m) = A (m x k) x, x and y `incx` and `incy` elements apart (NOTE: [GEMV]); gemm
// sends products with one row or one column here.
void gemv(std::int64_t m, std::int64_t k, MatrixRef<const float> a, const float* x, std::int64_t incx, float* y,
          std::int64_t incy, bool allow_threads = true);
void gemv(std::int64_t m, std::int64_t k, MatrixRef<const double> a, const double* x, std::int64_t incx, double* y,
          std::int64_t incy, bool allow_threads = true);

// The plain reference: the same contract, three loops. Tests compare the two.
template <class T>
void gemm_reference(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
                    MatrixRef<T> c) {
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      T s = 0;
      for (std::int64_t p = 0; p < k; ++p) s += a.data[i * a.rs + p * a.cs] * b.data[p * b.rs + j * b.cs];
      c.data[i * c.rs + j * c.cs] = s;
    }
}

// The packed path's block sizes for one element type (docs/gemm.md), so that tests
// can aim at every block edge.
struct GemmBlocking {
  std::int64_t mr, nr, kc, mc, nc;
};
GemmBlocking gemm_blocking_float();
GemmBlocking gemm_blocking_double();

// The micro-kernel's tile size for T on this CPU, and the Highway target that runs it.
int gemm_mr();
int gemm_nr_float();
int gemm_nr_double();
std::string gemm_target();
// The BLAS that 2-D float products go to when lina is built with -DLINA_BLAS=...
// (cmake/LinaBlas.cmake), e.g. "OpenBLAS (OpenBLAS 0.3.21 DYNAMIC_ARCH ...)"; empty
// when lina's own GEMM runs them.
std::string gemm_backend();
// The SIMD targets the kernels were compiled for, best first ("AVX3 AVX2 SSE4 ...").
std::string compiled_targets();

}  // namespace lina::kernels
