// Matrix products through lina's public API (matmul into an existing array): sgemm and
// dgemm at n = 64..2048, batches of small products (the MLP case) and matrix-vector
// 4096, on 1 and 2 threads. The workloads are bench/gemm_workloads.hpp, shared with the
// C++ peers in bench/gemm_peers/; bench/compare runs them all side by side.
#include <map>
#include <string>

#include "gemm_workloads.hpp"
#include "lina/lina.hpp"

namespace {

using bench::gemm::Call;

class Lina {
 public:
  void set_threads(int t) { lina::set_num_threads(t); }
  template <class T>
  T* alloc(std::int64_t count) {
    lina::Array a = lina::empty({count}, sizeof(T) == 4 ? lina::float32 : lina::float64);
    T* p = static_cast<T*>(a.raw_data());
    arrays_.emplace(p, a);
    return p;
  }
  void release() { arrays_.clear(); }

  template <class T>
  Call gemm(std::int64_t n, T* a, T* b, T* c) {
    return product(view(a, {n, n}), view(b, {n, n}), view(c, {n, n}));
  }
  template <class T>
  Call batched(std::int64_t count, std::int64_t n, T* a, T* b, T* c) {
    return product(view(a, {count, n, n}), view(b, {count, n, n}), view(c, {count, n, n}));
  }
  template <class T>
  Call gemv(std::int64_t n, T* a, T* x, T* y) {
    return product(view(a, {n, n}), view(x, {n}), view(y, {n}));
  }

 private:
  lina::Array view(const void* p, lina::Shape shape) const { return arrays_.at(p).reshape(shape); }
  static Call product(lina::Array a, lina::Array b, lina::Array c) {
    return [a, b, c]() mutable { lina::matmul(a, b, c); };
  }
  std::map<const void*, lina::Array> arrays_;
};

}  // namespace

int main() {
  Lina lib;
  bench::gemm::run_all("lina", lib);
  return 0;
}
