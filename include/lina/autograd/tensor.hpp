// lina::autograd::Tensor — an Array that remembers how it was computed, so that
// backward() can apply the chain rule through every recorded operation.
//
// A Tensor is a shared handle (copying it copies the handle, as in PyTorch): the
// value, the accumulated gradient and the node that made it live in one shared
// record. Operations on tensors (functions.hpp) compute their value with lina's
// array functions and, when an input requires a gradient and grad mode is on, record
// a Node holding the inputs and a backward rule. backward() walks the recorded graph
// once in reverse topological order, so each node's rule runs once with the sum of
// all gradients that reach it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "lina/core/array.hpp"

namespace lina::autograd {

class Tensor;

// The backward rule of one operation: given the gradient of the result and which
// inputs need a gradient, return one gradient per input, each of that input's shape
// (entries for inputs that need none may be left empty).
using BackwardRule = std::function<std::vector<Array>(const Array& grad, const std::vector<bool>& needs)>;

// One recorded operation.
struct Node {
  std::string op;              // names the operation in errors ("matmul", "sum", ...)
  std::vector<Tensor> inputs;  // keeps the inputs (and so the graph behind them) alive
  BackwardRule backward;
};

namespace detail {
struct TensorRecord {
  Array value;
  Array grad;
  bool has_grad = false;
  bool requires_grad = false;
  std::shared_ptr<Node> node;  // null for leaves
};
}  // namespace detail

class Tensor {
 public:
  // An empty float32 leaf of shape (0,).
  Tensor();
  // A leaf holding `value` (not copied: it shares the array's storage). A leaf that
  // requires a gradient must be float32 or float64 (TypeError otherwise).
  explicit Tensor(Array value, bool requires_grad = false);

  const Array& value() const { return rec_->value; }
  // Mutable access, for optimizers that update parameters in place. Changing the value
  // of a tensor that a recorded graph still uses changes what backward() computes.
  Array& mutable_value() { return rec_->value; }

  const Shape& shape() const { return rec_->value.shape(); }
  std::int64_t shape(int axis) const { return rec_->value.shape(axis); }
  int ndim() const { return rec_->value.ndim(); }
  std::int64_t size() const { return rec_->value.size(); }
  DType dtype() const { return rec_->value.dtype(); }
  // The value of a one-element tensor as double.
  double item() const;

  bool requires_grad() const { return rec_->requires_grad; }
  Tensor& set_requires_grad(bool on = true);
  bool is_leaf() const { return !rec_->node; }
  // The operation that made this tensor ("leaf" for leaves).
  std::string op() const { return rec_->node ? rec_->node->op : "leaf"; }

  // The gradient accumulated by backward() (leaves only); ValueError if none yet.
  const Array& grad() const;
  bool has_grad() const { return rec_->has_grad; }
  // Forgets the gradient (as PyTorch's zero_grad(set_to_none=True)).
  void zero_grad();

  // Backpropagates from a one-element tensor (gradient 1) ...
  void backward() const;
  // ... or from any tensor with the given upstream gradient of its shape.
  void backward(const Array& grad) const;

  // A leaf sharing this value, cut from the graph.
  Tensor detach() const { return Tensor(rec_->value, false); }

  // Basic indexing and slicing (views in the forward pass), as Array::index.
  Tensor index(std::span<const Index> idx) const;
  Tensor index(std::initializer_list<Index> idx) const {
    return index(std::span<const Index>(idx.begin(), idx.size()));
  }
  template <class... I>
  Tensor operator()(I&&... idx) const {
    return index({Index(std::forward<I>(idx))...});
  }
  Tensor T() const;

  // Identity of the shared record (two handles to one tensor compare equal).
  bool same_as(const Tensor& other) const { return rec_ == other.rec_; }

  // Used by operations to record a result; see functions.cpp.
  static Tensor from_op(Array value, std::string op, std::vector<Tensor> inputs, BackwardRule rule);

 private:
  friend class GradEngine;
  std::shared_ptr<detail::TensorRecord> rec_;
};

// Whether operations record graphs on this thread (on by default).
bool is_grad_enabled();

// Turns recording off for its lifetime (evaluation, optimizer steps).
class NoGradGuard {
 public:
  NoGradGuard();
  ~NoGradGuard();
  NoGradGuard(const NoGradGuard&) = delete;
  NoGradGuard& operator=(const NoGradGuard&) = delete;

 private:
  bool previous_;
};

// Sums a gradient of a broadcast result back to the shape of the operand that was
// broadcast (the one place where broadcasting is undone).
Array sum_to_shape(const Array& grad, const Shape& shape);

}  // namespace lina::autograd
