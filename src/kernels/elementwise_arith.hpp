// The Highway kernels of a + b, a - b, a * b, a / b, maximum, minimum, relu(a + b),
// a * b + c and (a - b) / c over contiguous float runs (and the integer ones of int32/int64) (NOTE:
// [Vectorised arithmetic] in elementwise_arith.cpp), called from binary_loop.
#pragma once

#include <cstdint>

#include "kernels/kernel_element_types.hpp"

namespace lina::kernels {

enum ArithOpCode : int { kAddOp, kSubtractOp, kMultiplyOp, kDivideOp, kAddReluOp, kMaximumOp, kMinimumOp };
enum OperandKinds : int {
  kBothContiguous,  // a[i] op b[i]
  kScalarB,         // a[i] op b[0]
  kScalarA,         // a[0] op b[i]
};

// out[i] = a op b over n elements; writes with streaming stores while t_stream_stores
// (stream_stores.hpp) is set.
void simd_arith(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n);
void simd_arith(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n);
// The integer forms (wrapping, as the functors): int32 add, subtract, multiply, maximum,
// minimum; int64 the same but multiply (Highway 1.0 has no 64-bit lane product on x86).
void simd_arith(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n);
void simd_arith(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out, std::int64_t n);

// The comparisons into bool bytes (compare_kernels.cpp, NOTE: [Vectorised comparisons]),
// for float32/float64/int32/int64 and uint8 (also bool, as its 0/1 bytes). isfinite and
// isinf are unary: they read a only (true and false for integers).
enum CompareOpCode : int { kEqualOp, kNotEqualOp, kLessOp, kLessEqualOp, kGreaterOp, kGreaterEqualOp, kIsFiniteOp, kIsInfOp };
#define LINA_DECLARE_COMPARE(T, NAME) \
  void simd_compare(int op, int kinds, const T* a, const T* b, bool* out, std::int64_t n);
LINA_KERNEL_ELEMENT_TYPES(LINA_DECLARE_COMPARE)
#undef LINA_DECLARE_COMPARE

// out[i] = pow(a, b) for float32 (elementwise_power.cpp, NOTE: [Vectorised float32
// power]): within 0.5 ulp plus 2^-7; lanes outside the common range are std::pow's.
// Scalar exponents 2, -1, 0.5, 1 and 0 are one exactly rounded operation (NOTE: [Exact
// scalar exponents]).
void simd_power(int kinds, const float* a, const float* b, float* out, std::int64_t n);
// The same for float64 (NOTE: [Vectorised float64 power]): within 1 ulp.
void simd_power(int kinds, const double* a, const double* b, double* out, std::int64_t n);
// The same for int32 and uint8, exact with wrap-around (NOTE: [Vectorised integer
// power]); int32 exponents must not be negative (power checks them first).
void simd_power(int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n);
void simd_power(int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out, std::int64_t n);

// The fused three-operand expressions (elementwise_fused.hpp), each as its two
// operations rounded one after the other: a * b + c (multiply_add) and (a - b) / c
// (standardize's (x - mean) / std).
enum TernaryOpCode : int { kMultiplyAddOp, kSubtractDivideOp };
// a is contiguous; b and c each contiguous or, with its bit set, a broadcast scalar.
enum TernaryKinds : int { kAllContiguous = 0, kScalarSecond = 1, kScalarThird = 2 };
// out[i] = op(a[i], b[i], c[i]) over n elements; streaming stores as simd_arith's.
void simd_ternary(int op, int kinds, const float* a, const float* b, const float* c, float* out, std::int64_t n);
void simd_ternary(int op, int kinds, const double* a, const double* b, const double* c, double* out,
                  std::int64_t n);
// The same over `rows` rows of a and out (a_stride and out_stride elements apart) that
// share b and c: out_r = op(a_r, b, c), two rows per pass (NOTE: [Rows sharing their
// operands] in elementwise_arith.cpp).
void simd_ternary_rows(int op, int kinds, const float* a, std::int64_t a_stride, const float* b, const float* c,
                       float* out, std::int64_t out_stride, std::int64_t n, std::int64_t rows);
void simd_ternary_rows(int op, int kinds, const double* a, std::int64_t a_stride, const double* b, const double* c,
                       double* out, std::int64_t out_stride, std::int64_t n, std::int64_t rows);

}  // namespace lina::kernels
