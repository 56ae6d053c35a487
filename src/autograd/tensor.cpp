// The Tensor record, grad mode and the backward pass.
#include "lina/autograd/tensor.hpp"

#include <unordered_map>

#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina::autograd {
namespace {

thread_local bool grad_enabled = true;

bool is_float(DType t) { return t == DType::Float32 || t == DType::Float64; }

}  // namespace

bool is_grad_enabled() { return grad_enabled; }
NoGradGuard::NoGradGuard() : previous_(grad_enabled) { grad_enabled = false; }
NoGradGuard::~NoGradGuard() { grad_enabled = previous_; }

Tensor::Tensor() : Tensor(zeros({0}, DType::Float32)) {}

Tensor::Tensor(Array value, bool requires_grad) : rec_(std::make_shared<detail::TensorRecord>()) {
  rec_->value = std::move(value);
  set_requires_grad(requires_grad);
}

Tensor& Tensor::set_requires_grad(bool on) {
  if (on && !is_float(rec_->value.dtype()))
    throw TypeError("Tensor: only float32 and float64 tensors can require a gradient, got " +
                    std::string(dtype_name(rec_->value.dtype())));
  if (!on && rec_->node)
    throw ValueError("Tensor: set_requires_grad(false) on the result of '" + rec_->node->op +
                     "'; use detach() to cut a tensor from its graph");
  rec_->requires_grad = on;
  return *this;
}

double Tensor::item() const {
  const Array& v = rec_->value;
  if (v.size() != 1)
    throw ValueError("Tensor::item: tensor of shape " + shape_str_compact(v.shape()) +
                     " has " + std::to_string(v.size()) + " elements, item() needs exactly 1");
  return v.astype(DType::Float64).reshape({}).item<double>();
}

const Array& Tensor::grad() const {
  if (!rec_->has_grad)
    throw ValueError("Tensor::grad: no gradient; call backward() on a result of this tensor first (" +
                     std::string(rec_->requires_grad ? "it requires one" : "it does not require one") + ")");
  return rec_->grad;
}

void Tensor::zero_grad() {
  rec_->grad = Array();
  rec_->has_grad = false;
}

Tensor Tensor::from_op(Array value, std::string op, std::vector<Tensor> inputs, BackwardRule rule) {
  Tensor out(std::move(value));
  if (!grad_enabled) return out;
  bool any = false;
  for (const Tensor& t : inputs) any = any || t.requires_grad();
  if (!any) return out;
  out.rec_->requires_grad = true;
  out.rec_->node = std::make_shared<Node>(Node{std::move(op), std::move(inputs), std::move(rule)});
  return out;
}

// The backward pass: order the graph so that each node comes after every node that
// uses its result, then run each rule once with its summed gradient.
class GradEngine {
 public:
  static void run(const Tensor& root, Array seed) {
    using Record = detail::TensorRecord;
    std::vector<Record*> order;  // post-order: inputs before their users
    std::unordered_map<Record*, bool> visited;
    std::vector<std::pair<Record*, std::size_t>> stack{{root.rec_.get(), 0}};
    visited[root.rec_.get()] = true;
    while (!stack.empty()) {
      auto& [rec, next] = stack.back();
      if (rec->node && next < rec->node->inputs.size()) {
        Record* in = rec->node->inputs[next++].rec_.get();
        if (in->requires_grad && !visited[in]) {
          visited[in] = true;
          stack.emplace_back(in, 0);
        }
        continue;
      }
      order.push_back(rec);
      stack.pop_back();
    }

    std::unordered_map<Record*, Array> grads;
    grads.emplace(root.rec_.get(), std::move(seed));
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Record* rec = *it;
      auto found = grads.find(rec);
      if (found == grads.end()) continue;
      Array g = std::move(found->second);
      grads.erase(found);
      if (!rec->node) {
        // Leaves keep a gradient; a second backward() adds to it. The sum is a new
        // array because a rule may hand the same array to several inputs.
        if (rec->has_grad) {
          rec->grad = lina::add(rec->grad, g);
        } else {
          rec->grad = g;
          rec->has_grad = true;
        }
        continue;
      }
      const Node& node = *rec->node;
      std::vector<bool> needs;
      for (const Tensor& t : node.inputs) needs.push_back(t.requires_grad());
      std::vector<Array> in_grads = node.backward(g, needs);
      for (std::size_t i = 0; i < node.inputs.size(); ++i) {
        if (!needs[i]) continue;
        Record* in = node.inputs[i].rec_.get();
        Array& gi = in_grads.at(i);
        if (gi.shape() != in->value.shape())
          throw ShapeError("backward of '" + node.op + "': gradient for input " + std::to_string(i) +
                           " has shape " + shape_str_compact(gi.shape()) + " but the input has shape " +
                           shape_str_compact(in->value.shape()) + " (a bug in the rule)");
        if (gi.dtype() != in->value.dtype()) gi = gi.astype(in->value.dtype());
        auto [slot, inserted] = grads.try_emplace(in, gi);
        if (!inserted) slot->second = lina::add(slot->second, gi);
      }
    }
  }
};

void Tensor::backward() const {
  if (rec_->value.size() != 1)
    throw ValueError("backward: called without a gradient on a tensor of shape " +
                     shape_str_compact(rec_->value.shape()) +
                     "; only a one-element tensor (a loss) has an implied gradient of 1, "
                     "pass backward(grad) for others");
  backward(ones(rec_->value.shape(), rec_->value.dtype()));
}

void Tensor::backward(const Array& grad) const {
  if (!rec_->requires_grad)
    throw ValueError("backward: this tensor does not require a gradient (no input of the "
                     "computation that made it requires one, or grad mode was off)");
  if (grad.shape() != rec_->value.shape())
    throw ShapeError("backward: gradient of shape " + shape_str_compact(grad.shape()) +
                     " for a tensor of shape " + shape_str_compact(rec_->value.shape()));
  GradEngine::run(*this, grad.astype(rec_->value.dtype()));
}

Array sum_to_shape(const Array& grad, const Shape& shape) {
  if (grad.shape() == shape) return grad;
  const int lead = grad.ndim() - static_cast<int>(shape.size());
  if (lead < 0)
    throw ShapeError("sum_to_shape: gradient of shape " + shape_str_compact(grad.shape()) +
                     " has fewer dimensions than the operand shape " + shape_str_compact(shape));
  std::vector<int> axes;
  for (int i = 0; i < grad.ndim(); ++i) {
    if (i < lead) {
      axes.push_back(i);
    } else if (shape[static_cast<std::size_t>(i - lead)] == 1 && grad.shape(i) != 1) {
      axes.push_back(i);
    } else if (shape[static_cast<std::size_t>(i - lead)] != grad.shape(i)) {
      throw ShapeError("sum_to_shape: gradient of shape " + shape_str_compact(grad.shape()) +
                       " does not broadcast from the operand shape " + shape_str_compact(shape));
    }
  }
  Array s = axes.empty() ? grad : lina::sum(grad, Axes(axes), /*keepdims=*/true);
  return s.reshape(shape);
}

}  // namespace lina::autograd
