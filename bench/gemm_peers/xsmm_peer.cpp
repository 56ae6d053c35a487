// libxsmm, the small-matrix specialist, on bench/gemm_workloads.hpp: a JIT kernel per
// shape (libxsmm_?mmdispatch), used as its documentation shows for batches: an OpenMP
// loop over the batch calling the kernel. libxsmm is column-major, so the row-major
// C = A B is computed as C^T = B^T A^T (swap the operands). Shapes it will not JIT
// (large n) and matrix-vector are left to the BLAS peers.
#include <libxsmm.h>

#include "../gemm_workloads.hpp"
#include "xsmm_kernel.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

using bench::gemm::Call;

struct Xsmm : bench::gemm::HeapOperands {
  int threads = 1;
  void set_threads(int t) { threads = t; }

  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    if (n > 64) return {};  // beyond libxsmm's small-matrix range it calls a BLAS
    const auto k = bench::xsmm_kernel<T>(n);
    if (k == nullptr) return {};
    return [=] { k(b, a, c); };
  }
  template <class T>
  Call batched(std::int64_t count, std::int64_t n, T* a, T* b, T* c) {
    const auto k = bench::xsmm_kernel<T>(n);
    if (k == nullptr) return {};
    const int nt = threads;
    return [=] {
      const std::int64_t nn = n * n;
#pragma omp parallel for schedule(static) num_threads(nt)
      for (std::int64_t i = 0; i < count; ++i) k(b + i * nn, a + i * nn, c + i * nn);
    };
  }
  template <class T>
  Call gemv(std::int64_t, T*, T*, T*) {
    return {};
  }
};

}  // namespace

int main() {
  libxsmm_init();
  Xsmm lib;
  bench::gemm::run_all("libxsmm " LIBXSMM_CONFIG_VERSION, lib);
  libxsmm_finalize();
  return 0;
}
