#include "render.hpp"

namespace lina::cli {

std::string render(const Value& v) {
  if (const auto* a = std::get_if<Array>(&v.v)) return a->ndim() == 0 ? scalar_str(*a) : repr(*a);
  if (v.is_python_scalar()) return scalar_str(to_array(v));
  if (v.is_none()) return "None";
  if (const auto* d = std::get_if<DType>(&v.v)) return std::string("dtype('") + dtype_name(*d) + "')";
  if (const auto* s = std::get_if<std::string>(&v.v)) return "'" + *s + "'";
  return repr(to_array(v));
}

}  // namespace lina::cli
