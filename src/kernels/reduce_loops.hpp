// Inner loops for reductions. The loop plan views the output at the input's shape with
// stride 0 on the reduced axes, so each inner run either reduces into one output
// element (output stride 0) or combines a whole row into a row of outputs
// (out[i] = op(out[i], in[i]): how axis 0 of a C-order matrix stays vectorisable).
#pragma once

#include <cstdint>
#include <type_traits>

#include "kernels/elementwise_functors.hpp"
#include "kernels/kernel_element_types.hpp"

namespace lina::kernels {

// NumPy's pairwise summation (umath/loops_utils.h.src): runs of up to 128 elements are
// summed with eight accumulators, longer ones are halved recursively, so the error
// grows as O(log n) instead of O(n). kContiguous fixes the stride at sizeof(T) so the
// eight accumulators become one vector register (the strided form cannot be
// vectorised); both sum in the same order and give identical results.
inline constexpr std::int64_t kPairwiseBlock = 128;

// Where pairwise summation splits a run of n > kPairwiseBlock elements: the first half,
// rounded down to a multiple of 8. The threaded sum splits at the same points so that
// its result is the serial one, bit for bit.
inline std::int64_t pairwise_split(std::int64_t n) {
  std::int64_t half = n / 2;
  return half - half % 8;
}

// The identity: what pairwise_sum_run sums unless told to transform each element.
struct AsIs {
  template <class T>
  T operator()(T x) const { return x; }
};

// With f, the sum of f(p[i]) in the same order (var's squared deviations, NOTE: [Fused
// squared deviations] in reduce_simd.cpp).
template <class T, bool kContiguous, class F = AsIs>
T pairwise_sum_run(const char* p, std::int64_t n, std::int64_t stride, F f = {}) {
  auto at = [&](std::int64_t i) {
    if constexpr (kContiguous) return f(reinterpret_cast<const T*>(p)[i]);
    else return f(*reinterpret_cast<const T*>(p + i * stride));
  };
  if (n < 8) {
    T s = T(-0.0);
    for (std::int64_t i = 0; i < n; ++i) s += at(i);
    return s;
  }
  if (n <= kPairwiseBlock) {
    T r[8];
    for (int k = 0; k < 8; ++k) r[k] = at(k);
    std::int64_t i = 8;
    for (; i + 8 <= n; i += 8)
      for (int k = 0; k < 8; ++k) r[k] += at(i + k);
    T s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) s += at(i);
    return s;
  }
  const std::int64_t half = pairwise_split(n);
  return pairwise_sum_run<T, kContiguous>(p, half, stride, f) +
         pairwise_sum_run<T, kContiguous>(p + half * stride, n - half, stride, f);
}

// (x - mean)^2 with each operation rounded, as NumPy's var computes it before summing.
template <class T>
struct SquaredDeviation {
  T mean;
  T operator()(T x) const {
    const T t = x - mean;
    return t * t;
  }
};

// The sum of (p[i] - mean)^2 over a contiguous run in pairwise order: the bits of
// simd_pairwise_sum over an array holding the squares (NOTE: [Fused squared deviations]).
float simd_pairwise_sum_squared_deviations(const float* p, std::int64_t n, float mean);
double simd_pairwise_sum_squared_deviations(const double* p, std::int64_t n, double mean);
// out[i] += (in[r * row_stride + i] - mean[i])^2 for rows r = 0 .. rows - 1 in order: the
// bits of simd_add_rows_into over the squares.
void simd_add_squared_deviation_rows_into(float* out, const float* in, const float* mean, std::int64_t n,
                                          std::int64_t rows, std::int64_t row_stride);
void simd_add_squared_deviation_rows_into(double* out, const double* in, const double* mean, std::int64_t n,
                                          std::int64_t rows, std::int64_t row_stride);

// The contiguous pairwise sum with Highway (reduce_simd.cpp): the same result.
float simd_pairwise_sum(const float* p, std::int64_t n);
double simd_pairwise_sum(const double* p, std::int64_t n);
// out[r * out_stride] += simd_pairwise_sum(in + r * row_stride, n) for rows r = 0 ..
// rows - 1 in order (strides in elements): a sum along the last axis in one call.
void simd_pairwise_sum_rows_into(float* out, std::int64_t out_stride, const float* in, std::int64_t n,
                                 std::int64_t rows, std::int64_t row_stride);
void simd_pairwise_sum_rows_into(double* out, std::int64_t out_stride, const double* in, std::int64_t n,
                                 std::int64_t rows, std::int64_t row_stride);

template <class T>
T pairwise_sum(const char* p, std::int64_t n, std::int64_t stride) {
  if (stride == static_cast<std::int64_t>(sizeof(T))) {
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>)
      return simd_pairwise_sum(reinterpret_cast<const T*>(p), n);
    else
      return pairwise_sum_run<T, true>(p, n, stride);
  }
  return pairwise_sum_run<T, false>(p, n, stride);
}

// out[i] += in[i] with the machine's widest vectors (reduce_simd.cpp, NOTE: [Vectorised
// reduction loops]); out and in do not overlap.
void simd_add_into(float* out, const float* in, std::int64_t n);
void simd_add_into(double* out, const double* in, std::int64_t n);

// out[i] += in[r * row_stride + i] for i < n and rows r = 0 .. rows - 1 in order
// (row_stride in elements): a sum over axis 0 of a C-order block in one call.
void simd_add_rows_into(float* out, const float* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride);
void simd_add_rows_into(double* out, const double* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride);

// The largest of p[0, n), n >= 1, with the machine's widest vectors; when p holds a NaN
// the result is unspecified (softmax, its caller, turns a NaN row into NaNs whatever
// the shift).
float simd_max_value(const float* p, std::int64_t n);
double simd_max_value(const double* p, std::int64_t n);

// max/min with the machine's widest vectors (reduce_extremum.cpp, NOTE: [Vectorised max
// and min]). simd_extremum finds the extreme of p[0, n) into *result, or returns false
// when the scalar loop must decide (a zero extreme, a possible NaN, a short run);
// simd_extremum_into is out[i] = Maximum/Minimum::apply(out[i], in[i]), bit for bit;
// simd_extremum_rows_into is simd_extremum_into for rows 0, 1, ... of in, row_stride
// apart; simd_extremum_of_rows folds each contiguous row r (row_stride apart, n
// elements) into out[r * out_stride] in order, as reduce_loop would one row at a time
// (NOTE: [Rows of extremes]); simd_arg_extremum_of_rows is argmax/argmin (NumPy's rule)
// of each row into out[r].
#define LINA_DECLARE_EXTREMUM(T, NAME)                                                                    \
  bool simd_extremum(bool is_max, const T* p, std::int64_t n, T* result);                                \
  void simd_extremum_into(bool is_max, T* out, const T* in, std::int64_t n);                             \
  void simd_extremum_rows_into(bool is_max, T* out, const T* in, std::int64_t n, std::int64_t rows,      \
                               std::int64_t row_stride);                                                 \
  void simd_extremum_of_rows(bool is_max, T* out, std::int64_t out_stride, const T* in, std::int64_t n,  \
                             std::int64_t rows, std::int64_t row_stride);                                \
  void simd_arg_extremum_of_rows(bool is_max, const T* in, std::int64_t n, std::int64_t rows,            \
                                 std::int64_t row_stride, std::int64_t* out);
LINA_KERNEL_ELEMENT_TYPES(LINA_DECLARE_EXTREMUM)
#undef LINA_DECLARE_EXTREMUM

// The index of the first p[i] that is nonzero (want_nonzero) or zero (otherwise), or n:
// what decides any() and all() of a contiguous run (reduce_any_all.cpp, NOTE: [any and
// all with an early exit]). NaN is nonzero and -0.0 zero, as in NumPy.
#define LINA_DECLARE_FIND_FIRST_TRUTH(T, NAME) \
  std::int64_t simd_find_first_truth(const T* p, std::int64_t n, bool want_nonzero);
LINA_KERNEL_ELEMENT_TYPES(LINA_DECLARE_FIND_FIRST_TRUTH)
#undef LINA_DECLARE_FIND_FIRST_TRUTH

// The sum of p[0, n) as int64, wrapping around as NumPy's int64 sums do: bool (as its
// bytes), uint8, int32 and int64 widened in registers (reduce_integer_sum.cpp, NOTE:
// [Integer sums without a widened copy]).
std::int64_t simd_integer_sum(const std::uint8_t* p, std::int64_t n);
std::int64_t simd_integer_sum(const std::int32_t* p, std::int64_t n);
std::int64_t simd_integer_sum(const std::int64_t* p, std::int64_t n);

// argmax/argmin down the columns of a C-order block (rows row_stride apart, n columns):
// best and index must hold row 0 and 0 on entry and hold each column's extreme and the
// first row holding it (NumPy's rule) on return. The index type has the lanes' width
// (rows must fit it); the element types that have the kernel:
template <class T>
using ColumnIndex = std::conditional_t<sizeof(T) == 4, std::int32_t, std::int64_t>;
#define LINA_ARG_COLUMNS_TYPES(X) \
  X(float, F32)                   \
  X(double, F64)                  \
  X(std::int32_t, I32)            \
  X(std::int64_t, I64)
#define LINA_DECLARE_ARG_COLUMNS(T, NAME)                                                                \
  void simd_arg_extremum_columns(bool is_max, const T* in, std::int64_t rows, std::int64_t n,            \
                                 std::int64_t row_stride, T* best, ColumnIndex<T>* index);
LINA_ARG_COLUMNS_TYPES(LINA_DECLARE_ARG_COLUMNS)
#undef LINA_DECLARE_ARG_COLUMNS

// The type simd_extremum works in for T and Op, or void when they have no kernel.
template <class Op, class T>
using ExtremumKernelType =
    std::conditional_t<std::is_same_v<Op, Maximum> || std::is_same_v<Op, Minimum>, KernelElementType<T>, void>;

template <class Op, class T, bool kPairwise>
void reduce_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  if (st[0] == 0) {
    T& acc = *reinterpret_cast<T*>(p[0]);
    if constexpr (kPairwise) {
      acc = Op::apply(acc, pairwise_sum<T>(p[1], n, st[1]));
    } else {
      using K = ExtremumKernelType<Op, T>;
      if constexpr (!std::is_void_v<K>) {
        K r;
        if (st[1] == sizeof(T) &&
            simd_extremum(std::is_same_v<Op, Maximum>, reinterpret_cast<const K*>(p[1]), n, &r)) {
          acc = Op::apply(acc, static_cast<T>(r));
          return;
        }
      }
      T a = acc;
      const char* x = p[1];
      for (std::int64_t i = 0; i < n; ++i, x += st[1]) a = Op::apply(a, *reinterpret_cast<const T*>(x));
      acc = a;
    }
    return;
  }
  if (st[0] == sizeof(T) && st[1] == sizeof(T)) {
    T* out = reinterpret_cast<T*>(p[0]);
    const T* in = reinterpret_cast<const T*>(p[1]);
    if constexpr (std::is_same_v<Op, Add> && (std::is_same_v<T, float> || std::is_same_v<T, double>)) {
      simd_add_into(out, in, n);
      return;
    }
    using K = ExtremumKernelType<Op, T>;
    if constexpr (!std::is_void_v<K>) {
      simd_extremum_into(std::is_same_v<Op, Maximum>, reinterpret_cast<K*>(out), reinterpret_cast<const K*>(in), n);
      return;
    }
    for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(out[i], in[i]);
    return;
  }
  char* o = p[0];
  const char* x = p[1];
  for (std::int64_t i = 0; i < n; ++i, o += st[0], x += st[1])
    *reinterpret_cast<T*>(o) = Op::apply(*reinterpret_cast<T*>(o), *reinterpret_cast<const T*>(x));
}

}  // namespace lina::kernels
