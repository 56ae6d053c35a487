// What the elementwise drivers (elementwise.cpp, fused.cpp) check and copy before their
// loops run: the out= casting rule, inputs that alias the output, and inputs that would
// be read across the output's rows.
#pragma once

#include "lina/core/array.hpp"
#include "lina/core/dtype.hpp"

namespace lina::detail {

// NumPy's casting='same_kind' for writing a result of dtype `from` into an out= of `to`.
bool can_cast_same_kind(DType from, DType to);

// The same view of the same memory: storage, offset, shape, strides and dtype.
bool same_view(const Array& a, const Array& b);

// An input that shares memory with the output but is not the very same view would be
// overwritten while it is read (a += a.T): a copy of it, else the input itself.
Array unalias(const Array& input, const Array& out);

// A C-order copy of an input of the target's shape that would be read across the
// target's rows (a.T into a C-order output), else the input itself (NOTE: [Transposed
// inputs copied first] in operands.cpp).
Array in_output_order(const Array& input, const Array& target);

}  // namespace lina::detail
