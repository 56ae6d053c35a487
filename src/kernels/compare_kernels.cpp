// NOTE: [Vectorised comparisons]
// a == b, a != b, a < b, a <= b, a > b, a >= b over contiguous runs (either operand may
// be a broadcast scalar) with the machine's widest vectors, into bool bytes. A vector
// comparison gives a lane mask; its bits (StoreMaskBits, one per lane) become 0/1 bytes
// eight at a time through a 256-entry table, which works for every lane count and
// element width alike (Highway 1.0 cannot demote 64-bit lanes to bytes on x86).
// IEEE rules as C++'s operators: every comparison with a NaN is false except !=, which
// is written as not-equal-to (Highway's Ne is the ordered form, false for NaN).
#include <cmath>
#include <cstdint>
#include <cstring>

#include "kernels/elementwise_arith.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/compare_kernels.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/kernel_element_types.hpp"

#ifndef LINA_KERNELS_COMPARE_TABLE_
#define LINA_KERNELS_COMPARE_TABLE_
namespace lina::kernels {
// kMaskBytes[bits][k] = bit k of bits, as a byte (lane k's result).
struct MaskByteTable {
  std::uint8_t bytes[256][8];
  constexpr MaskByteTable() : bytes{} {
    for (int b = 0; b < 256; ++b)
      for (int k = 0; k < 8; ++k) bytes[b][k] = static_cast<std::uint8_t>((b >> k) & 1);
  }
};
inline constexpr MaskByteTable kMaskBytes{};
}  // namespace lina::kernels
#endif

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <int kOp, class V>
HWY_INLINE auto CompareVec(V x, V y) {
  if constexpr (kOp == kIsFiniteOp || kOp == kIsInfOp) {  // of x alone
    if constexpr (!hwy::IsFloat<hn::TFromV<V>>()) return kOp == kIsFiniteOp ? hn::Eq(x, x) : hn::Not(hn::Eq(x, x));
    else if constexpr (kOp == kIsFiniteOp) return hn::IsFinite(x);
    else return hn::IsInf(x);
  } else if constexpr (kOp == kEqualOp) return hn::Eq(x, y);
  else if constexpr (kOp == kNotEqualOp) return hn::Not(hn::Eq(x, y));
  else if constexpr (kOp == kLessOp) return hn::Lt(x, y);
  else if constexpr (kOp == kGreaterOp) return hn::Gt(x, y);
  else if constexpr (!hwy::IsFloat<hn::TFromV<V>>()) {  // Highway 1.0 has no integer Le/Ge on x86;
    if constexpr (kOp == kLessEqualOp) return hn::Not(hn::Gt(x, y));  // without NaN, the negations
    else return hn::Not(hn::Lt(x, y));
  } else if constexpr (kOp == kLessEqualOp) {
    return hn::Le(x, y);
  } else {
    return hn::Ge(x, y);
  }
}

template <int kOp, class T>
HWY_INLINE bool CompareScalar(T x, T y) {
  if constexpr (kOp == kIsFiniteOp || kOp == kIsInfOp) {  // of x alone
    if constexpr (!hwy::IsFloat<T>()) return kOp == kIsFiniteOp;
    else if constexpr (kOp == kIsFiniteOp) return std::isfinite(x);
    else return std::isinf(x);
  } else if constexpr (kOp == kEqualOp) return x == y;
  else if constexpr (kOp == kNotEqualOp) return x != y;
  else if constexpr (kOp == kLessOp) return x < y;
  else if constexpr (kOp == kLessEqualOp) return x <= y;
  else if constexpr (kOp == kGreaterOp) return x > y;
  else return x >= y;
}

template <class T, int kOp, int kKinds>
HWY_NOINLINE void Compare(const T* a, const T* b, std::uint8_t* out, std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const T sa = kKinds == kScalarA ? *a : T(0), sb = kKinds == kScalarB ? *b : T(0);
  const auto va = hn::Set(d, sa), vb = hn::Set(d, sb);
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto x = kKinds == kScalarA ? va : hn::LoadU(d, a + i);
    const auto y = kKinds == kScalarB ? vb : hn::LoadU(d, b + i);
    std::uint8_t bits[HWY_MAX_BYTES / 8 + 8];
    hn::StoreMaskBits(d, CompareVec<kOp>(x, y), bits);
    if (N >= 8) {
      for (std::int64_t k = 0; k < N / 8; ++k) std::memcpy(out + i + 8 * k, kMaskBytes.bytes[bits[k]], 8);
    } else {
      std::memcpy(out + i, kMaskBytes.bytes[bits[0]], static_cast<std::size_t>(N));
    }
  }
  for (; i < n; ++i) out[i] = CompareScalar<kOp>(kKinds == kScalarA ? sa : a[i], kKinds == kScalarB ? sb : b[i]);
}

template <class T, int kOp>
void ByKinds(int kinds, const T* a, const T* b, std::uint8_t* out, std::int64_t n) {
  if (kinds == kBothContiguous) return Compare<T, kOp, kBothContiguous>(a, b, out, n);
  if (kinds == kScalarB) return Compare<T, kOp, kScalarB>(a, b, out, n);
  return Compare<T, kOp, kScalarA>(a, b, out, n);
}

template <class T>
void CompareAny(int op, int kinds, const T* a, const T* b, std::uint8_t* out, std::int64_t n) {
  switch (op) {
    case kEqualOp: return ByKinds<T, kEqualOp>(kinds, a, b, out, n);
    case kNotEqualOp: return ByKinds<T, kNotEqualOp>(kinds, a, b, out, n);
    case kLessOp: return ByKinds<T, kLessOp>(kinds, a, b, out, n);
    case kLessEqualOp: return ByKinds<T, kLessEqualOp>(kinds, a, b, out, n);
    case kGreaterOp: return ByKinds<T, kGreaterOp>(kinds, a, b, out, n);
    case kIsFiniteOp: return Compare<T, kIsFiniteOp, kBothContiguous>(a, a, out, n);
    case kIsInfOp: return Compare<T, kIsInfOp, kBothContiguous>(a, a, out, n);
    default: return ByKinds<T, kGreaterEqualOp>(kinds, a, b, out, n);
  }
}

#define LINA_COMPARE_KERNEL(T, NAME)                                                                  \
  void Compare##NAME(int op, int kinds, const T* a, const T* b, std::uint8_t* out, std::int64_t n) { \
    CompareAny(op, kinds, a, b, out, n);                                                              \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_COMPARE_KERNEL)
#undef LINA_COMPARE_KERNEL

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

#define LINA_COMPARE_EXPORT(T, NAME)                                                              \
  HWY_EXPORT(Compare##NAME);                                                                      \
  void simd_compare(int op, int kinds, const T* a, const T* b, bool* out, std::int64_t n) {      \
    HWY_DYNAMIC_DISPATCH(Compare##NAME)(op, kinds, a, b, reinterpret_cast<std::uint8_t*>(out), n); \
  }
LINA_KERNEL_ELEMENT_TYPES(LINA_COMPARE_EXPORT)
#undef LINA_COMPARE_EXPORT

}  // namespace lina::kernels
#endif  // HWY_ONCE
