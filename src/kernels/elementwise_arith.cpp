// NOTE: [Vectorised arithmetic]
// a + b, a - b, a * b, a / b, maximum, minimum and relu(a + b) over contiguous
// float32/float64 runs (either operand may be a broadcast scalar), the same but divide and
// relu for int32/int64 (no int64 multiply), and a * b + c and (a - b) / c (b and c
// contiguous or broadcast scalars), through Highway, so that the output can be written with
// streaming stores when the loop asks for them (NOTE: [Streaming stores] in
// core/loop_plan.hpp); the library's own loops are compiled for baseline x86-64 and
// cannot. Each lane does the same IEEE operation as the scalar loop: identical results.
#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "kernels/elementwise_arith.hpp"
#include "kernels/page_prefetch.hpp"
#include "kernels/stream_stores.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_arith.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/cache_control.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Integer lanes wrap around; so do the scalar tails, computed in the unsigned type (a
// signed overflow would be undefined), as the functors do.
template <class T, bool = std::is_integral_v<T>>
struct WrapType {
  using type = T;
};
template <class T>
struct WrapType<T, true> {
  using type = std::make_unsigned_t<T>;
};
template <class T>
using Wrap = typename WrapType<T>::type;

struct AddOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const { return hn::Add(x, y); }
  template <class T>
  static T scalar(T x, T y) { return static_cast<T>(static_cast<Wrap<T>>(x) + static_cast<Wrap<T>>(y)); }
};
struct SubOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const { return hn::Sub(x, y); }
  template <class T>
  static T scalar(T x, T y) { return static_cast<T>(static_cast<Wrap<T>>(x) - static_cast<Wrap<T>>(y)); }
};
struct MulOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const { return hn::Mul(x, y); }
  template <class T>
  static T scalar(T x, T y) { return static_cast<T>(static_cast<Wrap<T>>(x) * static_cast<Wrap<T>>(y)); }
};
// maximum and minimum as the Maximum / Minimum functors: for floats, x when x wins or
// is NaN, else y (NaN propagates from either side, ties give y); x86's maxps returns
// its second operand on NaN, so floats take the selection, integers Max / Min.
template <bool kMax>
struct ExtremumOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const {
    if constexpr (hwy::IsFloat<hn::TFromV<V>>()) {
      return hn::IfThenElse(hn::Or(kMax ? hn::Gt(x, y) : hn::Lt(x, y), hn::IsNaN(x)), x, y);
    } else {
      if constexpr (kMax) return hn::Max(x, y);
      else return hn::Min(x, y);
    }
  }
  template <class T>
  static T scalar(T x, T y) {
    return ((kMax ? x > y : x < y) || x != x) ? x : y;  // x != x is false for integers
  }
};
struct DivOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const { return hn::Div(x, y); }
  template <class T>
  static T scalar(T x, T y) { return x / y; }
};

// relu(a + b) as the AddRelu functor: the sum when it is above 0 or NaN, else +0.
struct AddReluOp {
  template <class V>
  HWY_INLINE V operator()(V x, V y) const {
    const V s = hn::Add(x, y);
    return hn::IfThenZeroElse(hn::Le(s, hn::Zero(hn::DFromV<V>())), s);
  }
  template <class T>
  static T scalar(T x, T y) {
    const T s = x + y;
    return (s > 0 || s != s) ? s : T(0);
  }
};

// out[i] = op(a[i], b[i]) with a or b read once as a scalar when kKinds says so.
// kStream: the vector-aligned middle of out with streaming stores.
template <class T, class Op, int kKinds, bool kStream>
HWY_NOINLINE void Run(const T* a, const T* b, T* out, std::int64_t n) {  // out may be a or b (a += b)
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const Op op;
  const T sa = kKinds == kScalarA ? *a : T(0), sb = kKinds == kScalarB ? *b : T(0);
  auto at_a = [&](std::int64_t i) { return kKinds == kScalarA ? sa : a[i]; };
  auto at_b = [&](std::int64_t i) { return kKinds == kScalarB ? sb : b[i]; };
  const auto va = hn::Set(d, sa), vb = hn::Set(d, sb);
  auto vec = [&](std::int64_t i) {
    const auto x = kKinds == kScalarA ? va : hn::LoadU(d, a + i);
    const auto y = kKinds == kScalarB ? vb : hn::LoadU(d, b + i);
    return op(x, y);
  };
  std::int64_t i = 0;
  const std::int64_t head = kStream ? elements_before_boundary(out, n, static_cast<std::size_t>(N) * sizeof(T)) : -1;
  if (head >= 0) {
    for (; i < head; ++i) out[i] = Op::scalar(at_a(i), at_b(i));
    for (; i + 2 * N <= n; i += 2 * N) {
      prefetch_page_ahead(out + i, 2 * N * sizeof(T));
      const auto v0 = vec(i), v1 = vec(i + N);
      hn::Stream(v0, d, out + i);
      hn::Stream(v1, d, out + i + N);
    }
    for (; i + N <= n; i += N) hn::Stream(vec(i), d, out + i);
  }
  for (; i + N <= n; i += N) hn::StoreU(vec(i), d, out + i);
  for (; i < n; ++i) out[i] = Op::scalar(at_a(i), at_b(i));
}

template <class T, class Op>
void ByKinds(int kinds, const T* a, const T* b, T* out, std::int64_t n, bool stream) {
  if (stream) {
    if (kinds == kBothContiguous) return Run<T, Op, kBothContiguous, true>(a, b, out, n);
    if (kinds == kScalarB) return Run<T, Op, kScalarB, true>(a, b, out, n);
    return Run<T, Op, kScalarA, true>(a, b, out, n);
  }
  if (kinds == kBothContiguous) return Run<T, Op, kBothContiguous, false>(a, b, out, n);
  if (kinds == kScalarB) return Run<T, Op, kScalarB, false>(a, b, out, n);
  return Run<T, Op, kScalarA, false>(a, b, out, n);
}

template <class T>
void Arith(int op, int kinds, const T* a, const T* b, T* out, std::int64_t n, bool stream) {
  switch (op) {
    case kAddOp: return ByKinds<T, AddOp>(kinds, a, b, out, n, stream);
    case kSubtractOp: return ByKinds<T, SubOp>(kinds, a, b, out, n, stream);
    case kMultiplyOp: return ByKinds<T, MulOp>(kinds, a, b, out, n, stream);
    case kDivideOp: return ByKinds<T, DivOp>(kinds, a, b, out, n, stream);
    case kMaximumOp: return ByKinds<T, ExtremumOp<true>>(kinds, a, b, out, n, stream);
    case kMinimumOp: return ByKinds<T, ExtremumOp<false>>(kinds, a, b, out, n, stream);
    default: return ByKinds<T, AddReluOp>(kinds, a, b, out, n, stream);
  }
}

// The integer operations (elementwise_arith.hpp says which); int64 has no multiply.
template <class T>
void IntArith(int op, int kinds, const T* a, const T* b, T* out, std::int64_t n, bool stream) {
  switch (op) {
    case kAddOp: return ByKinds<T, AddOp>(kinds, a, b, out, n, stream);
    case kSubtractOp: return ByKinds<T, SubOp>(kinds, a, b, out, n, stream);
    case kMaximumOp: return ByKinds<T, ExtremumOp<true>>(kinds, a, b, out, n, stream);
    case kMinimumOp: return ByKinds<T, ExtremumOp<false>>(kinds, a, b, out, n, stream);
    default:
      if constexpr (sizeof(T) == 4) return ByKinds<T, MulOp>(kinds, a, b, out, n, stream);
  }
}

// The fused three-operand expressions, each two IEEE operations in the functors' order
// (the library is built with -ffp-contract=off, so Mul and Add are not fused into one
// rounding): a * b + c, and (a - b) / c, standardize's (x - mean) / std.
struct MultiplyAddOp {
  template <class V>
  HWY_INLINE V operator()(V a, V b, V c) const { return hn::Add(hn::Mul(a, b), c); }
  template <class T>
  static T scalar(T a, T b, T c) { return a * b + c; }
};
struct SubtractDivideOp {
  template <class V>
  HWY_INLINE V operator()(V a, V b, V c) const { return hn::Div(hn::Sub(a, b), c); }
  template <class T>
  static T scalar(T a, T b, T c) { return (a - b) / c; }
};

// kRows rows of out = op(a, b, c) in one pass, out[q][i] = op(a[q][i], b[i], c[i]), b
// and/or c read once as a scalar when kKinds says so (TernaryKinds); the rows' outputs
// must start at the same offset from a vector boundary. Run's structure but for its
// unrolled streaming loop: one vector per step, since unrolled by two as Run, a * b + c
// over 10M float32 took 4.0-4.2 ms against 3.5-3.7 (three input streams; alternated
// runs, one thread).
template <class T, class Op, int kKinds, bool kStream, int kRows>
HWY_INLINE void TernaryPass(const T* const* a, const T* b, const T* c, T* const* out, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  constexpr bool kB = (kKinds & kScalarSecond) != 0, kC = (kKinds & kScalarThird) != 0;
  const Op op;
  const T sb = *b, sc = *c;  // n > 0 whenever this is called
  const auto vb = hn::Set(d, sb), vc = hn::Set(d, sc);
  auto scalars = [&](std::int64_t i) {
    for (int q = 0; q < kRows; ++q) out[q][i] = Op::scalar(a[q][i], kB ? sb : b[i], kC ? sc : c[i]);
  };
  auto vectors = [&](std::int64_t i, auto store) {
    const auto y = kB ? vb : hn::LoadU(d, b + i);
    const auto z = kC ? vc : hn::LoadU(d, c + i);
    for (int q = 0; q < kRows; ++q) store(op(hn::LoadU(d, a[q] + i), y, z), out[q] + i);
  };
  std::int64_t i = 0;
  const std::int64_t head = kStream ? elements_before_boundary(out[0], n, static_cast<std::size_t>(N) * sizeof(T)) : -1;
  if (head >= 0) {
    for (; i < head; ++i) scalars(i);
    for (; i + N <= n; i += N) {
      for (int q = 0; q < kRows; ++q) prefetch_page_ahead(out[q] + i, N * sizeof(T));
      vectors(i, [&](auto v, T* p) { hn::Stream(v, d, p); });
    }
  }
  for (; i + N <= n; i += N) vectors(i, [&](auto v, T* p) { hn::StoreU(v, d, p); });
  for (; i < n; ++i) scalars(i);
}

// NOTE: [Rows sharing their operands]
// With per-column statistics, standardize's (x - mean) / std reads the mean and std
// rows from L1 for every vector of x, and on the Zen 4 those two extra loads per vector
// held a streaming pass over 4096 x 4096 float32 at about half the speed of per-row
// statistics (5.3 against 2.5 ms; a multiply in place of the division made no
// difference). So rows that share b and c go through here in pairs, each vector of b and
// c loaded once for two rows of a (four rows at a time was slower in a scratch loop:
// four streams of neighbouring rows). One thread, new arrays, old and new library
// alternated: standardize with (4096,) statistics 5.1-5.3 -> 4.4-4.6 ms, a * w + b with
// row vectors 5.05-5.2 -> 4.3-4.4; per-row statistics (2.5) and a * b + c over one run
// unchanged.
template <class T, class Op, int kKinds, bool kStream>
HWY_NOINLINE void RunTernaryRows(const T* a, std::int64_t a_stride, const T* b, const T* c, T* out,
                                 std::int64_t out_stride, std::int64_t n, std::int64_t rows) {
  const auto vector_bytes = static_cast<std::int64_t>(hn::Lanes(hn::ScalableTag<T>()) * sizeof(T));
  std::int64_t r = 0;
  if ((out_stride * static_cast<std::int64_t>(sizeof(T))) % vector_bytes == 0) {  // the rows align alike
    for (; r + 2 <= rows; r += 2) {
      const T* const ar[2] = {a + r * a_stride, a + (r + 1) * a_stride};
      T* const orow[2] = {out + r * out_stride, out + (r + 1) * out_stride};
      TernaryPass<T, Op, kKinds, kStream, 2>(ar, b, c, orow, n);
    }
  }
  for (; r < rows; ++r) {
    const T* const ar[1] = {a + r * a_stride};
    T* const orow[1] = {out + r * out_stride};
    TernaryPass<T, Op, kKinds, kStream, 1>(ar, b, c, orow, n);
  }
}

template <class T, class Op, bool kStream>
void TernaryByKinds(int kinds, const T* a, std::int64_t a_stride, const T* b, const T* c, T* out,
                    std::int64_t out_stride, std::int64_t n, std::int64_t rows) {
  switch (kinds) {
    case kAllContiguous:
      return RunTernaryRows<T, Op, kAllContiguous, kStream>(a, a_stride, b, c, out, out_stride, n, rows);
    case kScalarSecond:
      return RunTernaryRows<T, Op, kScalarSecond, kStream>(a, a_stride, b, c, out, out_stride, n, rows);
    case kScalarThird:
      return RunTernaryRows<T, Op, kScalarThird, kStream>(a, a_stride, b, c, out, out_stride, n, rows);
    default:
      return RunTernaryRows<T, Op, kScalarSecond | kScalarThird, kStream>(a, a_stride, b, c, out, out_stride, n,
                                                                         rows);
  }
}

template <class T>
void Ternary(int op, int kinds, const T* a, std::int64_t a_stride, const T* b, const T* c, T* out,
             std::int64_t out_stride, std::int64_t n, std::int64_t rows, bool stream) {
  if (n <= 0 || rows <= 0) return;
  if (op == kMultiplyAddOp) {
    if (stream) return TernaryByKinds<T, MultiplyAddOp, true>(kinds, a, a_stride, b, c, out, out_stride, n, rows);
    return TernaryByKinds<T, MultiplyAddOp, false>(kinds, a, a_stride, b, c, out, out_stride, n, rows);
  }
  if (stream) return TernaryByKinds<T, SubtractDivideOp, true>(kinds, a, a_stride, b, c, out, out_stride, n, rows);
  return TernaryByKinds<T, SubtractDivideOp, false>(kinds, a, a_stride, b, c, out, out_stride, n, rows);
}
void TernaryF32(int op, int kinds, const float* a, std::int64_t a_stride, const float* b, const float* c, float* out,
                std::int64_t out_stride, std::int64_t n, std::int64_t rows, bool stream) {
  Ternary(op, kinds, a, a_stride, b, c, out, out_stride, n, rows, stream);
}
void TernaryF64(int op, int kinds, const double* a, std::int64_t a_stride, const double* b, const double* c,
                double* out, std::int64_t out_stride, std::int64_t n, std::int64_t rows, bool stream) {
  Ternary(op, kinds, a, a_stride, b, c, out, out_stride, n, rows, stream);
}

void ArithF32(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n, bool stream) {
  Arith(op, kinds, a, b, out, n, stream);
}
void ArithF64(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n, bool stream) {
  Arith(op, kinds, a, b, out, n, stream);
}
void ArithI32(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n,
              bool stream) {
  IntArith(op, kinds, a, b, out, n, stream);
}
void ArithI64(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out, std::int64_t n,
              bool stream) {
  IntArith(op, kinds, a, b, out, n, stream);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(ArithF32);
HWY_EXPORT(ArithF64);
HWY_EXPORT(ArithI32);
HWY_EXPORT(ArithI64);
HWY_EXPORT(TernaryF32);
HWY_EXPORT(TernaryF64);

void simd_ternary(int op, int kinds, const float* a, const float* b, const float* c, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(TernaryF32)(op, kinds, a, 0, b, c, out, 0, n, 1, t_stream_stores);
}
void simd_ternary(int op, int kinds, const double* a, const double* b, const double* c, double* out,
                  std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(TernaryF64)(op, kinds, a, 0, b, c, out, 0, n, 1, t_stream_stores);
}
void simd_ternary_rows(int op, int kinds, const float* a, std::int64_t a_stride, const float* b, const float* c,
                       float* out, std::int64_t out_stride, std::int64_t n, std::int64_t rows) {
  HWY_DYNAMIC_DISPATCH(TernaryF32)(op, kinds, a, a_stride, b, c, out, out_stride, n, rows, t_stream_stores);
}
void simd_ternary_rows(int op, int kinds, const double* a, std::int64_t a_stride, const double* b, const double* c,
                       double* out, std::int64_t out_stride, std::int64_t n, std::int64_t rows) {
  HWY_DYNAMIC_DISPATCH(TernaryF64)(op, kinds, a, a_stride, b, c, out, out_stride, n, rows, t_stream_stores);
}

void simd_arith(int op, int kinds, const float* a, const float* b, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ArithF32)(op, kinds, a, b, out, n, t_stream_stores);
}
void simd_arith(int op, int kinds, const double* a, const double* b, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ArithF64)(op, kinds, a, b, out, n, t_stream_stores);
}
void simd_arith(int op, int kinds, const std::int32_t* a, const std::int32_t* b, std::int32_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ArithI32)(op, kinds, a, b, out, n, t_stream_stores);
}
void simd_arith(int op, int kinds, const std::int64_t* a, const std::int64_t* b, std::int64_t* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ArithI64)(op, kinds, a, b, out, n, t_stream_stores);
}

void stream_fence() { hwy::FlushStream(); }
}  // namespace lina::kernels
#endif
