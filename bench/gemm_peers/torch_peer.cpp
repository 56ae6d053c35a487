// libtorch (Debian's CPU build) on bench/gemm_workloads.hpp: at::mm_out, at::bmm_out and
// at::mv_out on tensors that wrap the operands (from_blob, no copy).
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <dlfcn.h>
#include <torch/version.h>

#include "../gemm_workloads.hpp"

namespace {

using bench::gemm::Call;

template <class T>
at::Tensor wrap(T* p, at::IntArrayRef shape) {
  return at::from_blob(p, shape, at::TensorOptions().dtype(sizeof(T) == 4 ? at::kFloat : at::kDouble));
}

struct Torch : bench::gemm::HeapOperands {
  // Debian's libtorch hands mm/bmm to the system BLAS (OpenBLAS), whose own thread pool
  // at::set_num_threads does not reach: its "1 thread" rows used both cores. Set
  // OpenBLAS's count too, found at run time so that no link dependency is added.
  void set_threads(int t) {
    at::set_num_threads(t);
    using SetThreads = void (*)(int);
    if (auto f = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) f(t);
  }
  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    return [A = wrap(a, {n, n}), B = wrap(b, {n, n}), C = wrap(c, {n, n})]() mutable { at::mm_out(C, A, B); };
  }
  template <class T>
  Call batched(std::int64_t count, std::int64_t n, T* a, T* b, T* c) {
    return [A = wrap(a, {count, n, n}), B = wrap(b, {count, n, n}), C = wrap(c, {count, n, n})]() mutable {
      at::bmm_out(C, A, B);
    };
  }
  template <class T>
  Call gemv(std::int64_t n, T* a, T* x, T* y) {
    return [A = wrap(a, {n, n}), X = wrap(x, {n}), Y = wrap(y, {n})]() mutable { at::mv_out(Y, A, X); };
  }
};

}  // namespace

int main() {
  Torch lib;
  bench::gemm::run_all("libtorch " TORCH_VERSION, lib);
  return 0;
}
