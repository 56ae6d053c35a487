// floor_divide and remainder of int32 and uint8 runs through floating-point division
// (NOTE: [Integer division through floats] in integer_division.cpp), either operand a
// broadcast scalar, and of int64 runs by one divisor through its reciprocal (NOTE:
// [Integer division by a scalar]); called from binary_loop.
#pragma once

#include <cstdint>

namespace lina::kernels {

enum IntegerDivisionOp : int { kFloorDivideOp, kRemainderOp };

// out[i] = a op b over n elements (kinds as OperandKinds in elementwise_arith.hpp), the
// FloorDivide / Remainder functors' results: floor division, a remainder with the
// divisor's sign, 0 for a zero divisor, and MIN // -1 wrapping to MIN.
void simd_integer_division(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out,
                           std::int64_t n);
void simd_integer_division(int op, int kinds, const std::uint8_t* a, const std::uint8_t* b, std::uint8_t* out,
                           std::int64_t n);
// int64: vectors whose values all lie within +-2^51 as int32's, the others as below.
void simd_integer_division(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out,
                           std::int64_t n);

// out[i] = a[i] op b for int64 and one divisor b (NOTE: [Integer division by a scalar]);
// the same results as the functors.
void integer_division_by_scalar(int op, const std::int64_t* a, std::int64_t b, std::int64_t* out, std::int64_t n);

}  // namespace lina::kernels
