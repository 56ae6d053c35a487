// lina's vectorised exp, expm1, log, log1p, tanh, sigmoid, sin and cos (src/kernels/vector_math_inl.hpp)
// on every SIMD target this machine runs and Highway compiled: the ulp error against a
// higher-precision reference (double for float32, long double for float64) on dense
// sweeps and random inputs, the IEEE edges as NumPy has them, and the public functions
// over lengths 0-70 and large, aligned and unaligned starts and strided operands.
//
// Error bounds (the worst measured, plus margin, is what the NOTE in vector_math_inl.hpp
// states), float32 and float64 alike except tanh, sin and cos: exp and log within 1.5 ulp
// (measured 1.05 and 0.9), log1p within 2, expm1 within 2.5 (2.27), sigmoid within 3
// (2.23), tanh within 3 for float64 (2.4) and 6 for float32 (its rational function: every
// float32 checked, 5.22 ulp on the FMA targets, 5.89 on those without FMA), sin and cos
// within 1 for float64 (0.85) and 0.85 for float32 (every float32 in [0, 2^20] checked:
// 0.79 on the FMA targets, which compute |x| <= 1024 in float32; 0.5002 on the others,
// which compute in float64 and round once), results in the denormal range counted in
// denormal steps.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "simd_targets.hpp"
#include "kernels/elementwise_loops.hpp"
#include "lina/lina.hpp"

namespace {

namespace k = lina::kernels;
using LD = long double;

// The precise reference of each function, in long double (std:: functions of long
// double are within an ulp of 2^-64, far below float64's 2^-53).
struct Fn {
  const char* name;
  double max_ulp;      // float64, and float32 unless max_ulp_f32 is set
  double max_ulp_f32;  // 0: max_ulp
  LD (*ref)(LD);
  double (*ref_d)(double);  // for float32: double is precise enough, and far faster
  void (*f32)(const float*, float*, std::int64_t);
  void (*f64)(const double*, double*, std::int64_t);
  lina::Array (*api)(const lina::Array&);
};

template <class R>
R ref_sigmoid(R x) {
  return x >= 0 ? R(1) / (R(1) + std::exp(-x)) : std::exp(x) / (R(1) + std::exp(x));
}

const std::vector<Fn>& functions() {
  static const std::vector<Fn> fns = {
      {"exp", 1.5, 0, [](LD x) { return std::exp(x); }, [](double x) { return std::exp(x); }, k::simd_exp, k::simd_exp,
       [](const lina::Array& a) { return lina::exp(a); }},
      {"expm1", 2.5, 0, [](LD x) { return std::expm1(x); }, [](double x) { return std::expm1(x); }, k::simd_expm1, k::simd_expm1,
       [](const lina::Array& a) { return lina::expm1(a); }},
      {"log", 1.5, 0, [](LD x) { return std::log(x); }, [](double x) { return std::log(x); }, k::simd_log, k::simd_log,
       [](const lina::Array& a) { return lina::log(a); }},
      {"log1p", 2.0, 0, [](LD x) { return std::log1p(x); }, [](double x) { return std::log1p(x); }, k::simd_log1p,
       k::simd_log1p, [](const lina::Array& a) { return lina::log1p(a); }},
      {"tanh", 3.0, 6.0, [](LD x) { return std::tanh(x); }, [](double x) { return std::tanh(x); }, k::simd_tanh, k::simd_tanh,
       [](const lina::Array& a) { return lina::tanh(a); }},
      {"sigmoid", 3.0, 0, ref_sigmoid<LD>, ref_sigmoid<double>, k::simd_sigmoid, k::simd_sigmoid,
       [](const lina::Array& a) { return lina::sigmoid(a); }},
      {"sin", 1.0, 0.85, [](LD x) { return std::sin(x); }, [](double x) { return std::sin(x); }, k::simd_sin, k::simd_sin,
       [](const lina::Array& a) { return lina::sin(a); }},
      {"cos", 1.0, 0.85, [](LD x) { return std::cos(x); }, [](double x) { return std::cos(x); }, k::simd_cos, k::simd_cos,
       [](const lina::Array& a) { return lina::cos(a); }},
  };
  return fns;
}

template <class T>
double bound(const Fn& fn) {
  return sizeof(T) == 4 && fn.max_ulp_f32 > 0 ? fn.max_ulp_f32 : fn.max_ulp;
}

template <class T>
void call(const Fn& fn, const T* in, T* out, std::int64_t n) {
  if constexpr (sizeof(T) == 4) fn.f32(in, out, n);
  else fn.f64(in, out, n);
}

// |got - ref| in units of the last place of ref rounded to T (denormal results: in
// units of the smallest denormal).
template <class T>
double ulp_error(T got, LD ref) {
  using L = std::numeric_limits<T>;
  int e = 0;
  std::frexp(ref, &e);
  const LD ulp = std::ldexp(1.0L, std::max(e, L::min_exponent) - L::digits);
  return static_cast<double>(std::fabs(static_cast<LD>(got) - ref) / ulp);
}

// Checks one output: NaN where the reference is NaN, inf where the rounded reference
// overflows, otherwise within max_ulp. Returns the ulp error (inf for a wrong NaN/inf).
template <class T>
double check_one(const Fn& fn, T x, T got, double max_ulp, const std::string& where) {
  const LD ref = sizeof(T) == 4 ? static_cast<LD>(fn.ref_d(static_cast<double>(x))) : fn.ref(static_cast<LD>(x));
  const T rounded = static_cast<T>(ref);
  if (std::isnan(ref)) {
    EXPECT_TRUE(std::isnan(got)) << where << fn.name << "(" << x << ") = " << got << ", expected NaN";
    return std::isnan(got) ? 0 : std::numeric_limits<double>::infinity();
  }
  if (std::isinf(rounded)) {  // overflow: inf as NumPy, except at the rounding edge
    if (!std::isinf(ref) && std::fabs(ref) < static_cast<LD>(std::numeric_limits<T>::max()) * (1 + 1e-6L)) return 0;
    EXPECT_EQ(got, rounded) << where << fn.name << "(" << x << ")";
    return got == rounded ? 0 : std::numeric_limits<double>::infinity();
  }
  const double err = ulp_error(got, ref);
  EXPECT_LE(err, max_ulp) << where << fn.name << "(" << x << ") = " << got << ", reference " << static_cast<double>(ref);
  return err;
}

template <class T>
T from_bits(std::uint64_t b) {
  T v;
  if constexpr (sizeof(T) == 4) {
    const auto b32 = static_cast<std::uint32_t>(b);
    std::memcpy(&v, &b32, 4);
  } else {
    std::memcpy(&v, &b, 8);
  }
  return v;
}

// The domain each function is swept over: past its overflow/underflow/saturation points.
template <class T>
std::pair<T, T> sweep_range(const std::string& name) {
  const bool f = sizeof(T) == 4;
  if (name == "exp") return f ? std::pair<T, T>{-110, 95} : std::pair<T, T>{-750, 715};
  if (name == "expm1") return f ? std::pair<T, T>{-110, 95} : std::pair<T, T>{-750, 715};
  if (name == "log") return {std::numeric_limits<T>::denorm_min(), std::numeric_limits<T>::max()};
  if (name == "log1p") return {T(-1), std::numeric_limits<T>::max()};
  if (name == "tanh") return f ? std::pair<T, T>{-12, 12} : std::pair<T, T>{-25, 25};
  // sin, cos: the vector path's range; beyond it std::sin / std::cos (tested below).
  if (name == "sin" || name == "cos") return {T(-0x1p20), T(0x1p20)};
  return f ? std::pair<T, T>{-110, 110} : std::pair<T, T>{-750, 750};  // sigmoid
}

// Every float32 in [lo, hi] with a bit-pattern step (both signs walk their own bit
// patterns), in one call so that the vector path runs on full vectors.
std::vector<float> float_sweep(float lo, float hi, std::uint32_t step) {
  std::vector<float> v;
  auto walk = [&](float a, float b) {  // 0 <= a <= b
    std::uint32_t ba, bb;
    std::memcpy(&ba, &a, 4);
    std::memcpy(&bb, &b, 4);
    for (std::uint64_t bits = ba; bits <= bb; bits += step) v.push_back(from_bits<float>(bits));
  };
  if (hi > 0) walk(std::max(lo, 0.0f), hi);
  if (lo < 0) {  // the negative part [lo, min(hi, 0)], walked as positives then negated
    const std::size_t start = v.size();
    walk(hi < 0 ? -hi : 0.0f, -lo);
    for (std::size_t i = start; i < v.size(); ++i) v[i] = -v[i];
  }
  return v;
}

TEST(VectorMath, Float32DenseSweepWithinBound) {
  lina_test::for_each_simd_target([](const std::string& target) {
    for (const Fn& fn : functions()) {
      const auto [lo, hi] = sweep_range<float>(fn.name);
      const std::vector<float> x = float_sweep(lo, hi, 4093);  // about 250k points per sign
      std::vector<float> y(x.size());
      call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      double worst = 0;
      int reported = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double err = check_one(fn, x[i], y[i], bound<float>(fn), target);
        worst = std::max(worst, err);
        if (err > bound<float>(fn) && ++reported >= 3) break;
      }
      std::printf("%s%s float32: max %.3f ulp\n", target.c_str(), fn.name, worst);
    }
  });
}

// Every float32 around the reduction boundaries, with no gaps: [0.33, 0.36] of both signs
// holds ln2/2, where exp's reduced argument changes sign (and [0.235, 0.241] 11 ln2/32,
// where it does on AVX-512; sigmoid's too, through exp;
// float32 tanh has no reduction, and its own sweep is below); log: around sqrt(1/2) and
// sqrt(2), where its exponent steps.
// On the target the dispatch picks (the sweep above covers the others).
TEST(VectorMath, Float32EveryValueAroundTheReductionBoundaries) {
  for (const Fn& fn : functions()) {
    std::vector<float> x;
    if (std::string(fn.name) == "log" || std::string(fn.name) == "log1p") {
      const float shift = std::string(fn.name) == "log" ? 0.0f : -1.0f;  // log1p(x) = log(1 + x)
      x = float_sweep(0.70f + shift, 0.72f + shift, 1);
      const std::vector<float> x2 = float_sweep(1.40f + shift, 1.43f + shift, 1);
      x.insert(x.end(), x2.begin(), x2.end());
    } else if (std::string(fn.name) == "sin" || std::string(fn.name) == "cos") {
      // pi/4 and 3 pi/4, where the reduced argument changes sign and the polynomial
      // (sin or cos of it) switches.
      x = float_sweep(-0.79f, -0.78f, 1);
      for (const float lo : {0.78f, 2.35f, -2.36f}) {
        const std::vector<float> x2 = float_sweep(lo, lo + 0.01f, 1);
        x.insert(x.end(), x2.begin(), x2.end());
      }
    } else {
      x = float_sweep(0.33f, 0.36f, 1);
      // AVX-512's float32 exp reduces by ln2/16 (NOTE: [float32 exp by a 16-entry
      // table]): its reduced argument changes sign at odd multiples of ln2/32, here
      // 11 ln2/32 = 0.2383 (x / ln2 * 16 = 5.5, the table index steps from 5 to 6).
      const std::vector<float> x2 = float_sweep(0.235f, 0.241f, 1);
      x.insert(x.end(), x2.begin(), x2.end());
      const std::size_t n = x.size();
      for (std::size_t i = 0; i < n; ++i) x.push_back(-x[i]);
    }
    std::vector<float> y(x.size());
    call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
    double worst = 0;
    int reported = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double err = check_one(fn, x[i], y[i], bound<float>(fn), "");
      worst = std::max(worst, err);
      if (err > bound<float>(fn) && ++reported >= 3) break;
    }
    std::printf("%s float32 around the reduction boundaries: max %.3f ulp\n", fn.name, worst);
  }
}

// float32 tanh is one rational function of |x| up to its clamp, not a range reduction
// (NOTE: [Vector math algorithms]): its worst errors lie anywhere, not around a few
// boundaries. So: every 257th float32 bit pattern in [0, 10.5] (4.3M values, past the
// clamp at 10), each with its negative, on every target, within the bound, never above
// 1, and odd to the bit. Every float32 was checked once the same way with a scratch
// program (the numbers in the bound's comment above); under the sanitizers, which slow
// the loop many times over, every 12289th.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LINA_VECTOR_MATH_TEST_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define LINA_VECTOR_MATH_TEST_SANITIZED 1
#endif
TEST(VectorMath, Float32TanhDenseSweepOfEveryStretch) {
#ifdef LINA_VECTOR_MATH_TEST_SANITIZED
  constexpr std::uint32_t kStep = 12289;
#else
  constexpr std::uint32_t kStep = 257;
#endif
  const Fn& fn = *std::find_if(functions().begin(), functions().end(), [](const Fn& f) { return std::string(f.name) == "tanh"; });
  const std::uint32_t top = 0x41280000;  // 10.5f
  lina_test::for_each_simd_target([&](const std::string& target) {
    std::vector<float> x, y;
    double worst = 0;
    int reported = 0;
    for (std::uint64_t bits = 0; bits <= top && reported < 3;) {
      x.clear();
      for (; x.size() < 8192 && bits <= top; bits += kStep) {
        x.push_back(from_bits<float>(bits));
        x.push_back(-x.back());
      }
      y.resize(x.size());
      call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      for (std::size_t i = 0; i < x.size(); i += 2) {
        const double err = check_one(fn, x[i], y[i], bound<float>(fn), target);
        worst = std::max(worst, err);
        EXPECT_LE(y[i], 1.0f) << target << "tanh(" << x[i] << ")";
        std::uint32_t pos, neg;
        const float minus = -y[i];
        std::memcpy(&pos, &minus, 4);
        std::memcpy(&neg, &y[i + 1], 4);
        EXPECT_EQ(pos, neg) << target << "tanh(-" << x[i] << ") is not -tanh(" << x[i] << ")";
        if ((err > bound<float>(fn) || pos != neg || y[i] > 1.0f) && ++reported >= 3) break;
      }
    }
    std::printf("%stanh float32, one value in %u over [0, 10.5]: max %.3f ulp\n", target.c_str(), kStep, worst);
  });
}

TEST(VectorMath, Float64RandomWithinBound) {
  std::mt19937_64 gen(7);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const Fn& fn : functions()) {
      const auto [lo, hi] = sweep_range<double>(fn.name);
      std::vector<double> x;
      if (std::string(fn.name) == "log" || std::string(fn.name) == "log1p") {  // log-uniform, denormals too
        std::uniform_int_distribution<std::uint64_t> bits(1, 0x7fefffffffffffffULL);
        std::uniform_real_distribution<double> above_minus_one(-1, 0);
        for (int i = 0; i < 200000; ++i) x.push_back(from_bits<double>(bits(gen)));
        if (std::string(fn.name) == "log1p")
          for (int i = 0; i < 100000; ++i) x.push_back(above_minus_one(gen));
      } else {
        std::uniform_real_distribution<double> u(lo, hi), small(-1, 1);
        for (int i = 0; i < 150000; ++i) x.push_back(u(gen));
        for (int i = 0; i < 50000; ++i) x.push_back(small(gen) * std::pow(2.0, -(i % 60)));  // near 0
      }
      std::vector<double> y(x.size());
      call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      double worst = 0;
      int reported = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double err = check_one(fn, x[i], y[i], bound<double>(fn), target);
        worst = std::max(worst, err);
        if (err > bound<double>(fn) && ++reported >= 3) break;
      }
      std::printf("%s%s float64: max %.3f ulp\n", target.c_str(), fn.name, worst);
    }
  });
}

// sin and cos where the reduction cancels most: the floats and doubles nearest to k pi/2
// and their neighbours, k up to the vector path's limit (float32: every k; float64: k
// random), where a reduction with too few bits of pi/2 loses all relative accuracy; and
// arguments just far enough from k pi/2 for the FMA paths' short reductions.
template <class T>
std::vector<T> near_multiples_of_half_pi(std::int64_t count) {
  const LD half_pi = 1.5707963267948966192313216916397514L;
  const std::int64_t kmax = static_cast<std::int64_t>((0x1p20L - 4) / half_pi);  // all within 2^20
  std::mt19937_64 gen(3);
  std::uniform_int_distribution<std::int64_t> pick(1, kmax);
  std::vector<T> x;
  const bool every = count >= kmax;
  for (std::int64_t i = 0; i < (every ? kmax : count); ++i) {
    const std::int64_t k = every ? i + 1 : pick(gen);
    const T c = static_cast<T>(static_cast<LD>(k) * half_pi);
    T lo = c, hi = c;
    x.push_back(c);
    for (int j = 0; j < 3; ++j) {
      lo = std::nextafter(lo, T(0));
      hi = std::nextafter(hi, T(1e30));
      x.push_back(lo);
      x.push_back(-hi);
    }
  }
  // Just past the cancellation guards of the FMA paths (|r| >= 2^-13 for float32,
  // 2^-32 for float64), in vectors of their own: these take the short reductions.
  const std::size_t n_near = x.size();
  for (std::size_t i = 0; i < n_near; i += 7)
    for (const LD dist : {0x1.08p-13L, 0x1.8p-12L, 0x1.08p-32L})
      for (const LD sign : {-1.0L, 1.0L}) x.push_back(static_cast<T>(static_cast<LD>(x[i]) + sign * dist));
  return x;
}

template <class T>
void check_near_multiples_of_half_pi(std::int64_t count) {
  const std::vector<T> x = near_multiples_of_half_pi<T>(count);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const Fn& fn : functions()) {
      if (std::string(fn.name) != "sin" && std::string(fn.name) != "cos") continue;
      std::vector<T> y(x.size());
      call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      double worst = 0;
      int reported = 0;
      for (std::size_t i = 0; i < x.size(); ++i) {
        const double err = check_one(fn, x[i], y[i], bound<T>(fn), target);
        worst = std::max(worst, err);
        if (err > bound<T>(fn) && ++reported >= 3) break;
      }
      std::printf("%s%s %s near k pi/2: max %.3f ulp\n", target.c_str(), fn.name, sizeof(T) == 4 ? "float32" : "float64", worst);
    }
  });
}

TEST(VectorMath, Float32SinCosNearEveryMultipleOfHalfPi) { check_near_multiples_of_half_pi<float>(1 << 20); }
TEST(VectorMath, Float64SinCosNearMultiplesOfHalfPi) { check_near_multiples_of_half_pi<double>(100000); }

// Beyond the vector path (|x| > 2^20, inf, NaN) sin and cos are std::sin's and std::cos's
// results bit for bit, one lane at a time, whatever the other lanes of the vector hold.
template <class T>
void check_sin_cos_outliers() {
  using L = std::numeric_limits<T>;
  const std::vector<T> far = {T(0x1p20) * T(1.0000001), T(-0x1.8p20), T(1e7), T(-3e9), T(1e22), L::max(), L::lowest(),
                              L::infinity(), -L::infinity(), L::quiet_NaN()};
  std::vector<T> x;
  for (std::size_t i = 0; i < far.size(); ++i)
    for (int pos = 0; pos < 17; ++pos) {  // each outlier at every lane position of a 16-lane vector and one past
      for (int j = 0; j < 16; ++j) x.push_back(j == pos ? far[i] : T(0.25) * T(j + 1));
      x.push_back(T(0x1p20));  // the largest argument of the vector path
    }
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const bool is_sin : {true, false}) {
      std::vector<T> y(x.size());
      if (is_sin) k::simd_sin(x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      else k::simd_cos(x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      for (std::size_t i = 0; i < x.size(); ++i) {
        const T want = is_sin ? std::sin(x[i]) : std::cos(x[i]);
        const std::string what = target + (is_sin ? "sin(" : "cos(") + std::to_string(x[i]) + ")";
        if (std::fabs(x[i]) > T(0x1p20) || !std::isfinite(x[i])) {
          if (std::isnan(want)) EXPECT_TRUE(std::isnan(y[i])) << what << " = " << y[i];
          else EXPECT_EQ(y[i], want) << what;
        } else {
          EXPECT_LE(ulp_error(y[i], is_sin ? std::sin(static_cast<LD>(x[i])) : std::cos(static_cast<LD>(x[i]))),
                    sizeof(T) == 4 ? 0.85 : 1.0) << what;
        }
      }
    }
  });
}

TEST(VectorMath, Float32SinCosBeyondTheVectorRangeAreStdResults) { check_sin_cos_outliers<float>(); }
TEST(VectorMath, Float64SinCosBeyondTheVectorRangeAreStdResults) { check_sin_cos_outliers<double>(); }

// The IEEE values NumPy gives, exactly (sign of zero included).
template <class T>
void check_specials() {
  using L = std::numeric_limits<T>;
  const T inf = L::infinity(), nan = L::quiet_NaN();
  struct Case {
    const char* fn;
    T x, want;
  };
  const std::vector<Case> cases = {
      {"exp", inf, inf},       {"exp", -inf, 0},         {"exp", T(0), 1},          {"exp", T(-0.0), 1},
      {"exp", T(1000), inf},   {"exp", T(-1000), 0},     {"exp", L::max(), inf},    {"exp", L::lowest(), 0},
      {"expm1", inf, inf},     {"expm1", -inf, -1},      {"expm1", T(0), T(0)},     {"expm1", T(-0.0), T(-0.0)},
      {"expm1", T(1000), inf}, {"expm1", T(-1000), -1},  {"expm1", L::denorm_min(), L::denorm_min()},
      {"log", T(0), -inf},     {"log", T(-0.0), -inf},   {"log", T(-1), nan},       {"log", -inf, nan},
      {"log1p", T(-1), -inf},  {"log1p", T(-2), nan},    {"log1p", inf, inf},       {"log1p", -inf, nan},
      {"log1p", T(0), T(0)},   {"log1p", T(-0.0), T(-0.0)}, {"log1p", L::denorm_min(), L::denorm_min()},
      {"log1p", L::max(), static_cast<T>(std::log(static_cast<LD>(L::max())))},
      {"log", inf, inf},       {"log", T(1), T(0)},      {"log", L::lowest(), nan}, {"log", -L::denorm_min(), nan},
      {"tanh", inf, 1},        {"tanh", -inf, -1},       {"tanh", T(0), T(0)},      {"tanh", T(-0.0), T(-0.0)},
      {"tanh", T(30), 1},      {"tanh", T(-30), -1},     {"tanh", L::max(), 1},     {"tanh", L::denorm_min(), L::denorm_min()},
      {"tanh", -L::min(), -L::min()},
      {"sigmoid", inf, 1},     {"sigmoid", -inf, 0},     {"sigmoid", T(0), T(0.5)}, {"sigmoid", T(-0.0), T(0.5)},
      {"sigmoid", T(1000), 1}, {"sigmoid", T(-1000), 0},
      {"sin", inf, nan},       {"sin", -inf, nan},       {"sin", T(0), T(0)},       {"sin", T(-0.0), T(-0.0)},
      {"sin", L::denorm_min(), L::denorm_min()},         {"sin", -L::min(), -L::min()},
      {"cos", inf, nan},       {"cos", -inf, nan},       {"cos", T(0), 1},          {"cos", T(-0.0), 1},
      {"cos", L::denorm_min(), 1},                       {"sin", L::max(), std::sin(L::max())},
      {"cos", L::lowest(), std::cos(L::lowest())},
  };
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const Fn& fn : functions()) {
      std::vector<T> x, want;
      for (const Case& c : cases)
        if (std::string(c.fn) == fn.name) {
          x.push_back(c.x);
          want.push_back(c.want);
        }
      x.push_back(nan);  // NaN in, NaN out, for every function
      want.push_back(nan);
      // Each value alone in a full vector of ordinary inputs too: the per-vector range
      // test must not let one lane's special case leak into its neighbours or back.
      std::vector<bool> exact(x.size(), true);
      const std::size_t n_special = x.size();
      for (std::size_t i = 0; i < n_special; ++i) {
        for (int j = 0; j < 15; ++j) {
          x.push_back(T(0.5));
          want.push_back(static_cast<T>(fn.ref(0.5L)));
          exact.push_back(false);
        }
        x.push_back(x[i]);
        want.push_back(want[i]);
        exact.push_back(true);
      }
      std::vector<T> y(x.size());
      call(fn, x.data(), y.data(), static_cast<std::int64_t>(x.size()));
      for (std::size_t i = 0; i < x.size(); ++i) {
        const std::string what = target + fn.name + "(" + std::to_string(x[i]) + ")";
        if (std::isnan(want[i])) {
          EXPECT_TRUE(std::isnan(y[i])) << what << " = " << y[i];
        } else if (exact[i]) {
          EXPECT_EQ(y[i], want[i]) << what;
          EXPECT_EQ(std::signbit(y[i]), std::signbit(want[i])) << what << ": sign of zero";
        } else {
          EXPECT_LE(ulp_error(y[i], fn.ref(static_cast<LD>(x[i]))), bound<T>(fn)) << what;
        }
      }
    }
  });
}

TEST(VectorMath, Float32SpecialValuesAsNumPy) { check_specials<float>(); }
TEST(VectorMath, Float64SpecialValuesAsNumPy) { check_specials<double>(); }

// Through the public functions: every length 0-70 and a large one, starting at an
// aligned and at an unaligned (one element in) address, and a strided operand (through
// the same kernel in buffered chunks), all within the bound of the precise reference.
template <class T>
void check_public(lina::DType dt) {
  lina::Generator gen(11);
  for (const Fn& fn : functions()) {
    const bool is_log = std::string(fn.name) == "log" || std::string(fn.name) == "log1p";
    for (std::int64_t n : {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 70, 100003}) {
      const lina::Array base = is_log ? gen.uniform(0.001, 100.0, {2 * n + 2}, dt) : gen.uniform(-20.0, 20.0, {2 * n + 2}, dt);
      const lina::Array aligned = base(lina::slice(0, n));
      const lina::Array unaligned = base(lina::slice(1, n + 1));
      const lina::Array strided = base(lina::slice(0, 2 * n, 2));
      for (const lina::Array* in : {&aligned, &unaligned, &strided}) {
        const lina::Array out = fn.api(*in);
        ASSERT_EQ(out.shape(), in->shape());
        ASSERT_EQ(out.dtype(), dt);
        const lina::Array xc = in->contiguous();
        const lina::Array oc = out.contiguous();
        const double max_ulp = bound<T>(fn);
        for (std::int64_t i = 0; i < n; ++i) {
          const T x = xc.data<T>()[i], y = oc.data<T>()[i];
          EXPECT_LE(ulp_error(y, fn.ref(static_cast<LD>(x))), max_ulp)
              << fn.name << "(" << x << "), n = " << n << ", i = " << i;
        }
      }
    }
  }
}

TEST(VectorMath, Float32PublicFunctionsAllLengthsAndLayouts) { check_public<float>(lina::float32); }
TEST(VectorMath, Float64PublicFunctionsAllLengthsAndLayouts) { check_public<double>(lina::float64); }

}  // namespace
