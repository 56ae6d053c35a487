// lina and one peer in the same process, timed in alternation on the same operands: the
// rows of bench/compare whose ratio lands near 1.0 (sums, adds into an existing array,
// matrix-vector, the 64 x 64 products, batches of small products, and n >= 1024 on two
// threads).
//
// NOTE: [Paired rounds]
// bench/compare runs each library in its own process, minutes apart, and on this shared
// machine one program's rounds move by up to 1.6x between them, so a row near 1.0 lands
// on either side of it by luck. Here each round times lina and the peer back to back
// (who goes first alternates), each as a few milliseconds of untimed calls and then the
// best of a few timed units, and keeps peer time / lina time. A slow phase of the host
// then slows both sides of a round alike; the median over the rounds is the ratio, and
// the quartiles show how much the rounds still disagree. Both libraries read and write
// the same memory (lina's arrays, whose large buffers are in huge pages where the
// kernel grants them), so neither gains from where its operands happen to live.
//
// Prints one JSON line per (workload, peer, threads): {"group": "paired", "workload",
// "library" (the peer), "threads", "ratio" (median of peer time / lina time),
// "ratio_q1", "ratio_q3", "rounds", "lina_value", "peer_value" (medians), "unit"}.
// LINA_BENCH_THREADS picks the thread counts as for the other programs;
// LINA_BENCH_QUICK=1 runs fewer rounds.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <cblas.h>
#include <libxsmm.h>
#include <torch/version.h>

#include <Eigen/Core>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "../bench_timer.hpp"
#include "../gemm_peers/openblas_version.hpp"
#include "../gemm_peers/xsmm_kernel.hpp"
#include "lina/lina.hpp"

extern "C" void openblas_set_num_threads(int);

namespace {

using Call = std::function<void()>;

// Calls per timed unit: enough that one unit takes at least 0.5 ms, so the clock's
// resolution and the loop do not weigh on a 2 us product.
int calls_per_unit(const Call& f) {
  f();
  int calls = 1;
  while (calls < (1 << 20)) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) f();
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() >= 5e-4) break;
    calls *= 2;
  }
  return calls;
}

// Untimed units before each timing, for at least this long. The other library's worker
// threads may still be spinning when it returns (libgomp's spin-wait lasts milliseconds
// here), and they hold the second CPU: lina's two-thread sum right after libtorch's ran
// at one thread's speed (44-48 against 108-118 GB/s), still after 5 ms of its own
// calls. The same warm-up wakes the timed library's own workers. One thread pinned to
// one CPU has no workers to wait for.
double switch_seconds(int threads) { return threads > 1 ? 0.03 : 0.002; }

// Seconds per call: switch_seconds of untimed units, then the best of `reps` timed
// units.
double time_call(const Call& f, int calls, int reps, int threads) {
  auto unit = [&] {
    for (int i = 0; i < calls; ++i) f();
  };
  for (double spent = 0; spent < switch_seconds(threads);) spent += bench::seconds_of(unit);
  double best = 1e300;
  for (int r = 0; r < reps; ++r) best = std::min(best, bench::seconds_of(unit));
  return best / calls;
}

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * double(v.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(pos);
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - double(lo));
}

struct Peer {
  std::string library;
  Call call;
};

// Runs the rounds of one (workload, peer) pair and prints its record. `work` is the
// amount per call in `unit`'s numerator (bytes or floating-point operations).
void measure_pair(const std::string& workload, int threads, const Call& lina_call, const Peer& peer, double work,
                  const char* unit, int rounds) {
  const int lina_calls = calls_per_unit(lina_call);
  const int peer_calls = calls_per_unit(peer.call);
  // The bigger products take 10-100 ms a call: fewer timed units for them.
  const int reps = lina_calls == 1 ? 2 : 3;
  std::vector<double> ratios, lina_values, peer_values;
  for (int r = 0; r < rounds; ++r) {
    double tl, tp;
    if (r % 2 == 0) {
      tl = time_call(lina_call, lina_calls, reps, threads);
      tp = time_call(peer.call, peer_calls, reps, threads);
    } else {
      tp = time_call(peer.call, peer_calls, reps, threads);
      tl = time_call(lina_call, lina_calls, reps, threads);
    }
    ratios.push_back(tp / tl);
    lina_values.push_back(work / tl / 1e9);
    peer_values.push_back(work / tp / 1e9);
  }
  std::printf(
      "{\"group\": \"paired\", \"workload\": \"%s\", \"library\": "
      "\"%s\", \"threads\": %d, \"ratio\": %.4f, "
      "\"ratio_q1\": %.4f, \"ratio_q3\": %.4f, \"rounds\": %d, "
      "\"lina_value\": %.4g, \"peer_value\": %.4g, "
      "\"unit\": \"%s\"}\n",
      workload.c_str(), peer.library.c_str(), threads, quantile(ratios, 0.5), quantile(ratios, 0.25),
      quantile(ratios, 0.75), rounds, quantile(lina_values, 0.5), quantile(peer_values, 0.5), unit);
  std::fflush(stdout);
}

lina::Array random_array(lina::Generator& g, lina::Shape shape, lina::DType dt) { return g.uniform(-1, 1, shape, dt); }

template <class T>
at::Tensor wrap(const lina::Array& a) {
  std::vector<std::int64_t> shape(a.shape().begin(), a.shape().end());
  return at::from_blob(const_cast<void*>(a.raw_data()), shape,
                       at::TensorOptions().dtype(sizeof(T) == 4 ? at::kFloat : at::kDouble));
}

template <class T>
using RowMajor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

const std::string kEigen = "eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) +
                           "." + std::to_string(EIGEN_MINOR_VERSION);
const std::string kTorch = "libtorch " TORCH_VERSION;
const std::string kXsmm = "libxsmm " LIBXSMM_CONFIG_VERSION;
const std::string kOpenblas = "openblas " + bench::openblas_version();

// Sum of a 4096 x 4096 float32 matrix, all and along axis 1, against Eigen and
// libtorch.
void sums(lina::Generator& g, int threads, int rounds) {
  const std::int64_t n = 4096;
  const lina::Array m = random_array(g, {n, n}, lina::float32);
  lina::Array rows = lina::empty({n}, lina::float32);
  const Eigen::Map<const RowMajor<float>> em(m.data<float>(), n, n);
  Eigen::Map<Vector<float>> erows(rows.data<float>(), n);
  const at::Tensor tm = wrap<float>(m);
  at::Tensor trows = wrap<float>(rows);
  volatile float sink = 0;
  const double bytes = 4.0 * double(n * n);
  const Call lina_all = [&] { sink = lina::sum(m).item<float>(); };
  measure_pair("sum all, 4096x4096 float32", threads, lina_all, {kEigen, [&] { sink = em.sum(); }}, bytes, "GB/s",
               rounds);
  measure_pair("sum all, 4096x4096 float32", threads, lina_all, {kTorch, [&] { sink = tm.sum().item<float>(); }}, bytes,
               "GB/s", rounds);
  const Call lina_rows = [&] { rows = lina::sum(m, 1); };
  measure_pair("sum axis 1, 4096x4096 float32", threads, lina_rows, {kEigen, [&] { erows = em.rowwise().sum(); }},
               bytes, "GB/s", rounds);
  measure_pair("sum axis 1, 4096x4096 float32", threads, lina_rows, {kTorch, [&] { at::sum_out(trows, tm, {1}); }},
               bytes, "GB/s", rounds);
}

// Adds into an existing array, 10M float32 elements and a (4096, 4096) matrix plus a
// (4096, 1) column, against Eigen and libtorch: on two threads these rows follow the
// memory's phase in bench/compare.
void adds(lina::Generator& g, int threads, int rounds) {
  const std::int64_t len = 10'000'000, n = 4096;
  const lina::Array a = random_array(g, {len}, lina::float32), b = random_array(g, {len}, lina::float32);
  lina::Array c = lina::empty({len}, lina::float32);
  const Eigen::Map<const Vector<float>> ea(a.data<float>(), len), eb(b.data<float>(), len);
  Eigen::Map<Vector<float>> ec(c.data<float>(), len);
  const at::Tensor ta = wrap<float>(a), tb = wrap<float>(b);
  at::Tensor tc = wrap<float>(c);
  const std::string w = "a + b, 10M float32, into existing";
  const Call lina_add = [&] { lina::add(a, b, c); };
  measure_pair(w, threads, lina_add, {kEigen, [&] { ec = ea + eb; }}, 12.0 * double(len), "GB/s", rounds);
  measure_pair(w, threads, lina_add, {kTorch, [&] { at::add_out(tc, ta, tb); }}, 12.0 * double(len), "GB/s", rounds);

  const lina::Array m = random_array(g, {n, n}, lina::float32), col = random_array(g, {n, 1}, lina::float32);
  lina::Array out = lina::empty({n, n}, lina::float32);
  const at::Tensor tm = wrap<float>(m), tcol = wrap<float>(col);
  at::Tensor tout = wrap<float>(out);
  const double bytes = 8.0 * double(n * n);
  measure_pair("broadcast (4096,4096) + (4096,1), into existing", threads, [&] { lina::add(m, col, out); },
               {kTorch, [&] { at::add_out(tout, tm, tcol); }}, bytes, "GB/s", rounds);
}

// y = A x with A 4096 x 4096, against Eigen, OpenBLAS and libtorch.
template <class T>
void matvec(lina::Generator& g, int threads, int rounds) {
  const std::int64_t n = 4096;
  const lina::DType dt = sizeof(T) == 4 ? lina::float32 : lina::float64;
  const lina::Array a = random_array(g, {n, n}, dt), x = random_array(g, {n}, dt);
  lina::Array y = lina::empty({n}, dt);
  const Eigen::Map<const RowMajor<T>> ea(a.data<T>(), n, n);
  const Eigen::Map<const Vector<T>> ex(x.data<T>(), n);
  Eigen::Map<Vector<T>> ey(y.data<T>(), n);
  const at::Tensor ta = wrap<T>(a), tx = wrap<T>(x);
  at::Tensor ty = wrap<T>(y);
  const std::string w = std::string("matvec 4096 ") + (sizeof(T) == 4 ? "float32" : "float64");
  const double flops = 2.0 * double(n * n);
  const Call lina_call = [&] { lina::matmul(a, x, y); };
  measure_pair(w, threads, lina_call, {kEigen, [&] { ey.noalias() = ea * ex; }}, flops, "GFLOP/s", rounds);
  measure_pair(
      w, threads, lina_call,
      {kOpenblas,
       [&] {
         if constexpr (sizeof(T) == 4)
           cblas_sgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0f, a.data<T>(), n, x.data<T>(), 1, 0.0f, y.data<T>(), 1);
         else
           cblas_dgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0, a.data<T>(), n, x.data<T>(), 1, 0.0, y.data<T>(), 1);
       }},
      flops, "GFLOP/s", rounds);
  measure_pair(w, threads, lina_call, {kTorch, [&] { at::mv_out(ty, ta, tx); }}, flops, "GFLOP/s", rounds);
}

template <class T>
Call cblas_product(std::int64_t n, const T* a, const T* b, T* c) {
  return [=] {
    if constexpr (sizeof(T) == 4)
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n, b, n, 0.0f, c, n);
    else
      cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
  };
}

// C = A B, n x n: against libxsmm (n = 64), OpenBLAS and libtorch.
template <class T>
void products(lina::Generator& g, int threads, std::int64_t n, int rounds) {
  const lina::DType dt = sizeof(T) == 4 ? lina::float32 : lina::float64;
  const lina::Array a = random_array(g, {n, n}, dt), b = random_array(g, {n, n}, dt);
  lina::Array c = lina::empty({n, n}, dt);
  const T* pa = a.data<T>();
  const T* pb = b.data<T>();
  T* pc = c.data<T>();
  const std::string w = std::string(sizeof(T) == 4 ? "sgemm " : "dgemm ") + std::to_string(n);
  const double flops = 2.0 * double(n) * double(n) * double(n);
  const Call lina_call = [&] { lina::matmul(a, b, c); };
  if (n <= 64) {
    const auto k = bench::xsmm_kernel<T>(n);
    if (k != nullptr) measure_pair(w, threads, lina_call, {kXsmm, [=] { k(pb, pa, pc); }}, flops, "GFLOP/s", rounds);
  }
  measure_pair(w, threads, lina_call, {kOpenblas, cblas_product<T>(n, pa, pb, pc)}, flops, "GFLOP/s", rounds);
  const at::Tensor ta = wrap<T>(a), tb = wrap<T>(b);
  at::Tensor tc = wrap<T>(c);
  measure_pair(w, threads, lina_call, {kTorch, [&] { at::mm_out(tc, ta, tb); }}, flops, "GFLOP/s", rounds);
}

// count independent n x n float32 products: lina's batched matmul against libxsmm's
// kernel in an OpenMP loop over the batch (as libxsmm's documentation batches).
void batched(lina::Generator& g, int threads, std::int64_t count, std::int64_t n, int rounds) {
  const lina::Array a = random_array(g, {count, n, n}, lina::float32),
                    b = random_array(g, {count, n, n}, lina::float32);
  lina::Array c = lina::empty({count, n, n}, lina::float32);
  const float* pa = a.data<float>();
  const float* pb = b.data<float>();
  float* pc = c.data<float>();
  const auto k = bench::xsmm_kernel<float>(n);
  if (k == nullptr) return;
  const std::int64_t nn = n * n;
  const Call xsmm = [=] {
#pragma omp parallel for schedule(static) num_threads(threads)
    for (std::int64_t i = 0; i < count; ++i) k(pb + i * nn, pa + i * nn, pc + i * nn);
  };
  measure_pair(
      "batched " + std::to_string(count) + " x " + std::to_string(n) + "x" + std::to_string(n) + " float32", threads,
      [&] { lina::matmul(a, b, c); }, {kXsmm, xsmm}, 2.0 * double(count) * double(nn * n), "GFLOP/s", rounds);
}

}  // namespace

int main() {
  libxsmm_init();
  bench::settle_main_thread();
  lina::Generator g(7);
  const int rounds = bench::quick() ? 7 : 21;
  for (int threads : bench::thread_counts()) {
    lina::set_num_threads(threads);
    at::set_num_threads(threads);
    openblas_set_num_threads(threads);
    Eigen::setNbThreads(threads);
    sums(g, threads, rounds);
    adds(g, threads, rounds);
    matvec<float>(g, threads, rounds);
    matvec<double>(g, threads, rounds);
    products<float>(g, threads, 64, rounds);
    products<double>(g, threads, 64, rounds);
    batched(g, threads, 10000, 16, rounds);
    batched(g, threads, 1000, 64, rounds);
    // The large-product target is on two threads; fewer rounds, each call is
    // long.
    if (threads >= 2)
      for (std::int64_t n : {1024, 2048}) {
        products<float>(g, threads, n, bench::quick() ? 3 : 9);
        products<double>(g, threads, n, bench::quick() ? 3 : 9);
      }
  }
  libxsmm_finalize();
  return 0;
}
