// Streaming (non-temporal) stores for outputs too large to stay in cache (NOTE:
// [Streaming stores] in core/loop_plan.hpp): the hint that kernels read, and the fence.
#pragma once

#include <cstddef>
#include <cstdint>

namespace lina::kernels {

// True while the calling thread runs a loop whose output should be written with
// streaming stores. Kernels that can (the Highway kernels of contiguous float runs)
// read it; the others ignore it and store as usual, and so do sin and cos, whose loops
// are bound by arithmetic, not memory (streaming made them slower: NOTE in
// elementwise_math.cpp).
inline thread_local bool t_stream_stores = false;

// How many elements of T at `out` come before its first `vector_bytes` boundary (at most
// n), where a kernel can start streaming whole vectors; -1 when `out` is not aligned to
// sizeof(T) and so never reaches one (the kernel then stores as usual).
template <class T>
std::int64_t elements_before_boundary(const T* out, std::int64_t n, std::size_t vector_bytes) {
  const std::size_t off = reinterpret_cast<std::uintptr_t>(out) % vector_bytes;
  if (off % sizeof(T) != 0) return -1;
  const auto head = static_cast<std::int64_t>(off == 0 ? 0 : (vector_bytes - off) / sizeof(T));
  return head < n ? head : n;
}

// NOTE: [Page-ahead prefetch for streaming stores]
// A streaming store that reaches a page the TLB does not hold waits for the page walk,
// and on this virtual machine (nested paging) that wait shows: a loop that streams
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
// that loss is not the page walk. The prefetch address may lie past the end of the
// output (the next row of a broadcast loop, or memory that is not ours): a prefetch
// never faults.
inline constexpr std::uintptr_t kPageBytes = 4096;
inline constexpr std::uintptr_t kPageAheadBytes = 16384;

// Called before each streaming step of `step_bytes` (a power of two, at most a page)
// at `p`: prefetches one line kPageAheadBytes ahead when the step starts a new page.
inline void prefetch_page_ahead(const void* p, std::uintptr_t step_bytes) {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  if (a % kPageBytes < step_bytes) __builtin_prefetch(reinterpret_cast<const void*>(a + kPageAheadBytes), 0, 1);
}

// As prefetch_page_ahead for a stretch of `bytes` at `p` written as a whole (one small
// product of a batch): a line kPageAheadBytes ahead of every page start in the stretch.
inline void prefetch_pages_ahead(const void* p, std::uintptr_t bytes) {
  const auto a = reinterpret_cast<std::uintptr_t>(p);
  for (std::uintptr_t q = (a + kPageBytes - 1) / kPageBytes * kPageBytes; q < a + bytes; q += kPageBytes)
    __builtin_prefetch(reinterpret_cast<const void*>(q + kPageAheadBytes), 0, 1);
}

// Orders this thread's streaming stores before its later stores (x86's sfence): needed
// before another thread may read what they wrote.
void stream_fence();

// Sets the hint for a scope; when it was set, fences at the end of the scope.
class StreamingScope {
 public:
  explicit StreamingScope(bool on) : saved_(t_stream_stores), on_(on) { t_stream_stores = on; }
  ~StreamingScope() {
    if (on_) stream_fence();
    t_stream_stores = saved_;
  }
  StreamingScope(const StreamingScope&) = delete;
  StreamingScope& operator=(const StreamingScope&) = delete;

 private:
  bool saved_, on_;
};

}  // namespace lina::kernels
