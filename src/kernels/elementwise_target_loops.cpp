// NOTE: [Per-target plain loops]
// The library is compiled for baseline x86-64 (SSE2), so a plain loop that the compiler
// vectorises gets 16-byte vectors, however wide the machine's are. The loops listed in
// elementwise_target_loops.hpp are the functors' plain loops, compiled here once per
// Highway target (foreach_target.h re-includes this file with each target's attributes:
// SSSE3, SSE4, AVX2, AVX3 and the baseline fallback) and chosen at run time through
// Highway's chosen target, so the AVX3 copy of uint8 a + b runs on zmm registers and
// int64 a * b is one vpmullq per 8 lanes. No Highway operations: the vectoriser does
// the work, and each lane computes what the functor computes, so every copy gives the
// scalar loop's results bit for bit (floats: one IEEE operation or selection per lane,
// no contraction, -ffp-contract=off).
//
// Compilers cannot multiversion templates (GCC's target_clones needs a plain function;
// clang 14: "not yet supported for function templates"), so:
// - The loops are templates over a row type LoopRow<Op, T, R>, defined inside the
//   per-target namespace, and explicitly instantiated there for every listed row: the
//   instantiation happens while the target's attributes are pushed, so its code is the
//   target's (checked with objdump: zmm registers and vpmullq in the AVX3 copies).
// - One table per row has HWY_EXPORT's layout (the initialising entry, one entry per
//   dynamic target from HWY_CHOOSE_TARGET_LIST, the fallback) and is indexed as
//   HWY_DYNAMIC_DISPATCH indexes, by hwy::GetChosenTarget().GetIndex(). HWY_EXPORT
//   itself cannot name a template-id (it pastes the name into the table's name); the
//   row type keeps the template-id one macro argument for the HWY_CHOOSE_* macros.
// Only the contiguous and broadcast-scalar runs come here; strided runs keep the
// baseline loop in binary_loop / unary_loop (elementwise_loops.hpp).
#include "kernels/elementwise_target_loops.hpp"

#include <cstdint>
#include <type_traits>

#include "kernels/elementwise_arith.hpp"

#ifndef LINA_ELEMENTWISE_TARGET_LOOPS_ROW
#define LINA_ELEMENTWISE_TARGET_LOOPS_ROW
namespace lina::kernels {
// One row (Op, T, R) as one type: one template argument, one macro argument.
template <class OpT, class TT, class RT>
struct LoopRow {
  using Op = OpT;
  using T = TT;
  using R = RT;
};
}  // namespace lina::kernels
#endif

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "kernels/elementwise_target_loops.cpp"
#include "hwy/foreach_target.h"  // IWYU pragma: keep
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace lina::kernels::HWY_NAMESPACE {

// bool elements are read and written as their bytes (0 or 1, so the value is the same):
// GCC 12 vectorises none of the loops that load bool (logical_and, logical_not, bool
// a + b ...), and all of them when the loads are of uint8_t converted to bool.
template <class T>
using Bytes = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;

template <class Row>
void BinaryLoop(int kinds, const typename Row::T* a, const typename Row::T* b, typename Row::R* out, std::int64_t n) {
  using Op = typename Row::Op;
  using T = typename Row::T;
  using R = typename Row::R;
  const auto* x = reinterpret_cast<const Bytes<T>*>(a);
  const auto* y = reinterpret_cast<const Bytes<T>*>(b);
  auto* o = reinterpret_cast<Bytes<R>*>(out);
  if (kinds == kBothContiguous) {
    for (std::int64_t i = 0; i < n; ++i)
      o[i] = static_cast<Bytes<R>>(Op::apply(static_cast<T>(x[i]), static_cast<T>(y[i])));
  } else if (kinds == kScalarB) {
    const T bv = *b;
    for (std::int64_t i = 0; i < n; ++i) o[i] = static_cast<Bytes<R>>(Op::apply(static_cast<T>(x[i]), bv));
  } else {
    const T av = *a;
    for (std::int64_t i = 0; i < n; ++i) o[i] = static_cast<Bytes<R>>(Op::apply(av, static_cast<T>(y[i])));
  }
}

template <class Row>
void UnaryLoop(const typename Row::T* a, typename Row::R* out, std::int64_t n) {
  using Op = typename Row::Op;
  using T = typename Row::T;
  using R = typename Row::R;
  const auto* x = reinterpret_cast<const Bytes<T>*>(a);
  auto* o = reinterpret_cast<Bytes<R>*>(out);
  for (std::int64_t i = 0; i < n; ++i) o[i] = static_cast<Bytes<R>>(Op::apply(static_cast<T>(x[i])));
}

// Instantiated here, inside the target's region (see the NOTE).
#define LINA_INSTANTIATE_BINARY(Op, T, R) \
  template void BinaryLoop<LoopRow<Op, T, R>>(int, const T*, const T*, R*, std::int64_t);
#define LINA_INSTANTIATE_UNARY(Op, T, R) template void UnaryLoop<LoopRow<Op, T, R>>(const T*, R*, std::int64_t);
LINA_TARGET_BINARY_LOOPS(LINA_INSTANTIATE_BINARY)
LINA_TARGET_UNARY_LOOPS(LINA_INSTANTIATE_UNARY)
#undef LINA_INSTANTIATE_BINARY
#undef LINA_INSTANTIATE_UNARY

}  // namespace lina::kernels::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace lina::kernels {

template <class Row>
using BinaryLoopFn = void (*)(int, const typename Row::T*, const typename Row::T*, typename Row::R*, std::int64_t);
template <class Row>
using UnaryLoopFn = void (*)(const typename Row::T*, typename Row::R*, std::int64_t);

#if (HWY_TARGETS & (HWY_TARGETS - 1)) != 0
// HWY_EXPORT's table for one row (highway.h): entry 0 chooses the target on the first
// call and then calls through the table; then the dynamic targets; last the fallback.
template <class Row>
const BinaryLoopFn<Row> kBinaryLoopTable[HWY_MAX_DYNAMIC_TARGETS + 2] = {
    &hwy::FunctionCache<void, int, const typename Row::T*, const typename Row::T*, typename Row::R*,
                        std::int64_t>::template ChooseAndCall<kBinaryLoopTable<Row>>,
    HWY_CHOOSE_TARGET_LIST(BinaryLoop<Row>), HWY_CHOOSE_FALLBACK(BinaryLoop<Row>)};
template <class Row>
const UnaryLoopFn<Row> kUnaryLoopTable[HWY_MAX_DYNAMIC_TARGETS + 2] = {
    &hwy::FunctionCache<void, const typename Row::T*, typename Row::R*,
                        std::int64_t>::template ChooseAndCall<kUnaryLoopTable<Row>>,
    HWY_CHOOSE_TARGET_LIST(UnaryLoop<Row>), HWY_CHOOSE_FALLBACK(UnaryLoop<Row>)};
#endif

template <class Op, class T, class R>
void target_binary_loop(int kinds, const T* a, const T* b, R* out, std::int64_t n) {
  using Row = LoopRow<Op, T, R>;
#if (HWY_TARGETS & (HWY_TARGETS - 1)) != 0
  kBinaryLoopTable<Row>[hwy::GetChosenTarget().GetIndex()](kinds, a, b, out, n);
#else  // one target: HWY_DYNAMIC_DISPATCH is HWY_STATIC_DISPATCH
  HWY_STATIC_DISPATCH(BinaryLoop<Row>)(kinds, a, b, out, n);
#endif
}

template <class Op, class T, class R>
void target_unary_loop(const T* a, R* out, std::int64_t n) {
  using Row = LoopRow<Op, T, R>;
#if (HWY_TARGETS & (HWY_TARGETS - 1)) != 0
  kUnaryLoopTable<Row>[hwy::GetChosenTarget().GetIndex()](a, out, n);
#else
  HWY_STATIC_DISPATCH(UnaryLoop<Row>)(a, out, n);
#endif
}

#define LINA_DEFINE_BINARY(Op, T, R) \
  template void target_binary_loop<Op, T, R>(int, const T*, const T*, R*, std::int64_t);
#define LINA_DEFINE_UNARY(Op, T, R) template void target_unary_loop<Op, T, R>(const T*, R*, std::int64_t);
LINA_TARGET_BINARY_LOOPS(LINA_DEFINE_BINARY)
LINA_TARGET_UNARY_LOOPS(LINA_DEFINE_UNARY)
#undef LINA_DEFINE_BINARY
#undef LINA_DEFINE_UNARY

}  // namespace lina::kernels
#endif  // HWY_ONCE
