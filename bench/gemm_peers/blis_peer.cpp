// BLIS (Debian's OpenMP build) on bench/gemm_workloads.hpp through its typed API:
// bli_?gemm with row-major strides and bli_?gemv. BLIS has no batched GEMM, so it has no
// batched row.
#include <blis.h>

#include "../gemm_workloads.hpp"

namespace {

using bench::gemm::Call;

struct Blis : bench::gemm::HeapOperands {
  void set_threads(int t) { bli_thread_set_num_threads(t); }
  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    return [=] {
      T one = 1, zero = 0;
      if constexpr (sizeof(T) == 4)
        bli_sgemm(BLIS_NO_TRANSPOSE, BLIS_NO_TRANSPOSE, n, n, n, &one, a, n, 1, b, n, 1, &zero, c, n, 1);
      else
        bli_dgemm(BLIS_NO_TRANSPOSE, BLIS_NO_TRANSPOSE, n, n, n, &one, a, n, 1, b, n, 1, &zero, c, n, 1);
    };
  }
  template <class T>
  Call batched(std::int64_t, std::int64_t, T*, T*, T*) {
    return {};
  }
  template <class T>
  Call gemv(std::int64_t n, T* a, T* x, T* y) {
    return [=] {
      T one = 1, zero = 0;
      if constexpr (sizeof(T) == 4)
        bli_sgemv(BLIS_NO_TRANSPOSE, BLIS_NO_CONJUGATE, n, n, &one, a, n, 1, x, 1, &zero, y, 1);
      else
        bli_dgemv(BLIS_NO_TRANSPOSE, BLIS_NO_CONJUGATE, n, n, &one, a, n, 1, x, 1, &zero, y, 1);
    };
  }
};

}  // namespace

int main() {
  Blis lib;
  bench::gemm::run_all(std::string("blis ") + bli_info_get_version_str(), lib);
  return 0;
}
