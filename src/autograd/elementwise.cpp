// Differentiable elementwise operations: arithmetic with broadcasting and the
// elementwise functions. Each rule undoes broadcasting with sum_to_shape.
#include "lina/autograd/functions.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"

namespace lina::autograd {
namespace {

using Grads = std::vector<Array>;

// A rule for a binary operation: d(result)/da and d(result)/db applied to g, before
// broadcasting is undone.
template <class RuleA, class RuleB>
Tensor binary(const char* op, Array value, const Tensor& a, const Tensor& b, RuleA rule_a, RuleB rule_b) {
  return Tensor::from_op(std::move(value), op, {a, b},
                         [a_shape = a.shape(), b_shape = b.shape(), rule_a, rule_b](const Array& g,
                                                                                      const std::vector<bool>& needs) {
                           Grads out(2);
                           if (needs[0]) out[0] = sum_to_shape(rule_a(g), a_shape);
                           if (needs[1]) out[1] = sum_to_shape(rule_b(g), b_shape);
                           return out;
                         });
}

// A rule for a one-input operation.
template <class Rule>
Tensor unary(const char* op, Array value, const Tensor& a, Rule rule) {
  return Tensor::from_op(std::move(value), op, {a}, [rule](const Array& g, const std::vector<bool>&) {
    return Grads{rule(g)};
  });
}

}  // namespace

Tensor add(const Tensor& a, const Tensor& b) {
  return binary("add", lina::add(a.value(), b.value()), a, b, [](const Array& g) { return g; },
                [](const Array& g) { return g; });
}

Tensor subtract(const Tensor& a, const Tensor& b) {
  return binary("subtract", lina::subtract(a.value(), b.value()), a, b, [](const Array& g) { return g; },
                [](const Array& g) { return lina::negative(g); });
}

Tensor multiply(const Tensor& a, const Tensor& b) {
  Array av = a.value(), bv = b.value();
  return binary("multiply", lina::multiply(av, bv), a, b, [bv](const Array& g) { return g * bv; },
                [av](const Array& g) { return g * av; });
}

Tensor divide(const Tensor& a, const Tensor& b) {
  Array av = a.value(), bv = b.value();
  return binary("divide", lina::divide(av, bv), a, b, [bv](const Array& g) { return g / bv; },
                [av, bv](const Array& g) { return lina::negative(g * av / (bv * bv)); });
}

Tensor power(const Tensor& a, const Tensor& b) {
  Array av = a.value(), bv = b.value();
  Array out = lina::power(av, bv);
  return binary(
      "power", out, a, b, [av, bv](const Array& g) { return g * bv * lina::power(av, bv - 1); },
      [av, out](const Array& g) { return g * out * lina::log(av); });
}

Tensor add(const Tensor& a, Scalar b) {
  return unary("add", lina::add(a.value(), b), a, [](const Array& g) { return g; });
}

Tensor subtract(const Tensor& a, Scalar b) {
  return unary("subtract", lina::subtract(a.value(), b), a, [](const Array& g) { return g; });
}

Tensor subtract(Scalar a, const Tensor& b) {
  return unary("subtract", lina::subtract(a, b.value()), b, [](const Array& g) { return lina::negative(g); });
}

Tensor multiply(const Tensor& a, Scalar b) {
  return unary("multiply", lina::multiply(a.value(), b), a, [b](const Array& g) { return g * b; });
}

Tensor divide(const Tensor& a, Scalar b) {
  return unary("divide", lina::divide(a.value(), b), a, [b](const Array& g) { return g / b; });
}

Tensor divide(Scalar a, const Tensor& b) {
  Array bv = b.value();
  Array out = lina::divide(a, bv);
  return unary("divide", out, b, [bv, out](const Array& g) { return lina::negative(g * out / bv); });
}

Tensor power(const Tensor& a, Scalar exponent) {
  Array av = a.value();
  return unary("power", lina::power(av, exponent), a, [av, exponent](const Array& g) {
    const Scalar minus_one = exponent.kind() == ScalarKind::Float ? Scalar(exponent.as_double() - 1.0)
                                                                  : Scalar(exponent.as_int() - 1);
    return g * exponent * lina::power(av, minus_one);
  });
}

Tensor negative(const Tensor& a) {
  return unary("negative", lina::negative(a.value()), a, [](const Array& g) { return lina::negative(g); });
}

Tensor exp(const Tensor& a) {
  Array out = lina::exp(a.value());
  return unary("exp", out, a, [out](const Array& g) { return g * out; });
}

Tensor log(const Tensor& a) {
  Array av = a.value();
  return unary("log", lina::log(av), a, [av](const Array& g) { return g / av; });
}

Tensor sqrt(const Tensor& a) {
  Array out = lina::sqrt(a.value());
  return unary("sqrt", out, a, [out](const Array& g) { return g / (out * 2); });
}

Tensor tanh(const Tensor& a) {
  Array out = lina::tanh(a.value());
  return unary("tanh", out, a, [out](const Array& g) { return g * (1 - out * out); });
}

Tensor sigmoid(const Tensor& a) {
  Array out = lina::sigmoid(a.value());
  return unary("sigmoid", out, a, [out](const Array& g) { return g * out * (1 - out); });
}

Tensor relu(const Tensor& a) {
  Array out = lina::relu(a.value());
  return unary("relu", out, a, [out](const Array& g) { return lina::where(out > 0, g, 0); });
}

Tensor abs(const Tensor& a) {
  Array av = a.value();
  return unary("abs", lina::abs(av), a, [av](const Array& g) { return g * lina::sign(av); });
}

namespace {

// maximum/minimum: the gradient goes to the operand that was chosen; where both are
// equal each gets half, so that the two halves sum to the whole.
Tensor select_extreme(const char* op, bool is_max, const Tensor& a, const Tensor& b) {
  Array av = a.value(), bv = b.value();
  Array out = is_max ? lina::maximum(av, bv) : lina::minimum(av, bv);
  auto share = [](const Array& mine, const Array& other, bool want_max) {
    return [mine, other, want_max](const Array& g) {
      Array won = want_max ? (mine > other) : (mine < other);
      return lina::where(won, g, lina::where(mine == other, g * 0.5, 0));
    };
  };
  return binary(op, out, a, b, share(av, bv, is_max), share(bv, av, is_max));
}

}  // namespace

Tensor maximum(const Tensor& a, const Tensor& b) { return select_extreme("maximum", true, a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return select_extreme("minimum", false, a, b); }

Tensor maximum(const Tensor& a, Scalar b) {
  return maximum(a, Tensor(full({}, b, a.dtype())));
}

Tensor minimum(const Tensor& a, Scalar b) {
  return minimum(a, Tensor(full({}, b, a.dtype())));
}

Tensor where(const Array& cond, const Tensor& x, const Tensor& y) {
  if (cond.dtype() != DType::Bool)
    throw TypeError(std::string("where: the condition must be a bool array, got ") + dtype_name(cond.dtype()));
  return binary("where", lina::where(cond, x.value(), y.value()), x, y,
                [cond](const Array& g) { return lina::where(cond, g, 0); },
                [cond](const Array& g) { return lina::where(cond, 0, g); });
}

Tensor clip(const Tensor& a, Scalar lo, Scalar hi) {
  Array av = a.value();
  return unary("clip", lina::clip(av, lo, hi), a, [av, lo, hi](const Array& g) {
    return lina::where(lina::logical_and(av >= lo, av <= hi), g, 0);
  });
}

}  // namespace lina::autograd
