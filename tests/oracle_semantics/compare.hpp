// Compares lina's result with NumPy's: shape and dtype exactly, integers and bools
// exactly, floats with a NaN-aware allclose.
#pragma once

#include <optional>
#include <string>

#include "lina/core/array.hpp"

namespace oracle {

struct Tolerance {
  double rtol, atol;
};

// Default tolerance for a float dtype (see README.md).
Tolerance default_tolerance(lina::DType dtype);

// An empty string when `got` matches `expected`, else what differs (the first few
// differing elements with their flat index).
std::string compare_arrays(const lina::Array& expected, const lina::Array& got,
                           std::optional<Tolerance> tol);

}  // namespace oracle
