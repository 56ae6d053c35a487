// Indexing beyond the Array members (a(i, slice(...)), a[i], a[mask]): see
// lina/core/index.hpp for the spelling of NumPy's basic indexing; advanced (integer and
// bool array) indexing is advanced_index below.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "lina/core/array.hpp"

namespace lina {

// The elements of `a` where the bool array `mask` is true (a[mask]); a copy.
Array boolean_mask(const Array& a, const Array& mask);

// Elements at integer `indices` along `axis` (flattened when none); a copy.
// Negative indices count from the end.
Array take(const Array& a, const Array& indices, std::optional<int> axis = std::nullopt);

// The indices of the true (non-zero) elements of `a`, one int64 array per dimension
// (numpy.nonzero); a 0-d `a` counts as 1-d.
std::vector<Array> nonzero(const Array& a);

// One component of an advanced index: anything basic indexing takes (an integer, a
// slice, newaxis, ellipsis) or an integer or bool array.
class AdvancedIndex {
 public:
  template <class I>
    requires std::is_constructible_v<Index, I>
  AdvancedIndex(I&& i) : v_(Index(std::forward<I>(i))) {}  // NOLINT: implicit by design
  AdvancedIndex(Array a) : v_(std::move(a)) {}              // NOLINT
  const std::variant<Index, Array>& value() const { return v_; }

 private:
  std::variant<Index, Array> v_;
};

// NumPy's indexing with integer and bool arrays among the components, a copy:
//   NumPy                 lina
//   x[rows, cols]         advanced_index(x, {rows, cols})      (the arrays broadcast)
//   x[:, idx]             advanced_index(x, {colon, idx})
//   x[mask, 0]            advanced_index(x, {mask, 0})         (mask: its nonzero())
// With arrays present, integers count as arrays too. The broadcast arrays' dimensions
// replace the indexed ones where they stand when the array components are adjacent, and
// come first otherwise, as in NumPy. Without arrays this is basic indexing (a view).
// IndexError for indices out of bounds, float index arrays, a bool array whose shape
// does not match the dimensions it indexes, and arrays that do not broadcast.
Array advanced_index(const Array& a, std::span<const AdvancedIndex> idx);
inline Array advanced_index(const Array& a, std::initializer_list<AdvancedIndex> idx) {
  return advanced_index(a, std::span<const AdvancedIndex>(idx.begin(), idx.size()));
}

}  // namespace lina
