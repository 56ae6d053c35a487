// NOTE: [In-register transpose]
// transpose_block (contract in transpose_block.hpp) cuts the block into squares of L x L
// elements, L the lanes of one vector: it loads L source rows, transposes them in
// registers and stores L destination rows, so every load and store is a whole vector
// instead of one element. Inside each 128-bit block of the vectors, a butterfly of
// InterleaveLower/Upper at the element's own width transposes G = 16 / itemsize rows
// in log2(G) steps (rows j and j + G/2 interleaved into 2j and 2j + 1; after the last
// step vector j holds column j). Wider vectors hold NB = 2 or 4 such blocks, and the
// NB x NB matrix of blocks is transposed next: ConcatLowerLower / ConcatUpperUpper
// for 256 bits; for 512 bits first OddEvenBlocks of SwapAdjacentBlocks (blocks of pairs
// of groups exchanged), then the 256-bit halves joined. Squares: 16x16 float32/int32
// and 8x8 float64/int64 on AVX-512 (one 64-byte line per row), 8x8 and 4x4 on AVX2,
// 4x4 and 2x2 on 128-bit targets (SSE4, NEON); bytes always 16x16 in 128-bit vectors
// (wider squares of bytes need more rows than there are registers).
//
// The squares are visited in cache tiles (kTileRows x kTileCols): see NOTE: [Tiled
// transpose copy] for why the source lines of a tile must stay in cache. Ragged borders
// (rows or cols not a multiple of L) take the scalar reference.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/transpose_block.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/transpose_block.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR && !HWY_HAVE_SCALABLE

// Bytes per vector for elements of T: see the NOTE for why bytes stay at 128 bits.
template <class T>
constexpr std::size_t kSquareBytes = sizeof(T) == 1 ? 16 : (HWY_MAX_BYTES < 64 ? HWY_MAX_BYTES : 64);
template <class T>
constexpr std::int64_t kSquare = static_cast<std::int64_t>(kSquareBytes<T> / sizeof(T));

// One L x L square: dst[c * ds + r] = src[r * ss + c], strides in elements.
template <class T>
HWY_INLINE void TransposeSquare(const T* HWY_RESTRICT src, std::int64_t ss, T* HWY_RESTRICT dst, std::int64_t ds) {
  const hn::FixedTag<T, kSquare<T>> d;
  using V = hn::Vec<decltype(d)>;
  constexpr std::size_t L = kSquare<T>, G = 16 / sizeof(T), NB = L / G;
  V r[L];
  HWY_UNROLL(32)
  for (std::size_t i = 0; i < L; ++i) r[i] = hn::LoadU(d, src + static_cast<std::int64_t>(i) * ss);
  // 1. In every 128-bit block, each group g of G rows is transposed: afterwards
  //    r[g * G + j] holds, in block b, column b * G + j of the group's rows.
  HWY_UNROLL(4)
  for (std::size_t g = 0; g < L; g += G) {
    HWY_UNROLL(4)
    for (std::size_t step = 1; step < G; step *= 2) {
      V t[G];
      HWY_UNROLL(8)
      for (std::size_t j = 0; j < G / 2; ++j) {
        t[2 * j] = hn::InterleaveLower(d, r[g + j], r[g + j + G / 2]);
        t[2 * j + 1] = hn::InterleaveUpper(d, r[g + j], r[g + j + G / 2]);
      }
      HWY_UNROLL(16)
      for (std::size_t j = 0; j < G; ++j) r[g + j] = t[j];
    }
  }
  // 2. Column b * G + j gathers block b of r[j], r[G + j], ...: a transpose of the
  //    NB x NB matrix of blocks.
  auto store = [&](std::size_t col, V v) { hn::StoreU(v, d, dst + static_cast<std::int64_t>(col) * ds); };
  HWY_UNROLL(16)
  for (std::size_t j = 0; j < G; ++j) {
    if constexpr (NB == 1) {
      store(j, r[j]);
    } else if constexpr (NB == 2) {
      store(j, hn::ConcatLowerLower(d, r[G + j], r[j]));
      store(G + j, hn::ConcatUpperUpper(d, r[G + j], r[j]));
    } else {
      static_assert(NB == 4, "squares of one, two or four 128-bit blocks");
      // Swap odd blocks of group 0 with even blocks of group 1 (and 2 with 3), then
      // join 256-bit halves.
      const V p0 = hn::OddEvenBlocks(hn::SwapAdjacentBlocks(r[G + j]), r[j]);
      const V p1 = hn::OddEvenBlocks(r[G + j], hn::SwapAdjacentBlocks(r[j]));
      const V p2 = hn::OddEvenBlocks(hn::SwapAdjacentBlocks(r[3 * G + j]), r[2 * G + j]);
      const V p3 = hn::OddEvenBlocks(r[3 * G + j], hn::SwapAdjacentBlocks(r[2 * G + j]));
      store(j, hn::ConcatLowerLower(d, p2, p0));
      store(G + j, hn::ConcatLowerLower(d, p3, p1));
      store(2 * G + j, hn::ConcatUpperUpper(d, p2, p0));
      store(3 * G + j, hn::ConcatUpperUpper(d, p3, p1));
    }
  }
}

// Cache tiles, in elements: a tile's destination rows are written while its source
// rows stay in cache. Measured on 4096x4096 (thread CPU time, one thread, AVX-512):
// float32 tiles of 16 -> 12 GB/s, 64 -> 17, 128 -> 19, 256 -> 18-19, 512 -> 18;
// 128 rows x 64 columns 16.5, 64 x 128 18; float64 and uint8 alike (18 and 6.4 GB/s
// at 128). Walking tiles along the source's rows instead (one source row of tiles at
// a time) gave 11.
inline constexpr std::int64_t kTileRows = 128, kTileCols = 128;

template <class T>
void TransposeTiles(const T* src, std::int64_t ss, std::int64_t rows, std::int64_t cols, T* dst, std::int64_t ds) {
  constexpr std::int64_t L = kSquare<T>;
  const std::int64_t rows_full = rows / L * L, cols_full = cols / L * L;
  for (std::int64_t c0 = 0; c0 < cols_full; c0 += kTileCols) {
    const std::int64_t c1 = std::min(c0 + kTileCols, cols_full);
    for (std::int64_t r0 = 0; r0 < rows_full; r0 += kTileRows) {
      const std::int64_t r1 = std::min(r0 + kTileRows, rows_full);
      for (std::int64_t c = c0; c < c1; c += L)
        for (std::int64_t r = r0; r < r1; r += L) TransposeSquare(src + r * ss + c, ss, dst + c * ds + r, ds);
    }
  }
  // Ragged borders: the last rows (all columns), then the last columns of the full rows.
  constexpr std::int64_t size = sizeof(T);
  const char* s = reinterpret_cast<const char*>(src);
  char* o = reinterpret_cast<char*>(dst);
  if (rows_full < rows)
    transpose_block_reference(sizeof(T), s + rows_full * ss * size, ss * size, size, rows - rows_full, cols,
                              o + rows_full * size, ds * size);
  if (cols_full < cols)
    transpose_block_reference(sizeof(T), s + cols_full * size, ss * size, size, rows_full, cols - cols_full,
                              o + cols_full * ds * size, ds * size);
}

template <class T>
void TransposeBlockT(const char* src, std::int64_t src_stride, std::int64_t rows, std::int64_t cols, char* dst,
                     std::int64_t dst_stride) {
  constexpr auto size = static_cast<std::int64_t>(sizeof(T));
  TransposeTiles(reinterpret_cast<const T*>(src), src_stride / size, rows, cols, reinterpret_cast<T*>(dst),
                 dst_stride / size);
}

#else  // no fixed-size 128-bit vectors on this target: the reference

template <class T>
void TransposeBlockT(const char* src, std::int64_t src_stride, std::int64_t rows, std::int64_t cols, char* dst,
                     std::int64_t dst_stride) {
  transpose_block_reference(sizeof(T), src, src_stride, static_cast<std::int64_t>(sizeof(T)), rows, cols, dst,
                            dst_stride);
}

#endif

void TransposeBlock1(const char* src, std::int64_t ss, std::int64_t rows, std::int64_t cols, char* dst,
                     std::int64_t ds) {
  TransposeBlockT<std::uint8_t>(src, ss, rows, cols, dst, ds);
}
void TransposeBlock4(const char* src, std::int64_t ss, std::int64_t rows, std::int64_t cols, char* dst,
                     std::int64_t ds) {
  TransposeBlockT<std::uint32_t>(src, ss, rows, cols, dst, ds);
}
void TransposeBlock8(const char* src, std::int64_t ss, std::int64_t rows, std::int64_t cols, char* dst,
                     std::int64_t ds) {
  TransposeBlockT<std::uint64_t>(src, ss, rows, cols, dst, ds);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(TransposeBlock1);
HWY_EXPORT(TransposeBlock4);
HWY_EXPORT(TransposeBlock8);

// A source without unit column stride: element by element, in the vector kernel's
// cache tiles, which is what keeps the source lines in cache.
template <class T>
void transpose_strided_tiles(const char* src, std::int64_t ss, std::int64_t sc, std::int64_t rows, std::int64_t cols,
                             char* dst, std::int64_t ds) {
  constexpr std::int64_t tile = 128;
  for (std::int64_t c0 = 0; c0 < cols; c0 += tile)
    for (std::int64_t r0 = 0; r0 < rows; r0 += tile) {
      const std::int64_t c1 = std::min(c0 + tile, cols), r1 = std::min(r0 + tile, rows);
      for (std::int64_t c = c0; c < c1; ++c) {
        T* out = reinterpret_cast<T*>(dst + c * ds);
        const char* in = src + c * sc;
        for (std::int64_t r = r0; r < r1; ++r) std::memcpy(out + r, in + r * ss, sizeof(T));
      }
    }
}

void transpose_block(std::size_t itemsize, const char* src, std::int64_t src_stride, std::int64_t src_col_stride,
                     std::int64_t rows, std::int64_t cols, char* dst, std::int64_t dst_stride) {
  if (src_col_stride != static_cast<std::int64_t>(itemsize)) {
    switch (itemsize) {
      case 1: transpose_strided_tiles<std::uint8_t>(src, src_stride, src_col_stride, rows, cols, dst, dst_stride); break;
      case 4: transpose_strided_tiles<std::uint32_t>(src, src_stride, src_col_stride, rows, cols, dst, dst_stride); break;
      case 8: transpose_strided_tiles<std::uint64_t>(src, src_stride, src_col_stride, rows, cols, dst, dst_stride); break;
      default: transpose_block_reference(itemsize, src, src_stride, src_col_stride, rows, cols, dst, dst_stride); break;
    }
    return;
  }
  switch (itemsize) {
    case 1: HWY_DYNAMIC_DISPATCH(TransposeBlock1)(src, src_stride, rows, cols, dst, dst_stride); break;
    case 4: HWY_DYNAMIC_DISPATCH(TransposeBlock4)(src, src_stride, rows, cols, dst, dst_stride); break;
    case 8: HWY_DYNAMIC_DISPATCH(TransposeBlock8)(src, src_stride, rows, cols, dst, dst_stride); break;
    default: transpose_block_reference(itemsize, src, src_stride, src_col_stride, rows, cols, dst, dst_stride); break;
  }
}
}  // namespace lina::kernels
#endif
