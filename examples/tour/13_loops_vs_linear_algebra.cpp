// [13] "Linear algebra is faster": the sheet measured a vectorised NumPy product 3x
// faster than a Python loop. These are the C++ equivalents, measured here and now:
// an elementwise product of a large vector, and a 512 x 512 matrix product, each as a
// loop one element at a time and as one lina call. Only ratios measured in this run
// are printed; they depend on the machine, its load and the build.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "tour.hpp"

namespace tour {

namespace {

// The fastest of `repeats` runs of f, in seconds (the least disturbed by other work).
template <class F>
double best_seconds(int repeats, F&& f) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

std::string milliseconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f ms", seconds * 1e3);
  return text;
}

std::string ratio(double slow, double fast) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1fx", slow / fast);
  return text;
}

// C = A @ B for row-major n x n matrices, one multiply-add at a time: the textbook
// triple loop. (The k loop reads B down a column; its float sum cannot be reordered,
// so the compiler leaves it scalar.)
void naive_matmul(const float* a, const float* b, float* c, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      float sum = 0.f;
      for (std::int64_t k = 0; k < n; ++k) sum += a[i * n + k] * b[k * n + j];
      c[i * n + j] = sum;
    }
}

}  // namespace

void loops_vs_linear_algebra(const Context&) {
  const int threads = lina::get_num_threads();
  say("Each loop below runs on one thread; lina uses " + std::to_string(threads) +
      " (LINA_NUM_THREADS / lina::set_num_threads).");
  lina::Generator rng(13);

  say("An elementwise product of two vectors of 10,000,000 float32:");
  const std::int64_t n = 10'000'000;
  const lina::Array a = rng.uniform(-1, 1, {n}, lina::float32);
  const lina::Array b = rng.uniform(-1, 1, {n}, lina::float32);
  lina::Array c = lina::empty({n}, lina::float32);
  float* out = c.data<float>();
  const double checked_loop = best_seconds(2, [&] {
    for (std::int64_t i = 0; i < n; ++i) out[i] = a.at<float>(i) * b.at<float>(i);
  });
  show_text("for (i = 0; i < n; ++i) c[i] = a.at<float>(i) * b.at<float>(i);  // checked, one element at a time",
            "for i in range(n): c[i] = a[i] * b[i]  # the sheet's loop", milliseconds(checked_loop));
  const float* pa = a.data<float>();
  const float* pb = b.data<float>();
  const double plain_loop = best_seconds(3, [&] {
    for (std::int64_t i = 0; i < n; ++i) out[i] = pa[i] * pb[i];
  });
  show_text("for (i = 0; i < n; ++i) c[i] = pa[i] * pb[i];  // raw pointers: the optimiser may vectorise it",
            "(no Python equivalent: a compiled loop)", milliseconds(plain_loop));
  const double lina_product = best_seconds(5, [&] { lina::multiply(a, b, c); });
  show_text("lina::multiply(a, b, c);  // c = a * b into an existing array", "np.multiply(a, b, out=c)",
            milliseconds(lina_product));

  say("A 512 x 512 float32 matrix product:");
  const std::int64_t m = 512;
  const lina::Array A = rng.uniform(-1, 1, {m, m}, lina::float32);
  const lina::Array B = rng.uniform(-1, 1, {m, m}, lina::float32);
  lina::Array C_loop = lina::empty({m, m}, lina::float32);
  lina::Array C = lina::empty({m, m}, lina::float32);
  const double naive =
      best_seconds(1, [&] { naive_matmul(A.data<float>(), B.data<float>(), C_loop.data<float>(), m); });
  show_text("for i, j, k: C[i, j] += A[i, k] * B[k, j];  // the textbook triple loop",
            "for i, j, k in itertools.product(range(n), repeat=3): C[i, j] += A[i, k] * B[k, j]",
            milliseconds(naive));
  const double lina_matmul = best_seconds(5, [&] { lina::matmul(A, B, C); });
  show_text("lina::matmul(A, B, C);", "np.matmul(A, B, out=C)", milliseconds(lina_matmul));
  // Both compute the same sums in different orders: they agree to float32 rounding.
  const double difference = lina::max(lina::abs(C - C_loop)).astype(lina::float64).item<double>();
  const double scale = lina::max(lina::abs(C)).astype(lina::float64).item<double>();
  if (!(difference <= 1e-4 * scale))
    throw std::logic_error("tour: the triple loop and lina::matmul disagree by " + number(difference));
  show_text("lina::max(lina::abs(C - C_loop))", "np.abs(C - C_loop).max()  # the same product, summed in another order",
            number(difference));

  show_text("checked_loop / lina_product, plain_loop / lina_product, naive / lina_matmul",
            "the sheet: 3x for a NumPy product over a Python loop",
            "measured ratios (loop time / lina time, this run): elementwise product 10M float32: checked loop " +
                ratio(checked_loop, lina_product) + ", plain loop " + ratio(plain_loop, lina_product) +
                "; matmul 512x512 float32: triple loop " + ratio(naive, lina_matmul));
  say("Why the gaps differ: the plain product loop is itself compiled, usually to SIMD code,");
  say("and the product is limited by memory bandwidth, so lina adds little beyond threads.");
  say("The checked loop pays a type and bounds check per element, as Python's loop does.");
  say("A matrix product reuses each number 512 times: blocking for the caches, packing and");
  say("SIMD turn that reuse into speed, and the triple loop has none of them.");
}

}  // namespace tour
