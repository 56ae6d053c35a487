// The reduction driver: every reduction becomes "initialise the output, then fold the
// input into it through the loop plan" (see kernels/reduce_loops.hpp).
#include "lina/ops/reduction.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/loop_plan.hpp"
#include "kernels/elementwise_functors.hpp"
#include "kernels/reduce_loops.hpp"
#include "kernels/reduce_parallel.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/shape_ops.hpp"
#include "ops/variance.hpp"

namespace lina {

namespace {

namespace k = kernels;

struct Plan {
  std::vector<int> axes;  // normalised reduced axes
  Shape keep_shape;       // input shape with reduced axes set to 1
  Shape out_shape;        // the result's shape (keepdims or not)
  std::int64_t count = 1; // elements folded into each output
};

Plan plan_for(const Array& a, const Axes& axis, bool keepdims, const char* op) {
  Plan p;
  p.axes = axis.normalize(a.ndim(), op);
  p.keep_shape = a.shape();
  for (int d : p.axes) {
    p.count *= a.shape()[d];
    p.keep_shape[d] = 1;
  }
  for (int d = 0; d < a.ndim(); ++d) {
    const bool reduced = std::find(p.axes.begin(), p.axes.end(), d) != p.axes.end();
    if (!reduced) p.out_shape.push_back(a.shape()[d]);
    else if (keepdims) p.out_shape.push_back(1);
  }
  return p;
}

// Folds `in` (already in the accumulator dtype) into `acc` (shape keep_shape,
// initialised) with Op, on lina's threads when it is big enough (NOTE: [Threaded
// reductions] in kernels/reduce_parallel.hpp).
template <class Op, bool kPairwiseFloats>
void fold(const Array& in, Array& acc) {
  const Array* ops[2] = {&acc, &in};
  const auto plan = detail::make_loop_plan(in.shape(), std::span<const Array* const>(ops, 2));
  visit_dtype(in.dtype(), [&](auto t) {
    using T = decltype(t);
    if constexpr (kPairwiseFloats && std::is_floating_point_v<T>)
      k::parallel_reduce<Op, T, true>(plan);
    else
      k::parallel_reduce<Op, T, false>(plan);
  });
}

Array finish(const Array& acc, const Plan& p) { return acc.reshape(p.out_shape); }

DType sum_dtype(DType t) {
  return (t == DType::Bool || t == DType::UInt8 || t == DType::Int32) ? DType::Int64 : t;
}

template <class Op>
Array fold_with_identity(const char* op, const Array& a, const Axes& axis, bool keepdims, DType acc_t, Scalar identity) {
  const Plan p = plan_for(a, axis, keepdims, op);
  const Array in = a.dtype() == acc_t ? a : a.astype(acc_t);
  Array acc = full(p.keep_shape, identity, acc_t);
  fold<Op, std::is_same_v<Op, k::Add>>(in, acc);  // pairwise summation is for sums only
  return finish(acc, p);
}

template <class Op>
Array extremum(const char* op, const char* numpy_name, const Array& a, const Axes& axis, bool keepdims) {
  const Plan p = plan_for(a, axis, keepdims, op);
  if (p.count == 0)  // NumPy raises even when the result would be empty, as for (3,0,0) over axis 2
    throw ValueError(std::string(op) + ": zero-size array to reduction operation " + numpy_name +
                     " which has no identity (shape " + shape_str(a.shape()) + "); reduce over non-empty axes");
  // Start from the first element along the reduced axes.
  std::vector<Index> first;
  for (int d = 0; d < a.ndim(); ++d)
    first.push_back(std::find(p.axes.begin(), p.axes.end(), d) != p.axes.end() ? Index(slice(0, 1)) : Index(colon));
  Array acc = a.index(first).copy();
  fold<Op, false>(a, acc);
  return finish(acc, p);
}

// argmax/argmin down the columns of src, C-order with the reduced axis first (n rows),
// in place (kernels/reduce_extremum.cpp, ArgExtremumColumns), into o; false, writing
// nothing, for the element types without that kernel.
template <bool kMax>
bool arg_extremum_columns(const Array& src, std::int64_t n, std::int64_t* o) {
  bool done = false;
  visit_dtype(src.dtype(), [&](auto t) {
    using T = decltype(t);
    if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, std::int32_t> ||
                  std::is_same_v<T, std::int64_t>) {
      const T* first = static_cast<const T*>(src.raw_data());
      const std::int64_t width = src.size() / n;
      std::vector<T> best(first, first + width);
      std::vector<k::ColumnIndex<T>> index(static_cast<std::size_t>(width), 0);
      k::simd_arg_extremum_columns(kMax, first, n, width, width, best.data(), index.data());
      for (std::int64_t j = 0; j < width; ++j) o[j] = index[static_cast<std::size_t>(j)];
      done = true;
    }
  });
  return done;
}

// argmax/argmin of each contiguous row of `rows` (count x n) into o, by NumPy's rule (the
// first NaN wins, otherwise the first index of the extreme): the extreme by the vector
// kernel and then its first position, or the kernel's scalar loop where the extreme
// kernel has no answer (a NaN, a zero extreme; NOTE: [Vectorised max and min]). All the
// rows go to one kernel call per chunk, the chunks split across threads: each output
// depends on its own row only, so the split cannot change a result.
template <bool kMax>
void arg_extremum_rows(const Array& rows, std::int64_t n, std::int64_t* o) {
  visit_dtype(rows.dtype(), [&](auto t) {
    using K = k::KernelElementType<decltype(t)>;
    static_assert(!std::is_void_v<K>, "every dtype has the argmax kernel (bool as its bytes)");
    const K* base = static_cast<const K*>(rows.raw_data());
    const std::int64_t count = rows.shape()[0];
    const bool parallel = count * n >= detail::kParallelGrain && detail::can_run_parallel();
    if (count == 1 && parallel && get_num_threads() > 1) {
      // One long run: each thread takes the argmax of a piece, and the pieces' answers
      // are combined in order by the same rule (the first NaN, else the first strictly
      // beyond the best), which gives the one-thread answer.
      const int threads = get_num_threads();
      const std::int64_t pieces = std::int64_t{threads} * detail::kChunksPerThread;
      std::vector<std::int64_t> at(static_cast<std::size_t>(pieces));
      // Pieces start at multiples of 64 elements: on cache-line bounds for every dtype.
      auto bound = [&](std::int64_t c) { return c == pieces ? n : n * c / pieces / 64 * 64; };
      detail::parallel_for(pieces, threads, [&](std::int64_t c) {
        const std::int64_t lo = bound(c), hi = bound(c + 1);
        std::int64_t local = -1;
        if (hi > lo) k::simd_arg_extremum_of_rows(kMax, base + lo, hi - lo, 1, hi - lo, &local);
        at[static_cast<std::size_t>(c)] = local < 0 ? -1 : lo + local;
      });
      std::int64_t best = -1;
      for (const std::int64_t i : at) {
        if (i < 0) continue;
        const K v = base[i];
        if constexpr (std::is_floating_point_v<K>) {
          if (v != v) {
            best = i;
            break;
          }
        }
        if (best < 0 || (kMax ? v > base[best] : v < base[best])) best = i;
      }
      *o = best;
      return;
    }
    const int threads = count >= 2 && parallel ? get_num_threads() : 1;
    const std::int64_t chunks =
        threads > 1 ? std::min<std::int64_t>(count, std::int64_t{threads} * detail::kChunksPerThread) : 1;
    detail::parallel_for(chunks, threads, [&](std::int64_t c) {
      const std::int64_t lo = count * c / chunks, hi = count * (c + 1) / chunks;
      k::simd_arg_extremum_of_rows(kMax, base + lo * n, n, hi - lo, n, o + lo);
    });
  });
}

template <bool kMax>
Array arg_extremum(const char* op, const Array& a, std::optional<int> axis, bool keepdims) {
  const Array src = axis ? a : ravel(a);
  if (src.ndim() == 0) return zeros({}, DType::Int64);
  const int ax = normalize_axis(axis.value_or(0), src.ndim(), op);
  const std::int64_t n = src.shape()[ax];
  Shape out_shape = src.shape();
  out_shape.erase(out_shape.begin() + ax);
  if (n == 0)
    throw ValueError(std::string("attempt to get ") + op + " of an empty sequence (shape " + shape_str(a.shape()) + ")");
  Array out({src.size() / n}, DType::Int64);
  std::int64_t* o = out.data<std::int64_t>();
  // Axis 0 of a C-order array goes down its columns in place; every other case reduces
  // the rows of the array with the axis moved last (copied unless already C order).
  const bool columns = ax == 0 && src.ndim() >= 2 && src.is_contiguous() &&
                       n <= std::numeric_limits<std::int32_t>::max() && arg_extremum_columns<kMax>(src, n, o);
  if (!columns) arg_extremum_rows<kMax>(moveaxis(src, ax, -1).contiguous().reshape({-1, n}), n, o);
  Array result = out.reshape(out_shape);
  if (keepdims) {
    if (axis) return expand_dims(result, ax);
    return result.reshape(Shape(a.ndim(), 1));
  }
  return result;
}

// sum(square(x - m), axes, keepdims=True) without the temporaries (NOTE: [Fused squared
// deviations] in kernels/reduce_simd.cpp), the same bits, where x is a C-contiguous
// float array reduced along its trailing axes (each output sums one contiguous run) or
// along axis 0 of a matrix (the rows fold into a row of outputs), m its mean with
// keepdims. Any other case returns nothing, and var spells the operations out.
std::optional<Array> sum_of_squared_deviations(const Array& x, const Plan& p, const Array& m) {
  const int nd = x.ndim();
  bool trailing = !p.axes.empty();
  const int reduced = static_cast<int>(p.axes.size());
  for (int i = 0; i < reduced; ++i) trailing &= p.axes[static_cast<std::size_t>(i)] == nd - reduced + i;
  // Axis 0 of an (r, 1) matrix is one contiguous run, which the sum adds pairwise.
  const bool columns = nd == 2 && p.axes.size() == 1 && p.axes[0] == 0 && x.shape()[1] > 1;
  trailing |= nd == 2 && p.axes.size() == 1 && p.axes[0] == 0 && x.shape()[1] == 1;
  if (!is_floating(x.dtype()) || !x.is_contiguous() || x.size() == 0 || p.count == 0 || !(trailing || columns) ||
      m.dtype() != x.dtype() || !m.is_contiguous())
    return std::nullopt;
  Array out = zeros(p.keep_shape, x.dtype());
  const int threads = x.size() >= detail::kParallelGrain && detail::can_run_parallel() ? get_num_threads() : 1;
  visit_dtype(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      const T* xs = x.data<T>();
      const T* ms = m.data<T>();
      T* os = out.data<T>();
      if (columns) {  // out[j] = sum over rows r of (x[r, j] - m[j])^2, rows in order
        const std::int64_t rows = x.shape()[0], n = x.shape()[1];
        const std::int64_t chunks =
            threads > 1 && n >= 32 * threads ? std::int64_t{threads} * detail::kChunksPerThread : 1;
        detail::parallel_for(chunks, threads, [&](std::int64_t c) {
          // cache-line-aligned column ranges: no false sharing of the outputs
          const std::int64_t lo = n * c / chunks / 16 * 16, hi = c + 1 == chunks ? n : n * (c + 1) / chunks / 16 * 16;
          if (hi > lo) k::simd_add_squared_deviation_rows_into(os + lo, xs + lo, ms + lo, hi - lo, rows, n);
        });
        return;
      }
      // Each output is the pairwise sum of one contiguous run of p.count elements (it
      // starts from +0, and +0 + s is s for these sums of squares).
      const std::int64_t runs = x.size() / p.count, n = p.count;
      if (runs >= 2 * threads || threads == 1) {
        const std::int64_t chunks = std::min<std::int64_t>(runs, std::int64_t{threads} * detail::kChunksPerThread);
        detail::parallel_for(chunks, threads, [&](std::int64_t c) {
          for (std::int64_t r = runs * c / chunks; r < runs * (c + 1) / chunks; ++r)
            os[r] = k::simd_pairwise_sum_squared_deviations(xs + r * n, n, ms[r]);
        });
        return;
      }
      // Few long runs: each split where pairwise summation splits it (NOTE: [Threaded
      // reductions], case 2), so the result is the one-thread sum's.
      for (std::int64_t r = 0; r < runs; ++r) {
        std::vector<std::pair<std::int64_t, std::int64_t>> pieces;
        k::pairwise_pieces(0, n, threads, pieces);
        std::vector<T> sums(pieces.size());
        detail::parallel_for(static_cast<std::int64_t>(pieces.size()), threads, [&](std::int64_t i) {
          sums[static_cast<std::size_t>(i)] =
              k::simd_pairwise_sum_squared_deviations(xs + r * n + pieces[i].first, pieces[i].second, ms[r]);
        });
        std::size_t next = 0;
        os[r] = k::pairwise_combine<T>(n, threads, sums, next);
      }
    }
  });
  return out;
}

}  // namespace

namespace {

// An int64 sum over every axis of a C-contiguous bool, uint8, int32 or int64 array,
// widened in registers instead of through an int64 copy (NOTE: [Integer sums without a
// widened copy] in kernels/reduce_integer_sum.cpp), pieces split across threads; nothing
// for any other sum.
std::optional<Array> integer_sum_of_everything(const Array& a, const Axes& axis, bool keepdims, DType acc_t) {
  const DType t = a.dtype();
  if (acc_t != DType::Int64 || !(t == DType::Bool || t == DType::UInt8 || t == DType::Int32 || t == DType::Int64))
    return std::nullopt;
  const Plan p = plan_for(a, axis, keepdims, "sum");
  if (static_cast<int>(p.axes.size()) != a.ndim() || !a.is_contiguous()) return std::nullopt;
  const std::int64_t n = a.size();
  const int threads = n >= detail::kParallelGrain && detail::can_run_parallel() ? get_num_threads() : 1;
  const std::int64_t pieces = threads > 1 ? std::int64_t{threads} * detail::kChunksPerThread : 1;
  std::vector<std::int64_t> partial(static_cast<std::size_t>(pieces), 0);
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, std::uint8_t> || std::is_same_v<T, std::int32_t> ||
                  std::is_same_v<T, std::int64_t>) {
      using K = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;
      const K* x = static_cast<const K*>(a.raw_data());
      detail::parallel_for(pieces, threads, [&](std::int64_t c) {
        const std::int64_t lo = n * c / pieces, hi = n * (c + 1) / pieces;
        partial[static_cast<std::size_t>(c)] = k::simd_integer_sum(x + lo, hi - lo);
      });
    }
  });
  std::uint64_t total = 0;  // modulo 2^64, as the int64 sum wraps
  for (const std::int64_t s : partial) total += static_cast<std::uint64_t>(s);
  return full(p.out_shape, static_cast<std::int64_t>(total), DType::Int64);
}

}  // namespace

Array sum(const Array& a, const Axes& axis, bool keepdims, std::optional<DType> dtype) {
  const DType acc_t = dtype.value_or(sum_dtype(a.dtype()));
  if (auto r = integer_sum_of_everything(a, axis, keepdims, acc_t)) return *r;
  return fold_with_identity<k::Add>("sum", a, axis, keepdims, acc_t, 0);
}

Array prod(const Array& a, const Axes& axis, bool keepdims, std::optional<DType> dtype) {
  return fold_with_identity<k::Multiply>("prod", a, axis, keepdims, dtype.value_or(sum_dtype(a.dtype())), 1);
}

Array mean(const Array& a, const Axes& axis, bool keepdims, std::optional<DType> dtype) {
  const DType t = dtype.value_or(is_floating(a.dtype()) ? a.dtype() : DType::Float64);
  const Plan p = plan_for(a, axis, keepdims, "mean");
  const Array s = sum(a, axis, keepdims, is_floating(t) ? t : DType::Float64);
  Array m = divide(s, static_cast<double>(p.count));
  return m.dtype() == t ? m : m.astype(t);
}

Array max(const Array& a, const Axes& axis, bool keepdims) {
  return extremum<k::Maximum>("max", "maximum", a, axis, keepdims);
}

Array min(const Array& a, const Axes& axis, bool keepdims) {
  return extremum<k::Minimum>("min", "minimum", a, axis, keepdims);
}

namespace {

// any/all over the trailing axes of a C-contiguous array (every axis, or the last few):
// each output is decided by the first deciding element of its own contiguous run, found
// with an early exit (NOTE: [any and all with an early exit] in
// kernels/reduce_any_all.cpp), the runs split across threads; nothing for any other
// reduction.
std::optional<Array> any_all_of_trailing_axes(const char* op, const Array& a, const Axes& axis, bool keepdims,
                                              bool is_any) {
  const Plan p = plan_for(a, axis, keepdims, op);
  std::vector<int> axes(p.axes.begin(), p.axes.end());
  std::sort(axes.begin(), axes.end());
  const int nd = a.ndim(), reduced = static_cast<int>(axes.size());
  bool trailing = a.is_contiguous();
  for (int i = 0; i < reduced; ++i) trailing &= axes[static_cast<std::size_t>(i)] == nd - reduced + i;
  if (!trailing) return std::nullopt;
  std::int64_t runs = 1;
  for (int d = 0; d < nd - reduced; ++d) runs *= a.shape()[d];
  const std::int64_t n = p.count;
  Array out({runs}, DType::Bool);
  bool* o = out.data<bool>();
  visit_dtype(a.dtype(), [&](auto t) {
    using K = k::KernelElementType<decltype(t)>;
    static_assert(!std::is_void_v<K>, "every dtype has the any/all kernel (bool as its bytes)");
    const K* x = static_cast<const K*>(a.raw_data());
    const int threads =
        runs >= 2 && runs * n >= detail::kParallelGrain && detail::can_run_parallel() ? get_num_threads() : 1;
    const std::int64_t chunks =
        threads > 1 ? std::min<std::int64_t>(runs, std::int64_t{threads} * detail::kChunksPerThread) : 1;
    detail::parallel_for(chunks, threads, [&](std::int64_t c) {
      for (std::int64_t r = runs * c / chunks; r < runs * (c + 1) / chunks; ++r) {
        const bool found = k::simd_find_first_truth(x + r * n, n, is_any) < n;
        o[r] = is_any ? found : !found;
      }
    });
  });
  return out.reshape(p.out_shape);
}

}  // namespace

Array all(const Array& a, const Axes& axis, bool keepdims) {
  if (auto r = any_all_of_trailing_axes("all", a, axis, keepdims, false)) return *r;
  return fold_with_identity<k::LogicalAnd>("all", a, axis, keepdims, DType::Bool, true);
}

Array any(const Array& a, const Axes& axis, bool keepdims) {
  if (auto r = any_all_of_trailing_axes("any", a, axis, keepdims, true)) return *r;
  return fold_with_identity<k::LogicalOr>("any", a, axis, keepdims, DType::Bool, false);
}

Array var(const Array& a, const Axes& axis, int ddof, bool keepdims) {
  return detail::var_about_mean(a, mean(a, axis, true), axis, ddof, keepdims);
}

Array detail::var_about_mean(const Array& a, const Array& m, const Axes& axis, int ddof, bool keepdims) {
  const Plan p = plan_for(a, axis, keepdims, "var");
  const Array x = is_floating(a.dtype()) ? a : a.astype(DType::Float64);
  std::optional<Array> fused = sum_of_squared_deviations(x, p, m);
  if (!fused) {  // NumPy's operations as written
    const Array d = subtract(x, m);
    fused = sum(multiply(d, d), axis, true);
  }
  const Array s = fused->reshape(p.out_shape);
  const double denom = static_cast<double>(p.count - ddof);
  return divide(s, denom > 0 ? denom : 0.0);
}

Array stddev(const Array& a, const Axes& axis, int ddof, bool keepdims) {
  return sqrt(var(a, axis, ddof, keepdims));
}

Array argmax(const Array& a, std::optional<int> axis, bool keepdims) {
  return arg_extremum<true>("argmax", a, axis, keepdims);
}

Array argmin(const Array& a, std::optional<int> axis, bool keepdims) {
  return arg_extremum<false>("argmin", a, axis, keepdims);
}

}  // namespace lina
