// NOTE: [The loop plan]
// One iterator serves every elementwise operation, reduction and copy (cf. NumPy's
// nditer and ATen's TensorIterator). Given an iteration shape and operands already
// viewed at that shape (byte strides, 0 on broadcast axes), the plan
//   1. drops size-1 dimensions,
//   2. orders dimensions so the innermost is the one with the smallest stride in the
//      first operand that moves along it (stride 0 "compares equal to anything"),
//   3. coalesces neighbours that are contiguous with each other in every operand,
//      so contiguous operands collapse to one flat loop.
// Kernels then see only (pointers, inner strides, count): nothing about shapes.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "lina/core/array.hpp"
#include "kernels/stream_stores.hpp"
#include "lina/core/threads.hpp"
#include "thread_pool.hpp"

namespace lina::detail {

inline constexpr int kMaxOperands = 4;

struct LoopPlan {
  int nops = 0;
  // Dimensions innermost first, after reordering and coalescing. Empty when the
  // iteration is a single element; `empty` when it has none.
  std::vector<std::int64_t> shape;
  std::vector<std::array<std::int64_t, kMaxOperands>> strides;  // [dim][operand], bytes
  std::array<char*, kMaxOperands> base{};
  bool empty = false;
  // Operand 0's element size when it is known (plans built from arrays), else 0: lets
  // large outputs take streaming stores (NOTE: [Streaming stores]).
  std::int64_t out_itemsize = 0;

  std::int64_t inner_size() const { return shape.empty() ? 1 : shape[0]; }
  std::int64_t outer_size() const;  // product of all but the innermost dimension
  std::array<std::int64_t, kMaxOperands> inner_strides() const;
};

// Strides of `a` viewed at `shape` (which `a.shape()` must broadcast to): leading
// axes and broadcast axes get stride 0.
Strides broadcast_strides(const Array& a, const Shape& shape);

// The iteration shape of an operation whose operands broadcast to `shape`, writing into
// an output of shape `out`: as in NumPy, the output takes part in broadcasting but is
// not broadcast itself, so it must have `shape` or a shape that `shape` broadcasts to
// (np.add(a, b, out=o) with a and b of shape (3,) and o of shape (2, 3) writes a + b
// into both rows of o). Returns `out`; a ShapeError naming both shapes otherwise.
Shape out_iteration_shape(const char* op, const Shape& out, const Shape& shape);

// Builds the plan for operands (pointers and byte strides already at `shape`).
LoopPlan make_loop_plan(const Shape& shape, std::span<char* const> base,
                        std::span<const Strides* const> strides);

// Convenience: operands are arrays whose shapes broadcast to `shape`.
LoopPlan make_loop_plan(const Shape& shape, std::span<const Array* const> operands);

// Calls f(char* const* ptrs, const std::int64_t* inner_strides, std::int64_t n) once
// per inner run, for outer iterations [begin, end) (default: all of them).
template <class F>
void for_each_inner(const LoopPlan& plan, F&& f, std::int64_t begin = 0, std::int64_t end = -1) {
  if (plan.empty) return;
  const int nops = plan.nops;
  const auto inner = plan.inner_strides();
  const std::int64_t n = plan.inner_size();
  const std::int64_t outer = plan.outer_size();
  if (end < 0 || end > outer) end = outer;
  if (begin >= end) return;
  const int nd = static_cast<int>(plan.shape.size());
  std::array<char*, kMaxOperands> ptrs = plan.base;
  if (nd <= 1) {
    f(ptrs.data(), inner.data(), n);
    return;
  }
  // Decompose `begin` into a multi-index over dims 1..nd-1 (dim 1 fastest).
  std::vector<std::int64_t> idx(nd, 0);
  std::int64_t rem = begin;
  for (int d = 1; d < nd; ++d) {
    idx[d] = rem % plan.shape[d];
    rem /= plan.shape[d];
    for (int k = 0; k < nops; ++k) ptrs[k] += idx[d] * plan.strides[d][k];
  }
  for (std::int64_t it = begin; it < end; ++it) {
    f(ptrs.data(), inner.data(), n);
    for (int d = 1; d < nd; ++d) {
      if (++idx[d] < plan.shape[d]) {
        for (int k = 0; k < nops; ++k) ptrs[k] += plan.strides[d][k];
        break;
      }
      for (int k = 0; k < nops; ++k) ptrs[k] -= (plan.shape[d] - 1) * plan.strides[d][k];
      idx[d] = 0;
    }
  }
}

// Below this many elements an operation runs on one thread: starting threads costs
// more than it saves (cf. ATen's GRAIN_SIZE of 32768).
inline constexpr std::int64_t kParallelGrain = std::int64_t{1} << 16;

// As for_each_inner, but splits the iterations across lina's threads when there are
// at least kParallelGrain elements and we are not already inside a parallel region.
// f must be safe to call concurrently on disjoint parts (true for elementwise ops and
// copies, not for reductions into a shared output).
//
// The work is cut into kChunksPerThread chunks per thread that threads claim as they
// finish (parallel_for): on a machine whose cores are shared with other jobs, a thread
// that loses its core holds up the loop by one chunk, not by half of it.
// Results do not depend on the split: each element is computed by the same code.
inline constexpr int kChunksPerThread = 4;

// NOTE: [Streaming stores]
// An output far larger than the caches is written back to memory anyway, yet a plain
// store first reads each line it writes (to own it), so `c = a + b` moves four streams
// of data for three. Streaming stores skip that read. In a scratch loop (10M float32,
// one thread, AVX-512): plain stores 30-44 GB/s, streaming 53-61; two threads 70-74 ->
// 78-80. So for outputs of at least kStreamingBytes, contiguous along the inner run and
// written once, each chunk of the loop runs under a StreamingScope: the kernels that can
// (the Highway kernels of contiguous float runs) stream, and the chunk ends with a fence
// so that the results are visible once parallel_for returns. Smaller outputs keep plain
// stores: the next operation may still find them in cache. (Staging any inner loop's
// output in an L1 buffer and streaming that out was also measured: 34-38 GB/s with the
// baseline-compiled loops, no gain over plain stores.)
inline constexpr std::int64_t kStreamingBytes = std::int64_t{16} << 20;

inline bool wants_streaming(const LoopPlan& plan) {
  if (plan.empty || plan.out_itemsize <= 0 || plan.inner_strides()[0] != plan.out_itemsize) return false;
  // An output with stride 0 along some dimension is written more than once (an
  // accumulation): its loop reads it back.
  for (const auto& st : plan.strides)
    if (st[0] == 0) return false;
  return plan.inner_size() * plan.outer_size() * plan.out_itemsize >= kStreamingBytes;
}

template <class F>
void parallel_for_each_inner(const LoopPlan& plan, F&& f) {
  if (plan.empty) return;
  const bool stream = wants_streaming(plan);
  const std::int64_t n = plan.inner_size(), outer = plan.outer_size();
  const int nthreads = get_num_threads();
  if (nthreads > 1 && n * outer >= kParallelGrain && can_run_parallel()) {
    // Chunks of at least half a grain each.
    const std::int64_t most = std::max<std::int64_t>(1, n * outer / (kParallelGrain / 2));
    if (outer >= nthreads) {
      const std::int64_t chunks = std::min<std::int64_t>({outer, std::int64_t{nthreads} * kChunksPerThread, most});
      parallel_for(chunks, nthreads, [&](std::int64_t c) {
        const kernels::StreamingScope scope(stream);
        for_each_inner(plan, f, outer * c / chunks, outer * (c + 1) / chunks);
      });
    } else {
      // Few outer iterations (typically one flat contiguous run): split the inner run
      // into cache-line-aligned chunks instead.
      const auto inner = plan.inner_strides();
      const std::int64_t chunks = std::min<std::int64_t>(std::int64_t{nthreads} * kChunksPerThread, most);
      parallel_for(chunks, nthreads, [&](std::int64_t c) {
        const kernels::StreamingScope scope(stream);
        const std::int64_t lo = n * c / chunks / 16 * 16;
        const std::int64_t hi = c + 1 == chunks ? n : n * (c + 1) / chunks / 16 * 16;
        if (hi > lo) {
          for_each_inner(plan, [&](char* const* p, const std::int64_t* st, std::int64_t) {
            std::array<char*, kMaxOperands> q{};
            for (int k = 0; k < plan.nops; ++k) q[k] = p[k] + lo * inner[k];
            f(q.data(), st, hi - lo);
          });
        }
      });
    }
    return;
  }
  const kernels::StreamingScope scope(stream);
  for_each_inner(plan, f);
}

// Copies `src` into `dst` (same shape after broadcasting src), converting the element
// type with C++'s conversion (float to int truncates toward zero; NaN to int is
// unspecified in C++, so it is mapped to the minimum value, as NumPy does on x86).
void copy_cast(const Array& src, Array& dst);

}  // namespace lina::detail
