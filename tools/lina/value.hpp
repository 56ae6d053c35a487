// The values of lina's expression language: arrays, and the Python objects that
// appear in NumPy code (int, float, bool, None, tuples, lists, slices, ..., dtypes,
// strings).
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "lina/lina.hpp"

namespace lina::cli {

struct Value;
using ValueList = std::vector<Value>;

struct NoneValue {};
struct EllipsisValue {};
struct Tuple {
  ValueList items;
};
struct List {
  ValueList items;
};
struct SliceValue {
  std::optional<std::int64_t> start, stop, step;
};

struct Value {
  std::variant<Array, std::int64_t, double, bool, NoneValue, EllipsisValue, Tuple, List, SliceValue, DType,
               std::string>
      v;

  bool is_array() const { return std::holds_alternative<Array>(v); }
  bool is_python_scalar() const {
    return std::holds_alternative<std::int64_t>(v) || std::holds_alternative<double>(v) ||
           std::holds_alternative<bool>(v);
  }
  bool is_none() const { return std::holds_alternative<NoneValue>(v); }
  // The Python type name, for error messages.
  std::string type_name() const;
};

// NumPy's array(obj): nested lists/tuples of Python scalars (int -> int64, float ->
// float64, bool -> bool), arrays, or a scalar (a 0-d array).
Array to_array(const Value& v, std::optional<DType> dtype = std::nullopt);
// A weak scalar from a Python int, float or bool.
Scalar to_scalar(const Value& v);
std::int64_t to_int(const Value& v, const char* what);
// A shape: an int or a tuple/list of ints.
Shape to_shape(const Value& v, const char* what);
// axis=: None, an int or a tuple of ints.
Axes to_axes(const Value& v, const char* what);
DType to_dtype(const Value& v, const char* what);

}  // namespace lina::cli
