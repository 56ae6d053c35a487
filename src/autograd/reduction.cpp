// Differentiable reductions: the gradient of a reduced result spreads back over the
// reduced axes.
#include <algorithm>

#include "lina/autograd/functions.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina::autograd {
namespace {

using Grads = std::vector<Array>;

// The shape the result would have with keepdims=true.
Shape kept_shape(const Shape& shape, const std::vector<int>& axes) {
  Shape kept = shape;
  for (int ax : axes) kept[static_cast<std::size_t>(ax)] = 1;
  return kept;
}

Shape dropped_shape(const Shape& shape, const std::vector<int>& axes) {
  Shape out;
  for (int i = 0; i < static_cast<int>(shape.size()); ++i)
    if (std::find(axes.begin(), axes.end(), i) == axes.end()) out.push_back(shape[static_cast<std::size_t>(i)]);
  return out;
}

std::int64_t reduced_count(const Shape& shape, const std::vector<int>& axes) {
  std::int64_t n = 1;
  for (int ax : axes) n *= shape[static_cast<std::size_t>(ax)];
  return n;
}

}  // namespace

Tensor sum(const Tensor& a, const Axes& axis, bool keepdims) {
  Array value = lina::sum(a.value(), axis, keepdims);  // validates the axes
  const std::vector<int> axes = axis.normalize(a.ndim(), "sum");
  return Tensor::from_op(std::move(value), "sum", {a},
                         [kept = kept_shape(a.shape(), axes), shape = a.shape()](const Array& g,
                                                                                 const std::vector<bool>&) {
                           return Grads{lina::broadcast_to(g.reshape(kept), shape)};
                         });
}

Tensor mean(const Tensor& a, const Axes& axis, bool keepdims) {
  Array value = lina::mean(a.value(), axis, keepdims);
  const std::vector<int> axes = axis.normalize(a.ndim(), "mean");
  const std::int64_t n = reduced_count(a.shape(), axes);
  return Tensor::from_op(std::move(value), "mean", {a},
                         [kept = kept_shape(a.shape(), axes), shape = a.shape(), n](const Array& g,
                                                                                    const std::vector<bool>&) {
                           return Grads{lina::broadcast_to(g.reshape(kept) / static_cast<double>(n), shape)};
                         });
}

Tensor max(const Tensor& a, const Axes& axis, bool keepdims) {
  Array av = a.value();
  const std::vector<int> axes = axis.normalize(a.ndim(), "max");
  Array top = lina::max(av, axis, /*keepdims=*/true);
  Array value = keepdims ? top : top.reshape(dropped_shape(a.shape(), axes));
  return Tensor::from_op(std::move(value), "max", {a},
                         [av, top, axes, kept = kept_shape(a.shape(), axes)](const Array& g,
                                                                             const std::vector<bool>&) {
                           // Every element equal to the maximum shares the gradient.
                           Array is_top = lina::equal(av, top);
                           Array ties = lina::sum(is_top, Axes(axes), true).astype(av.dtype());
                           return Grads{lina::where(is_top, g.reshape(kept) / ties, 0)};
                         });
}

}  // namespace lina::autograd
