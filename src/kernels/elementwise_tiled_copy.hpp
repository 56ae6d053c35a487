// NOTE: [Tiled transpose copy]
// A copy whose destination is contiguous along one plan dimension and whose source is
// contiguous along the other (a.T.copy(), out.assign(a.T)) reads one of them across
// rows whatever the loop order. Walked row by row, every element read touches a new
// cache line, and for power-of-two row lengths (4096 float32 = 16 KiB) the lines map to
// the same few cache sets and evict each other: about 1 GB/s. Copying square tiles
// keeps a tile's source lines in cache while the destination is written along them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/loop_plan.hpp"

namespace lina::kernels {

// Rows per tile: 16 source lines stay within L1's ways even when their addresses are a
// power of two apart. Measured on the 4096x4096 float32 transpose (one thread): 16 ->
// 5.6 GB/s, 32 -> 5.1, 64 -> 3.6; untiled 1.0.
inline constexpr std::int64_t kCopyTile = 16;

template <class T>
void copy_tile(char* dst, const char* src, std::int64_t n0, std::int64_t n1, std::int64_t d1, std::int64_t s0) {
  // dst(i0, i1) = dst + i0*sizeof(T) + i1*d1;  src(i0, i1) = src + i0*s0 + i1*sizeof(T)
  for (std::int64_t i1 = 0; i1 < n1; ++i1) {
    T* out = reinterpret_cast<T*>(dst + i1 * d1);
    const char* in = src + i1 * static_cast<std::int64_t>(sizeof(T));
    for (std::int64_t i0 = 0; i0 < n0; ++i0) std::memcpy(out + i0, in + i0 * s0, sizeof(T));
  }
}

// Copies a two-dimensional plan (operand 0 the destination) in tiles when it has the
// transpose pattern; returns false, doing nothing, otherwise.
inline bool tiled_transpose_copy(const detail::LoopPlan& plan, std::int64_t itemsize) {
  if (plan.empty || plan.nops != 2 || plan.shape.size() != 2) return false;
  const std::int64_t n0 = plan.shape[0], n1 = plan.shape[1];
  const auto& st0 = plan.strides[0];
  const auto& st1 = plan.strides[1];
  if (st0[0] != itemsize || st1[1] != itemsize || st0[1] <= itemsize * kCopyTile || st1[0] <= 0 ||
      n0 < kCopyTile || n1 < kCopyTile)
    return false;
  auto copy_rows = [&](std::int64_t lo, std::int64_t hi) {  // tiles of rows [lo, hi) of dimension 1
    for (std::int64_t b1 = lo; b1 < hi; b1 += kCopyTile)
      for (std::int64_t b0 = 0; b0 < n0; b0 += kCopyTile) {
        char* dst = plan.base[0] + b0 * st0[0] + b1 * st1[0];
        const char* src = plan.base[1] + b0 * st0[1] + b1 * st1[1];
        const std::int64_t t0 = std::min(kCopyTile, n0 - b0), t1 = std::min(kCopyTile, hi - b1);
        switch (itemsize) {
          case 1: copy_tile<std::uint8_t>(dst, src, t0, t1, st1[0], st0[1]); break;
          case 4: copy_tile<std::uint32_t>(dst, src, t0, t1, st1[0], st0[1]); break;
          default: copy_tile<std::uint64_t>(dst, src, t0, t1, st1[0], st0[1]); break;
        }
      }
  };
  if (itemsize != 1 && itemsize != 4 && itemsize != 8) return false;
  const int nthreads = get_num_threads();
  if (nthreads > 1 && n0 * n1 >= detail::kParallelGrain && detail::can_run_parallel()) {
    const std::int64_t tiles = (n1 + kCopyTile - 1) / kCopyTile;
    const std::int64_t chunks = std::min<std::int64_t>(tiles, std::int64_t{nthreads} * detail::kChunksPerThread);
    detail::parallel_for(chunks, nthreads, [&](std::int64_t c) {
      copy_rows(std::min(n1, tiles * c / chunks * kCopyTile), std::min(n1, tiles * (c + 1) / chunks * kCopyTile));
    });
    return true;
  }
  copy_rows(0, n1);
  return true;
}

}  // namespace lina::kernels
