// Layers: Linear, the activations and Dropout.
#pragma once

#include "lina/nn/init.hpp"
#include "lina/nn/module.hpp"
#include "lina/ops/random.hpp"

namespace lina::nn {

// y = x @ weight.T + bias, weight (out_features, in_features) as PyTorch stores it (so
// saved parameters load into torch.nn.Linear unchanged).
class Linear : public Module {
 public:
  Linear(std::int64_t in_features, std::int64_t out_features, Generator& gen, Init init = Init::KaimingUniform,
         bool bias = true, DType dtype = DType::Float32);

  Tensor forward(const Tensor& x) override;
  std::string describe() const override;
  void collect_parameters(const std::string& prefix, std::vector<NamedTensor>& out) const override;

  Tensor weight;
  Tensor bias;  // an empty tensor when built without bias

 private:
  std::int64_t in_features_, out_features_;
  bool has_bias_;
};

class ReLU : public Module {
 public:
  Tensor forward(const Tensor& x) override;
  std::string describe() const override { return "ReLU()"; }
};

class Tanh : public Module {
 public:
  Tensor forward(const Tensor& x) override;
  std::string describe() const override { return "Tanh()"; }
};

class Sigmoid : public Module {
 public:
  Tensor forward(const Tensor& x) override;
  std::string describe() const override { return "Sigmoid()"; }
};

// In training, zeroes each element with probability p and scales the rest by 1/(1-p)
// ("inverted dropout", so evaluation is the identity).
class Dropout : public Module {
 public:
  explicit Dropout(double p = 0.5, std::uint64_t seed = 0);
  Tensor forward(const Tensor& x) override;
  std::string describe() const override;

 private:
  double p_;
  Generator gen_;
};

}  // namespace lina::nn
