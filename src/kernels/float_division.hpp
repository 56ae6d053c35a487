// floor_divide and remainder of float32 and float64 runs through an exact vector fmod
// (NOTE: [Vectorised float floor_divide and remainder] in float_division.cpp); called
// from binary_loop.
#pragma once

#include <cstdint>

namespace lina::kernels {

// out[i] = a op b over n elements (op a kFloorDivideOp or kRemainderOp of
// integer_division.hpp, kinds as OperandKinds in elementwise_arith.hpp), the FloorDivide
// / Remainder functors' results bit for bit (NumPy's npy_divmod). out may be a or b.
void simd_float_division(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n);
void simd_float_division(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n);

}  // namespace lina::kernels
