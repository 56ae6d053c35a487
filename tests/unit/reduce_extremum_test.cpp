// max and min through the vectorised kernels (NOTE: [Vectorised max and min]) against the
// scalar loop, bit for bit, on every SIMD target: a contiguous run takes the kernels, the
// same values at a stride of two take the scalar loop. Lengths 0-70 and long runs,
// unaligned starts, every dtype, NaN anywhere, signed zeros, infinities, and the folding
// of rows along axis 0; argmax and argmin against NumPy's rule.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "lina/lina.hpp"
#include "scalar_twin.hpp"
#include "simd_targets.hpp"

namespace {

// Random values of dtype dt, with special values (NaN, +-0, +-inf, the dtype's extremes)
// planted at random positions with probability `special`.
lina::Array values(lina::DType dt, std::int64_t n, double special, std::mt19937& rng) {
  std::vector<double> v(static_cast<std::size_t>(n));
  std::uniform_real_distribution<double> u(-100, 100), p(0, 1);
  const bool floating = dt == lina::float32 || dt == lina::float64;
  const double specials_f[] = {std::nan(""), 0.0, -0.0, HUGE_VAL, -HUGE_VAL, 1e30, -1e30};
  const double specials_i[] = {0, -1, 1, 127, 255};
  for (auto& x : v) {
    x = std::round(u(rng));
    if (p(rng) < special) x = floating ? specials_f[rng() % 7] : specials_i[rng() % 5];
  }
  lina::Array a = lina::frombuffer(v, {n});
  if (dt == lina::bool_) return lina::not_equal(a, 0.0);
  if (dt == lina::uint8) return lina::abs(a).astype(lina::uint8);
  return a.astype(dt);
}

const lina::DType kDtypes[] = {lina::float32, lina::float64, lina::int32, lina::int64, lina::uint8, lina::bool_};

// body(x, what) for runs x of every dtype, with no, few and many special values, of
// lengths 1-70 and 255, 256, 1000, 4097, starting aligned and one element in; `what`
// names the case.
template <class Body>
void for_each_run(std::mt19937& rng, const std::string& target, Body body) {
  for (const lina::DType dt : kDtypes) {
    for (double special : {0.0, 0.01, 0.3}) {
      std::vector<std::int64_t> lengths;
      for (std::int64_t n = 1; n <= 70; ++n) lengths.push_back(n);
      for (std::int64_t n : {255, 256, 1000, 4097}) lengths.push_back(n);
      for (const std::int64_t n : lengths) {
        // One extra element in front, so that the run also starts unaligned.
        const lina::Array all = values(dt, n + 1, special, rng);
        for (std::int64_t start : {0, 1}) {
          body(all.index({lina::Index(lina::slice(start, start + n))}),
               target + lina::dtype_name(dt) + " n=" + std::to_string(n) + " special=" + std::to_string(special) +
                   " start=" + std::to_string(start));
        }
      }
    }
  }
}

TEST(ReduceExtremum, WholeRunsMatchTheScalarLoopOnEveryTarget) {
  std::mt19937 rng(7);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for_each_run(rng, target, [](const lina::Array& x, const std::string& what) {
      const lina::Array xc = x.copy(), xs = lina_test::strided_twin(xc);
      lina_test::expect_same_bits(lina::max(xc), lina::max(xs), what + " max");
      lina_test::expect_same_bits(lina::min(xc), lina::min(xs), what + " min");
    });
  });
}

TEST(ReduceExtremum, SignedZerosAndNaNKeepTheScalarChoice) {
  using L = std::numeric_limits<float>;
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (std::int64_t n : {64, 200}) {
      for (std::int64_t pos : {std::int64_t{0}, std::int64_t{5}, n / 2, n - 1}) {
        // All zeros of mixed sign: the extreme is a zero, whose sign depends on order.
        std::vector<float> z(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) z[i] = (i % 3 == 0) ? -0.0f : 0.0f;
        z[pos] = -z[pos];
        // One NaN (with a payload) among ordinary values, and one inf pair.
        std::vector<float> q(static_cast<std::size_t>(n));
        for (std::int64_t i = 0; i < n; ++i) q[i] = static_cast<float>((i * 37) % 101) - 50.0f;
        q[pos] = L::quiet_NaN();
        std::vector<float> inf(static_cast<std::size_t>(n), 1.0f);
        inf[pos] = L::infinity();
        inf[n - 1 - pos] = -L::infinity();
        // The same zeros after a first element below (above) them, so that the zero
        // found in the run decides max (min), not the first element.
        std::vector<float> zlo = z, zhi = z;
        zlo[0] = -1.0f;
        zhi[0] = 1.0f;
        for (const auto* v : {&z, &zlo, &zhi, &q, &inf}) {
          const lina::Array xc = lina::frombuffer(*v, {n}), xs = lina_test::strided_twin(xc);
          const std::string what = target + "n=" + std::to_string(n) + " pos=" + std::to_string(pos);
          lina_test::expect_same_bits(lina::max(xc), lina::max(xs), what + " max");
          lina_test::expect_same_bits(lina::min(xc), lina::min(xs), what + " min");
        }
      }
    }
  });
}

TEST(ReduceExtremum, AxisReductionsMatchTheScalarLoopOnEveryTarget) {
  std::mt19937 rng(11);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const lina::DType dt : kDtypes) {
      for (auto [rows, cols] : {std::pair<std::int64_t, std::int64_t>{7, 37}, {64, 65}, {3, 300}, {19, 40}}) {
        const lina::Array m = values(dt, rows * cols, 0.05, rng).reshape({rows, cols});
        const lina::Array xc = m, xs = lina_test::strided_twin(m);
        const std::string what = target + lina::dtype_name(dt) + " " + std::to_string(rows) + "x" + std::to_string(cols);
        for (int axis : {0, 1, -1}) {
          lina_test::expect_same_bits(lina::max(xc, axis), lina::max(xs, axis), what + " max axis " + std::to_string(axis));
          lina_test::expect_same_bits(lina::min(xc, axis), lina::min(xs, axis), what + " min axis " + std::to_string(axis));
        }
      }
    }
  });
}

// Along the last axis all rows go to one kernel call (NOTE: [Rows of extremes]), rows
// shorter than four vectors through overlapping and half-width vectors: every width
// from 1 to 70 and a few longer ones, every dtype, with special values, on every target
// and on one and two threads; rows that are not packed (a slice of the columns, reversed
// rows), 3-D, keepdims, and a whole max of non-packed rows (every row into one output).
TEST(ReduceExtremum, RowsAlongTheLastAxisMatchTheScalarLoopOnEveryTarget) {
  std::mt19937 rng(23);
  const int saved_threads = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (int threads : {1, 2}) {
      lina::set_num_threads(threads);
      for (const lina::DType dt : kDtypes) {
        for (double special : {0.0, 0.05, 0.3}) {
          const std::string where = target + "threads " + std::to_string(threads) + " " + lina::dtype_name(dt) +
                                    " special=" + std::to_string(special) + " ";
          const auto check = [&](const lina::Array& x, const std::string& what) {
            const lina::Array xs = lina_test::strided_twin(x.copy());
            lina_test::expect_same_bits(lina::max(x, -1), lina::max(xs, -1), where + what + " max");
            lina_test::expect_same_bits(lina::min(x, -1), lina::min(xs, -1), where + what + " min");
          };
          std::vector<std::int64_t> widths;
          for (std::int64_t n = 1; n <= 70; ++n) widths.push_back(n);
          for (std::int64_t n : {100, 255, 256, 1000}) widths.push_back(n);
          for (const std::int64_t n : widths)
            check(values(dt, 9 * n, special, rng).reshape({9, n}), "rows of " + std::to_string(n));
          check(values(dt, 3000 * 20, special, rng).reshape({3000, 20}), "3000 rows of 20");
          const lina::Array m = values(dt, 40 * 90, special, rng).reshape({40, 90});
          check(m(lina::colon, lina::slice(3, 77)), "a slice of the columns");
          check(m(lina::slice(lina::none, lina::none, -1)), "reversed rows");
          check(values(dt, 3 * 5 * 33, special, rng).reshape({3, 5, 33}), "3-D");
          const lina::Array cols = m(lina::colon, lina::slice(1, 30));
          lina_test::expect_same_bits(lina::max(cols, 1, true), lina::max(lina_test::strided_twin(cols.copy()), 1, true),
                                      where + "keepdims");
          lina_test::expect_same_bits(lina::min(cols), lina::min(lina_test::strided_twin(cols.copy())),
                                      where + "the whole min of non-packed rows");
          if (dt != lina::float32 && dt != lina::float64) continue;
          // Zeros of both signs, where the order of the rows decides the sign of the
          // whole extreme (ties keep the last one seen).
          const lina::Array z0 = lina::zeros({40, 90}, dt);
          const lina::Array zeros = lina::where(values(dt, 40 * 90, 0.0, rng).reshape({40, 90}) < 0.0, -z0, z0);
          const lina::Array zcols = zeros(lina::colon, lina::slice(2, 50));
          const lina::Array ztwin = lina_test::strided_twin(zcols.copy());
          lina_test::expect_same_bits(lina::max(zcols), lina::max(ztwin), where + "the whole max of signed zeros");
          lina_test::expect_same_bits(lina::min(zcols), lina::min(ztwin), where + "the whole min of signed zeros");
          lina_test::expect_same_bits(lina::max(zcols, -1), lina::max(ztwin, -1), where + "rows of signed zeros");
        }
      }
    }
  });
  lina::set_num_threads(saved_threads);
}

TEST(ReduceExtremum, ThreadedResultsEqualTheSerialOnes) {
  std::mt19937 rng(3);
  const lina::Array x = values(lina::float32, 3'000'001, 0.0, rng);
  const lina::Array m = values(lina::float64, 1000 * 1001, 0.001, rng).reshape({1000, 1001});
  const int threads = lina::get_num_threads();
  lina::set_num_threads(1);
  const lina::Array a1 = lina::max(x), b1 = lina::min(m, 0), c1 = lina::max(m, 1);
  lina::set_num_threads(2);
  const lina::Array a2 = lina::max(x), b2 = lina::min(m, 0), c2 = lina::max(m, 1);
  lina::set_num_threads(threads);
  lina_test::expect_same_bits(a2, a1, "max of 3M float32");
  lina_test::expect_same_bits(b2, b1, "min axis 0");
  lina_test::expect_same_bits(c2, c1, "max axis 1");
}


// argmax and argmin (the vector extreme, then its first position: ops/reduction.cpp)
// against NumPy's rule written out here: the first NaN wins, otherwise the first index
// of the extreme under > (or <), so that -0 and +0 tie and the first of them is taken.
std::int64_t arg_reference(const lina::Array& x, bool is_max) {
  const lina::Array d = x.astype(lina::float64).contiguous();
  const double* v = d.data<double>();
  std::int64_t best = 0;
  for (std::int64_t i = 1; i < d.size(); ++i) {
    if (std::isnan(v[best])) break;
    if (std::isnan(v[i]) || (is_max ? v[i] > v[best] : v[i] < v[best])) best = i;
  }
  return best;
}

TEST(ReduceExtremum, ArgmaxAndArgminFollowNumPysRuleOnEveryTarget) {
  std::mt19937 rng(17);
  lina_test::for_each_simd_target([&](const std::string& target) {
    for_each_run(rng, target, [](const lina::Array& x, const std::string& what) {
      EXPECT_EQ(lina::argmax(x).item<std::int64_t>(), arg_reference(x, true)) << what << " argmax";
      EXPECT_EQ(lina::argmin(x).item<std::int64_t>(), arg_reference(x, false)) << what << " argmin";
    });
    // Rows of a matrix (axis -1, n = 100 so that the rows take the kernel); its columns
    // (axis 0) through a transposed view (the transposed copy) and through a C-order
    // copy of the transpose, 2-D and 3-D (the column kernel, 40 columns: vectors and a
    // tail).
    for (const lina::DType dt : kDtypes) {
      for (double special : {0.0, 0.01, 0.3}) {
        const lina::Array m = values(dt, 40 * 100, special, rng).reshape({40, 100});
        const lina::Array mt = m.transpose().copy();
        const lina::Array rows_max = lina::argmax(m, -1), view_min = lina::argmin(m.transpose(), 0);
        const lina::Array cols_max = lina::argmax(mt, 0), cols_min = lina::argmin(mt, 0);
        const lina::Array cube_max = lina::argmax(mt.reshape({100, 5, 8}), 0).reshape({40});
        for (std::int64_t r = 0; r < 40; ++r) {
          const std::string what = target + lina::dtype_name(dt) + " special=" + std::to_string(special) + " row " +
                                    std::to_string(r);
          const std::int64_t want_max = arg_reference(m[r], true), want_min = arg_reference(m[r], false);
          EXPECT_EQ(rows_max[r].item<std::int64_t>(), want_max) << what << " argmax axis -1";
          EXPECT_EQ(view_min[r].item<std::int64_t>(), want_min) << what << " argmin of a transposed view";
          EXPECT_EQ(cols_max[r].item<std::int64_t>(), want_max) << what << " argmax axis 0";
          EXPECT_EQ(cols_min[r].item<std::int64_t>(), want_min) << what << " argmin axis 0";
          EXPECT_EQ(cube_max[r].item<std::int64_t>(), want_max) << what << " argmax axis 0, 3-D";
        }
      }
    }
  });
}

// Ties at the extreme (the first is returned), and for floats a zero extreme of mixed
// signs and a NaN after the extreme, at positions on both sides of a vector's width.
TEST(ReduceExtremum, ArgmaxReturnsTheFirstOfEqualExtremes) {
  for (const lina::DType dt : {lina::float32, lina::float64, lina::int32, lina::int64, lina::uint8}) {
    for (std::int64_t first : {0, 5, 16, 17, 63, 200}) {
      std::vector<double> v(300, 1.0);
      v[static_cast<std::size_t>(first)] = 9;
      v[static_cast<std::size_t>(first + 40)] = 9;
      v[250] = 9;
      const lina::Array x = lina::frombuffer(v, {300}).astype(dt);
      EXPECT_EQ(lina::argmax(x).item<std::int64_t>(), first) << lina::dtype_name(dt);
      if (dt != lina::float32 && dt != lina::float64) continue;
      v.assign(300, -1.0);
      v[static_cast<std::size_t>(first)] = -0.0;
      v[static_cast<std::size_t>(first + 1)] = 0.0;
      EXPECT_EQ(lina::argmax(lina::frombuffer(v, {300}).astype(dt)).item<std::int64_t>(), first)
          << lina::dtype_name(dt) << " zero extreme";
      v[280] = std::nan("");
      EXPECT_EQ(lina::argmax(lina::frombuffer(v, {300}).astype(dt)).item<std::int64_t>(), 280)
          << lina::dtype_name(dt) << " NaN after the extreme";
    }
  }
}

// argmax/argmin along the last axis split the rows across threads (ops/reduction.cpp,
// arg_extremum_rows): every row's answer on two threads is the one-thread answer and
// NumPy's, for rows that take the vector kernels and rows under 32 elements that take the
// scalar rule, with special values.
TEST(ReduceExtremum, ArgmaxOfRowsOnTwoThreadsFollowsNumPysRule) {
  std::mt19937 rng(29);
  const int saved = lina::get_num_threads();
  for (const lina::DType dt : kDtypes) {
    for (auto [rows, cols] : {std::pair<std::int64_t, std::int64_t>{2000, 50}, {5000, 20}, {300, 257}}) {
      const lina::Array m = values(dt, rows * cols, 0.01, rng).reshape({rows, cols});
      lina::set_num_threads(1);
      const lina::Array max1 = lina::argmax(m, 1), min1 = lina::argmin(m, -1);
      lina::set_num_threads(2);
      const lina::Array max2 = lina::argmax(m, 1), min2 = lina::argmin(m, -1);
      lina::set_num_threads(saved);
      const std::string what = std::string(lina::dtype_name(dt)) + " " + std::to_string(rows) + "x" + std::to_string(cols);
      lina_test::expect_same_bits(max2, max1, what + " argmax, two threads against one");
      lina_test::expect_same_bits(min2, min1, what + " argmin, two threads against one");
      const std::int64_t* mx = max2.data<std::int64_t>();
      const std::int64_t* mn = min2.data<std::int64_t>();
      for (std::int64_t r = 0; r < rows; ++r) {
        ASSERT_EQ(mx[r], arg_reference(m[r], true)) << what << " argmax of row " << r;
        ASSERT_EQ(mn[r], arg_reference(m[r], false)) << what << " argmin of row " << r;
      }
    }
  }
}

// Whole runs longer than the kernel's 32 KiB blocks (ArgExtremumRun): one pass over the
// blocks, then a search of the winning one; on two threads the run is cut into pieces
// whose answers are combined in order. Random values with a few specials; the extreme
// planted in two blocks (the first must win); for floats, zeros of both signs as the
// extreme of a negative run (the first zero wins: -0 ties +0), and one NaN in a late
// block. Every target, one and two threads, against NumPy's rule.
TEST(ReduceExtremum, ArgmaxOfLongRunsAcrossBlocksAndThreads) {
  std::mt19937 rng(31);
  const int saved = lina::get_num_threads();
  lina_test::for_each_simd_target([&](const std::string& target) {
    for (const lina::DType dt : kDtypes) {
      const bool floating = dt == lina::float32 || dt == lina::float64;
      for (const std::int64_t n : {std::int64_t{70001}, std::int64_t{200003}}) {
        std::vector<std::pair<std::string, lina::Array>> cases;
        cases.emplace_back("random", values(dt, n, 0.0005, rng));
        {
          lina::Array v = values(dt, n, 0.0, rng).astype(lina::float64);
          double* d = v.data<double>();
          for (std::int64_t i = 0; i < n; ++i) d[i] = std::fmod(std::abs(d[i]), 50.0);
          for (const std::int64_t at : {n / 3 + 17, n / 2 + 5, n - 3}) d[at] = 99.0;   // ties: the first wins
          for (const std::int64_t at : {n / 4 + 1, n / 2 + 9, n - 8}) d[at] = 0.0;     // argmin: 0, first wins
          cases.emplace_back("ties", dt == lina::bool_ ? lina::not_equal(v, 0.0) : v.astype(dt));
        }
        if (floating) {
          lina::Array v = lina::negative(lina::abs(values(lina::float64, n, 0.0, rng))) - 1.0;
          double* d = v.data<double>();
          d[n / 3] = -0.0;
          d[n / 3 + 40000] = 0.0;
          d[n - 2] = -0.0;
          cases.emplace_back("zeros", v.astype(dt));
          lina::Array w = values(lina::float64, n, 0.0, rng);
          w.data<double>()[n - 100] = std::nan("");
          w.data<double>()[n - 50] = std::nan("");
          cases.emplace_back("late NaN", w.astype(dt));
        }
        for (const auto& [name, x] : cases) {
          const std::int64_t want_max = arg_reference(x, true), want_min = arg_reference(x, false);
          for (int threads : {1, 2}) {
            lina::set_num_threads(threads);
            const std::string what = target + lina::dtype_name(dt) + " n=" + std::to_string(n) + " " + name +
                                     " threads " + std::to_string(threads);
            EXPECT_EQ(lina::argmax(x).item<std::int64_t>(), want_max) << what << " argmax";
            EXPECT_EQ(lina::argmin(x).item<std::int64_t>(), want_min) << what << " argmin";
          }
        }
      }
    }
  });
  lina::set_num_threads(saved);
}

}  // namespace
