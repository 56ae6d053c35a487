// NOTE: [Direct GEMM]
// C (m x n) = A (m x k) * B (k x n) for small shapes, without packing: the tile kernel
// reads A through its strides (one broadcast per row and step) and B's rows where they
// lie, so a 16 x 16 or 64 x 64 product costs no more than its multiply-adds. Packing
// pays off only when a panel is reused many times from cache; for small shapes the
// whole of B already sits in L1 and packing would double the memory traffic (the MLP
// case of issue 3: batches of 16 x 16 products).
//
//   columns of C in blocks of W = NV vectors          rows in blocks of R
//   +--------+--------+----+                          acc[r][v] += a[i+r, p] * B[p, j+v*V..]
//   | NV * V | NV * V |tail|  <- tail: B copied into a zero-padded k x W buffer and C
//   +--------+--------+----+     computed aside, so every load and store is a full vector
//
// R x NV accumulators stay in registers across all k steps: on AVX-512 (32 registers)
// R = 8, 12, 6 for NV = 1, 2, 4; on AVX2 (16 registers) R = 8, 6 for NV = 1, 2. C is written, never read.
// B's rows must be contiguous and so must C's; gemm_direct (below) copies operands that
// are not. Compiled once per Highway target (foreach_target.h).
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "kernels/gemm.hpp"
#include "kernels/gemm_threads.hpp"
#include "kernels/page_prefetch.hpp"

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/gemm_direct.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/cache_control.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_HAVE_SCALABLE
// Sizeless vectors (SVE, RVV) cannot be held in arrays; these targets take the plain loop.
template <class T>
void Direct(std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs,
            const T* b, std::int64_t ldb, T* c, std::int64_t ldc, bool accumulate, bool /*stream*/ = false) {
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      T s = 0;
      for (std::int64_t p = 0; p < k; ++p) s += a[i * ars + p * acs] * b[p * ldb + j];
      c[i * ldc + j] = (accumulate ? c[i * ldc + j] : T(0)) + s;
    }
}
#else

// AVX-512 has 32 vector registers, the other x86 targets 16.
constexpr bool kManyRegisters = HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL;
constexpr int kMaxNV = kManyRegisters ? 4 : 2;
// Rows per tile: R x NV accumulators, NV loads of B and one broadcast of A must fit.
// NV = 1 (16 x 16 float32 products) uses 8 rows, not the 16 that would fit: g++ kept a
// 16-row accumulator array on the stack (zeroed with rep stos) and batched 16 x 16 ran
// at 54 GFLOP/s instead of 67-85. The loops over rows are unrolled for the same reason.
template <int NV>
constexpr int kRows = kManyRegisters ? (NV == 1 ? 8 : (NV == 2 ? 12 : 6)) : (NV == 1 ? 8 : 6);

// NOTE: [Direct tile stores]
// A 64 x 64 float32 product is eleven tiles, and at that size what each tile does besides
// its multiply-adds showed against libxsmm's JIT kernel (lina 0.98x, both near the
// core's peak). Three changes, measured in one process against libxsmm (bench/paired,
// median of 21 rounds, nine runs each), sgemm 64 0.968-0.980 -> 0.993-1.000 and dgemm
// 64 0.970-0.987 -> 1.001-1.006:
// - The first step multiplies instead of adding to zeroed accumulators: g++ zeroed the
//   R x NV registers with one xor and R x NV - 1 register copies per tile. Of the three
//   changes, this one gave most of the gain (without it 0.981-0.982 and 0.987-0.990).
// - The stores walk a row pointer, one loop per kind of store: with the kind chosen
//   inside one loop, g++ computed all R x NV addresses first and parked some in vector
//   registers (vmovq back before each store).
// - The sum is stored as acc + 0. Summing from zeroed accumulators gave +0 where every
//   product is -0 (a row of negative numbers times a column of zeros), as NumPy does;
//   starting from the first product gives -0 there, and adding +0 gives +0 back while
//   changing no other value. Its cost did not show in the measurement.
// Unrolling the k loop by four and splitting 64 rows as 9 x 6 + 5 + 5 (libxsmm's split)
// instead of 10 x 6 + 4 changed nothing measurable.

// What a tile prefetches while it runs: four lines per k step from [pf, pf_end).
enum TilePrefetch : int {
  kNoPrefetch,
  kIntoL1,          // this product's A (NOTE: [Direct A prefetch])
  kIntoL2,          // the next product's A or B (NOTE: [Next product prefetch])
  kIntoL2ForWrite,  // the next product's C
};

template <int kMode>
HWY_INLINE void PrefetchFourLines(const char* p) {
  for (int line = 0; line < 4; ++line) {
    if constexpr (kMode == kIntoL1) hwy::Prefetch(p + line * 64);
    if constexpr (kMode == kIntoL2) __builtin_prefetch(p + line * 64, 0, 2);
    if constexpr (kMode == kIntoL2ForWrite) __builtin_prefetch(p + line * 64, 1, 2);
  }
}

// One R x (NV * V) tile of C over all k steps, each step also prefetching the next 256
// bytes of [pf, pf_end) as kPrefetch says.
template <class T, int R, int NV, int kPrefetch = kNoPrefetch>
HWY_NOINLINE void Tile(std::int64_t k, const T* HWY_RESTRICT a, std::int64_t ars, std::int64_t acs,
                       const T* HWY_RESTRICT b, std::int64_t ldb, T* HWY_RESTRICT c, std::int64_t ldc,
                       bool accumulate, bool stream, const char* pf = nullptr, const char* pf_end = nullptr) {
  const hn::ScalableTag<T> d;
  using V = decltype(hn::Zero(d));
  const std::size_t lanes = hn::Lanes(d);
  V acc[R][NV];
  // The first step sets the accumulators to its products (NOTE: [Direct tile stores]).
  std::int64_t p = 0;
  if (k > 0) {
    if constexpr (kPrefetch != kNoPrefetch) PrefetchFourLines<kPrefetch>(pf);
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r) {
      const V av = hn::Set(d, a[r * ars]);
      for (int v = 0; v < NV; ++v) acc[r][v] = hn::Mul(av, hn::LoadU(d, b + v * lanes));
    }
    b += ldb;
    p = 1;
  } else {
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r)
      for (int v = 0; v < NV; ++v) acc[r][v] = hn::Zero(d);
  }
  for (; p < k; ++p) {
    if constexpr (kPrefetch != kNoPrefetch) {
      if (pf + p * 256 < pf_end) PrefetchFourLines<kPrefetch>(pf + p * 256);
    }
    V bv[NV];
    for (int v = 0; v < NV; ++v) bv[v] = hn::LoadU(d, b + v * lanes);
    const T* ap = a + p * acs;
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r) {
      const V av = hn::Set(d, ap[r * ars]);
      for (int v = 0; v < NV; ++v) acc[r][v] = hn::MulAdd(av, bv[v], acc[r][v]);
    }
    b += ldb;
  }
  // One loop per kind of store, each walking a row pointer (NOTE: [Direct tile stores]).
  // acc + 0 turns a sum of -0 products into +0, as summing from +0 does (NumPy's sign).
  const V zero = hn::Zero(d);
  T* row = c;
  if (stream) {
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r, row += ldc)
      for (int v = 0; v < NV; ++v) hn::Stream(hn::Add(acc[r][v], zero), d, row + v * lanes);
  } else if (accumulate) {
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r, row += ldc)
      for (int v = 0; v < NV; ++v) hn::StoreU(hn::Add(acc[r][v], hn::LoadU(d, row + v * lanes)), d, row + v * lanes);
  } else {
    HWY_UNROLL(16)
    for (int r = 0; r < R; ++r, row += ldc)
      for (int v = 0; v < NV; ++v) hn::StoreU(hn::Add(acc[r][v], zero), d, row + v * lanes);
  }
}

using TileFn = void (*)(std::int64_t, const void*, std::int64_t, std::int64_t, const void*, std::int64_t, void*,
                       std::int64_t, bool, bool);
template <class T, int R, int NV>
void TileErased(std::int64_t k, const void* a, std::int64_t ars, std::int64_t acs, const void* b, std::int64_t ldb,
                void* c, std::int64_t ldc, bool accumulate, bool stream) {
  Tile<T, R, NV>(k, static_cast<const T*>(a), ars, acs, static_cast<const T*>(b), ldb, static_cast<T*>(c), ldc,
                 accumulate, stream);
}
// kTiles<T, NV, R>[r] computes an r-row tile, r < R (the last rows of a column block).
template <class T, int NV, std::size_t... r>
constexpr auto MakeTiles(std::index_sequence<0, r...>) {
  return std::array<TileFn, 1 + sizeof...(r)>{nullptr, &TileErased<T, int(r), NV>...};
}

// NOTE: [Direct A prefetch]
// In a batch of 64 x 64 products every operand comes from memory, and the first row tile
// of each product waited for both A's rows and B's (batched 1000 x 64x64 float32 ran at
// 0.8x OpenBLAS's loop of sgemm calls, which packs both operands first). The first tile of
// the first column block therefore also prefetches the whole of A, when A is one
// contiguous block, four lines per step: spread over the tile's steps, the prefetches
// take load slots the FMAs leave free, so a product whose A is already in cache pays
// nothing. Measured on the batch: +10-20% (prefetching all of A before the first tile
// gave the same on the batch but cost hot 64 x 64 products 3%; prefetching B or C as
// well, or A's next row tile, gave nothing or lost).

// NOTE: [Next product prefetch]
// With its own A prefetched, a batch of 1000 64 x 64 float32 products (48 MB, more than
// the L3) still ran at 90-98 GFLOP/s on one thread against 115 for the same products
// in cache: each product's B and C lines came from memory while its tiles waited. In a
// batch, while one product runs, the next one's operands are known, and a 64 x 64
// product takes about 5 us, ample time to fetch them. So the second, third and fourth
// row tiles of a product each prefetch one of the next product's A, B and C (16 KB,
// four lines per k step, as the first tile does for its own A), into L2, C for
// writing (streamed C is not prefetched). One thread, alternated runs of the two
// builds: 90-98 -> 112-114 GFLOP/s into an existing array, 92-97 -> 113 into a new
// one (the in-cache speed); two threads 172-175 -> 201. Products in cache (100 of them)
// are unchanged (115.5-116). Prefetching A and B alone gave 104-108; C's
// read-for-ownership was the other half. The same prefetches into L1 gave 104-108.
// The other batches (not one column block: n = 40, 48, 100, ...) do the same in the
// first column block of their first KC x MC block, when it has three row tiles to
// spare: 1,000 products from memory, n = 48 61-65 -> 107, 40 51-55 -> 74, 100 73 -> 82,
// 112 90 -> 94 GFLOP/s; batches of 10 in cache lose 1-3% (48: 109 -> 108, 40: 76 -> 74).

// The byte ranges of the next product of a batch (NOTE: [Next product prefetch]): its A
// and B, and its C unless C is streamed (empty range).
struct NextProduct {
  const char* a = nullptr;
  const char* a_end = nullptr;
  const char* b = nullptr;
  const char* b_end = nullptr;
  const char* c = nullptr;
  const char* c_end = nullptr;
};

// Rows [0, m) of one column block of width NV vectors; `prefetch_a`: see NOTE: [Direct A
// prefetch]; `next`: NOTE: [Next product prefetch].

template <class T, int NV>
void RowBlocks(std::int64_t m, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs, const T* b,
               std::int64_t ldb, T* c, std::int64_t ldc, bool acc, bool stream, bool prefetch_a = false,
               const NextProduct* next = nullptr) {
  constexpr int R = kRows<NV>;
  static constexpr auto kTiles = MakeTiles<T, NV>(std::make_index_sequence<R>());
  std::int64_t i = 0;
  if constexpr (NV == kMaxNV) {
    if (prefetch_a && acs == 1 && ars == k && m >= R) {
      Tile<T, R, NV, kIntoL1>(k, a, ars, acs, b, ldb, c, ldc, acc, stream, reinterpret_cast<const char*>(a),
                              reinterpret_cast<const char*>(a + m * k));
      i = R;
    }
  } else {
    (void)prefetch_a;
  }
  // The next three tiles fetch the next product's A, B and C (NOTE: [Next product
  // prefetch]) when three whole tiles are left.
  if (next && m - i >= 3 * R) {
    auto tile = [&](auto mode, const char* from, const char* to) {
      Tile<T, R, NV, decltype(mode)::value>(k, a + i * ars, ars, acs, b, ldb, c + i * ldc, ldc, acc, stream, from, to);
      i += R;
    };
    tile(std::integral_constant<int, kIntoL2>(), next->a, next->a_end);
    tile(std::integral_constant<int, kIntoL2>(), next->b, next->b_end);
    if (next->c) tile(std::integral_constant<int, kIntoL2ForWrite>(), next->c, next->c_end);
  }
  for (; i + R <= m; i += R) Tile<T, R, NV>(k, a + i * ars, ars, acs, b, ldb, c + i * ldc, ldc, acc, stream);
  if (i < m) kTiles[static_cast<std::size_t>(m - i)](k, a + i * ars, ars, acs, b, ldb, c + i * ldc, ldc, acc, stream);
}

template <class T>
void ColumnBlock(int nv, std::int64_t m, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs, const T* b,
                 std::int64_t ldb, T* c, std::int64_t ldc, bool acc, bool stream, bool prefetch_a = false,
                 const NextProduct* next = nullptr) {
  if (nv == 1) return RowBlocks<T, 1>(m, k, a, ars, acs, b, ldb, c, ldc, acc, stream, prefetch_a, next);
  if (nv == 2) return RowBlocks<T, 2>(m, k, a, ars, acs, b, ldb, c, ldc, acc, stream, prefetch_a, next);
  if constexpr (kMaxNV >= 4) return RowBlocks<T, 4>(m, k, a, ars, acs, b, ldb, c, ldc, acc, stream, prefetch_a, next);
}

// The next product's operands in a batch (NOTE: [Next product prefetch]): A's m x k
// elements (any non-negative strides), B's k rows of n, and C's m rows of n unless C is
// streamed. Empty (no prefetch) for negative strides.
template <class T>
NextProduct NextOperands(std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars,
                         std::int64_t acs, const T* b, std::int64_t ldb, const T* c, std::int64_t ldc, bool stream) {
  NextProduct next;
  if (ars < 0 || acs < 0 || m <= 0 || n <= 0 || k <= 0) return next;
  const auto bytes = [](const T* p, std::int64_t elements) { return reinterpret_cast<const char*>(p + elements); };
  next.a = bytes(a, 0);
  next.a_end = bytes(a, (m - 1) * ars + (k - 1) * acs + 1);
  next.b = bytes(b, 0);
  next.b_end = bytes(b, (k - 1) * ldb + n);
  if (!stream) {
    next.c = bytes(c, 0);
    next.c_end = bytes(c, (m - 1) * ldc + n);
  }
  return next;
}

// NOTE: [Ragged last columns]
// After the blocks of kMaxNV vectors, the columns left were one block of one, two or
// kMaxNV vectors, and anything else (three vectors, or whole vectors and a partial
// one) ran kMaxNV vectors wide on zero-padded copies of B's and C's columns: a 48 x 48
// float32 product on AVX-512 copied B and C and computed 64 columns for 48. The whole
// vectors left now run as a block of two and a block of one, straight from B into C,
// and only the last partial vector is padded (to one vector). Each element is the same
// chain of multiply-adds whatever the block width, so results are unchanged. One
// thread, float32, GFLOP/s, old -> new (a test run on the other core): single products
// n = 48 73 -> 110, 100 87 -> 98, 112 98 -> 114, 40 58 -> 77; batches of 1,000 from
// memory n = 48 52 -> 68, 112 78 -> 93.

template <class T>
void Direct(std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs,
            const T* b, std::int64_t ldb, T* c, std::int64_t ldc, bool acc, bool stream = false,
            const NextProduct* next = nullptr) {
  const std::int64_t lanes = static_cast<std::int64_t>(hn::Lanes(hn::ScalableTag<T>()));
  const std::int64_t wide = kMaxNV * lanes;
  std::int64_t j = 0;
  for (; j + wide <= n; j += wide)
    ColumnBlock<T>(kMaxNV, m, k, a, ars, acs, b + j, ldb, c + j, ldc, acc, stream, j == 0, j == 0 ? next : nullptr);
  // The columns left: whole vectors as blocks of two and one (NOTE: [Ragged last
  // columns]), then the last partial vector on zero-padded copies of B's and C's columns.
  std::int64_t whole = (n - j) / lanes;
  if constexpr (kMaxNV > 2) {
    if (whole >= 2) {
      ColumnBlock<T>(2, m, k, a, ars, acs, b + j, ldb, c + j, ldc, acc, stream, false, j == 0 ? next : nullptr);
      j += 2 * lanes;
      whole -= 2;
    }
  }
  for (; whole > 0; --whole, j += lanes)
    ColumnBlock<T>(1, m, k, a, ars, acs, b + j, ldb, c + j, ldc, acc, stream, false, j == 0 ? next : nullptr);
  const std::int64_t rest = n - j;
  if (rest == 0) return;
  const int nv = 1;
  const std::int64_t w = lanes;
  thread_local std::vector<T> bpad, cpad;
  bpad.resize(static_cast<std::size_t>(k * w));
  cpad.resize(static_cast<std::size_t>(m * w));
  for (std::int64_t p = 0; p < k; ++p) {
    std::copy_n(b + p * ldb + j, rest, bpad.data() + p * w);
    std::fill_n(bpad.data() + p * w + rest, w - rest, T(0));
  }
  ColumnBlock<T>(nv, m, k, a, ars, acs, bpad.data(), w, cpad.data(), w, false, false);
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t q = 0; q < rest; ++q) {
      T& dst = c[i * ldc + j + q];
      dst = (acc ? dst : T(0)) + cpad[static_cast<std::size_t>(i * w + q)];
    }
}

// NOTE: [One-block batches]
// When C is one column block of NV whole vectors (n = 16, 32 or 64 float32 on AVX-512)
// and k fits one KC slice, each product of a batch is just RowBlocks: the batch loop
// calls it directly instead of going through Blocked and Direct, whose loops and choices
// are the same for every product. That layer cost more than its instructions suggest:
// one thread, float32 16 x 16, GFLOP/s (libxsmm's JIT kernel in the same process):
// batches of 100 and 1,000 (in cache) 86-88 -> 108-111 (107-109), 10,000 (streamed C)
// 90-91 -> 107-111 (75-84); two threads, 1,000 161 -> 203 (202-208), 10,000 169-177 ->
// 189-207 (155-164). perf put 14% of the samples in Blocked, Direct and ColumnBlock, and
// the tiles themselves ran slower under them. 64 x 64 products (four vectors) did not
// change (115 and 93-94 either way; NOTE: [Next product prefetch] is what moved them).
template <class T, int NV>
void OneBlockBatch(std::int64_t count, std::int64_t m, std::int64_t k, const T* a, std::int64_t ars,
                   std::int64_t acs, std::int64_t a_step, const T* b, std::int64_t ldb, std::int64_t b_step, T* c,
                   std::int64_t ldc, std::int64_t c_step, bool stream, std::uintptr_t written) {
  for (std::int64_t i = 0; i < count; ++i) {
    T* ci = c + i * c_step;
    if (stream) prefetch_pages_ahead(ci, written);
    const std::int64_t width = NV * static_cast<std::int64_t>(hn::Lanes(hn::ScalableTag<T>()));
    const NextProduct next = i + 1 < count ? NextOperands<T>(m, width, k, a + (i + 1) * a_step, ars, acs,
                                                             b + (i + 1) * b_step, ldb, ci + c_step, ldc, stream)
                                           : NextProduct{};
    RowBlocks<T, NV>(m, k, a + i * a_step, ars, acs, b + i * b_step, ldb, ci, ldc, false, stream, NV == kMaxNV,
                     next.a ? &next : nullptr);
  }
}

// OneBlockBatch for n = NV whole vectors with NV one of RowBlocks' widths; false (nothing
// done) for other n.
template <class T>
bool TryOneBlockBatch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, const T* a,
                      std::int64_t ars, std::int64_t acs, std::int64_t a_step, const T* b, std::int64_t ldb,
                      std::int64_t b_step, T* c, std::int64_t ldc, std::int64_t c_step, bool stream,
                      std::uintptr_t written) {
  const auto lanes = static_cast<std::int64_t>(hn::Lanes(hn::ScalableTag<T>()));
  if (n == lanes)
    OneBlockBatch<T, 1>(count, m, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream, written);
  else if (n == 2 * lanes)
    OneBlockBatch<T, 2>(count, m, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream, written);
  else if (n == kMaxNV * lanes)
    OneBlockBatch<T, kMaxNV>(count, m, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream, written);
  else
    return false;
  return true;
}
#endif  // HWY_HAVE_SCALABLE

// Cache blocking around the tile kernel for large products: a KC-deep slice of A and B
// at a time (C accumulates after the first), and MC rows of A per call, so that the
// MC x KC block of A stays in L2 while the kernel sweeps B's columns, each KC x W
// column block of B staying in L1/L2 across the MC rows.
constexpr std::int64_t kDirectKC = 256;
constexpr std::int64_t kDirectMC = 120;

template <class T>
void Blocked(std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars, std::int64_t acs,
             const T* b, std::int64_t ldb, T* c, std::int64_t ldc, const NextProduct* next = nullptr) {
  for (std::int64_t pc = 0; pc < k; pc += kDirectKC) {
    const std::int64_t kc = std::min(kDirectKC, k - pc);
    for (std::int64_t ic = 0; ic < m; ic += kDirectMC)
      Direct<T>(std::min(kDirectMC, m - ic), n, kc, a + ic * ars + pc * acs, ars, acs, b + pc * ldb, ldb,
                c + ic * ldc, ldc, pc > 0, false, pc == 0 && ic == 0 ? next : nullptr);
  }
}

void DirectF32(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t ars, std::int64_t acs,
               const float* b, std::int64_t ldb, float* c, std::int64_t ldc) {
  Blocked<float>(m, n, k, a, ars, acs, b, ldb, c, ldc);
}
void DirectF64(std::int64_t m, std::int64_t n, std::int64_t k, const double* a, std::int64_t ars, std::int64_t acs,
               const double* b, std::int64_t ldb, double* c, std::int64_t ldc) {
  Blocked<double>(m, n, k, a, ars, acs, b, ldb, c, ldc);
}

// NOTE: [Streamed batch outputs]
// A batch of products with a short inner dimension does little arithmetic per byte
// (16 x 16 x 16 float32: 2.7 flops per byte of A, B and C), so a large batch runs at the
// memory's speed, and plain stores first read each line of C they write. With
// `stream_c` the tiles write C with streaming stores instead (Tile's `stream`), and the
// loop ends with a fence. matmul asks for it on batches with k <= 32 whose output is at
// least 1 MiB (kBatchStreamMaxK, kBatchStreamBytes in ops/linalg.cpp). Measured with
// matmul into an existing array, GFLOP/s, plain -> streamed (one thread pinned; two):
//   10,000 x 16x16: 84-113 -> 94-132; 170-212 -> 201-278
//    1,250 x 16x16: 112-122 -> 145-146; 155-163 -> 253
//    2,000 x 32x32: 147-150 -> 150-159; 335-338 -> 352-377
//    1,000 x 64x64: 154-184 -> 151-170; 331-363 -> 323-350 (so not for k = 64)
// Even the 1,250-product batch (1.25 MB of C, which the L3 would hold) gains: C does not
// fit in L2, so plain stores fetched every line of it from L3 or memory first.
// Each product also prefetches C's pages 16 KiB ahead (NOTE: [Page-ahead prefetch for
// streaming stores] in page_prefetch.hpp). Eight alternations of the two builds, one
// thread pinned, median GFLOP/s: 10,000 x 16x16 90 -> 101, 2,000 x 32x32 84 -> 102;
// on two threads no change (210 and 253-255).

// NOTE: [Batched direct products]
// A batch of small products (the MLP case: 10,000 16 x 16 or 1,000 64 x 64) spent as
// much time reaching the kernel as in it: a 16 x 16 float32 product is 256 vector FMAs,
// about 40 ns, and each product went through matmul's batch indexing, gemm's path
// choice, the run-time dispatch and the thread split. Here the whole batch is one
// dispatched call, and the loop over products runs inside the target's code.
template <class T>
void DirectBatch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, const T* a, std::int64_t ars,
                 std::int64_t acs, std::int64_t a_step, const T* b, std::int64_t ldb, std::int64_t b_step, T* c,
                 std::int64_t ldc, std::int64_t c_step, bool stream_c) {
  // Streaming needs vector-aligned rows of C, and one KC slice (later slices read C back).
  const auto vec = static_cast<std::int64_t>(hn::Lanes(hn::ScalableTag<T>()) * sizeof(T));
  const auto item = static_cast<std::int64_t>(sizeof(T));
  const bool stream = stream_c && k <= kDirectKC &&
                      reinterpret_cast<std::uintptr_t>(c) % static_cast<std::uintptr_t>(vec) == 0 &&
                      (ldc * item) % vec == 0 && (c_step * item) % vec == 0;
  // The pages a product writes: its m rows, not the whole step to the next product.
  const std::int64_t extent = m > 0 && n > 0 ? std::min(c_step, (m - 1) * ldc + n) : 0;
  const auto written = static_cast<std::uintptr_t>(extent * item);
#if !HWY_HAVE_SCALABLE
  if (k > 0 && k <= kDirectKC &&  // NOTE: [One-block batches]
      TryOneBlockBatch<T>(count, m, n, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream, written)) {
    if (stream) hwy::FlushStream();
    return;
  }
#endif
  if (stream) {
    for (std::int64_t i = 0; i < count; ++i) {
      prefetch_pages_ahead(c + i * c_step, written);
      Direct<T>(m, n, k, a + i * a_step, ars, acs, b + i * b_step, ldb, c + i * c_step, ldc, false, true);
    }
    hwy::FlushStream();  // visible to other threads once the caller's parallel loop returns
    return;
  }
  for (std::int64_t i = 0; i < count; ++i) {
    const NextProduct next = i + 1 < count ? NextOperands<T>(m, n, k, a + (i + 1) * a_step, ars, acs,
                                                             b + (i + 1) * b_step, ldb, c + (i + 1) * c_step, ldc, false)
                                           : NextProduct{};
    Blocked<T>(m, n, k, a + i * a_step, ars, acs, b + i * b_step, ldb, c + i * c_step, ldc, next.a ? &next : nullptr);
  }
}
void DirectBatchF32(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, const float* a,
                    std::int64_t ars, std::int64_t acs, std::int64_t a_step, const float* b, std::int64_t ldb,
                    std::int64_t b_step, float* c, std::int64_t ldc, std::int64_t c_step, bool stream_c) {
  DirectBatch<float>(count, m, n, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream_c);
}
void DirectBatchF64(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, const double* a,
                    std::int64_t ars, std::int64_t acs, std::int64_t a_step, const double* b, std::int64_t ldb,
                    std::int64_t b_step, double* c, std::int64_t ldc, std::int64_t c_step, bool stream_c) {
  DirectBatch<double>(count, m, n, k, a, ars, acs, a_step, b, ldb, b_step, c, ldc, c_step, stream_c);
}

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {
HWY_EXPORT(DirectF32);
HWY_EXPORT(DirectF64);
HWY_EXPORT(DirectBatchF32);
HWY_EXPORT(DirectBatchF64);

namespace {

// The whole product through the target's blocked loops (one dispatch per call).
void blocked(std::int64_t m, std::int64_t n, std::int64_t k, const float* a, std::int64_t ars, std::int64_t acs,
             const float* b, std::int64_t ldb, float* c, std::int64_t ldc) {
  HWY_DYNAMIC_DISPATCH(DirectF32)(m, n, k, a, ars, acs, b, ldb, c, ldc);
}
void blocked(std::int64_t m, std::int64_t n, std::int64_t k, const double* a, std::int64_t ars, std::int64_t acs,
             const double* b, std::int64_t ldb, double* c, std::int64_t ldc) {
  HWY_DYNAMIC_DISPATCH(DirectF64)(m, n, k, a, ars, acs, b, ldb, c, ldc);
}

// The kernel wants B's and C's rows contiguous; other layouts go through a copy (of
// size k x n or m x n, small next to the m n k multiply-adds). Threads take disjoint
// column ranges of C, multiples of 64 (whole vectors), as the packed path does (NOTE:
// [GEMM threads]), or ranges of rows when C is too narrow for that.
template <class T>
void direct(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const T> a, MatrixRef<const T> b,
            MatrixRef<T> c, int nthreads) {
  if (k == 0) {  // C = 0; B (possibly empty, even null) is not read
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) c.data[i * c.rs + j * c.cs] = T(0);
    return;
  }
  thread_local std::vector<T> bcopy, ccopy;
  const T* bp = b.data;
  std::int64_t ldb = b.rs;
  if (b.cs != 1) {
    bcopy.resize(static_cast<std::size_t>(k * n));
    for (std::int64_t p = 0; p < k; ++p)
      for (std::int64_t j = 0; j < n; ++j) bcopy[static_cast<std::size_t>(p * n + j)] = b.data[p * b.rs + j * b.cs];
    bp = bcopy.data();
    ldb = n;
  }
  T* cp = c.data;
  std::int64_t ldc = c.rs;
  if (c.cs != 1) {
    ccopy.resize(static_cast<std::size_t>(m * n));
    cp = ccopy.data();
    ldc = n;
  }
  if (nthreads <= 1) {  // one thread: the whole product in one dispatched call
    blocked(m, n, k, a.data, a.rs, a.cs, bp, ldb, cp, ldc);
  } else if (n < 64 * nthreads) {
    // Too few columns for a range of 64 per thread: the threads take ranges of C's rows
    // instead (a 64 x 64 product: 32 rows each on two threads; the measurements are at
    // kThreadFlops in gemm_driver.cpp).
    detail::parallel_for(nthreads, nthreads, [&](std::int64_t t) {
      const std::int64_t lo = m * t / nthreads, hi = m * (t + 1) / nthreads;
      if (hi > lo) blocked(hi - lo, n, k, a.data + lo * a.rs, a.rs, a.cs, bp, ldb, cp + lo * ldc, ldc);
    });
  } else {
    parallel_columns(n, 64, nthreads, [&](std::int64_t lo, std::int64_t hi) {
      blocked(m, hi - lo, k, a.data, a.rs, a.cs, bp + lo, ldb, cp + lo, ldc);
    });
  }
  if (c.cs != 1)
    for (std::int64_t i = 0; i < m; ++i)
      for (std::int64_t j = 0; j < n; ++j) c.data[i * c.rs + j * c.cs] = cp[i * n + j];
}

}  // namespace

void gemm_direct_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a,
                       std::int64_t a_step, MatrixRef<const float> b, std::int64_t b_step, MatrixRef<float> c,
                       std::int64_t c_step, bool stream_c) {
  HWY_DYNAMIC_DISPATCH(DirectBatchF32)(count, m, n, k, a.data, a.rs, a.cs, a_step, b.data, b.rs, b_step, c.data, c.rs,
                                       c_step, stream_c);
}
void gemm_direct_batch(std::int64_t count, std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                       std::int64_t a_step, MatrixRef<const double> b, std::int64_t b_step, MatrixRef<double> c,
                       std::int64_t c_step, bool stream_c) {
  HWY_DYNAMIC_DISPATCH(DirectBatchF64)(count, m, n, k, a.data, a.rs, a.cs, a_step, b.data, b.rs, b_step, c.data, c.rs,
                                       c_step, stream_c);
}

void gemm_direct(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const float> a, MatrixRef<const float> b,
                 MatrixRef<float> c, int nthreads) {
  direct(m, n, k, a, b, c, nthreads);
}
void gemm_direct(std::int64_t m, std::int64_t n, std::int64_t k, MatrixRef<const double> a,
                 MatrixRef<const double> b, MatrixRef<double> c, int nthreads) {
  direct(m, n, k, a, b, c, nthreads);
}

}  // namespace lina::kernels
#endif  // HWY_ONCE
