// NOTE: [Vectorised max and min]
// max/min reductions (and the elementwise folding step of max/min along a non-contiguous
// axis) with the machine's widest vectors. The scalar loop in reduce_loops.hpp is a
// chain of compare-and-selects the compiler cannot vectorise, because of its NaN rule
// (the first NaN wins) and because of equal values the last one is kept (NumPy's rule):
// it ran 10M float32 at 1.4 Gelem/s, a third of NumPy's speed.
// - Folding a row into a row of outputs, out[i] = op(out[i], in[i]), is lane-wise: each
//   lane does the scalar functor's exact selection (NaN of out kept, then of in; ties
//   take in), so results are the scalar loop's, bit for bit.
// - One run into one value keeps several lanes of running extremes, which sees the
//   elements in another order. The order cannot change the value found, only which of
//   equal values is returned, and equal values have equal bits except +0 and -0; so
//   when the extreme is a zero, or the run may hold a NaN (whose payload the scalar
//   loop picks by position), the kernel reports that it has no answer and the caller
//   runs the scalar loop. Integers always have an answer.
// - argmax and argmin (ops/reduction.cpp) take that extreme and then the first position
//   holding it (FindFirstEqual): NumPy's answer, the first index of the extreme, since
//   equal values compare equal; NaN and a zero extreme go to the scalar loop as above.
//   They work in blocks of 32 KiB (ArgExtremumRun): the extreme of each block, and at
//   the end a search of the winning block only, so a long run is read once. One thread,
//   float32, against the scalar loop (NumPy 1.24's AVX-512 argmax): 10M elements 8.6 ->
//   1.1-1.2 ms with two whole passes, 0.77-0.79 in blocks (1.0-1.1); two threads 0.47;
//   argmax(m, 1) of 4096 x 4096 14.5 -> 1.9-2.0 ms (2.0). Along axis 0 of a C-order
//   array, ArgExtremumColumns walks the rows with a best value and index per column
//   instead of copying the transpose: argmax(m, 0) 3.0 -> 9-10 GB/s (NumPy 0.5).
#include <algorithm>
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_extremum.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/fold_rows_inl.hpp"
#include "kernels/kernel_element_types.hpp"
#include "kernels/reduce_loops.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <bool kMax, class V>
HWY_INLINE V Pick(V a, V b) {
  if constexpr (kMax) return hn::Max(a, b);
  else return hn::Min(a, b);
}

template <bool kMax, class T>
HWY_INLINE T PickScalar(T a, T b) {
  return kMax ? (a > b ? a : b) : (a < b ? a : b);
}

// The extreme of lanes into *result, or false (see the NOTE) for a zero extreme, which
// the scalar loop must decide.
template <bool kMax, class D, class V = hn::Vec<D>>
HWY_INLINE bool FinishExtremum(D d, V m, hn::TFromD<D>* result) {
  using T = hn::TFromD<D>;
  HWY_ALIGN T lanes[HWY_MAX_BYTES / sizeof(T)];
  hn::Store(m, d, lanes);
  T e = lanes[0];
  for (std::size_t k = 1; k < hn::Lanes(d); ++k) e = PickScalar<kMax>(e, lanes[k]);
  if constexpr (hwy::IsFloat<T>()) {
    if (e == T(0)) return false;
  }
  *result = e;
  return true;
}

// ExtremumRun for 2 <= n < 4N (short rows, NOTE: [Rows of extremes]): one chain, and
// the last vector loaded at n - N, overlapping the one before it. Reading an element
// twice cannot change the extreme, and the cases where the order of the elements
// matters (a zero extreme, a NaN) go to the scalar loop anyway. Runs shorter than a
// vector take half vectors, down to two lanes.
template <bool kMax, class D, class T = hn::TFromD<D>>
HWY_INLINE bool ExtremumShortRun(D d, const T* p, std::int64_t n, T* result) {
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  if (n < N) {
    if constexpr (hn::MaxLanes(D()) > 2) return ExtremumShortRun<kMax>(hn::Half<D>(), p, n, result);
    return false;
  }
  auto m = hn::LoadU(d, p + n - N);
  auto any_nan = hn::FirstN(d, 0);
  if constexpr (hwy::IsFloat<T>()) any_nan = hn::IsNaN(m);
  for (std::int64_t i = 0; i + N < n; i += N) {
    const auto x = hn::LoadU(d, p + i);
    m = Pick<kMax>(m, x);
    if constexpr (hwy::IsFloat<T>()) any_nan = hn::Or(any_nan, hn::IsNaN(x));
  }
  if (!hn::AllFalse(d, any_nan)) return false;
  return FinishExtremum<kMax>(d, m, result);
}

// The extreme of p[0, n) into *result, or false (see the NOTE) when the scalar loop must
// decide. Four chains of running extremes (Max has a latency of several cycles).
template <bool kMax, class T>
bool ExtremumRun(const T* p, std::int64_t n, T* result) {
  const hn::ScalableTag<T> d;
  using V = hn::Vec<decltype(d)>;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  constexpr bool kFloat = hwy::IsFloat<T>();
  if (n < 4 * N) return ExtremumShortRun<kMax>(d, p, n, result);
  V m0 = hn::LoadU(d, p), m1 = hn::LoadU(d, p + N), m2 = hn::LoadU(d, p + 2 * N), m3 = hn::LoadU(d, p + 3 * N);
  // NaN detection: a NaN in any of the four vectors makes their sum NaN (so does inf +
  // -inf, a false alarm that only costs the scalar loop).
  auto unordered = hn::FirstN(d, 0);
  if constexpr (kFloat) unordered = hn::IsNaN(hn::Add(hn::Add(m0, m1), hn::Add(m2, m3)));
  std::int64_t i = 4 * N;
  for (; i + 4 * N <= n; i += 4 * N) {
    const V x0 = hn::LoadU(d, p + i), x1 = hn::LoadU(d, p + i + N);
    const V x2 = hn::LoadU(d, p + i + 2 * N), x3 = hn::LoadU(d, p + i + 3 * N);
    m0 = Pick<kMax>(m0, x0);
    m1 = Pick<kMax>(m1, x1);
    m2 = Pick<kMax>(m2, x2);
    m3 = Pick<kMax>(m3, x3);
    if constexpr (kFloat) unordered = hn::Or(unordered, hn::IsNaN(hn::Add(hn::Add(x0, x1), hn::Add(x2, x3))));
  }
  for (; i + N <= n; i += N) {
    const V x = hn::LoadU(d, p + i);
    m0 = Pick<kMax>(m0, x);
    if constexpr (kFloat) unordered = hn::Or(unordered, hn::IsNaN(x));
  }
  if constexpr (kFloat) {
    if (!hn::AllFalse(d, unordered)) return false;
  }
  V m = Pick<kMax>(Pick<kMax>(m0, m1), Pick<kMax>(m2, m3));
  if (i < n) {  // the last elements, as one vector overlapping the ones before it
    const V x = hn::LoadU(d, p + n - N);
    if constexpr (kFloat) {
      if (!hn::AllFalse(d, hn::IsNaN(x))) return false;
    }
    m = Pick<kMax>(m, x);
  }
  return FinishExtremum<kMax>(d, m, result);
}

// out[i] = Maximum/Minimum::apply(out[i], in[i]) for i in [from, n), one at a time.
template <bool kMax, class T>
HWY_INLINE void ExtremumTail(T* out, const T* in, std::int64_t from, std::int64_t n) {
  for (std::int64_t i = from; i < n; ++i) {
    const T o = out[i], x = in[i];
    if constexpr (hwy::IsFloat<T>()) out[i] = (kMax ? o > x : o < x) || o != o ? o : x;
    else out[i] = PickScalar<kMax>(o, x);
  }
}

// out[i] = Maximum/Minimum::apply(out[i], in[i]) (elementwise_functors.hpp), lane by lane.
template <bool kMax, class T>
void ExtremumInto(T* out, const T* in, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto o = hn::LoadU(d, out + i), x = hn::LoadU(d, in + i);
    if constexpr (hwy::IsFloat<T>()) {
      // (o > x || o != o) ? o : x, and the same with < for min.
      const auto keep = hn::Or(kMax ? hn::Gt(o, x) : hn::Lt(o, x), hn::IsNaN(o));
      hn::StoreU(hn::IfThenElse(keep, o, x), d, out + i);
    } else {
      hn::StoreU(Pick<kMax>(o, x), d, out + i);
    }
  }
  ExtremumTail<kMax>(out, in, i, n);
}

// ExtremumInto for rows r = 0, 1, ... of in (row_stride apart) in that order, eight rows
// per pass over out (fold_rows_inl.hpp): the same choices in the same order as row by
// row, so the same bits. 4096 x 4096 float32 max(axis=0), one thread: 18-19 -> 27-29
// GB/s (NumPy 18).
template <bool kMax, class T>
void ExtremumRowsInto(T* out, const T* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride) {
  const std::int64_t folded = FoldRowsByEight(
      out, in, n, rows, row_stride,
      [](auto o, auto x, std::int64_t) {
        if constexpr (hwy::IsFloat<T>()) {
          // ExtremumInto's choice: (o > x || o != o) ? o : x, and the same with < for min.
          return hn::IfThenElse(hn::Or(kMax ? hn::Gt(o, x) : hn::Lt(o, x), hn::IsNaN(o)), o, x);
        } else {
          return Pick<kMax>(o, x);
        }
      },
      [](T* o, const T* x, std::int64_t from, std::int64_t to) { ExtremumTail<kMax>(o, x, from, to); });
  for (std::int64_t r = folded; r < rows; ++r) ExtremumInto<kMax>(out, in + r * row_stride, n);
}

// NOTE: [Rows of extremes]
// max/min along the last axis (each output the extreme of one contiguous row) went
// through for_each_inner and reduce_loop, as the row sums did (NOTE: [Rows of pairwise
// sums] in reduce_parallel.hpp): a dispatched call per row, and rows shorter than four
// vectors took the scalar loop. One call now takes all the rows; each row is decided as
// reduce_loop decides a run (ExtremumRun, or the functor's scalar chain where it has no
// answer), and rows of one to four vectors take ExtremumShortRun, so the bits do not
// change (reduce_extremum_test). One thread, float32 max(m, 1), old and new library
// alternated, in ms (NumPy 1.24 in brackets): 100000 x 10 3.6-3.7 -> 0.38 (4.3), 65536 x
// 64 0.93-0.99 -> 0.55-0.61 (4.0), 8192 x 300 0.26 -> 0.15 (0.60); 4096 x 4096 is read
// from memory at the same speed either way (1.65-2.04, 2.8). argmax and argmin along the
// last axis likewise take their rows in one call per chunk (ArgExtremumOfRows), and
// ops/reduction.cpp splits the chunks across threads, which it did not before: float32
// argmax(m, 1) on two threads 4096 x 4096 2.3-2.4 -> 1.3-1.5 ms, 65536 x 64 2.06 ->
// 0.96, 100000 x 10 0.77 -> 0.39-0.49 (NumPy 2.0, 4.3, 2.8); on one thread 8192 x 300
// 0.25 -> 0.21 and 65536 x 64 -4%, the rest unchanged.
// out[r * out_stride] = extreme(out[r * out_stride], row r) for rows r = 0, 1, ... in
// order; out_stride may be 0 (every row into one output).
template <bool kMax, class T>
void ExtremumOfRows(T* out, std::int64_t out_stride, const T* in, std::int64_t n, std::int64_t rows,
                    std::int64_t row_stride) {
  using Op = std::conditional_t<kMax, Maximum, Minimum>;
  for (std::int64_t r = 0; r < rows; ++r) {
    const T* p = in + r * row_stride;
    T& o = out[r * out_stride];
    T m;
    if (ExtremumRun<kMax>(p, n, &m)) {
      o = Op::apply(o, m);
      continue;
    }
    T a = o;
    for (std::int64_t i = 0; i < n; ++i) a = Op::apply(a, p[i]);
    o = a;
  }
}

// ArgExtremumColumns' step for row r over columns [from, n), one at a time.
template <bool kMax, class T>
HWY_INLINE void ArgColumnsTail(const T* x, std::int64_t r, std::int64_t from, std::int64_t n, T* best,
                               ColumnIndex<T>* index) {
  for (std::int64_t i = from; i < n; ++i) {
    const T b = best[i], v = x[i];
    bool take = kMax ? v > b : v < b;
    if constexpr (hwy::IsFloat<T>()) take = b == b && (take || v != v);
    if (take) {
      best[i] = v;
      index[i] = static_cast<ColumnIndex<T>>(r);
    }
  }
}

// argmax/argmin down the columns of a C-order block: after rows [0, rows), best[i] and
// index[i] are column i's extreme and the first row holding it, by NumPy's rule (the
// first NaN wins, otherwise a row replaces the best only if strictly beyond it). The
// caller sets them to row 0 and 0. Rows are read in order, four per pass over best and
// index, where argmax(m, 0) otherwise copies the transpose first.
template <bool kMax, class T>
void ArgExtremumColumns(const T* in, std::int64_t rows, std::int64_t n, std::int64_t row_stride, T* best,
                        ColumnIndex<T>* index) {
  const hn::ScalableTag<T> d;
  const hn::RebindToSigned<decltype(d)> di;
  using I = ColumnIndex<T>;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  // Four rows per pass over best and index, each lane taking them in order.
  std::int64_t r = 1;
  for (; r + 4 <= rows; r += 4) {
    const T* x = in + r * row_stride;
    std::int64_t i = 0;
    for (; i + N <= n; i += N) {
      auto b = hn::LoadU(d, best + i);
      auto idx = hn::LoadU(di, index + i);
      HWY_UNROLL(4)
      for (int j = 0; j < 4; ++j) {
        const auto v = hn::LoadU(d, x + j * row_stride + i);
        auto take = kMax ? hn::Gt(v, b) : hn::Lt(v, b);
        if constexpr (hwy::IsFloat<T>()) take = hn::AndNot(hn::IsNaN(b), hn::Or(take, hn::IsNaN(v)));
        b = hn::IfThenElse(take, v, b);
        idx = hn::IfThenElse(hn::RebindMask(di, take), hn::Set(di, static_cast<I>(r + j)), idx);
      }
      hn::StoreU(b, d, best + i);
      hn::StoreU(idx, di, index + i);
    }
    for (int j = 0; j < 4; ++j) ArgColumnsTail<kMax>(x + j * row_stride, r + j, i, n, best, index);
  }
  for (; r < rows; ++r) ArgColumnsTail<kMax>(in + r * row_stride, r, 0, n, best, index);
}

// The index of the first element of p[0, n) equal to value, or n when there is none:
// ArgExtremumRun's search of the block that holds the extreme, instead of one scalar
// compare-and-select chain.
template <class T>
std::int64_t FindFirstEqual(const T* p, std::int64_t n, T value) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto v = hn::Set(d, value);
  std::int64_t i = 0;
  for (; i + 2 * N <= n; i += 2 * N) {
    const auto e0 = hn::Eq(hn::LoadU(d, p + i), v), e1 = hn::Eq(hn::LoadU(d, p + i + N), v);
    if (!hn::AllFalse(d, hn::Or(e0, e1))) {
      const std::intptr_t k = hn::FindFirstTrue(d, e0);
      return k >= 0 ? i + k : i + N + hn::FindFirstTrue(d, e1);
    }
  }
  for (; i < n; ++i)
    if (p[i] == value) return i;
  return n;
}

// argmax/argmin of one run by NumPy's rule, one element at a time: the first NaN wins,
// otherwise the first index of the extreme (an element replaces the best only if it is
// strictly beyond it).
template <bool kMax, class T>
HWY_INLINE std::int64_t ArgExtremumScalar(const T* x, std::int64_t n) {
  std::int64_t best = 0;
  for (std::int64_t i = 1; i < n; ++i) {
    if constexpr (hwy::IsFloat<T>()) {
      if (x[best] != x[best]) break;
      if (x[i] != x[i] || (kMax ? x[i] > x[best] : x[i] < x[best])) best = i;
    } else if (kMax ? x[i] > x[best] : x[i] < x[best]) {
      best = i;
    }
  }
  return best;
}

// argmax/argmin of p[0, n), n >= 32, by NumPy's rule in one pass over blocks of 32 KiB:
// each block's extreme by the vector kernel (or its answer by the scalar rule where the
// kernel has none: a NaN, which ends the search, or a zero extreme); a block replaces the
// best only if its extreme is strictly beyond it, so ties keep the earlier block (and -0
// ties +0, as in NumPy). Only the winning block is searched again for the first
// position of its extreme. Before, a whole extreme was found first and then searched
// for from the start: two passes over memory for a large array.
template <bool kMax, class T>
std::int64_t ArgExtremumRun(const T* p, std::int64_t n) {
  constexpr std::int64_t kBlock = (std::int64_t{32} << 10) / static_cast<std::int64_t>(sizeof(T));
  T best{};
  std::int64_t best_start = -1, best_len = 0, best_index = -1;  // a block to search, or an index
  for (std::int64_t start = 0; start < n; start += kBlock) {
    const std::int64_t len = std::min(kBlock, n - start);
    T m;
    std::int64_t index = -1;
    if (!ExtremumRun<kMax>(p + start, len, &m)) {
      index = start + ArgExtremumScalar<kMax>(p + start, len);
      m = p[index];
      if constexpr (hwy::IsFloat<T>()) {
        if (m != m) return index;  // the first NaN
      }
    }
    if (start == 0 || (kMax ? m > best : m < best)) {
      best = m;
      best_index = index;
      best_start = start;
      best_len = len;
    }
  }
  return best_index >= 0 ? best_index : best_start + FindFirstEqual(p + best_start, best_len, best);
}

// argmax/argmin of rows r = 0, 1, ... (n elements each, row_stride apart) into out[r],
// all rows in one call (NOTE: [Rows of extremes]). Rows under 32 elements take the scalar
// rule: two short vector passes cost more than it (100,000 rows of 10 float32: 0.77 ms
// -> 2.1).
template <bool kMax, class T>
void ArgExtremumOfRows(const T* in, std::int64_t n, std::int64_t rows, std::int64_t row_stride, std::int64_t* out) {
  for (std::int64_t r = 0; r < rows; ++r)
    out[r] = n < 32 ? ArgExtremumScalar<kMax>(in + r * row_stride, n) : ArgExtremumRun<kMax>(in + r * row_stride, n);
}

#define LINA_EXTREMUM_KERNELS(T, NAME)                                                                    \
  bool ExtremumRun##NAME(bool is_max, const T* p, std::int64_t n, T* result) {                           \
    return is_max ? ExtremumRun<true>(p, n, result) : ExtremumRun<false>(p, n, result);                 \
  }                                                                                                       \
  void ExtremumInto##NAME(bool is_max, T* out, const T* in, std::int64_t n) {                            \
    is_max ? ExtremumInto<true>(out, in, n) : ExtremumInto<false>(out, in, n);                          \
  }                                                                                                       \
  void ExtremumRowsInto##NAME(bool is_max, T* out, const T* in, std::int64_t n, std::int64_t rows,          \
                              std::int64_t row_stride) {                                                  \
    is_max ? ExtremumRowsInto<true>(out, in, n, rows, row_stride)                                         \
           : ExtremumRowsInto<false>(out, in, n, rows, row_stride);                                       \
  }                                                                                                       \
  void ExtremumOfRows##NAME(bool is_max, T* out, std::int64_t out_stride, const T* in, std::int64_t n,     \
                            std::int64_t rows, std::int64_t row_stride) {                                 \
    is_max ? ExtremumOfRows<true>(out, out_stride, in, n, rows, row_stride)                               \
           : ExtremumOfRows<false>(out, out_stride, in, n, rows, row_stride);                             \
  }                                                                                                       \
  void ArgExtremumOfRows##NAME(bool is_max, const T* in, std::int64_t n, std::int64_t rows,                \
                               std::int64_t row_stride, std::int64_t* out) {                              \
    is_max ? ArgExtremumOfRows<true>(in, n, rows, row_stride, out)                                        \
           : ArgExtremumOfRows<false>(in, n, rows, row_stride, out);                                      \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_EXTREMUM_KERNELS)
#undef LINA_EXTREMUM_KERNELS

#define LINA_ARG_COLUMNS_KERNEL(T, NAME)                                                                  \
  void ArgExtremumColumns##NAME(bool is_max, const T* in, std::int64_t rows, std::int64_t n,              \
                                std::int64_t row_stride, T* best, ColumnIndex<T>* index) {             \
    is_max ? ArgExtremumColumns<true>(in, rows, n, row_stride, best, index)                               \
           : ArgExtremumColumns<false>(in, rows, n, row_stride, best, index);                             \
  }
LINA_ARG_COLUMNS_TYPES(LINA_ARG_COLUMNS_KERNEL)
#undef LINA_ARG_COLUMNS_KERNEL

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

#define LINA_EXTREMUM_EXPORTS(T, NAME)                                                                    \
  HWY_EXPORT(ExtremumRun##NAME);                                                                          \
  HWY_EXPORT(ExtremumInto##NAME);                                                                         \
  bool simd_extremum(bool is_max, const T* p, std::int64_t n, T* result) {                               \
    return HWY_DYNAMIC_DISPATCH(ExtremumRun##NAME)(is_max, p, n, result);                                 \
  }                                                                                                       \
  void simd_extremum_into(bool is_max, T* out, const T* in, std::int64_t n) {                            \
    HWY_DYNAMIC_DISPATCH(ExtremumInto##NAME)(is_max, out, in, n);                                         \
  }                                                                                                       \
  HWY_EXPORT(ExtremumRowsInto##NAME);                                                                     \
  void simd_extremum_rows_into(bool is_max, T* out, const T* in, std::int64_t n, std::int64_t rows,        \
                               std::int64_t row_stride) {                                                 \
    HWY_DYNAMIC_DISPATCH(ExtremumRowsInto##NAME)(is_max, out, in, n, rows, row_stride);                   \
  }                                                                                                       \
  HWY_EXPORT(ExtremumOfRows##NAME);                                                                       \
  void simd_extremum_of_rows(bool is_max, T* out, std::int64_t out_stride, const T* in, std::int64_t n,   \
                             std::int64_t rows, std::int64_t row_stride) {                                \
    HWY_DYNAMIC_DISPATCH(ExtremumOfRows##NAME)(is_max, out, out_stride, in, n, rows, row_stride);         \
  }                                                                                                       \
  HWY_EXPORT(ArgExtremumOfRows##NAME);                                                                    \
  void simd_arg_extremum_of_rows(bool is_max, const T* in, std::int64_t n, std::int64_t rows,             \
                                 std::int64_t row_stride, std::int64_t* out) {                            \
    HWY_DYNAMIC_DISPATCH(ArgExtremumOfRows##NAME)(is_max, in, n, rows, row_stride, out);                  \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_EXTREMUM_EXPORTS)
#undef LINA_EXTREMUM_EXPORTS

#define LINA_ARG_COLUMNS_EXPORT(T, NAME)                                                                  \
  HWY_EXPORT(ArgExtremumColumns##NAME);                                                                   \
  void simd_arg_extremum_columns(bool is_max, const T* in, std::int64_t rows, std::int64_t n,             \
                                 std::int64_t row_stride, T* best, ColumnIndex<T>* index) {           \
    HWY_DYNAMIC_DISPATCH(ArgExtremumColumns##NAME)(is_max, in, rows, n, row_stride, best, index);         \
  }
LINA_ARG_COLUMNS_TYPES(LINA_ARG_COLUMNS_EXPORT)
#undef LINA_ARG_COLUMNS_EXPORT

}  // namespace lina::kernels
#endif  // HWY_ONCE
