// The fused operations against NumPy's spelled-out expressions (the oracle): generated
// inputs of several shapes, dtypes and broadcasts are written as .npy, NumPy evaluates
// `a * b + c`, `np.maximum(x + bias, 0)` and the max-shifted softmax / log-softmax, and
// the results must agree in shape, dtype and value (NaN where NumPy gives NaN).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "test_support.hpp"

namespace {

struct Case {
  std::string expr;  // the NumPy expression over a, b, c
  std::vector<lina::Array> in;
  lina::Array got;
  // log_softmax near 0 is log(sum) - (x - max) with cancellation: an absolute error of
  // a few ulp of log(sum), which relative tolerance alone cannot express.
  bool absolute = false;
};

lina::Array with_specials(lina::Array x) {
  // A NaN, +-inf and a huge value in the first row keep the edge semantics honest.
  lina::Array flat = x.reshape({-1});
  const double inf = std::numeric_limits<double>::infinity();
  if (flat.size() >= 4) {
    flat(0) = std::nan("");
    flat(1) = inf;
    flat(2) = -inf;
    flat(3) = 1e30;
  }
  return x;
}

void run_cases(std::vector<Case>& cases) {
  lina_test::TempDir dir;
  std::string script = "import numpy as np\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const char* names[] = {"a", "b", "c"};
    for (std::size_t j = 0; j < cases[i].in.size(); ++j) {
      const std::string f = "in" + std::to_string(i) + names[j] + ".npy";
      lina::save_npy(dir.file(f), cases[i].in[j]);
      script += std::string(names[j]) + " = np.load('" + f + "')\n";
    }
    script += "with np.errstate(all='ignore'):\n    r = " + cases[i].expr + "\n";
    script += "np.save('out" + std::to_string(i) + ".npy', np.asarray(r))\n";
  }
  lina_test::run_numpy(script + "print('done')\n", dir);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const lina::Array want = lina::load_npy(dir.file("out" + std::to_string(i) + ".npy"));
    const lina::Array& got = cases[i].got;
    SCOPED_TRACE(cases[i].expr + " on shape " + lina::shape_str(cases[i].in[0].shape()) + " " +
                 lina::dtype_name(cases[i].in[0].dtype()));
    ASSERT_EQ(got.shape(), want.shape());
    ASSERT_EQ(got.dtype(), want.dtype());
    const bool f32 = got.dtype() == lina::float32;
    const double atol = cases[i].absolute ? (f32 ? 1e-6 : 1e-14) : (f32 ? 1e-30 : 1e-300);
    EXPECT_TRUE(lina::allclose(got, want, f32 ? 2e-6 : 1e-13, atol, true))
        << "lina:\n" << got << "\nnumpy:\n" << want;
  }
}

TEST(FusedOps, MultiplyAddMatchesNumPy) {
  lina::Generator gen(3);
  std::vector<Case> cases;
  const std::vector<std::vector<lina::Shape>> shapes = {
      {{7}, {7}, {7}}, {{5, 7}, {5, 7}, {5, 7}}, {{4, 1, 3}, {5, 3}, {3}}, {{1000}, {}, {1000}}, {{3, 1}, {1, 4}, {3, 4}}};
  for (const auto& sh : shapes)
    for (lina::DType t : {lina::float32, lina::float64, lina::int32, lina::uint8}) {
      std::vector<lina::Array> in;
      for (const auto& s : sh) in.push_back(lina::is_floating(t) ? gen.uniform(-3, 3, s, t) : gen.integers(0, 200, s).astype(t));
      cases.push_back({"a * b + c", in, lina::multiply_add(in[0], in[1], in[2])});
    }
  // Mixed dtypes promote as the expression does (float32 * int32 -> float64).
  const lina::Array a = gen.uniform(-2, 2, {6, 5}, lina::float32), b = gen.integers(-5, 5, {5}).astype(lina::int32);
  const lina::Array c = gen.uniform(-2, 2, {6, 1}, lina::float64);
  cases.push_back({"a * b + c", {a, b, c}, lina::fma(a, b, c)});
  // A product narrower than the result: NumPy rounds it to float32 (wraps it at 256,
  // at 2^32) before c widens it, so a loop in the wide type would differ.
  const lina::Array f = gen.uniform(-2, 2, {6, 5}, lina::float32), d = gen.uniform(-2, 2, {5}, lina::float64);
  cases.push_back({"a * b + c", {f, f, d}, lina::fma(f, f, d)});
  const lina::Array u = gen.integers(100, 256, {9}).astype(lina::uint8), i = gen.integers(-9, 9, {9}).astype(lina::int32);
  cases.push_back({"a * b + c", {u, u, i}, lina::multiply_add(u, u, i)});
  const lina::Array big = gen.integers(40'000, 90'000, {5}).astype(lina::int32);
  const lina::Array g = gen.uniform(-2, 2, {5}, lina::float32);  // int32 * int32 + float32 -> float64
  cases.push_back({"a * b + c", {big, big, g}, lina::fma(big, big, g)});
  lina::Array wide_out = lina::empty({6, 5}, lina::float64);
  lina::fma(f, f, d, wide_out);
  cases.push_back({"a * b + c", {f, f, d}, wide_out});
  const lina::Array s = with_specials(gen.uniform(-2, 2, {4, 6}, lina::float32));
  cases.push_back({"a * b + c", {s, s, s}, lina::fma(s, s, s)});
  // The out= form writes the same values.
  lina::Array out = lina::empty({5, 7}, lina::float64);
  const lina::Array x = gen.uniform(-1, 1, {5, 7}, lina::float64);
  lina::multiply_add(x, x, x, out);
  cases.push_back({"a * b + c", {x, x, x}, out});
  run_cases(cases);
}

TEST(FusedOps, AddReluMatchesNumPy) {
  lina::Generator gen(4);
  std::vector<Case> cases;
  for (lina::DType t : {lina::float32, lina::float64, lina::int64}) {
    for (const auto& [xs, bs] : std::vector<std::pair<lina::Shape, lina::Shape>>{
             {{6, 8}, {8}}, {{6, 8}, {6, 1}}, {{67}, {67}}, {{3, 4, 5}, {4, 1}}, {{2, 3}, {}}}) {
      lina::Array x = lina::is_floating(t) ? gen.uniform(-3, 3, xs, t) : gen.integers(-9, 9, xs, t);
      if (lina::is_floating(t)) x = with_specials(x);
      const lina::Array b = lina::is_floating(t) ? gen.uniform(-1, 1, bs, t) : gen.integers(-3, 3, bs, t);
      cases.push_back({"np.maximum(a + b, 0)", {x, b}, lina::add_relu(x, b)});
    }
  }
  run_cases(cases);
}

TEST(FusedOps, StandardizeMatchesNumPy) {
  lina::Generator gen(6);
  std::vector<Case> cases;
  // Statistics per column (a row), per row (a column), 0-d, full-shape, 3-D; every dtype.
  const std::vector<std::pair<lina::Shape, lina::Shape>> shapes = {
      {{6, 40}, {40}}, {{6, 40}, {6, 1}}, {{67}, {}}, {{5, 7}, {5, 7}}, {{3, 4, 33}, {4, 1}}, {{0, 5}, {5}}};
  for (lina::DType t : {lina::float32, lina::float64, lina::int32, lina::uint8})
    for (const auto& [xs, ss] : shapes) {
      lina::Array x = lina::is_floating(t) ? gen.uniform(-3, 3, xs, t) : gen.integers(0, 200, xs).astype(t);
      if (lina::is_floating(t)) x = with_specials(x);
      const lina::Array m = lina::is_floating(t) ? gen.uniform(-1, 1, ss, t) : gen.integers(0, 50, ss).astype(t);
      lina::Array sd = lina::is_floating(t) ? gen.uniform(0.5, 2, ss, t) : gen.integers(1, 9, ss).astype(t);
      cases.push_back({"(a - b) / c", {x, m, sd}, lina::standardize(x, m, sd)});
    }
  // Mixed dtypes, each as NumPy promotes the two operations: float64 statistics of
  // float32 data (float64), a float64 std only (float32 difference, float64 quotient),
  // integer data with float32 statistics, and uint8 data and mean (the difference wraps).
  const lina::Array f = with_specials(gen.uniform(-3, 3, {4, 35}, lina::float32));
  const lina::Array m64 = gen.uniform(-1, 1, {35}, lina::float64), s64 = gen.uniform(0.5, 2, {35}, lina::float64);
  const lina::Array m32 = m64.astype(lina::float32), s32 = s64.astype(lina::float32);
  cases.push_back({"(a - b) / c", {f, m64, s64}, lina::standardize(f, m64, s64)});
  cases.push_back({"(a - b) / c", {f, m32, s64}, lina::standardize(f, m32, s64)});
  const lina::Array i = gen.integers(-50, 50, {4, 35}).astype(lina::int32);
  cases.push_back({"(a - b) / c", {i, m32, s32}, lina::standardize(i, m32, s32)});
  const lina::Array u = gen.integers(0, 256, {40}).astype(lina::uint8), um = gen.integers(0, 256, {40}).astype(lina::uint8);
  cases.push_back({"(a - b) / c", {u, um, s64(lina::slice(0, 1))}, lina::standardize(u, um, s64(lina::slice(0, 1)))});
  // A zero or negative std, and NaN statistics.
  lina::Array zs = gen.uniform(-1, 1, {35}, lina::float32);
  zs(0) = 0.0;
  zs(1) = -0.0;
  zs(2) = std::nan("");
  cases.push_back({"(a - b) / c", {f, m32, zs}, lina::standardize(f, m32, zs)});
  // Strided and transposed data, and the out= form (also into a wider dtype).
  const lina::Array tr = gen.uniform(-3, 3, {35, 4}, lina::float32).T();
  cases.push_back({"(a - b) / c", {tr, m32, s32}, lina::standardize(tr, m32, s32)});
  const lina::Array st = f(lina::colon, lina::slice(lina::none, lina::none, -2));
  cases.push_back({"(a - b) / c", {st, m32(lina::slice(0, 18)), s32(lina::slice(0, 18))},
                   lina::standardize(st, m32(lina::slice(0, 18)), s32(lina::slice(0, 18)))});
  lina::Array out = lina::empty({4, 35}, lina::float64);
  lina::standardize(f, m32, s32, out);
  cases.push_back({"((a - b) / c).astype(np.float64)", {f, m32, s32}, out});
  // zscore: scipy's definition spelled out in NumPy, along each axis, None, and ddof 1.
  const lina::Array z = gen.uniform(-5, 5, {9, 13}, lina::float32), zi = gen.integers(-9, 9, {9, 13}).astype(lina::int64);
  for (const lina::Array* a : {&z, &zi}) {
    for (int ax : {0, 1, -1})
      cases.push_back({"(a - a.mean(" + std::to_string(ax) + ", keepdims=True)) / a.std(" + std::to_string(ax) +
                           ", keepdims=True)",
                       {*a}, lina::zscore(*a, ax)});
    cases.push_back({"(a - a.mean(None, keepdims=True)) / a.std(None, keepdims=True)", {*a}, lina::zscore(*a, {})});
    cases.push_back({"(a - a.mean(0, keepdims=True)) / a.std(0, ddof=1, keepdims=True)", {*a}, lina::zscore(*a, 0, 1)});
  }
  const lina::Array z3 = gen.uniform(-5, 5, {3, 4, 5}, lina::float64);
  cases.push_back({"(a - a.mean((0, 2), keepdims=True)) / a.std((0, 2), keepdims=True)", {z3}, lina::zscore(z3, {0, 2})});
  run_cases(cases);
}

TEST(FusedOps, SoftmaxAndLogSoftmaxMatchNumPy) {
  lina::Generator gen(5);
  std::vector<Case> cases;
  const std::string sm = "np.exp(a - a.max({ax}, keepdims=True)) / np.exp(a - a.max({ax}, keepdims=True)).sum({ax}, keepdims=True)";
  const std::string lsm = "(a - a.max({ax}, keepdims=True)) - np.log(np.exp(a - a.max({ax}, keepdims=True)).sum({ax}, keepdims=True))";
  auto expr = [](std::string e, int ax) {
    for (std::size_t p; (p = e.find("{ax}")) != std::string::npos;) e.replace(p, 4, std::to_string(ax));
    return e;
  };
  const std::vector<std::pair<lina::Shape, int>> shapes = {{{7}, -1},      {{5, 9}, -1},   {{5, 9}, 0},     {{3, 4, 5}, 1},
                                                           {{3, 4, 5}, 0}, {{2, 3, 37}, 2}, {{70, 33}, -1}, {{33, 70}, 0},
                                                           {{0, 5}, 1}};
  for (lina::DType t : {lina::float32, lina::float64})
    for (const auto& [shape, ax] : shapes) {
      const lina::Array x = gen.uniform(-30, 30, shape, t);
      cases.push_back({expr(sm, ax), {x}, lina::softmax(x, ax)});
      cases.push_back({expr(lsm, ax), {x}, lina::log_softmax(x, ax), true});
    }
  // Large logits (no overflow), rows with NaN or infinities, integer input (float64).
  const lina::Array big = gen.uniform(-1000, 1000, {4, 6}, lina::float32);
  cases.push_back({expr(sm, -1), {big}, lina::softmax(big)});
  cases.push_back({expr(lsm, -1), {big}, lina::log_softmax(big), true});
  const lina::Array special = with_specials(gen.uniform(-3, 3, {3, 5}, lina::float64));
  for (int ax : {0, 1}) {
    cases.push_back({expr(sm, ax), {special}, lina::softmax(special, ax)});
    cases.push_back({expr(lsm, ax), {special}, lina::log_softmax(special, ax), true});
  }
  const lina::Array ints = gen.integers(-5, 5, {3, 4}, lina::int32);
  cases.push_back({expr(sm, 1), {ints}, lina::softmax(ints, 1)});
  // A non-contiguous input (a transpose).
  const lina::Array tr = gen.uniform(-4, 4, {6, 9}, lina::float32).T();
  cases.push_back({expr(sm, -1), {tr}, lina::softmax(tr, -1)});
  run_cases(cases);
}

TEST(FusedOps, BadArgumentsRaiseTypedErrors) {
  const lina::Array a = lina::zeros({2, 3}), b = lina::zeros({4});
  EXPECT_THROW_MSG(lina::multiply_add(a, a, b), lina::ShapeError, "multiply_add", "(2,3)", "(4,)");
  EXPECT_THROW_MSG(lina::add_relu(a, b), lina::ShapeError, "add_relu");
  lina::Array wrong = lina::zeros({3, 2});
  EXPECT_THROW_MSG(lina::fma(a, a, a, wrong), lina::ShapeError, "fma", "(3,2)", "(2,3)");
  lina::Array ints = lina::zeros({2, 3}, lina::int32);
  EXPECT_THROW_MSG(lina::fma(a, a, a, ints), lina::TypeError, "fma", "float64", "int32", "same_kind");
  EXPECT_THROW_MSG(lina::standardize(a, b, b), lina::ShapeError, "standardize", "(2,3)", "(4,)");
  EXPECT_THROW_MSG(lina::standardize(a, a, a, ints), lina::TypeError, "standardize", "float64", "int32", "same_kind");
  lina::Array ints_out = lina::zeros({2, 3}, lina::int32);
  EXPECT_THROW_MSG(lina::standardize(ints, ints, ints, ints_out), lina::TypeError, "standardize", "float64", "int32");
  EXPECT_THROW_MSG(lina::standardize(a, a, b), lina::ShapeError, "standardize", "(4,)");
  const lina::Array flags = lina::zeros({2, 3}, lina::bool_);
  EXPECT_THROW_MSG(lina::standardize(flags, flags, a), lina::TypeError, "standardize", "bool", "astype");
  EXPECT_THROW_MSG(lina::zscore(a, 2), lina::IndexError, "2");
  EXPECT_THROW_MSG(lina::softmax(a, 2), lina::IndexError, "softmax", "2");
  EXPECT_THROW_MSG(lina::log_softmax(lina::zeros({}), -1), lina::IndexError, "log_softmax");
}

TEST(FusedOps, OutAliasingAnInputIsSafe) {
  // out is the very array read (x = x * x + x), and a shifted view of it.
  lina::Generator gen(9);
  lina::Array x = gen.uniform(-1, 1, {100}, lina::float64);
  const lina::Array want = x * x + x;
  lina::multiply_add(x, x, x, x);
  EXPECT_TRUE(lina::array_equal(x, want));
  lina::Array y = gen.uniform(-1, 1, {101}, lina::float64);
  const lina::Array head = y(lina::slice(0, 100)), tail = y(lina::slice(1, 101));
  const lina::Array want2 = lina::maximum(tail + 1.0, 0.0);
  lina::Array dst = head;
  lina::add_relu(tail, lina::ones({1}), dst);
  EXPECT_TRUE(lina::array_equal(y(lina::slice(0, 100)), want2));
  // In-place standardisation, x = (x - mean) / std, and through a shifted view.
  lina::Array z = gen.uniform(-1, 1, {50, 40}, lina::float32);
  const lina::Array mu = lina::mean(z, 0), sd = lina::stddev(z, 0);
  const lina::Array want3 = (z - mu) / sd;
  lina::standardize(z, mu, sd, z);
  EXPECT_TRUE(lina::array_equal(z, want3));
  lina::Array w = gen.uniform(-1, 1, {101}, lina::float64);
  const lina::Array want4 = (w(lina::slice(1, 101)) - 0.5) / 2.0;
  lina::Array w_head = w(lina::slice(0, 100));
  lina::standardize(w(lina::slice(1, 101)), lina::full({}, 0.5), lina::full({}, 2.0), w_head);
  EXPECT_TRUE(lina::array_equal(w(lina::slice(0, 100)), want4));
}

}  // namespace
