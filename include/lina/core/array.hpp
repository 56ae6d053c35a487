// Array: NumPy's ndarray in C++. A value whose dtype and rank are known at run time:
// shared 64-byte-aligned storage, a byte offset, a shape and byte strides. Every
// operation is eager, so `auto` is always safe. Views (slices, transpose,
// broadcast_to, expand_dims, reshape-when-possible) share storage with their base and
// writes through them are seen by the base, as in NumPy.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "lina/core/dtype.hpp"
#include "lina/core/errors.hpp"
#include "lina/core/index.hpp"
#include "lina/core/scalar.hpp"
#include "lina/core/shape.hpp"
#include "lina/core/storage.hpp"

namespace lina {

class Array {
 public:
  // An empty float64 array of shape (0,).
  Array();
  // A view of `storage` (no copy). Throws ValueError if the view would reach outside it.
  Array(std::shared_ptr<Storage> storage, std::int64_t offset_bytes, Shape shape, Strides strides,
        DType dtype);
  // A new uninitialised C-order array.
  Array(Shape shape, DType dtype);

  // Copying an Array copies the handle (both share storage), as assigning a NumPy
  // array to a new name does. Use copy() for a deep copy.
  Array(const Array&) = default;
  Array(Array&&) noexcept = default;
  Array& operator=(const Array&) & = default;
  Array& operator=(Array&&) & noexcept = default;
  // Assigning to a temporary writes through it: `a(slice(1, 3)) = b` copies b
  // (broadcast to the view's shape and cast to its dtype) into a's elements, as
  // NumPy's `a[1:3] = b`.
  Array& operator=(const Array& src) &&;
  Array& operator=(Scalar value) &&;

  // --- shape and layout -------------------------------------------------------------
  int ndim() const { return static_cast<int>(shape_.size()); }
  const Shape& shape() const { return shape_; }
  std::int64_t shape(int axis) const;  // negative axes count from the end
  const Strides& strides() const { return strides_; }
  std::int64_t size() const { return size_; }
  DType dtype() const { return dtype_; }
  std::int64_t itemsize() const { return static_cast<std::int64_t>(lina::itemsize(dtype_)); }
  std::int64_t nbytes() const { return size_ * itemsize(); }
  std::int64_t offset() const { return offset_; }
  bool is_contiguous() const;    // C order
  bool is_f_contiguous() const;  // Fortran order
  const std::shared_ptr<Storage>& storage() const { return storage_; }
  // True when both arrays view the same storage.
  bool shares_memory_with(const Array& other) const { return storage_ == other.storage_; }

  // --- copies and conversions -------------------------------------------------------
  Array copy() const;                   // a new C-order array with the same values
  Array contiguous() const;             // *this if already C-contiguous, else copy()
  Array astype(DType dtype) const;      // always a new array, as NumPy's default
  // Writes `src` (broadcast to this shape, converted to this dtype as NumPy's
  // `a[...] = src` does, i.e. "unsafe" casting) into this array's elements. Overlap
  // between src and this array is handled as NumPy does (src is copied first).
  void assign(const Array& src);
  void fill(Scalar value);

  // --- typed element access (throws TypeError when T is not the dtype) --------------
  template <Element T>
  T* data();
  template <Element T>
  const T* data() const;
  void* raw_data() { return storage_->data() + offset_; }
  const void* raw_data() const { return storage_->data() + offset_; }
  // Element at (i, j, ...): one index per dimension, negative ones count from the end.
  template <Element T, class... I>
  T& at(I... idx);
  template <Element T, class... I>
  const T& at(I... idx) const;
  // The value of a one-element array.
  template <Element T>
  T item() const;

  // --- views (defined in src/ops/shape_ops.cpp, src/ops/indexing.cpp) ---------------
  Array reshape(const Shape& shape) const;  // one -1 allowed; a view when strides allow
  Array transpose() const;                  // reverses the axes
  Array transpose(const std::vector<int>& axes) const;
  Array T() const { return transpose(); }
  Array flatten() const;  // always a copy
  Array ravel() const;    // a view when contiguous
  Array squeeze() const;

  // Basic indexing: integers, slices, newaxis, ellipsis in any combination; a view.
  template <class... I>
  Array operator()(I&&... idx) const {
    return index({Index(std::forward<I>(idx))...});
  }
  Array index(std::span<const Index> idx) const;
  Array index(std::initializer_list<Index> idx) const {
    return index(std::span<const Index>(idx.begin(), idx.size()));
  }
  // a[i]: the i-th sub-array along axis 0 (a view).
  Array operator[](std::int64_t i) const;
  // a[mask]: the elements where the bool array `mask` is true (a copy, 1-D over the
  // masked axes); a[indices] for an integer array: take(a, indices, 0) (a copy). More
  // array components: advanced_index (lina/ops/indexing.hpp).
  Array operator[](const Array& index) const;

  // The matrix product, numpy's `a @ b` (defined in src/ops/linalg.cpp).
  Array matmul(const Array& b) const;

  // --- in-place arithmetic (defined in src/ops/elementwise.cpp) -----------------------
  // The right side must broadcast to this shape; the result is cast back to this
  // dtype, and casting that loses kind (float into int) is a TypeError, as NumPy's.
  Array& operator+=(const Array& b);
  Array& operator-=(const Array& b);
  Array& operator*=(const Array& b);
  Array& operator/=(const Array& b);
  Array& operator+=(Scalar b);
  Array& operator-=(Scalar b);
  Array& operator*=(Scalar b);
  Array& operator/=(Scalar b);

  // --- internal --------------------------------------------------------------------
  // Byte offset of element (i0, i1, ...) after bounds checks; used by at().
  std::int64_t element_offset(std::span<const std::int64_t> idx) const;

 private:
  void check_dtype(DType requested, const char* what) const;

  std::shared_ptr<Storage> storage_;
  std::int64_t offset_ = 0;  // bytes from storage_->data()
  Shape shape_;
  Strides strides_;
  std::int64_t size_ = 0;
  DType dtype_ = DType::Float64;
};

// ----------------------------------------------------------------------------------
// template definitions

template <Element T>
T* Array::data() {
  check_dtype(dtype_of<T>, "data");
  return reinterpret_cast<T*>(raw_data());
}

template <Element T>
const T* Array::data() const {
  check_dtype(dtype_of<T>, "data");
  return reinterpret_cast<const T*>(raw_data());
}

template <Element T, class... I>
T& Array::at(I... idx) {
  check_dtype(dtype_of<T>, "at");
  const std::int64_t ix[] = {static_cast<std::int64_t>(idx)..., 0};
  return *reinterpret_cast<T*>(storage_->data() +
                               element_offset(std::span<const std::int64_t>(ix, sizeof...(I))));
}

template <Element T, class... I>
const T& Array::at(I... idx) const {
  check_dtype(dtype_of<T>, "at");
  const std::int64_t ix[] = {static_cast<std::int64_t>(idx)..., 0};
  return *reinterpret_cast<const T*>(
      storage_->data() + element_offset(std::span<const std::int64_t>(ix, sizeof...(I))));
}

template <Element T>
T Array::item() const {
  check_dtype(dtype_of<T>, "item");
  if (size_ != 1)
    throw ValueError("item: can only convert an array of size 1 to a scalar, got shape " +
                     shape_str(shape_));
  return *reinterpret_cast<const T*>(raw_data());
}

}  // namespace lina
