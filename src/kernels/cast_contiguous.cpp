// NOTE: [Vectorised casts]
// astype of a contiguous run (and the buffer rows of NOTE: [Tiled casting transpose])
// converts whole vectors with Highway, so that the cast runs at memory
// speed on the machine's widest target instead of at SSE2's (the library is compiled
// for baseline x86-64). Each kernel works on vectors of the wider of the two element
// types and the matching partial vector of the narrower one, and must give the bits
// convert<D> (cast_convert.hpp) gives:
//   - float32 <-> float64, int32 -> float32/float64, int64 -> float64, uint8/bool ->
//     float32/float64, int32/uint8 -> int64...: the instructions round as the scalar
//     conversions do (to nearest even; NaN stays NaN, quietened, as cvtsd2ss does).
//     Highway's int64 -> float64 without AVX-512DQ adds two exact halves with one
//     rounding, so it matches too. Highway's portable targets (SCALAR, EMU128) clamp
//     float64 -> float32 to the float range instead of giving inf: there that pair
//     takes the scalar conversion.
//   - int64 -> float32: through float64 is exact only below 2^53 (above, the two
//     roundings can differ from one); a vector with a larger magnitude takes the scalar
//     conversion.
//   - float -> int32/int64: C++ leaves NaN and out-of-range values undefined and
//     Highway saturates them, while convert<D> gives the integer minimum (NumPy on x86).
//     Such lanes are replaced by the minimum as a float (-2^31 or -2^63, exact) before
//     the conversion, which then gives exactly that minimum.
// Pairs not listed (to bool, float to uint8, narrowing integers) take the scalar loop.
#include "kernels/cast_contiguous.hpp"

#include <cstdint>
#include <cstring>
#include <type_traits>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/cast_contiguous.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/cast_convert.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The loop shared by every pair: `dw` a full vector of the wider type W, source and
// destination vectors with as many lanes; `cvt(dd, v, out)` converts one source vector
// into `out`, or returns false to leave the vector to the scalar conversion. The tail
// is scalar.
template <class D, class S, class W, class Cvt>
HWY_INLINE void CastLoop(const char* src, char* dst, std::int64_t n, Cvt cvt) {
  const hn::ScalableTag<W> dw;
  const hn::Rebind<S, decltype(dw)> ds;
  const hn::Rebind<D, decltype(dw)> dd;
  const auto lanes = static_cast<std::int64_t>(hn::Lanes(dw));
  const S* s = reinterpret_cast<const S*>(src);
  D* d = reinterpret_cast<D*>(dst);
  std::int64_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    hn::Vec<decltype(dd)> out;
    if (cvt(dd, hn::LoadU(ds, s + i), out)) hn::StoreU(out, dd, d + i);
    else cast_run_reference(s + i, d + i, lanes);
  }
  cast_run_reference(s + i, d + i, n - i);
}

// Exact conversions and conversions that round as the scalar ones do.
void CastF32ToF64(const char* s, char* d, std::int64_t n) {
  CastLoop<double, float, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::PromoteTo(dd, v);
    return true;
  });
}
void CastF64ToF32(const char* s, char* d, std::int64_t n) {
#if HWY_TARGET == HWY_SCALAR || HWY_TARGET == HWY_EMU128
  // Highway's portable DemoteTo clamps to the float range instead of giving inf.
  cast_run_reference(reinterpret_cast<const double*>(s), reinterpret_cast<float*>(d), n);
#else
  CastLoop<float, double, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::DemoteTo(dd, v);
    return true;
  });
#endif
}
void CastI32ToF32(const char* s, char* d, std::int64_t n) {
  CastLoop<float, std::int32_t, float>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::ConvertTo(dd, v);
    return true;
  });
}
void CastI32ToF64(const char* s, char* d, std::int64_t n) {
  CastLoop<double, std::int32_t, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::PromoteTo(dd, v);
    return true;
  });
}
void CastI64ToF64(const char* s, char* d, std::int64_t n) {
  CastLoop<double, std::int64_t, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::ConvertTo(dd, v);
    return true;
  });
}
void CastI64ToF32(const char* s, char* d, std::int64_t n) {
  CastLoop<float, std::int64_t, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<double, decltype(dd)> df64;
    const auto wide = hn::ConvertTo(df64, v);  // exact when |v| < 2^53
    if (!hn::AllTrue(df64, hn::Lt(hn::Abs(wide), hn::Set(df64, 9007199254740992.0)))) return false;
    out = hn::DemoteTo(dd, wide);
    return true;
  });
}
void CastI32ToI64(const char* s, char* d, std::int64_t n) {
  CastLoop<std::int64_t, std::int32_t, std::int64_t>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    out = hn::PromoteTo(dd, v);
    return true;
  });
}

// Bytes (uint8, or bool holding 0/1) widen to int32 first.
template <class D, bool kBool>
void CastByteTo(const char* s, char* d, std::int64_t n) {
  using W = std::conditional_t<sizeof(D) == 8, D, std::int32_t>;
  CastLoop<D, std::uint8_t, W>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<std::int32_t, decltype(dd)> di32;
    auto wide = hn::PromoteTo(di32, v);
    if constexpr (kBool) wide = hn::Min(wide, hn::Set(di32, 1));
    if constexpr (std::is_same_v<D, std::int32_t>) out = wide;
    else if constexpr (std::is_same_v<D, float>) out = hn::ConvertTo(dd, wide);
    else out = hn::PromoteTo(dd, wide);  // int64 or double
    return true;
  });
}
void CastU8ToF32(const char* s, char* d, std::int64_t n) { CastByteTo<float, false>(s, d, n); }
void CastU8ToF64(const char* s, char* d, std::int64_t n) { CastByteTo<double, false>(s, d, n); }
void CastU8ToI32(const char* s, char* d, std::int64_t n) { CastByteTo<std::int32_t, false>(s, d, n); }
void CastU8ToI64(const char* s, char* d, std::int64_t n) { CastByteTo<std::int64_t, false>(s, d, n); }
void CastBoolToF32(const char* s, char* d, std::int64_t n) { CastByteTo<float, true>(s, d, n); }
void CastBoolToF64(const char* s, char* d, std::int64_t n) { CastByteTo<double, true>(s, d, n); }

// Float to int32/int64: lanes outside [-2^k, 2^k) or NaN become -2^k first (see NOTE).
template <class V, class DF>
HWY_INLINE V ToMinimumUnlessInRange(DF df, V v, double bound) {
  const auto lo = hn::Set(df, static_cast<hn::TFromD<DF>>(-bound));
  const auto in_range = hn::And(hn::Ge(v, lo), hn::Lt(v, hn::Set(df, static_cast<hn::TFromD<DF>>(bound))));
  return hn::IfThenElse(in_range, v, lo);
}
constexpr double k2Pow31 = 2147483648.0, k2Pow63 = 9223372036854775808.0;

void CastF32ToI32(const char* s, char* d, std::int64_t n) {
  CastLoop<std::int32_t, float, float>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<float, decltype(dd)> df;
    out = hn::ConvertTo(dd, ToMinimumUnlessInRange(df, v, k2Pow31));
    return true;
  });
}
void CastF64ToI32(const char* s, char* d, std::int64_t n) {
  CastLoop<std::int32_t, double, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<double, decltype(dd)> df;
    out = hn::DemoteTo(dd, ToMinimumUnlessInRange(df, v, k2Pow31));
    return true;
  });
}
void CastF64ToI64(const char* s, char* d, std::int64_t n) {
  CastLoop<std::int64_t, double, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<double, decltype(dd)> df;
    out = hn::ConvertTo(dd, ToMinimumUnlessInRange(df, v, k2Pow63));
    return true;
  });
}
void CastF32ToI64(const char* s, char* d, std::int64_t n) {
  CastLoop<std::int64_t, float, double>(s, d, n, [](auto dd, auto v, auto& out) HWY_ATTR {
    const hn::Rebind<double, decltype(dd)> df;
    out = hn::ConvertTo(dd, ToMinimumUnlessInRange(df, hn::PromoteTo(df, v), k2Pow63));
    return true;
  });
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

// One exported kernel per pair, and a function that returns the chosen target's
// kernel itself (the target chosen at the first dispatch, or the one a test forces):
// the tiled cast calls the kernel once per 64-element row, where going through
// HWY_DYNAMIC_DISPATCH's table lookup each time cost 7% of the time.
#define LINA_CAST_KERNEL(NAME)                                           \
  HWY_EXPORT(NAME);                                                      \
  CastRunFn Resolve##NAME() {                                            \
    hwy::ChosenTarget& chosen = hwy::GetChosenTarget();                  \
    if (!chosen.IsInitialized()) chosen.Update(hwy::SupportedTargets()); \
    return HWY_DISPATCH_TABLE(NAME)[chosen.GetIndex()];                  \
  }
namespace {
LINA_CAST_KERNEL(CastF32ToF64)
LINA_CAST_KERNEL(CastF64ToF32)
LINA_CAST_KERNEL(CastI32ToF32)
LINA_CAST_KERNEL(CastI32ToF64)
LINA_CAST_KERNEL(CastI64ToF64)
LINA_CAST_KERNEL(CastI64ToF32)
LINA_CAST_KERNEL(CastI32ToI64)
LINA_CAST_KERNEL(CastU8ToF32)
LINA_CAST_KERNEL(CastU8ToF64)
LINA_CAST_KERNEL(CastU8ToI32)
LINA_CAST_KERNEL(CastU8ToI64)
LINA_CAST_KERNEL(CastBoolToF32)
LINA_CAST_KERNEL(CastBoolToF64)
LINA_CAST_KERNEL(CastF32ToI32)
LINA_CAST_KERNEL(CastF64ToI32)
LINA_CAST_KERNEL(CastF64ToI64)
LINA_CAST_KERNEL(CastF32ToI64)
#undef LINA_CAST_KERNEL

template <class D, class S>
void cast_scalar(const char* s, char* d, std::int64_t n) {
  if constexpr (std::is_same_v<D, S>) {
    std::memcpy(d, s, static_cast<std::size_t>(n) * sizeof(D));
  } else {
    cast_run_reference(reinterpret_cast<const S*>(s), reinterpret_cast<D*>(d), n);
  }
}

using Resolver = CastRunFn (*)();

// The pair's resolver, or nullptr when the pair has no vectorised kernel.
Resolver vectorised(DType dst, DType src) {
  using T = DType;
  switch (src) {
    case T::Float32:
      return dst == T::Float64 ? ResolveCastF32ToF64
             : dst == T::Int32 ? ResolveCastF32ToI32
             : dst == T::Int64 ? ResolveCastF32ToI64
                               : nullptr;
    case T::Float64:
      return dst == T::Float32 ? ResolveCastF64ToF32
             : dst == T::Int32 ? ResolveCastF64ToI32
             : dst == T::Int64 ? ResolveCastF64ToI64
                               : nullptr;
    case T::Int32:
      return dst == T::Float32 ? ResolveCastI32ToF32
             : dst == T::Float64 ? ResolveCastI32ToF64
             : dst == T::Int64   ? ResolveCastI32ToI64
                                 : nullptr;
    case T::Int64:
      return dst == T::Float32 ? ResolveCastI64ToF32 : dst == T::Float64 ? ResolveCastI64ToF64 : nullptr;
    case T::UInt8:
      return dst == T::Float32 ? ResolveCastU8ToF32
             : dst == T::Float64 ? ResolveCastU8ToF64
             : dst == T::Int32   ? ResolveCastU8ToI32
             : dst == T::Int64   ? ResolveCastU8ToI64
                                 : nullptr;
    case T::Bool:
      return dst == T::Float32 ? ResolveCastBoolToF32 : dst == T::Float64 ? ResolveCastBoolToF64 : nullptr;
  }
  return nullptr;
}

}  // namespace

CastRunFn cast_run_scalar_fn(DType dst, DType src) {
  return visit_dtype(dst, [&](auto dt) {
    using D = decltype(dt);
    return visit_dtype(src, [](auto st) -> CastRunFn { return cast_scalar<D, decltype(st)>; });
  });
}

bool cast_run_is_vectorised(DType dst, DType src) { return vectorised(dst, src) != nullptr; }

CastRunFn cast_run_fn(DType dst, DType src) {
  const Resolver resolve = vectorised(dst, src);
  return resolve ? resolve() : cast_run_scalar_fn(dst, src);
}

}  // namespace lina::kernels
#endif
