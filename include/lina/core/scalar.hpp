// A weakly typed scalar: what a C++ literal such as `2.0` or `1` is in an
// expression with an array. As NumPy 2 treats Python scalars (NEP 50), its kind
// (bool, int, float) takes part in promotion, its C++ type does not:
// `x_f32 * 2.0` stays float32 and `x_i32 + 1` stays int32.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>

#include "lina/core/dtype.hpp"

namespace lina {

template <class T>
concept Arithmetic = std::is_arithmetic_v<T>;

class Scalar {
 public:
  Scalar(bool v) : kind_(ScalarKind::Bool), i_(v), f_(v) {}  // NOLINT: implicit by design
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Scalar(T v) : kind_(ScalarKind::Int), i_(static_cast<std::int64_t>(v)), f_(static_cast<double>(v)) {}  // NOLINT
  template <std::floating_point T>
  Scalar(T v) : kind_(ScalarKind::Float), i_(0), f_(static_cast<double>(v)) {}  // NOLINT

  ScalarKind kind() const { return kind_; }
  std::int64_t as_int() const { return i_; }
  double as_double() const { return f_; }
  std::string to_string() const;

 private:
  ScalarKind kind_;
  std::int64_t i_;
  double f_;
};

}  // namespace lina
