#include "lina/core/shape.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "lina/core/errors.hpp"

namespace lina {

std::int64_t shape_size(const Shape& shape) {
  std::int64_t n = 1;
  bool zero = false;
  for (auto s : shape) {
    if (s < 0) throw ValueError("negative dimensions are not allowed: shape " + shape_str(shape));
    if (s == 0) zero = true;
  }
  if (zero) return 0;
  for (auto s : shape) {
    if (__builtin_mul_overflow(n, s, &n))  // not a division: this runs for every new array
      throw ValueError("array is too big: shape " + shape_str(shape) +
                       " has more than 2**63 elements");
  }
  return n;
}

std::string shape_str(const Shape& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

std::string shape_str_compact(const Shape& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1) s += ",";
  return s + ")";
}

namespace {
// acc * size, refusing byte strides that do not fit in 64 bits (possible for size-0
// shapes such as (0, 2**62), whose element count does not overflow).
std::int64_t next_stride(std::int64_t acc, std::int64_t size, const Shape& shape) {
  std::int64_t out;
  if (__builtin_mul_overflow(acc, std::max<std::int64_t>(size, 1), &out))
    throw ValueError("array is too big: the strides of shape " + shape_str(shape) + " overflow 64 bits");
  return out;
}
}  // namespace

Strides c_strides(const Shape& shape, std::int64_t itemsize) {
  Strides st(shape.size());
  std::int64_t acc = itemsize;
  for (std::size_t i = shape.size(); i-- > 0;) {
    st[i] = acc;
    if (i > 0) acc = next_stride(acc, shape[i], shape);
  }
  return st;
}

Strides f_strides(const Shape& shape, std::int64_t itemsize) {
  Strides st(shape.size());
  std::int64_t acc = itemsize;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    st[i] = acc;
    if (i + 1 < shape.size()) acc = next_stride(acc, shape[i], shape);
  }
  return st;
}

int normalize_axis(std::int64_t axis, int ndim, const char* op) {
  if (axis < -ndim || axis >= ndim)
    throw IndexError(std::string(op) + ": axis " + std::to_string(axis) +
                     " is out of bounds for array of dimension " + std::to_string(ndim) +
                     "; valid axes are " + std::to_string(-ndim) + " to " +
                     std::to_string(ndim - 1));
  return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

Shape broadcast_shapes(const Shape& a, const Shape& b, const char* op) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  for (std::size_t i = 0; i < n; ++i) {
    // i counts from the right.
    const std::int64_t da = i < a.size() ? a[a.size() - 1 - i] : 1;
    const std::int64_t db = i < b.size() ? b[b.size() - 1 - i] : 1;
    if (da != db && da != 1 && db != 1)
      throw ShapeError(std::string(op) + ": operands could not be broadcast together: shapes " +
                       shape_str_compact(a) + " and " + shape_str_compact(b) + ": axis -" +
                       std::to_string(i + 1) + " has sizes " + std::to_string(da) + " and " +
                       std::to_string(db) + "; sizes must match or one must be 1");
    out[n - 1 - i] = da == 1 ? db : da;
  }
  return out;
}

Shape broadcast_shapes(const std::vector<Shape>& shapes, const char* op) {
  if (shapes.empty()) return {};
  Shape out = shapes[0];
  // An error names the shapes broadcast so far and the one that does not fit.
  for (std::size_t i = 1; i < shapes.size(); ++i) out = broadcast_shapes(out, shapes[i], op);
  return out;
}

}  // namespace lina
