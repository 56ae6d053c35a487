// Casting copies (astype, assign across dtypes): the vectorised contiguous casts
// (src/kernels/cast_contiguous.cpp) against the scalar loop on every compiled SIMD
// target, and the copies that route to the tiled casting transpose (NOTE: [Tiled
// casting transpose]) against an element-by-element walk of the source view converted
// with convert<D> (cast_convert.hpp): every dtype pair, values at every conversion edge
// (NaN payloads, inf, -0.0, the integer range limits, int64 past 2^53), shapes around
// the square and tile edges, negative steps, sliced sources, unaligned starts, N-D
// permutations, one thread against two; a few against NumPy itself.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "core/loop_plan.hpp"
#include "kernels/cast_contiguous.hpp"
#include "kernels/cast_convert.hpp"
#include "kernels/elementwise_tiled_copy.hpp"
#include "lina/lina.hpp"
#include "simd_targets.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::DType;
using lina::none;
using lina::slice;

const std::vector<DType> kAllDtypes = {DType::Bool,    DType::UInt8, DType::Int32,
                                       DType::Float32, DType::Int64, DType::Float64};

struct ThreadsRestore {
  int saved = lina::get_num_threads();
  ~ThreadsRestore() { lina::set_num_threads(saved); }
};

// "" when equal, else where the first difference is (gtest would print both buffers).
template <class T>
std::string first_difference(const std::vector<T>& got, const std::vector<T>& want) {
  if (got == want) return "";
  if (got.size() != want.size()) return "sizes " + std::to_string(got.size()) + " and " + std::to_string(want.size());
  std::size_t i = 0;
  while (got[i] == want[i]) ++i;
  return "first difference at element " + std::to_string(i) + " of " + std::to_string(got.size());
}

std::string pair_name(DType dst, DType src) {
  return std::string(lina::dtype_name(src)) + " -> " + lina::dtype_name(dst);
}

// One random element of type T, drawn to hit every conversion edge: random bit
// patterns (NaN payloads, huge and tiny magnitudes), the specials, values around the
// int32/int64 range limits and 2^53, and ordinary small values with fractions.
template <class T>
T edge_value(std::mt19937_64& rng) {
  const std::uint64_t bits = rng();
  const int kind = static_cast<int>(rng() % 8);
  if constexpr (std::is_same_v<T, bool>) {
    return (bits & 1) != 0;
  } else if constexpr (std::is_floating_point_v<T>) {
    static const double specials[] = {0.0,
                                      -0.0,
                                      std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity(),
                                      std::numeric_limits<double>::quiet_NaN(),
                                      -std::numeric_limits<double>::quiet_NaN(),
                                      2147483648.0,
                                      -2147483648.0,
                                      2147483647.0,
                                      -2147483649.0,
                                      2147483520.0,
                                      9223372036854775808.0,
                                      -9223372036854775808.0,
                                      9223372036854774784.0,
                                      -9223373136366403584.0,
                                      3.4028234663852886e38,
                                      3.5e38,
                                      1.401298464324817e-45,
                                      4.9406564584124654e-324,
                                      0.5,
                                      -0.99999,
                                      255.9,
                                      256.0,
                                      -1.5};
    if (kind == 0) {
      T v;
      std::memcpy(&v, &bits, sizeof(T));  // any bit pattern, NaN payloads included
      return v;
    }
    if (kind == 1) return static_cast<T>(specials[bits % std::size(specials)]);
    std::uniform_real_distribution<double> small(-300.0, 300.0), mid(-3e9, 3e9), big(-2e19, 2e19);
    if (kind == 2) return static_cast<T>(mid(rng));
    if (kind == 3) return static_cast<T>(big(rng));
    return static_cast<T>(small(rng));
  } else {
    if (kind == 0 || std::is_same_v<T, std::uint8_t>) return static_cast<T>(bits);
    if constexpr (std::is_same_v<T, std::int64_t>) {
      if (kind == 1) return static_cast<T>((std::int64_t{1} << 53) + static_cast<std::int64_t>(bits % 7) - 3);
      if (kind == 2) return static_cast<T>(-(std::int64_t{1} << 53) + static_cast<std::int64_t>(bits % 7) - 3);
      if (kind == 3) return static_cast<T>(bits >> (bits % 64));  // every magnitude
    }
    if (kind == 1) return std::numeric_limits<T>::min();
    if (kind == 2) return std::numeric_limits<T>::max();
    return static_cast<T>(static_cast<std::int64_t>(bits % 2001) - 1000);
  }
}

void fill_edges(std::mt19937_64& rng, DType t, char* p, std::int64_t n) {
  lina::visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    for (std::int64_t i = 0; i < n; ++i) {
      const T v = edge_value<T>(rng);
      std::memcpy(p + i * static_cast<std::int64_t>(sizeof(T)), &v, sizeof(T));
    }
  });
}

lina::Array random_edges(std::mt19937_64& rng, const lina::Shape& shape, DType t) {
  lina::Array a = lina::empty(shape, t);
  fill_edges(rng, t, static_cast<char*>(a.raw_data()), a.size());
  return a;
}

// ---------------------------------------------------------------- contiguous kernels

// The pair's kernel and the scalar loop from the same source into destinations with
// the same background: the whole destination buffers must be equal (so writes past
// the run are caught too).
void check_run(std::mt19937_64& rng, DType dst, DType src, std::int64_t n, std::int64_t offset,
               const std::string& target) {
  const auto ds = static_cast<std::int64_t>(lina::itemsize(dst)), ss = static_cast<std::int64_t>(lina::itemsize(src));
  std::vector<std::uint64_t> in(static_cast<std::size_t>((n + offset) * ss / 8 + 2));
  std::vector<std::uint64_t> got(static_cast<std::size_t>((n + offset) * ds / 8 + 3)), want;
  char* s = reinterpret_cast<char*>(in.data()) + offset * ss;
  fill_edges(rng, src, s, n);
  for (std::size_t i = 0; i < got.size(); ++i) got[i] = 0x5a5a5a5a5a5a5a5aULL * (i + 1);
  want = got;
  lina::kernels::cast_run_fn(dst, src)(s, reinterpret_cast<char*>(got.data()) + offset * ds, n);
  lina::kernels::cast_run_scalar_fn(dst, src)(s, reinterpret_cast<char*>(want.data()) + offset * ds, n);
  ASSERT_EQ(first_difference(got, want), "")
      << pair_name(dst, src) << " n " << n << " offset " << offset << " on " << target;
}

TEST(CastRun, VectorisedMatchesScalarOnEveryTarget) {
  std::mt19937_64 rng(3);
  int vectorised = 0;
  for (DType dst : kAllDtypes)
    for (DType src : kAllDtypes) vectorised += lina::kernels::cast_run_is_vectorised(dst, src);
  // float32<->float64, int32/int64 -> floats, bytes -> floats, float -> int32/int64 at least.
  ASSERT_GE(vectorised, 15);
  lina_test::for_each_simd_target([&](const std::string& name) {
    for (DType dst : kAllDtypes)
      for (DType src : kAllDtypes) {
        for (std::int64_t n = 0; n <= 70; ++n) check_run(rng, dst, src, n, n % 3, name);
        for (std::int64_t n : {127, 128, 129, 1000, 4099}) check_run(rng, dst, src, n, n % 2, name);
      }
  });
}

// The value classes the float -> int kernels special-case, one by one (a random draw
// could miss one on a short run).
TEST(CastRun, FloatToIntEdgesGiveTheIntegerMinimumAsNumPyOnX86) {
  const std::vector<double> values = {std::nan(""), INFINITY, -INFINITY, 2147483648.0, -2147483649.0,
                                      9.3e18,       -9.3e18,  2147483647.9, -2147483648.9, -0.0, 1e-300};
  lina_test::for_each_simd_target([&](const std::string& name) {
    std::vector<double> src(64);
    for (std::size_t i = 0; i < src.size(); ++i) src[i] = values[i % values.size()];
    std::vector<std::int32_t> i32(src.size());
    std::vector<std::int64_t> i64(src.size());
    lina::kernels::cast_run_fn(DType::Int32, DType::Float64)(reinterpret_cast<const char*>(src.data()),
                                                             reinterpret_cast<char*>(i32.data()), 64);
    lina::kernels::cast_run_fn(DType::Int64, DType::Float64)(reinterpret_cast<const char*>(src.data()),
                                                             reinterpret_cast<char*>(i64.data()), 64);
    for (std::size_t i = 0; i < src.size(); ++i) {
      const double x = src[i];
      const bool in32 = x >= -2147483648.0 && x < 2147483648.0;
      const bool in64 = x >= -9223372036854775808.0 && x < 9223372036854775808.0;
      EXPECT_EQ(i32[i], in32 ? static_cast<std::int32_t>(x) : std::numeric_limits<std::int32_t>::min())
          << x << " on " << name;
      EXPECT_EQ(i64[i], in64 ? static_cast<std::int64_t>(x) : std::numeric_limits<std::int64_t>::min())
          << x << " on " << name;
    }
  });
}

// ---------------------------------------------------------------- copies of views

// The C-order elements of any view converted to `dst` one by one with convert<D>.
std::vector<char> walk_converted(const lina::Array& v, DType dst) {
  const auto ds = static_cast<std::int64_t>(lina::itemsize(dst));
  std::vector<char> out(static_cast<std::size_t>(v.size() * ds));
  if (v.size() == 0) return out;
  std::vector<std::int64_t> idx(static_cast<std::size_t>(v.ndim()), 0);
  const char* base = static_cast<const char*>(v.raw_data());
  lina::visit_dtype(dst, [&](auto dtag) {
    using D = decltype(dtag);
    lina::visit_dtype(v.dtype(), [&](auto stag) {
      using S = decltype(stag);
      for (std::int64_t n = 0; n < v.size(); ++n) {
        std::int64_t off = 0;
        for (int d = 0; d < v.ndim(); ++d)
          off += idx[static_cast<std::size_t>(d)] * v.strides()[static_cast<std::size_t>(d)];
        S s;
        std::memcpy(&s, base + off, sizeof(S));
        const D r = lina::kernels::convert<D>(s);
        std::memcpy(out.data() + n * ds, &r, sizeof(D));
        for (int d = v.ndim() - 1; d >= 0; --d) {
          const auto ud = static_cast<std::size_t>(d);
          if (++idx[ud] < v.shape()[ud]) break;
          idx[ud] = 0;
        }
      }
    });
  });
  return out;
}

// The C-order bytes of a view of any layout (same dtype).
std::vector<char> walk_bytes(const lina::Array& v) { return walk_converted(v, v.dtype()); }

std::vector<char> bytes_of(const lina::Array& contiguous) {
  const char* p = static_cast<const char*>(contiguous.raw_data());
  return std::vector<char>(p, p + contiguous.nbytes());
}

// astype of the view, and assign() of it into a fresh array of `dst`, into a slice of
// a larger one (an unaligned start, padded rows) and into a transposed view, all give
// the walked, converted elements.
void check_casts(const lina::Array& view, DType dst, const std::string& what) {
  const std::vector<char> want = walk_converted(view, dst);
  const std::string w = what + " " + pair_name(dst, view.dtype());
  ASSERT_EQ(first_difference(bytes_of(view.astype(dst)), want), "") << w << " astype";
  lina::Array into = lina::empty(view.shape(), dst);
  into.assign(view);
  ASSERT_EQ(first_difference(bytes_of(into), want), "") << w << " assign";
  if (view.ndim() == 2) {
    const std::int64_t r = view.shape()[0], c = view.shape()[1];
    lina::Array big = lina::zeros({r + 1, c + 3}, dst);
    lina::Array window = big(slice(1, none), slice(1, c + 1));
    window.assign(view);
    ASSERT_EQ(first_difference(walk_bytes(window), want), "") << w << " assign into a slice";
    lina::Array t_out = lina::empty({c, r}, dst);
    t_out.T().assign(view);
    ASSERT_EQ(first_difference(walk_bytes(t_out.T()), want), "") << w << " assign into a transposed view";
  }
}

TEST(CastCopy, TransposedViewsMatchElementByElementForEveryPair) {
  std::mt19937_64 rng(11);
  const std::vector<std::pair<std::int64_t, std::int64_t>> shapes = {
      {0, 9},   {9, 0},   {1, 70},   {70, 1},    {8, 8},     {9, 17},
      {31, 64}, {64, 65}, {70, 70}, {127, 129}, {128, 131}, {37, 131}};
  for (DType src : kAllDtypes)
    for (DType dst : kAllDtypes)
      for (const auto& [r, c] : shapes) {
        const lina::Array m = random_edges(rng, {r, c}, src);
        const std::string what = "(" + std::to_string(r) + "," + std::to_string(c) + ")";
        check_casts(m.T(), dst, what + ".T");
        check_casts(m(slice(none, none, -1)).T(), dst, what + "[::-1].T");
        check_casts(m(slice(none), slice(none, none, -1)).T(), dst, what + "[:, ::-1].T");
        check_casts(m(slice(2, none), slice(1, none)).T(), dst, what + "[2:, 1:].T");
        check_casts(m(slice(none), slice(1, none, 3)).T(), dst, what + "[:, 1::3].T");
        check_casts(m(slice(none, none, -3), slice(none, none, -2)).T(), dst, what + "[::-3, ::-2].T");
        check_casts(m, dst, what + " contiguous");
        check_casts(m(slice(none), slice(1, none)), dst, what + "[:, 1:]");
      }
}

TEST(CastCopy, RandomShapesUpTo70MatchElementByElement) {
  std::mt19937_64 rng(17);
  for (DType src : kAllDtypes)
    for (DType dst : kAllDtypes)
      for (int i = 0; i < 12; ++i) {
        const std::int64_t r = 1 + static_cast<std::int64_t>(rng() % 70), c = 1 + static_cast<std::int64_t>(rng() % 70);
        const lina::Array m = random_edges(rng, {r, c}, src);
        check_casts(m.T(), dst, "(" + std::to_string(r) + "," + std::to_string(c) + ").T");
      }
}

TEST(CastCopy, PermutationsOfThreeAxesMatchElementByElement) {
  std::mt19937_64 rng(19);
  const std::vector<std::vector<int>> perms = {{0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
  for (DType src : kAllDtypes)
    for (DType dst : kAllDtypes)
      for (const lina::Shape& shape : std::vector<lina::Shape>{{3, 17, 33}, {2, 64, 70}, {5, 9, 130}, {4, 0, 9}})
        for (const auto& axes : perms) {
          const lina::Array a = random_edges(rng, shape, src);
          const std::string what = lina::shape_str(shape) + " axes " + std::to_string(axes[0]) +
                                   std::to_string(axes[1]) + std::to_string(axes[2]);
          check_casts(lina::transpose(a, axes), dst, what);
          check_casts(lina::transpose(a(slice(none), slice(none, none, -1)), axes), dst, what + " of [:, ::-1]");
        }
}

// The casting transposes above must have gone through the tiles: the plan of a
// float32 -> float64 transpose has the pattern with unequal element sizes.
TEST(CastCopy, CastingTransposeHasTheTilePattern) {
  const lina::Array m = lina::zeros({64, 96}, lina::float32);
  lina::Array out = lina::empty({96, 64}, lina::float64);
  const lina::Array mt = m.T();
  const lina::Array* ops[2] = {&out, &mt};
  const auto plan = lina::detail::make_loop_plan(out.shape(), std::span<const lina::Array* const>(ops, 2));
  lina::kernels::TransposeLayout layout;
  ASSERT_TRUE(lina::kernels::find_transpose_layout(plan, 8, 4, layout));
  EXPECT_EQ(layout.rows, 64);
  EXPECT_EQ(layout.cols, 96);
  EXPECT_EQ(layout.src_col_stride, 4);
  EXPECT_EQ(layout.dst_row_stride, 64 * 8);
}

TEST(CastCopy, TiledCastsOnEverySimdTarget) {
  std::mt19937_64 rng(23);
  lina_test::for_each_simd_target([&](const std::string& name) {
    for (DType src : kAllDtypes)
      for (DType dst : kAllDtypes) {
        const lina::Array m = random_edges(rng, {67, 133}, src);
        check_casts(m.T(), dst, "(67,133).T on " + name);
        check_casts(m(slice(none, none, -1), slice(1, none)).T(), dst, "(67,133)[::-1, 1:].T on " + name);
      }
  });
}

TEST(CastCopy, SameBitsOnOneAndTwoThreads) {
  ThreadsRestore restore;
  std::mt19937_64 rng(29);
  const std::vector<std::pair<DType, DType>> pairs = {{DType::Float64, DType::Float32},
                                                      {DType::Float32, DType::Float64},
                                                      {DType::Float32, DType::Int64},   {DType::Int32, DType::Float64},
                                                      {DType::Float32, DType::UInt8},   {DType::UInt8, DType::Float32}};
  for (const auto& [dst, src] : pairs) {
    const lina::Array m = random_edges(rng, {515, 777}, src);
    const lina::Array a3 = random_edges(rng, {3, 130, 341}, src);
    const std::vector<lina::Array> views = {m.T(), m(slice(none, none, -1), slice(1, none)).T(),
                                            m(slice(none), slice(none, none, 3)).T(), m,
                                            lina::transpose(a3, {0, 2, 1}), lina::transpose(a3, {2, 1, 0})};
    for (std::size_t i = 0; i < views.size(); ++i) {
      const std::vector<char> want = walk_converted(views[i], dst);
      for (int threads : {1, 2}) {
        lina::set_num_threads(threads);
        ASSERT_EQ(first_difference(bytes_of(views[i].astype(dst)), want), "")
            << pair_name(dst, src) << " view " << i << " on " << threads << " threads";
      }
    }
  }
}

// NumPy itself on the edge values: a.T.astype(t) for every pair, through .npy files.
TEST(CastCopy, TransposedAstypeMatchesNumPy) {
  lina_test::TempDir dir;
  std::mt19937_64 rng(31);
  std::string script;
  std::vector<std::pair<DType, DType>> pairs;
  for (DType src : kAllDtypes) {
    const std::string s = lina::dtype_name(src);
    const lina::Array m = random_edges(rng, {40, 70}, src);
    lina::save_npy(dir.file("src_" + s + ".npy"), m);
    for (DType dst : kAllDtypes) {
      // NumPy warns on NaN/inf to int casts (invalid value): the values are the spec.
      const std::string d = lina::dtype_name(dst);
      script += "with np.errstate(all='ignore'):\n    np.save('out_" + s + "_" + d +
                ".npy', np.ascontiguousarray(np.load('src_" +
                s + ".npy').T.astype(np." + (d == "bool" ? std::string("bool_") : d) + ")))\n";
      pairs.push_back({dst, src});
    }
  }
  lina_test::run_numpy(script, dir);
  for (const auto& [dst, src] : pairs) {
    const std::string s = lina::dtype_name(src), d = lina::dtype_name(dst);
    const lina::Array m = lina::load_npy(dir.file("src_" + s + ".npy"));
    const lina::Array want = lina::load_npy(dir.file("out_" + s + "_" + d + ".npy"));
    ASSERT_EQ(want.dtype(), dst);
    EXPECT_EQ(first_difference(bytes_of(m.T().astype(dst)), bytes_of(want)), "") << pair_name(dst, src);
  }
}

}  // namespace
