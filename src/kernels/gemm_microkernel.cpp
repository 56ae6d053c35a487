// NOTE: [GEMM micro-kernel]
// C[0:MR, 0:NR] (+)= Apanel * Bpanel over kc steps, where (drawn for MR = 6, NR = 2V or 4V,
// V = lanes of one vector):
//
//   Apanel: kc columns of MR values      Bpanel: kc rows of NR values
//     p=0: a0 a1 a2 a3 a4 a5               p=0: b0 ........ b(NR-1)
//     p=1: a0 a1 a2 a3 a4 a5               p=1: b0 ........ b(NR-1)
//     ...                                   ...
//
// Each step broadcasts one A value per row and does NR / V FMAs per row: MR = 6 and
// NR = 2V on AVX2 (12 of 16 registers), NR = 4V on AVX-512 (24 of 32). When `accumulate` is false, C is written
// without being read (so C may hold garbage, as a fresh output does). C rows are
// `ldc` elements apart and each row is contiguous. Compiled once per Highway target;
// HWY_DYNAMIC_DISPATCH picks the best one for the CPU at run time.
#include <cstdint>
#include <cstddef>
#include <string>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/gemm_microkernel.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/cache_control.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// AVX-512's 32 registers hold a 6 x 4V tile (24 accumulators, 4 loads of B, one
// broadcast). Measured on Zen 5: 6 x 4V reaches ~215 GFLOP/s float32 on one core where
// 12 x 2V (the same 24 accumulators, twice the broadcasts) and 6 x 2V reach ~175: the
// broadcasts, not the multiply-adds, were the limit. The other targets have 16
// registers (or sizeless vectors) and keep 6 x 2V.
#if HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL
#define LINA_GEMM_WIDE_TILE 1
constexpr int kNV = 4;
#else
constexpr int kNV = 2;
#endif
constexpr int kMR = 6;

#ifdef LINA_GEMM_WIDE_TILE
// NOTE: [C prefetch]
// The C tile is 6 rows a whole row of C apart (8 KiB at n = 2048): in the packed path it
// comes from L3 or memory on every KC pass, and waiting for it at the end of the tile
// cost 7-12% of sgemm 2048 (measured with C pinned in L1: +7%). Its 24 lines are
// prefetched one per step from the middle of the loop on: early enough to arrive, late
// enough that the B panel streaming through L1 (kc x 256 bytes, more than L1 holds)
// does not evict them first, and one at a time so that the prefetches do not take
// every L1 miss buffer at once and stall the B loads behind them (all 24 at the start
// of the tile, or of the next one, measured 3-5% slower).
template <class T>
HWY_INLINE void MicroKernel(std::int64_t kc, const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                            std::int64_t ldc, bool accumulate) {
  const hn::ScalableTag<T> d;
  using V = decltype(hn::Zero(d));
  const std::size_t lanes = hn::Lanes(d);
  constexpr int kLines = kMR * kNV;  // one 64-byte line per vector on AVX-512
  V acc[kMR][kNV];
  for (int r = 0; r < kMR; ++r)
    for (int v = 0; v < kNV; ++v) acc[r][v] = hn::Zero(d);
  // Steps first .. first + kLines - 1 each prefetch one line of C (none when kc is short).
  const std::int64_t first = kc >= 2 * kLines ? kc / 2 : kc;
  for (std::int64_t p = 0; p < kc; ++p) {
    if (static_cast<std::uint64_t>(p - first) < static_cast<std::uint64_t>(kLines)) {
      const int q = static_cast<int>(p - first);
      hwy::Prefetch(c + (q / kNV) * ldc + (q % kNV) * lanes);
    }
    V bv[kNV];
    for (int v = 0; v < kNV; ++v) bv[v] = hn::LoadU(d, b + v * lanes);
    for (int r = 0; r < kMR; ++r) {
      const V ar = hn::Set(d, a[r]);
      for (int v = 0; v < kNV; ++v) acc[r][v] = hn::MulAdd(ar, bv[v], acc[r][v]);
    }
    a += kMR;
    b += kNV * lanes;
  }
  if (accumulate) {
    for (int r = 0; r < kMR; ++r)
      for (int v = 0; v < kNV; ++v) {
        T* dst = c + r * ldc + v * lanes;
        hn::StoreU(hn::Add(acc[r][v], hn::LoadU(d, dst)), d, dst);
      }
  } else {
    for (int r = 0; r < kMR; ++r)
      for (int v = 0; v < kNV; ++v) hn::StoreU(acc[r][v], d, c + r * ldc + v * lanes);
  }
}
#else
template <class T>
HWY_INLINE void MicroKernel(std::int64_t kc, const T* HWY_RESTRICT a, const T* HWY_RESTRICT b, T* HWY_RESTRICT c,
                            std::int64_t ldc, bool accumulate) {
  const hn::ScalableTag<T> d;
  const std::size_t V = hn::Lanes(d);
  auto c00 = hn::Zero(d), c01 = hn::Zero(d), c10 = hn::Zero(d), c11 = hn::Zero(d);
  auto c20 = hn::Zero(d), c21 = hn::Zero(d), c30 = hn::Zero(d), c31 = hn::Zero(d);
  auto c40 = hn::Zero(d), c41 = hn::Zero(d), c50 = hn::Zero(d), c51 = hn::Zero(d);
  for (std::int64_t p = 0; p < kc; ++p) {
    const auto b0 = hn::LoadU(d, b);
    const auto b1 = hn::LoadU(d, b + V);
    auto a0 = hn::Set(d, a[0]);
    c00 = hn::MulAdd(a0, b0, c00);
    c01 = hn::MulAdd(a0, b1, c01);
    a0 = hn::Set(d, a[1]);
    c10 = hn::MulAdd(a0, b0, c10);
    c11 = hn::MulAdd(a0, b1, c11);
    a0 = hn::Set(d, a[2]);
    c20 = hn::MulAdd(a0, b0, c20);
    c21 = hn::MulAdd(a0, b1, c21);
    a0 = hn::Set(d, a[3]);
    c30 = hn::MulAdd(a0, b0, c30);
    c31 = hn::MulAdd(a0, b1, c31);
    a0 = hn::Set(d, a[4]);
    c40 = hn::MulAdd(a0, b0, c40);
    c41 = hn::MulAdd(a0, b1, c41);
    a0 = hn::Set(d, a[5]);
    c50 = hn::MulAdd(a0, b0, c50);
    c51 = hn::MulAdd(a0, b1, c51);
    a += kMR;
    b += 2 * V;
  }
  auto store = [&](T* row, decltype(c00) lo, decltype(c00) hi) {
    if (accumulate) {
      lo = hn::Add(lo, hn::LoadU(d, row));
      hi = hn::Add(hi, hn::LoadU(d, row + V));
    }
    hn::StoreU(lo, d, row);
    hn::StoreU(hi, d, row + V);
  };
  store(c + 0 * ldc, c00, c01);
  store(c + 1 * ldc, c10, c11);
  store(c + 2 * ldc, c20, c21);
  store(c + 3 * ldc, c30, c31);
  store(c + 4 * ldc, c40, c41);
  store(c + 5 * ldc, c50, c51);
}
#endif

void MicroKernelF32(std::int64_t kc, const float* a, const float* b, float* c, std::int64_t ldc, bool acc) {
  MicroKernel<float>(kc, a, b, c, ldc, acc);
}
void MicroKernelF64(std::int64_t kc, const double* a, const double* b, double* c, std::int64_t ldc, bool acc) {
  MicroKernel<double>(kc, a, b, c, ldc, acc);
}
int Mr() { return kMR; }
int NrF32() { return static_cast<int>(kNV * hn::Lanes(hn::ScalableTag<float>())); }
int NrF64() { return static_cast<int>(kNV * hn::Lanes(hn::ScalableTag<double>())); }
const char* TargetName() { return hwy::TargetName(HWY_TARGET); }

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(MicroKernelF32);
HWY_EXPORT(MicroKernelF64);
HWY_EXPORT(Mr);
HWY_EXPORT(NrF32);
HWY_EXPORT(NrF64);
HWY_EXPORT(TargetName);

void microkernel(std::int64_t kc, const float* a, const float* b, float* c, std::int64_t ldc, bool acc) {
  HWY_DYNAMIC_DISPATCH(MicroKernelF32)(kc, a, b, c, ldc, acc);
}
void microkernel(std::int64_t kc, const double* a, const double* b, double* c, std::int64_t ldc, bool acc) {
  HWY_DYNAMIC_DISPATCH(MicroKernelF64)(kc, a, b, c, ldc, acc);
}
int microkernel_mr() { return HWY_DYNAMIC_DISPATCH(Mr)(); }
int microkernel_nr(float) { return HWY_DYNAMIC_DISPATCH(NrF32)(); }
int microkernel_nr(double) { return HWY_DYNAMIC_DISPATCH(NrF64)(); }
const char* microkernel_target() { return HWY_DYNAMIC_DISPATCH(TargetName)(); }

// Every target the kernels were compiled for (HWY_TARGETS), best first.
std::string compiled_targets() {
  std::string out;
  for (std::int64_t targets = HWY_TARGETS; targets != 0; targets &= targets - 1) {
    const std::int64_t t = targets & (~targets + 1);  // lowest set bit: the best remaining target
    if (!out.empty()) out += " ";
    out += hwy::TargetName(t);
  }
  return out;
}
}  // namespace lina::kernels
#endif
