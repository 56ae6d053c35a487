#include "lina/nn/layers.hpp"

#include "lina/autograd/functions.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"

namespace lina::nn {

Linear::Linear(std::int64_t in_features, std::int64_t out_features, Generator& gen, Init init, bool bias, DType dtype)
    : in_features_(in_features), out_features_(out_features), has_bias_(bias) {
  if (dtype != DType::Float32 && dtype != DType::Float64)
    throw TypeError(std::string("Linear: parameters must be float32 or float64, got ") + dtype_name(dtype));
  weight = Tensor(init_weight(init, in_features, out_features, gen, dtype), true);
  this->bias = bias ? Tensor(zeros({out_features}, dtype), true) : Tensor();
}

Tensor Linear::forward(const Tensor& x) { return autograd::linear(x, weight, bias); }

std::string Linear::describe() const {
  return "Linear(" + std::to_string(in_features_) + ", " + std::to_string(out_features_) +
         (has_bias_ ? "" : ", bias=false") + ")";
}

void Linear::collect_parameters(const std::string& prefix, std::vector<NamedTensor>& out) const {
  out.emplace_back(prefix + "weight", weight);
  if (has_bias_) out.emplace_back(prefix + "bias", bias);
}

Tensor ReLU::forward(const Tensor& x) { return autograd::relu(x); }
Tensor Tanh::forward(const Tensor& x) { return autograd::tanh(x); }
Tensor Sigmoid::forward(const Tensor& x) { return autograd::sigmoid(x); }

Dropout::Dropout(double p, std::uint64_t seed) : p_(p), gen_(seed) {
  if (!(p >= 0 && p < 1)) throw ValueError("Dropout: p must be in [0, 1), got " + std::to_string(p));
}

Tensor Dropout::forward(const Tensor& x) {
  if (!training_ || p_ == 0) return x;
  Array keep = gen_.uniform(0, 1, x.shape()) >= p_;
  Array scale = where(keep, 1.0 / (1.0 - p_), 0.0).astype(x.dtype());
  return x * Tensor(scale);
}

std::string Dropout::describe() const { return "Dropout(p=" + std::to_string(p_) + ")"; }

}  // namespace lina::nn
