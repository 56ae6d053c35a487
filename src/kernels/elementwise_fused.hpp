// Inner loops of the fused operations (ops/fused.cpp): one pass computing an
// expression of two or three operands (a * b + c, relu(x + bias), (x - mean) / std),
// with the operand kinds of elementwise_loops.hpp (all contiguous, a broadcast scalar,
// strided). The expressions are the functors of
// elementwise_functors.hpp composed, so each element is what the unfused operations
// would give, bit for bit.
#pragma once

#include <cstdint>
#include <type_traits>

#include "kernels/elementwise_functors.hpp"
#include "kernels/elementwise_loops.hpp"

namespace lina::kernels {

// a * b + c, the product rounded first (ISO C++ does not contract it into an FMA).
struct MultiplyAdd {
  template <class T>
  static T apply(T a, T b, T c) { return Add::apply(Multiply::apply(a, b), c); }
};

// relu(x + bias).
struct AddRelu {
  template <class T>
  static T apply(T x, T bias) { return Relu::apply(Add::apply(x, bias)); }
};

// (x - mean) / std, standardize's expression: two roundings, as NumPy's two operations.
struct SubtractDivide {
  template <class T>
  static T apply(T x, T mean, T std) { return Divide::apply(Subtract::apply(x, mean), std); }
};

// Expressions defined only on floats (standardize's loop runs only in float types).
template <class Op>
inline constexpr bool kFloatOnly = std::is_same_v<Op, SubtractDivide>;

template <class Op>
constexpr int ternary_code() {
  if constexpr (std::is_same_v<Op, MultiplyAdd>) return kMultiplyAddOp;
  else return kSubtractDivideOp;
}

// The inner loop of a fused three-operand expression. Float runs whose output and
// first operand are contiguous, the other two contiguous or broadcast scalars (a row of
// means along the rows, or one mean per row: stride 0), run the Highway kernel;
// everything else the functor element by element, which gives the same bits.
template <class Op, class T>
void ternary_loop(char* const* p, const std::int64_t* st, std::int64_t n) {
  constexpr std::int64_t s = sizeof(T);
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, double>) {
    if (n >= kArithKernelMin && st[0] == s && st[1] == s && (st[2] == s || st[2] == 0) && (st[3] == s || st[3] == 0)) {
      const int kinds = (st[2] == 0 ? kScalarSecond : 0) | (st[3] == 0 ? kScalarThird : 0);
      return simd_ternary(ternary_code<Op>(), kinds, reinterpret_cast<const T*>(p[1]), reinterpret_cast<const T*>(p[2]),
                          reinterpret_cast<const T*>(p[3]), reinterpret_cast<T*>(p[0]), n);
    }
  }
  if (st[0] == s && st[1] == s && st[2] == s && st[3] == s) {
    T* out = reinterpret_cast<T*>(p[0]);
    const T* a = reinterpret_cast<const T*>(p[1]);
    const T* b = reinterpret_cast<const T*>(p[2]);
    const T* c = reinterpret_cast<const T*>(p[3]);
    for (std::int64_t i = 0; i < n; ++i) out[i] = Op::apply(a[i], b[i], c[i]);
    return;
  }
  char* o = p[0];
  const char* a = p[1];
  const char* b = p[2];
  const char* c = p[3];
  for (std::int64_t i = 0; i < n; ++i, o += st[0], a += st[1], b += st[2], c += st[3])
    *reinterpret_cast<T*>(o) = Op::apply(*reinterpret_cast<const T*>(a), *reinterpret_cast<const T*>(b),
                                         *reinterpret_cast<const T*>(c));
}

}  // namespace lina::kernels
