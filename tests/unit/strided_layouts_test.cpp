// Elementwise operations on layouts that are not contiguous, against the same operation
// on contiguous copies, bit for bit: strided runs of the functions that go through their
// vector kernels in buffered chunks (NOTE: [Buffered strided runs]), at lengths around
// the chunk size, reversed, stepped, as matrix columns and into strided outputs; and
// inputs read across the output's rows, which are copied to C order first (NOTE:
// [Transposed inputs copied first]), in 2-D and 3-D, below and above the size where the
// copy starts, into C-order and other outputs, and overlapping the output.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"

namespace {

using lina::Array;
using lina::colon;
using lina::DType;
using lina::slice;

using Unary = std::function<Array(const Array&)>;
using UnaryOut = std::function<void(const Array&, Array&)>;

struct UnaryCase {
  const char* name;
  Unary fn;
  UnaryOut into;
  bool positive;  // log and sqrt: inputs in (0, 50), else (-20, 20)
};

std::vector<UnaryCase> unary_cases() {
#define LINA_UNARY_CASE(f, positive) \
  UnaryCase{#f, [](const Array& a) { return lina::f(a); }, [](const Array& a, Array& o) { lina::f(a, o); }, positive}
  return {LINA_UNARY_CASE(exp, false),   LINA_UNARY_CASE(expm1, false), LINA_UNARY_CASE(log, true),
          LINA_UNARY_CASE(log1p, true),  LINA_UNARY_CASE(tanh, false),  LINA_UNARY_CASE(sigmoid, false),
          LINA_UNARY_CASE(sin, false),   LINA_UNARY_CASE(cos, false),   LINA_UNARY_CASE(sqrt, true),
          LINA_UNARY_CASE(abs, false),   LINA_UNARY_CASE(negative, false), LINA_UNARY_CASE(relu, false),
          LINA_UNARY_CASE(floor, false), LINA_UNARY_CASE(ceil, false),  LINA_UNARY_CASE(round, false)};
#undef LINA_UNARY_CASE
}

Array values(lina::Generator& gen, const lina::Shape& shape, DType t, bool positive) {
  return positive ? gen.uniform(0.001, 50.0, shape, t) : gen.uniform(-20.0, 20.0, shape, t);
}

// Lengths around the buffered chunk (2 KiB: 512 float32, 256 float64 elements).
const std::vector<std::int64_t>& lengths() {
  static const std::vector<std::int64_t> n = {0, 1, 3, 8, 31, 32, 33, 70, 255, 256, 257, 511, 512, 513, 1300};
  return n;
}

TEST(StridedLayouts, UnaryFunctionsOfStridedViewsEqualThoseOfContiguousCopies) {
  lina::Generator gen(5);
  for (DType t : {DType::Float32, DType::Float64})
    for (const UnaryCase& c : unary_cases())
      for (std::int64_t n : lengths()) {
        const std::string what = std::string(c.name) + " " + lina::dtype_name(t) + " n=" + std::to_string(n);
        const Array base = values(gen, {3 * n + 1}, t, c.positive);
        const Array step2 = base(slice(1, 2 * n + 1, 2));
        const Array step3 = base(slice(0, 3 * n, 3));
        const Array reversed = base(slice(n - 1, std::nullopt, -1));
        const Array reversed_all = base(slice(std::nullopt, std::nullopt, -1));
        for (const Array* in : {&step2, &step3, &reversed, &reversed_all}) {
          const Array want = c.fn(in->copy());
          lina_test::expect_same_bits(c.fn(*in), want, what);
          // Into a strided output (every second element of a buffer), and the buffer's
          // other elements left alone.
          Array buf = lina::full({2 * in->size()}, 7.0, t);
          Array out = buf(slice(0, std::nullopt, 2));
          c.into(*in, out);
          lina_test::expect_same_bits(out, want, what + " into a strided output");
          lina_test::expect_same_bits(buf(slice(1, std::nullopt, 2)), lina::full({in->size()}, 7.0, t),
                                      what + " the output's gaps");
        }
      }
}

TEST(StridedLayouts, UnaryFunctionsOfColumnsAndThreadedRunsEqualContiguous) {
  lina::Generator gen(6);
  for (DType t : {DType::Float32, DType::Float64})
    for (const UnaryCase& c : unary_cases()) {
      const std::string what = std::string(c.name) + " " + lina::dtype_name(t);
      // A column of a C-order matrix: runs of 600 elements a row apart.
      const Array m = values(gen, {600, 5}, t, c.positive);
      const Array column = m(colon, 3);
      lina_test::expect_same_bits(c.fn(column), c.fn(column.copy()), what + " column");
      // Large enough for the thread pool (one strided run split across threads).
      const Array big = values(gen, {2 * 300'001}, t, c.positive)(slice(0, std::nullopt, 2));
      const Array want = c.fn(big.copy());
      const int saved = lina::get_num_threads();
      for (int threads : {1, 2, 3}) {
        lina::set_num_threads(threads);
        lina_test::expect_same_bits(c.fn(big), want, what + " threads=" + std::to_string(threads));
      }
      lina::set_num_threads(saved);
    }
}

using Binary = std::function<Array(const Array&, const Array&)>;

TEST(StridedLayouts, BufferedBinaryOperationsOfStridedViewsEqualContiguous) {
  const std::vector<std::pair<const char*, Binary>> ops = {
      {"divide", [](const Array& a, const Array& b) { return lina::divide(a, b); }},
      {"maximum", [](const Array& a, const Array& b) { return lina::maximum(a, b); }},
      {"minimum", [](const Array& a, const Array& b) { return lina::minimum(a, b); }},
      {"add", [](const Array& a, const Array& b) { return lina::add(a, b); }},
  };
  lina::Generator gen(7);
  for (DType t : {DType::Float32, DType::Float64, DType::Int32, DType::Int64})
    for (const auto& [name, fn] : ops)
      for (std::int64_t n : lengths()) {
        const std::string what = std::string(name) + " " + lina::dtype_name(t) + " n=" + std::to_string(n);
        Array abuf = gen.uniform(-20.0, 20.0, {2 * n + 1}, DType::Float64);
        Array bbuf = gen.uniform(0.5, 20.0, {2 * n + 1}, DType::Float64);
        if (lina::is_floating(t) && n > 3) {  // NaN and signed zeros, which maximum/minimum must keep
          abuf.data<double>()[3] = std::nan("");
          abuf.data<double>()[5] = -0.0;
          bbuf.data<double>()[5] = 0.0;
        }
        abuf = abuf.astype(t);
        bbuf = bbuf.astype(t);
        const Array a = abuf(slice(0, 2 * n, 2)), b = bbuf(slice(1, 2 * n + 1, 2));
        const Array ac = a.copy(), bc = b.copy();
        lina_test::expect_same_bits(fn(a, b), fn(ac, bc), what + " both strided");
        lina_test::expect_same_bits(fn(a, bc), fn(ac, bc), what + " a strided");
        lina_test::expect_same_bits(fn(ac, b), fn(ac, bc), what + " b strided");
        if (n > 0) {
          const Array b0 = bbuf(slice(0, 1)).reshape({});
          lina_test::expect_same_bits(fn(a, b0), fn(ac, b0), what + " a strided, b a scalar");
          lina_test::expect_same_bits(fn(b0, a), fn(b0, ac), what + " a scalar, b strided");
        }
      }
}

// Binary and unary operations whose input is a transposed or permuted view, against the
// same on contiguous copies.
TEST(StridedLayouts, TransposedInputsGiveTheContiguousResults) {
  lina::Generator gen(8);
  for (DType t : {DType::Float32, DType::Float64, DType::Int32})
    for (std::int64_t rows : {3, 15, 16, 17, 64, 300})
      for (std::int64_t cols : {1, 16, 33, 257}) {
        const std::string what = std::string(lina::dtype_name(t)) + " " + std::to_string(rows) + "x" + std::to_string(cols);
        const Array a = gen.uniform(-5.0, 5.0, {cols, rows}, DType::Float64).astype(t);
        const Array b = gen.uniform(-5.0, 5.0, {rows, cols}, DType::Float64).astype(t);
        const Array at = a.T(), atc = a.T().copy();
        lina_test::expect_same_bits(lina::add(at, b), lina::add(atc, b), what + " a.T + b");
        lina_test::expect_same_bits(lina::multiply(b, at), lina::multiply(b, atc), what + " b * a.T");
        lina_test::expect_same_bits(lina::subtract(at, at), lina::subtract(atc, atc), what + " a.T - a.T");
        // Broadcast against a row and a column: not of the output's shape, read as is.
        lina_test::expect_same_bits(lina::add(at, b(0)), lina::add(atc, b(0)), what + " a.T + row");
        if (lina::is_floating(t)) {
          lina_test::expect_same_bits(lina::exp(at), lina::exp(atc), what + " exp(a.T)");
          lina_test::expect_same_bits(lina::maximum(at, b), lina::maximum(atc, b), what + " maximum(a.T, b)");
        }
        // where and clip copy transposed inputs (the condition too) as the operations do.
        const Array cond_t = lina::greater(a, 0).T();
        lina_test::expect_same_bits(lina::where(cond_t, at, b), lina::where(cond_t.copy(), atc, b), what + " where");
        lina_test::expect_same_bits(lina::where(lina::less(b, 1), b, at), lina::where(lina::less(b, 1), b, atc),
                                    what + " where(c, b, a.T)");
        lina_test::expect_same_bits(lina::clip(at, -1, 2), lina::clip(atc, -1, 2), what + " clip");
        // So do the fused functions.
        lina_test::expect_same_bits(lina::multiply_add(at, b, at), lina::multiply_add(atc, b, atc), what + " a.T * b + a.T");
        lina_test::expect_same_bits(lina::add_relu(at, b), lina::add_relu(atc, b), what + " relu(a.T + b)");
        // Into an existing C-order output, and into an F-order one (the transpose of a
        // C-order array), where a.T is read along its rows.
        Array out = lina::empty({rows, cols}, t);
        lina::add(at, b, out);
        lina_test::expect_same_bits(out, lina::add(atc, b), what + " into C order");
        Array fbuf = lina::empty({cols, rows}, t);
        Array fout = fbuf.T();
        lina::add(at, b, fout);
        lina_test::expect_same_bits(fout, lina::add(atc, b), what + " into F order");
        lina_test::expect_same_bits(a, a.copy(), what + " a unchanged");
      }
}

TEST(StridedLayouts, PermutedThreeDimensionalInputsGiveTheContiguousResults) {
  lina::Generator gen(9);
  const Array x = gen.uniform(-3.0, 3.0, {6, 40, 70}, DType::Float32);
  for (const std::vector<int>& axes : std::vector<std::vector<int>>{
           {0, 2, 1}, {2, 1, 0}, {1, 0, 2}, {2, 0, 1}, {1, 2, 0}}) {
    const Array p = lina::transpose(x, axes), pc = p.copy();
    const Array other = gen.uniform(-3.0, 3.0, p.shape(), DType::Float32);
    std::string what = "axes";
    for (auto ax : axes) what += " " + std::to_string(ax);
    lina_test::expect_same_bits(lina::add(p, other), lina::add(pc, other), what + " add");
    lina_test::expect_same_bits(lina::tanh(p), lina::tanh(pc), what + " tanh");
    lina_test::expect_same_bits(lina::divide(other, p), lina::divide(other, pc), what + " divide");
  }
}

// An output that is also a transposed input: a += a.T reads the original a.T (the input
// is copied before the output is written, as in NumPy).
TEST(StridedLayouts, TransposedInputThatIsTheOutput) {
  lina::Generator gen(10);
  for (std::int64_t n : {4, 16, 100, 300}) {
    Array a = gen.uniform(-5.0, 5.0, {n, n}, DType::Float32);
    const Array want = lina::add(a.copy(), a.T().copy());
    lina::add(a, a.T(), a);
    lina_test::expect_same_bits(a, want, "a += a.T, n=" + std::to_string(n));
    Array b = gen.uniform(-5.0, 5.0, {n, n}, DType::Float64);
    Array bt = b.T();
    const Array want_exp = lina::exp(b.copy());
    lina::exp(b, bt);  // writes b's values, transposed, over b itself
    lina_test::expect_same_bits(bt, want_exp, "exp(b) into b.T, n=" + std::to_string(n));
  }
}

}  // namespace
