#include "lina/core/scalar.hpp"

#include <cstdio>

namespace lina {

std::string Scalar::to_string() const {
  switch (kind_) {
    case ScalarKind::Bool: return i_ ? "True" : "False";
    case ScalarKind::Int: return std::to_string(i_);
    case ScalarKind::Float: break;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", f_);
  return buf;
}

}  // namespace lina
