// Inner loops for elementwise kernels. The loop plan hands each call a count, the
// operand pointers (output first) and their byte strides; the loops pick a path by
// operand kind: all contiguous, one operand a broadcast scalar (stride 0), or strided.
// The contiguous paths are plain indexed loops the compiler vectorises, except float
// add/subtract/multiply/divide, which go to Highway kernels (elementwise_arith.cpp) that
// can write with streaming stores, and the loops listed in elementwise_target_loops.hpp,
// which are compiled once per SIMD target (NOTE: [Per-target plain loops]); the others
// here are compiled for the baseline target only. Strided runs of an operation that has
// a vector kernel go through that kernel in buffered chunks (NOTE: [Buffered strided
// runs]).
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include "kernels/elementwise_arith.hpp"
#include "kernels/elementwise_functors.hpp"
#include "kernels/elementwise_target_loops.hpp"
#include "kernels/float_division.hpp"
#include "kernels/integer_division.hpp"

namespace lina::kernels {

struct AddRelu;  // elementwise_fused.hpp

// The Highway kernel's code for Op (elementwise_arith.hpp), or -1 when it has none.
template <class Op>
constexpr int arith_code() {
  if constexpr (std::is_same_v<Op, Add>) return kAddOp;
  else if constexpr (std::is_same_v<Op, Subtract>) return kSubtractOp;
  else if constexpr (std::is_same_v<Op, Multiply>) return kMultiplyOp;
  else if constexpr (std::is_same_v<Op, Divide>) return kDivideOp;
  else if constexpr (std::is_same_v<Op, AddRelu>) return kAddReluOp;
  else if constexpr (std::is_same_v<Op, Maximum>) return kMaximumOp;
  else if constexpr (std::is_same_v<Op, Minimum>) return kMinimumOp;
  else return -1;
}

// The comparison kernel's code for Op (elementwise_arith.hpp), or -1.
template <class Op>
constexpr int compare_code() {
  if constexpr (std::is_same_v<Op, Equal>) return kEqualOp;
  else if constexpr (std::is_same_v<Op, NotEqual>) return kNotEqualOp;
  else if constexpr (std::is_same_v<Op, Less>) return kLessOp;
  else if constexpr (std::is_same_v<Op, LessEqual>) return kLessEqualOp;
  else if constexpr (std::is_same_v<Op, Greater>) return kGreaterOp;
  else if constexpr (std::is_same_v<Op, GreaterEqual>) return kGreaterEqualOp;
  else return -1;
}

// Whether simd_arith has Op for T (elementwise_arith.hpp).
template <class Op, class T>
constexpr bool has_simd_arith() {
  constexpr int code = arith_code<Op>();
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) return code >= 0;
  else if constexpr (std::is_same_v<T, std::int32_t>) return code >= 0 && code != kDivideOp && code != kAddReluOp;
  else if constexpr (std::is_same_v<T, std::int64_t>)
    return code >= 0 && code != kDivideOp && code != kAddReluOp && code != kMultiplyOp;
  else return false;
}

// Below this many elements the plain loop is cheaper than the kernel's dispatch (the
// Highway kernels' and the per-target loops').
inline constexpr std::int64_t kArithKernelMin = 32;

// NOTE: [Buffered strided runs]
// A strided inner run (a[:, ::2], a column of a C-order matrix, the transposed operand
// of a + a.T) cannot be loaded as whole vectors, and the scalar functors cost far more
// per element than the vector kernels: std::tanh about 16 ns, std::sqrt of a negative
// number (a libm call instead of the inlined instruction) about 10 ns. Such runs are cut into chunks of kStridedChunkBytes that
// are gathered into contiguous stack buffers, computed by the contiguous kernel and
// scattered to the output (cf. NumPy's buffered iterator); a contiguous operand is used
// in place and a contiguous output written directly. Besides speed, a function's
// result then does not depend on the layout: exp of a strided view gives the vector
// kernel's values, bit for bit those of a contiguous copy. 2 KiB chunks keep three
// buffers in L1 and make the per-chunk cost (one kernel call) small.
inline constexpr std::int64_t kStridedChunkBytes = 2048;

// The m elements of the run at p with byte stride `stride`: p itself when contiguous,
// else copied into buf. Four independent loads per step: the plain indexed loop ran at
// a third of the speed (0.43 against 0.16 ns per element in L1).
template <class T>
inline const T* gather_run(const char* p, std::int64_t stride, std::int64_t m, T* buf) {
  if (stride == static_cast<std::int64_t>(sizeof(T))) return reinterpret_cast<const T*>(p);
  std::int64_t i = 0;
  for (; i + 4 <= m; i += 4, p += 4 * stride) {
    const T x0 = *reinterpret_cast<const T*>(p), x1 = *reinterpret_cast<const T*>(p + stride);
    const T x2 = *reinterpret_cast<const T*>(p + 2 * stride), x3 = *reinterpret_cast<const T*>(p + 3 * stride);
    buf[i] = x0;
    buf[i + 1] = x1;
    buf[i + 2] = x2;
    buf[i + 3] = x3;
  }
  for (; i < m; ++i, p += stride) buf[i] = *reinterpret_cast<const T*>(p);
  return buf;
}

template <class R>
inline void scatter_run(const R* buf, char* p, std::int64_t stride, std::int64_t m) {
  std::int64_t i = 0;
  for (; i + 4 <= m; i += 4, p += 4 * stride) {
    *reinterpret_cast<R*>(p) = buf[i];
    *reinterpret_cast<R*>(p + stride) = buf[i + 1];
    *reinterpret_cast<R*>(p + 2 * stride) = buf[i + 2];
    *reinterpret_cast<R*>(p + 3 * stride) = buf[i + 3];
  }
  for (; i < m; ++i, p += stride) *reinterpret_cast<R*>(p) = buf[i];
}

// Calls contiguous(in, out, m) over buffered chunks of a strided unary run.
template <class T, class R, class Contiguous>
void buffered_unary(char* const* p, const std::int64_t* st, std::int64_t n, Contiguous&& contiguous) {
  constexpr std::int64_t kChunk = kStridedChunkBytes / std::max(sizeof(T), sizeof(R));
  alignas(64) T in_buf[kChunk];
  alignas(64) R out_buf[kChunk];
  const bool out_contiguous = st[0] == static_cast<std::int64_t>(sizeof(R));
  for (std::int64_t i = 0; i < n; i += kChunk) {
    const std::int64_t m = std::min(kChunk, n - i);
    const T* in = gather_run(p[1] + i * st[1], st[1], m, in_buf);
    R* out = out_contiguous ? reinterpret_cast<R*>(p[0] + i * st[0]) : out_buf;
    contiguous(in, out, m);
    if (!out_contiguous) scatter_run(out_buf, p[0] + i * st[0], st[0], m);
  }
}

// The binary operations whose strided runs are buffered: those whose scalar form costs
// more than the gathers (divide 0.68 against 0.46 ns per element in L1, maximum 0.58
// against 0.36). Strided add, subtract and multiply are bound by their loads either way:
// buffered, 0.67-0.87x the plain loop in L1 and 1.05-1.29x from memory.
template <class Op>
inline constexpr bool kBuffersStridedRuns = std::is_same_v<Op, Divide> || std::is_same_v<Op, Maximum> ||
                                            std::is_same_v<Op, Minimum> || std::is_same_v<Op, AddRelu>;

// Calls contiguous(kinds, a, b, out, m) (kinds as OperandKinds) over buffered chunks of
// a strided binary run; an operand with stride 0 stays a broadcast scalar.
template <class T, class R, class Contiguous>
void buffered_binary(char* const* p, const std::int64_t* st, std::int64_t n, Contiguous&& contiguous) {
  constexpr std::int64_t kChunk = kStridedChunkBytes / std::max(sizeof(T), sizeof(R));
  alignas(64) T a_buf[kChunk];
  alignas(64) T b_buf[kChunk];
  alignas(64) R out_buf[kChunk];
  const int kinds = st[2] == 0 ? kScalarB : st[1] == 0 ? kScalarA : kBothContiguous;
  const bool out_contiguous = st[0] == static_cast<std::int64_t>(sizeof(R));
  for (std::int64_t i = 0; i < n; i += kChunk) {
    const std::int64_t m = std::min(kChunk, n - i);
    const T* a = kinds == kScalarA ? reinterpret_cast<const T*>(p[1]) : gather_run(p[1] + i * st[1], st[1], m, a_buf);
    const T* b = kinds == kScalarB ? reinterpret_cast<const T*>(p[2]) : gather_run(p[2] + i * st[2], st[2], m, b_buf);
    R* out = out_contiguous ? reinterpret_cast<R*>(p[0] + i * st[0]) : out_buf;
    contiguous(kinds, a, b, out, m);
    if (!out_contiguous) scatter_run(out_buf, p[0] + i * st[0], st[0], m);
  }
}

// How a binary run's operands lie for the contiguous kernels: the output contiguous, and
// each input contiguous or a broadcast scalar (OperandKinds); -1 for any other run.
inline int contiguous_kinds(const std::int64_t* st, std::int64_t out_size, std::int64_t in_size) {
  if (st[0] != out_size) return -1;
  if (st[1] == in_size && st[2] == in_size) return kBothContiguous;
  if (st[1] == in_size && st[2] == 0) return kScalarB;
  if (st[1] == 0 && st[2] == in_size) return kScalarA;
  return -1;
}

// kernel(kinds, a, b, out, n) on the run itself when contiguous_kinds takes it, else on
// buffered chunks (NOTE: [Buffered strided runs]).
template <class T, class R, class Kernel>
void contiguous_or_buffered(char* const* p, const std::int64_t* st, std::int64_t n, Kernel&& kernel) {
  if (const int kinds = contiguous_kinds(st, sizeof(R), sizeof(T)); kinds >= 0)
    return kernel(kinds, reinterpret_cast<const T*>(p[1]), reinterpret_cast<const T*>(p[2]), reinterpret_cast<R*>(p[0]), n);
  buffered_binary<T, R>(p, st, n, kernel);
}

// The integer_division.cpp code for Op on T, or -1 when it has none.
template <class Op, class T>
constexpr int integer_division_code() {
  if constexpr (!std::is_same_v<T, std::int32_t> && !std::is_same_v<T, std::uint8_t> && !std::is_same_v<T, std::int64_t>)
    return -1;
  else if constexpr (std::is_same_v<Op, FloorDivide>) return kFloorDivideOp;
  else if constexpr (std::is_same_v<Op, Remainder>) return kRemainderOp;
  else return -1;
}

template <class Op, class T, class R>
void binary_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  R* out = reinterpret_cast<R*>(p[0]);
  const T* a = reinterpret_cast<const T*>(p[1]);
  const T* b = reinterpret_cast<const T*>(p[2]);
  constexpr std::int64_t so = sizeof(R), si = sizeof(T);
  [[maybe_unused]] const int kinds = n >= kArithKernelMin ? contiguous_kinds(st, so, si) : -1;
  if constexpr (std::is_same_v<R, bool> && compare_code<Op>() >= 0 && !std::is_void_v<KernelElementType<T>>) {
    using K = KernelElementType<T>;
    if (kinds >= 0)
      return simd_compare(compare_code<Op>(), kinds, reinterpret_cast<const K*>(a), reinterpret_cast<const K*>(b), out, n);
  }
  if constexpr (std::is_same_v<T, R> && has_simd_arith<Op, T>()) {
    if (kinds >= 0) return simd_arith(arith_code<Op>(), kinds, a, b, out, n);
    if (kBuffersStridedRuns<Op> && n >= kArithKernelMin)  // NOTE: [Buffered strided runs]
      return buffered_binary<T, R>(p, st, n, [](int k, const T* x, const T* y, R* o, std::int64_t m) {
        simd_arith(arith_code<Op>(), k, x, y, o, m);
      });
  }
  if constexpr (std::is_same_v<T, R> && integer_division_code<Op, T>() >= 0) {  // NOTE: [Integer division through floats]
    if (n >= kArithKernelMin)
      return contiguous_or_buffered<T, R>(p, st, n, [](int k, const T* x, const T* y, R* o, std::int64_t m) {
        simd_integer_division(integer_division_code<Op, T>(), k, x, y, o, m);
      });
  }
  if constexpr (std::is_same_v<T, R> && std::is_floating_point_v<T> &&
                (std::is_same_v<Op, FloorDivide> || std::is_same_v<Op, Remainder>)) {
    // NOTE: [Vectorised float floor_divide and remainder]; the functors' bits at every
    // length and layout.
    return contiguous_or_buffered<T, R>(p, st, n, [](int k, const T* x, const T* y, R* o, std::int64_t m) {
      simd_float_division(std::is_same_v<Op, FloorDivide> ? kFloorDivideOp : kRemainderOp, k, x, y, o, m);
    });
  }
  if constexpr (std::is_same_v<Op, Power> && std::is_same_v<T, R> &&
                (std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, std::int32_t> ||
                 std::is_same_v<T, std::uint8_t>)) {
    // NOTE: [Vectorised float32 power], [Vectorised float64 power] and [Vectorised
    // integer power]; strided runs
    // buffered at every length, so that the results do not depend on the layout.
    return contiguous_or_buffered<T, R>(p, st, n, [](int k, const T* x, const T* y, R* o, std::int64_t m) {
      simd_power(k, x, y, o, m);
    });
  }
  if constexpr (kHasTargetBinaryLoop<Op, T, R>) {  // NOTE: [Per-target plain loops]
    if (kinds >= 0) return target_binary_loop<Op, T, R>(kinds, a, b, out, n);
  }
  switch (contiguous_kinds(st, so, si)) {
    case kBothContiguous:
      for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(a[i], b[i]);
      return;
    case kScalarB: {
      const T bv = *b;
      for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(a[i], bv);
      return;
    }
    case kScalarA: {
      const T av = *a;
      for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(av, b[i]);
      return;
    }
    default:
      break;
  }
  char* o = p[0];
  const char* x = p[1];
  const char* y = p[2];
  for (std::int64_t i = 0; i < n; ++i, o += st[0], x += st[1], y += st[2])
    *reinterpret_cast<R*>(o) = Op::apply(*reinterpret_cast<const T*>(x), *reinterpret_cast<const T*>(y));
}

template <class Op, class T, class R>
void unary_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  if (st[0] == sizeof(R) && st[1] == sizeof(T)) {
    R* out = reinterpret_cast<R*>(p[0]);
    const T* a = reinterpret_cast<const T*>(p[1]);
    if constexpr (kHasTargetUnaryLoop<Op, T, R>) {  // NOTE: [Per-target plain loops]
      if (n >= kArithKernelMin) return target_unary_loop<Op, T, R>(a, out, n);
    }
    for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(a[i]);
    return;
  }
  char* o = p[0];
  const char* x = p[1];
  for (std::int64_t i = 0; i < n; ++i, o += st[0], x += st[1])
    *reinterpret_cast<R*>(o) = Op::apply(*reinterpret_cast<const T*>(x));
}

// The vectorised transcendental functions (elementwise_math.cpp, NOTE: [Vectorised
// transcendental functions]) for contiguous float runs.
void simd_exp(const float* in, float* out, std::int64_t n);
void simd_exp(const double* in, double* out, std::int64_t n);
void simd_expm1(const float* in, float* out, std::int64_t n);
void simd_expm1(const double* in, double* out, std::int64_t n);
void simd_log(const float* in, float* out, std::int64_t n);
void simd_log(const double* in, double* out, std::int64_t n);
void simd_log1p(const float* in, float* out, std::int64_t n);
void simd_log1p(const double* in, double* out, std::int64_t n);
void simd_tanh(const float* in, float* out, std::int64_t n);
void simd_tanh(const double* in, double* out, std::int64_t n);
void simd_sigmoid(const float* in, float* out, std::int64_t n);
void simd_sigmoid(const double* in, double* out, std::int64_t n);
void simd_sin(const float* in, float* out, std::int64_t n);
void simd_sin(const double* in, double* out, std::int64_t n);
void simd_cos(const float* in, float* out, std::int64_t n);
void simd_cos(const double* in, double* out, std::int64_t n);
// out[i] = minimum(maximum(in[i], lo), hi) (same file), the functors' results.
void simd_clip(const float* in, float lo, float hi, float* out, std::int64_t n);
void simd_clip(const double* in, double lo, double hi, double* out, std::int64_t n);

// The exactly rounded ones (same file): the scalar functors' results, bit for bit.
void simd_sqrt(const float* in, float* out, std::int64_t n);
void simd_sqrt(const double* in, double* out, std::int64_t n);
void simd_abs(const float* in, float* out, std::int64_t n);
void simd_abs(const double* in, double* out, std::int64_t n);
void simd_negative(const float* in, float* out, std::int64_t n);
void simd_negative(const double* in, double* out, std::int64_t n);
void simd_relu(const float* in, float* out, std::int64_t n);
void simd_relu(const double* in, double* out, std::int64_t n);
void simd_floor(const float* in, float* out, std::int64_t n);
void simd_floor(const double* in, double* out, std::int64_t n);
void simd_ceil(const float* in, float* out, std::int64_t n);
void simd_ceil(const double* in, double* out, std::int64_t n);
void simd_round(const float* in, float* out, std::int64_t n);
void simd_round(const double* in, double* out, std::int64_t n);

// softmax's passes (same file): out[i] = exp(in[i] - shift) returning the sum of out
// (out may be in), and out[j] = exp(in[j] - shift[j]) with sum[j] += out[j].
float simd_exp_shifted_sum(const float* in, float shift, float* out, std::int64_t n);
double simd_exp_shifted_sum(const double* in, double shift, double* out, std::int64_t n);
void simd_exp_sub_accumulate(const float* in, const float* shift, float* out, float* sum, std::int64_t n);
void simd_exp_sub_accumulate(const double* in, const double* shift, double* out, double* sum, std::int64_t n);

// A unary loop that calls `simd` (one of the above) on contiguous runs and on buffered
// chunks of strided ones, whatever their length, so that results do not depend on the
// layout (NOTE: [Buffered strided runs]).
template <class Op, class T, void (*simd)(const T*, T*, std::int64_t)>
void simd_unary_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  if (st[0] == sizeof(T) && st[1] == sizeof(T)) {
    simd(reinterpret_cast<const T*>(p[1]), reinterpret_cast<T*>(p[0]), n);
    return;
  }
  buffered_unary<T, T>(p, st, n, simd);
}

// out[i] = c[i] ? x[i * x_step] : y[i * y_step] over elements of `width` bytes (1, 4
// or 8), x_step and y_step 1 or 0 (select_where.cpp, NOTE: [Vectorised where]).
void simd_where(int width, const bool* c, const void* x, std::int64_t x_step, const void* y, std::int64_t y_step,
                void* out, std::int64_t n);

template <class T>
void where_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  constexpr std::int64_t w = sizeof(T);
  if (st[0] == w && st[1] == 1 && (st[2] == w || st[2] == 0) && (st[3] == w || st[3] == 0) && n >= 16) {
    simd_where(static_cast<int>(w), reinterpret_cast<const bool*>(p[1]), p[2], st[2] / w, p[3], st[3] / w, p[0], n);
    return;
  }
  char* o = p[0];
  const char* c = p[1];
  const char* x = p[2];
  const char* y = p[3];
  for (std::int64_t i = 0; i < n; ++i, o += st[0], c += st[1], x += st[2], y += st[3])
    *reinterpret_cast<T*>(o) = *reinterpret_cast<const bool*>(c) ? *reinterpret_cast<const T*>(x)
                                                                 : *reinterpret_cast<const T*>(y);
}

}  // namespace lina::kernels
