// The Highway kernels of a + b, a - b, a * b, a / b, relu(a + b) and a * b + c over
// contiguous float runs (NOTE:
// [Vectorised arithmetic] in elementwise_arith.cpp), called from binary_loop.
#pragma once

#include <cstdint>

namespace lina::kernels {

enum ArithOpCode : int { kAddOp, kSubtractOp, kMultiplyOp, kDivideOp, kAddReluOp };
enum OperandKinds : int {
  kBothContiguous,  // a[i] op b[i]
  kScalarB,         // a[i] op b[0]
  kScalarA,         // a[0] op b[i]
};

// out[i] = a op b over n elements; writes with streaming stores while t_stream_stores
// (stream_stores.hpp) is set.
void simd_arith(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n);
void simd_arith(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n);

// out[i] = a[i] * b[i] + c[i] (the product rounded first), all contiguous.
void simd_multiply_add(const float* a, const float* b, const float* c, float* out, std::int64_t n);
void simd_multiply_add(const double* a, const double* b, const double* c, double* out, std::int64_t n);

}  // namespace lina::kernels
