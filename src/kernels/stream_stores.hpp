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
