// Matrix products: sgemm/dgemm at several sizes on 1 and 2 threads, and the MLP-like
// batch of 10,000 16x16 products. bench/compare runs NumPy (with its BLAS) alongside.
#include <string>

#include "bench_timer.hpp"
#include "lina/lina.hpp"

int main() {
  lina::Generator gen(1);
  for (int threads : {1, 2}) {
    lina::set_num_threads(threads);
    for (lina::DType t : {lina::float32, lina::float64}) {
      for (std::int64_t n : {64, 256, 1024, 2048}) {
        const lina::Array a = gen.uniform(-1, 1, {n, n}, t), b = gen.uniform(-1, 1, {n, n}, t);
        lina::Array c = lina::empty({n, n}, t);
        const double s = bench::best_seconds([&] { lina::matmul(a, b, c); }, n >= 1024 ? 3 : 20);
        bench::record("gemm", std::string(t == lina::float32 ? "sgemm " : "dgemm ") + std::to_string(n), threads, s,
                      2.0 * n * n * n / s / 1e9, "GFLOP/s");
      }
    }
    const lina::Array a = gen.uniform(-1, 1, {10000, 16, 16}, lina::float32);
    const lina::Array b = gen.uniform(-1, 1, {10000, 16, 16}, lina::float32);
    lina::Array c = lina::empty({10000, 16, 16}, lina::float32);
    const double s = bench::best_seconds([&] { lina::matmul(a, b, c); });
    bench::record("gemm", "batched 10000 x 16x16 float32", threads, s, 2.0 * 10000 * 16 * 16 * 16 / s / 1e9, "GFLOP/s");
  }
  return 0;
}
