// The transposing copy: the Highway kernel (src/kernels/transpose_block.cpp) against its
// scalar reference on every compiled SIMD target, and the copies that route to it
// (NOTE: [Tiled transpose copy]) against an element-by-element walk of the source view:
// every dtype, shapes around every square and tile edge, negative steps, sliced
// sources, unaligned starts, N-D permutations, one thread against several.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "hwy/targets.h"
#include "kernels/transpose_block.hpp"
#include "lina/lina.hpp"

namespace {

using lina::none;
using lina::slice;

// Sizes around every square side (2, 4, 8, 16) and tile edge (128) the kernel has.
const std::vector<std::int64_t> kEdgeSizes = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 23, 31, 32, 33, 47, 63, 64, 65, 70};

struct TargetMock {  // restores Highway's own target choice when the test ends
  ~TargetMock() { hwy::SetSupportedTargetsForTest(0); }
};

// Runs the kernel and the reference on the same random source into destinations
// filled with the same background, and compares the whole destination buffers (so
// writes outside the block are caught too).
void check_block(std::mt19937& rng, std::size_t itemsize, std::int64_t rows, std::int64_t cols,
                 std::int64_t src_pad, std::int64_t dst_pad, std::int64_t offset, bool flip_src,
                 const std::string& what, std::int64_t col_step = 1) {
  const auto size = static_cast<std::int64_t>(itemsize);
  const std::int64_t sc = col_step * size, ss = (cols * col_step + src_pad) * size, ds = (rows + dst_pad) * size;
  std::vector<char> src(static_cast<std::size_t>((rows + 1) * ss + offset * size + 64));
  std::vector<char> got(static_cast<std::size_t>((cols + 1) * ds + offset * size + 64)), want;
  for (char& b : src) b = static_cast<char>(rng());
  for (std::size_t i = 0; i < got.size(); ++i) got[i] = static_cast<char>(i * 37 + 11);
  want = got;
  // A source walked upwards (a negative row stride) starts at its last row.
  const char* s = src.data() + offset * size + (flip_src && rows > 0 ? (rows - 1) * ss : 0);
  const std::int64_t s_stride = flip_src ? -ss : ss;
  lina::kernels::transpose_block(itemsize, s, s_stride, sc, rows, cols, got.data() + offset * size, ds);
  lina::kernels::transpose_block_reference(itemsize, s, s_stride, sc, rows, cols, want.data() + offset * size, ds);
  ASSERT_EQ(got, want) << what << " itemsize " << itemsize << " rows " << rows << " cols " << cols << " src_pad "
                       << src_pad << " dst_pad " << dst_pad << " offset " << offset << " flip " << flip_src
                       << " col_step " << col_step;
}

TEST(TransposeBlock, MatchesReferenceOnEveryTarget) {
  TargetMock restore;
  std::mt19937 rng(5);
  const std::vector<std::int64_t> targets = hwy::SupportedAndGeneratedTargets();
  ASSERT_FALSE(targets.empty());
  for (std::int64_t target : targets) {
    hwy::SetSupportedTargetsForTest(target);
    const std::string name = hwy::TargetName(target);
    for (std::size_t itemsize : {1, 4, 8}) {
      for (std::int64_t rows : kEdgeSizes)
        for (std::int64_t cols : kEdgeSizes) check_block(rng, itemsize, rows, cols, 0, 0, 0, false, name);
      // Past the 128-element cache tiles, with padded rows, unaligned starts and a
      // source walked upwards.
      for (std::int64_t rows : {127, 128, 129, 200, 257})
        for (std::int64_t cols : {1, 17, 128, 131, 300}) {
          check_block(rng, itemsize, rows, cols, 0, 0, 0, false, name);
          check_block(rng, itemsize, rows, cols, 3, 5, 1, true, name);
        }
      for (std::int64_t offset : {1, 2, 3, 7})
        for (std::int64_t pad : {1, 2, 13}) check_block(rng, itemsize, 37, 41, pad, pad + 1, offset, offset % 2, name);
      // Sources without unit column stride (sliced with a step): the element-by-element tiles.
      for (std::int64_t col_step : {2, 3})
        for (std::int64_t rows : {1, 9, 129, 200})
          for (std::int64_t cols : {1, 17, 131}) check_block(rng, itemsize, rows, cols, 1, 2, 1, rows % 2, name, col_step);
    }
  }
}

// The C-order bytes of any view, read element by element through its strides.
std::vector<char> walk_bytes(const lina::Array& v) {
  const std::int64_t size = v.itemsize();
  std::vector<char> out(static_cast<std::size_t>(v.nbytes()));
  if (v.size() == 0) return out;
  std::vector<std::int64_t> idx(static_cast<std::size_t>(v.ndim()), 0);
  const char* base = static_cast<const char*>(v.raw_data());
  for (std::int64_t n = 0; n < v.size(); ++n) {
    std::int64_t off = 0;
    for (int d = 0; d < v.ndim(); ++d) off += idx[static_cast<std::size_t>(d)] * v.strides()[static_cast<std::size_t>(d)];
    std::memcpy(out.data() + n * size, base + off, static_cast<std::size_t>(size));
    for (int d = v.ndim() - 1; d >= 0; --d) {
      const auto ud = static_cast<std::size_t>(d);
      if (++idx[ud] < v.shape()[ud]) break;
      idx[ud] = 0;
    }
  }
  return out;
}

std::vector<char> bytes_of(const lina::Array& contiguous) {
  const char* p = static_cast<const char*>(contiguous.raw_data());
  return std::vector<char>(p, p + contiguous.nbytes());
}

// Every value bit pattern a dtype can hold (NaN payloads and -0.0 included for floats,
// every bool byte NumPy produces): random bytes, with bools kept to 0/1.
lina::Array random_bits(std::mt19937& rng, const lina::Shape& shape, lina::DType t) {
  lina::Array a = lina::empty(shape, t);
  char* p = static_cast<char*>(a.raw_data());
  for (std::int64_t i = 0; i < a.nbytes(); ++i) p[i] = static_cast<char>(t == lina::DType::Bool ? rng() & 1 : rng());
  return a;
}

const std::vector<lina::DType> kAllDtypes = {lina::DType::Bool,    lina::DType::UInt8,   lina::DType::Int32,
                                             lina::DType::Float32, lina::DType::Int64, lina::DType::Float64};

// copy() of the view and assign() of it into a fresh array and into a slice of a
// larger one (an unaligned start, padded rows) all give the walked bytes.
void check_copies(const lina::Array& view, const std::string& what) {
  const std::vector<char> want = walk_bytes(view);
  ASSERT_EQ(bytes_of(view.copy()), want) << what << " copy";
  ASSERT_EQ(bytes_of(view.contiguous()), want) << what << " contiguous";
  lina::Array into = lina::empty(view.shape(), view.dtype());
  into.assign(view);
  ASSERT_EQ(bytes_of(into), want) << what << " assign";
  if (view.ndim() == 2) {
    const std::int64_t r = view.shape()[0], c = view.shape()[1];
    lina::Array big = lina::zeros({r + 1, c + 3}, view.dtype());
    lina::Array window = big(slice(1, none), slice(1, c + 1));
    window.assign(view);
    ASSERT_EQ(walk_bytes(window), want) << what << " assign into a slice";
    // Destinations that are themselves transposed or reversed views.
    lina::Array t_out = lina::empty({c, r}, view.dtype());
    t_out.T().assign(view);
    ASSERT_EQ(walk_bytes(t_out.T()), want) << what << " assign into a transposed view";
    lina::Array reversed = big(slice(none, 0, -1), slice(c, 0, -1));
    reversed.assign(view);
    ASSERT_EQ(walk_bytes(reversed), want) << what << " assign into a reversed view";
  }
}

TEST(TransposeCopy, TwoDimensionalViewsMatchElementByElement) {
  std::mt19937 rng(7);
  for (lina::DType t : kAllDtypes)
    for (std::int64_t r : {0, 1, 7, 8, 9, 16, 17, 31, 64, 65, 70, 129, 257})
      for (std::int64_t c : {1, 8, 13, 16, 33, 70, 131}) {
        const lina::Array m = random_bits(rng, {r, c}, t);
        const std::string what = std::string(lina::dtype_name(t)) + " (" + std::to_string(r) + "," + std::to_string(c) + ")";
        check_copies(m.T(), what + ".T");
        check_copies(m(slice(none, none, -1)).T(), what + "[::-1].T");
        check_copies(m(slice(none), slice(none, none, -1)).T(), what + "[:, ::-1].T");
        check_copies(m(slice(none, none, -1), slice(none, none, -1)).T(), what + "[::-1, ::-1].T");
        check_copies(m(slice(1, none, 2)).T(), what + "[1::2].T");
        check_copies(m(slice(none), slice(1, none, 3)).T(), what + "[:, 1::3].T");
        check_copies(m(slice(2, none), slice(3, none)).T(), what + "[2:, 3:].T");
        check_copies(m(slice(none), slice(none, none, 2)).T(), what + "[:, ::2].T");
        check_copies(m(slice(none, none, -3), slice(none, none, -2)).T(), what + "[::-3, ::-2].T");
      }
}

TEST(TransposeCopy, PermutationsOfThreeAxesMatchElementByElement) {
  std::mt19937 rng(9);
  const std::vector<std::vector<int>> perms = {{0, 2, 1}, {2, 1, 0}, {1, 0, 2}, {2, 0, 1}, {1, 2, 0}};
  for (lina::DType t : kAllDtypes)
    for (const lina::Shape& shape : std::vector<lina::Shape>{{3, 17, 33}, {2, 64, 70}, {5, 9, 130}, {19, 1, 23}, {4, 0, 9}})
      for (const auto& axes : perms) {
        const lina::Array a = random_bits(rng, shape, t);
        const std::string what = std::string(lina::dtype_name(t)) + " " + lina::shape_str(shape) + " axes " +
                                 std::to_string(axes[0]) + std::to_string(axes[1]) + std::to_string(axes[2]);
        check_copies(lina::transpose(a, axes), what);
        check_copies(lina::transpose(a(slice(none), slice(none, none, -1)), axes), what + " of [:, ::-1]");
      }
}

TEST(TransposeCopy, SameBitsOnOneAndSeveralThreads) {
  struct Restore {
    int saved = lina::get_num_threads();
    ~Restore() { lina::set_num_threads(saved); }
  } restore;
  std::mt19937 rng(13);
  for (lina::DType t : {lina::DType::UInt8, lina::DType::Float32, lina::DType::Float64}) {
    const lina::Array m = random_bits(rng, {515, 777}, t);
    const lina::Array a3 = random_bits(rng, {6, 130, 141}, t);
    const std::vector<std::function<lina::Array()>> copies = {
        [&] { return m.T().copy(); },
        [&] { return m(slice(none, none, -1), slice(1, none)).T().copy(); },
        [&] { return m(slice(none), slice(none, none, 3)).T().copy(); },
        [&] { return lina::transpose(a3, {0, 2, 1}).copy(); },
        [&] { return lina::transpose(a3, {2, 1, 0}).copy(); },
    };
    for (std::size_t i = 0; i < copies.size(); ++i) {
      lina::set_num_threads(1);
      const std::vector<char> one = bytes_of(copies[i]());
      for (int threads : {2, 3}) {
        lina::set_num_threads(threads);
        ASSERT_EQ(bytes_of(copies[i]()), one) << lina::dtype_name(t) << " copy " << i << " on " << threads << " threads";
      }
    }
  }
}

}  // namespace
