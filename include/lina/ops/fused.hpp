// Fused elementwise operations: expressions of several operations evaluated in one
// pass over memory, without full-size temporaries (see docs/decisions.md, "Fusion",
// for the measurement that chose explicit functions over a lazy evaluator).
//
// Each gives the values NumPy gives for the spelled-out expression, with NumPy's
// broadcasting and promotion, and has an out= form like the elementwise functions.
#pragma once

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace lina {

// a * b + c in one pass. The product is rounded before the addition, as NumPy's
// `a * b + c` (not C's single-rounding std::fma); the dtype is that of the expression.
// The product is taken in promote(a, b), as NumPy does: where c widens it (float32 *
// float32 + float64, uint8 * uint8 + int32) the expression runs as its two operations.
Array multiply_add(const Array& a, const Array& b, const Array& c);
Array& multiply_add(const Array& a, const Array& b, const Array& c, Array& out);
// The same, under the name the issue tracker and PyTorch users look for.
Array fma(const Array& a, const Array& b, const Array& c);
Array& fma(const Array& a, const Array& b, const Array& c, Array& out);

// relu(x + bias) = maximum(x + bias, 0) in one pass (bias typically a row vector
// broadcast over the rows of x). NaN propagates.
Array add_relu(const Array& x, const Array& bias);
Array& add_relu(const Array& x, const Array& bias, Array& out);

// (x - mean) / std in one pass: standardisation with statistics that broadcast against
// x (a row of per-feature means and deviations, or keepdims results along any axis).
// Each element is the subtraction rounded, then the division, NumPy's values for the
// spelled-out expression, with its promotion: float32 x with float32 statistics stays
// float32, integers give float64. Statistics wider than the data (float32 x, float64
// mean) or integer x - mean run as the two operations, which is what NumPy computes
// there. A zero std gives inf or NaN, as in NumPy.
Array standardize(const Array& x, const Array& mean, const Array& std);
Array& standardize(const Array& x, const Array& mean, const Array& std, Array& out);

// scipy.stats.zscore: (x - mean(x, axis, keepdims)) / std(x, axis, ddof, keepdims), the
// statistics NumPy's mean and std give, then one standardize pass. axis=None
// standardises over the whole array; the result has x's shape.
Array zscore(const Array& x, const Axes& axis = 0, int ddof = 0);

// softmax(x, axis) = exp(x - max) / sum(exp(x - max)) along `axis`, and log_softmax =
// x - max - log(sum(exp(x - max))): one read of each row for the maximum and one pass
// that exponentiates and sums, so no overflow for large logits. Float inputs keep
// their dtype; integer and bool inputs give float64 (as scipy.special.softmax). A row
// holding NaN, or +inf, gives NaN, as the spelled-out NumPy expression does.
Array softmax(const Array& x, int axis = -1);
Array log_softmax(const Array& x, int axis = -1);

}  // namespace lina
