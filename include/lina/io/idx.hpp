// The IDX format of the MNIST family (LeCun et al., http://yann.lecun.com/exdb/mnist/):
// a 4-byte magic number (two zero bytes, a type code, the number of dimensions), the
// sizes as big-endian uint32, then the elements in C order, big-endian. Files are often
// gzip-compressed (`.gz`); both forms are read.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "lina/core/array.hpp"

namespace lina {

// Reads an IDX file, gzip-compressed or not. Element types: unsigned byte (uint8),
// signed byte, short and int (int32, widened: lina has no int8/int16), float (float32),
// double (float64). A missing, truncated or corrupt file raises IOError naming the file
// and what is wrong; a file declaring more data than lina may allocate raises before
// allocating.
Array load_idx(const std::string& path);

// The same from bytes already in memory (`what` names them in errors).
Array idx_from_bytes(std::span<const std::byte> bytes, const std::string& what = "<memory>");

}  // namespace lina
