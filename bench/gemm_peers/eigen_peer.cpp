// Eigen (its own GEMM, OpenMP threads) on bench/gemm_workloads.hpp: row-major Maps of
// the operands, products evaluated with noalias() into the existing result.
#include <Eigen/Core>

#include "../gemm_workloads.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

using bench::gemm::Call;

template <class T>
using Mat = Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, Eigen::Aligned64>;
template <class T>
using Vec = Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1>>;

struct EigenPeer : bench::gemm::HeapOperands {
  int threads = 1;
  void set_threads(int t) {
    threads = t;
    Eigen::setNbThreads(t);
  }
  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    return [=] { Mat<T>(c, n, n).noalias() = Mat<T>(a, n, n) * Mat<T>(b, n, n); };
  }
  // Small products run one per thread over the batch (Eigen's own threads only split
  // large products).
  template <class T>
  Call batched(std::int64_t count, std::int64_t n, T* a, T* b, T* c) {
    const int nt = threads;
    return [=] {
      const std::int64_t nn = n * n;
#pragma omp parallel for schedule(static) num_threads(nt)
      for (std::int64_t i = 0; i < count; ++i)
        Mat<T>(c + i * nn, n, n).noalias() = Mat<T>(a + i * nn, n, n) * Mat<T>(b + i * nn, n, n);
    };
  }
  template <class T>
  Call gemv(std::int64_t n, T* a, T* x, T* y) {
    return [=] { Vec<T>(y, n).noalias() = Mat<T>(a, n, n) * Vec<T>(x, n); };
  }
};

}  // namespace

int main() {
  EigenPeer lib;
  bench::gemm::run_all("eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
                           std::to_string(EIGEN_MINOR_VERSION),
                       lib);
  return 0;
}
