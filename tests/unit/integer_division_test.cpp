// floor_divide and remainder of integer arrays against the scalar functors, element by
// element: int32 and uint8 go through float division in vector lanes (NOTE: [Integer
// division through floats]), int64, int32 and uint8 by a scalar divisor through a
// multiply by a reciprocal (NOTE: [Integer division by a scalar]). Values over the whole range with
// the edges planted (MIN, MAX, 0, +-1, powers of two, MIN // -1), every operand kind
// (contiguous, a scalar divisor of each edge value, a scalar dividend, strided), lengths
// around the vector widths, on every SIMD target.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "kernels/elementwise_functors.hpp"
#include "lina/lina.hpp"
#include "functor_check.hpp"
#include "simd_targets.hpp"

namespace {

namespace k = lina::kernels;
using lina_test::expect_functor;

template <class T>
std::vector<T> edge_values() {
  using L = std::numeric_limits<T>;
  std::vector<T> v = {L::min(), L::max(), T(0), T(1), T(2), T(3), T(7), T(10), T(64), T(100), T(255)};
  if constexpr (std::is_signed_v<T>) {
    for (T x : {T(-1), T(-2), T(-3), T(-7), T(-64), T(-100), T(L::min() + 1), T(L::max() - 1), T(L::min() / 2),
                T(L::max() / 3), T(-(L::max() / 3)), T(T(1) << (sizeof(T) * 8 - 2))})
      v.push_back(x);
  }
  return v;
}

// n values: a quarter edge values, a quarter small (-300, 300), the rest over the whole range.
template <class T>
std::vector<T> mixed_values(std::int64_t n, std::mt19937_64& rng) {
  const std::vector<T> edges = edge_values<T>();
  std::vector<T> v(static_cast<std::size_t>(n));
  for (auto& x : v) {
    const auto r = rng();
    switch (r % 4) {
      case 0: x = edges[(r >> 8) % edges.size()]; break;
      case 1: x = static_cast<T>(static_cast<std::int64_t>((r >> 8) % 601) - 300); break;
      default: x = static_cast<T>(r >> 3); break;
    }
  }
  return v;
}

template <class Op, class T>
void check(lina::Array (*fn)(const lina::Array&, const lina::Array&), const char* name) {
  std::mt19937_64 rng(31);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {0, 1, 3, 4, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 1001, 20'000}) {
      const std::string what = target + name + " " + lina::dtype_name(lina::dtype_of<T>) + " n=" + std::to_string(n);
      const std::vector<T> a = mixed_values<T>(n, rng), b = mixed_values<T>(n, rng);
      const lina::Array av = lina::frombuffer(a, {n}), bv = lina::frombuffer(b, {n});
      expect_functor<Op, T>(fn(av, bv), a, b, false, false, what + " contiguous");
      // Strided: every second element of a doubled buffer.
      std::vector<T> a2(2 * a.size()), b2(2 * b.size());
      for (std::size_t i = 0; i < a.size(); ++i) a2[2 * i] = a[i], b2[2 * i] = b[i];
      const lina::Array as = lina::frombuffer(a2, {2 * n})(lina::slice(0, std::nullopt, 2));
      const lina::Array bs = lina::frombuffer(b2, {2 * n})(lina::slice(0, std::nullopt, 2));
      expect_functor<Op, T>(fn(as, bs), a, b, false, false, what + " strided");
      if (n == 0) continue;
      std::vector<T> divisors = edge_values<T>();
      for (T s : mixed_values<T>(6, rng)) divisors.push_back(s);  // and some random ones
      for (T s : divisors) {
        const std::vector<T> one = {s};
        const lina::Array sv = lina::frombuffer(one, {1}).reshape({});
        expect_functor<Op, T>(fn(av, sv), a, one, false, true, what + " divisor " + std::to_string(+s));
        expect_functor<Op, T>(fn(as, sv), a, one, false, true, what + " strided, divisor " + std::to_string(+s));
        expect_functor<Op, T>(fn(sv, bv), one, b, true, false, what + " dividend " + std::to_string(+s));
      }
    }
  });
}

lina::Array floor_divide_(const lina::Array& a, const lina::Array& b) { return lina::floor_divide(a, b); }
lina::Array remainder_(const lina::Array& a, const lina::Array& b) { return lina::remainder(a, b); }

TEST(IntegerDivision, Int32FloorDivideMatchesTheFunctor) { check<k::FloorDivide, std::int32_t>(floor_divide_, "floor_divide"); }
TEST(IntegerDivision, Int32RemainderMatchesTheFunctor) { check<k::Remainder, std::int32_t>(remainder_, "remainder"); }
TEST(IntegerDivision, UInt8FloorDivideMatchesTheFunctor) { check<k::FloorDivide, std::uint8_t>(floor_divide_, "floor_divide"); }
TEST(IntegerDivision, UInt8RemainderMatchesTheFunctor) { check<k::Remainder, std::uint8_t>(remainder_, "remainder"); }
TEST(IntegerDivision, Int64FloorDivideMatchesTheFunctor) { check<k::FloorDivide, std::int64_t>(floor_divide_, "floor_divide"); }
TEST(IntegerDivision, Int64RemainderMatchesTheFunctor) { check<k::Remainder, std::int64_t>(remainder_, "remainder"); }

// Every int32 dividend against a few divisors would take too long; every uint8 pair is
// 65,536 cases: all of them, through the vector lanes.
TEST(IntegerDivision, EveryUInt8PairMatchesTheFunctor) {
  std::vector<std::uint8_t> a(256 * 256), b(256 * 256);
  for (int i = 0; i < 256; ++i)
    for (int j = 0; j < 256; ++j) {
      a[static_cast<std::size_t>(i * 256 + j)] = static_cast<std::uint8_t>(i);
      b[static_cast<std::size_t>(i * 256 + j)] = static_cast<std::uint8_t>(j);
    }
  const lina::Array av = lina::frombuffer(a, {256 * 256}), bv = lina::frombuffer(b, {256 * 256});
  lina_test::for_each_simd_target([&](const std::string& target) {
    expect_functor<k::FloorDivide, std::uint8_t>(lina::floor_divide(av, bv), a, b, false, false, target + "floor_divide");
    expect_functor<k::Remainder, std::uint8_t>(lina::remainder(av, bv), a, b, false, false, target + "remainder");
  });
}

// The same pairs with the divisor a scalar (the reciprocal path for 2..255): every
// dividend against every divisor.
TEST(IntegerDivision, EveryUInt8DividendByEveryScalarDivisor) {
  std::vector<std::uint8_t> a(256);
  for (int i = 0; i < 256; ++i) a[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(i);
  const lina::Array av = lina::frombuffer(a, {256});
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (int d = 0; d < 256; ++d) {
      const std::vector<std::uint8_t> one = {static_cast<std::uint8_t>(d)};
      const lina::Array dv = lina::frombuffer(one, {1}).reshape({});
      const std::string what = target + "divisor " + std::to_string(d) + " ";
      expect_functor<k::FloorDivide, std::uint8_t>(lina::floor_divide(av, dv), a, one, false, true, what + "floor_divide");
      expect_functor<k::Remainder, std::uint8_t>(lina::remainder(av, dv), a, one, false, true, what + "remainder");
    }
  });
}

}  // namespace
