// NOTE: [Integer sums without a widened copy]
// NumPy sums bool and int32 into int64 and uint8 into uint64; lina sums all three into
// int64 (it has no uint64: docs/numpy-to-lina.md). It did so by casting the whole array
// to int64 first, a temporary eight times the size of a bool array, and then summed it one
// element at a time. These kernels widen in registers instead: bytes through
// SumsOf8 (eight bytes into one 64-bit lane), int32 by promoting each half of a vector
// to int64. Integer addition is exact and associative (int64 wraps, as NumPy's does),
// so the order of the lanes and the split across threads cannot change a result. One
// thread, 10M elements: bool 10.0 -> 0.11 ms (NumPy 2.5), int32 9.9 -> 1.2 (5.0).
#include <cstdint>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/reduce_integer_sum.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/reduce_loops.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The sum of the lanes of v, and the elements p[from, n) one at a time, modulo 2^64.
template <class D>
HWY_INLINE std::uint64_t FinishIntegerSum(D d, hn::Vec<D> v, const auto* p, std::int64_t from, std::int64_t n) {
  using T = hn::TFromD<D>;
  HWY_ALIGN T lanes[HWY_MAX_BYTES / sizeof(T)];
  hn::Store(v, d, lanes);
  std::uint64_t s = 0;
  for (std::size_t k = 0; k < hn::Lanes(d); ++k) s += static_cast<std::uint64_t>(lanes[k]);
  for (std::int64_t i = from; i < n; ++i) s += static_cast<std::uint64_t>(static_cast<std::int64_t>(p[i]));
  return s;
}

// The sum of p[0, n) (elements of d's type) as int64: widen(v) turns a vector of d into
// one vector of dacc's 64-bit lanes holding sums of its elements; two chains of those.
template <class D, class DAcc, class Widen>
HWY_INLINE std::int64_t SumWidened(D d, DAcc dacc, const hn::TFromD<D>* p, std::int64_t n, Widen widen) {
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  auto acc = hn::Zero(dacc), acc1 = hn::Zero(dacc);
  std::int64_t i = 0;
  for (; i + 2 * N <= n; i += 2 * N) {
    acc = hn::Add(acc, widen(hn::LoadU(d, p + i)));
    acc1 = hn::Add(acc1, widen(hn::LoadU(d, p + i + N)));
  }
  return static_cast<std::int64_t>(FinishIntegerSum(dacc, hn::Add(acc, acc1), p, i, n));
}

std::int64_t SumBytes(const std::uint8_t* p, std::int64_t n) {
#if HWY_TARGET == HWY_SCALAR  // one lane: the loop
  const hn::ScalableTag<std::uint64_t> d64;
  return static_cast<std::int64_t>(FinishIntegerSum(d64, hn::Zero(d64), p, 0, n));
#else
  const hn::ScalableTag<std::uint8_t> d8;
  const hn::Repartition<std::uint64_t, decltype(d8)> d64;
  return SumWidened(d8, d64, p, n, [](auto v) { return hn::SumsOf8(v); });
#endif
}

std::int64_t SumInt32(const std::int32_t* p, std::int64_t n) {
#if HWY_TARGET == HWY_SCALAR  // one lane: the loop
  const hn::ScalableTag<std::int64_t> d64;
  return static_cast<std::int64_t>(FinishIntegerSum(d64, hn::Zero(d64), p, 0, n));
#else
  const hn::ScalableTag<std::int32_t> d;
  const hn::Half<decltype(d)> dh;
  const hn::Rebind<std::int64_t, decltype(dh)> d64;
  return SumWidened(d, d64, p, n, [&](auto v) {
    return hn::Add(hn::PromoteTo(d64, hn::LowerHalf(dh, v)), hn::PromoteTo(d64, hn::UpperHalf(dh, v)));
  });
#endif
}

std::int64_t SumInt64(const std::int64_t* p, std::int64_t n) {
  // Added as uint64: the same bits as int64's wrap-around, without signed overflow.
  const hn::ScalableTag<std::int64_t> d;
  const hn::RebindToUnsigned<decltype(d)> du;
  return SumWidened(d, du, p, n, [&](auto v) { return hn::BitCast(du, v); });
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

HWY_EXPORT(SumBytes);
HWY_EXPORT(SumInt32);
HWY_EXPORT(SumInt64);

std::int64_t simd_integer_sum(const std::uint8_t* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(SumBytes)(p, n); }
std::int64_t simd_integer_sum(const std::int32_t* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(SumInt32)(p, n); }
std::int64_t simd_integer_sum(const std::int64_t* p, std::int64_t n) { return HWY_DYNAMIC_DISPATCH(SumInt64)(p, n); }

}  // namespace lina::kernels
#endif  // HWY_ONCE
