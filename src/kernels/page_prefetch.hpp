// Prefetches that reach a page before a loop does: the TLB miss and the first line of
// each page start early instead of stalling the loop at every page boundary, where the
// hardware prefetchers stop.
#pragma once

#include <cstdint>

namespace lina::kernels {

inline constexpr std::uintptr_t kPageBytes = 4096;

// NOTE: [Prefetch helpers are always inlined]
// These helpers are called from Highway's per-target code (AVX2, AVX-512, ...) but are
// compiled for the baseline target, and g++ 12 does not inline a baseline function into
// a function with other target options unless told to. Left as a call, a function whose
// only effect is a prefetch counts as having no effect, and the call is deleted: the
// vector-math loops (elementwise_math.cpp) and the pairwise sum (reduce_simd.cpp)
// compiled to no prefetch instruction at all, while the same calls in
// elementwise_arith.cpp and gemm_gemv.cpp happened to be inlined. always_inline makes
// every caller keep them (objdump of each kernel object: 0 -> 160 prefetches in
// elementwise_math.o). tests/codegen/check_prefetches.py checks the objects.
#define LINA_PREFETCH_INLINE __attribute__((always_inline)) inline

// Prefetches the line `ahead` bytes past p into all cache levels (for reading; the
// streaming loops, which only need the page walk, measured the same with every hint).
// The address may lie past the end of p's array (the next row of a broadcast loop, or
// memory that is not ours): a prefetch never faults, and the arithmetic is done on
// integers, not on the pointer.
LINA_PREFETCH_INLINE void prefetch_ahead(const void* p, std::uintptr_t ahead) {
  __builtin_prefetch(reinterpret_cast<const void*>(reinterpret_cast<std::uintptr_t>(p) + ahead), 0, 3);
}

// True when a step of `step_bytes` (a power of two, at most a page) at p starts a page:
// exactly one step per page of a loop that moves by step_bytes.
LINA_PREFETCH_INLINE bool starts_page(const void* p, std::uintptr_t step_bytes) {
  return reinterpret_cast<std::uintptr_t>(p) % kPageBytes < step_bytes;
}

// NOTE: [Page-ahead prefetch for streaming stores]
// A streaming store that reaches a page the TLB does not hold waits for the page walk,
// and on this virtual machine (nested paging, presumably) that wait shows: a loop that streams
// into two output buffers in turn, which is what `c = m + v` does on every call (the old
// c is alive while the new one is written), ran at 38 GB/s where the same loop into one
// buffer ran at 53 (pinned, one thread, (4096,4096) + (4096,), median of 9 best-of-7).
// Touching one line of each output page 16 KiB ahead with a prefetch starts the walk
// early: 38 -> 50 GB/s for two buffers, 53 -> 55 for one. 8 KiB to 128 KiB ahead and
// the T0, T2 and NTA hints all measured the same; prefetching the input pages did
// nothing. In bench/elementwise_bench, three alternating runs of the old and new
// builds: broadcast (4096,4096) + (4096,) into a new array 40-45 -> 47-50 GB/s on one
// thread, 70-92 -> 96-105 on two; + (4096,1) 39-47 -> 41-54 and 81-97 -> 106-118.
// exp into a new array also loses about 30% to the second buffer (5.1 against 7.5
// Gelem/s), and this prefetch does not win that back at any distance from 4 to 256 KiB:
// that loss is not the page walk.
inline constexpr std::uintptr_t kPageAheadBytes = 16384;

// Called before each streaming step of `step_bytes` (a power of two, at most a page)
// at `p`: prefetches one line kPageAheadBytes ahead when the step starts a new page.
LINA_PREFETCH_INLINE void prefetch_page_ahead(const void* p, std::uintptr_t step_bytes) {
  if (starts_page(p, step_bytes)) prefetch_ahead(p, kPageAheadBytes);
}

// As prefetch_page_ahead for a stretch of `bytes` at `p` written as a whole (one small
// product of a batch): a line kPageAheadBytes ahead of every page start in the stretch.
LINA_PREFETCH_INLINE void prefetch_pages_ahead(const void* p, std::uintptr_t bytes) {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  for (std::uintptr_t q = (a + kPageBytes - 1) / kPageBytes * kPageBytes; q < a + bytes; q += kPageBytes)
    prefetch_ahead(reinterpret_cast<const void*>(q), kPageAheadBytes);
}

}  // namespace lina::kernels
