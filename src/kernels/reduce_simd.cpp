// NOTE: [Vectorised reduction loops]
// The library is compiled for baseline x86-64, so the compiler's own vectorisation of
// reduce_loops.hpp stops at SSE2 (4 floats). The loops that dominate a reduction along
// a non-contiguous axis (sum over axis 0 of a C-order matrix folds whole rows into the
// output row: out[i] += in[i]) are written with Highway here and dispatched at run time
// to the machine's widest vectors, and so is the contiguous pairwise sum (sum along the
// contiguous axis, and of a whole contiguous array). Each lane does one of the scalar
// loop's additions, in its order, so results are identical to it.
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_simd.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/page_prefetch.hpp"
#include "kernels/reduce_loops.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <class T>
HWY_INLINE void AddInto(T* out, const T* in, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  for (; i + 2 * N <= n; i += 2 * N) {
    hn::StoreU(hn::Add(hn::LoadU(d, out + i), hn::LoadU(d, in + i)), d, out + i);
    hn::StoreU(hn::Add(hn::LoadU(d, out + i + N), hn::LoadU(d, in + i + N)), d, out + i + N);
  }
  for (; i < n; ++i) out[i] += in[i];
}

// NumPy's pairwise summation over a contiguous run (reduce_loops.hpp's
// pairwise_sum_run), its eight accumulators held in one vector of eight lanes: the same
// additions in the same order, so the same result. Targets whose vectors hold fewer
// than eight lanes of T use the scalar form.
//
// NOTE: [Pairwise leaves side by side]
// A leaf of the tree (a run of at most 128) is one chain of dependent vector additions,
// so summing leaf after leaf runs at the adder's latency (about 8 floats per 3 cycles),
// below what memory delivers to one core. The leaves are independent, so each node with
// at most four leaves (at most 512 elements) sums its leaves in four interleaved chains
// and then combines them in the tree's order: every addition is still the scalar
// loop's, so the result is unchanged, bit for bit. Four streams 512 bytes apart lost the
// hardware prefetcher (16 GB/s, half the single chain's 33), so each step prefetches
// the lines it reads (two of float32) 4 KiB ahead, two nodes on. Sum of a 4096 x 4096
// float32 array (and along axis 1) on one thread, best of 20, alternating builds: 33-35
// GB/s -> 38-44 (PyTorch's sum 41 in that hour's bench/compare run).
// Later, per node: the four lane trees in vector lanes (FourLanesTrees) instead of four
// stores and 28 scalar additions, and the node of four full leaves (every node of a
// power-of-two run) without the leaf bookkeeping (FullNodeSum). Sum of 4096 x 4096
// float32, one thread pinned to CPU 0, against Eigen's sum (-march=native) in the same
// process, four alternations of the two builds: 0.90-0.96x -> 0.96-1.02x.
// Later still: float64 steps read four lines and prefetched two (the distance was
// written for float32), and the nodes of other lengths prefetch further ahead
// (kPartialNodeAhead) and find their leaves without recursion (NodeLeaves). Against
// Eigen in one process, one thread, alternating the builds: float64 4096 x 4096 sum
// 0.85-0.93x -> 1.02-1.03x, along axis 1 0.89-1.03x -> 1.11-1.13x (kFullNodeAhead);
// 2896 x 2896 float64 0.66-0.92x -> 0.86-1.00x, along axis 1 0.32-0.62x -> 0.54-0.74x;
// 3000 x 3000 float32 0.60-0.73x -> 0.75-0.81x.

#if HWY_TARGET != HWY_SCALAR  // one lane: PairwiseSum below takes the scalar form
// The chains of a node of four full leaves (2 KiB of float32, 4 KiB of float64) prefetch
// from this many bytes past the node's start: the node after next for float32 (the
// distance chosen for it, above), the next node for float64. float64 4096 x 4096 sum
// against Eigen in one process, one thread, alternating builds in one hour: 4 KiB
// 0.83-1.03x (along axis 1 0.84-1.13x), 8 KiB 0.75-0.86x (0.80-0.96x), the earlier code
// (half the lines, 6 KiB ahead) 0.85-0.93x (0.87-1.03x). An hour before, 8 KiB had
// beaten the earlier code, so the host's phase moves these too; 4 KiB never lost.
inline constexpr std::uintptr_t kFullNodeAhead = 4096;

// The other nodes (every node of a run that is not a power of two: 3000 x 3000 float32
// has nodes of about 275 elements, four leaves of about 68) prefetch from this many
// bytes past their own end. Their leaves are a few lines long, too short for the
// hardware prefetcher, so the prefetch does all of it, and nodes of 1 KiB put "the node
// after next" only 2-3 KiB ahead. Sum of 3000 x 3000 float32 against Eigen's in one
// process, one thread, two alternations: 2 KiB 0.62-0.64x, 3 KiB 0.67-0.72x, 4 KiB
// 0.68-0.74x, 6 KiB 0.73-0.77x, 8 KiB 0.75-0.81x, 12 KiB 0.70-0.75x.
inline constexpr std::uintptr_t kPartialNodeAhead = 8192;

// The eight lanes of one leaf's accumulator combined as pairwise_sum_run does.
template <class D, class T = hn::TFromD<D>>
HWY_INLINE T LanesTree(D d, hn::Vec<D> r) {
  HWY_ALIGN T l[8];
  hn::Store(r, d, l);
  return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

// The lane trees of four leaves' accumulators at once: lanes 0-3 of the result are
// LanesTree(r0) .. LanesTree(r3). Each step adds neighbouring lanes, the same pairs the
// scalar tree adds (a + b == b + a exactly), so the sums are the same bits; it replaces
// four stores and 28 scalar additions per node with nine vector operations.
template <class D, class V = hn::Vec<D>>
HWY_INLINE V FourLanesTrees(D d, V r0, V r1, V r2, V r3) {
  const V p01 = hn::Add(hn::ConcatEven(d, r1, r0), hn::ConcatOdd(d, r1, r0));  // r0: l0+l1, l2+l3, ...
  const V p23 = hn::Add(hn::ConcatEven(d, r3, r2), hn::ConcatOdd(d, r3, r2));
  const V q = hn::Add(hn::ConcatEven(d, p23, p01), hn::ConcatOdd(d, p23, p01));  // r0: (l0+l1)+(l2+l3), ...
  return hn::Add(hn::ConcatEven(d, q, q), hn::ConcatOdd(d, q, q));
}

template <class T>
HWY_INLINE T AddTail(T s, const T* p, std::int64_t from, std::int64_t n) {
  for (std::int64_t i = from; i < n; ++i) s += p[i];
  return s;
}

// Four interleaved chains over the first `common` elements of the leaves at p[0..3]:
// r_k starts as the first vector of p[k] and adds the next ones in order. Each step
// prefetches as many bytes as it reads (four vectors: 128 bytes of float32, 256 of
// float64), from `ahead` bytes past p[0] on (NOTE: [Pairwise leaves side by side]).
// Returns where the chains stopped.
// Not unrolled: g++ unrolls a fixed-count loop (FullNodeSum's) fully and then schedules
// each chain's additions one after another, which undoes the interleaving (27 GB/s).
template <class D, class T = hn::TFromD<D>, class V = hn::Vec<D>>
HWY_INLINE std::int64_t FourChains(D d, const T* const p[4], std::int64_t common, std::uintptr_t ahead, V& r0,
                                   V& r1, V& r2, V& r3) {
  constexpr std::uintptr_t kStepBytes = 4 * 8 * sizeof(T);
  r0 = hn::LoadU(d, p[0]);
  r1 = hn::LoadU(d, p[1]);
  r2 = hn::LoadU(d, p[2]);
  r3 = hn::LoadU(d, p[3]);
  std::int64_t i = 8;
#pragma GCC unroll 1
  for (; i + 8 <= common; i += 8) {
    const std::uintptr_t next = ahead + static_cast<std::uintptr_t>(i) * 4 * sizeof(T);
    for (std::uintptr_t line = 0; line < kStepBytes; line += 64) prefetch_ahead(p[0], next + line);
    r0 = hn::Add(r0, hn::LoadU(d, p[0] + i));
    r1 = hn::Add(r1, hn::LoadU(d, p[1] + i));
    r2 = hn::Add(r2, hn::LoadU(d, p[2] + i));
    r3 = hn::Add(r3, hn::LoadU(d, p[3] + i));
  }
  return i;
}

// The sums of four leaves (each at least 8 long), in four interleaved chains.
template <class T>
HWY_INLINE void FourLeafSums(const T* const p[4], const std::int64_t n[4], T sums[4]) {
  const hn::CappedTag<T, 8> d;
  hn::Vec<decltype(d)> r0, r1, r2, r3;
  std::int64_t common = n[0];
  for (int k = 1; k < 4; ++k) common = n[k] < common ? n[k] : common;
  const std::uintptr_t ahead = static_cast<std::uintptr_t>((p[3] - p[0]) + n[3]) * sizeof(T) + kPartialNodeAhead;
  const std::int64_t i = FourChains(d, p, common, ahead, r0, r1, r2, r3);
  // Leaves may differ in length (257 = 128 + 64 + 65): each finishes on its own.
  std::int64_t i0 = i, i1 = i, i2 = i, i3 = i;
  for (; i0 + 8 <= n[0]; i0 += 8) r0 = hn::Add(r0, hn::LoadU(d, p[0] + i0));
  for (; i1 + 8 <= n[1]; i1 += 8) r1 = hn::Add(r1, hn::LoadU(d, p[1] + i1));
  for (; i2 + 8 <= n[2]; i2 += 8) r2 = hn::Add(r2, hn::LoadU(d, p[2] + i2));
  for (; i3 + 8 <= n[3]; i3 += 8) r3 = hn::Add(r3, hn::LoadU(d, p[3] + i3));
  HWY_ALIGN T trees[8];
  hn::Store(FourLanesTrees(d, r0, r1, r2, r3), d, trees);
  sums[0] = AddTail(trees[0], p[0], i0, n[0]);
  sums[1] = AddTail(trees[1], p[1], i1, n[1]);
  sums[2] = AddTail(trees[2], p[2], i2, n[2]);
  sums[3] = AddTail(trees[3], p[3], i3, n[3]);
}

// The sum of a node of four full leaves (n = 512: pairwise_split halves it twice), as
// FourLeafSums and CombineLeaves compute it, without their bookkeeping: the node of
// every power-of-two run, so the common case of sum(a) and sum(a, axis) on such shapes.
template <class D, class T = hn::TFromD<D>>
HWY_INLINE T FullNodeSum(D d, const T* p) {
  constexpr std::int64_t L = kPairwiseBlock;
  const T* const leaves[4] = {p, p + L, p + 2 * L, p + 3 * L};
  hn::Vec<D> r0, r1, r2, r3;
  FourChains(d, leaves, L, kFullNodeAhead, r0, r1, r2, r3);
  HWY_ALIGN T trees[8];
  hn::Store(FourLanesTrees(d, r0, r1, r2, r3), d, trees);
  return (trees[0] + trees[1]) + (trees[2] + trees[3]);
}

// The leaves of a node of 128 < n <= 512 elements, as pairwise summation splits it:
// each half is one leaf or two. Returns how many (2-4), with left_leaves those of the
// left half, or 0 when a half needs three (489 = 120 + 120 + 120 + 64 + 65). Worked out
// with two or three splits, without recursion: for a run that is not a power of two
// every node takes this path, and in perf the recursive count, collection and
// combination of leaves it replaces held about half of the sum's samples (float32 3000
// x 3000). Without them the loads hold those samples and the speed moved within the
// noise: those nodes wait for memory.
inline int NodeLeaves(std::int64_t n, std::int64_t offsets[4], std::int64_t lengths[4], int& left_leaves) {
  int count = 0;
  auto half_leaves = [&](std::int64_t offset, std::int64_t m) {
    if (m <= kPairwiseBlock) {
      offsets[count] = offset;
      lengths[count++] = m;
      return true;
    }
    const std::int64_t h = pairwise_split(m);
    if (h > kPairwiseBlock || m - h > kPairwiseBlock) return false;
    offsets[count] = offset;
    lengths[count++] = h;
    offsets[count] = offset + h;
    lengths[count++] = m - h;
    return true;
  };
  const std::int64_t half = pairwise_split(n);
  if (!half_leaves(0, half)) return 0;
  left_leaves = count;
  if (!half_leaves(half, n - half)) return 0;
  return count;
}

#endif  // HWY_TARGET != HWY_SCALAR

template <class T>
T PairwiseSum(const T* p, std::int64_t n) {
#if HWY_TARGET == HWY_SCALAR
  return pairwise_sum_run<T, true>(reinterpret_cast<const char*>(p), n, sizeof(T));
#else
  const hn::CappedTag<T, 8> d;
  if (hn::Lanes(d) != 8 || n < 8) return pairwise_sum_run<T, true>(reinterpret_cast<const char*>(p), n, sizeof(T));
  if (n == 4 * kPairwiseBlock) return FullNodeSum(d, p);  // every node of a power-of-two run
  if (n <= kPairwiseBlock) {
    auto r = hn::LoadU(d, p);
    std::int64_t i = 8;
    for (; i + 8 <= n; i += 8) r = hn::Add(r, hn::LoadU(d, p + i));
    return AddTail(LanesTree(d, r), p, i, n);
  }
  if (n <= 4 * kPairwiseBlock) {  // a node of up to four leaves, summed side by side
    std::int64_t offsets[4], lengths[4];
    int left_leaves = 0;
    const int leaves = NodeLeaves(n, offsets, lengths, left_leaves);
    if (leaves > 0) {
      // Fewer than four leaves: the spare chains repeat the last leaf (its sum is dropped).
      const T* starts[4];
      std::int64_t sizes[4];
      for (int k = 0; k < 4; ++k) {
        const int leaf = k < leaves ? k : leaves - 1;
        starts[k] = p + offsets[leaf];
        sizes[k] = lengths[leaf];
      }
      T sums[4];
      FourLeafSums(starts, sizes, sums);
      const T left = left_leaves == 1 ? sums[0] : sums[0] + sums[1];
      const T right = leaves - left_leaves == 1 ? sums[left_leaves] : sums[left_leaves] + sums[left_leaves + 1];
      return left + right;
    }
  }
  const std::int64_t half = pairwise_split(n);
  return PairwiseSum(p, half) + PairwiseSum(p + half, n - half);
#endif
}

template <class T>
T MaxValue(const T* p, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  T m = p[0];
  std::int64_t i = 1;
  if (n >= 2 * N) {
    auto m0 = hn::LoadU(d, p), m1 = hn::LoadU(d, p + N);  // two chains: Max has latency
    for (i = 2 * N; i + 2 * N <= n; i += 2 * N) {
      m0 = hn::Max(m0, hn::LoadU(d, p + i));
      m1 = hn::Max(m1, hn::LoadU(d, p + i + N));
    }
    m = hn::GetLane(hn::MaxOfLanes(d, hn::Max(m0, m1)));
  }
  for (; i < n; ++i) m = p[i] > m ? p[i] : m;
  return m;
}

float MaxValueF32(const float* p, std::int64_t n) { return MaxValue(p, n); }
double MaxValueF64(const double* p, std::int64_t n) { return MaxValue(p, n); }

// out[i] += in[r * row_stride + i] for rows r = 0, 1, ... in that order, four rows per
// pass over out: each element still adds the rows one after another, as AddInto row by
// row does (the same bits), but out is loaded and stored once per four rows.
template <class T>
void AddRowsInto(T* out, const T* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t r = 0;
  for (; r + 4 <= rows; r += 4) {
    const T* r0 = in + r * row_stride;
    const T* r1 = r0 + row_stride;
    const T* r2 = r1 + row_stride;
    const T* r3 = r2 + row_stride;
    std::int64_t i = 0;
    for (; i + N <= n; i += N) {
      auto v = hn::Add(hn::LoadU(d, out + i), hn::LoadU(d, r0 + i));
      v = hn::Add(v, hn::LoadU(d, r1 + i));
      v = hn::Add(v, hn::LoadU(d, r2 + i));
      hn::StoreU(hn::Add(v, hn::LoadU(d, r3 + i)), d, out + i);
    }
    for (; i < n; ++i) out[i] = (((out[i] + r0[i]) + r1[i]) + r2[i]) + r3[i];
  }
  for (; r < rows; ++r) AddInto(out, in + r * row_stride, n);
}

void AddRowsIntoF32(float* out, const float* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  AddRowsInto(out, in, n, rows, row_stride);
}
void AddRowsIntoF64(double* out, const double* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  AddRowsInto(out, in, n, rows, row_stride);
}

float PairwiseSumF32(const float* p, std::int64_t n) { return PairwiseSum(p, n); }
double PairwiseSumF64(const double* p, std::int64_t n) { return PairwiseSum(p, n); }

void AddIntoF32(float* out, const float* in, std::int64_t n) { AddInto(out, in, n); }
void AddIntoF64(double* out, const double* in, std::int64_t n) { AddInto(out, in, n); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(AddIntoF32);
HWY_EXPORT(AddIntoF64);
HWY_EXPORT(PairwiseSumF32);
HWY_EXPORT(PairwiseSumF64);
HWY_EXPORT(AddRowsIntoF32);
HWY_EXPORT(AddRowsIntoF64);
HWY_EXPORT(MaxValueF32);
HWY_EXPORT(MaxValueF64);

float simd_max_value(const float* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(MaxValueF32)(p, n); }
double simd_max_value(const double* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(MaxValueF64)(p, n); }

float simd_pairwise_sum(const float* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF32)(p, n); }
double simd_pairwise_sum(const double* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF64)(p, n); }

void simd_add_rows_into(float* out, const float* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(AddRowsIntoF32)(out, in, n, rows, row_stride);
}
void simd_add_rows_into(double* out, const double* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(AddRowsIntoF64)(out, in, n, rows, row_stride);
}
void simd_add_into(float* out, const float* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF32)(out, in, n); }
void simd_add_into(double* out, const double* in, std::int64_t n) { HWY_DYNAMIC_DISPATCH(AddIntoF64)(out, in, n); }
}  // namespace lina::kernels
#endif
