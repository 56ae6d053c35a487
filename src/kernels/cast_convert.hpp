// The conversion of one element between lina's dtypes: NumPy's astype(casting="unsafe")
// semantics, the single definition every cast path (copy_cast's strided loop, the
// vectorised contiguous casts of cast_contiguous.cpp and their scalar tails) follows.
#pragma once

#include <cstdint>
#include <limits>
#include <type_traits>

namespace lina::kernels {

// Converts one element. Float to integer is defined for every input: NaN and values
// outside the target's range give the target's minimum (what x86's cvttsd2si gives
// NumPy); to uint8 goes through int32 and wraps, as NumPy does on x86 (C's cast to
// unsigned char is a 32-bit cvttsd2si: 300.7 -> 44, -1.5 -> 255, and 2^32 + 5, NaN or
// inf -> INT32_MIN -> 0; checked in tests/unit/cast_copy_test.cpp). Everything else is
// C++'s conversion: int to float rounds to nearest even, float64 to float32 likewise
// (overflow to inf, NaN stays NaN), to bool is `!= 0`.
template <class D, class S>
inline D convert(S v) {
  if constexpr (std::is_same_v<D, S>) {
    return v;
  } else if constexpr (std::is_same_v<D, bool>) {
    return v != S(0);
  } else if constexpr (std::is_floating_point_v<S> && std::is_integral_v<D>) {
    using Wide = std::conditional_t<std::is_same_v<D, std::uint8_t>, std::int32_t, D>;
    constexpr double lo = static_cast<double>(std::numeric_limits<Wide>::min());
    constexpr double hi = -lo;  // 2^63 or 2^31: first value out of range
    const double x = static_cast<double>(v);
    if (!(x >= lo && x < hi)) return static_cast<D>(std::numeric_limits<Wide>::min());
    return static_cast<D>(static_cast<Wide>(x));
  } else {
    return static_cast<D>(v);
  }
}

// The reference for a contiguous run: dst[i] = convert<D>(src[i]) for 0 <= i < n.
template <class D, class S>
void cast_run_reference(const S* src, D* dst, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) dst[i] = convert<D>(src[i]);
}

}  // namespace lina::kernels
