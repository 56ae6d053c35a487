// One line of the oracle manifest, parsed: the arguments of a lina call and the
// result NumPy produced (or the exception type it maps to). See README.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"

namespace oracle {

struct IndexItem {
  enum Kind { Int, Slice, NewAxis, Ellipsis } kind = Int;
  std::int64_t i = 0;
  std::optional<std::int64_t> start, stop, step;
};
using IndexSpec = std::vector<IndexItem>;

// "1,::-1,N,..." (N = newaxis, ... = ellipsis; "" = the empty tuple).
IndexSpec parse_index(const std::string& spec);
// The spec as lina Index components (for Array::index).
std::vector<lina::Index> to_lina_index(const IndexSpec& spec);

struct Arg {
  enum Kind { Array, Weak, Axes, Shape, DType, Int, OptInt, Ints, Bool, Idx, Str } kind = Array;
  std::string token;
  lina::Array array;  // Array: the operand (a view of `base` when transforms were given)
  lina::Array base;   // Array: the array loaded from the file
  std::optional<lina::Scalar> scalar;  // Weak
  lina::Axes axes;                     // Axes
  lina::Shape shape;                   // Shape
  lina::DType dtype = lina::DType::Float64;
  std::int64_t i = 0;                  // Int, OptInt (when present), Bool
  std::optional<std::int64_t> opt;     // OptInt
  std::vector<std::int64_t> ints;      // Ints
  IndexSpec idx;                       // Idx
  std::string text;                    // Str
};

struct Case {
  std::string id, family, op, line;
  std::vector<Arg> args;
  std::vector<std::string> expected_files;  // E:
  std::vector<std::string> expected_errors;  // X: (any of them)
  bool expect_view = false;                  // V:1 -- result must share the first array's memory
  std::optional<double> rtol, atol;          // tol:
};

// Parses a manifest line; arrays are loaded from `dir` (throws std::runtime_error).
Case parse_case(const std::string& line, const std::string& dir);

// Applies a view transform (T, perm:..., idx:..., bcast:...) with the core Array
// constructor only, so operand layout does not depend on the components under test.
lina::Array apply_view(const lina::Array& a, const std::string& transform);

}  // namespace oracle
