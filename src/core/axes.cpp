#include "lina/core/axes.hpp"

#include <algorithm>
#include <string>

#include "lina/core/errors.hpp"
#include "lina/core/shape.hpp"

namespace lina {

std::vector<int> Axes::normalize(int ndim, const char* op) const {
  std::vector<int> out;
  if (is_none()) {
    for (int d = 0; d < ndim; ++d) out.push_back(d);
    return out;
  }
  for (int a : *axes_) out.push_back(normalize_axis(a, ndim, op));
  std::sort(out.begin(), out.end());
  if (std::adjacent_find(out.begin(), out.end()) != out.end())
    throw ValueError(std::string(op) + ": duplicate value in 'axis'");
  return out;
}

}  // namespace lina
