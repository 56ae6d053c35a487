// matmul and the dot family on top of kernels::gemm (float32, float64) and an exact
// loop for the other dtypes (wrapping integers, or-of-ands for bool).
#include "lina/ops/linalg.hpp"

#include <algorithm>
#include <string>

#include "core/loop_plan.hpp"
#include "kernels/elementwise_functors.hpp"
#include "kernels/gemm.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"
#include "ops/operands.hpp"


namespace lina {

namespace {

// A batch runs its products in parallel (one per thread at a time) when there are
// enough of them, or when each is below 128^3 multiply-adds: the MLP case, 1000 x 64 x 64
// products. Whole products per thread need no synchronisation inside a product, which
// the GEMM's own threads (from 64^3, kThreadFlops in gemm_driver.cpp) do. Below
// kBatchThreadFlops in all, one thread is faster.
constexpr std::int64_t kBatchThreadFlops = std::int64_t{1} << 16;
constexpr std::int64_t kSmallProductFlops = std::int64_t{1} << 21;
// Batches whose C is written with streaming stores: NOTE: [Streamed batch outputs] in
// kernels/gemm_direct.cpp.
constexpr std::int64_t kBatchStreamMaxK = 32;
constexpr std::int64_t kBatchStreamBytes = std::int64_t{1} << 20;

// C (m x n, contiguous rows) = A * B for one matrix, any dtype.
template <class T>
void matmul_2d(std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs,
               const T* b, std::int64_t brs, std::int64_t bcs, T* c, bool allow_threads) {
  if constexpr (std::is_floating_point_v<T>) {
    kernels::gemm(m, n, k, {a, ars, acs}, {b, brs, bcs}, {c, n, 1}, allow_threads);
  } else {
    for (std::int64_t i = 0; i < m; ++i) {
      T* ci = c + i * n;
      for (std::int64_t j = 0; j < n; ++j) ci[j] = T(0);
      for (std::int64_t p = 0; p < k; ++p) {
        const T aip = a[i * ars + p * acs];
        const T* bp = b + p * brs;
        for (std::int64_t j = 0; j < n; ++j)
          ci[j] = kernels::Add::apply(ci[j], kernels::Multiply::apply(aip, bp[j * bcs]));
      }
    }
  }
}

[[noreturn]] void not_aligned(const char* op, const Array& a, const Array& b, int adim, int bdim) {
  throw ShapeError(std::string(op) + ": shapes " + shape_str_compact(a.shape()) + " and " +
                   shape_str_compact(b.shape()) + " are not aligned: " + std::to_string(a.shape()[adim]) + " (dim " +
                   std::to_string(adim) + ") != " + std::to_string(b.shape()[bdim]) + " (dim " + std::to_string(bdim) +
                   ")");
}

// The batch dimensions of a (..., m, k) and b (..., k, n) broadcast together. An error
// names both operands and both batch shapes, e.g. "matmul: batch dimensions (2,) of
// (2,3,4) and (3,) of (3,4,5) do not broadcast: 2 != 3 (batch axis -1); sizes must
// match or one must be 1".
Shape matmul_batch_shape(const Array& a, const Array& b) {
  const Shape ba(a.shape().begin(), a.shape().end() - 2), bb(b.shape().begin(), b.shape().end() - 2);
  const std::size_t n = std::max(ba.size(), bb.size());
  for (std::size_t i = 1; i <= n; ++i) {
    const std::int64_t da = i <= ba.size() ? ba[ba.size() - i] : 1;
    const std::int64_t db = i <= bb.size() ? bb[bb.size() - i] : 1;
    if (da != db && da != 1 && db != 1)
      throw ShapeError("matmul: batch dimensions " + shape_str_compact(ba) + " of " + shape_str_compact(a.shape()) +
                       " and " + shape_str_compact(bb) + " of " + shape_str_compact(b.shape()) +
                       " do not broadcast: " + std::to_string(da) + " != " + std::to_string(db) + " (batch axis -" +
                       std::to_string(i) + "); sizes must match or one must be 1");
  }
  return broadcast_shapes(ba, bb, "matmul");
}

// The batch dimensions of a broadcast operand as one step in elements (operand i of the
// flat batch index starts i * step in), when they collapse to one: C-ordered stacks,
// and operands broadcast whole (step 0). False when they do not (e.g. broadcast along
// one batch dimension only).
bool batch_step(const Strides& strides, const Shape& batch, std::int64_t itemsize, std::int64_t& step) {
  step = 0;
  bool found = false;
  std::int64_t expected = 0;  // the stride the next outer dimension must have
  for (std::size_t d = batch.size(); d-- > 0;) {
    if (batch[d] == 1) continue;
    if (found && strides[d] != expected) return false;
    if (!found) step = strides[d];
    found = true;
    expected = strides[d] * batch[d];
  }
  if (step % itemsize != 0) return false;
  step /= itemsize;
  return true;
}

// The stacked product of a (..., m, k) and b (..., k, n), batch dims broadcast.
// When `into` is given (C-contiguous, dtype t, the result's shape) the product is
// written there directly.
Array batched_matmul(const Array& a2, const Array& b2, DType t, Array* into = nullptr) {
  const Array a = a2.dtype() == t ? a2 : a2.astype(t);
  const Array b = b2.dtype() == t ? b2 : b2.astype(t);
  const Shape batch = matmul_batch_shape(a, b);
  const std::int64_t m = a.shape(-2), k = a.shape(-1), n = b.shape(-1);
  Shape ash = batch, bsh = batch, csh = batch;
  ash.insert(ash.end(), {m, k});
  bsh.insert(bsh.end(), {k, n});
  csh.insert(csh.end(), {m, n});
  const Array av = broadcast_to(a, ash), bv = broadcast_to(b, bsh);
  Array c = into ? *into : Array(csh, t);
  const std::int64_t nbatch = shape_size(batch);
  const int nb = static_cast<int>(batch.size());
  const std::int64_t isz = static_cast<std::int64_t>(itemsize(t));
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    const char* abase = static_cast<const char*>(av.raw_data());
    const char* bbase = static_cast<const char*>(bv.raw_data());
    T* cbase = static_cast<T*>(c.raw_data());
    const std::int64_t ars = av.strides()[nb] / isz, acs = av.strides()[nb + 1] / isz;
    const std::int64_t brs = bv.strides()[nb] / isz, bcs = bv.strides()[nb + 1] / isz;
    auto one = [&](std::int64_t idx, bool threads) {
      std::int64_t rem = idx, aoff = 0, boff = 0;
      for (int d = nb - 1; d >= 0; --d) {
        const std::int64_t i = rem % batch[d];
        rem /= batch[d];
        aoff += i * av.strides()[d];
        boff += i * bv.strides()[d];
      }
      matmul_2d<T>(m, n, k, reinterpret_cast<const T*>(abase + aoff), ars, acs,
                   reinterpret_cast<const T*>(bbase + boff), brs, bcs, cbase + idx * m * n, threads);
    };
    // Products [lo, hi) on the calling thread: float batches whose dimensions collapse to
    // one step per operand go to the GEMM's batch loop in one call (NOTE: [Batched direct
    // products]).
    std::int64_t astep = 0, bstep = 0;
    const bool flat = batch_step(av.strides(), batch, isz, astep) && batch_step(bv.strides(), batch, isz, bstep);
    const bool stream_c = k <= kBatchStreamMaxK && nbatch * m * n * isz >= kBatchStreamBytes;
    auto products = [&](std::int64_t lo, std::int64_t hi) {
      if constexpr (std::is_floating_point_v<T>) {
        if (flat) {
          const T* a0 = reinterpret_cast<const T*>(abase);
          const T* b0 = reinterpret_cast<const T*>(bbase);
          kernels::gemm_batch(hi - lo, m, n, k, {a0 + lo * astep, ars, acs}, astep, {b0 + lo * bstep, brs, bcs}, bstep,
                              {cbase + lo * m * n, n, 1}, m * n, stream_c);
          return;
        }
      }
      for (std::int64_t i = lo; i < hi; ++i) one(i, false);
    };
    const int nthreads = get_num_threads();
    const bool parallel_batch = nbatch > 1 && (m * n * k < kSmallProductFlops || nbatch >= 2 * nthreads);
    // Many small groups of products: a thread descheduled by another process leaves
    // its share to the others.
    if (parallel_batch && nbatch * m * n * k >= kBatchThreadFlops && nthreads > 1 && detail::can_run_parallel()) {
      const std::int64_t groups = std::min<std::int64_t>(nbatch, std::int64_t{nthreads} * 16);
      detail::parallel_for(groups, nthreads, [&](std::int64_t g) { products(nbatch * g / groups, nbatch * (g + 1) / groups); });
      return;
    }
    // Products big enough to thread themselves, or a batch of one, take the threads one
    // product at a time (the GEMM decides whether to use them).
    if (nbatch == 1 || m * n * k >= kSmallProductFlops) {
      for (std::int64_t i = 0; i < nbatch; ++i) one(i, true);
      return;
    }
    products(0, nbatch);
  });
  return c;
}

// The common products, 1-D or 2-D float operands of one dtype, go straight to the GEMM:
// building broadcast views for a batch of one costs about a microsecond, as much as a
// 48 x 48 product. Writes into *into, or when into is null makes *result. Returns false
// (doing nothing) for every other case.
bool matmul_2d_direct(const Array& a, const Array& b, Array* into, Array* result) {
  const DType t = a.dtype();
  if (b.dtype() != t || (t != float32 && t != float64) || a.ndim() < 1 || a.ndim() > 2 || b.ndim() < 1 ||
      b.ndim() > 2)
    return false;
  const bool a2 = a.ndim() == 2, b2 = b.ndim() == 2;
  const std::int64_t m = a2 ? a.shape()[0] : 1, k = a.shape()[a2 ? 1 : 0], n = b2 ? b.shape()[1] : 1;
  if (b.shape()[0] != k) return false;
  // The output's shape is (m?, n?); checked, or built, without a Shape of its own: these
  // few nanoseconds, with the strides' divisions below, were 2.5% of a 64 x 64 product.
  const int ndim = int(a2) + int(b2);
  Array* dest = into;
  if (dest != nullptr) {
    if (dest->ndim() != ndim || (a2 && dest->shape()[0] != m) || (b2 && dest->shape()[ndim - 1] != n)) return false;
  } else {
    Shape shape;
    if (a2) shape.push_back(m);
    if (b2) shape.push_back(n);
    *result = Array(shape, t);
    dest = result;
  }
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    if constexpr (std::is_floating_point_v<T>) {
      constexpr std::int64_t isz = sizeof(T);  // a shift, where a.itemsize() was a division
      const std::int64_t ars = a2 ? a.strides()[0] / isz : 0, acs = a.strides()[a2 ? 1 : 0] / isz;
      const std::int64_t brs = b.strides()[0] / isz, bcs = b2 ? b.strides()[1] / isz : 1;
      kernels::gemm(m, n, k, {static_cast<const T*>(a.raw_data()), ars, acs},
                    {static_cast<const T*>(b.raw_data()), brs, bcs}, {static_cast<T*>(dest->raw_data()), n, 1});
    }
  });
  return true;
}

Array matmul_impl(const Array& a, const Array& b, Array* into = nullptr) {
  if (into != nullptr) {
    if (matmul_2d_direct(a, b, into, nullptr)) return *into;
  } else if (Array c; matmul_2d_direct(a, b, nullptr, &c)) {
    return c;
  }
  for (int i = 0; i < 2; ++i) {
    const Array& x = i == 0 ? a : b;
    if (x.ndim() == 0)
      throw ValueError("matmul: Input operand " + std::to_string(i) +
                       " does not have enough dimensions (has 0, gufunc core with signature "
                       "(n?,k),(k,m?)->(n?,m?) requires 1); use multiply for scalars");
  }
  const Array A = a.ndim() == 1 ? expand_dims(a, 0) : a;
  const Array B = b.ndim() == 1 ? expand_dims(b, -1) : b;
  if (A.shape(-1) != B.shape(-2)) not_aligned("matmul", a, b, a.ndim() - 1, b.ndim() == 1 ? 0 : b.ndim() - 2);
  Array c = batched_matmul(A, B, promote_types(a.dtype(), b.dtype()), into);
  if (b.ndim() == 1) c = squeeze(c, -1);
  if (a.ndim() == 1) c = squeeze(c, -2 + (b.ndim() == 1 ? 1 : 0));
  return c;
}

}  // namespace

Array matmul(const Array& a, const Array& b) { return matmul_impl(a, b); }

Array& matmul(const Array& a, const Array& b, Array& out) {
  // Fast path: out already has the product's dtype and layout and overlaps neither
  // operand, so the GEMM writes straight into it.
  if (out.is_contiguous() && out.dtype() == promote_types(a.dtype(), b.dtype()) && !out.shares_memory_with(a) &&
      !out.shares_memory_with(b) && a.ndim() >= 1 && b.ndim() >= 1 && a.ndim() <= 2 && b.ndim() <= 2 &&
      a.dtype() == b.dtype()) {
    if (matmul_2d_direct(a, b, &out, nullptr)) return out;
  }
  if (out.is_contiguous() && out.dtype() == promote_types(a.dtype(), b.dtype()) && !out.shares_memory_with(a) &&
      !out.shares_memory_with(b) && a.ndim() >= 2 && b.ndim() >= 2) {
    Shape expected = matmul_batch_shape(a, b);
    expected.insert(expected.end(), {a.shape(-2), b.shape(-1)});
    if (expected == out.shape() && a.shape(-1) == b.shape(-2)) {
      matmul_impl(a, b, &out);
      return out;
    }
  }
  const Array c = matmul_impl(a, b);
  // As NumPy's gufunc: out's core dimensions (the product's last two, one or none, for
  // 1-D operands) must match, and its loop dimensions may be any shape the product's
  // batch dimensions broadcast to (np.matmul(v, m, out=o) with o of shape (2, n)
  // writes v @ m into both rows).
  const int core = (a.ndim() >= 2 ? 1 : 0) + (b.ndim() >= 2 ? 1 : 0);
  bool fits = out.shape() == c.shape();
  if (!fits && out.ndim() >= c.ndim()) {
    fits = true;
    for (int i = 1; fits && i <= c.ndim(); ++i) {
      const std::int64_t want = c.shape()[c.ndim() - i], have = out.shape()[out.ndim() - i];
      fits = want == have || (i > core && want == 1);
    }
  }
  if (!fits)
    throw ShapeError("matmul: output array has shape " + shape_str_compact(out.shape()) + " but the product of " +
                     shape_str_compact(a.shape()) + " and " + shape_str_compact(b.shape()) + " has shape " +
                     shape_str_compact(c.shape()) + "; the output must have that shape, or extra or larger batch "
                     "dimensions that it broadcasts to");
  if (!detail::can_cast_same_kind(c.dtype(), out.dtype()))
    throw TypeError(std::string("matmul: cannot cast the result from ") + dtype_name(c.dtype()) + " to the output's " +
                    dtype_name(out.dtype()) + " with casting rule 'same_kind'");
  out.assign(c);
  return out;
}

namespace {

// NumPy's dot and inner hand float operands of at most two dimensions to its BLAS
// wrapper, which multiplies two one-element operands directly instead of summing their
// product from +0: np.dot([-0.], [1.]) is -0.0 where np.matmul gives 0.0. `r` is the
// product computed the general way, whose shape and dtype the result keeps.
Array with_one_element_rule(const Array& a, const Array& b, const Array& r) {
  if (a.size() != 1 || b.size() != 1 || a.ndim() > 2 || b.ndim() > 2 || !is_floating(r.dtype())) return r;
  return reshape(multiply(ravel(a), ravel(b)), r.shape());
}

}  // namespace

Array dot(const Array& a, const Array& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return multiply(a, b);
  if (a.ndim() == 1 && b.ndim() == 1) {
    if (a.shape(0) != b.shape(0)) not_aligned("dot", a, b, 0, 0);
    return with_one_element_rule(a, b, matmul_impl(a, b));
  }
  const int bk = b.ndim() == 1 ? 0 : b.ndim() - 2;
  if (a.shape(-1) != b.shape()[bk]) not_aligned("dot", a, b, a.ndim() - 1, bk);
  if (b.ndim() <= 2) return with_one_element_rule(a, b, matmul_impl(a, b));
  // a (..., k) with b (..., k, n): a.shape[:-1] + b.shape[:-2] + (n,).
  // Explicit sizes: reshape cannot infer -1 next to a size-0 dimension.
  const std::int64_t k = a.shape(-1);
  const std::int64_t rows = k ? a.size() / k : shape_size(Shape(a.shape().begin(), a.shape().end() - 1));
  const std::int64_t cols = k ? b.size() / k : shape_size(Shape(b.shape().begin(), b.shape().end() - 2)) * b.shape(-1);
  const Array a2 = reshape(a, {rows, k});
  const Array b2 = reshape(moveaxis(b, -2, 0), {k, cols});
  Shape out(a.shape().begin(), a.shape().end() - 1);
  out.insert(out.end(), b.shape().begin(), b.shape().end() - 2);
  out.push_back(b.shape(-1));
  return reshape(matmul_impl(a2, b2), out);
}

Array vdot(const Array& a, const Array& b) {
  if (a.size() != b.size())
    throw ShapeError("vdot: the operands must have the same number of elements, got shapes " +
                     shape_str_compact(a.shape()) + " (" + std::to_string(a.size()) + ") and " +
                     shape_str_compact(b.shape()) + " (" + std::to_string(b.size()) + ")");
  return matmul_impl(ravel(a), ravel(b));
}

Array inner(const Array& a, const Array& b) {
  if (a.ndim() == 0 || b.ndim() == 0) return multiply(a, b);
  if (a.shape(-1) != b.shape(-1)) not_aligned("inner", a, b, a.ndim() - 1, b.ndim() - 1);
  const std::int64_t k = a.shape(-1);
  Shape out(a.shape().begin(), a.shape().end() - 1);
  const std::int64_t rows = shape_size(out);
  const Shape bl(b.shape().begin(), b.shape().end() - 1);
  out.insert(out.end(), bl.begin(), bl.end());
  const Array r = reshape(matmul_impl(reshape(a, {rows, k}), reshape(b, {shape_size(bl), k}).T()), out);
  return with_one_element_rule(a, b, r);
}

Array outer(const Array& a, const Array& b) {
  return multiply(reshape(ravel(a), {-1, 1}), reshape(ravel(b), {1, -1}));
}

Array trace(const Array& a, std::int64_t offset, int axis1, int axis2) {
  if (a.ndim() < 2)
    throw ValueError("trace: the array must have at least 2 dimensions, got shape " + shape_str(a.shape()));
  const int i = normalize_axis(axis1, a.ndim(), "trace"), j = normalize_axis(axis2, a.ndim(), "trace");
  if (i == j) throw ValueError("trace: axis1 and axis2 cannot be the same (both are " + std::to_string(i) + ")");
  const Array m = moveaxis(a, std::vector<int>{i, j}, std::vector<int>{-2, -1});
  const std::int64_t rows = m.shape(-2), cols = m.shape(-1);
  const std::int64_t r0 = offset >= 0 ? 0 : -offset, c0 = offset >= 0 ? offset : 0;
  const std::int64_t len = std::max<std::int64_t>(0, std::min(rows - r0, cols - c0));
  Shape s(m.shape().begin(), m.shape().end() - 2);
  Strides st(m.strides().begin(), m.strides().end() - 2);
  s.push_back(len);
  st.push_back(m.strides()[m.ndim() - 2] + m.strides()[m.ndim() - 1]);
  const std::int64_t off = len > 0 ? m.offset() + r0 * m.strides()[m.ndim() - 2] + c0 * m.strides()[m.ndim() - 1]
                                   : m.offset();
  const Array diag(m.storage(), off, s, st, m.dtype());
  return sum(diag, -1);
}

std::string simd_targets() { return kernels::compiled_targets(); }
std::string kernels_target() { return kernels::gemm_target(); }

std::string gemm_info() {
  const std::string backend = kernels::gemm_backend();
  if (!backend.empty())
    return "2-D float32/float64 products: " + backend + "; batched products and the rest: lina GEMM (packed, " +
           "BLIS design): Highway target " + kernels::gemm_target();
  return "lina GEMM (packed, BLIS design): Highway target " + kernels::gemm_target() + ", micro-kernel " +
         std::to_string(kernels::gemm_mr()) + "x" + std::to_string(kernels::gemm_nr_float()) + " float32, " +
         std::to_string(kernels::gemm_mr()) + "x" + std::to_string(kernels::gemm_nr_double()) + " float64";
}

Array Array::matmul(const Array& b) const { return lina::matmul(*this, b); }

}  // namespace lina
