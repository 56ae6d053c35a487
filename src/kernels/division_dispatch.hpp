// The one switch of the division kernels (integer_division.cpp, float_division.cpp):
// from the run-time operation and operand kinds to a compile-time pair, so that each
// (operation, kinds) run is its own instantiation without branches in its loop.
#pragma once

#include <type_traits>

#include "kernels/elementwise_arith.hpp"
#include "kernels/integer_division.hpp"

namespace lina::kernels {

// Calls run(op_constant, kinds_constant), each a std::integral_constant<int, ...>, for
// op kFloorDivideOp or kRemainderOp and kinds kBothContiguous, kScalarB or kScalarA.
template <class Run>
void dispatch_division(int op, int kinds, Run&& run) {
  using Floor = std::integral_constant<int, kFloorDivideOp>;
  using Rem = std::integral_constant<int, kRemainderOp>;
  using Both = std::integral_constant<int, kBothContiguous>;
  using ScalarB = std::integral_constant<int, kScalarB>;
  using ScalarA = std::integral_constant<int, kScalarA>;
  if (op == kFloorDivideOp) {
    if (kinds == kBothContiguous) return run(Floor{}, Both{});
    if (kinds == kScalarB) return run(Floor{}, ScalarB{});
    return run(Floor{}, ScalarA{});
  }
  if (kinds == kBothContiguous) return run(Rem{}, Both{});
  if (kinds == kScalarB) return run(Rem{}, ScalarB{});
  return run(Rem{}, ScalarA{});
}

}  // namespace lina::kernels
