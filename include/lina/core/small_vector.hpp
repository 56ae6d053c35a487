// SmallVector<T, N>: a std::vector-like container that keeps up to N elements inside
// the object and moves to the heap beyond. lina's Shape and Strides are
// SmallVector<std::int64_t, 6>, so a new array of up to six dimensions allocates no
// memory for them (see docs/decisions.md, "Small arrays").
//
// Only for trivially copyable element types (sizes and strides): elements are moved
// with memcpy and never destroyed. The interface is the part of std::vector's that
// code uses on shapes (size, [], iterators, data, push_back, insert, erase, resize,
// comparisons, initializer lists), and it converts from and to std::vector<T>, so code
// written against `std::vector<std::int64_t>` keeps compiling.
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <limits>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace lina {

template <class T, std::size_t N>
class SmallVector {
  static_assert(std::is_trivially_copyable_v<T>, "SmallVector copies its elements with memcpy");
  static_assert(N > 0 && N < std::numeric_limits<std::uint32_t>::max());

 public:
  using value_type = T;
  using size_type = std::size_t;
  using difference_type = std::ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  static constexpr size_type inline_capacity = N;

  SmallVector() noexcept = default;
  explicit SmallVector(size_type n) { resize(n); }
  SmallVector(size_type n, const T& value) { assign(n, value); }
  template <std::input_iterator It>
  SmallVector(It first, It last) {
    assign(first, last);
  }
  SmallVector(std::initializer_list<T> values) { assign(values.begin(), values.end()); }
  // Implicit both ways, so code and APIs written for std::vector<T> keep working.
  SmallVector(const std::vector<T>& v) { assign(v.begin(), v.end()); }  // NOLINT(google-explicit-constructor)
  operator std::vector<T>() const { return std::vector<T>(begin(), end()); }  // NOLINT

  SmallVector(const SmallVector& other) { assign(other.begin(), other.end()); }
  SmallVector(SmallVector&& other) noexcept { take(other); }
  SmallVector& operator=(const SmallVector& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  SmallVector& operator=(std::initializer_list<T> values) {
    assign(values.begin(), values.end());
    return *this;
  }
  SmallVector& operator=(const std::vector<T>& v) {
    assign(v.begin(), v.end());
    return *this;
  }
  ~SmallVector() { release(); }

  // --- size and capacity ---------------------------------------------------------
  size_type size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  size_type capacity() const noexcept { return capacity_; }
  size_type max_size() const noexcept { return std::numeric_limits<std::uint32_t>::max(); }
  // True while the elements are stored inside the object.
  bool is_inline() const noexcept { return data_ == inline_; }
  void reserve(size_type n) {
    if (n > capacity_) grow_to(n);
  }
  void shrink_to_fit() noexcept {}
  void resize(size_type n) { resize(n, T{}); }
  void resize(size_type n, const T& value) {
    if (n > size_) {
      const T v = value;  // `value` may be an element of this vector
      reserve(n);
      std::fill(data_ + size_, data_ + n, v);
    }
    size_ = static_cast<std::uint32_t>(n);
  }
  void clear() noexcept { size_ = 0; }

  // --- element access ------------------------------------------------------------
  T& operator[](size_type i) noexcept { return data_[i]; }
  const T& operator[](size_type i) const noexcept { return data_[i]; }
  T& at(size_type i) {
    check_index(i);
    return data_[i];
  }
  const T& at(size_type i) const {
    check_index(i);
    return data_[i];
  }
  T& front() noexcept { return data_[0]; }
  const T& front() const noexcept { return data_[0]; }
  T& back() noexcept { return data_[size_ - 1]; }
  const T& back() const noexcept { return data_[size_ - 1]; }
  T* data() noexcept { return data_; }
  const T* data() const noexcept { return data_; }

  // --- iterators -----------------------------------------------------------------
  iterator begin() noexcept { return data_; }
  iterator end() noexcept { return data_ + size_; }
  const_iterator begin() const noexcept { return data_; }
  const_iterator end() const noexcept { return data_ + size_; }
  const_iterator cbegin() const noexcept { return data_; }
  const_iterator cend() const noexcept { return data_ + size_; }
  reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
  reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }
  const_reverse_iterator crbegin() const noexcept { return rbegin(); }
  const_reverse_iterator crend() const noexcept { return rend(); }

  // --- modifiers -----------------------------------------------------------------
  void assign(size_type n, const T& value) {
    const T v = value;
    size_ = 0;
    resize(n, v);
  }
  template <std::input_iterator It>
  void assign(It first, It last) {
    if constexpr (std::forward_iterator<It>) {
      const auto n = static_cast<size_type>(std::distance(first, last));
      if (n > capacity_) {
        // Copy first: the range may lie in this vector's own storage.
        SmallVector tmp;
        tmp.grow_to(n);
        std::copy(first, last, tmp.data_);
        tmp.size_ = static_cast<std::uint32_t>(n);
        *this = std::move(tmp);
        return;
      }
      // Within capacity: memmove, as the range may overlap this vector's elements.
      if constexpr (std::contiguous_iterator<It>) {
        if (n > 0) std::memmove(data_, std::to_address(first), n * sizeof(T));
      } else {
        std::copy(first, last, data_);
      }
      size_ = static_cast<std::uint32_t>(n);
    } else {
      clear();
      for (; first != last; ++first) push_back(*first);
    }
  }
  void assign(std::initializer_list<T> values) { assign(values.begin(), values.end()); }

  void push_back(const T& value) {
    if (size_ == capacity_) {
      const T v = value;
      grow_to(size_ + 1);
      data_[size_++] = v;
    } else {
      data_[size_++] = value;
    }
  }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    push_back(T(std::forward<Args>(args)...));
    return back();
  }
  void pop_back() noexcept { --size_; }

  iterator insert(const_iterator pos, const T& value) { return insert(pos, size_type{1}, value); }
  iterator insert(const_iterator pos, size_type n, const T& value) {
    const T v = value;
    const size_type at = static_cast<size_type>(pos - data_);
    open_gap(at, n);
    std::fill(data_ + at, data_ + at + n, v);
    return data_ + at;
  }
  template <std::input_iterator It>
  iterator insert(const_iterator pos, It first, It last) {
    const size_type at = static_cast<size_type>(pos - data_);
    const SmallVector values(first, last);  // the range may lie in this vector
    open_gap(at, values.size());
    std::copy(values.begin(), values.end(), data_ + at);
    return data_ + at;
  }
  iterator insert(const_iterator pos, std::initializer_list<T> values) {
    return insert(pos, values.begin(), values.end());
  }
  template <class... Args>
  iterator emplace(const_iterator pos, Args&&... args) {
    return insert(pos, T(std::forward<Args>(args)...));
  }

  iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    const size_type at = static_cast<size_type>(first - data_);
    const size_type n = static_cast<size_type>(last - first);
    if (n > 0) {
      std::memmove(data_ + at, data_ + at + n, (size_ - at - n) * sizeof(T));
      size_ -= static_cast<std::uint32_t>(n);
    }
    return data_ + at;
  }

  void swap(SmallVector& other) noexcept {
    SmallVector tmp(std::move(other));
    other = std::move(*this);
    *this = std::move(tmp);
  }
  friend void swap(SmallVector& a, SmallVector& b) noexcept { a.swap(b); }

  // --- comparisons (hidden friends: a std::vector<T> operand converts) --------------
  friend bool operator==(const SmallVector& a, const SmallVector& b) {
    return a.size_ == b.size_ && std::equal(a.begin(), a.end(), b.begin());
  }
  friend auto operator<=>(const SmallVector& a, const SmallVector& b) {
    return std::lexicographical_compare_three_way(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  void release() noexcept {
    if (!is_inline()) std::free(data_);
    data_ = inline_;
    capacity_ = N;
    size_ = 0;
  }
  // Takes other's elements and leaves it empty (inline).
  void take(SmallVector& other) noexcept {
    if (other.is_inline()) {
      std::memcpy(inline_, other.inline_, sizeof inline_);
    } else {
      data_ = other.data_;
      capacity_ = other.capacity_;
      other.data_ = other.inline_;
      other.capacity_ = N;
    }
    size_ = other.size_;
    other.size_ = 0;
  }
  void grow_to(size_type n) {
    if (n > max_size()) throw std::length_error("SmallVector: more than 2**32 - 1 elements");
    const size_type cap = std::min<size_type>(max_size(), std::max<size_type>(n, 2 * size_type{capacity_}));
    T* p = static_cast<T*>(std::malloc(cap * sizeof(T)));
    if (!p) throw std::bad_alloc();
    if (size_ > 0) std::memcpy(p, data_, size_ * sizeof(T));
    if (!is_inline()) std::free(data_);
    data_ = p;
    capacity_ = static_cast<std::uint32_t>(cap);
  }
  // Makes room for n elements at index `at`, moving the tail up.
  void open_gap(size_type at, size_type n) {
    if (n == 0) return;
    reserve(size_ + n);
    std::memmove(data_ + at + n, data_ + at, (size_ - at) * sizeof(T));
    size_ += static_cast<std::uint32_t>(n);
  }
  void check_index(size_type i) const {
    if (i >= size_)
      throw std::out_of_range("SmallVector::at: index " + std::to_string(i) + " is out of range for size " +
                              std::to_string(size_));
  }

  T* data_ = inline_;
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = N;
  T inline_[N] = {};
};

}  // namespace lina
