// Outputs of at least kStreamingBytes are written with streaming stores (NOTE:
// [Streaming stores], NOTE: [Vectorised arithmetic]). Each operation on a large array
// must equal, bit for bit, the same operation done in slices small enough for plain
// stores: new arrays and out=, outputs not aligned to a vector, in place (a += b),
// broadcast operands, float32 and float64, on 1 and 2 threads and every SIMD target.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "core/loop_plan.hpp"
#include "lina/lina.hpp"
#include "simd_targets.hpp"

namespace {

using Op = std::function<lina::Array&(const lina::Array& a, const lina::Array& b, lina::Array& out)>;

// `op` over the whole of a and b into out, against `op` over slices of 1024 rows (below the threshold for float64 too).
void check(const std::string& what, const Op& op, const lina::Array& a, const lina::Array& b, lina::Array& out) {
  ASSERT_GE(out.size() * static_cast<std::int64_t>(out.itemsize()), lina::detail::kStreamingBytes) << what;
  const std::int64_t rows = out.shape()[0];
  lina::Array want = lina::empty(out.shape(), out.dtype());
  for (std::int64_t lo = 0; lo < rows; lo += 1024) {
    const auto s = lina::slice(lo, std::min(rows, lo + 1024));
    lina::Array part = want(s);
    const lina::Array as = a.shape()[0] == rows ? a(s) : a;
    const lina::Array bs = b.ndim() > 0 && b.shape()[0] == rows ? b(s) : b;
    op(as, bs, part);
  }
  op(a, b, out);
  ASSERT_TRUE(lina::array_equal(out, want)) << what;
}

TEST(StreamingStores, LargeOutputsEqualSlicedPlainStores) {
  lina::Generator g(4);
  const int saved = lina::get_num_threads();
  const std::vector<std::pair<std::string, Op>> binary = {
      {"add", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::add(a, b, o); }},
      {"subtract", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::subtract(a, b, o); }},
      {"multiply", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::multiply(a, b, o); }},
      {"divide", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::divide(a, b, o); }},
      {"add_relu", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::add_relu(a, b, o); }},
      {"multiply_add", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::multiply_add(a, b, a, o); }},
      {"multiply_add, b as c", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::multiply_add(a, a, b, o); }},
      {"standardize", [](auto& a, auto& b, auto& o) -> lina::Array& { return lina::standardize(a, b, b, o); }},
      {"exp", [](auto& a, auto&, auto& o) -> lina::Array& { return lina::exp(a, o); }},
      {"tanh", [](auto& a, auto&, auto& o) -> lina::Array& { return lina::tanh(a, o); }},
  };
  struct Operands {
    lina::Array a, b, row, column, scalar, buffer;
  };
  const std::int64_t cols = 1000, rows = (lina::detail::kStreamingBytes / 4 + 4096) / cols;  // >= 16 MiB float32
  std::vector<std::pair<lina::DType, Operands>> operands;
  for (lina::DType t : {lina::float32, lina::float64})
    operands.push_back({t, Operands{g.uniform(-3, 3, {rows, cols}, t), g.uniform(-3, 3, {rows, cols}, t),
                                    g.uniform(-3, 3, {cols}, t), g.uniform(-3, 3, {rows, 1}, t),
                                    g.uniform(-3, 3, {}, t), lina::empty({rows * cols + 1}, t)}});
  auto run_all = [&](const std::string& target, int threads) {
    lina::set_num_threads(threads);
    for (auto& [t, o] : operands) {
      // An output one element past a vector boundary, inside a larger buffer.
      lina::Array shifted = o.buffer(lina::slice(1, lina::none)).reshape({rows, cols});
      lina::Array out = lina::empty({rows, cols}, t);
      for (const auto& [name, op] : binary) {
        const std::string where = target + name + " " + lina::dtype_name(t) + " threads " + std::to_string(threads);
        check(where, op, o.a, o.b, out);
        check(where + " (unaligned out)", op, o.a, o.b, shifted);
        check(where + " + row", op, o.a, o.row, out);
        check(where + " + column", op, o.a, o.column, out);
        check(where + " + 0-d", op, o.a, o.scalar, out);
      }
      // In place: a += b through add(a, b, a), against slices.
      lina::Array in_place = o.a.copy();
      lina::add(in_place, o.b, in_place);
      lina::Array want = lina::empty({rows, cols}, t);
      for (std::int64_t lo = 0; lo < rows; lo += 1024) {
        const auto s = lina::slice(lo, std::min(rows, lo + 1024));
        lina::Array part = want(s);
        lina::add(o.a(s), o.b(s), part);
      }
      ASSERT_TRUE(lina::array_equal(in_place, want)) << target << "a += b " << lina::dtype_name(t);
      // A new array (the operator form) too.
      ASSERT_TRUE(lina::array_equal(o.a + o.b, want)) << target << "a + b " << lina::dtype_name(t);
    }
  };
  // Every target on one thread, the dispatched one on two.
  lina_test::for_each_simd_target([&](const std::string& target) { run_all(target, 1); });
  run_all("[dispatched] ", 2);
  lina::set_num_threads(saved);
}

}  // namespace
