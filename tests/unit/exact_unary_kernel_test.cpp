// sqrt, abs, negative, relu, floor, ceil and round through their Highway kernels
// (elementwise_math.cpp) against the scalar functors, bit for bit, on every SIMD target:
// contiguous runs, and the same values at a stride of two (buffered through the same
// kernels, NOTE: [Buffered strided runs]).
// Lengths 0-70 and long runs, unaligned starts, and the values where these functions
// have their edges: NaN, +-0, +-inf, negatives (sqrt), halves (round's ties to even),
// denormals, and magnitudes beyond 2^23 / 2^52 (already whole). clip's one-pass kernel
// against the two operations it replaces.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "kernels/elementwise_functors.hpp"
#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

template <class T>
std::vector<T> edge_values(std::int64_t n, std::mt19937& rng) {
  using L = std::numeric_limits<T>;
  const T specials[] = {L::quiet_NaN(), T(0), T(-0.0), L::infinity(), -L::infinity(), T(0.5), T(-0.5), T(1.5),
                        T(2.5),         T(-2.5), L::denorm_min(), -L::min(), T(1e20), T(-4503599627370497.0),
                        T(8388609.0),   L::max()};
  std::uniform_real_distribution<double> u(-50, 50);
  std::vector<T> v(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = (rng() % 4 == 0) ? specials[rng() % (sizeof(specials) / sizeof(T))] : static_cast<T>(u(rng));
  return v;
}

template <class T>
void expect_same(const lina::Array& fast, const lina::Array& ref, const std::vector<T>& in, const std::string& what) {
  ASSERT_EQ(fast.shape(), ref.shape()) << what;
  const lina::Array f = fast.contiguous(), r = ref.contiguous();
  const T* a = f.data<T>();
  const T* b = r.data<T>();
  for (std::int64_t i = 0; i < f.size(); ++i) {
    if (std::isnan(b[i])) {
      EXPECT_TRUE(std::isnan(a[i])) << what << " input " << in[i];
    } else {
      EXPECT_EQ(0, std::memcmp(&a[i], &b[i], sizeof(T))) << what << " input " << in[i] << ": " << a[i] << " vs " << b[i];
    }
  }
}

// fn's scalar functor applied to every value: the reference.
template <class T, class Op>
lina::Array scalar_reference(const std::vector<T>& in) {
  std::vector<T> out(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) out[i] = Op::template apply<T>(in[i]);
  return lina::frombuffer(out, {static_cast<std::int64_t>(out.size())});
}

template <class T>
void check_all(const char* dtype_name) {
  namespace k = lina::kernels;
  using Fn = std::function<lina::Array(const lina::Array&)>;
  using Ref = lina::Array (*)(const std::vector<T>&);
  const std::vector<std::tuple<const char*, Fn, Ref>> fns = {
      {"sqrt", [](const lina::Array& a) { return lina::sqrt(a); }, scalar_reference<T, k::Sqrt>},
      {"abs", [](const lina::Array& a) { return lina::abs(a); }, scalar_reference<T, k::Abs>},
      {"negative", [](const lina::Array& a) { return lina::negative(a); }, scalar_reference<T, k::Negative>},
      {"relu", [](const lina::Array& a) { return lina::relu(a); }, scalar_reference<T, k::Relu>},
      {"floor", [](const lina::Array& a) { return lina::floor(a); }, scalar_reference<T, k::Floor>},
      {"ceil", [](const lina::Array& a) { return lina::ceil(a); }, scalar_reference<T, k::Ceil>},
      {"round", [](const lina::Array& a) { return lina::round(a); }, scalar_reference<T, k::Round>},
  };
  std::mt19937 rng(13);
  lina_test::for_each_simd_target([&](const std::string& target) {
    std::vector<std::int64_t> lengths;
    for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
    for (std::int64_t n : {255, 1001}) lengths.push_back(n);
    for (const std::int64_t n : lengths) {
      const std::vector<T> v = edge_values<T>(n + 1, rng);
      const lina::Array all = lina::frombuffer(v, {n + 1});
      const lina::Array x = all.index({lina::Index(lina::slice(1, n + 1))});  // starts one element in
      const lina::Array strided = lina_test::strided_twin(x);
      const std::vector<T> in(v.begin() + 1, v.end());
      for (const auto& [name, fn, ref] : fns) {
        const std::string what = target + dtype_name + " " + name + " n=" + std::to_string(n);
        const lina::Array want = ref(in);
        expect_same<T>(fn(x), want, in, what);
        expect_same<T>(fn(strided), want, in, what + " strided");
      }
    }
  });
}

// clip(x, lo, hi) in one pass (ClipOp) against minimum(maximum(x, lo), hi), the two
// operations it replaces, with NaN and +-0 in x and in the bounds and lo > hi.
template <class T>
void check_clip(const char* dtype_name) {
  std::mt19937 rng(17);
  const double bounds[][2] = {{-10, 10}, {0.0, 0.5}, {-0.0, 0.0}, {5, -5}, {std::nan(""), 1}, {-1, std::nan("")}};
  lina_test::for_each_simd_target([&](const std::string& target) {
    std::vector<std::int64_t> lengths;
    for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
    lengths.push_back(1001);
    for (const std::int64_t n : lengths) {
      const std::vector<T> v = edge_values<T>(n + 1, rng);
      const std::vector<T> in(v.begin() + 1, v.end());
      const lina::Array all = lina::frombuffer(v, {n + 1});
      const lina::Array x = all.index({lina::Index(lina::slice(1, n + 1))});
      const lina::Array strided = lina_test::strided_twin(x);
      for (const auto& b : bounds) {
        const lina::Array want = lina::minimum(lina::maximum(x, b[0]), b[1]);
        const std::string what = target + dtype_name + " clip(" + std::to_string(b[0]) + ", " +
                                 std::to_string(b[1]) + ") n=" + std::to_string(n);
        expect_same<T>(lina::clip(x, b[0], b[1]), want, in, what);
        expect_same<T>(lina::clip(strided, b[0], b[1]), want, in, what + " strided");
      }
    }
  });
}

TEST(ClipKernel, Float32EqualsMaximumThenMinimumOnEveryTarget) { check_clip<float>("float32"); }
TEST(ClipKernel, Float64EqualsMaximumThenMinimumOnEveryTarget) { check_clip<double>("float64"); }

TEST(ClipKernel, PromotionAndThreadsAsTheTwoOperations) {
  // An integer array with float bounds computes in float64, as NumPy; integer bounds
  // keep the integer dtype (the two-operation path).
  const lina::Array i = lina::arange(-50, 50).astype(lina::int32);
  EXPECT_EQ(lina::clip(i, 0.5, 2.5).dtype(), lina::float64);
  EXPECT_EQ(lina::clip(i, 0, 3).dtype(), lina::int32);
  EXPECT_TRUE(lina::array_equal(lina::clip(i, 0.5, 2.5), lina::minimum(lina::maximum(i.astype(lina::float64), 0.5), 2.5)));
  // A large float32 array: two threads give the one-thread bits.
  lina::Generator gen(1);
  const lina::Array x = gen.uniform(-3.0, 3.0, {2'000'003}, lina::float32);
  const int threads = lina::get_num_threads();
  lina::set_num_threads(1);
  const lina::Array one = lina::clip(x, -1.0, 1.5);
  lina::set_num_threads(2);
  const lina::Array two = lina::clip(x, -1.0, 1.5);
  lina::set_num_threads(threads);
  EXPECT_EQ(0, std::memcmp(one.raw_data(), two.raw_data(), static_cast<std::size_t>(one.nbytes())));
  EXPECT_TRUE(lina::array_equal(one, lina::minimum(lina::maximum(x, -1.0), 1.5)));
}

TEST(ExactUnaryKernels, Float32MatchesTheScalarFunctorsOnEveryTarget) { check_all<float>("float32"); }
TEST(ExactUnaryKernels, Float64MatchesTheScalarFunctorsOnEveryTarget) { check_all<double>("float64"); }

}  // namespace

// clip's out= forms when out shares memory with an operand: in place (out is a), out is
// the upper or the lower bound, and out is a transposed view of a (the one-pass kernel
// must not read what it has written). Each equals clip into a new array.
TEST(ClipKernel, OutSharingMemoryWithAnOperand) {
  lina::Generator gen(7);
  const lina::Array a = gen.uniform(-2.0, 2.0, {5, 5}, lina::float32);
  const lina::Array lo = gen.uniform(-1.0, 0.0, {5, 5}, lina::float32);
  const lina::Array hi = gen.uniform(0.0, 1.0, {5}, lina::float32);
  for (bool scalar_bounds : {true, false}) {
    const lina::Array want =
        scalar_bounds ? lina::clip(a, -0.5, 0.75) : lina::clip(a, lo, hi);
    lina::Array x = a.copy();
    if (scalar_bounds) lina::clip(x, -0.5, 0.75, x);
    else lina::clip(x, lo, hi, x);
    EXPECT_TRUE(lina::array_equal(x, want)) << "in place, scalar bounds " << scalar_bounds;
    lina::Array xt = a.T().copy();  // x.T's values are a's
    lina::Array base = xt.T();      // a view sharing xt's memory, transposed
    if (scalar_bounds) lina::clip(base, -0.5, 0.75, xt);
    else lina::clip(base, lo, hi, xt);
    EXPECT_TRUE(lina::array_equal(xt, want)) << "out a transposed view of a, scalar bounds " << scalar_bounds;
  }
  const lina::Array want = lina::clip(a, lo, lina::broadcast_to(hi, {5, 5}));
  lina::Array h = lina::broadcast_to(hi, {5, 5}).copy();
  lina::clip(a, lo, h, h);
  EXPECT_TRUE(lina::array_equal(h, want)) << "out is the upper bound";
  lina::Array l = lo.copy();
  lina::clip(a, l, hi, l);
  EXPECT_TRUE(lina::array_equal(l, lina::clip(a, lo, hi))) << "out is the lower bound";
  // The result dtype must cast to out's (same_kind), checked before the shapes, as NumPy.
  lina::Array ints = lina::zeros({3}, lina::int32);
  EXPECT_THROW(lina::clip(a, 0.0, 1.0, ints), lina::TypeError);
  lina::Array wrong = lina::zeros({4}, lina::float32);
  EXPECT_THROW(lina::clip(a, 0.0, 1.0, wrong), lina::ShapeError);
}
