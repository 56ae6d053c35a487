// Learning-rate schedules, stepped once per epoch.
#pragma once

#include "lina/nn/optim.hpp"

namespace lina::optim {

// lr = base * gamma^(epoch / step_size), as torch.optim.lr_scheduler.StepLR.
class StepLR {
 public:
  StepLR(Optimizer& opt, int step_size, double gamma = 0.1);
  void step();  // end of an epoch
  int epoch() const { return epoch_; }

 private:
  Optimizer& opt_;
  int step_size_;
  double gamma_, base_;
  int epoch_ = 0;
};

// lr = min + (base - min) * (1 + cos(pi * epoch / t_max)) / 2, as CosineAnnealingLR
// within its first period.
class CosineLR {
 public:
  CosineLR(Optimizer& opt, int t_max, double min_lr = 0);
  void step();
  int epoch() const { return epoch_; }

 private:
  Optimizer& opt_;
  int t_max_;
  double min_, base_;
  int epoch_ = 0;
};

}  // namespace lina::optim
