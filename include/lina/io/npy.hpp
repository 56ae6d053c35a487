// NumPy's .npy format, versions 1.0, 2.0 and 3.0 (numpy/lib/format.py). Files lina
// writes are byte-identical to numpy.save's; any malformed, truncated or hostile input
// raises lina::IOError with the reason, never a crash or an out-of-bounds read.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "lina/core/array.hpp"

namespace lina {

// Reads a .npy file (all six dtypes, either byte order, C or Fortran order).
Array load_npy(const std::string& path);
// Writes `a` in C order, through a temporary file renamed into place: a failure never
// leaves half a file behind.
void save_npy(const std::string& path, const Array& a);

// The same from and to memory; `what` names the source in error messages.
Array npy_from_bytes(std::span<const std::byte> bytes, const std::string& what = "<memory>");
std::string npy_to_bytes(const Array& a);

}  // namespace lina
