// Modules: layers with parameters (autograd tensors), composed with Sequential.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lina/autograd/tensor.hpp"

namespace lina::nn {

using autograd::Tensor;
using NamedTensor = std::pair<std::string, Tensor>;

class Module {
 public:
  virtual ~Module() = default;

  virtual Tensor forward(const Tensor& x) = 0;
  Tensor operator()(const Tensor& x) { return forward(x); }

  // Parameters with dotted names ("weight", "0.bias" inside a Sequential).
  std::vector<NamedTensor> named_parameters() const;
  std::vector<Tensor> parameters() const;
  std::int64_t num_parameters() const;  // elements, summed

  // Training mode (Dropout drops) or evaluation mode (it passes through).
  virtual void train(bool on = true) { training_ = on; }
  void eval() { train(false); }
  bool is_training() const { return training_; }

  void zero_grad();

  // One line per layer, e.g. "Linear(784, 256)".
  virtual std::string describe() const = 0;

  // Adds this module's parameters to `out`, names prefixed with `prefix`.
  virtual void collect_parameters(const std::string& prefix, std::vector<NamedTensor>& out) const;

 protected:
  bool training_ = true;
};

class Sequential : public Module {
 public:
  Sequential() = default;

  // Appends a layer, e.g. net.add(std::make_shared<Linear>(784, 256, gen)).
  Sequential& add(std::shared_ptr<Module> layer);
  // Constructs and appends a layer; returns it.
  template <class M, class... Args>
  M& emplace(Args&&... args) {
    auto layer = std::make_shared<M>(std::forward<Args>(args)...);
    M& ref = *layer;
    add(std::move(layer));
    return ref;
  }

  Tensor forward(const Tensor& x) override;
  void train(bool on = true) override;
  std::string describe() const override;
  void collect_parameters(const std::string& prefix, std::vector<NamedTensor>& out) const override;

  std::size_t size() const { return layers_.size(); }
  Module& operator[](std::size_t i) const { return *layers_.at(i); }

 private:
  std::vector<std::shared_ptr<Module>> layers_;
};

}  // namespace lina::nn
