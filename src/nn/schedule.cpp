#include "lina/nn/schedule.hpp"

#include <cmath>
#include <numbers>

#include "lina/core/errors.hpp"

namespace lina::optim {

StepLR::StepLR(Optimizer& opt, int step_size, double gamma)
    : opt_(opt), step_size_(step_size), gamma_(gamma), base_(opt.lr()) {
  if (step_size < 1) throw ValueError("StepLR: step_size must be >= 1, got " + std::to_string(step_size));
}

void StepLR::step() {
  ++epoch_;
  opt_.set_lr(base_ * std::pow(gamma_, epoch_ / step_size_));
}

CosineLR::CosineLR(Optimizer& opt, int t_max, double min_lr) : opt_(opt), t_max_(t_max), min_(min_lr), base_(opt.lr()) {
  if (t_max < 1) throw ValueError("CosineLR: t_max must be >= 1, got " + std::to_string(t_max));
}

void CosineLR::step() {
  ++epoch_;
  const double e = std::min(epoch_, t_max_);
  opt_.set_lr(min_ + (base_ - min_) * (1 + std::cos(std::numbers::pi * e / t_max_)) / 2);
}

}  // namespace lina::optim
