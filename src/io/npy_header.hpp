// Parsing the .npy header: a Python dict literal with keys 'descr', 'fortran_order'
// and 'shape', in any order.
#pragma once

#include <string>
#include <string_view>

#include "lina/core/dtype.hpp"
#include "lina/core/shape.hpp"

namespace lina::detail {

struct NpyHeader {
  DType dtype = DType::Float64;
  bool big_endian = false;
  bool fortran_order = false;
  Shape shape;
};

// Throws IOError("<what>: <reason>") for anything but a well-formed header.
NpyHeader parse_npy_header(std::string_view text, const std::string& what);

// The header text numpy.save writes for this dtype and shape (without padding).
std::string npy_header_dict(DType dtype, const Shape& shape);

}  // namespace lina::detail
