// The elementwise inner loops against the scalar reference: every dtype, lengths 0-70
// and a large one, every operand kind (contiguous, a broadcast scalar on either side,
// strided) and starts that are not vector-aligned. The reference is the functor applied
// element by element over contiguous copies of the operands, so it shares nothing with
// the loops under test.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "kernels/elementwise_functors.hpp"
#include "kernels/elementwise_fused.hpp"
#include "simd_targets.hpp"
#include "lina/lina.hpp"

namespace {

namespace k = lina::kernels;

// Random values of dtype t, small enough that products do not overflow the narrow
// integer types in a way the test cannot predict (they wrap in both paths anyway).
lina::Array random_of(lina::Generator& gen, std::int64_t n, lina::DType t) {
  if (t == lina::DType::Bool) return gen.integers(0, 2, {n}).astype(t);
  if (lina::is_floating(t)) {
    // With NaN, +-0.0 and +-inf planted (about one element in ten): the lanes must select
    // and propagate them as the scalar functors do (maximum's NaN rule, ties keep x).
    lina::Array v = gen.uniform(-4.0, 4.0, {n}, lina::DType::Float64);
    double* p = v.data<double>();
    const double specials[] = {std::nan(""), 0.0, -0.0, HUGE_VAL, -HUGE_VAL};
    for (std::int64_t i = 0; i < n; ++i)
      if (i % 10 == 7) p[i] = specials[(i / 10) % 5];
    return v.astype(t);
  }
  if (t == lina::DType::UInt8) return gen.integers(0, 256, {n}).astype(t);
  return gen.integers(-1000, 1000, {n}).astype(t);
}

template <class T>
bool same_value(T a, T b) {
  if constexpr (std::is_floating_point_v<T>)  // bit for bit (the sign of a zero counts), any NaN for NaN
    return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof(T)) == 0;
  else return a == b;
}

// Views of length n over a buffer: contiguous from offset `start`, or every second
// element from `start`.
lina::Array view_of(const lina::Array& buf, std::int64_t start, std::int64_t n, bool strided) {
  if (strided) return buf(lina::slice(start, start + 2 * n, 2));
  return buf(lina::slice(start, start + n));
}

using BinaryFn = lina::Array (*)(const lina::Array&, const lina::Array&);

// kToBool: comparisons (bool results); with_bool: whether bool operands are valid.
template <class Op, bool kToBool>
void check_binary_on_target(BinaryFn fn, const std::string& name, bool with_bool) {
  lina::Generator gen(7);
  std::vector<std::int64_t> lengths;
  for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
  lengths.push_back(100'003);
  for (lina::DType t : {lina::DType::Bool, lina::DType::UInt8, lina::DType::Int32, lina::DType::Int64,
                        lina::DType::Float32, lina::DType::Float64}) {
    if (!with_bool && t == lina::DType::Bool) continue;  // bool subtract raises, as in NumPy
    lina::visit_dtype(t, [&](auto tag) {
      using T = decltype(tag);
      using R = std::conditional_t<kToBool, bool, T>;
      for (std::int64_t n : lengths) {
        const lina::Array abuf = random_of(gen, 2 * n + 3, t), bbuf = random_of(gen, 2 * n + 3, t);
        for (int kind = 0; kind < 5; ++kind) {  // contiguous, scalar right, scalar left, strided, mixed
          for (std::int64_t start : {0, 1}) {   // aligned and unaligned first elements
            const bool sa = kind == 3 || kind == 4, sb = kind == 3;
            lina::Array a = kind == 2 ? abuf(lina::slice(start, start + 1)).reshape({}) : view_of(abuf, start, n, sa);
            lina::Array b = kind == 1 ? bbuf(lina::slice(start, start + 1)).reshape({}) : view_of(bbuf, start, n, sb);
            const lina::Array r = fn(a, b).contiguous();
            ASSERT_EQ(r.size(), n) << name;
            const R* got = r.data<R>();
            const lina::Array ac = a.contiguous(), bc = b.contiguous();  // the copy path, not the kernels
            const T* xs = ac.data<T>();
            const T* ys = bc.data<T>();
            for (std::int64_t i = 0; i < n; ++i) {
              const T x = kind == 2 ? xs[0] : xs[i];
              const T y = kind == 1 ? ys[0] : ys[i];
              const R want = Op::apply(x, y);
              if (!same_value(got[i], want)) {
                ADD_FAILURE() << name << " dtype " << lina::dtype_name(t) << " n=" << n << " kind=" << kind
                              << " start=" << start << " at " << i << ": " << +got[i] << " vs " << +want;
                return;
              }
            }
          }
        }
      }
    });
  }
}

// On every SIMD target Highway compiled the kernels for.
template <class Op, bool kToBool>
void check_binary(BinaryFn fn, const char* name, bool with_bool) {
  lina_test::for_each_simd_target(
      [&](const std::string& target) { check_binary_on_target<Op, kToBool>(fn, target + name, with_bool); });
}

lina::Array add_(const lina::Array& a, const lina::Array& b) { return lina::add(a, b); }
lina::Array sub_(const lina::Array& a, const lina::Array& b) { return lina::subtract(a, b); }
lina::Array mul_(const lina::Array& a, const lina::Array& b) { return lina::multiply(a, b); }
lina::Array max_(const lina::Array& a, const lina::Array& b) { return lina::maximum(a, b); }
lina::Array min_(const lina::Array& a, const lina::Array& b) { return lina::minimum(a, b); }
lina::Array less_(const lina::Array& a, const lina::Array& b) { return lina::less(a, b); }
lina::Array eq_(const lina::Array& a, const lina::Array& b) { return lina::equal(a, b); }
lina::Array ge_(const lina::Array& a, const lina::Array& b) { return lina::greater_equal(a, b); }
lina::Array ne_(const lina::Array& a, const lina::Array& b) { return lina::not_equal(a, b); }
lina::Array le_(const lina::Array& a, const lina::Array& b) { return lina::less_equal(a, b); }
lina::Array gt_(const lina::Array& a, const lina::Array& b) { return lina::greater(a, b); }
lina::Array madd_(const lina::Array& a, const lina::Array& b) { return lina::multiply_add(a, b, a); }
lina::Array arelu_(const lina::Array& a, const lina::Array& b) { return lina::add_relu(a, b); }

struct MulAddSelf {  // multiply_add(a, b, a)
  template <class T>
  static T apply(T a, T b) { return k::Add::apply(k::Multiply::apply(a, b), a); }
};
struct AddRelu {
  template <class T>
  static T apply(T a, T b) { return k::Relu::apply(k::Add::apply(a, b)); }
};

TEST(EwKernels, AddMatchesTheScalarReference) { check_binary<k::Add, false>(add_, "add", true); }
TEST(EwKernels, SubtractMatchesTheScalarReference) { check_binary<k::Subtract, false>(sub_, "subtract", false); }
TEST(EwKernels, MultiplyMatchesTheScalarReference) { check_binary<k::Multiply, false>(mul_, "multiply", true); }
TEST(EwKernels, MaximumMatchesTheScalarReference) { check_binary<k::Maximum, false>(max_, "maximum", true); }
TEST(EwKernels, MinimumMatchesTheScalarReference) { check_binary<k::Minimum, false>(min_, "minimum", true); }
TEST(EwKernels, LessMatchesTheScalarReference) { check_binary<k::Less, true>(less_, "less", true); }
TEST(EwKernels, EqualMatchesTheScalarReference) { check_binary<k::Equal, true>(eq_, "equal", true); }
TEST(EwKernels, GreaterEqualMatchesTheScalarReference) {
  check_binary<k::GreaterEqual, true>(ge_, "greater_equal", true);
}
TEST(EwKernels, NotEqualMatchesTheScalarReference) { check_binary<k::NotEqual, true>(ne_, "not_equal", true); }
TEST(EwKernels, LessEqualMatchesTheScalarReference) { check_binary<k::LessEqual, true>(le_, "less_equal", true); }
TEST(EwKernels, GreaterMatchesTheScalarReference) { check_binary<k::Greater, true>(gt_, "greater", true); }
TEST(EwKernels, FusedMultiplyAddMatchesTheScalarReference) {
  check_binary<MulAddSelf, false>(madd_, "multiply_add", true);
}
TEST(EwKernels, FusedAddReluMatchesTheScalarReference) { check_binary<AddRelu, false>(arelu_, "add_relu", true); }

// The fused three-operand loops (a * b + c, (x - mean) / std) against their functors
// applied element by element: float32 and float64, lengths 0-70 and a large one, x
// contiguous from an aligned or unaligned start, and each of the other two contiguous,
// a broadcast 0-d scalar or strided (the kernel takes the first two kinds, the plain
// loop the strided ones), on every SIMD target.
using TernaryFn = lina::Array (*)(const lina::Array&, const lina::Array&, const lina::Array&);

template <class Op>
void check_ternary(TernaryFn fn, const char* name) {
  lina::Generator gen(16);
  std::vector<std::int64_t> lengths;
  for (std::int64_t n = 0; n <= 70; ++n) lengths.push_back(n);
  lengths.push_back(100'003);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (lina::DType t : {lina::DType::Float32, lina::DType::Float64})
      lina::visit_dtype(t, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_floating_point_v<T>) {
          for (std::int64_t n : lengths) {
            const lina::Array xbuf = random_of(gen, n + 1, t), bbuf = random_of(gen, 2 * n + 1, t),
                              cbuf = random_of(gen, 2 * n + 1, t);
            auto operand = [&](const lina::Array& buf, int kind) {  // contiguous, 0-d, strided
              if (kind == 1) return buf(lina::slice(0, 1)).reshape({});
              return view_of(buf, 1, n, kind == 2);
            };
            for (std::int64_t start : {0, 1})
              for (int kb = 0; kb < 3; ++kb)
                for (int kc = 0; kc < 3; ++kc) {
                  const lina::Array x = view_of(xbuf, start, n, false), b = operand(bbuf, kb), c = operand(cbuf, kc);
                  const lina::Array r = fn(x, b, c);
                  ASSERT_EQ(r.size(), n) << name;
                  const lina::Array bc = lina::broadcast_to(b, {n}).contiguous(), cc = lina::broadcast_to(c, {n}).contiguous();
                  const T* xs = x.data<T>();
                  for (std::int64_t i = 0; i < n; ++i) {
                    const T want = Op::apply(xs[i], bc.data<T>()[i], cc.data<T>()[i]);
                    if (!same_value(r.data<T>()[i], want)) {
                      ADD_FAILURE() << target << name << " " << lina::dtype_name(t) << " n=" << n << " start=" << start
                                    << " kinds " << kb << kc << " at " << i << ": " << r.data<T>()[i] << " vs " << want;
                      return;
                    }
                  }
                }
          }
        }
      });
  });
}

lina::Array madd3_(const lina::Array& a, const lina::Array& b, const lina::Array& c) {
  return lina::multiply_add(a, b, c);
}
lina::Array standardize_(const lina::Array& x, const lina::Array& m, const lina::Array& s) {
  return lina::standardize(x, m, s);
}

TEST(EwKernels, FusedTernaryLoopsMatchTheScalarReference) {
  check_ternary<k::MultiplyAdd>(madd3_, "multiply_add");
  check_ternary<k::SubtractDivide>(standardize_, "standardize");
}

// Rows that share the second and third operands (a row vector or a 0-d scalar each) go
// through the kernel two rows at a time (NOTE: [Rows sharing their operands]): every
// element against the functor, with odd and even row counts, row lengths that keep the
// rows' alignment alike (multiples of 16) or not, a reversed x, new arrays and out=
// into an unaligned view, on every SIMD target and on one and two threads.
template <class Op>
void check_ternary_rows(TernaryFn fn, const char* name) {
  lina::Generator gen(17);
  const int saved = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (int threads : {1, 2})
      for (lina::DType t : {lina::DType::Float32, lina::DType::Float64})
        lina::visit_dtype(t, [&](auto tag) {
          using T = decltype(tag);
          if constexpr (std::is_floating_point_v<T>) {
            lina::set_num_threads(threads);
            for (std::int64_t rows : {2, 3, 7, 64})
              for (std::int64_t n : {32, 33, 48, 70, 1024, 4099}) {
                const lina::Array x = random_of(gen, rows * n, t).reshape({rows, n});
                const lina::Array reversed = x(lina::slice(lina::none, lina::none, -1));
                const lina::Array row_b = random_of(gen, n, t), row_c = random_of(gen, n, t);
                const lina::Array one_b = random_of(gen, 1, t).reshape({}), one_c = random_of(gen, 1, t).reshape({});
                lina::Array buffer = lina::empty({rows * n + 1}, t);
                lina::Array unaligned = buffer(lina::slice(1, lina::none)).reshape({rows, n});
                for (int kinds = 0; kinds < 3; ++kinds) {  // row and row, row and 0-d, 0-d and row
                  const lina::Array& b = kinds == 2 ? one_b : row_b;
                  const lina::Array& c = kinds == 1 ? one_c : row_c;
                  for (const lina::Array* xs : {&x, &reversed}) {
                    const lina::Array got = fn(*xs, b, c);
                    if constexpr (std::is_same_v<Op, k::SubtractDivide>) lina::standardize(*xs, b, c, unaligned);
                    else lina::multiply_add(*xs, b, c, unaligned);
                    const lina::Array xc = xs->contiguous(), bc = lina::broadcast_to(b, {n}).contiguous(),
                                      cc = lina::broadcast_to(c, {n}).contiguous(), uc = unaligned.contiguous();
                    for (std::int64_t i = 0; i < rows * n; ++i) {
                      const T want = Op::apply(xc.data<T>()[i], bc.data<T>()[i % n], cc.data<T>()[i % n]);
                      if (!same_value(got.data<T>()[i], want) || !same_value(uc.data<T>()[i], want)) {
                        ADD_FAILURE() << target << name << " " << lina::dtype_name(t) << " rows=" << rows << " n=" << n
                                      << " kinds " << kinds << (xs == &x ? "" : " reversed") << " threads " << threads
                                      << " at " << i;
                        return;
                      }
                    }
                  }
                }
              }
          }
        });
  });
  lina::set_num_threads(saved);
}

TEST(EwKernels, FusedTernaryRowsSharingOperandsMatchTheScalarReference) {
  check_ternary_rows<k::MultiplyAdd>(madd3_, "multiply_add");
  check_ternary_rows<k::SubtractDivide>(standardize_, "standardize");
}

// The small-array fast paths (NOTE: [Small-array fast path]) against the general path:
// a literal on either side of a float array equals the same value as a 0-d array of
// the array's dtype (which goes through broadcasting and the loop plan), bit for bit.
TEST(EwKernels, LiteralFastPathEqualsTheGeneralPath) {
  lina::Generator gen(15);
  for (lina::DType t : {lina::float32, lina::float64})
    for (std::int64_t n : {0, 1, 7, 8, 33, 70, 1000})
      for (lina::Scalar lit : {lina::Scalar(2.5), lina::Scalar(-3), lina::Scalar(16'777'217), lina::Scalar(true),
                               lina::Scalar(0.1)}) {
        const lina::Array a = gen.uniform(-4, 4, {n}, t);
        const lina::Array zero_d = lina::full({}, lit, t);
        const auto same = [&](const lina::Array& x, const lina::Array& y, const char* what) {
          EXPECT_EQ(x.dtype(), y.dtype()) << what;
          EXPECT_TRUE(lina::array_equal(x, y, true)) << what << " " << lina::dtype_name(t) << " n=" << n;
        };
        same(a + lit, a + zero_d, "a + lit");
        same(lit - a, zero_d - a, "lit - a");
        same(a * lit, a * zero_d, "a * lit");
        same(lit / a, zero_d / a, "lit / a");
        same(lina::less(a, lit), lina::less(a, zero_d), "a < lit");
        same(lina::maximum(a, lit), lina::maximum(a, zero_d), "maximum(a, lit)");
      }
}

// The vectorised reductions (NOTE: [Vectorised reduction loops]) against the scalar
// loops they replace: a contiguous sum against the same sum over a strided view (the
// scalar pairwise loop, same order), and sums over axis 0 against the row-by-row
// accumulation written out here. Both must agree bit for bit.
// The contiguous sum runs on every compiled SIMD target, at every length up to 700
// (every mix of one to four leaves of the pairwise tree, NOTE: [Pairwise leaves in
// address order]) and at longer ones.
TEST(EwKernels, VectorisedSumsEqualTheScalarLoops) {
  lina::Generator gen(10);
  std::vector<std::int64_t> lengths;
  for (std::int64_t n = 0; n <= 700; ++n) lengths.push_back(n);
  for (std::int64_t n : {1000, 1023, 1024, 1025, 4096, 4103, 100'003}) lengths.push_back(n);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (lina::DType t : {lina::float32, lina::float64})
      for (std::int64_t n : lengths)
        for (std::int64_t start : {0, 1}) {
          const lina::Array buf = gen.uniform(-1, 1, {2 * n + 2}, t);
          const lina::Array contiguous = buf(lina::slice(start, start + n));
          const lina::Array strided = lina::stack({contiguous, contiguous}, 1)(lina::colon, 0);
          ASSERT_TRUE(lina::array_equal(lina::sum(contiguous), lina::sum(strided)))
              << target << lina::dtype_name(t) << " n=" << n << " start=" << start;
        }
  });
  // Sums over axis 0 (four rows per pass, NOTE in reduce_parallel.hpp's reduce_inner_runs)
  // on every target, with row counts around multiples of four, a reversed view, and on
  // two threads (which split the columns).
  const int saved = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
  for (int threads : {1, 2})
  for (lina::DType t : {lina::float32, lina::float64})
    for (const auto& rc : std::vector<std::pair<std::int64_t, std::int64_t>>{
             {3, 1}, {4, 16}, {5, 17}, {7, 33}, {40, 70}, {9, 1001}, {66, 2048}}) {
      lina::set_num_threads(threads);
      const std::int64_t r = rc.first, c = rc.second;  // not structured bindings: clang 14 cannot capture them
      const lina::Array stored = gen.uniform(-1, 1, {r, c}, t);
      const lina::Array m = (r % 2) ? stored(lina::slice(lina::none, lina::none, -1)) : stored;
      const lina::Array got = lina::sum(m, 0);
      lina::visit_dtype(t, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (std::is_floating_point_v<T>) {
          const lina::Array mc = m.contiguous();
          const T* x = mc.data<T>();
          for (std::int64_t j = 0; j < c; ++j) {
            T acc = 0;
            for (std::int64_t i = 0; i < r; ++i) acc += x[i * c + j];
            ASSERT_EQ(got.data<T>()[j], acc) << target << lina::dtype_name(t) << " (" << r << "," << c
                                             << ") column " << j << " threads " << threads;
          }
        }
      });
    }
  });
  lina::set_num_threads(saved);
}

// The tiled transpose copy (NOTE: [Tiled transpose copy]) at sizes around the tile,
// every element size it handles, new arrays and assignment into an existing one, on one
// and two threads.
TEST(EwKernels, TransposeCopiesMatchElementByElement) {
  lina::Generator gen(8);
  const int saved = lina::get_num_threads();
  for (int threads : {1, 2})
    for (lina::DType t : {lina::DType::Bool, lina::DType::UInt8, lina::DType::Int32, lina::DType::Float32,
                          lina::DType::Int64, lina::DType::Float64})
      for (const auto& rc : std::vector<std::pair<std::int64_t, std::int64_t>>{
               {15, 40}, {16, 16}, {17, 33}, {64, 70}, {100, 31}, {513, 1025}}) {
        const std::int64_t r = rc.first, c = rc.second;
        lina::set_num_threads(threads);
        const lina::Array m = random_of(gen, r * c, t).reshape({r, c});
        lina::Array into = lina::empty({c, r}, t);
        into.assign(m.T());
        for (const lina::Array& got : {m.T().copy(), into}) {
          lina::visit_dtype(t, [&](auto tag) {
            using T = decltype(tag);
            const T* src = m.data<T>();
            const T* dst = got.data<T>();
            for (std::int64_t i = 0; i < c; ++i)
              for (std::int64_t j = 0; j < r; ++j)
                if (!same_value(dst[i * r + j], src[j * c + i])) {
                  ADD_FAILURE() << lina::dtype_name(t) << " (" << r << "," << c << ") at " << i << "," << j;
                  return;
                }
          });
        }
      }
  lina::set_num_threads(saved);
}

}  // namespace
