// Reductions, as NumPy's: axis = None (all), an int (negative counts from the end) or
// several; keepdims keeps the reduced axes with size 1.
//
// Result dtypes: sum and prod of bool, uint8 and int32 give int64 (NumPy gives uint64
// for uint8, which lina does not have); mean, var and stddev of integers give float64
// and of float32 stay float32; min and max keep the dtype; argmin and argmax give int64;
// all and any give bool. Float sums use pairwise summation along the contiguous run.
#pragma once

#include <optional>

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace lina {

Array sum(const Array& a, const Axes& axis = {}, bool keepdims = false, std::optional<DType> dtype = std::nullopt);
Array prod(const Array& a, const Axes& axis = {}, bool keepdims = false, std::optional<DType> dtype = std::nullopt);
Array mean(const Array& a, const Axes& axis = {}, bool keepdims = false, std::optional<DType> dtype = std::nullopt);
Array max(const Array& a, const Axes& axis = {}, bool keepdims = false);  // NaN propagates
Array min(const Array& a, const Axes& axis = {}, bool keepdims = false);
inline Array amax(const Array& a, const Axes& axis = {}, bool keepdims = false) { return max(a, axis, keepdims); }
inline Array amin(const Array& a, const Axes& axis = {}, bool keepdims = false) { return min(a, axis, keepdims); }
Array all(const Array& a, const Axes& axis = {}, bool keepdims = false);
Array any(const Array& a, const Axes& axis = {}, bool keepdims = false);
// Variance mean(abs(x - x.mean())**2) with n - ddof in the denominator.
Array var(const Array& a, const Axes& axis = {}, int ddof = 0, bool keepdims = false);
// Standard deviation: NumPy's `std` (named stddev so it never reads as namespace std).
Array stddev(const Array& a, const Axes& axis = {}, int ddof = 0, bool keepdims = false);
// Index of the first maximum (NaN counts as the maximum); over the flattened array
// when axis is none.
Array argmax(const Array& a, std::optional<int> axis = std::nullopt, bool keepdims = false);
Array argmin(const Array& a, std::optional<int> axis = std::nullopt, bool keepdims = false);

}  // namespace lina
