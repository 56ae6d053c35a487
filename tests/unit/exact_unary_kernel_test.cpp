// sqrt, abs, negative, relu, floor, ceil and round through their Highway kernels
// (elementwise_math.cpp) against the scalar functors, bit for bit, on every SIMD target:
// contiguous runs take the kernels, the same values at a stride of two the scalar loop.
// Lengths 0-70 and long runs, unaligned starts, and the values where these functions
// have their edges: NaN, +-0, +-inf, negatives (sqrt), halves (round's ties to even),
// denormals, and magnitudes beyond 2^23 / 2^52 (already whole).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "lina/lina.hpp"
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

template <class T>
void check_all(const char* dtype_name) {
  const std::vector<std::pair<const char*, std::function<lina::Array(const lina::Array&)>>> fns = {
      {"sqrt", [](const lina::Array& a) { return lina::sqrt(a); }},
      {"abs", [](const lina::Array& a) { return lina::abs(a); }},
      {"negative", [](const lina::Array& a) { return lina::negative(a); }},
      {"relu", [](const lina::Array& a) { return lina::relu(a); }},
      {"floor", [](const lina::Array& a) { return lina::floor(a); }},
      {"ceil", [](const lina::Array& a) { return lina::ceil(a); }},
      {"round", [](const lina::Array& a) { return lina::round(a); }},
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
      const lina::Array strided = lina::stack({x, x}, -1).index({lina::Index(lina::ellipsis), lina::Index(0)});
      const std::vector<T> in(v.begin() + 1, v.end());
      for (const auto& [name, fn] : fns)
        expect_same<T>(fn(x), fn(strided), in, target + dtype_name + " " + name + " n=" + std::to_string(n));
    }
  });
}

TEST(ExactUnaryKernels, Float32MatchesTheScalarFunctorsOnEveryTarget) { check_all<float>("float32"); }
TEST(ExactUnaryKernels, Float64MatchesTheScalarFunctorsOnEveryTarget) { check_all<double>("float64"); }

}  // namespace
