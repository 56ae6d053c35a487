// Element types and NumPy 2 (NEP 50) type promotion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <type_traits>

namespace lina {

// The element types lina supports, in promotion-lattice order.
enum class DType : std::uint8_t { Bool, UInt8, Int32, Int64, Float32, Float64 };

inline constexpr DType bool_ = DType::Bool;
inline constexpr DType uint8 = DType::UInt8;
inline constexpr DType int32 = DType::Int32;
inline constexpr DType int64 = DType::Int64;
inline constexpr DType float32 = DType::Float32;
inline constexpr DType float64 = DType::Float64;

inline constexpr int kNumDTypes = 6;

// Size of one element in bytes.
constexpr std::size_t itemsize(DType t) {
  switch (t) {
    case DType::Bool:
    case DType::UInt8: return 1;
    case DType::Int32:
    case DType::Float32: return 4;
    case DType::Int64:
    case DType::Float64: return 8;
  }
  return 0;
}

// NumPy's name: "bool", "uint8", "int32", "int64", "float32", "float64".
const char* dtype_name(DType t);
// Parses a NumPy dtype name ("float32", "bool_", "bool", "f4", ...); throws TypeError.
DType dtype_from_name(const std::string& name);

constexpr bool is_floating(DType t) { return t == DType::Float32 || t == DType::Float64; }
constexpr bool is_integer(DType t) {
  return t == DType::UInt8 || t == DType::Int32 || t == DType::Int64;
}
constexpr bool is_bool(DType t) { return t == DType::Bool; }

// Maps a C++ element type to its DType (bool, uint8_t, int32_t, int64_t, float, double).
template <class T>
struct dtype_traits;
template <>
struct dtype_traits<bool> { static constexpr DType value = DType::Bool; };
template <>
struct dtype_traits<std::uint8_t> { static constexpr DType value = DType::UInt8; };
template <>
struct dtype_traits<std::int32_t> { static constexpr DType value = DType::Int32; };
template <>
struct dtype_traits<std::int64_t> { static constexpr DType value = DType::Int64; };
template <>
struct dtype_traits<long long> { static constexpr DType value = DType::Int64; };
template <>
struct dtype_traits<float> { static constexpr DType value = DType::Float32; };
template <>
struct dtype_traits<double> { static constexpr DType value = DType::Float64; };

template <class T>
inline constexpr DType dtype_of = dtype_traits<std::remove_cv_t<T>>::value;

template <class T>
concept Element = requires { dtype_traits<std::remove_cv_t<T>>::value; };

// Array-with-array promotion (numpy.promote_types over lina's dtypes).
DType promote_types(DType a, DType b);

// The kind of a "weak" scalar (a C++ or Python literal): its value, not its type,
// takes part in promotion only through this kind (NEP 50).
enum class ScalarKind : std::uint8_t { Bool, Int, Float };

// Result dtype of an array of dtype `a` combined with a weak scalar of kind `k`.
DType promote_weak(DType a, ScalarKind k);

// Invokes f(T{}) with T the C++ type of `t`.
template <class F>
decltype(auto) visit_dtype(DType t, F&& f) {
  switch (t) {
    case DType::Bool: return f(bool{});
    case DType::UInt8: return f(std::uint8_t{});
    case DType::Int32: return f(std::int32_t{});
    case DType::Int64: return f(std::int64_t{});
    case DType::Float32: return f(float{});
    case DType::Float64: break;
  }
  return f(double{});
}

}  // namespace lina
