// libxsmm's JIT kernel for an n x n x n product, as the peers call it (include libxsmm.h
// first). libxsmm is column-major, so the row-major C = A B is computed as
// C^T = B^T A^T: call the kernel as k(b, a, c).
#pragma once

#include <cstdint>

namespace bench {

template <class T>
auto xsmm_kernel(std::int64_t n) {
  const libxsmm_blasint s = libxsmm_blasint(n);
  if constexpr (sizeof(T) == 4)
    return libxsmm_smmdispatch(s, s, s, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
  else
    return libxsmm_dmmdispatch(s, s, s, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
}

}  // namespace bench
