// Views that change shape or axis order: no element is copied unless the strides
// cannot express the result (reshape of some non-contiguous arrays, flatten).
#include "lina/ops/shape_ops.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace lina {

namespace {

Array view(const Array& a, Shape shape, Strides strides, std::int64_t offset) {
  return Array(a.storage(), offset, std::move(shape), std::move(strides), a.dtype());
}

std::string axes_str(const std::vector<int>& axes) {
  std::string s = "(";
  for (std::size_t i = 0; i < axes.size(); ++i) s += (i ? ", " : "") + std::to_string(axes[i]);
  return s + (axes.size() == 1 ? ",)" : ")");
}

// The shape with -1 resolved; throws for two -1s, negative sizes or a size mismatch.
Shape resolve_shape(const Array& a, const Shape& shape) {
  Shape out = shape;
  int unknown = -1;
  std::int64_t known = 1;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == -1) {
      if (unknown >= 0) throw ValueError("reshape: can only specify one unknown dimension (-1), got shape " + shape_str(shape));
      unknown = static_cast<int>(i);
    } else if (out[i] < 0) {
      throw ValueError("reshape: negative dimension " + std::to_string(out[i]) + " in shape " + shape_str(shape));
    } else {
      known *= out[i];
    }
  }
  if (unknown >= 0) {
    if (known == 0 || a.size() % known != 0)
      throw ValueError("reshape: cannot reshape array of size " + std::to_string(a.size()) + " into shape " +
                       shape_str(shape));
    out[unknown] = a.size() / known;
  } else if (known != a.size()) {
    throw ValueError("reshape: cannot reshape array of size " + std::to_string(a.size()) + " into shape " +
                     shape_str(shape));
  }
  return out;
}

// Strides for viewing `a` at `shape` without a copy, or false when impossible. Walks
// old and new dimensions in step, matching groups whose sizes multiply to the same
// value; each old group must be contiguous in itself (cf. NumPy's
// _attempt_nocopy_reshape).
bool nocopy_strides(const Array& a, const Shape& shape, Strides& out) {
  Shape od;
  Strides os;
  for (int d = 0; d < a.ndim(); ++d)
    if (a.shape()[d] != 1) {
      od.push_back(a.shape()[d]);
      os.push_back(a.strides()[d]);
    }
  const std::size_t on = od.size(), nn = shape.size();
  out.assign(nn, 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < nn && oi < on) {
    std::int64_t np = shape[ni], op = od[oi];
    while (np != op) {
      if (np < op) np *= shape[nj++];
      else op *= od[oj++];
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok)
      if (os[ok] != od[ok + 1] * os[ok + 1]) return false;
    out[nj - 1] = os[oj - 1];
    for (std::size_t nk = nj - 1; nk > ni; --nk) out[nk - 1] = out[nk] * shape[nk];
    ni = nj++;
    oi = oj++;
  }
  // Trailing size-1 dimensions: any stride works; use the item size.
  for (std::size_t k = ni; k < nn; ++k) out[k] = a.itemsize();
  return true;
}

std::vector<int> normalize_permutation(const std::vector<int>& axes, int ndim, const char* op) {
  if (static_cast<int>(axes.size()) != ndim)
    throw ValueError(std::string(op) + ": axes " + axes_str(axes) + " don't match array of dimension " +
                     std::to_string(ndim) + "; give a permutation of 0.." + std::to_string(ndim - 1));
  std::vector<int> perm(axes.size());
  std::vector<bool> seen(ndim, false);
  for (std::size_t i = 0; i < axes.size(); ++i) {
    perm[i] = normalize_axis(axes[i], ndim, op);
    if (seen[perm[i]])
      throw ValueError(std::string(op) + ": repeated axis in " + axes_str(axes) + "; give a permutation of 0.." +
                       std::to_string(ndim - 1));
    seen[perm[i]] = true;
  }
  return perm;
}

}  // namespace

Array reshape(const Array& a, const Shape& shape) {
  const Shape s = resolve_shape(a, shape);
  if (a.size() == 0) return view(a, s, c_strides(s, a.itemsize()), a.offset());
  Strides st;
  if (nocopy_strides(a, s, st)) return view(a, s, std::move(st), a.offset());
  const Array c = a.copy();
  return view(c, s, c_strides(s, a.itemsize()), c.offset());
}

Array transpose(const Array& a) {
  Shape s(a.shape().rbegin(), a.shape().rend());
  Strides st(a.strides().rbegin(), a.strides().rend());
  return view(a, std::move(s), std::move(st), a.offset());
}

Array transpose(const Array& a, const std::vector<int>& axes) {
  const auto perm = normalize_permutation(axes, a.ndim(), "transpose");
  Shape s(perm.size());
  Strides st(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) {
    s[i] = a.shape()[perm[i]];
    st[i] = a.strides()[perm[i]];
  }
  return view(a, std::move(s), std::move(st), a.offset());
}

Array swapaxes(const Array& a, int axis1, int axis2) {
  const int i = normalize_axis(axis1, a.ndim(), "swapaxes"), j = normalize_axis(axis2, a.ndim(), "swapaxes");
  std::vector<int> perm(a.ndim());
  std::iota(perm.begin(), perm.end(), 0);
  std::swap(perm[i], perm[j]);
  return transpose(a, perm);
}

Array moveaxis(const Array& a, int source, int destination) {
  return moveaxis(a, std::vector<int>{source}, std::vector<int>{destination});
}

Array moveaxis(const Array& a, const std::vector<int>& source, const std::vector<int>& destination) {
  if (source.size() != destination.size())
    throw ValueError("moveaxis: `source` and `destination` arguments must have the same number of elements, got " +
                     std::to_string(source.size()) + " and " + std::to_string(destination.size()));
  const int nd = a.ndim();
  std::vector<int> src, dst;
  for (int s : source) src.push_back(normalize_axis(s, nd, "moveaxis"));
  for (int d : destination) dst.push_back(normalize_axis(d, nd, "moveaxis"));
  std::vector<int> order;
  for (int d = 0; d < nd; ++d)
    if (std::find(src.begin(), src.end(), d) == src.end()) order.push_back(d);
  std::vector<std::pair<int, int>> moves;
  for (std::size_t i = 0; i < src.size(); ++i) moves.emplace_back(dst[i], src[i]);
  std::sort(moves.begin(), moves.end());
  for (auto [d, s] : moves) order.insert(order.begin() + std::min<int>(d, static_cast<int>(order.size())), s);
  return transpose(a, order);
}

Array expand_dims(const Array& a, const Axes& axis) {
  if (axis.is_none()) throw TypeError("expand_dims: axis must be an int or a tuple of ints, not None");
  const int nd = a.ndim() + static_cast<int>(axis.values().size());
  const std::vector<int> axes = axis.normalize(nd, "expand_dims");
  Shape s;
  Strides st;
  int src = 0;
  for (int d = 0; d < nd; ++d) {
    if (std::binary_search(axes.begin(), axes.end(), d)) {
      s.push_back(1);
      st.push_back(a.itemsize());
    } else {
      s.push_back(a.shape()[src]);
      st.push_back(a.strides()[src]);
      ++src;
    }
  }
  return view(a, std::move(s), std::move(st), a.offset());
}

Array squeeze(const Array& a, const Axes& axis) {
  std::vector<int> drop;
  if (axis.is_none()) {
    for (int d = 0; d < a.ndim(); ++d)
      if (a.shape()[d] == 1) drop.push_back(d);
  } else {
    drop = axis.normalize(a.ndim(), "squeeze");
    for (int d : drop)
      if (a.shape()[d] != 1)
        throw ValueError("squeeze: cannot select an axis to squeeze out which has size not equal to one: axis " +
                         std::to_string(d) + " has size " + std::to_string(a.shape()[d]) + " in shape " +
                         shape_str(a.shape()));
  }
  Shape s;
  Strides st;
  for (int d = 0; d < a.ndim(); ++d)
    if (!std::binary_search(drop.begin(), drop.end(), d)) {
      s.push_back(a.shape()[d]);
      st.push_back(a.strides()[d]);
    }
  return view(a, std::move(s), std::move(st), a.offset());
}

Array ravel(const Array& a) { return reshape(a, {a.size()}); }
Array flatten(const Array& a) { return reshape(a.copy(), {a.size()}); }

Array broadcast_to(const Array& a, const Shape& shape) {
  bool ok = a.ndim() <= static_cast<int>(shape.size());
  for (auto s : shape)
    if (s < 0) throw ValueError("broadcast_to: all elements of the shape must be non-negative, got " + shape_str(shape));
  const int off = static_cast<int>(shape.size()) - a.ndim();
  for (int d = 0; ok && d < a.ndim(); ++d) ok = a.shape()[d] == shape[off + d] || a.shape()[d] == 1;
  if (!ok)
    throw ShapeError("broadcast_to: cannot broadcast shape " + shape_str_compact(a.shape()) + " to " +
                     shape_str_compact(shape) + "; each size must match the target's or be 1, aligned from the right");
  Strides st(shape.size(), 0);
  for (int d = 0; d < a.ndim(); ++d) st[off + d] = a.shape()[d] == 1 && shape[off + d] != 1 ? 0 : a.strides()[d];
  return view(a, shape, std::move(st), a.offset());
}

std::vector<Array> broadcast_arrays(const std::vector<Array>& arrays) {
  std::vector<Shape> shapes;
  for (const auto& a : arrays) shapes.push_back(a.shape());
  const Shape s = broadcast_shapes(shapes, "broadcast_arrays");
  std::vector<Array> out;
  for (const auto& a : arrays) out.push_back(broadcast_to(a, s));
  return out;
}

// Members that are views.
Array Array::reshape(const Shape& shape) const { return lina::reshape(*this, shape); }
Array Array::transpose() const { return lina::transpose(*this); }
Array Array::transpose(const std::vector<int>& axes) const { return lina::transpose(*this, axes); }
Array Array::flatten() const { return lina::flatten(*this); }
Array Array::ravel() const { return lina::ravel(*this); }
Array Array::squeeze() const { return lina::squeeze(*this); }

}  // namespace lina
