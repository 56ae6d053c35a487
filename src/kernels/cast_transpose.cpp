// NOTE: [Tiled casting transpose]
// A cast whose destination is contiguous along one plan dimension and whose source is
// contiguous along another has the same problem as the same-dtype copy (NOTE: [Tiled
// transpose copy]): walked element by element, one side is read or written across
// rows, a new cache line per element (about 2 GB/s for 4096x4096 float32 -> float64).
// It is cut into the same units of kCopyTile destination rows, and each unit into
// blocks of kCastRows source rows x (up to) kCopyTile source columns. A block is
// transposed in the source dtype into a small per-chunk buffer (transpose_block, in
// registers), and the buffer's rows are then cast into the destination rows
// (cast_run_fn, vectorised for the common pairs): the source is read and the
// destination written along cache lines, and the buffer stays in L1/L2.
#include "kernels/cast_transpose.hpp"

#include <algorithm>
#include <memory>

#include "kernels/cast_contiguous.hpp"
#include "kernels/elementwise_tiled_copy.hpp"
#include "kernels/transpose_block.hpp"

namespace lina::kernels {

namespace {

// Source rows per block: a buffer of kCopyTile x kCastRows elements (at most 64 KiB
// for 8-byte elements) stays in L2 next to the tile's source lines. Measured on
// 4096x4096 float32 -> float64 / float64 -> float32 into an existing array (thread CPU
// time, one thread, AVX-512, GB/s counting 12 bytes per element): 32 rows 11-12 /
// 13.5, 64 rows 14-15 / 13-14, 128 14 / 13.5-14, 256 14-15 / 13-14. Casting the source
// rows first and transposing in the destination dtype: 12.5-14 / 12-13.5 at 64 rows.
constexpr std::int64_t kCastRows = 64;

}  // namespace

bool tiled_transpose_cast(const detail::LoopPlan& plan, DType dst, DType src) {
  const auto dsize = static_cast<std::int64_t>(itemsize(dst)), ssize = static_cast<std::int64_t>(itemsize(src));
  TransposeLayout t;
  if (!find_transpose_layout(plan, dsize, ssize, t)) return false;
  const CastRunFn cast = cast_run_fn(dst, src);
  run_transpose_units(t, [&](std::int64_t lo, std::int64_t hi) {
    const std::int64_t bytes = std::min(kCopyTile, t.cols) * std::min(kCastRows, t.rows) * ssize;
    const std::unique_ptr<char[]> buffer(new char[static_cast<std::size_t>(bytes)]);
    char* buf = buffer.get();
    for_each_transpose_unit(t, lo, hi, [&](const char* s, char* d, std::int64_t n) {
      for (std::int64_t r0 = 0; r0 < t.rows; r0 += kCastRows) {
        const std::int64_t rr = std::min(kCastRows, t.rows - r0);
        transpose_block(static_cast<std::size_t>(ssize), s + r0 * t.src_row_stride, t.src_row_stride,
                        t.src_col_stride, rr, n, buf, rr * ssize);
        for (std::int64_t c = 0; c < n; ++c) cast(buf + c * rr * ssize, d + c * t.dst_row_stride + r0 * dsize, rr);
      }
    });
  });
  return true;
}

}  // namespace lina::kernels
