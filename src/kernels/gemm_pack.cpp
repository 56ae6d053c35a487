// NOTE: [Packing order]
// Packing is bound by memory, not instructions (each operand block comes from L3 or
// DRAM once), so the order of reads is what counts. B's rows are contiguous in the
// usual layout: pack_b reads one whole row of the KC x NC block at a time, across all
// its panels (one long sequential stream), where packing panel by panel read 256 bytes
// from each of kc rows 8 KiB apart (sgemm 2048 +3-5%). A's panel keeps the step-major
// order, six rows read side by side: six streams in flight; one row at a time was 6%
// slower on sgemm 2048 (one short stream per row, the prefetcher never ahead).
//
// NOTE: [Vector packing]
// Every thread packs all of A (NOTE: [GEMM threads]), so pack_a's speed is paid once
// per thread. Element by element it ran at about one element per cycle and took ~11%
// of 2-thread sgemm 1024 (perf); moving whole vectors it takes ~4%. The layouts:
// - A row-major (cs == 1), MR = 6: six rows are loaded two 128-bit blocks at a time
//   (one on 128-bit targets); each block's 6 x 4 floats (6 x 2 doubles) are
//   transposed in registers into the panel's step-major order, six whole 128-bit
//   blocks (PanelOrder), and a pair of blocks leaves as six 256-bit stores
//   (PackA6Rows). Thread CPU time per element packing sgemm's A blocks: 0.27 -> 0.11
//   ns at n = 1024, 0.37 -> 0.15-0.20 at 2048 (one block or two per iteration differ
//   by less than the noise there: the reads from L3 are the limit).
// - A column-major (rs == 1, `matmul(a.T(), b)`): each step's MR values are
//   contiguous; a whole column of the block is read in order, six values to each
//   panel (0.36-0.43 -> 0.21-0.23 ns at n = 1024, no change at 2048 where the reads
//   from L3 are the limit; panel by panel it was slower than the element loop).
// - B row-major (cs == 1): NR-wide rows copied a full vector at a time.
// - B column-major (rs == 1, `matmul(a, b.T())`): a whole panel is the transpose of NR
//   columns, done by transpose_block's in-register squares (NOTE: [In-register
//   transpose]): 0.65 / 0.90 -> 0.25-0.30 ns at n = 1024 / 2048 against reading
//   one column of the panel at a time.
// Ragged panels (fewer than MR rows or NR columns, zero-filled), steps past the last
// whole vector and operands with no unit stride take the scalar loop.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/gemm_pack.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/gemm_pack.hpp"
#include "kernels/transpose_block.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

constexpr std::int64_t kPanelRows = 6;  // the micro-kernel's MR on every target

#if HWY_TARGET != HWY_SCALAR && !HWY_HAVE_SCALABLE

// The six panel-order vectors of one 128-bit block of each row (v0..v5 = rows 0..5),
// block by block: in every block b, out[i] holds values 4i..4i+3 (floats) or 2i..2i+1
// (doubles) of the block's 6 x 4 or 6 x 2 part of the panel.
template <class D, class V>
HWY_INLINE void PanelOrder(D d, V v0, V v1, V v2, V v3, V v4, V v5, V* out) {
  using T = hn::TFromD<D>;
  if constexpr (sizeof(T) == 8) {
    // Steps p, p + 1: (r0 r1)(r2 r3)(r4 r5) of column 0, then of column 1.
    out[0] = hn::InterleaveLower(d, v0, v1);
    out[1] = hn::InterleaveLower(d, v2, v3);
    out[2] = hn::InterleaveLower(d, v4, v5);
    out[3] = hn::InterleaveUpper(d, v0, v1);
    out[4] = hn::InterleaveUpper(d, v2, v3);
    out[5] = hn::InterleaveUpper(d, v4, v5);
  } else {
    // Rows 0-3 transposed 4 x 4: cj = (r0 r1 r2 r3) of column j.
    const V t0 = hn::InterleaveLower(d, v0, v2), t1 = hn::InterleaveLower(d, v1, v3);
    const V t2 = hn::InterleaveUpper(d, v0, v2), t3 = hn::InterleaveUpper(d, v1, v3);
    const V c0 = hn::InterleaveLower(d, t0, t1), c1 = hn::InterleaveUpper(d, t0, t1);
    const V c2 = hn::InterleaveLower(d, t2, t3), c3 = hn::InterleaveUpper(d, t2, t3);
    // Rows 4-5 in pairs: u = (r4 r5) of columns 0, 1; w = of columns 2, 3.
    const V u = hn::InterleaveLower(d, v4, v5), w = hn::InterleaveUpper(d, v4, v5);
    // Panel order: c0 | u.lo c1.lo | c1.hi u.hi | c2 | w.lo c3.lo | c3.hi w.hi, the
    // 64-bit halves joined by interleaving 64-bit lanes (within each block).
    const hn::Repartition<std::uint64_t, D> d64;
    auto lo = [&](V a, V b) { return hn::BitCast(d, hn::InterleaveLower(d64, hn::BitCast(d64, a), hn::BitCast(d64, b))); };
    auto hi = [&](V a, V b) { return hn::BitCast(d, hn::InterleaveUpper(d64, hn::BitCast(d64, a), hn::BitCast(d64, b))); };
    out[0] = c0;
    out[1] = lo(u, c1);
    out[2] = hi(c1, u);
    out[3] = c2;
    out[4] = lo(w, c3);
    out[5] = hi(c3, w);
  }
}

// Steps [0, kc) of six rows (rs apart, each contiguous) into dst[p * 6 + r]: two 128-bit
// blocks of each row per iteration where vectors have 256 bits or more (AVX2, AVX-512),
// else one; the last steps one element at a time.
template <class T>
HWY_INLINE void PackA6Rows(std::int64_t kc, const T* HWY_RESTRICT a, std::int64_t rs, T* HWY_RESTRICT dst) {
  constexpr std::size_t kBytes = HWY_MAX_BYTES >= 32 ? 32 : 16;
  const hn::FixedTag<T, kBytes / sizeof(T)> d;
  using V = hn::Vec<decltype(d)>;
  constexpr std::int64_t L = kBytes / sizeof(T);
  const T* r0 = a;
  const T* r1 = a + rs;
  const T* r2 = a + 2 * rs;
  const T* r3 = a + 3 * rs;
  const T* r4 = a + 4 * rs;
  const T* r5 = a + 5 * rs;
  std::int64_t p = 0;
  for (; p + L <= kc; p += L) {
    V out[6];
    PanelOrder(d, hn::LoadU(d, r0 + p), hn::LoadU(d, r1 + p), hn::LoadU(d, r2 + p), hn::LoadU(d, r3 + p),
               hn::LoadU(d, r4 + p), hn::LoadU(d, r5 + p), out);
    T* o = dst + p * kPanelRows;
    if constexpr (kBytes == 16) {
      for (int i = 0; i < 6; ++i) hn::StoreU(out[i], d, o + i * L);
    } else {
      // Block 0 of out[0..5] is the first half of the 6 x L values, block 1 the second.
      for (int i = 0; i < 6; i += 2) {
        hn::StoreU(hn::ConcatLowerLower(d, out[i + 1], out[i]), d, o + i * L / 2);
        hn::StoreU(hn::ConcatUpperUpper(d, out[i + 1], out[i]), d, o + 3 * L + i * L / 2);
      }
    }
  }
  for (; p < kc; ++p) {
    T* o = dst + p * kPanelRows;
    o[0] = r0[p];
    o[1] = r1[p];
    o[2] = r2[p];
    o[3] = r3[p];
    o[4] = r4[p];
    o[5] = r5[p];
  }
}

template <class T>
void PackARowsT(std::int64_t mc, std::int64_t kc, const T* a, std::int64_t rs, T* dst) {
  const std::int64_t whole = mc / kPanelRows * kPanelRows;
  for (std::int64_t ir = 0; ir < whole; ir += kPanelRows) PackA6Rows(kc, a + ir * rs, rs, dst + ir * kc);
  if (whole < mc) pack_a_reference(mc - whole, kc, static_cast<int>(kPanelRows), a + whole * rs, rs, 1, dst + whole * kc);
}

#else  // no fixed 128-bit vectors: the reference

template <class T>
void PackARowsT(std::int64_t mc, std::int64_t kc, const T* a, std::int64_t rs, T* dst) {
  pack_a_reference(mc, kc, static_cast<int>(kPanelRows), a, rs, 1, dst);
}

#endif

// Rows of B (cs == 1) copied a whole vector at a time, across all panels of the block
// (NOTE: [Packing order]); a last panel narrower than nr is zero-filled.
template <class T>
void PackBRowsT(std::int64_t kc, std::int64_t nc, std::int64_t nr, const T* b, std::int64_t rs, T* dst) {
  const hn::ScalableTag<T> d;
  const auto N = static_cast<std::int64_t>(hn::Lanes(d));
  const std::int64_t whole = nr % N == 0 ? nc / nr * nr : 0;  // columns in whole vector-copied panels
  for (std::int64_t p = 0; p < kc; ++p) {
    const T* HWY_RESTRICT row = b + p * rs;
    for (std::int64_t jr = 0; jr < whole; jr += nr) {
      T* HWY_RESTRICT o = dst + jr * kc + p * nr;
      for (std::int64_t c = 0; c < nr; c += N) hn::StoreU(hn::LoadU(d, row + jr + c), d, o + c);
    }
    for (std::int64_t jr = whole; jr < nc; jr += nr) {
      const std::int64_t cols = std::min(nr, nc - jr);
      T* HWY_RESTRICT o = dst + jr * kc + p * nr;
      for (std::int64_t c = 0; c < cols; ++c) o[c] = row[jr + c];
      for (std::int64_t c = cols; c < nr; ++c) o[c] = T(0);
    }
  }
}

void PackARowsF32(std::int64_t mc, std::int64_t kc, const float* a, std::int64_t rs, float* dst) {
  PackARowsT(mc, kc, a, rs, dst);
}
void PackARowsF64(std::int64_t mc, std::int64_t kc, const double* a, std::int64_t rs, double* dst) {
  PackARowsT(mc, kc, a, rs, dst);
}
void PackBRowsF32(std::int64_t kc, std::int64_t nc, std::int64_t nr, const float* b, std::int64_t rs, float* dst) {
  PackBRowsT(kc, nc, nr, b, rs, dst);
}
void PackBRowsF64(std::int64_t kc, std::int64_t nc, std::int64_t nr, const double* b, std::int64_t rs,
                  double* dst) {
  PackBRowsT(kc, nc, nr, b, rs, dst);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(PackARowsF32);
HWY_EXPORT(PackARowsF64);
HWY_EXPORT(PackBRowsF32);
HWY_EXPORT(PackBRowsF64);

namespace {

void pack_a_rows(std::int64_t mc, std::int64_t kc, const float* a, std::int64_t rs, float* dst) {
  HWY_DYNAMIC_DISPATCH(PackARowsF32)(mc, kc, a, rs, dst);
}
void pack_a_rows(std::int64_t mc, std::int64_t kc, const double* a, std::int64_t rs, double* dst) {
  HWY_DYNAMIC_DISPATCH(PackARowsF64)(mc, kc, a, rs, dst);
}
void pack_b_rows(std::int64_t kc, std::int64_t nc, std::int64_t nr, const float* b, std::int64_t rs, float* dst) {
  HWY_DYNAMIC_DISPATCH(PackBRowsF32)(kc, nc, nr, b, rs, dst);
}
void pack_b_rows(std::int64_t kc, std::int64_t nc, std::int64_t nr, const double* b, std::int64_t rs,
                 double* dst) {
  HWY_DYNAMIC_DISPATCH(PackBRowsF64)(kc, nc, nr, b, rs, dst);
}

template <class T>
void pack_a_impl(std::int64_t mc, std::int64_t kc, int mr, const T* a, std::int64_t rs, std::int64_t cs, T* dst) {
  if (cs == 1 && mr == 6) return pack_a_rows(mc, kc, a, rs, dst);
  if (rs == 1 && mr == 6) {
    // Column-major: a step's six values are contiguous, and a whole column of the
    // block is read in order, six values to each panel (NOTE: [Packing order]).
    const std::int64_t whole = mc / 6 * 6;
    for (std::int64_t p = 0; p < kc; ++p) {
      const T* src = a + p * cs;
      T* o = dst + p * 6;
      for (std::int64_t ir = 0; ir < whole; ir += 6) std::memcpy(o + ir * kc, src + ir, 6 * sizeof(T));
    }
    if (whole < mc) pack_a_reference(mc - whole, kc, mr, a + whole, rs, cs, dst + whole * kc);
    return;
  }
  pack_a_reference(mc, kc, mr, a, rs, cs, dst);
}

template <class T>
void pack_b_impl(std::int64_t kc, std::int64_t nc, int nr, const T* b, std::int64_t rs, std::int64_t cs, T* dst) {
  if (cs == 1) return pack_b_rows(kc, nc, nr, b, rs, dst);
  for (std::int64_t jr = 0; jr < nc; jr += nr) {
    const std::int64_t cols = std::min<std::int64_t>(nr, nc - jr);
    T* d = dst + jr * kc;
    if (rs == 1 && cols == nr) {  // B's columns contiguous: the panel is their transpose
      constexpr auto size = static_cast<std::int64_t>(sizeof(T));
      transpose_block(sizeof(T), reinterpret_cast<const char*>(b + jr * cs), cs * size, size, nr, kc,
                      reinterpret_cast<char*>(d), nr * size);
      continue;
    }
    for (std::int64_t c = 0; c < cols; ++c) {  // a column at a time, each read in order
      const T* col = b + (jr + c) * cs;
      for (std::int64_t p = 0; p < kc; ++p) d[p * nr + c] = col[p * rs];
    }
    for (std::int64_t c = cols; c < nr; ++c)
      for (std::int64_t p = 0; p < kc; ++p) d[p * nr + c] = T(0);
  }
}

}  // namespace

void pack_a(std::int64_t mc, std::int64_t kc, int mr, const float* a, std::int64_t rs, std::int64_t cs, float* dst) {
  pack_a_impl(mc, kc, mr, a, rs, cs, dst);
}
void pack_a(std::int64_t mc, std::int64_t kc, int mr, const double* a, std::int64_t rs, std::int64_t cs,
            double* dst) {
  pack_a_impl(mc, kc, mr, a, rs, cs, dst);
}
void pack_b(std::int64_t kc, std::int64_t nc, int nr, const float* b, std::int64_t rs, std::int64_t cs, float* dst) {
  pack_b_impl(kc, nc, nr, b, rs, cs, dst);
}
void pack_b(std::int64_t kc, std::int64_t nc, int nr, const double* b, std::int64_t rs, std::int64_t cs,
            double* dst) {
  pack_b_impl(kc, nc, nr, b, rs, cs, dst);
}

}  // namespace lina::kernels
#endif
