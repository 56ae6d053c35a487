// The plain elementwise loops compiled once per Highway target and chosen at run time
// (NOTE: [Per-target plain loops] in elementwise_target_loops.cpp), for the operations
// and dtypes that have no Highway kernel of their own but whose loops the compiler
// vectorises. binary_loop / unary_loop (elementwise_loops.hpp) send their contiguous
// runs here when the row is listed below.
#pragma once

#include <cstdint>

#include "kernels/elementwise_functors.hpp"

// The rows, as X(Op, input type, result type). A row here is compiled for every target;
// one that is not keeps the baseline loop in the file that instantiates it. Listed:
// the loops that vectorise and gain from wider registers (uint8 and bool arithmetic,
// int64 multiply, the logical operations, integer negative/abs/relu, sign and square;
// uint8 abs and relu are copies, which the compiler makes memmove). Not listed:
// those with a Highway kernel (float and int32/int64 add/subtract/maximum/minimum,
// comparisons, the float unary functions), integer division, remainder and power (no
// vector integer division; data-dependent loops) and the libm calls.
#define LINA_TARGET_BINARY_LOOPS(X)            \
  X(Add, bool, bool)                           \
  X(Add, std::uint8_t, std::uint8_t)           \
  X(Subtract, std::uint8_t, std::uint8_t)      \
  X(Multiply, bool, bool)                      \
  X(Multiply, std::uint8_t, std::uint8_t)      \
  X(Multiply, std::int64_t, std::int64_t)      \
  X(Maximum, bool, bool)                       \
  X(Maximum, std::uint8_t, std::uint8_t)       \
  X(Minimum, bool, bool)                       \
  X(Minimum, std::uint8_t, std::uint8_t)       \
  X(LogicalAnd, bool, bool)                    \
  X(LogicalOr, bool, bool)                     \
  X(LogicalXor, bool, bool)

#define LINA_TARGET_UNARY_LOOPS(X)             \
  X(Negative, std::uint8_t, std::uint8_t)      \
  X(Negative, std::int32_t, std::int32_t)      \
  X(Negative, std::int64_t, std::int64_t)      \
  X(Abs, std::int32_t, std::int32_t)           \
  X(Abs, std::int64_t, std::int64_t)           \
  X(Sign, std::uint8_t, std::uint8_t)          \
  X(Sign, std::int32_t, std::int32_t)          \
  X(Sign, std::int64_t, std::int64_t)          \
  X(Sign, float, float)                        \
  X(Sign, double, double)                      \
  X(Square, std::uint8_t, std::uint8_t)        \
  X(Square, std::int32_t, std::int32_t)        \
  X(Square, std::int64_t, std::int64_t)        \
  X(Square, float, float)                      \
  X(Square, double, double)                    \
  X(Relu, std::int32_t, std::int32_t)          \
  X(Relu, std::int64_t, std::int64_t)          \
  X(LogicalNot, bool, bool)                    \
  X(LogicalNot, std::uint8_t, bool)            \
  X(LogicalNot, std::int32_t, bool)            \
  X(LogicalNot, std::int64_t, bool)            \
  X(LogicalNot, float, bool)                   \
  X(LogicalNot, double, bool)

namespace lina::kernels {

// Whether (Op, T, R) is listed above.
template <class Op, class T, class R>
inline constexpr bool kHasTargetBinaryLoop = false;
template <class Op, class T, class R>
inline constexpr bool kHasTargetUnaryLoop = false;
#define LINA_TARGET_ROW_BINARY(Op, T, R) \
  template <>                            \
  inline constexpr bool kHasTargetBinaryLoop<Op, T, R> = true;
#define LINA_TARGET_ROW_UNARY(Op, T, R) \
  template <>                           \
  inline constexpr bool kHasTargetUnaryLoop<Op, T, R> = true;
LINA_TARGET_BINARY_LOOPS(LINA_TARGET_ROW_BINARY)
LINA_TARGET_UNARY_LOOPS(LINA_TARGET_ROW_UNARY)
#undef LINA_TARGET_ROW_BINARY
#undef LINA_TARGET_ROW_UNARY

// out[i] = Op(a, b) over n elements, a and b contiguous or one of them a broadcast
// scalar as `kinds` says (OperandKinds, elementwise_arith.hpp); out contiguous and
// either disjoint from the inputs or the very same elements as one of them (a += b).
// Defined for the listed rows only.
template <class Op, class T, class R>
void target_binary_loop(int kinds, const T* a, const T* b, R* out, std::int64_t n);

// out[i] = Op(a[i]) over n contiguous elements (the same aliasing rule).
template <class Op, class T, class R>
void target_unary_loop(const T* a, R* out, std::int64_t n);

}  // namespace lina::kernels
