// The elementwise driver: every unary and binary operation goes through run_binary /
// run_unary, which do promotion, broadcasting, input casting, output allocation or
// checking (out=), and hand the loop plan to a kernel from src/kernels/.
#include "lina/ops/elementwise.hpp"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <string>

#include "core/loop_plan.hpp"
#include "ops/operands.hpp"
#include "kernels/elementwise_functors.hpp"
#include "kernels/elementwise_loops.hpp"

namespace lina {

namespace {

namespace k = kernels;
using detail::can_cast_same_kind;
using detail::for_each_inner;
using detail::in_output_order;
using detail::make_loop_plan;
using detail::parallel_for_each_inner;
using detail::same_view;
using detail::unalias;

// An operand: an array, or a weak scalar (a C++ literal).
struct Operand {
  const Array* array = nullptr;
  Scalar scalar = Scalar(false);
  const Shape& shape() const {
    static const Shape kScalarShape{};
    return array ? array->shape() : kScalarShape;
  }
};

Operand of(const Array& a) { return Operand{&a, Scalar(false)}; }
Operand of(Scalar s) { return Operand{nullptr, s}; }

DType common_dtype(const Operand& a, const Operand& b) {
  if (a.array && b.array) return promote_types(a.array->dtype(), b.array->dtype());
  if (a.array) return promote_weak(a.array->dtype(), b.scalar.kind());
  if (b.array) return promote_weak(b.array->dtype(), a.scalar.kind());
  // Two literals: Python's own rules (bool < int < float).
  const auto rank = [](ScalarKind k) { return static_cast<int>(k); };
  const ScalarKind kk = rank(a.scalar.kind()) > rank(b.scalar.kind()) ? a.scalar.kind() : b.scalar.kind();
  return kk == ScalarKind::Bool ? DType::Bool : kk == ScalarKind::Int ? DType::Int64 : DType::Float64;
}

// An integer literal that does not fit an integer dtype `t` is an error, as NumPy's
// "Python integer 300 out of bounds for uint8".
void check_int_literal_fits(Scalar s, DType t, const char* op) {
  if (s.kind() == ScalarKind::Int && is_integer(t)) {
    const std::int64_t v = s.as_int();
    const auto [lo, hi] = [&]() -> std::pair<std::int64_t, std::int64_t> {
      switch (t) {
        case DType::UInt8: return {0, 255};
        case DType::Int32:
          return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
        default: return {std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()};
      }
    }();
    if (v < lo || v > hi)
      throw ValueError(std::string(op) + ": integer " + std::to_string(v) + " is out of bounds for " +
                       dtype_name(t) + " (valid: " + std::to_string(lo) + " to " + std::to_string(hi) +
                       "); convert the array with astype() first");
  }
}

// A 0-d array holding a weak scalar in dtype `t` (check_int_literal_fits first).
Array scalar_array(Scalar s, DType t, const char* op) {
  check_int_literal_fits(s, t, op);
  Array out(Shape{}, t);
  out.fill(s);
  return out;
}

Array as_dtype(const Operand& o, DType t, const char* op) {
  if (!o.array) return scalar_array(o.scalar, t, op);
  return o.array->dtype() == t ? *o.array : o.array->astype(t);
}

// An out= argument's dtype must hold the result's under NumPy's same_kind rule.
void check_cast(const char* op, DType result, const Array& out) {
  if (!can_cast_same_kind(result, out.dtype()))
    throw TypeError(std::string(op) + ": cannot cast the result from " + dtype_name(result) + " to the output's " +
                    dtype_name(out.dtype()) + " with casting rule 'same_kind'");
}

// Checks an out= argument's dtype against the result's, then its shape; returns the
// iteration shape.
Shape check_out(const char* op, const Array& out, const Shape& shape, DType result) {
  check_cast(op, result, out);
  return detail::out_iteration_shape(op, out.shape(), shape);
}

template <class F>
decltype(auto) visit_float(DType t, F&& f) {
  if (t == DType::Float32) return f(float{});
  return f(double{});
}

// The dtype float functions compute in for an input dtype (NumPy gives float16 for
// bool and uint8, which lina does not have: float32 is the nearest).
DType float_for(DType t) {
  if (is_floating(t)) return t;
  return (t == DType::Bool || t == DType::UInt8) ? DType::Float32 : DType::Float64;
}

// Room for a result array, constructed only when an operation makes one. Not
// std::optional<Array>: GCC 12 clears all of an optional's bytes with `rep stos` on
// construction, a seventh of an 8-element a + b.
class ResultSlot {
 public:
  ResultSlot() {}  // NOLINT: value_ is left unconstructed on purpose
  ResultSlot(const ResultSlot&) = delete;
  ResultSlot& operator=(const ResultSlot&) = delete;
  ~ResultSlot() {
    if (engaged_) value_.~Array();
  }
  Array& emplace(const Shape& shape, DType dtype) {
    new (&value_) Array(shape, dtype);
    engaged_ = true;
    return value_;
  }
  // The result, moved out; only after emplace().
  Array take() { return std::move(value_); }

 private:
  union {
    Array value_;
  };
  bool engaged_ = false;
};

enum class Family { Arithmetic, TrueDivide, Compare, Logical };

template <class Op>
Array& run_binary_into(const char* op, Family family, const Operand& a, const Operand& b, Array* out,
                       ResultSlot& result_holder) {
  const DType common = common_dtype(a, b);
  DType compute = common;
  DType result = common;
  switch (family) {
    case Family::Arithmetic:
      if (common == DType::Bool) {
        if constexpr (std::is_same_v<Op, k::Subtract>)
          throw TypeError(std::string(op) +
                          ": numpy boolean subtract, the `-` operator, is not supported; use "
                          "logical_xor instead, or astype() to an integer dtype first");
        if constexpr (std::is_same_v<Op, k::FloorDivide> || std::is_same_v<Op, k::Remainder> ||
                      std::is_same_v<Op, k::Power>) {
          // NumPy has the int8 loop and so reports operands that do not broadcast first
          // (with out=, its check of the output's dtype comes first, and lina keeps this
          // error there).
          if (!out) broadcast_shapes(a.shape(), b.shape(), op);
          throw TypeError(std::string(op) +
                          ": of two bool operands gives int8 in NumPy, a dtype lina does not have; "
                          "convert with astype() first");
        }
      }
      break;
    case Family::TrueDivide:
      compute = result = is_floating(common) ? common : DType::Float64;
      break;
    case Family::Compare: result = DType::Bool; break;
    case Family::Logical: compute = result = DType::Bool; break;
  }
  // As NumPy: a literal that does not fit the compute dtype is reported first, then the
  // output's dtype, then the shapes.
  for (const Operand* o : {&a, &b})
    if (!o->array) check_int_literal_fits(o->scalar, compute, op);
  if (out) check_cast(op, result, *out);
  // Calls drive(loop) with the inner loop for this operation and compute dtype.
  auto dispatch = [&](auto&& drive) {
    visit_dtype(compute, [&](auto t) {
      using T = decltype(t);
      if constexpr (std::is_same_v<Op, k::Divide>) {
        if constexpr (std::is_floating_point_v<T>) drive(k::binary_loop<Op, T, T>);
      } else if (family == Family::Compare || family == Family::Logical) {
        drive(k::binary_loop<Op, T, bool>);
      } else {
        if constexpr (!std::is_same_v<Op, k::Equal> && !std::is_same_v<Op, k::NotEqual> &&
                      !std::is_same_v<Op, k::Less> && !std::is_same_v<Op, k::LessEqual> &&
                      !std::is_same_v<Op, k::Greater> && !std::is_same_v<Op, k::GreaterEqual> &&
                      !std::is_same_v<Op, k::LogicalAnd> && !std::is_same_v<Op, k::LogicalOr> &&
                      !std::is_same_v<Op, k::LogicalXor>)
          drive(k::binary_loop<Op, T, T>);
      }
    });
  };
  // NOTE: [Small-array fast path]
  // Two C-contiguous arrays of the same shape and of the compute dtype, below the
  // threading grain, into a new array or a contiguous out= of that shape and the
  // result dtype: one flat run, without broadcasting, casts or the loop plan's vectors
  // (most of the per-call time of an 8-element a + b went to building them). An out=
  // that shares memory with an input is taken only when it is that very input
  // (a += b); any other overlap goes the general way, which copies the input first.
  constexpr bool kChecksExponents = std::is_same_v<Op, k::Power>;  // integer powers check b first
  if (!(kChecksExponents && is_integer(compute)) && a.array && b.array && a.array->dtype() == compute &&
      b.array->dtype() == compute && a.array->size() < detail::kParallelGrain && a.array->shape() == b.array->shape() &&
      a.array->is_contiguous() && b.array->is_contiguous()) {
    Array* target = nullptr;
    if (!out) {
      target = &result_holder.emplace(a.array->shape(), result);
    } else if (out->dtype() == result && out->shape() == a.array->shape() && out->is_contiguous() &&
               (!out->shares_memory_with(*a.array) || same_view(*out, *a.array)) &&
               (!out->shares_memory_with(*b.array) || same_view(*out, *b.array))) {
      target = out;
    }
    if (target) {
      const std::int64_t n = a.array->size();
      char* const p[3] = {static_cast<char*>(target->raw_data()),
                          static_cast<char*>(const_cast<void*>(a.array->raw_data())),
                          static_cast<char*>(const_cast<void*>(b.array->raw_data()))};
      const std::int64_t st[3] = {target->itemsize(), a.array->itemsize(), b.array->itemsize()};
      dispatch([&](auto loop) { loop(p, st, n); });
      return *target;
    }
  }
  // The same for a contiguous float array and a literal (x * 2.0f): the literal goes
  // straight into a local of the compute type instead of a 0-d array. Integer literals
  // only when the float type holds them exactly (NumPy converts them once, exactly).
  if (!out && is_floating(compute) && (a.array == nullptr) != (b.array == nullptr)) {
    const Operand& arr = a.array ? a : b;
    const Scalar lit = a.array ? b.scalar : a.scalar;
    const double v = lit.as_double();
    const bool exact = lit.kind() != ScalarKind::Int || (v >= -16777216.0 && v <= 16777216.0);
    if (exact && arr.array->dtype() == compute && arr.array->is_contiguous() && arr.array->size() < detail::kParallelGrain) {
      const std::int64_t n = arr.array->size();
      Array& target = result_holder.emplace(arr.array->shape(), result);
      alignas(8) unsigned char value[8];
      if (compute == DType::Float32) {
        const float f = static_cast<float>(v);
        std::memcpy(value, &f, sizeof f);
      } else {
        std::memcpy(value, &v, sizeof v);
      }
      char* const data = static_cast<char*>(const_cast<void*>(arr.array->raw_data()));
      char* const p[3] = {static_cast<char*>(target.raw_data()), a.array ? data : reinterpret_cast<char*>(value),
                          a.array ? reinterpret_cast<char*>(value) : data};
      const std::int64_t isz = arr.array->itemsize();
      const std::int64_t st[3] = {target.itemsize(), a.array ? isz : 0, a.array ? 0 : isz};
      dispatch([&](auto loop) { loop(p, st, n); });
      return target;
    }
  }
  Shape shape = broadcast_shapes(a.shape(), b.shape(), op);
  if (out) shape = detail::out_iteration_shape(op, out->shape(), shape);
  Array av = as_dtype(a, compute, op);
  Array bv = as_dtype(b, compute, op);
  if constexpr (std::is_same_v<Op, k::Power>) {
    if (is_integer(compute) && compute != DType::UInt8) {
      visit_dtype(compute, [&](auto t) {
        using T = decltype(t);
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
          const Array* ops1[1] = {&bv};
          bool negative = false;
          for_each_inner(make_loop_plan(bv.shape(), std::span<const Array* const>(ops1, 1)),
                         [&](char* const* p, const std::int64_t* st, std::int64_t n) {
                           for (std::int64_t i = 0; i < n; ++i)
                             negative |= *reinterpret_cast<const T*>(p[0] + i * st[0]) < 0;
                         });
          if (negative)
            throw ValueError(std::string(op) + ": Integers to negative integer powers are not allowed; "
                             "use a float dtype for negative exponents");
        }
      });
    }
  }
  Array* target;
  if (out) {
    check_out(op, *out, shape, result);
    av = unalias(av, *out);
    bv = unalias(bv, *out);
    if (out->dtype() == result) {
      target = out;
    } else {
      target = &result_holder.emplace(shape, result);
    }
  } else {
    target = &result_holder.emplace(shape, result);
  }
  av = in_output_order(av, *target);  // NOTE: [Transposed inputs copied first]
  bv = in_output_order(bv, *target);
  const Array* ops[3] = {target, &av, &bv};
  const auto plan = make_loop_plan(shape, std::span<const Array* const>(ops, 3));
  dispatch([&](auto loop) { parallel_for_each_inner(plan, loop); });
  if (out && target != out) {
    detail::copy_cast(*target, *out);
    return *out;
  }
  return *target;
}

template <class Op>
Array binary(const char* op, Family family, const Operand& a, const Operand& b) {
  // Without out= the result is always the holder: moved out, not copied (a copy of
  // the handle is two atomic reference-count updates per call).
  ResultSlot holder;
  run_binary_into<Op>(op, family, a, b, nullptr, holder);
  return holder.take();
}

template <class Op>
Array& binary_out(const char* op, Family family, const Operand& a, const Operand& b, Array& out) {
  ResultSlot holder;
  return run_binary_into<Op>(op, family, a, b, &out, holder);
}

enum class UnaryFamily { SameType, FloatFunction, ToBool };

// Whether an exactly rounded unary function has a Highway kernel over contiguous float
// runs (elementwise_math.cpp), and that kernel.
template <class Op, class T>
constexpr bool kHasExactSimdUnary =
    std::is_floating_point_v<T> &&
    (std::is_same_v<Op, k::Sqrt> || std::is_same_v<Op, k::Abs> || std::is_same_v<Op, k::Negative> ||
     std::is_same_v<Op, k::Relu> || std::is_same_v<Op, k::Floor> || std::is_same_v<Op, k::Ceil> ||
     std::is_same_v<Op, k::Round>);

template <class Op, class T>
constexpr auto exact_simd_unary() {
  using Fn = void (*)(const T*, T*, std::int64_t);
  if constexpr (std::is_same_v<Op, k::Sqrt>) return static_cast<Fn>(k::simd_sqrt);
  else if constexpr (std::is_same_v<Op, k::Abs>) return static_cast<Fn>(k::simd_abs);
  else if constexpr (std::is_same_v<Op, k::Negative>) return static_cast<Fn>(k::simd_negative);
  else if constexpr (std::is_same_v<Op, k::Relu>) return static_cast<Fn>(k::simd_relu);
  else if constexpr (std::is_same_v<Op, k::Floor>) return static_cast<Fn>(k::simd_floor);
  else if constexpr (std::is_same_v<Op, k::Ceil>) return static_cast<Fn>(k::simd_ceil);
  else return static_cast<Fn>(k::simd_round);
}

template <class Op>
Array& run_unary_into(const char* op, UnaryFamily family, const Array& a, Array* out, ResultSlot& holder) {
  DType compute = a.dtype();
  DType result = compute;
  if (family == UnaryFamily::FloatFunction) compute = result = float_for(a.dtype());
  if (family == UnaryFamily::ToBool) result = DType::Bool;
  if (a.dtype() == DType::Bool) {
    if constexpr (std::is_same_v<Op, k::Negative>)
      throw TypeError(std::string(op) +
                      ": the numpy boolean negative, the `-` operator, is not supported; use "
                      "logical_not instead");
    if constexpr (std::is_same_v<Op, k::Sign>)
      throw TypeError(std::string(op) + ": not supported for bool input (as in NumPy); convert with astype()");
    if constexpr (std::is_same_v<Op, k::Square>)
      throw TypeError(std::string(op) +
                      ": of a bool array gives int8 in NumPy, a dtype lina does not have; convert "
                      "with astype() first");
    if constexpr (std::is_same_v<Op, k::Round>) compute = result = DType::Float32;
  }
  Array av = a.dtype() == compute ? a : a.astype(compute);
  Array* target;
  Shape shape = a.shape();
  if (out) {
    shape = check_out(op, *out, shape, result);
    av = unalias(av, *out);
    if (out->dtype() == result) {
      target = out;
    } else {
      target = &holder.emplace(shape, result);
    }
  } else {
    target = &holder.emplace(shape, result);
  }
  av = in_output_order(av, *target);  // NOTE: [Transposed inputs copied first]
  const Array* ops[2] = {target, &av};
  const auto plan = make_loop_plan(shape, std::span<const Array* const>(ops, 2));
  if constexpr (std::is_same_v<Op, k::LogicalNot>) {
    visit_dtype(compute, [&](auto t) {
      using T = decltype(t);
      parallel_for_each_inner(plan, k::unary_loop<Op, T, bool>);
    });
  } else if (family == UnaryFamily::FloatFunction ||
             (std::is_same_v<Op, k::Round> && is_floating(compute))) {
    visit_float(compute, [&](auto t) {
      using T = decltype(t);
      if constexpr (std::is_same_v<Op, k::Exp>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_exp)>);
      else if constexpr (std::is_same_v<Op, k::Expm1>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_expm1)>);
      else if constexpr (std::is_same_v<Op, k::Log>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_log)>);
      else if constexpr (std::is_same_v<Op, k::Log1p>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_log1p)>);
      else if constexpr (std::is_same_v<Op, k::Tanh>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_tanh)>);
      else if constexpr (std::is_same_v<Op, k::Sigmoid>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_sigmoid)>);
      else if constexpr (std::is_same_v<Op, k::Sin>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_sin)>);
      else if constexpr (std::is_same_v<Op, k::Cos>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, static_cast<void (*)(const T*, T*, std::int64_t)>(k::simd_cos)>);
      else if constexpr (kHasExactSimdUnary<Op, T>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, exact_simd_unary<Op, T>()>);
      else
        parallel_for_each_inner(plan, k::unary_loop<Op, T, T>);
    });
  } else {
    visit_dtype(compute, [&](auto t) {
      using T = decltype(t);
      constexpr bool float_only = std::is_same_v<Op, k::Exp> || std::is_same_v<Op, k::Log> ||
                                  std::is_same_v<Op, k::Log1p> || std::is_same_v<Op, k::Expm1> ||
                                  std::is_same_v<Op, k::Sqrt> || std::is_same_v<Op, k::Sin> ||
                                  std::is_same_v<Op, k::Cos> || std::is_same_v<Op, k::Tanh> ||
                                  std::is_same_v<Op, k::Floor> || std::is_same_v<Op, k::Ceil> ||
                                  std::is_same_v<Op, k::Sigmoid>;
      if constexpr (kHasExactSimdUnary<Op, T>)
        parallel_for_each_inner(plan, k::simd_unary_loop<Op, T, exact_simd_unary<Op, T>()>);
      else if constexpr (!float_only)
        parallel_for_each_inner(plan, k::unary_loop<Op, T, T>);
    });
  }
  if (out && target != out) {
    detail::copy_cast(*target, *out);
    return *out;
  }
  return *target;
}

template <class Op>
Array unary(const char* op, UnaryFamily family, const Array& a) {
  ResultSlot holder;
  run_unary_into<Op>(op, family, a, nullptr, holder);
  return holder.take();
}

template <class Op>
Array& unary_out(const char* op, UnaryFamily family, const Array& a, Array& out) {
  ResultSlot holder;
  return run_unary_into<Op>(op, family, a, &out, holder);
}

}  // namespace

#define LINA_DEFINE_BINARY(name, Op, family)                                                     \
  Array name(const Array& a, const Array& b) { return binary<k::Op>(#name, family, of(a), of(b)); } \
  Array name(const Array& a, Scalar b) { return binary<k::Op>(#name, family, of(a), of(b)); }       \
  Array name(Scalar a, const Array& b) { return binary<k::Op>(#name, family, of(a), of(b)); }       \
  Array& name(const Array& a, const Array& b, Array& out) {                                      \
    return binary_out<k::Op>(#name, family, of(a), of(b), out);                                  \
  }                                                                                              \
  Array& name(const Array& a, Scalar b, Array& out) {                                            \
    return binary_out<k::Op>(#name, family, of(a), of(b), out);                                  \
  }                                                                                              \
  Array& name(Scalar a, const Array& b, Array& out) {                                            \
    return binary_out<k::Op>(#name, family, of(a), of(b), out);                                  \
  }

LINA_DEFINE_BINARY(add, Add, Family::Arithmetic)
LINA_DEFINE_BINARY(subtract, Subtract, Family::Arithmetic)
LINA_DEFINE_BINARY(multiply, Multiply, Family::Arithmetic)
LINA_DEFINE_BINARY(hadamard, Multiply, Family::Arithmetic)
LINA_DEFINE_BINARY(divide, Divide, Family::TrueDivide)
LINA_DEFINE_BINARY(floor_divide, FloorDivide, Family::Arithmetic)
LINA_DEFINE_BINARY(remainder, Remainder, Family::Arithmetic)
LINA_DEFINE_BINARY(mod, Remainder, Family::Arithmetic)
LINA_DEFINE_BINARY(power, Power, Family::Arithmetic)
LINA_DEFINE_BINARY(maximum, Maximum, Family::Arithmetic)
LINA_DEFINE_BINARY(minimum, Minimum, Family::Arithmetic)
LINA_DEFINE_BINARY(equal, Equal, Family::Compare)
LINA_DEFINE_BINARY(not_equal, NotEqual, Family::Compare)
LINA_DEFINE_BINARY(less, Less, Family::Compare)
LINA_DEFINE_BINARY(less_equal, LessEqual, Family::Compare)
LINA_DEFINE_BINARY(greater, Greater, Family::Compare)
LINA_DEFINE_BINARY(greater_equal, GreaterEqual, Family::Compare)
LINA_DEFINE_BINARY(logical_and, LogicalAnd, Family::Logical)
LINA_DEFINE_BINARY(logical_or, LogicalOr, Family::Logical)
LINA_DEFINE_BINARY(logical_xor, LogicalXor, Family::Logical)

#undef LINA_DEFINE_BINARY

#define LINA_DEFINE_UNARY(name, Op, family)                                                 \
  Array name(const Array& a) { return unary<k::Op>(#name, family, a); }                     \
  Array& name(const Array& a, Array& out) { return unary_out<k::Op>(#name, family, a, out); }

LINA_DEFINE_UNARY(negative, Negative, UnaryFamily::SameType)
LINA_DEFINE_UNARY(abs, Abs, UnaryFamily::SameType)
LINA_DEFINE_UNARY(sign, Sign, UnaryFamily::SameType)
LINA_DEFINE_UNARY(square, Square, UnaryFamily::SameType)
LINA_DEFINE_UNARY(round, Round, UnaryFamily::SameType)
LINA_DEFINE_UNARY(relu, Relu, UnaryFamily::SameType)
LINA_DEFINE_UNARY(exp, Exp, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(log, Log, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(log1p, Log1p, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(expm1, Expm1, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(sqrt, Sqrt, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(sin, Sin, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(cos, Cos, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(tanh, Tanh, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(floor, Floor, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(ceil, Ceil, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(sigmoid, Sigmoid, UnaryFamily::FloatFunction)
LINA_DEFINE_UNARY(logical_not, LogicalNot, UnaryFamily::ToBool)

#undef LINA_DEFINE_UNARY

// --- where and clip ------------------------------------------------------------------

namespace {

Array where_impl(const Array& cond, const Operand& x, const Operand& y) {
  const Shape shape = broadcast_shapes({cond.shape(), x.shape(), y.shape()}, "where");
  const DType t = common_dtype(x, y);
  Array out(shape, t);
  // NOTE: [Transposed inputs copied first]
  const Array c = in_output_order(cond.dtype() == DType::Bool ? cond : cond.astype(DType::Bool), out);
  const Array xv = in_output_order(as_dtype(x, t, "where"), out);
  const Array yv = in_output_order(as_dtype(y, t, "where"), out);
  const Array* ops[4] = {&out, &c, &xv, &yv};
  const auto plan = make_loop_plan(shape, std::span<const Array* const>(ops, 4));
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    parallel_for_each_inner(plan, k::where_loop<T>);
  });
  return out;
}

}  // namespace

Array where(const Array& cond, const Array& x, const Array& y) { return where_impl(cond, of(x), of(y)); }
Array where(const Array& cond, const Array& x, Scalar y) { return where_impl(cond, of(x), of(y)); }
Array where(const Array& cond, Scalar x, const Array& y) { return where_impl(cond, of(x), of(y)); }
Array where(const Array& cond, Scalar x, Scalar y) { return where_impl(cond, of(x), of(y)); }

namespace {

// clip's result dtype: a with both bounds, promoted together (clip(int_array, 0.5, 2.5) is
// float64, as NumPy), weak scalars by NEP 50.
DType clip_dtype(const Array& a, const Operand& lo, const Operand& hi) {
  const auto with = [&](DType t, const Operand& bound) {
    return bound.array ? promote_types(t, bound.array->dtype()) : promote_weak(t, bound.scalar.kind());
  };
  return promote_types(with(a.dtype(), lo), with(a.dtype(), hi));
}

// Floats between scalar bounds in one pass (the bounds rounded to the dtype, as maximum
// and minimum round a weak scalar): the same selections as the two operations, without
// the temporary. `in` and `out` have the same shape and dtype T's; `in` may be out itself.
void clip_scalars_pass(const Array& in_any, Scalar lo, Scalar hi, Array& out) {
  const Array in = in_output_order(in_any, out);  // NOTE: [Transposed inputs copied first]
  const Array* ops[2] = {&out, &in};
  const auto plan = make_loop_plan(in.shape(), std::span<const Array* const>(ops, 2));
  visit_float(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T l = static_cast<T>(lo.as_double()), h = static_cast<T>(hi.as_double());  // as Array::fill
    parallel_for_each_inner(plan, [l, h](char* const* p, const std::int64_t* st, std::int64_t n) {
      if (st[0] == sizeof(T) && st[1] == sizeof(T))
        return k::simd_clip(reinterpret_cast<const T*>(p[1]), l, h, reinterpret_cast<T*>(p[0]), n);
      for (std::int64_t i = 0; i < n; ++i)
        *reinterpret_cast<T*>(p[0] + i * st[0]) =
            k::Minimum::apply(k::Maximum::apply(*reinterpret_cast<const T*>(p[1] + i * st[1]), l), h);
    });
  });
}

Array clip_impl(const Array& a, const Operand& lo, const Operand& hi) {
  const DType t = clip_dtype(a, lo, hi);
  const Array av = a.dtype() == t ? a : a.astype(t);
  if (is_floating(t) && !lo.array && !hi.array) {
    Array out(av.shape(), t);
    clip_scalars_pass(av, lo.scalar, hi.scalar, out);
    return out;
  }
  const Array low = lo.array ? maximum(av, *lo.array) : maximum(av, lo.scalar);
  return hi.array ? minimum(low, *hi.array) : minimum(low, hi.scalar);
}

// out= : maximum into out, then minimum of out in place, after clip's own checks (so that
// errors name clip): the result dtype casts to out's under same_kind, and out's shape
// is one the three operands broadcast to. An upper bound that shares memory with out is
// copied first, because the first pass overwrites out (maximum itself copies an a or a
// lower bound that overlaps out).
Array& clip_into(const Array& a, const Operand& lo, const Operand& hi, Array& out) {
  const DType t = clip_dtype(a, lo, hi);
  check_cast("clip", t, out);  // before any shape, the operands' included, as NumPy
  detail::out_iteration_shape("clip", out.shape(), broadcast_shapes({a.shape(), lo.shape(), hi.shape()}, "clip"));
  const Array av = a.dtype() == t ? a : a.astype(t);
  if (is_floating(t) && !lo.array && !hi.array && out.dtype() == t && out.shape() == av.shape() &&
      (!out.shares_memory_with(av) || same_view(out, av))) {
    clip_scalars_pass(av, lo.scalar, hi.scalar, out);
    return out;
  }
  Array hi_kept;
  if (hi.array) hi_kept = hi.array->shares_memory_with(out) ? hi.array->copy() : *hi.array;
  if (lo.array) maximum(av, *lo.array, out);
  else maximum(av, lo.scalar, out);
  return hi.array ? minimum(out, hi_kept, out) : minimum(out, hi.scalar, out);
}

}  // namespace

Array clip(const Array& a, const Array& lo, const Array& hi) { return clip_impl(a, of(lo), of(hi)); }
Array clip(const Array& a, Scalar lo, Scalar hi) { return clip_impl(a, of(lo), of(hi)); }
Array clip(const Array& a, const Array& lo, Scalar hi) { return clip_impl(a, of(lo), of(hi)); }
Array clip(const Array& a, Scalar lo, const Array& hi) { return clip_impl(a, of(lo), of(hi)); }
Array& clip(const Array& a, const Array& lo, const Array& hi, Array& out) { return clip_into(a, of(lo), of(hi), out); }
Array& clip(const Array& a, Scalar lo, Scalar hi, Array& out) { return clip_into(a, of(lo), of(hi), out); }
Array& clip(const Array& a, const Array& lo, Scalar hi, Array& out) { return clip_into(a, of(lo), of(hi), out); }
Array& clip(const Array& a, Scalar lo, const Array& hi, Array& out) { return clip_into(a, of(lo), of(hi), out); }

// --- in-place operators -----------------------------------------------------------------

Array& Array::operator+=(const Array& b) { return add(*this, b, *this); }
Array& Array::operator-=(const Array& b) { return subtract(*this, b, *this); }
Array& Array::operator*=(const Array& b) { return multiply(*this, b, *this); }
Array& Array::operator/=(const Array& b) { return divide(*this, b, *this); }
Array& Array::operator+=(Scalar b) { return add(*this, b, *this); }
Array& Array::operator-=(Scalar b) { return subtract(*this, b, *this); }
Array& Array::operator*=(Scalar b) { return multiply(*this, b, *this); }
Array& Array::operator/=(Scalar b) { return divide(*this, b, *this); }

}  // namespace lina
