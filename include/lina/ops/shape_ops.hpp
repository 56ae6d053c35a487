// Shape manipulation, as NumPy's. Functions that can return a view do (they share
// storage with their input); concatenate, stack and flatten copy.
#pragma once

#include <optional>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace lina {

// One size may be -1 (inferred). A view when the strides allow it, else a copy.
Array reshape(const Array& a, const Shape& shape);
Array transpose(const Array& a);  // reverses the axes
Array transpose(const Array& a, const std::vector<int>& axes);
Array swapaxes(const Array& a, int axis1, int axis2);
Array moveaxis(const Array& a, int source, int destination);
Array moveaxis(const Array& a, const std::vector<int>& source, const std::vector<int>& destination);
// Inserts size-1 axes; the axes index the result.
Array expand_dims(const Array& a, const Axes& axis);
// Removes size-1 axes (all of them when axis is None).
Array squeeze(const Array& a, const Axes& axis = {});
Array ravel(const Array& a);    // a view when possible
Array flatten(const Array& a);  // always a copy

// Joins along an existing axis; dtypes promote. With `axis = none` the inputs are
// flattened first.
Array concatenate(const std::vector<Array>& arrays, std::optional<int> axis = 0);
// Joins along a new axis; shapes must be equal.
Array stack(const std::vector<Array>& arrays, int axis = 0);
// Splits into `sections` equal parts, or at the given indices; views.
std::vector<Array> split(const Array& a, std::int64_t sections, int axis = 0);
std::vector<Array> split(const Array& a, const std::vector<std::int64_t>& indices, int axis = 0);

// A view of `a` at `shape` with stride 0 on the broadcast axes (no copy).
Array broadcast_to(const Array& a, const Shape& shape);
std::vector<Array> broadcast_arrays(const std::vector<Array>& arrays);

}  // namespace lina
