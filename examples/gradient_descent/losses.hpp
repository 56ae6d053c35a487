// The two 2-D losses the pictures use, each as a value and a gradient on lina Arrays
// (so one call evaluates a whole meshgrid or a single point of shape (1,)).
//
// The gradients are written out analytically, one function per loss; when lina's
// autograd lands, each `*_gradient` becomes one backward pass through `*_value` and
// nothing else in the examples changes.
#pragma once

#include <utility>

#include "lina/lina.hpp"

namespace losses {

using lina::Array;

// A quadratic bowl with unequal curvature: f(x, y) = x^2/2 + 5 y^2. The curvature is
// 1 along x and 10 along y, so plain gradient descent converges for learning rates
// below 2/10 = 0.2 and zig-zags across the narrow y direction as it approaches that.
inline Array bowl_value(const Array& x, const Array& y) { return 0.5 * lina::square(x) + 5.0 * lina::square(y); }
inline std::pair<Array, Array> bowl_gradient(const Array& x, const Array& y) { return {x, 10.0 * y}; }

// Rosenbrock's banana valley: f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1).
inline Array rosenbrock_value(const Array& x, const Array& y) {
  return lina::square(1.0 - x) + 100.0 * lina::square(y - lina::square(x));
}
inline std::pair<Array, Array> rosenbrock_gradient(const Array& x, const Array& y) {
  const Array r = y - lina::square(x);
  return {-2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r};
}

}  // namespace losses
