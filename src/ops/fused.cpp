// Fused operations (include/lina/ops/fused.hpp): multiply_add, add_relu and standardize
// run their composed functors through the loop plan in one pass; softmax and log_softmax walk
// each row (or, along a non-last axis, each slab of rows) once for the maximum and once
// to exponentiate and sum, with the vectorised exp of kernels/elementwise_math.cpp.
#include "lina/ops/fused.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/loop_plan.hpp"
#include "kernels/elementwise_fused.hpp"
#include "kernels/elementwise_loops.hpp"
#include "kernels/reduce_loops.hpp"
#include "kernels/stream_stores.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/reduction.hpp"
#include "ops/operands.hpp"
#include "ops/variance.hpp"

namespace lina {

namespace {

namespace k = kernels;

// The broadcast shape of the operands, checked against out= when there is one (the
// result dtype t must cast to out's by 'same_kind', and out must hold the shape): the
// shape to iterate. Errors name `op`.
template <std::size_t kArity>
Shape checked_shape(const char* op, const std::array<const Array*, kArity>& in, DType t, const Array* out) {
  std::vector<Shape> shapes;
  for (const Array* a : in) shapes.push_back(a->shape());
  Shape shape = broadcast_shapes(shapes, op);
  if (out) {
    if (!detail::can_cast_same_kind(t, out->dtype()))
      throw TypeError(std::string(op) + ": cannot cast the result from " + dtype_name(t) + " to the output's " +
                      dtype_name(out->dtype()) + " with casting rule 'same_kind'");
    shape = detail::out_iteration_shape(op, out->shape(), shape);
  }
  return shape;
}

// A three-operand expression over rows that share their second and third operands
// (x - mean) / std with a row of statistics, a * w + b with row vectors w and b: the
// kernel takes the rows two at a time (NOTE: [Rows sharing their operands] in
// kernels/elementwise_arith.cpp). False, having done nothing, for any other plan.
template <class Op, class T>
bool run_rows_sharing_operands(const detail::LoopPlan& plan) {
  constexpr auto item = static_cast<std::int64_t>(sizeof(T));
  if (plan.empty || plan.shape.size() != 2) return false;
  const auto& in_row = plan.strides[0];   // along a row
  const auto& by_row = plan.strides[1];   // from one row to the next
  const bool shared = in_row[0] == item && in_row[1] == item && (in_row[2] == item || in_row[2] == 0) &&
                      (in_row[3] == item || in_row[3] == 0) && (in_row[2] != 0 || in_row[3] != 0) &&
                      by_row[2] == 0 && by_row[3] == 0 && by_row[0] % item == 0 && by_row[1] % item == 0;
  const std::int64_t n = plan.shape[0], rows = plan.shape[1];
  if (!shared || n < k::kArithKernelMin || rows < 2) return false;
  const int kinds = (in_row[2] == 0 ? k::kScalarSecond : 0) | (in_row[3] == 0 ? k::kScalarThird : 0);
  const bool stream = detail::wants_streaming(plan);
  auto run = [&](std::int64_t lo, std::int64_t hi) {
    const k::StreamingScope scope(stream);
    k::simd_ternary_rows(k::ternary_code<Op>(), kinds, reinterpret_cast<const T*>(plan.base[1] + lo * by_row[1]),
                         by_row[1] / item, reinterpret_cast<const T*>(plan.base[2]),
                         reinterpret_cast<const T*>(plan.base[3]), reinterpret_cast<T*>(plan.base[0] + lo * by_row[0]),
                         by_row[0] / item, n, hi - lo);
  };
  const int nthreads = get_num_threads();
  if (nthreads > 1 && n * rows >= detail::kParallelGrain && detail::can_run_parallel()) {
    // Chunks of whole row pairs, at least half a grain each, as parallel_for_each_inner.
    const std::int64_t most = std::max<std::int64_t>(1, n * rows / (detail::kParallelGrain / 2));
    const std::int64_t chunks =
        std::min<std::int64_t>({(rows + 1) / 2, std::int64_t{nthreads} * detail::kChunksPerThread, most});
    detail::parallel_for(chunks, nthreads, [&](std::int64_t c) {
      const std::int64_t lo = rows * c / chunks / 2 * 2, hi = c + 1 == chunks ? rows : rows * (c + 1) / chunks / 2 * 2;
      if (hi > lo) run(lo, hi);
    });
  } else {
    run(0, rows);
  }
  return true;
}

// Runs functor Op over the operands (2 or 3 arrays), all cast to their promoted dtype,
// into a new array or `out`.
template <class Op, std::size_t kArity>
Array& run_fused(const char* op, const std::array<const Array*, kArity>& in, Array* out, Array& holder) {
  DType t = in[0]->dtype();
  for (std::size_t i = 1; i < kArity; ++i) t = promote_types(t, in[i]->dtype());
  const Shape shape = checked_shape(op, in, t, out);
  Array* target = out && out->dtype() == t ? out : &holder;
  if (target == &holder) holder = Array(shape, t);
  std::array<Array, kArity> v;
  for (std::size_t i = 0; i < kArity; ++i) {
    v[i] = in[i]->dtype() == t ? *in[i] : in[i]->astype(t);
    if (out) v[i] = detail::unalias(v[i], *out);
    v[i] = detail::in_output_order(v[i], *target);  // NOTE: [Transposed inputs copied first]
  }
  std::array<const Array*, kArity + 1> ops{target};
  for (std::size_t i = 0; i < kArity; ++i) ops[i + 1] = &v[i];
  const auto plan = detail::make_loop_plan(shape, std::span<const Array* const>(ops.data(), ops.size()));
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (kArity == 3) {
      if constexpr (std::is_floating_point_v<T>) {
        if (run_rows_sharing_operands<Op, T>(plan)) return;
      }
      if constexpr (!k::kFloatOnly<Op> || std::is_floating_point_v<T>)
        detail::parallel_for_each_inner(plan, k::ternary_loop<Op, T>);
    } else {
      detail::parallel_for_each_inner(plan, k::binary_loop<Op, T, T>);
    }
  });
  if (out && target != out) {
    detail::copy_cast(*target, *out);
    return *out;
  }
  return *target;
}

// --- softmax ------------------------------------------------------------------------

// One slab of the input viewed as (outer, n, inner), C-contiguous: rows of `inner`
// elements n apart. Computes softmax (or log_softmax) along n for columns [j0, j1).
template <class T, bool kLog>
void softmax_slab(const T* x, T* out, std::int64_t n, std::int64_t inner, std::int64_t j0, std::int64_t j1,
                  std::vector<T>& shift, std::vector<T>& sum) {
  if (inner == 1) {  // a contiguous row
    // With a NaN in the row, the sum below is NaN, and so is every output, whatever m is.
    const T m = k::simd_max_value(x, n);
    const T s = k::simd_exp_shifted_sum(x, m, out, n);
    if constexpr (kLog) {
      const T ls = std::log(s);
      for (std::int64_t i = 0; i < n; ++i) out[i] = (x[i] - m) - ls;
    } else if (n >= k::kArithKernelMin) {
      k::simd_arith(k::kDivideOp, k::kScalarB, out, &s, out, n);  // out[i] / s, in place
    } else {
      for (std::int64_t i = 0; i < n; ++i) out[i] /= s;
    }
    return;
  }
  const std::int64_t w = j1 - j0;
  shift.assign(x + j0, x + j1);
  sum.assign(w, T(0));
  T* m = shift.data();
  for (std::int64_t r = 1; r < n; ++r) {
    const T* row = x + r * inner + j0;
    for (std::int64_t j = 0; j < w; ++j) m[j] = row[j] > m[j] ? row[j] : m[j];
  }
  for (std::int64_t r = 0; r < n; ++r)
    k::simd_exp_sub_accumulate(x + r * inner + j0, m, out + r * inner + j0, sum.data(), w);
  if constexpr (kLog) {
    for (std::int64_t j = 0; j < w; ++j) sum[j] = std::log(sum[j]);
    for (std::int64_t r = 0; r < n; ++r) {
      const T* row = x + r * inner + j0;
      T* o = out + r * inner + j0;
      for (std::int64_t j = 0; j < w; ++j) o[j] = (row[j] - m[j]) - sum[j];
    }
  } else {
    for (std::int64_t r = 0; r < n; ++r) {
      T* o = out + r * inner + j0;
      for (std::int64_t j = 0; j < w; ++j) o[j] /= sum[j];
    }
  }
}

template <bool kLog>
Array softmax_impl(const char* op, const Array& x, int axis) {
  const int ax = normalize_axis(axis, x.ndim(), op);
  const DType t = is_floating(x.dtype()) ? x.dtype() : DType::Float64;
  const Array in = (x.dtype() == t ? x : x.astype(t)).contiguous();
  Array out(x.shape(), t);
  if (out.size() == 0) return out;
  std::int64_t outer = 1, inner = 1;
  for (int d = 0; d < ax; ++d) outer *= x.shape()[d];
  for (int d = ax + 1; d < x.ndim(); ++d) inner *= x.shape()[d];
  const std::int64_t n = x.shape()[ax];
  // Work items: whole slabs when there are enough of them, else column blocks of the
  // slabs (a softmax along axis 0 of a matrix splits its columns).
  int threads = 1;
  if (get_num_threads() > 1 && out.size() >= detail::kParallelGrain && detail::can_run_parallel())
    threads = get_num_threads();
  const std::int64_t col_blocks = (inner == 1 || outer >= threads) ? 1 : std::min<std::int64_t>(threads, inner / 16);
  const std::int64_t items = outer * std::max<std::int64_t>(col_blocks, 1);
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      const T* xs = in.data<T>();
      T* os = out.data<T>();
      auto work = [&](std::int64_t lo, std::int64_t hi) {
        std::vector<T> shift, sum;
        for (std::int64_t it = lo; it < hi; ++it) {
          const std::int64_t o = it / std::max<std::int64_t>(col_blocks, 1), b = it % std::max<std::int64_t>(col_blocks, 1);
          const std::int64_t cb = std::max<std::int64_t>(col_blocks, 1);
          const std::int64_t j0 = inner * b / cb / 16 * 16, j1 = b + 1 == cb ? inner : inner * (b + 1) / cb / 16 * 16;
          if (j1 > j0) softmax_slab<T, kLog>(xs + o * n * inner, os + o * n * inner, n, inner, j0, j1, shift, sum);
        }
      };
      if (threads > 1 && items > 1) {
        const std::int64_t chunks = std::min<std::int64_t>(items, std::int64_t{threads} * detail::kChunksPerThread);
        detail::parallel_for(chunks, threads, [&](std::int64_t c) { work(items * c / chunks, items * (c + 1) / chunks); });
        return;
      }
      work(0, items);
    }
  });
  return out;
}

// a * b + c. NumPy rounds (or wraps) the product in promote(a, b) and only then
// promotes it with c: float32 * float32 + float64 adds a float32 product, and uint8 *
// uint8 + int32 a product wrapped at 256. The fused loop computes in the expression's
// dtype, which is those semantics only when c does not widen the product; otherwise
// the expression is spelled out, two passes, NumPy's values.
Array& multiply_add_impl(const char* op, const Array& a, const Array& b, const Array& c, Array* out, Array& holder) {
  const DType product = promote_types(a.dtype(), b.dtype());
  const DType t = promote_types(product, c.dtype());
  if (t == product) return run_fused<k::MultiplyAdd, 3>(op, {&a, &b, &c}, out, holder);
  checked_shape<3>(op, {&a, &b, &c}, t, out);  // the errors name op, not multiply or add
  if (out) return add(multiply(a, b), c, *out);
  holder = add(multiply(a, b), c);
  return holder;
}

// (x - mean) / std. NumPy subtracts in P = promote(x, mean) and divides in P promoted
// with std (float64 when both are integers). The fused loop is that when P is a float
// type that std does not widen (float32 data with float32 statistics, anything with
// float64 ones); otherwise the expression is spelled out, two passes, NumPy's values.
Array& standardize_impl(const Array& x, const Array& mean, const Array& std, Array* out, Array& holder) {
  const char* op = "standardize";
  const DType p = promote_types(x.dtype(), mean.dtype());
  if (p == DType::Bool)
    throw TypeError(std::string(op) + ": x - mean of two bool arrays is numpy's boolean subtract, which is not "
                    "supported; convert x with astype() to a number dtype first");
  if (is_floating(p) && promote_types(p, std.dtype()) == p)
    return run_fused<k::SubtractDivide, 3>(op, {&x, &mean, &std}, out, holder);
  const DType t = is_floating(promote_types(p, std.dtype())) ? promote_types(p, std.dtype()) : DType::Float64;
  checked_shape<3>(op, {&x, &mean, &std}, t, out);  // the errors name standardize
  if (out) return divide(subtract(x, mean), std, *out);
  holder = divide(subtract(x, mean), std);
  return holder;
}

}  // namespace

Array standardize(const Array& x, const Array& mean, const Array& std) {
  Array holder;
  return standardize_impl(x, mean, std, nullptr, holder);
}
Array& standardize(const Array& x, const Array& mean, const Array& std, Array& out) {
  Array holder;
  return standardize_impl(x, mean, std, &out, holder);
}

Array zscore(const Array& x, const Axes& axis, int ddof) {
  const Array m = lina::mean(x, axis, true);
  return standardize(x, m, sqrt(detail::var_about_mean(x, m, axis, ddof, true)));  // stddev's value
}

Array multiply_add(const Array& a, const Array& b, const Array& c) {
  Array holder;
  return multiply_add_impl("multiply_add", a, b, c, nullptr, holder);
}
Array& multiply_add(const Array& a, const Array& b, const Array& c, Array& out) {
  Array holder;
  return multiply_add_impl("multiply_add", a, b, c, &out, holder);
}
Array fma(const Array& a, const Array& b, const Array& c) {
  Array holder;
  return multiply_add_impl("fma", a, b, c, nullptr, holder);
}
Array& fma(const Array& a, const Array& b, const Array& c, Array& out) {
  Array holder;
  return multiply_add_impl("fma", a, b, c, &out, holder);
}

Array add_relu(const Array& x, const Array& bias) {
  Array holder;
  return run_fused<k::AddRelu, 2>("add_relu", {&x, &bias}, nullptr, holder);
}
Array& add_relu(const Array& x, const Array& bias, Array& out) {
  Array holder;
  return run_fused<k::AddRelu, 2>("add_relu", {&x, &bias}, &out, holder);
}

Array softmax(const Array& x, int axis) { return softmax_impl<false>("softmax", x, axis); }
Array log_softmax(const Array& x, int axis) { return softmax_impl<true>("log_softmax", x, axis); }

}  // namespace lina
