// The GEMM's packing routines (NOTE: [Vector packing]) against their scalar references,
// bit for bit (packing only moves values), on every SIMD target: A and B row-major,
// column-major, strided both ways and with negative strides; row and column counts
// around the panel sizes and step counts around the vector widths; unaligned starts;
// and nothing written past the packed panels.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "kernels/gemm.hpp"
#include "kernels/gemm_pack.hpp"
#include "simd_targets.hpp"

namespace {

// One operand's view of a rows x cols block inside `buf`: element (i, j) at
// origin + i * rs + j * cs, with origin chosen so that every element is in the buffer.
struct Layout {
  const char* name;
  std::int64_t rs, cs, origin, size;
};

// Row-major, column-major, every other row and column, rows reversed, columns
// reversed (both still with one unit stride), and a column-major block read backwards;
// all one element past an aligned start.
std::vector<Layout> layouts(std::int64_t rows, std::int64_t cols) {
  const std::int64_t pad = 1;
  std::vector<Layout> out;
  out.push_back({"row-major", cols, 1, pad, pad + rows * cols});
  out.push_back({"column-major", 1, rows, pad, pad + rows * cols});
  out.push_back({"strided", 4 * cols, 2, pad, pad + 4 * rows * cols});
  out.push_back({"rows reversed", -cols, 1, pad + (rows - 1) * cols, pad + rows * cols});
  out.push_back({"columns reversed", cols, -1, pad + cols - 1, pad + rows * cols});
  out.push_back({"column-major reversed", 1, -rows, pad + (cols - 1) * rows, pad + rows * cols});
  return out;
}

// Distinct values, with -0.0 and a NaN among them so that a copy through arithmetic
// (or a float compare) would show.
template <class T>
std::vector<T> source(std::int64_t size, std::mt19937& rng) {
  std::uniform_int_distribution<int> u(-1000000, 1000000);
  std::vector<T> v(static_cast<std::size_t>(size));
  for (auto& x : v) x = static_cast<T>(u(rng)) / T(1024);
  if (size > 3) {
    v[2] = -T(0);
    v[3] = std::numeric_limits<T>::quiet_NaN();
  }
  return v;
}

constexpr std::int64_t kGuard = 70;  // elements after the packed panels that must stay untouched

// Packs with `fast` and with `reference` into guarded buffers; "" when every byte agrees.
template <class T, class Fast, class Ref>
std::string compare(std::int64_t count, Fast fast, Ref reference) {
  // The fast buffer starts one element past a 64-byte boundary half the time: pack
  // panels live at aligned addresses in the driver, but the contract does not need it.
  std::vector<T> got(static_cast<std::size_t>(count + kGuard + 16), T(7)), want = got;
  for (std::int64_t shift : {0, 1}) {
    std::fill(got.begin(), got.end(), T(7));
    std::fill(want.begin(), want.end(), T(7));
    fast(got.data() + shift);
    reference(want.data() + shift);
    if (std::memcmp(got.data(), want.data(), got.size() * sizeof(T)) != 0) {
      for (std::size_t i = 0; i < got.size(); ++i)
        if (std::memcmp(&got[i], &want[i], sizeof(T)) != 0)
          return "first difference at element " + std::to_string(static_cast<std::int64_t>(i) - shift) + " of " +
                 std::to_string(count) + " (shift " + std::to_string(shift) + "): " + std::to_string(got[i]) +
                 " vs reference " + std::to_string(want[i]);
    }
  }
  return "";
}

template <class T>
int check_pack_a(const std::string& target) {
  std::mt19937 rng(11);
  int cases = 0;
  for (int mr : {6, 4})
    for (std::int64_t mc : {1, 5, 6, 7, 12, 13, 120, 125})
      for (std::int64_t kc : {1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33, 256})
        for (const Layout& l : layouts(mc, kc)) {
          const auto buf = source<T>(l.size, rng);
          const T* a = buf.data() + l.origin;
          const std::int64_t count = (mc + mr - 1) / mr * mr * kc;
          EXPECT_EQ(compare<T>(
                        count, [&](T* d) { lina::kernels::pack_a(mc, kc, mr, a, l.rs, l.cs, d); },
                        [&](T* d) { lina::kernels::pack_a_reference(mc, kc, mr, a, l.rs, l.cs, d); }),
                    "")
              << target << "pack_a " << l.name << " mc=" << mc << " kc=" << kc << " mr=" << mr;
          ++cases;
        }
  return cases;
}

template <class T>
int check_pack_b(const std::string& target, int kernel_nr) {
  std::mt19937 rng(12);
  int cases = 0;
  // The micro-kernel's NR on this target, other multiples of the vector widths, and
  // one that is not (the scalar branch).
  for (int nr : {kernel_nr, 8, 16, 32, 12})
    for (std::int64_t nc : {std::int64_t{1}, std::int64_t{nr - 1}, std::int64_t{nr}, std::int64_t{nr + 1},
                            std::int64_t{3 * nr}, std::int64_t{2 * nr + 5}})
      for (std::int64_t kc : {1, 2, 3, 15, 16, 17, 64})
        for (const Layout& l : layouts(kc, nc)) {
          const auto buf = source<T>(l.size, rng);
          const T* b = buf.data() + l.origin;
          const std::int64_t count = (nc + nr - 1) / nr * nr * kc;
          EXPECT_EQ(compare<T>(
                        count, [&](T* d) { lina::kernels::pack_b(kc, nc, nr, b, l.rs, l.cs, d); },
                        [&](T* d) { lina::kernels::pack_b_reference(kc, nc, nr, b, l.rs, l.cs, d); }),
                    "")
              << target << "pack_b " << l.name << " kc=" << kc << " nc=" << nc << " nr=" << nr;
          ++cases;
        }
  return cases;
}

TEST(GemmPack, PackAMatchesTheReferenceBitForBitOnEveryTarget) {
  lina_test::for_each_simd_target([](const std::string& target) {
    EXPECT_EQ(check_pack_a<float>(target), 2 * 8 * 12 * 6);
    EXPECT_EQ(check_pack_a<double>(target), 2 * 8 * 12 * 6);
  });
}

TEST(GemmPack, PackBMatchesTheReferenceBitForBitOnEveryTarget) {
  lina_test::for_each_simd_target([](const std::string& target) {
    EXPECT_EQ(check_pack_b<float>(target, lina::kernels::gemm_nr_float()), 5 * 6 * 7 * 6);
    EXPECT_EQ(check_pack_b<double>(target, lina::kernels::gemm_nr_double()), 5 * 6 * 7 * 6);
  });
}

}  // namespace
