// xtensor's side of bench/elementwise_bench.cpp: the same workloads, names and byte
// counts. xtensor evaluates expressions lazily, so a*b + c and relu(x + bias) are one
// loop; with xsimd (XTENSOR_USE_XSIMD) its contiguous loops are vectorised. Its loops
// are single-threaded (without TBB), so the 2-thread rows measure the same code again.
// Built with -march=native (xsimd has no runtime dispatch).
#include <random>
#include <string>
#include <xtensor/xarray.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xsort.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>

#include "bench_timer.hpp"

namespace {

using V1 = xt::xtensor<float, 1>;
using V2 = xt::xtensor<float, 2>;
constexpr std::size_t kN = 10'000'000, kSide = 4096;
constexpr double kSq = double(kSide) * kSide;
const std::string kLib = "xtensor " + std::to_string(XTENSOR_VERSION_MAJOR) + "." +
                         std::to_string(XTENSOR_VERSION_MINOR) + "." + std::to_string(XTENSOR_VERSION_PATCH);

void rec(const char* group, const std::string& workload, int t, double s, double value, const char* unit) {
  bench::record_as(kLib, group, workload, t, s, value, unit);
}

template <class A>
void fill(A& a, float lo, float hi, std::mt19937& g) {
  std::uniform_real_distribution<float> u(lo, hi);
  for (auto& v : a) v = u(g);
}

}  // namespace

int main() {
  bench::settle_main_thread();  // NOTE: [Settled main thread] in bench_timer.hpp
  std::mt19937 g(42);
  // Explicit shape_type: V1 a({kN}) would be a one-element tensor holding kN.
  const V1::shape_type n{kN}, eight{8}, side{kSide};
  V1 a(n), b(n), c3(n), x(n), out(n), a8(eight), b8(eight), row(side), scale(side);
  const V2::shape_type sq{kSide, kSide}, column{kSide, 1}, lg{4096, 1024};
  V2 m(sq), out_m(sq), col(column), logits(lg);
  for (auto* v : {&a, &b, &c3, &a8, &b8, &row}) fill(*v, 0, 1, g);
  fill(scale, 1, 2, g);
  fill(x, -5, 5, g);
  fill(m, 0, 1, g);
  fill(col, 0, 1, g);
  fill(logits, -10, 10, g);
  double checksum = 0;
  for (int t : bench::thread_counts()) {
    double s = bench::best_seconds([&] { V1 c = a + b; checksum += c(0); });
    rec("elementwise", "a + b, 10M float32, new array", t, s, 12.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { xt::noalias(out) = a + b; });
    rec("elementwise", "a + b, 10M float32, into existing", t, s, 12.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V2 c = m + row; checksum += c(0, 0); });
    rec("elementwise", "broadcast (4096,4096) + (4096,), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { xt::noalias(out_m) = m + row; });
    rec("elementwise", "broadcast (4096,4096) + (4096,), into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V2 c = m + col; checksum += c(0, 0); });
    rec("elementwise", "broadcast (4096,4096) + (4096,1), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { xt::noalias(out_m) = m + col; });
    rec("elementwise", "broadcast (4096,4096) + (4096,1), into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V1 c = a * b + c3; checksum += c(0); });
    rec("elementwise", "a*b + c, 10M float32, new array", t, s, 16.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V1 c = xt::exp(x); checksum += c(0); });
    rec("elementwise", "exp, 10M float32, new array", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { xt::noalias(out) = xt::exp(x); });
    rec("elementwise", "exp, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { V1 c = xt::tanh(x); checksum += c(0); });
    rec("elementwise", "tanh, 10M float32, new array", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { xt::noalias(out) = xt::tanh(x); });
    rec("elementwise", "tanh, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { checksum += xt::sum(m)(); });
    rec("reduction", "sum all, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V1 c = xt::sum(m, {0}); checksum += c(0); });
    rec("reduction", "sum axis 0, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V1 c = xt::sum(m, {1}); checksum += c(0); });
    rec("reduction", "sum axis 1, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V2 c = xt::transpose(m); checksum += c(0, 0); });
    rec("copy", "transpose copy 4096x4096 float32, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { xt::noalias(out_m) = xt::transpose(m); });
    rec("copy", "transpose copy 4096x4096 float32, into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V2 c = xt::maximum(m + row, 0.0f); checksum += c(0, 0); });
    rec("fused", "relu(x + bias), (4096,4096) + (4096,), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { V2 c = (m - row) / scale; checksum += c(0, 0); });
    rec("fused", "(x - mean) / std, (4096,4096) with (4096,) statistics, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] {
      V2 e = xt::exp(logits - xt::amax(logits, {1}, xt::keep_dims));
      V2 c = e / xt::sum(e, {1}, xt::keep_dims);
      checksum += c(0, 0);
    });
    rec("fused", "softmax axis -1, 4096x1024 float32", t, s, 8.0 * 4096 * 1024 / s / 1e9, "GB/s");
    s = bench::per_call_seconds([&] { V1 c = a8 + b8; checksum += c(0); });
    rec("overhead", "a + b, 8 float32 elements, per call", t, s, s * 1e6, "us/call");
  }
  return checksum != 0 ? 0 : 1;
}
