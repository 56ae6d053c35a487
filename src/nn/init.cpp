#include "lina/nn/init.hpp"

#include <cmath>

#include "lina/core/errors.hpp"

namespace lina::nn {

Array init_weight(Init init, std::int64_t fan_in, std::int64_t fan_out, Generator& gen, DType dtype) {
  if (fan_in < 1 || fan_out < 0)
    throw ValueError("init_weight: need fan_in >= 1 and fan_out >= 0, got fan_in=" + std::to_string(fan_in) +
                     ", fan_out=" + std::to_string(fan_out));
  const auto in = static_cast<double>(fan_in), out = static_cast<double>(fan_out);
  switch (init) {
    case Init::KaimingUniform: {
      const double b = std::sqrt(6.0 / in);
      return gen.uniform(-b, b, {fan_out, fan_in}, dtype);
    }
    case Init::KaimingNormal: return gen.normal(0, std::sqrt(2.0 / in), {fan_out, fan_in}, dtype);
    case Init::XavierUniform: {
      const double b = std::sqrt(6.0 / (in + out));
      return gen.uniform(-b, b, {fan_out, fan_in}, dtype);
    }
    case Init::XavierNormal: return gen.normal(0, std::sqrt(2.0 / (in + out)), {fan_out, fan_in}, dtype);
  }
  throw ValueError("init_weight: unknown initialisation");
}

const char* init_name(Init init) {
  switch (init) {
    case Init::KaimingUniform: return "kaiming_uniform";
    case Init::KaimingNormal: return "kaiming_normal";
    case Init::XavierUniform: return "xavier_uniform";
    case Init::XavierNormal: return "xavier_normal";
  }
  return "?";
}

}  // namespace lina::nn
