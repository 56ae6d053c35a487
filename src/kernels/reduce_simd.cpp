// NOTE: [Vectorised reduction loops]
// The library is compiled for baseline x86-64, so the compiler's own vectorisation of
// reduce_loops.hpp stops at SSE2 (4 floats). The loops that dominate a reduction along
// a non-contiguous axis (sum over axis 0 of a C-order matrix folds whole rows into the
// output row: out[i] += in[i]) are written with Highway here and dispatched at run time
// to the machine's widest vectors, and so is the contiguous pairwise sum (sum along the
// contiguous axis, and of a whole contiguous array). Each lane does one of the scalar
// loop's additions, in its order, so results are identical to it.
#include <atomic>
#include <bit>
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_simd.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/fold_rows_inl.hpp"
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
// NOTE: [Pairwise leaves in address order]
// A leaf of the tree (a run of at most 128) is one chain of dependent vector additions.
// The leaves are independent, so the processor overlaps one leaf's chain with the next
// ones by itself, as long as the loads come in address order: then memory is read as
// one stream, which the hardware prefetchers follow. Each node of up to four leaves
// sums them one after another and then combines them in the tree's order (every
// addition is the scalar loop's: the same bits); KeepLoadOrder stops g++ from
// interleaving the leaves' loads, which it otherwise does (two or four streams 512 bytes
// apart).
// History, measured on two machines:
// - 2 cores Zen 5, AVX-512 (until 2026-12-06): the leaves ran in four interleaved chains,
//   and since four streams lost the hardware prefetcher (16 GB/s), each step prefetched
//   its lines 4 KiB ahead: 38-44 GB/s, 0.92-0.98x Eigen in one process.
// - 2 cores Zen 4, AVX-512 (from 2026-12-06 19:00): those four streams with their
//   prefetches read 12-18 GB/s, 0.47-0.56x Eigen (the same memory, one thread, median of
//   11 alternations; float64 and the nodes of other lengths alike). Leaves in address
//   order without a prefetch: float32 4096 x 4096 sum 1.02-1.06x Eigen (39 GB/s), along
//   axis 1 0.99-1.05x; float64 0.91-0.96x; 3000 x 3000 float32 0.46 -> 0.67-0.74x,
//   2896 x 2896 float64 0.52 -> 0.94-1.01x. Adding prefetches 2-16 KiB ahead to the
//   in-order leaves lost 4-30% at every distance, so there are none.
// The node of four full leaves (every node of a power-of-two run) unrolls its leaves
// (FullNodeSum), and a power-of-two run combines its nodes in a loop
// (PowerOfTwoRunSum); the other nodes find their leaves with NodeLeaves. The four lane
// trees are combined in vector lanes (FourLanesTrees) instead of four stores and 28
// scalar additions.

// NOTE: [Fused squared deviations]
// var (and std, and zscore through them) is NumPy's sum(square(x - mean)) over the
// reduced axes. Computed as those operations it made two full-size temporaries and read
// the data four times: 4096 x 4096 float32 along either axis ran at about 6 GB/s of input
// on one thread. The kernels here sum each (x - mean)^2 as it is formed, each operation
// rounded as NumPy's (the library does not contract the multiply and the add), in the
// order the sum over the array of squares takes: PairwiseSum's leaves and tree along a
// contiguous run, and the eight-row fold down the columns (AddRowsInto). So var gives
// the same bits as before while reading the data twice (once for the mean).
// The element transforms of PairwiseSum: as is, or (x - mean)^2, each with the scalar
// form (reduce_loops.hpp) that the tails and short runs take.
struct VecAsIs : AsIs {
  using AsIs::operator();
  template <class D>
  HWY_INLINE hn::Vec<D> operator()(D, hn::Vec<D> v) const { return v; }
};
template <class T>
struct VecSquaredDeviation : SquaredDeviation<T> {
  using SquaredDeviation<T>::operator();
  template <class D>
  HWY_INLINE hn::Vec<D> operator()(D d, hn::Vec<D> v) const {
    const auto t = hn::Sub(v, hn::Set(d, this->mean));
    return hn::Mul(t, t);
  }
};

#if HWY_TARGET != HWY_SCALAR  // one lane: PairwiseSum below takes the scalar form
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

template <class T, class F>
HWY_INLINE T AddTail(T s, const T* p, std::int64_t from, std::int64_t n, F f) {
  for (std::int64_t i = from; i < n; ++i) s += f(p[i]);
  return s;
}

// Keeps the compiler from moving the next leaf's loads above this point (NOTE: [Pairwise
// leaves in address order]); it emits no instruction.
HWY_INLINE void KeepLoadOrder() { std::atomic_signal_fence(std::memory_order_seq_cst); }

// One leaf's accumulator: its first vector plus the next ones in order, over the first
// n - n % 8 elements (n >= 8).
template <class D, class F, class T = hn::TFromD<D>>
HWY_INLINE hn::Vec<D> LeafChain(D d, const T* p, std::int64_t n, F f) {
  auto r = f(d, hn::LoadU(d, p));
  for (std::int64_t i = 8; i + 8 <= n; i += 8) r = hn::Add(r, f(d, hn::LoadU(d, p + i)));
  return r;
}

// LeafChain of a full leaf (kPairwiseBlock elements), unrolled: 16 loads in address order.
template <class D, class F, class T = hn::TFromD<D>>
HWY_INLINE hn::Vec<D> FullLeafChain(D d, const T* p, F f) {
  auto r = f(d, hn::LoadU(d, p));
#pragma GCC unroll 16
  for (std::int64_t i = 8; i < kPairwiseBlock; i += 8) r = hn::Add(r, f(d, hn::LoadU(d, p + i)));
  return r;
}

// The sum of a node of four full leaves (n = 512: pairwise_split halves it twice): the
// node of every power-of-two run, so the common case of sum(a) and sum(a, axis).
template <class D, class F, class T = hn::TFromD<D>>
HWY_INLINE T FullNodeSum(D d, const T* p, F f) {
  constexpr std::int64_t L = kPairwiseBlock;
  const auto r0 = FullLeafChain(d, p, f);
  KeepLoadOrder();
  const auto r1 = FullLeafChain(d, p + L, f);
  KeepLoadOrder();
  const auto r2 = FullLeafChain(d, p + 2 * L, f);
  KeepLoadOrder();
  const auto r3 = FullLeafChain(d, p + 3 * L, f);
  HWY_ALIGN T trees[8];
  hn::Store(FourLanesTrees(d, r0, r1, r2, r3), d, trees);
  return (trees[0] + trees[1]) + (trees[2] + trees[3]);
}

// The sum of a run of 512 * 2^j elements (j >= 0): pairwise summation halves it exactly
// down to its nodes, so the node sums combine as a perfect binary tree, here in a loop
// with a stack (after node i, one addition per trailing zero bit of i + 1) instead of j
// levels of recursion: the same additions. Against the recursion, float32 4096 x 4096 in
// one process, one thread, three alternations: 0.97-0.99x -> 1.03-1.05x Eigen, along
// axis 1 0.96-0.97x -> 1.02x (each call and return cost a vzeroupper and six saved
// registers).
template <class D, class F, class T = hn::TFromD<D>>
HWY_INLINE T PowerOfTwoRunSum(D d, const T* p, std::int64_t n, F f) {
  constexpr std::int64_t kNode = 4 * kPairwiseBlock;
  T stack[64];  // one more than the tree's depth, at most 55
  int top = 0;
  for (std::int64_t i = 0; i < n / kNode; ++i) {
    stack[top++] = FullNodeSum(d, p + i * kNode, f);
    for (std::int64_t done = i + 1; done % 2 == 0; done /= 2) {
      --top;
      stack[top - 1] = stack[top - 1] + stack[top];
    }
  }
  return stack[0];
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

template <class T, class F>
T PairwiseSum(const T* p, std::int64_t n, F f) {
#if HWY_TARGET == HWY_SCALAR
  return pairwise_sum_run<T, true>(reinterpret_cast<const char*>(p), n, sizeof(T), f);
#else
  const hn::CappedTag<T, 8> d;
  if (hn::Lanes(d) != 8 || n < 8) return pairwise_sum_run<T, true>(reinterpret_cast<const char*>(p), n, sizeof(T), f);
  if (n >= 4 * kPairwiseBlock && std::has_single_bit(static_cast<std::uint64_t>(n)))
    return PowerOfTwoRunSum(d, p, n, f);  // sum(a) and sum(a, axis) of power-of-two shapes
  if (n <= kPairwiseBlock) return AddTail(LanesTree(d, LeafChain(d, p, n, f)), p, n - n % 8, n, f);
  if (n <= 4 * kPairwiseBlock) {  // a node of up to four leaves
    std::int64_t offsets[4], lengths[4];
    int left_leaves = 0;
    const int leaves = NodeLeaves(n, offsets, lengths, left_leaves);
    if (leaves > 0) {
      hn::Vec<decltype(d)> r[4];
      for (int k = 0; k < 4; ++k) {
        r[k] = k < leaves ? LeafChain(d, p + offsets[k], lengths[k], f) : hn::Zero(d);  // a spare's sum is dropped
        KeepLoadOrder();
      }
      HWY_ALIGN T trees[8];
      hn::Store(FourLanesTrees(d, r[0], r[1], r[2], r[3]), d, trees);
      T sums[4];
      for (int k = 0; k < leaves; ++k) {
        const std::int64_t chained = lengths[k] - lengths[k] % 8;
        sums[k] = AddTail(trees[k], p + offsets[k], chained, lengths[k], f);
      }
      const T left = left_leaves == 1 ? sums[0] : sums[0] + sums[1];
      const T right = leaves - left_leaves == 1 ? sums[left_leaves] : sums[left_leaves] + sums[left_leaves + 1];
      return left + right;
    }
  }
  const std::int64_t half = pairwise_split(n);
  return PairwiseSum(p, half, f) + PairwiseSum(p + half, n - half, f);
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

// out[i] += in[r * row_stride + i] for rows r = 0, 1, ... in that order, eight rows per
// pass over out (fold_rows_inl.hpp): the same bits as AddInto row by row. 4096 x 4096
// float32, one thread: 32-32.5 GB/s with four rows per pass -> 32.5-33, two threads
// 33-34 -> 36-37; 2048 x 2048 float64 34-36 -> 40, two threads 50-51 -> 59-61 (old and
// new library alternated).
template <class T>
void AddRowsInto(T* out, const T* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  const std::int64_t folded = FoldRowsByEight(
      out, in, n, rows, row_stride, [](auto o, auto x, std::int64_t) { return hn::Add(o, x); },
      [](T* o, const T* x, std::int64_t from, std::int64_t to) {
        for (std::int64_t i = from; i < to; ++i) o[i] += x[i];
      });
  for (std::int64_t r = folded; r < rows; ++r) AddInto(out, in + r * row_stride, n);
}

// out[i] += (in[r * row_stride + i] - mean[i])^2, rows in order (NOTE: [Fused squared
// deviations]): AddRowsInto over the squares, the same bits.
template <class T>
void AddSquaredDeviationRowsInto(T* out, const T* in, const T* mean, std::int64_t n, std::int64_t rows,
                                 std::int64_t row_stride) {
  const hn::ScalableTag<T> d;
  const auto square_of_deviation = [&](auto x, std::int64_t i) {
    const auto t = hn::Sub(x, hn::LoadU(d, mean + i));
    return hn::Mul(t, t);
  };
  const auto tail = [&](T* o, const T* x, std::int64_t from, std::int64_t to) {
    for (std::int64_t i = from; i < to; ++i) o[i] += SquaredDeviation<T>{mean[i]}(x[i]);
  };
  const std::int64_t folded = FoldRowsByEight(
      out, in, n, rows, row_stride,
      [&](auto o, auto x, std::int64_t i) { return hn::Add(o, square_of_deviation(x, i)); }, tail);
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  for (std::int64_t r = folded; r < rows; ++r) {
    const T* row = in + r * row_stride;
    std::int64_t i = 0;
    for (; i + N <= n; i += N)
      hn::StoreU(hn::Add(hn::LoadU(d, out + i), square_of_deviation(hn::LoadU(d, row + i), i)), d, out + i);
    tail(out, row, i, n);
  }
}

void AddSquaredDeviationRowsIntoF32(float* out, const float* in, const float* mean, std::int64_t n, std::int64_t rows,
                                    std::int64_t row_stride) {
  AddSquaredDeviationRowsInto(out, in, mean, n, rows, row_stride);
}
void AddSquaredDeviationRowsIntoF64(double* out, const double* in, const double* mean, std::int64_t n,
                                    std::int64_t rows, std::int64_t row_stride) {
  AddSquaredDeviationRowsInto(out, in, mean, n, rows, row_stride);
}
float PairwiseSumSquaredDeviationsF32(const float* p, std::int64_t n, float mean) {
  return PairwiseSum(p, n, VecSquaredDeviation<float>{{mean}});
}
double PairwiseSumSquaredDeviationsF64(const double* p, std::int64_t n, double mean) {
  return PairwiseSum(p, n, VecSquaredDeviation<double>{{mean}});
}

void AddRowsIntoF32(float* out, const float* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  AddRowsInto(out, in, n, rows, row_stride);
}
void AddRowsIntoF64(double* out, const double* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  AddRowsInto(out, in, n, rows, row_stride);
}

float PairwiseSumF32(const float* p, std::int64_t n) { return PairwiseSum(p, n, VecAsIs{}); }
double PairwiseSumF64(const double* p, std::int64_t n) { return PairwiseSum(p, n, VecAsIs{}); }

// out[r * out_stride] += PairwiseSum(row r) for rows r = 0, 1, ... in order (strides in
// elements; out_stride may be 0): what reduce_loop does row by row, in one dispatch
// (NOTE: [Rows of pairwise sums]).
template <class T>
void PairwiseSumRowsInto(T* out, std::int64_t out_stride, const T* in, std::int64_t n, std::int64_t rows,
                         std::int64_t row_stride) {
  for (std::int64_t r = 0; r < rows; ++r) out[r * out_stride] += PairwiseSum(in + r * row_stride, n, VecAsIs{});
}
void PairwiseSumRowsIntoF32(float* out, std::int64_t out_stride, const float* in, std::int64_t n, std::int64_t rows,
                            std::int64_t row_stride) {
  PairwiseSumRowsInto(out, out_stride, in, n, rows, row_stride);
}
void PairwiseSumRowsIntoF64(double* out, std::int64_t out_stride, const double* in, std::int64_t n,
                            std::int64_t rows, std::int64_t row_stride) {
  PairwiseSumRowsInto(out, out_stride, in, n, rows, row_stride);
}

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
HWY_EXPORT(PairwiseSumRowsIntoF32);
HWY_EXPORT(PairwiseSumRowsIntoF64);
HWY_EXPORT(AddRowsIntoF32);
HWY_EXPORT(AddRowsIntoF64);
HWY_EXPORT(MaxValueF32);
HWY_EXPORT(MaxValueF64);
HWY_EXPORT(PairwiseSumSquaredDeviationsF32);
HWY_EXPORT(PairwiseSumSquaredDeviationsF64);
HWY_EXPORT(AddSquaredDeviationRowsIntoF32);
HWY_EXPORT(AddSquaredDeviationRowsIntoF64);

float simd_pairwise_sum_squared_deviations(const float* p, std::int64_t n, float mean) {
  return HWY_DYNAMIC_DISPATCH(PairwiseSumSquaredDeviationsF32)(p, n, mean);
}
double simd_pairwise_sum_squared_deviations(const double* p, std::int64_t n, double mean) {
  return HWY_DYNAMIC_DISPATCH(PairwiseSumSquaredDeviationsF64)(p, n, mean);
}
void simd_add_squared_deviation_rows_into(float* out, const float* in, const float* mean, std::int64_t n,
                                          std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(AddSquaredDeviationRowsIntoF32)(out, in, mean, n, rows, row_stride);
}
void simd_add_squared_deviation_rows_into(double* out, const double* in, const double* mean, std::int64_t n,
                                          std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(AddSquaredDeviationRowsIntoF64)(out, in, mean, n, rows, row_stride);
}

float simd_max_value(const float* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(MaxValueF32)(p, n); }
double simd_max_value(const double* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(MaxValueF64)(p, n); }

float simd_pairwise_sum(const float* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF32)(p, n); }
double simd_pairwise_sum(const double* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(PairwiseSumF64)(p, n); }
void simd_pairwise_sum_rows_into(float* out, std::int64_t out_stride, const float* in, std::int64_t n,
                                 std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(PairwiseSumRowsIntoF32)(out, out_stride, in, n, rows, row_stride);
}
void simd_pairwise_sum_rows_into(double* out, std::int64_t out_stride, const double* in, std::int64_t n,
                                 std::int64_t rows, std::int64_t row_stride) {
  HWY_DYNAMIC_DISPATCH(PairwiseSumRowsIntoF64)(out, out_stride, in, n, rows, row_stride);
}

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
