// NOTE: [Vectorised transcendental functions]
// exp, expm1, log, log1p, tanh, sigmoid, sin and cos over contiguous float32/float64 runs with
// lina's own Highway kernels (vector_math_inl.hpp, NOTE: [Vector math algorithms]; 1-3 ulp,
// float32 tanh 6, sin/cos 1 (float32 0.85); IEEE edges as NumPy; sin/cos beyond |x| = 2^20
// are std::sin/std::cos lane by lane), compiled for every target and dispatched at run time. Strided
// runs reach them in buffered chunks (NOTE: [Buffered strided runs] in
// elementwise_loops.hpp). softmax's exp passes live here too, so that they share the
// kernels.
// sin and cos ignore the streaming-store hint (NOTE: [Streaming stores]) and store as
// usual: their loops are bound by arithmetic (float32 2.5-3.1, float64 1.4 Gelem/s in L1,
// far below the memory limit), and streaming cost them time, 10M elements through the
// public call, one thread, alternated: float32 4.8-5.3 -> 3.1-3.4 ms, float64 8.6-11.1 ->
// 7.1-7.7, new array or existing one alike.
//
// The same loop serves the exactly rounded unary functions sqrt, abs, negative, relu,
// floor, ceil and round (ties to even): one IEEE instruction or selection per lane,
// so their results are the scalar functors' bit for bit. Compiled for baseline x86-64
// the scalar loops were no faster than SSE2, and sqrt not even that (std::sqrt keeps a
// call for errno on negative inputs): 10M float32 took 14 ms.
#include <cstddef>
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_math.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/page_prefetch.hpp"
#include "kernels/stream_stores.hpp"
#include "kernels/vector_math_inl.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// out[0, n) = op(in[0, n)) for n < one vector, through a padded buffer (Highway 1.0 has
// no LoadN). out may be in.
template <class D, class T, class Op>
HWY_INLINE void ApplyPartial(D d, const T* in, T* out, std::int64_t n, Op op) {
  HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
  for (std::int64_t k = 0; k < n; ++k) buf[k] = in[k];
  hn::Store(op(d, hn::Load(d, buf)), d, buf);
  for (std::int64_t k = 0; k < n; ++k) out[k] = buf[k];
}

// `stream`: the vector-aligned middle of out with streaming stores (NOTE: [Streaming
// stores] in core/loop_plan.hpp), the part before it through the buffer. out may be in.
template <class T, class Op>
HWY_INLINE void Apply(const T* in, T* out, std::int64_t n, Op op, bool stream) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  const std::int64_t head = stream ? elements_before_boundary(out, n, static_cast<std::size_t>(N) * sizeof(T)) : -1;
  if (head >= 0) {
    if (head > 0) ApplyPartial(d, in, out, head, op);
    for (i = head; i + N <= n; i += N) {
      prefetch_page_ahead(out + i, N * sizeof(T));
      hn::Stream(op(d, hn::LoadU(d, in + i)), d, out + i);
    }
  }
  for (; i + N <= n; i += N) hn::StoreU(op(d, hn::LoadU(d, in + i)), d, out + i);
  if (i < n) ApplyPartial(d, in + i, out + i, n - i, op);
}

struct ExpOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Exp(d, x); }
};
struct Expm1Op {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Expm1(d, x); }
};
struct LogOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Log(d, x); }
};
struct Log1pOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Log1p(d, x); }
};
struct TanhOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Tanh(d, x); }
};
struct SigmoidOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Sigmoid(d, x); }
};

struct SinOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Sin(d, x); }
};
struct CosOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return vmath::Cos(d, x); }
};

struct SqrtOp {
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::Sqrt(x); }
};
struct AbsOp {
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::Abs(x); }
};
struct NegativeOp {
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::Neg(x); }
};
// (x > 0 || x != x) ? x : 0, as the Relu functor: NaN kept, -0.0 becomes +0.0.
struct ReluOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    return hn::IfThenElseZero(hn::Or(hn::Gt(x, hn::Zero(d)), hn::IsNaN(x)), x);
  }
};
// floor, ceil and round keep the sign of their input, zeros included (ceil(-0.5) =
// -0.0); Highway 1.0's emulation for targets without SSE4's roundps returns +0.0 there
// (the unit test caught it), so the sign is copied back, which changes nothing elsewhere.
struct FloorOp {
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::CopySign(hn::Floor(x), x); }
};
struct CeilOp {
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::CopySign(hn::Ceil(x), x); }
};
struct RoundOp {  // to nearest, ties to even, as std::nearbyint in the default mode
  template <class D, class V>
  HWY_INLINE V operator()(D, V x) const { return hn::CopySign(hn::Round(x), x); }
};

// clip(x, lo, hi) as minimum(maximum(x, lo), hi) with the Maximum / Minimum functors'
// selections (a NaN in x or in a bound propagates), in one pass.
template <class T>
struct ClipOp {
  T lo, hi;
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    const V l = hn::Set(d, lo), h = hn::Set(d, hi);
    const V m = hn::IfThenElse(hn::Or(hn::Gt(x, l), hn::IsNaN(x)), x, l);
    return hn::IfThenElse(hn::Or(hn::Lt(m, h), hn::IsNaN(m)), m, h);
  }
};

// softmax's pass: out[i] = exp(in[i] - shift), returning the sum of the outputs (lane
// sums, then a tree across lanes). out may be in.
template <class T>
HWY_INLINE T ExpShiftedSum(const T* in, T shift, T* out, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto vs = hn::Set(d, shift);
  auto acc = hn::Zero(d);
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto e = vmath::Exp(d, hn::Sub(hn::LoadU(d, in + i), vs));
    hn::StoreU(e, d, out + i);
    acc = hn::Add(acc, e);
  }
  T total = hn::GetLane(hn::SumOfLanes(d, acc));
  if (i < n) {
    HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
    for (std::int64_t k = i; k < n; ++k) buf[k - i] = in[k];
    hn::Store(vmath::Exp(d, hn::Sub(hn::Load(d, buf), vs)), d, buf);
    for (std::int64_t k = i; k < n; ++k) {
      out[k] = buf[k - i];
      total += buf[k - i];
    }
  }
  return total;
}

// softmax along a non-last axis: out[j] = exp(in[j] - shift[j]), sum[j] += out[j].
template <class T>
HWY_INLINE void ExpSubAccumulate(const T* in, const T* shift, T* out, T* sum, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto e = vmath::Exp(d, hn::Sub(hn::LoadU(d, in + i), hn::LoadU(d, shift + i)));
    hn::StoreU(e, d, out + i);
    hn::StoreU(hn::Add(hn::LoadU(d, sum + i), e), d, sum + i);
  }
  for (; i < n; ++i) {  // the tail through the vector code, one lane at a time
    HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
    buf[0] = in[i] - shift[i];
    hn::Store(vmath::Exp(d, hn::Load(d, buf)), d, buf);
    out[i] = buf[0];
    sum[i] += buf[0];
  }
}

float ExpShiftedSumF32(const float* in, float shift, float* out, std::int64_t n) {
  return ExpShiftedSum(in, shift, out, n);
}
double ExpShiftedSumF64(const double* in, double shift, double* out, std::int64_t n) {
  return ExpShiftedSum(in, shift, out, n);
}
void ExpSubAccumulateF32(const float* in, const float* shift, float* out, float* sum, std::int64_t n) {
  ExpSubAccumulate(in, shift, out, sum, n);
}
void ExpSubAccumulateF64(const double* in, const double* shift, double* out, double* sum, std::int64_t n) {
  ExpSubAccumulate(in, shift, out, sum, n);
}

void ExpF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, ExpOp(), stream); }
void ExpF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, ExpOp(), stream); }
void Expm1F32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, Expm1Op(), stream); }
void Expm1F64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, Expm1Op(), stream); }
void LogF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, LogOp(), stream); }
void LogF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, LogOp(), stream); }
void Log1pF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, Log1pOp(), stream); }
void Log1pF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, Log1pOp(), stream); }
void TanhF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, TanhOp(), stream); }
void TanhF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, TanhOp(), stream); }
void SigmoidF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, SigmoidOp(), stream); }
void SigmoidF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, SigmoidOp(), stream); }
void SinF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, SinOp(), stream); }
void SinF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, SinOp(), stream); }
void CosF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, CosOp(), stream); }
void CosF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, CosOp(), stream); }
void ClipF32(const float* in, float lo, float hi, float* out, std::int64_t n, bool stream) {
  Apply(in, out, n, ClipOp<float>{lo, hi}, stream);
}
void ClipF64(const double* in, double lo, double hi, double* out, std::int64_t n, bool stream) {
  Apply(in, out, n, ClipOp<double>{lo, hi}, stream);
}
void SqrtF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, SqrtOp(), stream); }
void SqrtF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, SqrtOp(), stream); }
void AbsF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, AbsOp(), stream); }
void AbsF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, AbsOp(), stream); }
void NegativeF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, NegativeOp(), stream); }
void NegativeF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, NegativeOp(), stream); }
void ReluF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, ReluOp(), stream); }
void ReluF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, ReluOp(), stream); }
void FloorF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, FloorOp(), stream); }
void FloorF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, FloorOp(), stream); }
void CeilF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, CeilOp(), stream); }
void CeilF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, CeilOp(), stream); }
void RoundF32(const float* in, float* out, std::int64_t n, bool stream) { Apply(in, out, n, RoundOp(), stream); }
void RoundF64(const double* in, double* out, std::int64_t n, bool stream) { Apply(in, out, n, RoundOp(), stream); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(ExpF32);
HWY_EXPORT(ExpF64);
HWY_EXPORT(Expm1F32);
HWY_EXPORT(Expm1F64);
HWY_EXPORT(LogF32);
HWY_EXPORT(LogF64);
HWY_EXPORT(Log1pF32);
HWY_EXPORT(Log1pF64);
HWY_EXPORT(TanhF32);
HWY_EXPORT(TanhF64);
HWY_EXPORT(SigmoidF32);
HWY_EXPORT(SigmoidF64);
HWY_EXPORT(SinF32);
HWY_EXPORT(SinF64);
HWY_EXPORT(CosF32);
HWY_EXPORT(CosF64);
HWY_EXPORT(ClipF32);
HWY_EXPORT(ClipF64);
HWY_EXPORT(SqrtF32);
HWY_EXPORT(SqrtF64);
HWY_EXPORT(AbsF32);
HWY_EXPORT(AbsF64);
HWY_EXPORT(NegativeF32);
HWY_EXPORT(NegativeF64);
HWY_EXPORT(ReluF32);
HWY_EXPORT(ReluF64);
HWY_EXPORT(FloorF32);
HWY_EXPORT(FloorF64);
HWY_EXPORT(CeilF32);
HWY_EXPORT(CeilF64);
HWY_EXPORT(RoundF32);
HWY_EXPORT(RoundF64);
HWY_EXPORT(ExpShiftedSumF32);
HWY_EXPORT(ExpShiftedSumF64);
HWY_EXPORT(ExpSubAccumulateF32);
HWY_EXPORT(ExpSubAccumulateF64);

void simd_exp(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF32)(in, out, n, t_stream_stores);
}
void simd_exp(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpF64)(in, out, n, t_stream_stores);
}
void simd_expm1(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(Expm1F32)(in, out, n, t_stream_stores);
}
void simd_expm1(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(Expm1F64)(in, out, n, t_stream_stores);
}
void simd_log(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(LogF32)(in, out, n, t_stream_stores);
}
void simd_log(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(LogF64)(in, out, n, t_stream_stores);
}
void simd_log1p(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(Log1pF32)(in, out, n, t_stream_stores);
}
void simd_log1p(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(Log1pF64)(in, out, n, t_stream_stores);
}
void simd_tanh(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF32)(in, out, n, t_stream_stores);
}
void simd_tanh(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(TanhF64)(in, out, n, t_stream_stores);
}
void simd_sigmoid(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SigmoidF32)(in, out, n, t_stream_stores);
}
void simd_sigmoid(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SigmoidF64)(in, out, n, t_stream_stores);
}
void simd_sin(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SinF32)(in, out, n, false);
}
void simd_sin(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SinF64)(in, out, n, false);
}
void simd_cos(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(CosF32)(in, out, n, false);
}
void simd_cos(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(CosF64)(in, out, n, false);
}
void simd_clip(const float* in, float lo, float hi, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ClipF32)(in, lo, hi, out, n, t_stream_stores);
}
void simd_clip(const double* in, double lo, double hi, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ClipF64)(in, lo, hi, out, n, t_stream_stores);
}
void simd_sqrt(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SqrtF32)(in, out, n, t_stream_stores);
}
void simd_sqrt(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(SqrtF64)(in, out, n, t_stream_stores);
}
void simd_abs(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(AbsF32)(in, out, n, t_stream_stores);
}
void simd_abs(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(AbsF64)(in, out, n, t_stream_stores);
}
void simd_negative(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(NegativeF32)(in, out, n, t_stream_stores);
}
void simd_negative(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(NegativeF64)(in, out, n, t_stream_stores);
}
void simd_relu(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ReluF32)(in, out, n, t_stream_stores);
}
void simd_relu(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ReluF64)(in, out, n, t_stream_stores);
}
void simd_floor(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(FloorF32)(in, out, n, t_stream_stores);
}
void simd_floor(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(FloorF64)(in, out, n, t_stream_stores);
}
void simd_ceil(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(CeilF32)(in, out, n, t_stream_stores);
}
void simd_ceil(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(CeilF64)(in, out, n, t_stream_stores);
}
void simd_round(const float* in, float* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(RoundF32)(in, out, n, t_stream_stores);
}
void simd_round(const double* in, double* out, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(RoundF64)(in, out, n, t_stream_stores);
}
float simd_exp_shifted_sum(const float* in, float shift, float* out, std::int64_t n) {
  return HWY_DYNAMIC_DISPATCH(ExpShiftedSumF32)(in, shift, out, n);
}
double simd_exp_shifted_sum(const double* in, double shift, double* out, std::int64_t n) {
  return HWY_DYNAMIC_DISPATCH(ExpShiftedSumF64)(in, shift, out, n);
}
void simd_exp_sub_accumulate(const float* in, const float* shift, float* out, float* sum, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpSubAccumulateF32)(in, shift, out, sum, n);
}
void simd_exp_sub_accumulate(const double* in, const double* shift, double* out, double* sum, std::int64_t n) {
  HWY_DYNAMIC_DISPATCH(ExpSubAccumulateF64)(in, shift, out, sum, n);
}
}  // namespace lina::kernels
#endif
