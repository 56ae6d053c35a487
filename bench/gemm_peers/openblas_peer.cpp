// OpenBLAS (Debian's pthread build) on bench/gemm_workloads.hpp: cblas_sgemm/dgemm,
// batches as a loop of cblas calls (OpenBLAS has no batched GEMM), cblas_sgemv/dgemv.
#include <cblas.h>

#include <string>

#include "../gemm_workloads.hpp"
#include "openblas_version.hpp"

namespace {

using bench::gemm::Call;

inline void gemm_call(int n, const float* a, const float* b, float* c) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
}
inline void gemm_call(int n, const double* a, const double* b, double* c) {
  cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
}

struct OpenBlas : bench::gemm::HeapOperands {
  void set_threads(int t) { openblas_set_num_threads(t); }
  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    return [=] { gemm_call(int(n), a, b, c); };
  }
  template <class T>
  Call batched(std::int64_t count, std::int64_t n, T* a, T* b, T* c) {
    return [=] {
      for (std::int64_t i = 0; i < count; ++i) gemm_call(int(n), a + i * n * n, b + i * n * n, c + i * n * n);
    };
  }
  template <class T>
  Call gemv(std::int64_t n, T* a, T* x, T* y) {
    if constexpr (sizeof(T) == 4)
      return [=] { cblas_sgemv(CblasRowMajor, CblasNoTrans, int(n), int(n), 1.0f, a, int(n), x, 1, 0.0f, y, 1); };
    else
      return [=] { cblas_dgemv(CblasRowMajor, CblasNoTrans, int(n), int(n), 1.0, a, int(n), x, 1, 0.0, y, 1); };
  }
};

}  // namespace

int main() {
  OpenBlas lib;
  bench::gemm::run_all("openblas " + bench::openblas_version(), lib);
  return 0;
}
