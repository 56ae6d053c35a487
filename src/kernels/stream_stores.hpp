// Streaming (non-temporal) stores for outputs too large to stay in cache (NOTE:
// [Streaming stores] in core/loop_plan.hpp): the hint that kernels read, and the fence.
#pragma once

namespace lina::kernels {

// True while the calling thread runs a loop whose output should be written with
// streaming stores. Kernels that can (the Highway kernels of contiguous float runs)
// read it; the others ignore it and store as usual.
inline thread_local bool t_stream_stores = false;

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
