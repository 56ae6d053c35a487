// The two 2-D losses the pictures use. Each is written once, on autograd tensors; its
// value and its gradient on lina Arrays (a whole meshgrid, or a single point of shape
// (1,)) both come from that one definition: the gradient is a backward pass.
#pragma once

#include <utility>

#include "lina/autograd.hpp"
#include "lina/lina.hpp"

namespace losses {

using lina::Array;
using lina::autograd::Tensor;

// A quadratic bowl with unequal curvature: f(x, y) = x^2/2 + 5 y^2. The curvature is
// 1 along x and 10 along y, so plain gradient descent converges for learning rates
// below 2/10 = 0.2 and zig-zags across the narrow y direction as it approaches that.
inline Tensor bowl(const Tensor& x, const Tensor& y) { return 0.5 * x * x + 5.0 * y * y; }

// Rosenbrock's banana valley: f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1).
inline Tensor rosenbrock(const Tensor& x, const Tensor& y) {
  const Tensor r = y - x * x;
  return (1.0 - x) * (1.0 - x) + 100.0 * r * r;
}

// f at every point (no graph recorded).
template <class F>
Array value_of(F f, const Array& x, const Array& y) {
  lina::autograd::NoGradGuard no_grad;
  return f(Tensor(x.astype(lina::float64)), Tensor(y.astype(lina::float64))).value();
}

// (df/dx, df/dy) at every point: f is elementwise, so one backward pass with an
// upstream gradient of ones gives all the pointwise derivatives at once.
template <class F>
std::pair<Array, Array> gradient_of(F f, const Array& x, const Array& y) {
  Tensor tx(x.astype(lina::float64), true), ty(y.astype(lina::float64), true);
  const Tensor v = f(tx, ty);
  v.backward(lina::ones_like(v.value()));
  return {tx.grad(), ty.grad()};
}

inline Array bowl_value(const Array& x, const Array& y) { return value_of(bowl, x, y); }
inline std::pair<Array, Array> bowl_gradient(const Array& x, const Array& y) { return gradient_of(bowl, x, y); }
inline Array rosenbrock_value(const Array& x, const Array& y) { return value_of(rosenbrock, x, y); }
inline std::pair<Array, Array> rosenbrock_gradient(const Array& x, const Array& y) {
  return gradient_of(rosenbrock, x, y);
}

}  // namespace losses
