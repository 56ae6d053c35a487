// The matrix-product workloads of bench/compare, written once and run by lina's
// gemm_bench and by every C++ peer (bench/gemm_peers/*_peer.cpp), so that all of them
// time the same shapes with the same data sizes and repetitions.
//
// A library takes part by providing a struct with
//   void set_threads(int);
//   template <class T> T* alloc(count);   // operand memory (lina: the data of an Array)
//   void release();                       // frees everything alloc gave
//   template <class T> Call gemm(n, a, b, c);              // C = A B, n x n, row-major
//   template <class T> Call batched(count, n, a, b, c);    // count independent n x n products
//   template <class T> Call gemv(n, a, x, y);              // y = A x, A n x n row-major
// The last three return the call to time, or an empty Call when the library has no
// such routine (the row is then left out). Operands come from alloc.
// Records go to stdout as JSON lines {"group", "workload", "library", "threads",
// "seconds", "value", "unit"}; bench/report.py turns them into ratios.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench_timer.hpp"

namespace bench::gemm {

using Call = std::function<void()>;

inline void emit(const std::string& library, const std::string& workload, int threads, double seconds, double flops) {
  std::printf(
      "{\"group\": \"gemm\", \"workload\": \"%s\", \"library\": \"%s\", \"threads\": %d, \"seconds\": %.6g, "
      "\"value\": %.6g, \"unit\": \"GFLOP/s\"}\n",
      workload.c_str(), library.c_str(), threads, seconds, flops / seconds / 1e9);
  std::fflush(stdout);
}

template <class T, class Lib>
T* random_values(Lib& lib, std::int64_t count, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(-1, 1);
  T* v = lib.template alloc<T>(count);
  for (std::int64_t i = 0; i < count; ++i) v[i] = static_cast<T>(u(rng));
  return v;
}

template <class T>
const char* prefix() {
  return sizeof(T) == 4 ? "float32" : "float64";
}

template <class T, class Lib>
void run_type(const std::string& library, Lib& lib, int threads) {
  const bool q = quick();
  for (std::int64_t n : {64, 256, 1024, 2048}) {
    T* a = random_values<T>(lib, n * n, 1);
    T* b = random_values<T>(lib, n * n, 2);
    T* c = lib.template alloc<T>(n * n);
    const Call f = lib.template gemm<T>(n, a, b, c);
    if (!f) continue;
    const double s = best_seconds(f, n >= 1024 ? (q ? 2 : 3) : (q ? 7 : 20));
    emit(library, std::string(sizeof(T) == 4 ? "sgemm " : "dgemm ") + std::to_string(n), threads, s,
         2.0 * double(n) * double(n) * double(n));
  }
  // The MLP case: many independent small products (a (count, n, n) @ b (count, n, n)).
  if (sizeof(T) == 4) {
    for (auto [count, n] : {std::pair<std::int64_t, std::int64_t>{10000, 16}, {1000, 64}}) {
      T* a = random_values<T>(lib, count * n * n, 3);
      T* b = random_values<T>(lib, count * n * n, 4);
      T* c = lib.template alloc<T>(count * n * n);
      const Call f = lib.template batched<T>(count, n, a, b, c);
      if (!f) continue;
      const double s = best_seconds(f, q ? 5 : 15);
      emit(library,
           "batched " + std::to_string(count) + " x " + std::to_string(n) + "x" + std::to_string(n) + " " + prefix<T>(),
           threads, s, 2.0 * double(count) * double(n * n * n));
    }
  }
  const std::int64_t n = 4096;
  T* a = random_values<T>(lib, n * n, 5);
  T* x = random_values<T>(lib, n, 6);
  T* y = lib.template alloc<T>(n);
  if (const Call f = lib.template gemv<T>(n, a, x, y)) {
    const double s = best_seconds(f, q ? 5 : 15);
    emit(library, std::string("matvec 4096 ") + prefix<T>(), threads, s, 2.0 * double(n) * double(n));
  }
  lib.release();
}

// Operand memory for the peers: 64-byte aligned, freed by release().
class HeapOperands {
 public:
  template <class T>
  T* alloc(std::int64_t count) {
    const std::size_t bytes = (static_cast<std::size_t>(count) * sizeof(T) + 63) / 64 * 64;
    blocks_.emplace_back(static_cast<std::byte*>(std::aligned_alloc(64, bytes)), &std::free);
    return reinterpret_cast<T*>(blocks_.back().get());
  }
  void release() { blocks_.clear(); }

 private:
  std::vector<std::unique_ptr<std::byte, decltype(&std::free)>> blocks_;
};

// Every workload on 1 and 2 threads.
template <class Lib>
void run_all(const std::string& library, Lib& lib) {
  bench::settle_main_thread();
  for (int threads : bench::thread_counts()) {
    lib.set_threads(threads);
    run_type<float>(library, lib, threads);
    run_type<double>(library, lib, threads);
  }
}

}  // namespace bench::gemm
