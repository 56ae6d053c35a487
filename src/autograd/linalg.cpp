// Differentiable products: matmul (numpy.matmul's rules), dot and the fused linear
// layer x @ W.T + b.
#include "lina/autograd/functions.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/linalg.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina::autograd {
namespace {

using Grads = std::vector<Array>;

Array swap_last(const Array& a) { return lina::swapaxes(a, -1, -2); }

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
  Array av = a.value(), bv = b.value();
  Array value = lina::matmul(av, bv);  // validates the shapes
  return Tensor::from_op(std::move(value), "matmul", {a, b}, [av, bv](const Array& g, const std::vector<bool>& needs) {
    // Work with 1-D operands as matmul does: a vector on the left is a row (1, k),
    // on the right a column (k, 1); the gradient gets the removed axes back first.
    const bool a_vec = av.ndim() == 1, b_vec = bv.ndim() == 1;
    Array a2 = a_vec ? av.reshape({1, av.shape(0)}) : av;
    Array b2 = b_vec ? bv.reshape({bv.shape(0), 1}) : bv;
    Shape g_shape = g.shape();
    if (a_vec) g_shape.insert(g_shape.end() - (b_vec ? 0 : 1), 1);
    if (b_vec) g_shape.push_back(1);
    Array g2 = g.reshape(g_shape);
    Grads out(2);
    if (needs[0]) out[0] = sum_to_shape(lina::matmul(g2, swap_last(b2)), a2.shape()).reshape(av.shape());
    if (needs[1]) out[1] = sum_to_shape(lina::matmul(swap_last(a2), g2), b2.shape()).reshape(bv.shape());
    return out;
  });
}

Tensor dot(const Tensor& a, const Tensor& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return multiply(a, b);
  if (a.ndim() > 2 || b.ndim() > 2)
    throw ValueError("dot: autograd supports operands of up to 2 dimensions, got shapes " +
                     shape_str_compact(a.shape()) + " and " + shape_str_compact(b.shape()) +
                     "; use matmul for stacks of matrices");
  return matmul(a, b);
}

Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias) {
  if (weight.ndim() != 2)
    throw ShapeError("linear: weight must be 2-D (out_features, in_features), got shape " +
                     shape_str_compact(weight.shape()));
  const std::int64_t out_features = weight.shape(0), in_features = weight.shape(1);
  if (x.ndim() < 1 || x.shape(-1) != in_features)
    throw ShapeError("linear: input of shape " + shape_str_compact(x.shape()) + " does not end in " +
                     std::to_string(in_features) + " features (weight shape " +
                     shape_str_compact(weight.shape()) + ")");
  const bool has_bias = !(bias.ndim() == 1 && bias.size() == 0);  // Tensor() means none
  if (has_bias && bias.shape() != Shape{out_features})
    throw ShapeError("linear: bias of shape " + shape_str_compact(bias.shape()) + " for weight of shape " +
                     shape_str_compact(weight.shape()) + "; expected (" + std::to_string(out_features) + ",)");

  // Rows of x as one matrix (batch dimensions flattened) so the product is one GEMM.
  Array xv = x.value(), wv = weight.value();
  Array x2 = xv.reshape({-1, in_features});
  Array y = lina::matmul(x2, wv.T());
  if (has_bias) lina::add(y, bias.value(), y);  // in place: no second full-size array
  Shape y_shape = x.shape();
  y_shape.back() = out_features;
  y = y.reshape(y_shape);

  std::vector<Tensor> inputs{x, weight};
  if (has_bias) inputs.push_back(bias);
  return Tensor::from_op(std::move(y), "linear", std::move(inputs),
                         [x2, wv, x_shape = x.shape(), out_features](const Array& g, const std::vector<bool>& needs) {
                           Array g2 = g.reshape({-1, out_features});
                           Grads out(needs.size());
                           if (needs[0]) out[0] = lina::matmul(g2, wv).reshape(x_shape);
                           if (needs[1]) out[1] = lina::matmul(g2.T(), x2);
                           if (needs.size() > 2 && needs[2]) out[2] = lina::sum(g2, 0);
                           return out;
                         });
}

}  // namespace lina::autograd
