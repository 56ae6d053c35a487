// NumPy-style printing: repr() as numpy's repr(a), str() as print(a), with NumPy's
// column alignment, float formatting (shortest round-trip digits, at most `precision`
// after the point, scientific notation when the magnitudes call for it), line
// wrapping and `...` summarisation of large arrays.
#pragma once

#include <ostream>
#include <string>

#include "lina/core/array.hpp"

namespace lina {

struct PrintOptions {
  int precision = 8;      // digits after the point, at most
  std::int64_t threshold = 1000;  // summarise arrays with more elements than this
  int edgeitems = 3;      // items shown at each end of a summarised axis
  int linewidth = 75;     // characters per line
};

PrintOptions get_printoptions();
void set_printoptions(const PrintOptions& options);

// numpy's repr(a): `array([[1., 2.],\n       [3., 4.]], dtype=float32)`.
std::string repr(const Array& a);
// numpy's str(a) (what print(a) shows): `[[1. 2.]\n [3. 4.]]`; a 0-d array prints
// its value.
std::string str(const Array& a);
// The value of a one-element array as NumPy prints a scalar of that dtype
// (`1.5`, `3`, `True`, `1e-05`).
std::string scalar_str(const Array& a);

// Writes str(a).
std::ostream& operator<<(std::ostream& os, const Array& a);

}  // namespace lina
