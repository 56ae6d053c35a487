// Creating arrays: from nested braces or a buffer, and NumPy's creation functions.
// Creation functions default to float64, as NumPy's; from braces, the dtype follows
// the C++ element type (`array({{1.f, 2.f}})` is float32, `array({1, 2})` is int32).
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "lina/core/array.hpp"

namespace lina {

namespace detail {
// Builds an array from flattened values and their shape (validated by the caller).
template <Element T>
Array array_from_values(const std::vector<T>& values, const Shape& shape, std::optional<DType> dtype) {
  using Stored = std::conditional_t<std::is_same_v<T, long long>, std::int64_t, T>;
  Array out(shape, dtype_of<T>);
  Stored* p = out.template data<Stored>();
  for (std::size_t i = 0; i < values.size(); ++i) p[i] = static_cast<Stored>(values[i]);
  return dtype && *dtype != out.dtype() ? out.astype(*dtype) : out;
}
[[noreturn]] void throw_ragged(int depth, std::size_t index, std::size_t got, std::size_t expected);

template <class T>
void flatten_into(const T& v, std::vector<T>& out, Shape&, int) {
  out.push_back(v);
}
template <class T, class L>
void flatten_into(const std::initializer_list<L>& list, std::vector<T>& out, Shape& shape, int depth) {
  if (static_cast<int>(shape.size()) <= depth) shape.push_back(static_cast<std::int64_t>(list.size()));
  else if (shape[depth] != static_cast<std::int64_t>(list.size()))
    throw_ragged(depth, out.size(), list.size(), static_cast<std::size_t>(shape[depth]));
  for (const auto& x : list) flatten_into(x, out, shape, depth + 1);
}
template <class T, class L>
Array array_from_list(const std::initializer_list<L>& list, std::optional<DType> dtype, int rank) {
  std::vector<T> values;
  Shape shape;
  flatten_into(list, values, shape, 0);
  // Empty inner braces leave deeper dimensions unset: they have size 0.
  while (static_cast<int>(shape.size()) < rank) shape.push_back(0);
  return array_from_values<T>(values, shape, dtype);
}
}  // namespace detail

// A 0-d array.
template <Element T>
Array array(T value, std::optional<DType> dtype = std::nullopt) {
  return detail::array_from_values<T>({value}, {}, dtype);
}
template <Element T>
Array array(std::initializer_list<T> v, std::optional<DType> dtype = std::nullopt) {
  return detail::array_from_list<T>(v, dtype, 1);
}
template <Element T>
Array array(std::initializer_list<std::initializer_list<T>> v, std::optional<DType> dtype = std::nullopt) {
  return detail::array_from_list<T>(v, dtype, 2);
}
template <Element T>
Array array(std::initializer_list<std::initializer_list<std::initializer_list<T>>> v,
            std::optional<DType> dtype = std::nullopt) {
  return detail::array_from_list<T>(v, dtype, 3);
}
template <Element T>
Array array(std::initializer_list<std::initializer_list<std::initializer_list<std::initializer_list<T>>>> v,
            std::optional<DType> dtype = std::nullopt) {
  return detail::array_from_list<T>(v, dtype, 4);
}

// A copy of `data` (C order) with the given shape; its size must match.
template <Element T>
Array frombuffer(std::span<const T> data, const Shape& shape) {
  if (static_cast<std::int64_t>(data.size()) != shape_size(shape))
    throw ValueError("frombuffer: buffer has " + std::to_string(data.size()) + " elements but shape " +
                     shape_str(shape) + " needs " + std::to_string(shape_size(shape)));
  return detail::array_from_values<T>(std::vector<T>(data.begin(), data.end()), shape, std::nullopt);
}
template <Element T>
Array frombuffer(const T* data, const Shape& shape) {
  return frombuffer(std::span<const T>(data, static_cast<std::size_t>(shape_size(shape))), shape);
}
template <Element T>
Array frombuffer(const std::vector<T>& data, const Shape& shape) {
  return frombuffer(std::span<const T>(data), shape);
}

Array empty(const Shape& shape, DType dtype = DType::Float64);
Array zeros(const Shape& shape, DType dtype = DType::Float64);
Array ones(const Shape& shape, DType dtype = DType::Float64);
// dtype defaults to the value's kind: bool, int64 or float64.
Array full(const Shape& shape, Scalar value, std::optional<DType> dtype = std::nullopt);
Array empty_like(const Array& a, std::optional<DType> dtype = std::nullopt);
Array zeros_like(const Array& a, std::optional<DType> dtype = std::nullopt);
Array ones_like(const Array& a, std::optional<DType> dtype = std::nullopt);
Array full_like(const Array& a, Scalar value, std::optional<DType> dtype = std::nullopt);

// N x M with ones on diagonal k (k > 0 above the main diagonal).
Array eye(std::int64_t n, std::optional<std::int64_t> m = std::nullopt, std::int64_t k = 0,
          DType dtype = DType::Float64);
Array identity(std::int64_t n, DType dtype = DType::Float64);

// [0, stop) and [start, stop) by step; int arguments give int64, any float float64.
Array arange(Scalar stop);
Array arange(Scalar start, Scalar stop, Scalar step = 1, std::optional<DType> dtype = std::nullopt);
// `num` evenly spaced values from start to stop (stop included when endpoint).
Array linspace(double start, double stop, std::int64_t num = 50, bool endpoint = true,
               DType dtype = DType::Float64);
// Coordinate matrices from coordinate vectors; indexing "xy" (Cartesian) or "ij".
std::vector<Array> meshgrid(const std::vector<Array>& xi, const std::string& indexing = "xy");

}  // namespace lina
