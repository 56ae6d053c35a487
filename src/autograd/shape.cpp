// Differentiable shape operations: the gradient of a view is the gradient put back
// where the view came from.
#include <numeric>

#include "lina/autograd/functions.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina::autograd {
namespace {

using Grads = std::vector<Array>;

std::vector<int> inverse_permutation(const std::vector<int>& axes, int ndim) {
  std::vector<int> inv(static_cast<std::size_t>(ndim));
  for (int i = 0; i < ndim; ++i) {
    int ax = axes[static_cast<std::size_t>(i)];
    if (ax < 0) ax += ndim;
    inv[static_cast<std::size_t>(ax)] = i;
  }
  return inv;
}

// Operations whose gradient is the incoming gradient reshaped to the input's shape.
Tensor reshaping(const char* op, Array value, const Tensor& a) {
  return Tensor::from_op(std::move(value), op, {a}, [shape = a.shape()](const Array& g, const std::vector<bool>&) {
    return Grads{g.reshape(shape)};
  });
}

}  // namespace

Tensor transpose(const Tensor& a) {
  return Tensor::from_op(lina::transpose(a.value()), "transpose", {a},
                         [](const Array& g, const std::vector<bool>&) { return Grads{lina::transpose(g)}; });
}

Tensor transpose(const Tensor& a, const std::vector<int>& axes) {
  Array value = lina::transpose(a.value(), axes);  // validates the axes
  return Tensor::from_op(std::move(value), "transpose", {a},
                         [inv = inverse_permutation(axes, a.ndim())](const Array& g, const std::vector<bool>&) {
                           return Grads{lina::transpose(g, inv)};
                         });
}

Tensor Tensor::T() const { return transpose(*this); }

Tensor reshape(const Tensor& a, const Shape& shape) { return reshaping("reshape", lina::reshape(a.value(), shape), a); }

Tensor expand_dims(const Tensor& a, const Axes& axis) {
  return reshaping("expand_dims", lina::expand_dims(a.value(), axis), a);
}

Tensor squeeze(const Tensor& a, const Axes& axis) { return reshaping("squeeze", lina::squeeze(a.value(), axis), a); }

Tensor Tensor::index(std::span<const Index> idx) const {
  std::vector<Index> kept(idx.begin(), idx.end());
  return Tensor::from_op(rec_->value.index(idx), "index", {*this},
                         [kept, shape = shape(), dtype = dtype()](const Array& g, const std::vector<bool>&) {
                           // Basic indexing reaches each element at most once, so the
                           // gradient is scattered by one assignment into the view.
                           Array scattered = zeros(shape, dtype);
                           scattered.index(kept).assign(g);
                           return Grads{scattered};
                         });
}

namespace {

void require_nonempty(const std::vector<Tensor>& tensors, const char* op) {
  if (tensors.empty()) throw ValueError(std::string(op) + ": need at least one tensor, got none");
}

std::vector<Array> values_of(const std::vector<Tensor>& tensors) {
  std::vector<Array> v;
  v.reserve(tensors.size());
  for (const Tensor& t : tensors) v.push_back(t.value());
  return v;
}

}  // namespace

Tensor concatenate(const std::vector<Tensor>& tensors, int axis) {
  require_nonempty(tensors, "concatenate");
  Array value = lina::concatenate(values_of(tensors), axis);  // validates shapes and axis
  const int ax = axis < 0 ? axis + value.ndim() : axis;
  std::vector<std::int64_t> cuts;
  std::int64_t at = 0;
  for (std::size_t i = 0; i + 1 < tensors.size(); ++i) cuts.push_back(at += tensors[i].shape(ax));
  return Tensor::from_op(std::move(value), "concatenate", tensors,
                         [cuts, ax](const Array& g, const std::vector<bool>&) { return lina::split(g, cuts, ax); });
}

Tensor stack(const std::vector<Tensor>& tensors, int axis) {
  require_nonempty(tensors, "stack");
  Array value = lina::stack(values_of(tensors), axis);
  const int ax = axis < 0 ? axis + value.ndim() : axis;
  const auto n = static_cast<std::int64_t>(tensors.size());
  return Tensor::from_op(std::move(value), "stack", tensors,
                         [n, ax, shape = tensors[0].shape()](const Array& g, const std::vector<bool>&) {
                           Grads parts = lina::split(g, n, ax);
                           for (Array& p : parts) p = p.reshape(shape);
                           return parts;
                         });
}

}  // namespace lina::autograd
