// The element types that have their own SIMD kernels for max/min and comparisons, as
// X(C++ type, name suffix) for the files that define, export and declare one kernel per
// type (bool arrays use the uint8_t kernels: their bytes are 0 and 1).
#pragma once

#include <cstdint>
#include <type_traits>

#define LINA_KERNEL_ELEMENT_TYPES(X) \
  X(float, F32)                      \
  X(double, F64)                     \
  X(std::int32_t, I32)               \
  X(std::int64_t, I64)               \
  X(std::uint8_t, U8)

namespace lina::kernels {

// The type those kernels take for T (bool as its 0/1 bytes), or void when T has none.
template <class T>
using KernelElementType = std::conditional_t<
    std::is_same_v<T, bool>, std::uint8_t,
    std::conditional_t<std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, std::int32_t> ||
                           std::is_same_v<T, std::int64_t> || std::is_same_v<T, std::uint8_t>,
                       T, void>>;

}  // namespace lina::kernels
