// The vectorised exp, tanh, sigmoid, sin and cos (contiguous runs) against the scalar std::
// functions (strided runs take the scalar path, so the two are compared directly),
// including the IEEE edges: overflow to inf, underflow to 0, NaN and infinities.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

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
  // A stride-2 view of a doubled array takes the scalar path: the reference.
  const lina::Array strided = lina::stack({x, x}, 1)(lina::colon, 0);
  struct Case {
    lina::Array (*fn)(const lina::Array&);
    double ulps;
  };
  for (const Case c : {Case{[](const lina::Array& a) { return lina::exp(a); }, ulps},
                       Case{[](const lina::Array& a) { return lina::tanh(a); }, tanh_ulps},
                       Case{[](const lina::Array& a) { return lina::sigmoid(a); }, ulps},
                       Case{[](const lina::Array& a) { return lina::sin(a); }, ulps},
                       Case{[](const lina::Array& a) { return lina::cos(a); }, ulps}}) {
    const lina::Array fast = c.fn(x), ref = c.fn(strided);
    const T* f = fast.data<T>();
    const lina::Array refc = ref.contiguous();
    const T* r = refc.data<T>();
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
