// Where the per-call time of a small elementwise operation goes: the 8-element a + b of
// the elementwise-speed issue, and its pieces timed alone (a new Array, the storage
// allocation, a Shape copy, a view, the out= form that allocates nothing). Lina-only
// rows; bench/compare runs it with the other benchmarks.
#include "bench_timer.hpp"
#include "lina/lina.hpp"

int main() {
  bench::settle_main_thread();  // NOTE: [Settled main thread] in bench_timer.hpp
  lina::Generator gen(42);
  const lina::Array a8 = gen.uniform(0.0, 1.0, {8}, lina::float32);
  const lina::Array b8 = gen.uniform(0.0, 1.0, {8}, lina::float32);
  const lina::Array a2 = gen.uniform(0.0, 1.0, {2, 4}, lina::float32);
  const lina::Array b2 = gen.uniform(0.0, 1.0, {2, 4}, lina::float32);
  lina::Array out = lina::empty({8}, lina::float32);
  lina::Array c;
  std::shared_ptr<lina::Storage> st;
  lina::Shape sh;
  const lina::Shape s8{8};
  auto rec = [](const char* w, double s) { bench::record("overhead", w, 1, s, s * 1e6, "us/call"); };
  // Two threads change nothing below the threading grain; measured to show it.
  if (bench::measures_threads(2)) {
    lina::set_num_threads(2);
    const double s2 = bench::per_call_seconds([&] { c = a8 + b8; });
    bench::record("overhead", "8 float32: a + b into a new array", 2, s2, s2 * 1e6, "us/call");
  }
  if (!bench::measures_threads(1)) return 0;
  lina::set_num_threads(1);
  rec("8 float32: a + b into a new array", bench::per_call_seconds([&] { c = a8 + b8; }));
  rec("(2,4) float32: a + b into a new array", bench::per_call_seconds([&] { c = a2 + b2; }));
  rec("8 float32: a + 1.0f into a new array", bench::per_call_seconds([&] { c = a8 + 1.0f; }));
  rec("8 float32: add(a, b, out)", bench::per_call_seconds([&] { lina::add(a8, b8, out); }));
  rec("8 float32: new Array((8,), float32)", bench::per_call_seconds([&] { c = lina::Array(s8, lina::float32); }));
  rec("32 bytes: Storage::allocate", bench::per_call_seconds([&] { st = lina::Storage::allocate(32); }));
  rec("Shape (8,): copy", bench::per_call_seconds([&] { sh = s8; }));
  rec("8 float32: copy of the handle", bench::per_call_seconds([&] { c = a8; }));
  return 0;
}
