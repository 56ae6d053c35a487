// Eigen's side of bench/elementwise_bench.cpp: the same workloads, names and byte
// counts. Eigen's expression templates fuse a*b + c and relu(x + bias) into one loop by
// construction; its elementwise loops and reductions are single-threaded (Eigen threads
// only its matrix products), so the 2-thread rows measure the same code again. Built
// with -march=native so Eigen gets the machine's widest vectors (it has no runtime
// dispatch).
#include <Eigen/Core>
#include <random>
#include <string>

#include "bench_timer.hpp"

namespace {

using Vec = Eigen::ArrayXf;
using Mat = Eigen::Array<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr Eigen::Index kN = 10'000'000, kSide = 4096;
constexpr double kSq = double(kSide) * kSide;
const std::string kLib = "eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) +
                         "." + std::to_string(EIGEN_MINOR_VERSION);

void rec(const char* group, const std::string& workload, int t, double s, double value, const char* unit) {
  bench::record_as(kLib, group, workload, t, s, value, unit);
}

template <class A>
void fill(A& a, float lo, float hi, std::mt19937& g) {
  std::uniform_real_distribution<float> u(lo, hi);
  for (Eigen::Index i = 0; i < a.size(); ++i) a.data()[i] = u(g);
}

}  // namespace

int main() {
  bench::settle_main_thread();  // NOTE: [Settled main thread] in bench_timer.hpp
  std::mt19937 g(42);
  Vec a(kN), b(kN), c3(kN), x(kN), out(kN), a8(8), b8(8);
  Mat m(kSide, kSide), out_m(kSide, kSide), logits(4096, 1024);
  Eigen::RowVectorXf row(kSide), scale(kSide);
  Eigen::VectorXf col(kSide);
  for (auto* v : {&a, &b, &c3, &a8, &b8}) fill(*v, 0, 1, g);
  fill(x, -5, 5, g);
  fill(m, 0, 1, g);
  fill(row, 0, 1, g);
  fill(scale, 1, 2, g);
  fill(col, 0, 1, g);
  fill(logits, -10, 10, g);
  double checksum = 0;
  for (int t : bench::thread_counts()) {
    double s = bench::best_seconds([&] { Vec c = a + b; checksum += c[0]; });
    rec("elementwise", "a + b, 10M float32, new array", t, s, 12.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { out = a + b; });
    rec("elementwise", "a + b, 10M float32, into existing", t, s, 12.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Mat c = m.rowwise() + row.array(); checksum += c(0, 0); });
    rec("elementwise", "broadcast (4096,4096) + (4096,), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { out_m = m.rowwise() + row.array(); });
    rec("elementwise", "broadcast (4096,4096) + (4096,), into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Mat c = m.colwise() + col.array(); checksum += c(0, 0); });
    rec("elementwise", "broadcast (4096,4096) + (4096,1), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { out_m = m.colwise() + col.array(); });
    rec("elementwise", "broadcast (4096,4096) + (4096,1), into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Vec c = a * b + c3; checksum += c[0]; });
    rec("elementwise", "a*b + c, 10M float32, new array", t, s, 16.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Vec c = x.exp(); checksum += c[0]; });
    rec("elementwise", "exp, 10M float32, new array", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { out = x.exp(); });
    rec("elementwise", "exp, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { Vec c = x.tanh(); checksum += c[0]; });
    rec("elementwise", "tanh, 10M float32, new array", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { out = x.tanh(); });
    rec("elementwise", "tanh, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { checksum += m.sum(); });
    rec("reduction", "sum all, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Eigen::ArrayXXf c = m.colwise().sum(); checksum += c(0, 0); });
    rec("reduction", "sum axis 0, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Eigen::ArrayXXf c = m.rowwise().sum(); checksum += c(0, 0); });
    rec("reduction", "sum axis 1, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Mat c = m.transpose(); checksum += c(0, 0); });
    rec("copy", "transpose copy 4096x4096 float32, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { out_m = m.transpose(); });
    rec("copy", "transpose copy 4096x4096 float32, into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Mat c = (m.rowwise() + row.array()).max(0.0f); checksum += c(0, 0); });
    rec("fused", "relu(x + bias), (4096,4096) + (4096,), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { Mat c = (m.rowwise() - row.array()).rowwise() / scale.array(); checksum += c(0, 0); });
    rec("fused", "(x - mean) / std, (4096,4096) with (4096,) statistics, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] {
      Mat e = (logits.colwise() - logits.rowwise().maxCoeff()).exp();
      Mat c = e.colwise() / e.rowwise().sum();
      checksum += c(0, 0);
    });
    rec("fused", "softmax axis -1, 4096x1024 float32", t, s, 8.0 * 4096 * 1024 / s / 1e9, "GB/s");
    s = bench::per_call_seconds([&] { Vec c = a8 + b8; checksum += c[0]; });
    rec("overhead", "a + b, 8 float32 elements, per call", t, s, s * 1e6, "us/call");
  }
  return checksum != 0 ? 0 : 1;
}
