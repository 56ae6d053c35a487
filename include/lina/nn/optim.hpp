// Optimizers: each step() updates every parameter in place from its gradient, in one
// pass per parameter with no temporary arrays. The update rules are PyTorch's
// (torch.optim.SGD, Adam, AdamW), so a run can be compared step for step.
#pragma once

#include <vector>

#include "lina/autograd/tensor.hpp"

namespace lina::optim {

using autograd::Tensor;

class Optimizer {
 public:
  Optimizer(std::vector<Tensor> params, double lr);
  virtual ~Optimizer() = default;

  // Applies one update; parameters without a gradient are skipped.
  virtual void step() = 0;
  // Forgets every parameter's gradient.
  void zero_grad();

  double lr() const { return lr_; }
  void set_lr(double lr);
  const std::vector<Tensor>& params() const { return params_; }

 protected:
  std::vector<Tensor> params_;
  double lr_;
};

struct SGDOptions {
  double momentum = 0;
  bool nesterov = false;
  double weight_decay = 0;  // L2 penalty added to the gradient
};

// p -= lr * g, with g = grad + weight_decay * p; with momentum the velocity
// v = momentum * v + g (v = g on the first step) replaces g, or g + momentum * v with
// Nesterov.
class SGD : public Optimizer {
 public:
  SGD(std::vector<Tensor> params, double lr, SGDOptions options = {});
  void step() override;

 private:
  SGDOptions opt_;
  std::vector<Array> velocity_;
  bool started_ = false;
};

struct AdamOptions {
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;
};

// Kingma & Ba 2015, with bias correction. Adam adds weight_decay * p to the gradient;
// AdamW (Loshchilov & Hutter 2019) instead shrinks p by lr * weight_decay directly.
class Adam : public Optimizer {
 public:
  Adam(std::vector<Tensor> params, double lr = 1e-3, AdamOptions options = {});
  void step() override;

 protected:
  Adam(std::vector<Tensor> params, double lr, AdamOptions options, bool decoupled);

 private:
  AdamOptions opt_;
  bool decoupled_;
  std::vector<Array> m_, v_;
  std::int64_t t_ = 0;
};

class AdamW : public Adam {
 public:
  AdamW(std::vector<Tensor> params, double lr = 1e-3, AdamOptions options = {.weight_decay = 1e-2});
};

}  // namespace lina::optim
