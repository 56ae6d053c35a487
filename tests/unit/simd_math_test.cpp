// The vectorised exp, tanh, sigmoid, sin and cos against the scalar functors (the std::
// functions), contiguous and strided (buffered through the same kernels, NOTE: [Buffered
// strided runs]), including the IEEE edges: overflow to inf, underflow to 0, NaN and
// infinities.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "kernels/elementwise_functors.hpp"
#include "lina/lina.hpp"

namespace {

template <class T>
void check(lina::DType dt, double ulps, double tanh_ulps) {
  std::vector<T> v;
  for (int i = -2000; i <= 2000; ++i) v.push_back(static_cast<T>(i * 0.06));  // -120 .. 120
  for (T s : {T(88.72283), T(88.7229), T(-103.9), T(-104.1), T(709.78), T(709.79), T(-745.2), T(0), T(-0.0), T(1e-30)})
    v.push_back(s);
  v.push_back(std::numeric_limits<T>::quiet_NaN());
  v.push_back(std::numeric_limits<T>::infinity());
  v.push_back(-std::numeric_limits<T>::infinity());
  const lina::Array x = lina::frombuffer(v, {static_cast<std::int64_t>(v.size())});
  ASSERT_EQ(x.dtype(), dt);
  const lina::Array strided = lina::stack({x, x}, 1)(lina::colon, 0);
  namespace k = lina::kernels;
  struct Case {
    lina::Array (*fn)(const lina::Array&);
    T (*scalar)(T);
    double ulps;
  };
  for (const Case c : {Case{[](const lina::Array& a) { return lina::exp(a); }, k::Exp::apply<T>, ulps},
                       Case{[](const lina::Array& a) { return lina::tanh(a); }, k::Tanh::apply<T>, tanh_ulps},
                       Case{[](const lina::Array& a) { return lina::sigmoid(a); }, k::Sigmoid::apply<T>, ulps},
                       Case{[](const lina::Array& a) { return lina::sin(a); }, k::Sin::apply<T>, ulps},
                       Case{[](const lina::Array& a) { return lina::cos(a); }, k::Cos::apply<T>, ulps}}) {
    const lina::Array fast = c.fn(x);
    const T* f = fast.data<T>();
    std::vector<T> r(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) r[i] = c.scalar(v[i]);
    // The strided view goes through the same kernel in buffered chunks: the same bits.
    const lina::Array from_strided = c.fn(strided).contiguous();
    ASSERT_EQ(0, std::memcmp(from_strided.raw_data(), fast.raw_data(), static_cast<std::size_t>(fast.nbytes())));
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (std::isnan(r[i])) {
        EXPECT_TRUE(std::isnan(f[i])) << "input " << v[i];
      } else if (std::isinf(r[i]) || r[i] == 0) {
        EXPECT_EQ(f[i], r[i]) << "input " << v[i];
      } else if (std::fabs(r[i]) >= std::numeric_limits<T>::min()) {
        EXPECT_LE(std::fabs(f[i] - r[i]), c.ulps * std::numeric_limits<T>::epsilon() * std::fabs(r[i]))
            << "input " << v[i] << ": " << f[i] << " vs " << r[i];
      } else {
        EXPECT_LE(std::fabs(f[i] - r[i]), std::numeric_limits<T>::min()) << "input " << v[i];  // denormal range
      }
    }
  }
}

// float32 tanh: its rational function is within 6 ulp of tanh (vector_math_test.cpp),
// the scalar function within 1, so 7 (an ulp is at most epsilon times the value).
TEST(SimdMath, Float32MatchesTheScalarFunctions) { check<float>(lina::float32, 4, 7); }
TEST(SimdMath, Float64MatchesTheScalarFunctions) { check<double>(lina::float64, 4, 4); }

}  // namespace
