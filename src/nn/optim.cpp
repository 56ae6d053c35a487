// The update loops run over raw float/double pointers: one pass per parameter, no
// temporaries (an optimizer step allocates nothing after the first).
#include "lina/nn/optim.hpp"

#include <cmath>

#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"

namespace lina::optim {
namespace {

void check_params(const std::vector<Tensor>& params, const char* who) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Tensor& p = params[i];
    if (!p.is_leaf() || !p.requires_grad())
      throw ValueError(std::string(who) + ": parameter " + std::to_string(i) +
                       " must be a leaf tensor that requires a gradient");
    if (!p.value().is_contiguous())
      throw ValueError(std::string(who) + ": parameter " + std::to_string(i) + " must be C-contiguous");
  }
}

// The gradient as a contiguous array of the parameter's dtype (usually no copy).
Array grad_of(const Tensor& p) {
  Array g = p.grad();
  if (g.dtype() != p.dtype()) g = g.astype(p.dtype());
  return g.contiguous();
}

// Calls update(param, grad, n) with float or double pointers, if p has a gradient.
template <class F>
void update_param(Tensor& p, F&& update) {
  if (!p.has_grad()) return;
  Array g = grad_of(p);
  if (p.dtype() == DType::Float32)
    update(p.mutable_value().data<float>(), g.data<float>(), p.size());
  else
    update(p.mutable_value().data<double>(), g.data<double>(), p.size());
}

}  // namespace

Optimizer::Optimizer(std::vector<Tensor> params, double lr) : params_(std::move(params)), lr_(lr) {
  set_lr(lr);
}

void Optimizer::set_lr(double lr) {
  if (!(lr >= 0) || !std::isfinite(lr))
    throw ValueError("optimizer: learning rate must be finite and >= 0, got " + std::to_string(lr));
  lr_ = lr;
}

void Optimizer::zero_grad() {
  for (Tensor& p : params_) p.zero_grad();
}

SGD::SGD(std::vector<Tensor> params, double lr, SGDOptions options) : Optimizer(std::move(params), lr), opt_(options) {
  check_params(params_, "SGD");
  if (opt_.momentum < 0) throw ValueError("SGD: momentum must be >= 0, got " + std::to_string(opt_.momentum));
  if (opt_.nesterov && opt_.momentum <= 0) throw ValueError("SGD: Nesterov momentum needs momentum > 0");
  if (opt_.momentum > 0)
    for (const Tensor& p : params_) velocity_.push_back(zeros(p.shape(), p.dtype()));
}

void SGD::step() {
  auto update = [&]<class T>(std::size_t i, T* p, const T* g, std::int64_t n) {
    const auto lr = static_cast<T>(lr_), wd = static_cast<T>(opt_.weight_decay), mu = static_cast<T>(opt_.momentum);
    T* v = opt_.momentum > 0 ? velocity_[i].data<T>() : nullptr;
    for (std::int64_t k = 0; k < n; ++k) {
      T d = g[k] + wd * p[k];
      if (v) {
        v[k] = started_ ? mu * v[k] + d : d;
        d = opt_.nesterov ? d + mu * v[k] : v[k];
      }
      p[k] -= lr * d;
    }
  };
  for (std::size_t i = 0; i < params_.size(); ++i)
    update_param(params_[i], [&](auto* p, const auto* g, std::int64_t n) { update(i, p, g, n); });
  started_ = true;
}

Adam::Adam(std::vector<Tensor> params, double lr, AdamOptions options) : Adam(std::move(params), lr, options, false) {}

Adam::Adam(std::vector<Tensor> params, double lr, AdamOptions options, bool decoupled)
    : Optimizer(std::move(params), lr), opt_(options), decoupled_(decoupled) {
  const char* who = decoupled ? "AdamW" : "Adam";
  check_params(params_, who);
  if (!(opt_.beta1 >= 0 && opt_.beta1 < 1) || !(opt_.beta2 >= 0 && opt_.beta2 < 1))
    throw ValueError(std::string(who) + ": betas must be in [0, 1), got " + std::to_string(opt_.beta1) + ", " +
                     std::to_string(opt_.beta2));
  if (!(opt_.eps > 0)) throw ValueError(std::string(who) + ": eps must be > 0");
  for (const Tensor& p : params_) {
    m_.push_back(zeros(p.shape(), p.dtype()));
    v_.push_back(zeros(p.shape(), p.dtype()));
  }
}

void Adam::step() {
  ++t_;
  const double bias1 = 1 - std::pow(opt_.beta1, static_cast<double>(t_));
  const double bias2 = 1 - std::pow(opt_.beta2, static_cast<double>(t_));
  auto update = [&]<class T>(std::size_t i, T* __restrict p, const T* __restrict g, std::int64_t n) {
    const auto b1 = static_cast<T>(opt_.beta1), b2 = static_cast<T>(opt_.beta2), eps = static_cast<T>(opt_.eps);
    const auto step_size = static_cast<T>(lr_ / bias1), root_bias2 = static_cast<T>(std::sqrt(bias2));
    const auto wd = static_cast<T>(opt_.weight_decay);
    const auto shrink = static_cast<T>(1 - lr_ * opt_.weight_decay);
    T* __restrict m = m_[i].data<T>();
    T* __restrict v = v_[i].data<T>();
    if (decoupled_)
      for (std::int64_t k = 0; k < n; ++k) p[k] *= shrink;
    for (std::int64_t k = 0; k < n; ++k) {
      const T gk = decoupled_ ? g[k] : g[k] + wd * p[k];
      m[k] = b1 * m[k] + (1 - b1) * gk;
      v[k] = b2 * v[k] + (1 - b2) * gk * gk;
      p[k] -= step_size * m[k] / (std::sqrt(v[k]) / root_bias2 + eps);
    }
  };
  for (std::size_t i = 0; i < params_.size(); ++i)
    update_param(params_[i], [&](auto* p, const auto* g, std::int64_t n) { update(i, p, g, n); });
}

AdamW::AdamW(std::vector<Tensor> params, double lr, AdamOptions options) : Adam(std::move(params), lr, options, true) {}

}  // namespace lina::optim
