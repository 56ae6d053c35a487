// NOTE: [Threaded reductions]
// A reduction is a loop plan over the input with the output (operand 0) viewed at the
// input's shape, stride 0 along the reduced axes (see reduce_loops.hpp). It is split
// across threads, when it is big enough and not already inside a parallel region, in
// one of three ways, chosen so that no two threads write the same output element:
//   1. Along a plan dimension where the output moves (stride != 0): each thread owns a
//      slice of the outputs and computes them exactly as the serial loop does (sum
//      along axis 0 splits the columns; along axis 1 the rows). Results are identical.
//   2. A whole reduction to one element over one contiguous run (sum of a contiguous
//      array): pairwise summation is split at the very points where the serial
//      recursion halves the run, the halves summed on different threads and combined
//      in the same order. Results are identical.
//   3. Any other reduction to one element: each thread folds a slice of the outermost
//      dimension into a private accumulator started from the output's initial value
//      (the identity, or for max/min an element of the input: both harmless to repeat),
//      and the partial results are combined in slice order. Within the pairwise bound
//      of the serial result, not always bit-identical.
// Everything else (few outputs, each from a big strided slab) runs on one thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/loop_plan.hpp"
#include "kernels/reduce_loops.hpp"

namespace lina::kernels {

// Plan restricted to [lo, hi) of dimension d.
inline detail::LoopPlan slice_plan(const detail::LoopPlan& plan, int d, std::int64_t lo, std::int64_t hi) {
  detail::LoopPlan sub = plan;
  sub.shape[d] = hi - lo;
  for (int k = 0; k < plan.nops; ++k) sub.base[k] += lo * plan.strides[d][k];
  return sub;
}

// The run [offset, offset + n) cut at pairwise summation's split points until there are
// at least `pieces` pieces or the runs are single blocks.
inline void pairwise_pieces(std::int64_t offset, std::int64_t n, int pieces,
                            std::vector<std::pair<std::int64_t, std::int64_t>>& out) {
  if (pieces <= 1 || n <= kPairwiseBlock) {
    out.emplace_back(offset, n);
    return;
  }
  const std::int64_t half = pairwise_split(n);
  pairwise_pieces(offset, half, (pieces + 1) / 2, out);
  pairwise_pieces(offset + half, n - half, (pieces + 1) / 2, out);
}

// Recombines the pieces' sums in the order the serial recursion adds them.
template <class T>
T pairwise_combine(std::int64_t n, int pieces, const std::vector<T>& sums, std::size_t& next) {
  if (pieces <= 1 || n <= kPairwiseBlock) return sums[next++];
  const std::int64_t half = pairwise_split(n);
  const T left = pairwise_combine<T>(half, (pieces + 1) / 2, sums, next);
  const T right = pairwise_combine<T>(n - half, (pieces + 1) / 2, sums, next);
  return left + right;
}

// Whether a 2-D plan reduces each contiguous row (dimension 0, the inner one) to one
// output, rows and outputs a whole number of elements apart: a reduction along the last
// axis.
inline bool reduces_rows(const detail::LoopPlan& plan, std::int64_t item) {
  return !plan.empty && plan.shape.size() == 2 && plan.strides[0][0] == 0 && plan.strides[0][1] == item &&
         plan.strides[1][0] % item == 0 && plan.strides[1][1] % item == 0;
}

// for_each_inner(plan, reduce_loop) for a plan; a sum, max or min that folds contiguous
// rows into a contiguous row of outputs (axis 0 of a C-order block: out[i] += in[r, i])
// goes to simd_add_rows_into or simd_extremum_rows_into, which take eight rows per pass
// over the outputs (same order of operations, same result); one along the last axis
// goes to simd_pairwise_sum_rows_into or simd_extremum_of_rows, one call for all the
// rows (each row as reduce_loop would do it).
template <class Op, class T, bool kPairwise>
void reduce_inner_runs(const detail::LoopPlan& plan) {
  constexpr auto item = static_cast<std::int64_t>(sizeof(T));
  const bool folds_rows = !plan.empty && plan.shape.size() == 2 && plan.strides[0][0] == item &&
                          plan.strides[0][1] == item && plan.strides[1][0] == 0 && plan.strides[1][1] % item == 0;
  if constexpr (std::is_same_v<Op, Add> && (std::is_same_v<T, float> || std::is_same_v<T, double>)) {
    if (folds_rows) {
      simd_add_rows_into(reinterpret_cast<T*>(plan.base[0]), reinterpret_cast<const T*>(plan.base[1]), plan.shape[0],
                         plan.shape[1], plan.strides[1][1] / item);
      return;
    }
    // NOTE: [Rows of pairwise sums]
    // A sum along the last axis (each output the pairwise sum of one contiguous row)
    // went through for_each_inner and reduce_loop: a dispatched call and the loop's
    // bookkeeping per row, 9% of the time for rows of 1,024 floats. One call now takes
    // all the rows, and each row is summed by the same kernel, so the bits do not change
    // (reduce_rows_test). One thread, the old and new paths alternated in one process
    // (float32, median of 21): 1024 x 1024 in L3 81 -> 92 GB/s (libtorch 94), 8192 x 300
    // 36 -> 44, 65536 x 64 26 -> 50; from memory 4096 x 4096 +4-5% and 16384 x 1024
    // +1.5%, both within the rounds' spread.
    if (kPairwise && reduces_rows(plan, item)) {
      simd_pairwise_sum_rows_into(reinterpret_cast<T*>(plan.base[0]), plan.strides[1][0] / item,
                                  reinterpret_cast<const T*>(plan.base[1]), plan.shape[0], plan.shape[1],
                                  plan.strides[1][1] / item);
      return;
    }
  }
  using K = ExtremumKernelType<Op, T>;
  if constexpr (!kPairwise && !std::is_void_v<K>) {
    if (folds_rows) {
      simd_extremum_rows_into(std::is_same_v<Op, Maximum>, reinterpret_cast<K*>(plan.base[0]),
                              reinterpret_cast<const K*>(plan.base[1]), plan.shape[0], plan.shape[1],
                              plan.strides[1][1] / item);
      return;
    }
    if (reduces_rows(plan, item)) {  // NOTE: [Rows of extremes] in reduce_extremum.cpp
      simd_extremum_of_rows(std::is_same_v<Op, Maximum>, reinterpret_cast<K*>(plan.base[0]),
                            plan.strides[1][0] / item, reinterpret_cast<const K*>(plan.base[1]), plan.shape[0],
                            plan.shape[1], plan.strides[1][1] / item);
      return;
    }
  }
  detail::for_each_inner(plan, reduce_loop<Op, T, kPairwise>);
}

template <class Op, class T, bool kPairwise>
void parallel_reduce(const detail::LoopPlan& plan) {
  constexpr auto loop = reduce_loop<Op, T, kPairwise>;
  if (plan.empty) return;
  const int nthreads = get_num_threads();
  const int nd = static_cast<int>(plan.shape.size());
  if (nthreads > 1 && nd >= 1 && plan.inner_size() * plan.outer_size() >= detail::kParallelGrain &&
      detail::can_run_parallel()) {
    // 1. Split the outputs: the outermost dimension along which the output moves.
    for (int d = nd - 1; d >= 0; --d) {
      if (plan.strides[d][0] == 0 || plan.shape[d] < 2 * nthreads) continue;
      const std::int64_t size = plan.shape[d];
      const std::int64_t chunks = std::min<std::int64_t>(size, std::int64_t{nthreads} * detail::kChunksPerThread);
      detail::parallel_for(chunks, nthreads, [&](std::int64_t c) {
        std::int64_t lo = size * c / chunks, hi = size * (c + 1) / chunks;
        if (d == 0) {  // cache-line-aligned parts of a row of outputs: no false sharing
          lo = lo / 16 * 16;
          hi = c + 1 == chunks ? size : hi / 16 * 16;
        }
        if (hi > lo) reduce_inner_runs<Op, T, kPairwise>(slice_plan(plan, d, lo, hi));
      });
      return;
    }
    bool single_output = true;
    for (int d = 0; d < nd; ++d) single_output &= plan.strides[d][0] == 0;
    if (single_output) {
      T& acc = *reinterpret_cast<T*>(plan.base[0]);
      if constexpr (kPairwise) {
        if (nd == 1) {  // 2. one run: split where pairwise summation splits
          const std::int64_t n = plan.shape[0], stride = plan.strides[0][1];
          std::vector<std::pair<std::int64_t, std::int64_t>> pieces;
          pairwise_pieces(0, n, nthreads, pieces);
          std::vector<T> sums(pieces.size());
          const auto count = static_cast<std::int64_t>(pieces.size());
          detail::parallel_for(count, nthreads, [&](std::int64_t i) {
            sums[i] = pairwise_sum<T>(plan.base[1] + pieces[i].first * stride, pieces[i].second, stride);
          });
          std::size_t next = 0;
          acc = Op::apply(acc, pairwise_combine<T>(n, nthreads, sums, next));
          return;
        }
      }
      // 3. Private accumulators over slices of the outermost dimension.
      const int d = nd - 1;
      const std::int64_t size = plan.shape[d];
      if (size >= nthreads) {
        // One cache line per partial (and never std::vector<bool>, whose elements share bytes).
        struct alignas(64) Partial {
          T value;
        };
        std::vector<Partial> partial(nthreads, Partial{acc});
        detail::parallel_for(nthreads, nthreads, [&](std::int64_t t) {
          detail::LoopPlan sub = slice_plan(plan, d, size * t / nthreads, size * (t + 1) / nthreads);
          T local = acc;
          sub.base[0] = reinterpret_cast<char*>(&local);
          detail::for_each_inner(sub, loop);
          partial[t].value = local;
        });
        T r = partial[0].value;
        for (int t = 1; t < nthreads; ++t) r = Op::apply(r, partial[t].value);
        acc = r;
        return;
      }
    }
  }
  reduce_inner_runs<Op, T, kPairwise>(plan);
}

}  // namespace lina::kernels
