// The per-target plain loops (NOTE: [Per-target plain loops] in
// src/kernels/elementwise_target_loops.cpp) against the scalar loop, bit for bit, on
// every SIMD target: every row of elementwise_target_loops.hpp, lengths 0-70 and a long
// run, unaligned starts, a broadcast scalar on either side (a 0-d array and a literal),
// and in place (out= the first operand). The reference is the same call on the strided
// twin of each operand (scalar_twin.hpp), which takes the baseline strided loop.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

using lina::Array;
using lina::DType;

std::vector<std::int64_t> lengths() {
  std::vector<std::int64_t> v;
  for (std::int64_t n = 0; n <= 70; ++n) v.push_back(n);
  v.push_back(100'003);
  return v;
}

// n random values of dtype t with the edges planted (about one in eight): the extremes
// of the integer types (negative, abs and square wrap there; int64 products wrap), and
// NaN, +-0 and +-inf for floats (sign passes NaN through, logical_not(NaN) is false).
Array values_of(lina::Generator& gen, std::int64_t n, DType t) {
  if (t == DType::Bool) return gen.integers(0, 2, {n}).astype(t);
  if (t == DType::UInt8) return gen.integers(0, 256, {n}).astype(t);
  if (lina::is_floating(t)) {
    Array v = gen.uniform(-4.0, 4.0, {n}, DType::Float64);
    double* p = v.data<double>();
    const double specials[] = {std::nan(""), 0.0, -0.0, HUGE_VAL, -HUGE_VAL};
    for (std::int64_t i = 0; i < n; ++i)
      if (i % 8 == 5) p[i] = specials[(i / 8) % 5];
    return v.astype(t);
  }
  const bool wide = t == DType::Int64;
  const std::int64_t big = wide ? (std::int64_t{1} << 40) : 100'000;  // products overflow either way
  Array v = gen.integers(-big, big, {n});
  std::int64_t* p = v.data<std::int64_t>();
  const std::int64_t lo = wide ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int32_t>::min();
  const std::int64_t hi = wide ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int32_t>::max();
  const std::int64_t specials[] = {lo, hi, 0, -1, 1, lo + 1};
  for (std::int64_t i = 0; i < n; ++i)
    if (i % 8 == 3) p[i] = specials[(i / 8) % 6];
  return v.astype(t);
}

using Unary = std::function<Array(const Array&)>;
using Binary = std::function<Array(const Array&, const Array&)>;
using InPlace = std::function<Array(Array&, const Array&)>;

void check_unary(const char* name, const Unary& fn, std::initializer_list<DType> dtypes) {
  lina::Generator gen(21);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (DType t : dtypes)
      for (std::int64_t n : lengths())
        for (std::int64_t start : {0, 1}) {
          const Array buf = values_of(gen, n + 1, t);
          const Array a = buf(lina::slice(start, start + n));
          const std::string what = target + name + " " + lina::dtype_name(t) + " n=" + std::to_string(n) +
                                   " start=" + std::to_string(start);
          lina_test::expect_same_bits(fn(a), fn(lina_test::strided_twin(a)), what);
        }
  });
}

// fn(a, b) with both contiguous, b or a a 0-d array, and in place (out= a copy of a),
// against fn on the strided twins. `literal(a)` is fn(a, <a literal>) and its twin.
void check_binary(const char* name, const Binary& fn, const InPlace& in_place, const Unary& literal,
                  std::initializer_list<DType> dtypes) {
  lina::Generator gen(22);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (DType t : dtypes)
      for (std::int64_t n : lengths())
        for (std::int64_t start : {0, 1}) {
          const Array abuf = values_of(gen, n + 1, t), bbuf = values_of(gen, n + 1, t);
          const Array a = abuf(lina::slice(start, start + n)), b = bbuf(lina::slice(start, start + n));
          const Array a0 = abuf(lina::slice(0, 1)).reshape({}), b0 = bbuf(lina::slice(0, 1)).reshape({});
          const Array at = lina_test::strided_twin(a), bt = lina_test::strided_twin(b);
          const std::string what = target + name + " " + lina::dtype_name(t) + " n=" + std::to_string(n) +
                                   " start=" + std::to_string(start);
          lina_test::expect_same_bits(fn(a, b), fn(at, bt), what + " contiguous");
          if (n > 0) {
            lina_test::expect_same_bits(fn(a, b0), fn(at, b0), what + " scalar right");
            lina_test::expect_same_bits(fn(a0, b), fn(a0, bt), what + " scalar left");
          }
          lina_test::expect_same_bits(literal(a), literal(at), what + " literal");
          if (fn(a, b).dtype() == t) {  // logical operations of non-bool arrays are bool
            Array c = a.copy();
            lina_test::expect_same_bits(in_place(c, b), fn(at, bt), what + " in place");
          }
        }
  });
}

constexpr auto kInts = {DType::UInt8, DType::Int32, DType::Int64};
constexpr auto kNumbers = {DType::UInt8, DType::Int32, DType::Int64, DType::Float32, DType::Float64};
constexpr auto kAll = {DType::Bool, DType::UInt8, DType::Int32, DType::Int64, DType::Float32, DType::Float64};

TEST(TargetLoops, NegativeMatchesTheScalarLoop) {
  check_unary("negative", [](const Array& a) { return lina::negative(a); }, kInts);
}
TEST(TargetLoops, AbsMatchesTheScalarLoop) {
  check_unary("abs", [](const Array& a) { return lina::abs(a); }, kInts);
}
TEST(TargetLoops, SignMatchesTheScalarLoop) {
  check_unary("sign", [](const Array& a) { return lina::sign(a); }, kNumbers);
}
TEST(TargetLoops, SquareMatchesTheScalarLoop) {
  check_unary("square", [](const Array& a) { return lina::square(a); }, kNumbers);
}
TEST(TargetLoops, ReluMatchesTheScalarLoop) {
  check_unary("relu", [](const Array& a) { return lina::relu(a); }, kInts);
}
TEST(TargetLoops, LogicalNotMatchesTheScalarLoop) {
  check_unary("logical_not", [](const Array& a) { return lina::logical_not(a); }, kAll);
}

#define LINA_BINARY_CASE(fn, lit)                                                     \
  #fn, [](const Array& a, const Array& b) { return lina::fn(a, b); },                 \
      [](Array& a, const Array& b) -> Array { return lina::fn(a, b, a); },            \
      [](const Array& a) { return lina::fn(a, lina::Scalar(lit)); }

TEST(TargetLoops, AddMatchesTheScalarLoop) {
  check_binary(LINA_BINARY_CASE(add, true), {DType::Bool});
  check_binary(LINA_BINARY_CASE(add, 200), {DType::UInt8});
}
TEST(TargetLoops, SubtractMatchesTheScalarLoop) {
  check_binary(LINA_BINARY_CASE(subtract, 200), {DType::UInt8});
}
TEST(TargetLoops, MultiplyMatchesTheScalarLoop) {
  check_binary(LINA_BINARY_CASE(multiply, true), {DType::Bool});
  check_binary(LINA_BINARY_CASE(multiply, 7), {DType::UInt8});
  check_binary(LINA_BINARY_CASE(multiply, std::int64_t{-3'000'000'000'003}), {DType::Int64});
}
TEST(TargetLoops, MaximumAndMinimumMatchTheScalarLoop) {
  check_binary(LINA_BINARY_CASE(maximum, false), {DType::Bool});
  check_binary(LINA_BINARY_CASE(maximum, 100), {DType::UInt8});
  check_binary(LINA_BINARY_CASE(minimum, true), {DType::Bool});
  check_binary(LINA_BINARY_CASE(minimum, 100), {DType::UInt8});
}
TEST(TargetLoops, LogicalOperationsMatchTheScalarLoop) {
  // Non-bool operands are cast to bool first: the loops see bool in every case.
  check_binary(LINA_BINARY_CASE(logical_and, true), kAll);
  check_binary(LINA_BINARY_CASE(logical_or, false), {DType::Bool});
  check_binary(LINA_BINARY_CASE(logical_xor, true), {DType::Bool});
}

#undef LINA_BINARY_CASE

}  // namespace
