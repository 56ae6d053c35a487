// Tests on values: NaN/inf classification and (approximate) equality of arrays, as
// numpy.isnan, isinf, isfinite, isclose, allclose and array_equal.
#pragma once

#include "lina/core/array.hpp"

namespace lina {

// Bool arrays of a's shape. Integer and bool inputs are always finite.
Array isnan(const Array& a);
Array isinf(const Array& a);
Array isfinite(const Array& a);

// |a - b| <= atol + rtol * |b| elementwise (broadcasting), inf equal to inf of the same
// sign; NaN equal to NaN only with equal_nan.
Array isclose(const Array& a, const Array& b, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false);
bool allclose(const Array& a, const Array& b, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false);
// Same shape and equal elements (NaN never equal unless equal_nan).
bool array_equal(const Array& a, const Array& b, bool equal_nan = false);

}  // namespace lina
