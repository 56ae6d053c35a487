// The elementwise-speed issue's rows on 1 and 2 threads: a + b over 10M elements (new
// array and into an existing one), broadcast adds, a*b + c, exp and tanh, sums of a
// 4096x4096 matrix (all, axis 0, axis 1), transpose copies, float32 -> float64 astype of a
// transpose and of a contiguous matrix, exp/tanh of a stepped view and a.T + a / exp(a.T)
// (strided and transposed operands), integer floor_divide and power, float32 and float64
// power, float floor_divide and remainder, the fused relu(x + bias), (x - mean) / std
// and softmax, and the per-call time of a + b on 8 elements. bench/compare runs the
// peers (ew_peers.py for NumPy and PyTorch, eigen_peer_bench, xtensor_peer_bench) on
// the same workloads in the same run; the workload names must match theirs.
#include <string>

#include "bench_timer.hpp"
#include "lina/lina.hpp"
#include "lina/ops/fused.hpp"

namespace {

constexpr std::int64_t kN = 10'000'000;
constexpr std::int64_t kSide = 4096;
constexpr double kSq = double(kSide) * kSide;

void record(const char* group, const std::string& workload, int threads, double s, double value,
            const char* unit) {
  bench::record(group, workload, threads, s, value, unit);
}

}  // namespace

int main() {
  bench::settle_main_thread();  // NOTE: [Settled main thread] in bench_timer.hpp
  lina::Generator gen(42);
  const lina::Array a = gen.uniform(0.0, 1.0, {kN}, lina::float32);
  const lina::Array b = gen.uniform(0.0, 1.0, {kN}, lina::float32);
  const lina::Array c3 = gen.uniform(0.0, 1.0, {kN}, lina::float32);
  const lina::Array x = gen.uniform(-5.0, 5.0, {kN}, lina::float32);
  const lina::Array m = gen.uniform(0.0, 1.0, {kSide, kSide}, lina::float32);
  const lina::Array row = gen.uniform(0.0, 1.0, {kSide}, lina::float32);
  const lina::Array col = gen.uniform(0.0, 1.0, {kSide, 1}, lina::float32);
  const lina::Array scale = gen.uniform(1.0, 2.0, {kSide}, lina::float32);
  const lina::Array logits = gen.uniform(-10.0, 10.0, {4096, 1024}, lina::float32);
  const lina::Array a8 = gen.uniform(0.0, 1.0, {8}, lina::float32);
  const lina::Array b8 = gen.uniform(0.0, 1.0, {8}, lina::float32);
  const lina::Array a64 = gen.uniform(0.0, 1.0, {kN}, lina::float64);
  lina::Array out = lina::empty({kN}, lina::float32), out64 = lina::empty({kN}, lina::float64);
  lina::Array out_m = lina::empty({kSide, kSide}, lina::float32);
  lina::Array out_half = lina::empty({kSide, kSide / 2}, lina::float32);
  const lina::Array m_step2 = m(lina::colon, lina::slice(std::nullopt, std::nullopt, 2));
  const lina::Array i32a = gen.integers(-1'000'000, 1'000'000, {kN}).astype(lina::int32);
  const lina::Array i32b = gen.integers(1, 1000, {kN}).astype(lina::int32);
  const lina::Array i32e = gen.integers(0, 10, {kN}).astype(lina::int32);
  const lina::Array i64a = gen.integers(-1'000'000'000'000, 1'000'000'000'000, {kN});
  const lina::Array u8a = gen.integers(0, 256, {kN}).astype(lina::uint8);
  lina::Array i32out = lina::empty({kN}, lina::int32), i64out = lina::empty({kN}, lina::int64);
  lina::Array u8out = lina::empty({kN}, lina::uint8);
  lina::Array c;
  double checksum = 0;

  for (int t : bench::thread_counts()) {
    lina::set_num_threads(t);
    double s = bench::best_seconds([&] { c = a + b; });
    record("elementwise", "a + b, 10M float32, new array", t, s, 12.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { lina::add(a, b, out); });
    record("elementwise", "a + b, 10M float32, into existing", t, s, 12.0 * kN / s / 1e9, "GB/s");

    for (const auto* v : {&row, &col}) {
      const std::string w = v == &row ? "broadcast (4096,4096) + (4096,)" : "broadcast (4096,4096) + (4096,1)";
      s = bench::best_seconds([&] { c = m + *v; });
      record("elementwise", w + ", new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
      s = bench::best_seconds([&] { lina::add(m, *v, out_m); });
      record("elementwise", w + ", into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    }

    s = bench::best_seconds([&] { c = lina::fma(a, b, c3); });
    record("elementwise", "a*b + c, 10M float32, new array", t, s, 16.0 * kN / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = a * b + c3; });
    record("elementwise", "a*b + c, 10M float32, new array, two operations", t, s, 16.0 * kN / s / 1e9, "GB/s");

    for (const char* name : {"exp", "tanh"}) {
      const bool is_exp = std::string(name) == "exp";
      s = bench::best_seconds([&] { c = is_exp ? lina::exp(x) : lina::tanh(x); });
      record("elementwise", std::string(name) + ", 10M float32, new array", t, s, kN / s / 1e9, "Gelem/s");
      s = bench::best_seconds([&] {
        if (is_exp) lina::exp(x, out);
        else lina::tanh(x, out);
      });
      record("elementwise", std::string(name) + ", 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    }

    // Operands that are not contiguous: NOTE: [Buffered strided runs], NOTE: [Transposed
    // inputs copied first].
    for (const char* name : {"exp", "tanh"}) {
      const bool is_exp = std::string(name) == "exp";
      s = bench::best_seconds([&] {
        if (is_exp) lina::exp(m_step2, out_half);
        else lina::tanh(m_step2, out_half);
      });
      record("strided", std::string(name) + " of m[:, ::2], 4096x4096 float32, into existing", t, s,
             kSq / 2 / s / 1e9, "Gelem/s");
    }
    s = bench::best_seconds([&] { lina::add(m.T(), m, out_m); });
    record("strided", "m.T + m, 4096x4096 float32, into existing", t, s, 12.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { lina::exp(m.T(), out_m); });
    record("strided", "exp(m.T), 4096x4096 float32, into existing", t, s, kSq / s / 1e9, "Gelem/s");

    // NOTE: [Integer division through floats], NOTE: [Integer division by a scalar].
    s = bench::best_seconds([&] { lina::floor_divide(i32a, i32b, i32out); });
    record("integer", "floor_divide a // b, 10M int32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::floor_divide(i32a, 7, i32out); });
    record("integer", "floor_divide a // 7, 10M int32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::floor_divide(i64a, 7, i64out); });
    record("integer", "floor_divide a // 7, 10M int64, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::floor_divide(u8a, 7, u8out); });
    record("integer", "floor_divide a // 7, 10M uint8, into existing", t, s, kN / s / 1e9, "Gelem/s");
    // NOTE: [Vectorised integer power]
    s = bench::best_seconds([&] { lina::power(i32a, i32e, i32out); });
    record("integer", "power a ** b (b in 0..9), 10M int32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::power(i32a, 3, i32out); });
    record("integer", "power a ** 3, 10M int32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    // NOTE: [Vectorised float32 power], [Vectorised float64 power], [Exact scalar exponents]
    s = bench::best_seconds([&] { lina::power(a, 1.5, out); });
    record("elementwise", "power a ** 1.5, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::power(a64, 1.5, out64); });
    record("elementwise", "power a ** 1.5, 10M float64, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::power(a, 2.0, out); });
    record("elementwise", "power a ** 2, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    // NOTE: [Vectorised float floor_divide and remainder]
    s = bench::best_seconds([&] { lina::floor_divide(a, b, out); });
    record("elementwise", "floor_divide a // b, 10M float32, into existing", t, s, kN / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] { lina::remainder(a64, 0.7, out64); });
    record("elementwise", "remainder a % 0.7, 10M float64, into existing", t, s, kN / s / 1e9, "Gelem/s");

    s = bench::best_seconds([&] { checksum += lina::sum(m).item<float>(); });
    record("reduction", "sum all, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = lina::sum(m, 0); });
    record("reduction", "sum axis 0, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = lina::sum(m, 1); });
    record("reduction", "sum axis 1, 4096x4096 float32", t, s, 4.0 * kSq / s / 1e9, "GB/s");

    s = bench::best_seconds([&] { c = m.T().copy(); });
    record("copy", "transpose copy 4096x4096 float32, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { out_m.assign(m.T()); });
    record("copy", "transpose copy 4096x4096 float32, into existing", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    // Casting copies (4 bytes read, 8 written per element): NOTE: [Tiled casting transpose]
    // and NOTE: [Vectorised casts].
    s = bench::best_seconds([&] { c = m.T().astype(lina::float64); });
    record("copy", "astype float32 -> float64 of a transpose 4096x4096, new array", t, s, 12.0 * kSq / s / 1e9,
           "GB/s");
    s = bench::best_seconds([&] { c = m.astype(lina::float64); });
    record("copy", "astype float32 -> float64 4096x4096 contiguous, new array", t, s, 12.0 * kSq / s / 1e9, "GB/s");

    s = bench::best_seconds([&] { c = lina::add_relu(m, row); });
    record("fused", "relu(x + bias), (4096,4096) + (4096,), new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = lina::relu(m + row); });
    record("fused", "relu(x + bias), (4096,4096) + (4096,), new array, two operations", t, s, 8.0 * kSq / s / 1e9,
           "GB/s");
    // Standardisation with per-column statistics (NOTE in ops/fused.cpp): 8 bytes per element.
    s = bench::best_seconds([&] { c = lina::standardize(m, row, scale); });
    record("fused", "(x - mean) / std, (4096,4096) with (4096,) statistics, new array", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = (m - row) / scale; });
    record("fused", "(x - mean) / std, (4096,4096) with (4096,) statistics, new array, two operations", t, s, 8.0 * kSq / s / 1e9, "GB/s");
    s = bench::best_seconds([&] { c = lina::softmax(logits, -1); });
    record("fused", "softmax axis -1, 4096x1024 float32", t, s, 8.0 * 4096 * 1024 / s / 1e9, "GB/s");
    s = bench::best_seconds([&] {
      lina::Array e = lina::exp(logits - lina::max(logits, -1, true));
      c = e / lina::sum(e, -1, true);
    });
    record("fused", "softmax axis -1, 4096x1024 float32, composed of operations", t, s, 8.0 * 4096 * 1024 / s / 1e9,
           "GB/s");

    s = bench::per_call_seconds([&] { c = a8 + b8; });
    record("overhead", "a + b, 8 float32 elements, per call", t, s, s * 1e6, "us/call");
  }
  return checksum > 0 ? 0 : 1;
}
