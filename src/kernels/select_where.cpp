// NOTE: [Vectorised where]
// where(cond, x, y) over contiguous runs with the machine's widest vectors. The scalar
// loop (where_loop in elementwise_loops.hpp) branches on every condition byte, and
// with a random condition half of those branches are mispredicted: 10M float32 took
// 56 ms, where copying 12 bytes per element at memory speed takes under 4. Here the
// condition bytes are widened to the element's width and turned into a lane mask,
// and the select moves bits only, so one kernel per element width (1, 4 and 8 bytes)
// serves every dtype and the result is the scalar loop's, bit for bit. x or y may be
// a broadcast scalar (where(c, x, 0.0)): stride 0, one value for every lane.
#include <cstdint>
#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/select_where.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"
#include "kernels/elementwise_loops.hpp"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The lanes of d where the condition byte is nonzero (a bool array holds 0 or 1).
template <class D>
HWY_INLINE auto ConditionMask(D d, const std::uint8_t* c) {
  using T = hn::TFromD<D>;
  if constexpr (sizeof(T) == 1) {
    return hn::Ne(hn::LoadU(d, c), hn::Zero(d));
  } else if constexpr (sizeof(T) == 4) {
    const hn::Rebind<std::uint8_t, D> d8;
    return hn::Ne(hn::PromoteTo(d, hn::LoadU(d8, c)), hn::Zero(d));
  } else {
    const hn::Rebind<std::uint32_t, D> d32;
    const hn::Rebind<std::uint8_t, D> d8;
    return hn::Ne(hn::PromoteTo(d, hn::PromoteTo(d32, hn::LoadU(d8, c))), hn::Zero(d));
  }
}

// out[i] = c[i] ? x[i] : y[i] for n elements of T (an unsigned type of the element's
// width); x_step / y_step are 1, or 0 for a broadcast scalar.
template <class T>
void Where(const std::uint8_t* c, const T* x, std::int64_t x_step, const T* y, std::int64_t y_step, T* out,
           std::int64_t n) {
  const hn::ScalableTag<T> d;
  const std::int64_t N = static_cast<std::int64_t>(hn::Lanes(d));
  const auto xs = hn::Set(d, x[0]), ys = hn::Set(d, y[0]);
  std::int64_t i = 0;
  for (; i + N <= n; i += N) {
    const auto vx = x_step ? hn::LoadU(d, x + i) : xs;
    const auto vy = y_step ? hn::LoadU(d, y + i) : ys;
    hn::StoreU(hn::IfThenElse(ConditionMask(d, c + i), vx, vy), d, out + i);
  }
  for (; i < n; ++i) out[i] = c[i] ? x[i * x_step] : y[i * y_step];
}

void Where8(const std::uint8_t* c, const std::uint8_t* x, std::int64_t xs, const std::uint8_t* y, std::int64_t ys,
            std::uint8_t* out, std::int64_t n) {
  Where(c, x, xs, y, ys, out, n);
}
void Where32(const std::uint8_t* c, const std::uint32_t* x, std::int64_t xs, const std::uint32_t* y, std::int64_t ys,
             std::uint32_t* out, std::int64_t n) {
  Where(c, x, xs, y, ys, out, n);
}
void Where64(const std::uint8_t* c, const std::uint64_t* x, std::int64_t xs, const std::uint64_t* y, std::int64_t ys,
             std::uint64_t* out, std::int64_t n) {
  Where(c, x, xs, y, ys, out, n);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

HWY_EXPORT(Where8);
HWY_EXPORT(Where32);
HWY_EXPORT(Where64);

void simd_where(int width, const bool* c, const void* x, std::int64_t x_step, const void* y, std::int64_t y_step,
                void* out, std::int64_t n) {
  const auto* cb = reinterpret_cast<const std::uint8_t*>(c);
  switch (width) {
    case 1:
      return HWY_DYNAMIC_DISPATCH(Where8)(cb, static_cast<const std::uint8_t*>(x), x_step,
                                          static_cast<const std::uint8_t*>(y), y_step,
                                          static_cast<std::uint8_t*>(out), n);
    case 4:
      return HWY_DYNAMIC_DISPATCH(Where32)(cb, static_cast<const std::uint32_t*>(x), x_step,
                                           static_cast<const std::uint32_t*>(y), y_step,
                                           static_cast<std::uint32_t*>(out), n);
    default:
      return HWY_DYNAMIC_DISPATCH(Where64)(cb, static_cast<const std::uint64_t*>(x), x_step,
                                           static_cast<const std::uint64_t*>(y), y_step,
                                           static_cast<std::uint64_t*>(out), n);
  }
}

}  // namespace lina::kernels
#endif  // HWY_ONCE
