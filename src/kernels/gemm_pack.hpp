// Packing the GEMM's operands into the micro-kernel's panels (NOTE: [GEMM micro-kernel]
// draws the layout; NOTE: [Packing order] and [Vector packing] in gemm_pack.cpp say
// how). Packing only moves values: the fast routines are bit-identical to the scalar
// references below, which tests compare them against on every SIMD target.
#pragma once

#include <algorithm>
#include <cstdint>

namespace lina::kernels {

// A[0:mc, 0:kc] (element (i, p) at a[i * rs + p * cs]) into ceil(mc / mr) panels of
// kc steps of mr values: dst[ir * kc + p * mr + r] = A[ir + r, p], rows past mc zero.
void pack_a(std::int64_t mc, std::int64_t kc, int mr, const float* a, std::int64_t rs, std::int64_t cs, float* dst);
void pack_a(std::int64_t mc, std::int64_t kc, int mr, const double* a, std::int64_t rs, std::int64_t cs, double* dst);

// B[0:kc, 0:nc] (element (p, j) at b[p * rs + j * cs]) into ceil(nc / nr) panels of kc
// steps of nr values: dst[jr * kc + p * nr + c] = B[p, jr + c], columns past nc zero.
void pack_b(std::int64_t kc, std::int64_t nc, int nr, const float* b, std::int64_t rs, std::int64_t cs, float* dst);
void pack_b(std::int64_t kc, std::int64_t nc, int nr, const double* b, std::int64_t rs, std::int64_t cs,
            double* dst);

// The references: the contracts above, one element at a time.
template <class T>
void pack_a_reference(std::int64_t mc, std::int64_t kc, int mr, const T* a, std::int64_t rs, std::int64_t cs,
                      T* dst) {
  for (std::int64_t ir = 0; ir < mc; ir += mr) {
    const std::int64_t rows = std::min<std::int64_t>(mr, mc - ir);
    for (std::int64_t p = 0; p < kc; ++p) {
      for (std::int64_t r = 0; r < rows; ++r) dst[r] = a[(ir + r) * rs + p * cs];
      for (std::int64_t r = rows; r < mr; ++r) dst[r] = T(0);
      dst += mr;
    }
  }
}

// B's panels are A's with the roles of rows and columns exchanged: NR columns of B side
// by side per step of the shared dimension.
template <class T>
void pack_b_reference(std::int64_t kc, std::int64_t nc, int nr, const T* b, std::int64_t rs, std::int64_t cs,
                      T* dst) {
  pack_a_reference(nc, kc, nr, b, cs, rs, dst);
}

}  // namespace lina::kernels
