// Weight initialisation from a seeded generator (He et al. 2015 "Delving deep into
// rectifiers" for Kaiming; Glorot & Bengio 2010 for Xavier).
#pragma once

#include "lina/core/array.hpp"
#include "lina/ops/random.hpp"

namespace lina::nn {

enum class Init {
  KaimingUniform,  // U(-b, b), b = sqrt(6 / fan_in): keeps ReLU activations' variance
  KaimingNormal,   // N(0, 2 / fan_in)
  XavierUniform,   // U(-b, b), b = sqrt(6 / (fan_in + fan_out)): for tanh/sigmoid
  XavierNormal,    // N(0, 2 / (fan_in + fan_out))
};

// A (fan_out, fan_in) weight matrix drawn as `init` says.
Array init_weight(Init init, std::int64_t fan_in, std::int64_t fan_out, Generator& gen, DType dtype = DType::Float32);

const char* init_name(Init init);

}  // namespace lina::nn
