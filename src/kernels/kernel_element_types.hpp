// The element types that have their own SIMD kernels for max/min and comparisons, as
// X(C++ type, name suffix) for the files that define, export and declare one kernel per
// type (bool arrays use the uint8_t kernels: their bytes are 0 and 1).
#pragma once

#include <cstdint>

#define LINA_KERNEL_ELEMENT_TYPES(X) \
  X(float, F32)                      \
  X(double, F64)                     \
  X(std::int32_t, I32)               \
  X(std::int64_t, I64)               \
  X(std::uint8_t, U8)
