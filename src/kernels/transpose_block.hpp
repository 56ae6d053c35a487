// The transposing block copy behind NOTE: [Tiled transpose copy], and its scalar
// reference. Contract, for 0 <= r < rows and 0 <= c < cols, element by element:
//
//     dst[c * dst_stride + r] = src[r * src_stride + c]
//
//        src (rows x cols, rows along src_stride)     dst (cols x rows, rows along dst_stride)
//        c ->                                         r ->
//     r  a0 a1 a2 ...                              c  a0 b0 c0 ...
//     |  b0 b1 b2 ...                              |  a1 b1 c1 ...
//     v  c0 c1 c2 ...                              v  a2 b2 c2 ...
//
// (the drawing shows src_col_stride == itemsize, the case the vector kernel serves; any
// other column stride, e.g. a source sliced with a step, is copied one element at a
// time in the same cache tiles). Elements are `itemsize` bytes (1, 4 or 8) copied bit
// for bit (NaN payloads, -0.0); strides are in bytes, multiples of itemsize, and may be
// negative. src and dst must not overlap. Both pointers must be aligned to itemsize.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace lina::kernels {

// The fast kernel (transpose_block.cpp): tiles of the block transposed in vector
// registers (Highway, dispatched to the machine's widest target), scalar at the borders.
void transpose_block(std::size_t itemsize, const char* src, std::int64_t src_stride, std::int64_t src_col_stride,
                     std::int64_t rows, std::int64_t cols, char* dst, std::int64_t dst_stride);

// The reference: the contract above, one element at a time, in dst order.
inline void transpose_block_reference(std::size_t itemsize, const char* src, std::int64_t src_stride,
                                      std::int64_t src_col_stride, std::int64_t rows, std::int64_t cols, char* dst,
                                      std::int64_t dst_stride) {
  const auto size = static_cast<std::int64_t>(itemsize);
  for (std::int64_t c = 0; c < cols; ++c)
    for (std::int64_t r = 0; r < rows; ++r)
      std::memcpy(dst + c * dst_stride + r * size, src + r * src_stride + c * src_col_stride, itemsize);
}

}  // namespace lina::kernels
