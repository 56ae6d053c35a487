// Shapes, strides and the helpers every layer uses to talk about them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "lina/core/small_vector.hpp"

namespace lina {

// Up to kInlineDims dimensions are stored inside the Shape object, so making a
// small array allocates nothing for its shape and strides. Both convert to and from
// std::vector<std::int64_t>.
inline constexpr std::size_t kInlineDims = 6;
using Shape = SmallVector<std::int64_t, kInlineDims>;    // sizes, outermost first
using Strides = SmallVector<std::int64_t, kInlineDims>;  // in bytes, as NumPy's

// Product of the sizes (1 for a 0-d shape); throws ValueError on overflow or a
// negative size.
std::int64_t shape_size(const Shape& shape);

// NumPy's tuple spelling: "()", "(3,)", "(2, 3)".
std::string shape_str(const Shape& shape);
// Compact spelling used in error messages: "(2,3)", "(3,)", "()".
std::string shape_str_compact(const Shape& shape);

// Row-major strides in bytes for `shape` with elements of `itemsize` bytes.
Strides c_strides(const Shape& shape, std::int64_t itemsize);
// Column-major strides in bytes.
Strides f_strides(const Shape& shape, std::int64_t itemsize);

// Maps a possibly negative axis into [0, ndim); throws IndexError naming `op`.
int normalize_axis(std::int64_t axis, int ndim, const char* op);

// The broadcast shape of two or more shapes (NumPy rules); throws ShapeError:
// "OP: operands could not be broadcast together: shapes (2,3) and (4,): axis -1 has
//  sizes 3 and 4; sizes must match or one must be 1".
Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op = "broadcast_shapes");
Shape broadcast_shapes(const std::vector<Shape>& shapes, const char* op = "broadcast_shapes");

}  // namespace lina
