// Indexing beyond the Array members (a(i, slice(...)), a[i], a[mask]): see
// lina/core/index.hpp for the spelling of NumPy's basic indexing.
#pragma once

#include <optional>

#include "lina/core/array.hpp"

namespace lina {

// The elements of `a` where the bool array `mask` is true (a[mask]); a copy.
Array boolean_mask(const Array& a, const Array& mask);

// Elements at integer `indices` along `axis` (flattened when none); a copy.
// Negative indices count from the end.
Array take(const Array& a, const Array& indices, std::optional<int> axis = std::nullopt);

}  // namespace lina
