#include "core/loop_plan.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "kernels/elementwise_tiled_copy.hpp"

namespace lina::detail {

std::int64_t LoopPlan::outer_size() const {
  std::int64_t n = 1;
  for (std::size_t d = 1; d < shape.size(); ++d) n *= shape[d];
  return n;
}

std::array<std::int64_t, kMaxOperands> LoopPlan::inner_strides() const {
  if (shape.empty()) return {};
  return strides[0];
}

Strides broadcast_strides(const Array& a, const Shape& shape) {
  const int nd = static_cast<int>(shape.size());
  const int off = nd - a.ndim();
  Strides st(nd, 0);
  for (int d = 0; d < a.ndim(); ++d)
    st[off + d] = (a.shape()[d] == 1 && shape[off + d] != 1) ? 0 : a.strides()[d];
  return st;
}

LoopPlan make_loop_plan(const Shape& shape, std::span<char* const> base,
                        std::span<const Strides* const> strides) {
  LoopPlan plan;
  plan.nops = static_cast<int>(base.size());
  for (int k = 0; k < plan.nops; ++k) plan.base[k] = base[k];
  for (auto s : shape)
    if (s == 0) {
      plan.empty = true;
      return plan;
    }
  // 1. Keep the dimensions that move, innermost (last) first.
  struct Dim {
    std::int64_t size;
    std::array<std::int64_t, kMaxOperands> st;
  };
  std::vector<Dim> dims;
  for (int d = static_cast<int>(shape.size()) - 1; d >= 0; --d) {
    if (shape[d] == 1) continue;
    Dim dim{shape[d], {}};
    for (int k = 0; k < plan.nops; ++k) dim.st[k] = (*strides[k])[d];
    dims.push_back(dim);
  }
  // 2. Order by stride: a stable insertion sort in which the first operand that moves
  //    along both dimensions decides (stride 0 compares equal to anything).
  auto should_swap = [&](const Dim& inner, const Dim& outer) {
    for (int k = 0; k < plan.nops; ++k) {
      const std::int64_t a = std::llabs(inner.st[k]), b = std::llabs(outer.st[k]);
      if (a == 0 || b == 0) continue;
      if (a == b) continue;
      return a > b;
    }
    return false;
  };
  for (std::size_t i = 1; i < dims.size(); ++i)
    for (std::size_t j = i; j > 0 && should_swap(dims[j - 1], dims[j]); --j)
      std::swap(dims[j - 1], dims[j]);
  // 3. Coalesce dimension j into the running inner one when every operand steps
  //    through them as one: size[i] * stride[i] == stride[j].
  std::vector<Dim> merged;
  for (const Dim& d : dims) {
    if (!merged.empty()) {
      Dim& m = merged.back();
      bool ok = true;
      for (int k = 0; k < plan.nops && ok; ++k) ok = m.size * m.st[k] == d.st[k];
      if (ok) {
        m.size *= d.size;
        continue;
      }
    }
    merged.push_back(d);
  }
  for (const Dim& d : merged) {
    plan.shape.push_back(d.size);
    plan.strides.push_back(d.st);
  }
  return plan;
}

LoopPlan make_loop_plan(const Shape& shape, std::span<const Array* const> operands) {
  std::array<char*, kMaxOperands> base{};
  std::vector<Strides> st(operands.size());
  std::array<const Strides*, kMaxOperands> stp{};
  for (std::size_t k = 0; k < operands.size(); ++k) {
    base[k] = static_cast<char*>(const_cast<void*>(operands[k]->raw_data()));
    st[k] = broadcast_strides(*operands[k], shape);
    stp[k] = &st[k];
  }
  LoopPlan plan = make_loop_plan(shape, std::span<char* const>(base.data(), operands.size()),
                                 std::span<const Strides* const>(stp.data(), operands.size()));
  if (!operands.empty()) plan.out_itemsize = static_cast<std::int64_t>(operands[0]->itemsize());
  return plan;
}

namespace {

// Converts one element. Float to integer is defined for every input: NaN and values
// outside the target's range give the target's minimum (what x86's cvttsd2si gives
// NumPy); to uint8 goes through int64 and wraps, as NumPy does.
template <class D, class S>
inline D convert(S v) {
  if constexpr (std::is_same_v<D, S>) {
    return v;
  } else if constexpr (std::is_same_v<D, bool>) {
    return v != S(0);
  } else if constexpr (std::is_floating_point_v<S> && std::is_integral_v<D>) {
    using Wide = std::conditional_t<std::is_same_v<D, std::uint8_t>, std::int64_t, D>;
    constexpr double lo = static_cast<double>(std::numeric_limits<Wide>::min());
    constexpr double hi = -lo;  // 2^63 or 2^31: first value out of range
    const double x = static_cast<double>(v);
    if (!(x >= lo && x < hi)) return static_cast<D>(std::numeric_limits<Wide>::min());
    return static_cast<D>(static_cast<Wide>(x));
  } else {
    return static_cast<D>(v);
  }
}

template <class D, class S>
void cast_run(char* const* p, const std::int64_t* st, std::int64_t n) {
  char* d = p[0];
  const char* s = p[1];
  if (st[0] == sizeof(D) && st[1] == sizeof(S)) {
    D* dd = reinterpret_cast<D*>(d);
    const S* ss = reinterpret_cast<const S*>(s);
    if constexpr (std::is_same_v<D, S>) {
      std::memcpy(dd, ss, static_cast<std::size_t>(n) * sizeof(D));
    } else {
      for (std::int64_t i = 0; i < n; ++i) dd[i] = convert<D>(ss[i]);
    }
    return;
  }
  if (st[1] == 0) {
    const D v = convert<D>(*reinterpret_cast<const S*>(s));
    for (std::int64_t i = 0; i < n; ++i) *reinterpret_cast<D*>(d + i * st[0]) = v;
    return;
  }
  for (std::int64_t i = 0; i < n; ++i)
    *reinterpret_cast<D*>(d + i * st[0]) = convert<D>(*reinterpret_cast<const S*>(s + i * st[1]));
}

}  // namespace

void copy_cast(const Array& src, Array& dst) {
  const Array* ops[2] = {&dst, &src};
  const LoopPlan plan = make_loop_plan(dst.shape(), std::span<const Array* const>(ops, 2));
  // Transposes of the same dtype: NOTE: [Tiled transpose copy].
  if (dst.dtype() == src.dtype() && kernels::tiled_transpose_copy(plan, dst.itemsize())) return;
  visit_dtype(dst.dtype(), [&](auto dt) {
    using D = decltype(dt);
    visit_dtype(src.dtype(), [&](auto stag) {
      using S = decltype(stag);
      parallel_for_each_inner(plan, [](char* const* p, const std::int64_t* st, std::int64_t n) {
        cast_run<D, S>(p, st, n);
      });
    });
  });
}

}  // namespace lina::detail
