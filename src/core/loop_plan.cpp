#include "core/loop_plan.hpp"

#include <cstdlib>
#include <string>

#include "kernels/cast_contiguous.hpp"
#include "kernels/cast_convert.hpp"
#include "kernels/cast_transpose.hpp"
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

Shape out_iteration_shape(const char* op, const Shape& out, const Shape& shape) {
  if (out == shape) return shape;
  bool ok = out.size() >= shape.size();
  for (std::size_t i = 1; ok && i <= shape.size(); ++i) {
    const std::int64_t s = shape[shape.size() - i], o = out[out.size() - i];
    ok = s == o || s == 1;
  }
  if (!ok)
    throw ShapeError(std::string(op) + ": output array has shape " + shape_str_compact(out) +
                     " but the operands broadcast to shape " + shape_str_compact(shape) +
                     "; the output must have that shape, or one that it broadcasts to");
  return out;
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

// A run of the loop plan: contiguous runs take the pair's (vectorised) contiguous
// cast, the others convert element by element.
template <class D, class S>
void cast_run(kernels::CastRunFn contiguous, char* const* p, const std::int64_t* st, std::int64_t n) {
  char* d = p[0];
  const char* s = p[1];
  if (st[0] == sizeof(D) && st[1] == sizeof(S)) {
    contiguous(s, d, n);
    return;
  }
  if (st[1] == 0) {
    const D v = kernels::convert<D>(*reinterpret_cast<const S*>(s));
    for (std::int64_t i = 0; i < n; ++i) *reinterpret_cast<D*>(d + i * st[0]) = v;
    return;
  }
  for (std::int64_t i = 0; i < n; ++i)
    *reinterpret_cast<D*>(d + i * st[0]) = kernels::convert<D>(*reinterpret_cast<const S*>(s + i * st[1]));
}

}  // namespace

void copy_cast(const Array& src, Array& dst) {
  const Array* ops[2] = {&dst, &src};
  const LoopPlan plan = make_loop_plan(dst.shape(), std::span<const Array* const>(ops, 2));
  // Transposes: NOTE: [Tiled transpose copy], NOTE: [Tiled casting transpose].
  if (dst.dtype() == src.dtype() ? kernels::tiled_transpose_copy(plan, dst.itemsize())
                                 : kernels::tiled_transpose_cast(plan, dst.dtype(), src.dtype()))
    return;
  const kernels::CastRunFn contiguous = kernels::cast_run_fn(dst.dtype(), src.dtype());
  visit_dtype(dst.dtype(), [&](auto dt) {
    using D = decltype(dt);
    visit_dtype(src.dtype(), [&](auto stag) {
      using S = decltype(stag);
      parallel_for_each_inner(plan, [contiguous](char* const* p, const std::int64_t* st, std::int64_t n) {
        cast_run<D, S>(contiguous, p, st, n);
      });
    });
  });
}

}  // namespace lina::detail
