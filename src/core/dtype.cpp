#include "lina/core/dtype.hpp"

#include <array>

#include "lina/core/errors.hpp"

namespace lina {

const char* dtype_name(DType t) {
  switch (t) {
    case DType::Bool: return "bool";
    case DType::UInt8: return "uint8";
    case DType::Int32: return "int32";
    case DType::Int64: return "int64";
    case DType::Float32: return "float32";
    case DType::Float64: return "float64";
  }
  return "?";
}

DType dtype_from_name(const std::string& name) {
  struct Entry {
    const char* name;
    DType type;
  };
  static constexpr Entry kNames[] = {
      {"bool", DType::Bool},       {"bool_", DType::Bool},       {"?", DType::Bool},
      {"b1", DType::Bool},         {"uint8", DType::UInt8},      {"u1", DType::UInt8},
      {"B", DType::UInt8},         {"int32", DType::Int32},      {"i4", DType::Int32},
      {"int64", DType::Int64},     {"i8", DType::Int64},         {"int", DType::Int64},
      {"float32", DType::Float32}, {"f4", DType::Float32},       {"single", DType::Float32},
      {"float64", DType::Float64}, {"f8", DType::Float64},       {"double", DType::Float64},
      {"float", DType::Float64},
  };
  for (const auto& e : kNames)
    if (name == e.name) return e.type;
  throw TypeError("dtype: unknown dtype '" + name +
                  "'; expected one of bool, uint8, int32, int64, float32, float64");
}

DType promote_types(DType a, DType b) {
  // Rows and columns in DType order: b, u8, i32, i64, f32, f64 (numpy.promote_types).
  using D = DType;
  static constexpr std::array<std::array<DType, kNumDTypes>, kNumDTypes> kTable = {{
      {D::Bool, D::UInt8, D::Int32, D::Int64, D::Float32, D::Float64},
      {D::UInt8, D::UInt8, D::Int32, D::Int64, D::Float32, D::Float64},
      {D::Int32, D::Int32, D::Int32, D::Int64, D::Float64, D::Float64},
      {D::Int64, D::Int64, D::Int64, D::Int64, D::Float64, D::Float64},
      {D::Float32, D::Float32, D::Float64, D::Float64, D::Float32, D::Float64},
      {D::Float64, D::Float64, D::Float64, D::Float64, D::Float64, D::Float64},
  }};
  return kTable[static_cast<int>(a)][static_cast<int>(b)];
}

DType promote_weak(DType a, ScalarKind k) {
  switch (k) {
    case ScalarKind::Bool: return a;
    case ScalarKind::Int: return a == DType::Bool ? DType::Int64 : a;
    case ScalarKind::Float: return is_floating(a) ? a : DType::Float64;
  }
  return a;
}

}  // namespace lina
