// What the elementwise drivers (elementwise.cpp, fused.cpp) check and copy before their
// loops run (ops/operands.hpp).
#include "ops/operands.hpp"

#include <cstdlib>

namespace lina::detail {

bool can_cast_same_kind(DType from, DType to) {
  if (from == to || from == DType::Bool) return true;
  if (to == DType::Bool) return false;
  if (is_floating(from)) return is_floating(to);
  if (from == DType::UInt8) return true;
  return to != DType::UInt8;  // signed integers: not into unsigned
}

bool same_view(const Array& a, const Array& b) {
  return a.storage() == b.storage() && a.offset() == b.offset() && a.shape() == b.shape() &&
         a.strides() == b.strides() && a.dtype() == b.dtype();
}

// An input that shares memory with the output but is not the very same view would be
// overwritten while it is read (a += a.T): work on a copy of it instead.
Array unalias(const Array& input, const Array& out) {
  if (input.shares_memory_with(out) && !same_view(input, out) && input.size() > 0) return input.copy();
  return input;
}

// NOTE: [Transposed inputs copied first]
// An input of the output's shape whose last axis (the output's contiguous one) steps by
// a cache line or more while another axis steps by less (a.T + a, exp(a.T) into a C-order
// output) reads each element from a new line, and for power-of-two row lengths those
// lines evict each other before the next run needs their neighbours. Copying such an
// input to C order first (the tiled transpose copy, NOTE: [Tiled transpose copy]) and
// running the contiguous kernels on the copy is faster at every size measured, one
// thread, float32 a.T + a: 16 x 16 1.7x, 64 x 64 3.4x, 256 x 256 4.4x, 2048 x 2048
// 0.13 -> 2.0 Gelem/s (NumPy 0.13). Cutting the loop plan's inner dimension into cache-
// line blocks instead was also tried: 0.4 Gelem/s at 2048, and slower than the plain
// loop at 128. The copy costs memory the size of that input.
constexpr std::int64_t kCopyFirstBytes = 1024;

namespace {

bool reads_across_rows(const Array& input, const Array& target) {
  if (input.ndim() < 2 || input.shape() != target.shape() || input.nbytes() < kCopyFirstBytes ||
      !target.is_contiguous() || input.is_contiguous())
    return false;
  int last = input.ndim() - 1;
  while (last >= 0 && input.shape()[last] == 1) --last;
  if (last <= 0) return false;
  const std::int64_t along_last = std::llabs(input.strides()[last]);
  if (along_last < 64) return false;
  for (int d = 0; d < last; ++d) {
    const std::int64_t s = std::llabs(input.strides()[d]);
    if (input.shape()[d] > 1 && s != 0 && s < along_last) return true;
  }
  return false;
}

}  // namespace

Array in_output_order(const Array& input, const Array& target) {
  return reads_across_rows(input, target) ? input.copy() : input;
}

}  // namespace lina::detail
