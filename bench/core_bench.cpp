// The core issue's first side-by-side rows: a + b, sum and a transpose copy over 10M
// float32 elements. bench/compare runs NumPy on the same workloads in the same run.
#include <string>
#include <vector>

#include "bench_timer.hpp"
#include "lina/lina.hpp"

int main() {
  lina::set_num_threads(1);  // the records say threads = 1
  constexpr std::int64_t n = 10'000'000;
  lina::Generator gen(42);
  const lina::Array a = gen.uniform(0.0, 1.0, {n}, lina::float32);
  const lina::Array b = gen.uniform(0.0, 1.0, {n}, lina::float32);
  const double bytes3 = 3.0 * 4.0 * n;  // two reads and one write

  lina::Array c;
  double s = bench::best_seconds([&] { c = a + b; });
  bench::record("elementwise", "a + b, 10M float32, new array", 1, s, bytes3 / s / 1e9, "GB/s");

  lina::Array out = lina::empty({n}, lina::float32);
  s = bench::best_seconds([&] { lina::add(a, b, out); });
  bench::record("elementwise", "a + b, 10M float32, into existing", 1, s, bytes3 / s / 1e9, "GB/s");

  float total = 0;
  s = bench::best_seconds([&] { total = lina::sum(a).item<float>(); });
  bench::record("reduction", "sum, 10M float32", 1, s, 4.0 * n / s / 1e9, "GB/s");

  const lina::Array m = a.reshape({2500, 4000});
  s = bench::best_seconds([&] { c = m.T().copy(); });
  bench::record("copy", "transpose copy 2500x4000 float32 (10M)", 1, s, 2.0 * 4.0 * n / s / 1e9,
                "GB/s");
  const lina::Array x = gen.uniform(-5.0, 5.0, {n}, lina::float32);
  for (const char* name : {"exp", "tanh"}) {
    const bool is_exp = std::string(name) == "exp";
    s = bench::best_seconds([&] { c = is_exp ? lina::exp(x) : lina::tanh(x); });
    bench::record("elementwise", std::string(name) + ", 10M float32, new array", 1, s, n / s / 1e9, "Gelem/s");
    s = bench::best_seconds([&] {
      if (is_exp) lina::exp(x, out);
      else lina::tanh(x, out);
    });
    bench::record("elementwise", std::string(name) + ", 10M float32, into existing", 1, s, n / s / 1e9, "Gelem/s");
  }
  return total > 0 ? 0 : 1;
}
