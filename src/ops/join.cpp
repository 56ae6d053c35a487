// concatenate, stack and split.
#include <algorithm>
#include <string>

#include "core/loop_plan.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina {

Array concatenate(const std::vector<Array>& arrays, std::optional<int> axis) {
  if (arrays.empty()) throw ValueError("concatenate: need at least one array to concatenate");
  if (!axis) {
    std::vector<Array> flat;
    for (const auto& a : arrays) flat.push_back(ravel(a));
    return concatenate(flat, 0);
  }
  const Array& first = arrays[0];
  if (first.ndim() == 0) throw ValueError("concatenate: zero-dimensional arrays cannot be concatenated");
  const int ax = normalize_axis(*axis, first.ndim(), "concatenate");
  DType t = first.dtype();
  Shape shape = first.shape();
  shape[ax] = 0;
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    const Array& a = arrays[i];
    if (a.ndim() != first.ndim())
      throw ValueError("concatenate: all the input arrays must have the same number of dimensions, but the array at "
                       "index 0 has " + std::to_string(first.ndim()) + " dimension(s) and the array at index " +
                       std::to_string(i) + " has " + std::to_string(a.ndim()) + " dimension(s)");
    for (int d = 0; d < a.ndim(); ++d)
      if (d != ax && a.shape()[d] != first.shape()[d])
        throw ValueError("concatenate: all the input array dimensions except for the concatenation axis must match "
                         "exactly, but along dimension " + std::to_string(d) + ", the array at index 0 has size " +
                         std::to_string(first.shape()[d]) + " and the array at index " + std::to_string(i) +
                         " has size " + std::to_string(a.shape()[d]));
    shape[ax] += a.shape()[ax];
    t = promote_types(t, a.dtype());
  }
  Array out(shape, t);
  std::int64_t start = 0;
  for (const auto& a : arrays) {
    Shape s = shape;
    s[ax] = a.shape()[ax];
    Array dst(out.storage(), out.offset() + start * out.strides()[ax], s, out.strides(), t);
    detail::copy_cast(a, dst);
    start += a.shape()[ax];
  }
  return out;
}

Array stack(const std::vector<Array>& arrays, int axis) {
  if (arrays.empty()) throw ValueError("stack: need at least one array to stack");
  const int ax = normalize_axis(axis, arrays[0].ndim() + 1, "stack");
  std::vector<Array> expanded;
  for (std::size_t i = 0; i < arrays.size(); ++i) {
    if (arrays[i].shape() != arrays[0].shape())
      throw ValueError("stack: all input arrays must have the same shape, but the array at index 0 has shape " +
                       shape_str_compact(arrays[0].shape()) + " and the array at index " + std::to_string(i) +
                       " has shape " + shape_str_compact(arrays[i].shape()));
    expanded.push_back(expand_dims(arrays[i], ax));
  }
  return concatenate(expanded, ax);
}

std::vector<Array> split(const Array& a, const std::vector<std::int64_t>& indices, int axis) {
  const int ax = normalize_axis(axis, a.ndim(), "split");
  const std::int64_t n = a.shape()[ax];
  std::vector<Array> out;
  std::int64_t prev = 0;
  auto piece = [&](std::int64_t lo, std::int64_t hi) {
    lo = std::clamp<std::int64_t>(lo < 0 ? lo + n : lo, 0, n);
    hi = std::clamp<std::int64_t>(hi < 0 ? hi + n : hi, 0, n);
    if (hi < lo) hi = lo;
    Shape s = a.shape();
    s[ax] = hi - lo;
    out.emplace_back(a.storage(), a.offset() + (hi > lo ? lo * a.strides()[ax] : 0), s, a.strides(), a.dtype());
  };
  for (auto i : indices) {
    piece(prev, i);
    prev = i;
  }
  piece(prev, n);
  return out;
}

std::vector<Array> split(const Array& a, std::int64_t sections, int axis) {
  const int ax = normalize_axis(axis, a.ndim(), "split");
  if (sections <= 0) throw ValueError("split: number sections must be larger than 0, got " + std::to_string(sections));
  const std::int64_t n = a.shape()[ax];
  if (n % sections != 0)
    throw ValueError("split: array split does not result in an equal division: axis " + std::to_string(ax) +
                     " has size " + std::to_string(n) + ", which " + std::to_string(sections) +
                     " sections do not divide");
  std::vector<std::int64_t> idx;
  for (std::int64_t k = 1; k < sections; ++k) idx.push_back(k * (n / sections));
  return split(a, idx, ax);
}

}  // namespace lina
