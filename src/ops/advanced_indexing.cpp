// NumPy's advanced indexing (integer and bool arrays among the index components) and
// nonzero(). Reference: NumPy's user guide, "Indexing on ndarrays", section "Advanced
// indexing" (the broadcasting of index arrays and where their dimensions go).
//
// The plan: (1) bool arrays become their nonzero() coordinates, one integer array per
// dimension they cover, and integers become 0-d arrays; (2) the remaining slices and
// newaxes make a basic view v, in which each array-indexed dimension is kept whole;
// (3) the index arrays broadcast to a shape B and turn into one byte offset into v per
// element of B; (4) the result, C-ordered, is gathered from v: the basic dimensions
// before the arrays' place, B, then the basic dimensions after it (or B first when the
// array components were not adjacent).
#include <algorithm>
#include <cstring>
#include <string>
#include <variant>

#include "lina/ops/indexing.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina {

std::vector<Array> nonzero(const Array& a) {
  const Array flat = (a.ndim() == 0 ? a.reshape({1}) : a).astype(DType::Bool).contiguous();
  const bool* p = flat.data<bool>();
  const std::int64_t count = std::count(p, p + flat.size(), true);
  const int nd = std::max(1, a.ndim());
  std::vector<Array> out;
  for (int d = 0; d < nd; ++d) out.emplace_back(Shape{count}, DType::Int64);
  const Shape shape = a.ndim() == 0 ? Shape{1} : a.shape();
  Shape at(static_cast<std::size_t>(nd), 0);  // the C-order coordinates of element i
  std::int64_t j = 0;
  for (std::int64_t i = 0; i < flat.size(); ++i) {
    if (p[i]) {
      for (int d = 0; d < nd; ++d) out[static_cast<std::size_t>(d)].data<std::int64_t>()[j] = at[static_cast<std::size_t>(d)];
      ++j;
    }
    for (int d = nd - 1; d >= 0; --d) {
      if (++at[static_cast<std::size_t>(d)] < shape[static_cast<std::size_t>(d)]) break;
      at[static_cast<std::size_t>(d)] = 0;
    }
  }
  return out;
}

namespace {

// A component after step (1): basic, or an integer array that indexes one dimension.
struct Component {
  std::variant<Index, Array> v;
  bool on_new_axis = false;  // a 0-d bool's coordinates, indexing a new axis of length 1
  bool is_array() const { return std::holds_alternative<Array>(v); }
};

}  // namespace

Array advanced_index(const Array& a, std::span<const AdvancedIndex> idx) {
  bool any_array = false;
  for (const auto& c : idx) any_array = any_array || std::holds_alternative<Array>(c.value());
  if (!any_array) {
    std::vector<Index> basic;
    for (const auto& c : idx) basic.push_back(std::get<Index>(c.value()));
    return a.index(basic);
  }

  // (1) Components; bool arrays checked against the dimensions they cover.
  std::vector<Component> comps;
  int consumed = 0, ellipses = 0;
  for (const auto& c : idx) {
    if (const auto* arr = std::get_if<Array>(&c.value())) {
      if (arr->dtype() == DType::Bool) {
        if (arr->ndim() == 0) {
          // NumPy: a 0-d bool indexes a new axis of length 1 with its nonzero() coordinates,
          // [0] for True and [] for False, so x[True] has shape (1, ...) and x[False]
          // (0, ...); it covers no dimension of x and broadcasts with the other arrays.
          Array coord(Shape{arr->item<bool>() ? 1 : 0}, DType::Int64);
          if (coord.size() == 1) coord.data<std::int64_t>()[0] = 0;
          comps.push_back({std::move(coord), true});
          continue;
        }
        for (Array& coord : nonzero(*arr)) comps.push_back({std::move(coord)});
        consumed += arr->ndim();
      } else if (is_integer(arr->dtype())) {
        comps.push_back({*arr});
        ++consumed;
      } else {
        throw IndexError(std::string("index: arrays used as indices must be of integer (or boolean) type, got ") +
                         dtype_name(arr->dtype()));
      }
    } else {
      const Index& i = std::get<Index>(c.value());
      if (const auto* k = std::get_if<std::int64_t>(&i.value())) {
        Array zero_d(Shape{}, DType::Int64);
        zero_d.data<std::int64_t>()[0] = *k;
        comps.push_back({zero_d});
        ++consumed;
      } else {
        if (std::holds_alternative<EllipsisIndex>(i.value())) ++ellipses;
        else if (std::holds_alternative<Slice>(i.value())) ++consumed;
        comps.push_back({i});
      }
    }
  }
  if (ellipses > 1) throw IndexError("index: an index can only have a single ellipsis ('...')");
  if (consumed > a.ndim())
    throw IndexError("index: too many indices for array: array is " + std::to_string(a.ndim()) +
                     "-dimensional, but " + std::to_string(consumed) + " were indexed");
  // The bool arrays' shapes: each must equal the dimensions it covers.
  {
    int d = 0;
    for (const auto& c : idx) {
      if (const auto* arr = std::get_if<Array>(&c.value())) {
        if (arr->dtype() == DType::Bool) {
          for (int k = 0; k < arr->ndim(); ++k)
            if (arr->shape()[k] != a.shape()[d + k])
              throw IndexError("index: boolean index did not match indexed array along dimension " +
                               std::to_string(d + k) + "; dimension is " + std::to_string(a.shape()[d + k]) +
                               " but corresponding boolean dimension is " + std::to_string(arr->shape()[k]));
          d += arr->ndim();
        } else {
          ++d;
        }
      } else if (std::holds_alternative<EllipsisIndex>(std::get<Index>(c.value()).value())) {
        d += a.ndim() - consumed;
      } else if (!std::holds_alternative<NewAxis>(std::get<Index>(c.value()).value())) {
        ++d;
      }
    }
  }

  // (2) The basic view: array components index whole dimensions for now. Ellipsis
  // becomes the colons it stands for; missing trailing dimensions are whole too.
  std::vector<Index> basic;
  std::vector<int> array_dim;       // for each array component, its dimension in v
  std::vector<Array> arrays;
  std::vector<int> array_position;  // and its position among the components
  std::vector<int> array_a_dim;     // and the dimension of `a` it indexes (for messages)
  int vdim = 0, adim = 0;
  for (std::size_t p = 0; p < comps.size(); ++p) {
    if (comps[p].is_array()) {
      basic.emplace_back(comps[p].on_new_axis ? Index(newaxis) : Index(colon));
      array_a_dim.push_back(comps[p].on_new_axis ? adim : adim++);
      array_dim.push_back(vdim++);
      arrays.push_back(std::get<Array>(comps[p].v));
      array_position.push_back(static_cast<int>(p));
      continue;
    }
    const Index& i = std::get<Index>(comps[p].v);
    if (std::holds_alternative<EllipsisIndex>(i.value())) {
      for (int r = 0; r < a.ndim() - consumed; ++r, ++vdim, ++adim) basic.emplace_back(colon);
    } else {
      basic.push_back(i);
      ++vdim;
      if (!std::holds_alternative<NewAxis>(i.value())) ++adim;
    }
  }
  const Array v = a.index(basic);
  const bool adjacent = array_position.back() - array_position.front() + 1 == static_cast<int>(array_position.size());

  // (3) Broadcast the index arrays and turn them into byte offsets into v.
  std::vector<Shape> shapes;
  for (const Array& arr : arrays) shapes.push_back(arr.shape());
  Shape b_shape;
  try {
    b_shape = broadcast_shapes(shapes, "index");
  } catch (const ShapeError&) {
    std::string list;
    for (const Shape& s : shapes) list += (list.empty() ? "" : " ") + shape_str_compact(s);
    throw IndexError("index: shape mismatch: indexing arrays could not be broadcast together with shapes " + list);
  }
  const std::int64_t nb = shape_size(b_shape);
  std::vector<std::int64_t> offsets(static_cast<std::size_t>(nb), 0);
  for (std::size_t k = 0; k < arrays.size(); ++k) {
    const Array ik = broadcast_to(arrays[k], b_shape).astype(DType::Int64).contiguous();
    const std::int64_t* ip = ik.data<std::int64_t>();
    const int d = array_dim[k];
    const std::int64_t n = v.shape()[d], stride = v.strides()[d];
    for (std::int64_t e = 0; e < nb; ++e) {
      std::int64_t x = ip[e];
      if (x < -n || x >= n)
        throw IndexError("index: index " + std::to_string(x) + " is out of bounds for axis " + std::to_string(array_a_dim[k]) +
                         " with size " + std::to_string(n));
      if (x < 0) x += n;
      offsets[static_cast<std::size_t>(e)] += x * stride;
    }
  }

  // (4) Gather. The basic dimensions of v, split at the arrays' place.
  std::vector<int> pre, post;
  const int first_array_dim = array_dim.front();
  for (int d = 0; d < v.ndim(); ++d) {
    if (std::find(array_dim.begin(), array_dim.end(), d) != array_dim.end()) continue;
    if (adjacent && d < first_array_dim) pre.push_back(d);
    else post.push_back(d);
  }
  Shape out_shape;
  for (int d : pre) out_shape.push_back(v.shape()[d]);
  out_shape.insert(out_shape.end(), b_shape.begin(), b_shape.end());
  for (int d : post) out_shape.push_back(v.shape()[d]);
  Array out(out_shape, a.dtype());
  if (out.size() == 0) return out;

  const std::int64_t item = a.itemsize();
  const char* base = static_cast<const char*>(v.raw_data());
  char* dst = static_cast<char*>(out.raw_data());
  std::int64_t post_size = 1;
  for (int d : post) post_size *= v.shape()[d];
  // Copies the post block at src (an odometer over the post dimensions), advancing dst.
  auto copy_post = [&](const char* src) {
    if (post.empty()) {
      std::memcpy(dst, src, static_cast<std::size_t>(item));
      dst += item;
      return;
    }
    Shape at(post.size(), 0);
    const int inner = post.back();
    const std::int64_t inner_n = v.shape()[inner], inner_stride = v.strides()[inner];
    for (std::int64_t done = 0; done < post_size; done += inner_n) {
      std::int64_t off = 0;
      for (std::size_t q = 0; q + 1 < post.size(); ++q) off += at[q] * v.strides()[post[q]];
      const char* s = src + off;
      for (std::int64_t e = 0; e < inner_n; ++e, dst += item) std::memcpy(dst, s + e * inner_stride, static_cast<std::size_t>(item));
      for (int q = static_cast<int>(post.size()) - 2; q >= 0; --q) {
        if (++at[static_cast<std::size_t>(q)] < v.shape()[post[static_cast<std::size_t>(q)]]) break;
        at[static_cast<std::size_t>(q)] = 0;
      }
    }
  };
  std::int64_t pre_size = 1;
  for (int d : pre) pre_size *= v.shape()[d];
  Shape at(pre.size(), 0);
  for (std::int64_t r = 0; r < pre_size; ++r) {
    std::int64_t pre_off = 0;
    for (std::size_t q = 0; q < pre.size(); ++q) pre_off += at[q] * v.strides()[pre[q]];
    for (std::int64_t e = 0; e < nb; ++e) copy_post(base + pre_off + offsets[static_cast<std::size_t>(e)]);
    for (int q = static_cast<int>(pre.size()) - 1; q >= 0; --q) {
      if (++at[static_cast<std::size_t>(q)] < v.shape()[pre[static_cast<std::size_t>(q)]]) break;
      at[static_cast<std::size_t>(q)] = 0;
    }
  }
  return out;
}

}  // namespace lina
