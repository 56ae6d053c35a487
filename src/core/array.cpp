#include "lina/core/array.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "core/loop_plan.hpp"

namespace lina {

namespace {

const std::shared_ptr<Storage>& empty_storage() {
  static const std::shared_ptr<Storage> s = Storage::allocate(0);
  return s;
}

}  // namespace

Array::Array() : storage_(empty_storage()), shape_{0}, strides_{8}, size_(0) {}

Array::Array(std::shared_ptr<Storage> storage, std::int64_t offset_bytes, Shape shape,
             Strides strides, DType dtype)
    : storage_(std::move(storage)),
      offset_(offset_bytes),
      shape_(std::move(shape)),
      strides_(std::move(strides)),
      size_(shape_size(shape_)),
      dtype_(dtype) {
  if (!storage_) throw ValueError("Array: storage is null");
  if (strides_.size() != shape_.size())
    throw ValueError("Array: shape " + shape_str(shape_) + " has " + std::to_string(shape_.size()) +
                     " dimensions but " + std::to_string(strides_.size()) + " strides were given");
  if (size_ > 0) {
    std::int64_t lo = offset_, hi = offset_;
    for (std::size_t d = 0; d < shape_.size(); ++d) {
      const std::int64_t span = (shape_[d] - 1) * strides_[d];
      (span < 0 ? lo : hi) += span;
    }
    hi += itemsize();
    if (lo < 0 || hi > static_cast<std::int64_t>(storage_->nbytes()))
      throw ValueError("Array: a view with shape " + shape_str(shape_) + " at offset " +
                       std::to_string(offset_) + " reaches bytes [" + std::to_string(lo) + ", " +
                       std::to_string(hi) + ") outside its storage of " +
                       std::to_string(storage_->nbytes()) + " bytes");
  }
}

Array::Array(Shape shape, DType dtype)
    : offset_(0), shape_(std::move(shape)), dtype_(dtype) {
  size_ = shape_size(shape_);
  const std::int64_t isz = static_cast<std::int64_t>(lina::itemsize(dtype));
  if (size_ > std::numeric_limits<std::int64_t>::max() / isz)
    throw ValueError("array is too big: shape " + shape_str(shape_));
  storage_ = Storage::allocate(static_cast<std::size_t>(size_ * isz));
  strides_ = c_strides(shape_, isz);
}

std::int64_t Array::shape(int axis) const { return shape_[normalize_axis(axis, ndim(), "shape")]; }

bool Array::is_contiguous() const {
  if (size_ == 0) return true;
  std::int64_t expected = itemsize();
  for (int d = ndim() - 1; d >= 0; --d) {
    if (shape_[d] == 1) continue;
    if (strides_[d] != expected) return false;
    expected *= shape_[d];
  }
  return true;
}

bool Array::is_f_contiguous() const {
  if (size_ == 0) return true;
  std::int64_t expected = itemsize();
  for (int d = 0; d < ndim(); ++d) {
    if (shape_[d] == 1) continue;
    if (strides_[d] != expected) return false;
    expected *= shape_[d];
  }
  return true;
}

Array Array::copy() const {
  Array out(shape_, dtype_);
  detail::copy_cast(*this, out);
  return out;
}

Array Array::contiguous() const { return is_contiguous() ? *this : copy(); }

Array Array::astype(DType dtype) const {
  Array out(shape_, dtype);
  detail::copy_cast(*this, out);
  return out;
}

void Array::assign(const Array& src) {
  auto fail = [&] {
    throw ShapeError("assign: could not broadcast input array from shape " +
                     shape_str_compact(src.shape()) + " into shape " + shape_str_compact(shape_) +
                     "; the source must broadcast to the destination's shape");
  };
  // NumPy accepts extra leading size-1 dimensions on the source.
  Array s = src;
  if (src.ndim() > ndim()) {
    const int extra = src.ndim() - ndim();
    for (int d = 0; d < extra; ++d)
      if (src.shape_[d] != 1) fail();
    s = Array(src.storage_, src.offset_, Shape(src.shape_.begin() + extra, src.shape_.end()),
              Strides(src.strides_.begin() + extra, src.strides_.end()), src.dtype_);
  }
  for (int i = 1; i <= s.ndim(); ++i) {
    const std::int64_t ds = s.shape_[s.ndim() - i], dd = shape_[ndim() - i];
    if (ds != dd && ds != 1) fail();
  }
  if (s.storage_ == storage_) {
    const Array tmp = s.copy();
    detail::copy_cast(tmp, *this);
  } else {
    detail::copy_cast(s, *this);
  }
}

Array& Array::operator=(const Array& src) && {
  assign(src);
  return *this;
}

Array& Array::operator=(Scalar value) && {
  fill(value);
  return *this;
}

void Array::fill(Scalar value) {
  // A 0-d array holding the value in this dtype, broadcast over every element.
  Array v(Shape{}, dtype_);
  visit_dtype(dtype_, [&](auto t) {
    using T = decltype(t);
    T x;
    if constexpr (std::is_same_v<T, bool>)
      x = value.kind() == ScalarKind::Float ? value.as_double() != 0 : value.as_int() != 0;
    else if constexpr (std::is_floating_point_v<T>)
      x = static_cast<T>(value.as_double());
    else if (value.kind() == ScalarKind::Float) {
      Array f(Shape{}, DType::Float64);
      *static_cast<double*>(f.raw_data()) = value.as_double();
      Array c = f.astype(dtype_);
      x = *static_cast<const T*>(c.raw_data());
    } else {
      x = static_cast<T>(value.as_int());
    }
    *static_cast<T*>(v.raw_data()) = x;
  });
  detail::copy_cast(v, *this);
}

void Array::check_dtype(DType requested, const char* what) const {
  if (requested != dtype_)
    throw TypeError(std::string(what) + "<" + dtype_name(requested) + ">: array has dtype " +
                    dtype_name(dtype_) + "; use " + what + "<" +
                    [&] {
                      switch (dtype_) {
                        case DType::Bool: return "bool";
                        case DType::UInt8: return "std::uint8_t";
                        case DType::Int32: return "std::int32_t";
                        case DType::Int64: return "std::int64_t";
                        case DType::Float32: return "float";
                        case DType::Float64: return "double";
                      }
                      return "?";
                    }() +
                    "> or astype() first");
}

std::int64_t Array::element_offset(std::span<const std::int64_t> idx) const {
  if (static_cast<int>(idx.size()) != ndim())
    throw IndexError("at: array of shape " + shape_str(shape_) + " has " + std::to_string(ndim()) +
                     " dimensions but " + std::to_string(idx.size()) + " indices were given");
  std::int64_t off = offset_;
  for (int d = 0; d < ndim(); ++d) {
    std::int64_t i = idx[d];
    if (i < -shape_[d] || i >= shape_[d])
      throw IndexError("at: index " + std::to_string(i) + " is out of bounds for axis " +
                       std::to_string(d) + " with size " + std::to_string(shape_[d]) +
                       " (shape " + shape_str(shape_) + ")");
    if (i < 0) i += shape_[d];
    off += i * strides_[d];
  }
  return off;
}

}  // namespace lina
