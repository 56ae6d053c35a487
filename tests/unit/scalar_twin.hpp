// The scalar reference of a kernel test: the same values at a stride of two elements.
// The elementwise and reduction loops send contiguous runs to the SIMD kernels and
// strided ones to the scalar loop, so a result computed from the twin is the scalar
// loop's, to be compared bit for bit with the kernel's.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "lina/lina.hpp"

namespace lina_test {

// x's values, viewed at a stride of two elements along the last axis.
inline lina::Array strided_twin(const lina::Array& x) {
  return lina::stack({x, x}, -1).index({lina::Index(lina::ellipsis), lina::Index(0)});
}

// Same shape, dtype and bytes (the sign of a zero and NaN payloads count).
inline void expect_same_bits(const lina::Array& fast, const lina::Array& ref, const std::string& what) {
  ASSERT_EQ(fast.shape(), ref.shape()) << what;
  ASSERT_EQ(fast.dtype(), ref.dtype()) << what;
  const lina::Array f = fast.contiguous(), r = ref.contiguous();
  ASSERT_EQ(0, std::memcmp(f.raw_data(), r.raw_data(), static_cast<std::size_t>(f.nbytes())))
      << what << ": " << lina::repr(fast) << " vs " << lina::repr(ref);
}

}  // namespace lina_test
