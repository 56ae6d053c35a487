// Elementwise operations with NumPy's broadcasting and NEP 50 promotion.
//
// Every binary function takes arrays or C++ literals on either side; a literal is a
// weak scalar (`x_f32 * 2.0` stays float32, `x_i32 + 1` stays int32). The out= form
// writes into an existing array and returns it: the result is cast into out's dtype
// under NumPy's "same_kind" rule, and out takes part in broadcasting, as in NumPy: it
// has the operands' broadcast shape or a larger one that shape broadcasts to
// (add(a, b, out) with a, b of shape (3,) and out of shape (2, 3) fills both rows).
#pragma once

#include "lina/core/array.hpp"

namespace lina {

#define LINA_DECLARE_BINARY(name)                               \
  Array name(const Array& a, const Array& b);                   \
  Array name(const Array& a, Scalar b);                         \
  Array name(Scalar a, const Array& b);                         \
  Array& name(const Array& a, const Array& b, Array& out);      \
  Array& name(const Array& a, Scalar b, Array& out);            \
  Array& name(Scalar a, const Array& b, Array& out);

// Arithmetic.
LINA_DECLARE_BINARY(add)
LINA_DECLARE_BINARY(subtract)
LINA_DECLARE_BINARY(multiply)
LINA_DECLARE_BINARY(hadamard)  // the cheat sheet's name for multiply
LINA_DECLARE_BINARY(divide)    // true division: integers give float64
LINA_DECLARE_BINARY(floor_divide)
LINA_DECLARE_BINARY(remainder)  // Python's %: the sign of the divisor
LINA_DECLARE_BINARY(mod)        // = remainder
LINA_DECLARE_BINARY(power)
LINA_DECLARE_BINARY(maximum)  // NaN propagates
LINA_DECLARE_BINARY(minimum)
// Comparisons (bool results).
LINA_DECLARE_BINARY(equal)
LINA_DECLARE_BINARY(not_equal)
LINA_DECLARE_BINARY(less)
LINA_DECLARE_BINARY(less_equal)
LINA_DECLARE_BINARY(greater)
LINA_DECLARE_BINARY(greater_equal)
// Logical (truth values of any dtype; bool results).
LINA_DECLARE_BINARY(logical_and)
LINA_DECLARE_BINARY(logical_or)
LINA_DECLARE_BINARY(logical_xor)

#undef LINA_DECLARE_BINARY

#define LINA_DECLARE_UNARY(name) \
  Array name(const Array& a);    \
  Array& name(const Array& a, Array& out);

// Integer and bool inputs of the float functions give float64 (int32, int64) or
// float32 (bool, uint8: NumPy gives float16, which lina does not have).
LINA_DECLARE_UNARY(negative)
LINA_DECLARE_UNARY(abs)
LINA_DECLARE_UNARY(sign)
LINA_DECLARE_UNARY(exp)
LINA_DECLARE_UNARY(log)
LINA_DECLARE_UNARY(log1p)
LINA_DECLARE_UNARY(expm1)
LINA_DECLARE_UNARY(sqrt)
LINA_DECLARE_UNARY(square)
LINA_DECLARE_UNARY(sin)
LINA_DECLARE_UNARY(cos)
LINA_DECLARE_UNARY(tanh)
LINA_DECLARE_UNARY(floor)
LINA_DECLARE_UNARY(ceil)
LINA_DECLARE_UNARY(round)  // half to even, as numpy.round; integers unchanged
LINA_DECLARE_UNARY(sigmoid)  // 1 / (1 + exp(-x)), without overflow for large |x|
LINA_DECLARE_UNARY(relu)     // maximum(x, 0), keeping the dtype
LINA_DECLARE_UNARY(logical_not)

#undef LINA_DECLARE_UNARY

// where(cond, x, y): x where cond is true, else y; all three broadcast together.
Array where(const Array& cond, const Array& x, const Array& y);
Array where(const Array& cond, const Array& x, Scalar y);
Array where(const Array& cond, Scalar x, const Array& y);
Array where(const Array& cond, Scalar x, Scalar y);

// clip(a, lo, hi) = minimum(maximum(a, lo), hi), as NumPy. The out= forms write into an
// existing array under the same rules as the binary functions' (same_kind casting of the
// result, out's shape the operands' broadcast shape or one that shape broadcasts to).
Array clip(const Array& a, const Array& lo, const Array& hi);
Array clip(const Array& a, Scalar lo, Scalar hi);
Array clip(const Array& a, const Array& lo, Scalar hi);
Array clip(const Array& a, Scalar lo, const Array& hi);
Array& clip(const Array& a, const Array& lo, const Array& hi, Array& out);
Array& clip(const Array& a, Scalar lo, Scalar hi, Array& out);
Array& clip(const Array& a, const Array& lo, Scalar hi, Array& out);
Array& clip(const Array& a, Scalar lo, const Array& hi, Array& out);

// Operators.
inline Array operator+(const Array& a, const Array& b) { return add(a, b); }
inline Array operator+(const Array& a, Scalar b) { return add(a, b); }
inline Array operator+(Scalar a, const Array& b) { return add(a, b); }
inline Array operator-(const Array& a, const Array& b) { return subtract(a, b); }
inline Array operator-(const Array& a, Scalar b) { return subtract(a, b); }
inline Array operator-(Scalar a, const Array& b) { return subtract(a, b); }
inline Array operator*(const Array& a, const Array& b) { return multiply(a, b); }
inline Array operator*(const Array& a, Scalar b) { return multiply(a, b); }
inline Array operator*(Scalar a, const Array& b) { return multiply(a, b); }
inline Array operator/(const Array& a, const Array& b) { return divide(a, b); }
inline Array operator/(const Array& a, Scalar b) { return divide(a, b); }
inline Array operator/(Scalar a, const Array& b) { return divide(a, b); }
inline Array operator%(const Array& a, const Array& b) { return remainder(a, b); }
inline Array operator%(const Array& a, Scalar b) { return remainder(a, b); }
inline Array operator%(Scalar a, const Array& b) { return remainder(a, b); }
inline Array operator-(const Array& a) { return negative(a); }
inline Array operator+(const Array& a) { return a; }
inline Array operator==(const Array& a, const Array& b) { return equal(a, b); }
inline Array operator==(const Array& a, Scalar b) { return equal(a, b); }
inline Array operator!=(const Array& a, const Array& b) { return not_equal(a, b); }
inline Array operator!=(const Array& a, Scalar b) { return not_equal(a, b); }
inline Array operator<(const Array& a, const Array& b) { return less(a, b); }
inline Array operator<(const Array& a, Scalar b) { return less(a, b); }
inline Array operator<=(const Array& a, const Array& b) { return less_equal(a, b); }
inline Array operator<=(const Array& a, Scalar b) { return less_equal(a, b); }
inline Array operator>(const Array& a, const Array& b) { return greater(a, b); }
inline Array operator>(const Array& a, Scalar b) { return greater(a, b); }
inline Array operator>=(const Array& a, const Array& b) { return greater_equal(a, b); }
inline Array operator>=(const Array& a, Scalar b) { return greater_equal(a, b); }
inline Array operator&&(const Array& a, const Array& b) { return logical_and(a, b); }
inline Array operator||(const Array& a, const Array& b) { return logical_or(a, b); }
inline Array operator!(const Array& a) { return logical_not(a); }

}  // namespace lina
