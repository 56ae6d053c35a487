// NOTE: [Tiled transpose copy]
// A copy whose destination is contiguous along one plan dimension and whose source is
// contiguous along another (a.T.copy(), out.assign(a.T), the last two axes of
// transpose(a, {0, 2, 1}), the first and last of {2, 1, 0}) reads one of them across
// rows whatever the loop order. Walked row by row, every element read touches a new
// cache line, and for power-of-two row lengths (4096 float32 = 16 KiB) the lines map to
// the same few cache sets and evict each other: about 1 GB/s. Copying square tiles
// keeps a tile's source lines in cache while the destination is written along them,
// and the tiles are transposed in vector registers (NOTE: [In-register transpose]).
//
// The two dimensions are plan dimension 0 (the destination's unit stride; the plan puts
// it innermost) and the dimension k along which the source moves least (by one element
// when it is contiguous along one); every other
// plan dimension is a batch of such transposes. A source sliced with a step along k
// (a[:, ::2].T) has no unit stride: the tiles are then copied element by element,
// which still keeps their source lines in cache. Work is cut into units of kCopyTile
// destination rows (columns of the source) of one batch entry; the thread pool takes
// chunks of consecutive units. Casting copies use the same layout and units with a cast
// after each tile's transpose (NOTE: [Tiled casting transpose], cast_transpose.cpp).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "core/loop_plan.hpp"
#include "kernels/transpose_block.hpp"

namespace lina::kernels {

// Destination rows per unit of work: one column of transpose_block's cache tiles
// (kTileCols in transpose_block.cpp), so that threads split on tile boundaries.
inline constexpr std::int64_t kCopyTile = 128;

// A plan with the transpose pattern, seen as a batch of transpose_block calls.
struct TransposeLayout {
  char* dst = nullptr;  // element (0, 0) of batch entry 0
  const char* src = nullptr;
  std::int64_t rows = 0, cols = 0;                      // plan dimensions 0 and k
  std::int64_t src_row_stride = 0, dst_row_stride = 0;  // bytes: src along dim 0, dst along k
  std::int64_t src_col_stride = 0;                      // bytes: src along k (itemsize unless sliced)
  std::vector<std::int64_t> batch_shape;                // the other dimensions, innermost first
  std::vector<std::array<std::int64_t, 2>> batch_strides;  // [dim][dst, src], bytes
  std::int64_t batches = 1;
};

// Fills `out` and returns true when the plan (operand 0 the destination, with elements
// of dst_size bytes; operand 1 the source, src_size bytes) has the transpose pattern
// with element sizes transpose_block handles. The sizes differ for a casting copy
// (NOTE: [Tiled casting transpose] in cast_transpose.cpp).
inline bool find_transpose_layout(const detail::LoopPlan& plan, std::int64_t dst_size, std::int64_t src_size,
                                  TransposeLayout& out) {
  if (plan.empty || plan.nops != 2 || plan.shape.size() < 2) return false;
  auto handled = [](std::int64_t size) { return size == 1 || size == 4 || size == 8; };
  if (!handled(dst_size) || !handled(src_size)) return false;
  const auto& st0 = plan.strides[0];
  if (std::llabs(st0[0]) != dst_size) return false;
  // k: the dimension along which the source moves least (by one element when it is
  // contiguous along one). Tiles pay when it moves less there than along dimension 0;
  // for a source without unit stride, only when dimension 0 steps by whole cache lines.
  std::size_t k = 0;
  for (std::size_t d = 1; d < plan.shape.size(); ++d) {
    const std::int64_t a = std::llabs(plan.strides[d][1]);
    if (a != 0 && (k == 0 || a < std::llabs(plan.strides[k][1]))) k = d;
  }
  if (k == 0) return false;
  const auto& stk = plan.strides[k];
  const std::int64_t src_r_abs = std::llabs(st0[1]), src_c_abs = std::llabs(stk[1]);
  if (src_c_abs >= src_r_abs || (src_c_abs != src_size && src_r_abs < 64)) return false;
  // Small transposes gain nothing from tiles.
  if (plan.shape[0] < 8 || plan.shape[k] < 8) return false;
  if (st0[1] % src_size != 0 || stk[0] % dst_size != 0 || stk[1] % src_size != 0) return false;
  if (reinterpret_cast<std::uintptr_t>(plan.base[0]) % dst_size != 0 ||
      reinterpret_cast<std::uintptr_t>(plan.base[1]) % src_size != 0)
    return false;
  out.rows = plan.shape[0];
  out.cols = plan.shape[k];
  out.dst = plan.base[0];
  out.src = plan.base[1];
  std::int64_t dst_r = st0[0], src_r = st0[1], dst_c = stk[0], src_c = stk[1];
  // Negative unit strides: walk that dimension from its other end, so both unit strides
  // are +itemsize (the other operand's stride along it changes sign).
  if (dst_r < 0) {
    out.dst += (out.rows - 1) * dst_r;
    out.src += (out.rows - 1) * src_r;
    dst_r = -dst_r;
    src_r = -src_r;
  }
  if (src_c < 0) {
    out.dst += (out.cols - 1) * dst_c;
    out.src += (out.cols - 1) * src_c;
    dst_c = -dst_c;
    src_c = -src_c;
  }
  out.src_row_stride = src_r;
  out.src_col_stride = src_c;
  out.dst_row_stride = dst_c;
  out.batch_shape.clear();
  out.batch_strides.clear();
  out.batches = 1;
  for (std::size_t d = 1; d < plan.shape.size(); ++d) {
    if (d == k) continue;
    out.batch_shape.push_back(plan.shape[d]);
    out.batch_strides.push_back({plan.strides[d][0], plan.strides[d][1]});
    out.batches *= plan.shape[d];
  }
  return true;
}

inline std::int64_t transpose_units(const TransposeLayout& t) {
  return t.batches * ((t.cols + kCopyTile - 1) / kCopyTile);
}

// Calls tile(src, dst, n) for units [lo, hi) of the layout: unit u is kCopyTile
// destination rows (tile u % tiles) of batch entry u / tiles, that is the t.rows x n
// source block at `src` (rows along t.src_row_stride, columns along t.src_col_stride)
// that becomes n destination rows of t.rows elements at `dst` (along t.dst_row_stride).
template <class Tile>
void for_each_transpose_unit(const TransposeLayout& t, std::int64_t lo, std::int64_t hi, Tile&& tile) {
  const std::int64_t tiles = (t.cols + kCopyTile - 1) / kCopyTile;
  std::int64_t batch = -1, dst_off = 0, src_off = 0;
  for (std::int64_t u = lo; u < hi; ++u) {
    if (u / tiles != batch) {  // decompose the batch index, innermost dimension first
      batch = u / tiles;
      dst_off = src_off = 0;
      std::int64_t rem = batch;
      for (std::size_t d = 0; d < t.batch_shape.size(); ++d) {
        const std::int64_t i = rem % t.batch_shape[d];
        rem /= t.batch_shape[d];
        dst_off += i * t.batch_strides[d][0];
        src_off += i * t.batch_strides[d][1];
      }
    }
    const std::int64_t c0 = u % tiles * kCopyTile, n = std::min(kCopyTile, t.cols - c0);
    tile(t.src + src_off + c0 * t.src_col_stride, t.dst + dst_off + c0 * t.dst_row_stride, n);
  }
}

// Runs units(lo, hi) over all units of the layout, split across lina's threads when
// the copy is large enough: the thread pool takes chunks of consecutive units.
template <class Units>
void run_transpose_units(const TransposeLayout& t, Units&& units) {
  const std::int64_t total = transpose_units(t);
  const int nthreads = get_num_threads();
  if (nthreads > 1 && t.batches * t.rows * t.cols >= detail::kParallelGrain && detail::can_run_parallel()) {
    const std::int64_t chunks = std::min<std::int64_t>(total, std::int64_t{nthreads} * detail::kChunksPerThread);
    detail::parallel_for(chunks, nthreads,
                         [&](std::int64_t c) { units(total * c / chunks, total * (c + 1) / chunks); });
    return;
  }
  units(0, total);
}

// Copies a plan (operand 0 the destination) in tiles when it has the transpose
// pattern; returns false, doing nothing, otherwise.
inline bool tiled_transpose_copy(const detail::LoopPlan& plan, std::int64_t itemsize) {
  TransposeLayout layout;
  if (!find_transpose_layout(plan, itemsize, itemsize, layout)) return false;
  const auto size = static_cast<std::size_t>(itemsize);
  run_transpose_units(layout, [&](std::int64_t lo, std::int64_t hi) {
    for_each_transpose_unit(layout, lo, hi, [&](const char* src, char* dst, std::int64_t n) {
      transpose_block(size, src, layout.src_row_stride, layout.src_col_stride, layout.rows, n, dst,
                      layout.dst_row_stride);
    });
  });
  return true;
}

}  // namespace lina::kernels
