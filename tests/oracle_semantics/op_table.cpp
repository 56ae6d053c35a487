#include "op_table.hpp"

#include <stdexcept>

#include "lina/lina.hpp"

namespace oracle {

namespace {

using lina::Array;
using lina::Scalar;

const Arg& arg(std::vector<Arg>& args, std::size_t k, Arg::Kind kind) {
  if (k >= args.size()) throw std::runtime_error("oracle: missing argument " + std::to_string(k));
  if (args[k].kind != kind) throw std::runtime_error("oracle: argument " + args[k].token + " has the wrong kind");
  return args[k];
}
const Array& A(std::vector<Arg>& args, std::size_t k) { return arg(args, k, Arg::Array).array; }
int I(std::vector<Arg>& args, std::size_t k) { return static_cast<int>(arg(args, k, Arg::Int).i); }
bool B(std::vector<Arg>& args, std::size_t k, bool dflt = false) {
  return k < args.size() ? arg(args, k, Arg::Bool).i != 0 : dflt;
}
std::optional<int> Opt(std::vector<Arg>& args, std::size_t k) {
  if (k >= args.size()) return std::nullopt;
  const auto& o = arg(args, k, Arg::OptInt).opt;
  return o ? std::optional<int>(static_cast<int>(*o)) : std::nullopt;
}
std::vector<int> Ints(std::vector<Arg>& args, std::size_t k) {
  std::vector<int> out;
  for (auto v : arg(args, k, Arg::Ints).ints) out.push_back(static_cast<int>(v));
  return out;
}
std::vector<Array> Arrays(std::vector<Arg>& args) {
  std::vector<Array> out;
  for (auto& a : args)
    if (a.kind == Arg::Array) out.push_back(a.array);
  return out;
}

// Calls f with each operand as an Array or a weak Scalar, as the manifest says.
template <class F>
OpResult binary(std::vector<Arg>& args, F f) {
  const Arg& a = args.at(0);
  const Arg& b = args.at(1);
  if (a.kind == Arg::Array && b.kind == Arg::Array) return {call_if(f, a.array, b.array, "(Array, Array)")};
  if (a.kind == Arg::Array && b.kind == Arg::Weak) return {call_if(f, a.array, *b.scalar, "(Array, Scalar)")};
  if (a.kind == Arg::Weak && b.kind == Arg::Array) return {call_if(f, *a.scalar, b.array, "(Scalar, Array)")};
  throw std::runtime_error("oracle: binary op needs at least one array");
}

// Calls f(x, y) when lina has that overload, else reports the missing overload as
// this case's mismatch (so the suite compiles against any stage of the API).
template <class F, class X, class Y>
Array call_if(F f, const X& x, const Y& y, const char* what) {
  if constexpr (requires { f(x, y); }) {
    return f(x, y);
  } else {
    throw std::runtime_error(std::string("lina has no overload for ") + what);
  }
}

template <class F, class X, class Y, class Z>
Array call_if(F f, const X& x, const Y& y, const Z& z, const char* what) {
  if constexpr (requires { f(x, y, z); }) {
    return f(x, y, z);
  } else {
    throw std::runtime_error(std::string("lina has no overload for ") + what);
  }
}

template <class F>
OpResult ternary(std::vector<Arg>& args, F f) {
  const Array& a = A(args, 0);
  const Arg& x = args.at(1);
  const Arg& y = args.at(2);
  if (x.kind == Arg::Array && y.kind == Arg::Array) return {call_if(f, a, x.array, y.array, "(Array, Array, Array)")};
  if (x.kind == Arg::Array && y.kind == Arg::Weak) return {call_if(f, a, x.array, *y.scalar, "(Array, Array, Scalar)")};
  if (x.kind == Arg::Weak && y.kind == Arg::Array) return {call_if(f, a, *x.scalar, y.array, "(Array, Scalar, Array)")};
  return {call_if(f, a, *x.scalar, *y.scalar, "(Array, Scalar, Scalar)")};
}

// In-place forms: the expected value is the operand's base array afterwards.
template <class F>
OpResult inplace(std::vector<Arg>& args, F f) {
  Arg& a = args.at(0);
  const Arg& b = args.at(1);
  if (b.kind == Arg::Array) f(a.array, b.array);
  else f(a.array, *b.scalar);
  return {a.base};
}

template <class F>
OpResult out_form(std::vector<Arg>& args, F f) {
  Array out = A(args, 2);
  f(A(args, 0), A(args, 1), out);
  return {args[2].base};
}

std::map<std::string, OpFn> build() {
  std::map<std::string, OpFn> t;
#define LINA_ORACLE_BINARY(NAME)                                                                 \
  t[#NAME] = [](std::vector<Arg>& a) {                                                          \
    return binary(a, [](const auto& x, const auto& y) -> decltype(lina::NAME(x, y)) {          \
      return lina::NAME(x, y);                                                                  \
    });                                                                                          \
  };
  LINA_ORACLE_BINARY(add)
  LINA_ORACLE_BINARY(subtract)
  LINA_ORACLE_BINARY(multiply)
  LINA_ORACLE_BINARY(hadamard)
  LINA_ORACLE_BINARY(divide)
  LINA_ORACLE_BINARY(floor_divide)
  LINA_ORACLE_BINARY(remainder)
  LINA_ORACLE_BINARY(power)
  LINA_ORACLE_BINARY(maximum)
  LINA_ORACLE_BINARY(minimum)
  LINA_ORACLE_BINARY(equal)
  LINA_ORACLE_BINARY(not_equal)
  LINA_ORACLE_BINARY(less)
  LINA_ORACLE_BINARY(less_equal)
  LINA_ORACLE_BINARY(greater)
  LINA_ORACLE_BINARY(greater_equal)
  LINA_ORACLE_BINARY(logical_and)
  LINA_ORACLE_BINARY(logical_or)
  LINA_ORACLE_BINARY(logical_xor)
#undef LINA_ORACLE_BINARY

#define LINA_ORACLE_OPERATOR(NAME, OP)                                                       \
  t[NAME] = [](std::vector<Arg>& a) {                                                       \
    return binary(a, [](const auto& x, const auto& y) -> decltype(x OP y) { return x OP y; });  \
  };
  LINA_ORACLE_OPERATOR("op+", +)
  LINA_ORACLE_OPERATOR("op-", -)
  LINA_ORACLE_OPERATOR("op*", *)
  LINA_ORACLE_OPERATOR("op/", /)
  LINA_ORACLE_OPERATOR("op%", %)
  LINA_ORACLE_OPERATOR("op==", ==)
  LINA_ORACLE_OPERATOR("op!=", !=)
  LINA_ORACLE_OPERATOR("op<", <)
  LINA_ORACLE_OPERATOR("op<=", <=)
  LINA_ORACLE_OPERATOR("op>", >)
  LINA_ORACLE_OPERATOR("op>=", >=)
  LINA_ORACLE_OPERATOR("op&&", &&)
  LINA_ORACLE_OPERATOR("op||", ||)
#undef LINA_ORACLE_OPERATOR
  t["op-u"] = [](std::vector<Arg>& a) -> OpResult { return {-A(a, 0)}; };
  t["op!"] = [](std::vector<Arg>& a) -> OpResult { return {!A(a, 0)}; };

#define LINA_ORACLE_UNARY(NAME) \
  t[#NAME] = [](std::vector<Arg>& a) -> OpResult { return {lina::NAME(A(a, 0))}; };
  LINA_ORACLE_UNARY(negative)
  LINA_ORACLE_UNARY(abs)
  LINA_ORACLE_UNARY(sign)
  LINA_ORACLE_UNARY(exp)
  LINA_ORACLE_UNARY(log)
  LINA_ORACLE_UNARY(log1p)
  LINA_ORACLE_UNARY(expm1)
  LINA_ORACLE_UNARY(sqrt)
  LINA_ORACLE_UNARY(square)
  LINA_ORACLE_UNARY(sin)
  LINA_ORACLE_UNARY(cos)
  LINA_ORACLE_UNARY(tanh)
  LINA_ORACLE_UNARY(floor)
  LINA_ORACLE_UNARY(ceil)
  LINA_ORACLE_UNARY(round)
  LINA_ORACLE_UNARY(sigmoid)
  LINA_ORACLE_UNARY(relu)
  LINA_ORACLE_UNARY(logical_not)
#undef LINA_ORACLE_UNARY

  t["where"] = [](std::vector<Arg>& a) {
    return ternary(a, [](const Array& c, const auto& x, const auto& y) -> decltype(lina::where(c, x, y)) {
      return lina::where(c, x, y);
    });
  };
  t["clip"] = [](std::vector<Arg>& a) {
    return ternary(a, [](const Array& x, const auto& lo, const auto& hi) -> decltype(lina::clip(x, lo, hi)) {
      return lina::clip(x, lo, hi);
    });
  };

  t["iadd"] = [](std::vector<Arg>& a) { return inplace(a, [](Array& x, const auto& y) { x += y; }); };
  t["isub"] = [](std::vector<Arg>& a) { return inplace(a, [](Array& x, const auto& y) { x -= y; }); };
  t["imul"] = [](std::vector<Arg>& a) { return inplace(a, [](Array& x, const auto& y) { x *= y; }); };
  t["idiv"] = [](std::vector<Arg>& a) { return inplace(a, [](Array& x, const auto& y) { x /= y; }); };
  t["add_out"] = [](std::vector<Arg>& a) {
    return out_form(a, [](const Array& x, const Array& y, Array& o) { lina::add(x, y, o); });
  };
  t["subtract_out"] = [](std::vector<Arg>& a) {
    return out_form(a, [](const Array& x, const Array& y, Array& o) { lina::subtract(x, y, o); });
  };
  t["multiply_out"] = [](std::vector<Arg>& a) {
    return out_form(a, [](const Array& x, const Array& y, Array& o) { lina::multiply(x, y, o); });
  };
  t["maximum_out"] = [](std::vector<Arg>& a) {
    return out_form(a, [](const Array& x, const Array& y, Array& o) { lina::maximum(x, y, o); });
  };
  t["exp_out"] = [](std::vector<Arg>& a) -> OpResult {
    Array out = A(a, 1);
    lina::exp(A(a, 0), out);
    return {a[1].base};
  };
  t["negative_out"] = [](std::vector<Arg>& a) -> OpResult {
    Array out = A(a, 1);
    lina::negative(A(a, 0), out);
    return {a[1].base};
  };

  // reductions: (a, axes, keepdims[, dtype]); var/std: (a, axes, ddof, keepdims)
#define LINA_ORACLE_REDUCE(NAME, CALL)                                                  \
  t[NAME] = [](std::vector<Arg>& a) -> OpResult {                                      \
    const lina::Axes& ax = arg(a, 1, Arg::Axes).axes;                                  \
    return {lina::CALL(A(a, 0), ax, B(a, 2))};                                         \
  };
  LINA_ORACLE_REDUCE("prod", prod)
  LINA_ORACLE_REDUCE("mean", mean)
  LINA_ORACLE_REDUCE("min", min)
  LINA_ORACLE_REDUCE("max", max)
  LINA_ORACLE_REDUCE("amin", amin)
  LINA_ORACLE_REDUCE("amax", amax)
  LINA_ORACLE_REDUCE("all", all)
  LINA_ORACLE_REDUCE("any", any)
#undef LINA_ORACLE_REDUCE
  t["sum"] = [](std::vector<Arg>& a) -> OpResult {
    const lina::Axes& ax = arg(a, 1, Arg::Axes).axes;
    if (a.size() > 3) return {lina::sum(A(a, 0), ax, B(a, 2), arg(a, 3, Arg::DType).dtype)};
    return {lina::sum(A(a, 0), ax, B(a, 2))};
  };
  t["var"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::var(A(a, 0), arg(a, 1, Arg::Axes).axes, I(a, 2), B(a, 3))};
  };
  t["std"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::stddev(A(a, 0), arg(a, 1, Arg::Axes).axes, I(a, 2), B(a, 3))};
  };
  t["argmin"] = [](std::vector<Arg>& a) -> OpResult { return {lina::argmin(A(a, 0), Opt(a, 1), B(a, 2))}; };
  t["argmax"] = [](std::vector<Arg>& a) -> OpResult { return {lina::argmax(A(a, 0), Opt(a, 1), B(a, 2))}; };

  // shape ops
  t["reshape"] = [](std::vector<Arg>& a) -> OpResult { return {lina::reshape(A(a, 0), arg(a, 1, Arg::Shape).shape)}; };
  t["m.reshape"] = [](std::vector<Arg>& a) -> OpResult { return {A(a, 0).reshape(arg(a, 1, Arg::Shape).shape)}; };
  t["transpose"] = [](std::vector<Arg>& a) -> OpResult { return {lina::transpose(A(a, 0))}; };
  t["transpose_axes"] = [](std::vector<Arg>& a) -> OpResult { return {lina::transpose(A(a, 0), Ints(a, 1))}; };
  t["swapaxes"] = [](std::vector<Arg>& a) -> OpResult { return {lina::swapaxes(A(a, 0), I(a, 1), I(a, 2))}; };
  t["moveaxis"] = [](std::vector<Arg>& a) -> OpResult {
    if (a.at(1).kind == Arg::Int) return {lina::moveaxis(A(a, 0), I(a, 1), I(a, 2))};
    return {lina::moveaxis(A(a, 0), Ints(a, 1), Ints(a, 2))};
  };
  t["expand_dims"] = [](std::vector<Arg>& a) -> OpResult { return {lina::expand_dims(A(a, 0), arg(a, 1, Arg::Axes).axes)}; };
  t["squeeze"] = [](std::vector<Arg>& a) -> OpResult { return {lina::squeeze(A(a, 0), arg(a, 1, Arg::Axes).axes)}; };
  t["ravel"] = [](std::vector<Arg>& a) -> OpResult { return {lina::ravel(A(a, 0))}; };
  t["flatten"] = [](std::vector<Arg>& a) -> OpResult { return {lina::flatten(A(a, 0))}; };
  t["concatenate"] = [](std::vector<Arg>& a) -> OpResult {
    const Arg& last = a.back();
    if (last.kind == Arg::OptInt && !last.opt) return {lina::concatenate(Arrays(a), lina::none)};
    return {lina::concatenate(Arrays(a), static_cast<int>(last.i))};
  };
  t["stack"] = [](std::vector<Arg>& a) -> OpResult { return {lina::stack(Arrays(a), static_cast<int>(a.back().i))}; };
  t["split"] = [](std::vector<Arg>& a) -> OpResult {
    return lina::split(A(a, 0), static_cast<std::int64_t>(arg(a, 1, Arg::Int).i), I(a, 2));
  };
  t["split_at"] = [](std::vector<Arg>& a) -> OpResult {
    return lina::split(A(a, 0), arg(a, 1, Arg::Ints).ints, I(a, 2));
  };
  t["broadcast_to"] = [](std::vector<Arg>& a) -> OpResult { return {lina::broadcast_to(A(a, 0), arg(a, 1, Arg::Shape).shape)}; };
  t["broadcast_arrays"] = [](std::vector<Arg>& a) -> OpResult { return lina::broadcast_arrays(Arrays(a)); };

  // indexing
  t["index"] = [](std::vector<Arg>& a) -> OpResult {
    const auto idx = to_lina_index(arg(a, 1, Arg::Idx).idx);
    return {A(a, 0).index(std::span<const lina::Index>(idx))};
  };
  t["getitem_int"] = [](std::vector<Arg>& a) -> OpResult { return {A(a, 0)[arg(a, 1, Arg::Int).i]}; };
  t["setitem"] = [](std::vector<Arg>& a) -> OpResult {
    const auto idx = to_lina_index(arg(a, 1, Arg::Idx).idx);
    const Arg& v = a.at(2);
    if (v.kind == Arg::Array) A(a, 0).index(std::span<const lina::Index>(idx)) = v.array;
    else A(a, 0).index(std::span<const lina::Index>(idx)) = *v.scalar;
    return {a[0].base};
  };
  t["mask"] = [](std::vector<Arg>& a) -> OpResult { return {A(a, 0)[A(a, 1)]}; };
  t["take"] = [](std::vector<Arg>& a) -> OpResult { return {lina::take(A(a, 0), A(a, 1), Opt(a, 2))}; };

  // creation
  t["arange"] = [](std::vector<Arg>& a) -> OpResult {
    if (a.size() == 1) return {lina::arange(*arg(a, 0, Arg::Weak).scalar)};
    const Scalar start = *arg(a, 0, Arg::Weak).scalar;
    const Scalar stop = *arg(a, 1, Arg::Weak).scalar;
    const Scalar step = *arg(a, 2, Arg::Weak).scalar;
    if (a.size() > 3) return {lina::arange(start, stop, step, arg(a, 3, Arg::DType).dtype)};
    return {lina::arange(start, stop, step)};
  };
  t["linspace"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::linspace(arg(a, 0, Arg::Weak).scalar->as_double(), arg(a, 1, Arg::Weak).scalar->as_double(),
                           arg(a, 2, Arg::Int).i, B(a, 3), arg(a, 4, Arg::DType).dtype)};
  };
  t["eye"] = [](std::vector<Arg>& a) -> OpResult {
    const auto& m = arg(a, 1, Arg::OptInt).opt;
    return {lina::eye(arg(a, 0, Arg::Int).i, m, arg(a, 2, Arg::Int).i, arg(a, 3, Arg::DType).dtype)};
  };
  t["identity"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::identity(arg(a, 0, Arg::Int).i, arg(a, 1, Arg::DType).dtype)};
  };
  t["zeros"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::zeros(arg(a, 0, Arg::Shape).shape, arg(a, 1, Arg::DType).dtype)};
  };
  t["ones"] = [](std::vector<Arg>& a) -> OpResult {
    return {lina::ones(arg(a, 0, Arg::Shape).shape, arg(a, 1, Arg::DType).dtype)};
  };
  t["full"] = [](std::vector<Arg>& a) -> OpResult {
    const auto& shape = arg(a, 0, Arg::Shape).shape;
    const Scalar v = *arg(a, 1, Arg::Weak).scalar;
    if (a.size() > 2) return {lina::full(shape, v, arg(a, 2, Arg::DType).dtype)};
    return {lina::full(shape, v)};
  };
  t["zeros_like"] = [](std::vector<Arg>& a) -> OpResult { return {lina::zeros_like(A(a, 0))}; };
  t["ones_like"] = [](std::vector<Arg>& a) -> OpResult { return {lina::ones_like(A(a, 0))}; };
  t["full_like"] = [](std::vector<Arg>& a) -> OpResult { return {lina::full_like(A(a, 0), *arg(a, 1, Arg::Weak).scalar)}; };
  t["meshgrid"] = [](std::vector<Arg>& a) -> OpResult { return lina::meshgrid(Arrays(a), a.back().text); };
  return t;
}

}  // namespace

const std::map<std::string, OpFn>& op_table() {
  static const std::map<std::string, OpFn> table = build();
  return table;
}

}  // namespace oracle
