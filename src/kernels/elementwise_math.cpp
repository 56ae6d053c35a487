// NOTE: [Vectorised transcendental functions]
// exp, tanh and sigmoid over contiguous float32/float64 runs with Highway's contrib
// math (max error 1-4 ulp), compiled for every target and dispatched at run time. The
// values outside Highway's valid range are fixed up lane by lane so that the results
// keep IEEE semantics as NumPy's: exp overflows to inf and underflows to 0, NaN stays
// NaN. Strided or broadcast operands use the scalar functors instead.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_math.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "hwy/contrib/math/math-inl.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// exp with the out-of-range lanes set as IEEE says: above ln(max) it is inf, below
// ln(min denormal / 2) it is 0, NaN stays NaN. Highway's Exp is valid on
// [-FLT_MAX, +104] (float32) and [-DBL_MAX, +706] (float64); float64 inputs in
// (706, 709.78] are recomputed by std::exp in ExpF64. Results in the denormal range
// may be flushed to 0 (an absolute error below 1e-38 / 1e-308).
template <class D, class V>
HWY_INLINE V ExpIeee(D d, V x) {
  using T = hn::TFromD<D>;
  const T hi = sizeof(T) == 4 ? T(88.7228394f) : T(709.782712893384);
  const T lo = sizeof(T) == 4 ? T(-103.97f) : T(-745.14);
  V r = hn::Exp(d, hn::Min(hn::Max(x, hn::Set(d, lo)), hn::Set(d, hi)));
  r = hn::IfThenElse(hn::Gt(x, hn::Set(d, hi)), hn::Set(d, std::numeric_limits<T>::infinity()), r);
  r = hn::IfThenElse(hn::Lt(x, hn::Set(d, lo)), hn::Zero(d), r);
  return hn::IfThenElse(hn::IsNaN(x), x, r);
}

template <class T, class Op>
HWY_INLINE void Apply(const T* HWY_RESTRICT in, T* HWY_RESTRICT out, std::int64_t n, Op op) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  std::int64_t i = 0;
  for (; i + N <= n; i += N) hn::StoreU(op(d, hn::LoadU(d, in + i)), d, out + i);
  if (i < n) {  // the tail through a padded buffer (Highway 1.0 has no LoadN)
    HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
    for (std::int64_t k = i; k < n; ++k) buf[k - i] = in[k];
    hn::Store(op(d, hn::Load(d, buf)), d, buf);
    for (std::int64_t k = i; k < n; ++k) out[k] = buf[k - i];
  }
}

struct ExpOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return ExpIeee(d, x); }
};
struct TanhOp {
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const { return hn::IfThenElse(hn::IsNaN(x), x, hn::Tanh(d, x)); }
};
struct SigmoidOp {
  // 1 / (1 + exp(-x)); exp(-x) = inf for very negative x gives 0, as it should.
  template <class D, class V>
  HWY_INLINE V operator()(D d, V x) const {
    const V one = hn::Set(d, hn::TFromD<D>(1));
    return hn::Div(one, hn::Add(one, ExpIeee(d, hn::Neg(x))));
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
    const auto e = ExpIeee(d, hn::Sub(hn::LoadU(d, in + i), vs));
    hn::StoreU(e, d, out + i);
    acc = hn::Add(acc, e);
  }
  T total = hn::GetLane(hn::SumOfLanes(d, acc));
  if (i < n) {
    HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
    for (std::int64_t k = i; k < n; ++k) buf[k - i] = in[k];
    hn::Store(ExpIeee(d, hn::Sub(hn::Load(d, buf), vs)), d, buf);
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
    const auto e = ExpIeee(d, hn::Sub(hn::LoadU(d, in + i), hn::LoadU(d, shift + i)));
    hn::StoreU(e, d, out + i);
    hn::StoreU(hn::Add(hn::LoadU(d, sum + i), e), d, sum + i);
  }
  for (; i < n; ++i) {  // the tail through the vector code, one lane at a time
    HWY_ALIGN T buf[HWY_MAX_BYTES / sizeof(T)] = {};
    buf[0] = in[i] - shift[i];
    hn::Store(ExpIeee(d, hn::Load(d, buf)), d, buf);
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

void ExpF32(const float* in, float* out, std::int64_t n) { Apply(in, out, n, ExpOp()); }
void ExpF64(const double* in, double* out, std::int64_t n) {
  Apply(in, out, n, ExpOp());
  for (std::int64_t i = 0; i < n; ++i)
    if (in[i] > 706.0 && in[i] <= 709.782712893384) out[i] = std::exp(in[i]);
}
void TanhF32(const float* in, float* out, std::int64_t n) { Apply(in, out, n, TanhOp()); }
void TanhF64(const double* in, double* out, std::int64_t n) { Apply(in, out, n, TanhOp()); }
void SigmoidF32(const float* in, float* out, std::int64_t n) { Apply(in, out, n, SigmoidOp()); }
void SigmoidF64(const double* in, double* out, std::int64_t n) { Apply(in, out, n, SigmoidOp()); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(ExpF32);
HWY_EXPORT(ExpF64);
HWY_EXPORT(TanhF32);
HWY_EXPORT(TanhF64);
HWY_EXPORT(SigmoidF32);
HWY_EXPORT(SigmoidF64);
HWY_EXPORT(ExpShiftedSumF32);
HWY_EXPORT(ExpShiftedSumF64);
HWY_EXPORT(ExpSubAccumulateF32);
HWY_EXPORT(ExpSubAccumulateF64);

void simd_exp(const float* in, float* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(ExpF32)(in, out, n); }
void simd_exp(const double* in, double* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(ExpF64)(in, out, n); }
void simd_tanh(const float* in, float* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(TanhF32)(in, out, n); }
void simd_tanh(const double* in, double* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(TanhF64)(in, out, n); }
void simd_sigmoid(const float* in, float* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(SigmoidF32)(in, out, n); }
void simd_sigmoid(const double* in, double* out, std::int64_t n) { HWY_DYNAMIC_DISPATCH(SigmoidF64)(in, out, n); }
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
