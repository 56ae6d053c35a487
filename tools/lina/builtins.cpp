// The functions of the expression language, each with NumPy's parameter names and
// defaults, in one table.
#include <functional>

#include "interpreter.hpp"

namespace lina::cli {

namespace {

struct Param {
  std::string name;
  bool required;
  Value fallback;
};

Param req(const std::string& n) { return Param{n, true, Value{NoneValue{}}}; }
Param opt(const std::string& n, Value v = Value{NoneValue{}}) { return Param{n, false, std::move(v)}; }

// Binds positional and keyword arguments to parameters, as Python does.
ValueList bind(const std::string& fn, const std::vector<Param>& params, const ValueList& args,
               const std::map<std::string, Value>& kwargs) {
  if (args.size() > params.size())
    throw TypeError(fn + "() takes at most " + std::to_string(params.size()) + " positional arguments but " +
                    std::to_string(args.size()) + " were given");
  ValueList out(params.size());
  std::vector<bool> set(params.size(), false);
  for (std::size_t i = 0; i < args.size(); ++i) {
    out[i] = args[i];
    set[i] = true;
  }
  for (const auto& [key, v] : kwargs) {
    std::size_t i = 0;
    while (i < params.size() && params[i].name != key) ++i;
    if (i == params.size()) throw TypeError(fn + "() got an unexpected keyword argument '" + key + "'");
    if (set[i]) throw TypeError(fn + "() got multiple values for argument '" + key + "'");
    out[i] = v;
    set[i] = true;
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (set[i]) continue;
    if (params[i].required) throw TypeError(fn + "() missing required argument: '" + params[i].name + "'");
    out[i] = params[i].fallback;
  }
  return out;
}

Array arr(const Value& v) { return to_array(v); }
bool truthy(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v.v)) return *b;
  if (const auto* n = std::get_if<std::int64_t>(&v.v)) return *n != 0;
  if (v.is_none()) return false;
  throw TypeError("expected True or False, got " + v.type_name());
}
std::optional<DType> opt_dtype(const Value& v, const char* fn) {
  if (v.is_none()) return std::nullopt;
  return to_dtype(v, fn);
}
std::vector<Array> arrays(const Value& v, const char* fn) {
  const ValueList* items = nullptr;
  if (const auto* t = std::get_if<Tuple>(&v.v)) items = &t->items;
  if (const auto* l = std::get_if<List>(&v.v)) items = &l->items;
  if (!items) {
    if (v.is_array()) {
      std::vector<Array> out;
      const Array a = std::get<Array>(v.v);
      for (std::int64_t i = 0; i < (a.ndim() ? a.shape(0) : 0); ++i) out.push_back(a[i]);
      return out;
    }
    throw TypeError(std::string(fn) + ": expected a sequence of arrays, got " + v.type_name());
  }
  std::vector<Array> out;
  for (const auto& x : *items) out.push_back(arr(x));
  return out;
}
// Binary elementwise functions keep NumPy's weak-scalar rule for Python scalars.
Value binary(const std::string& op, const Value& a, const Value& b) {
  if (a.is_python_scalar() && b.is_python_scalar()) return binary_op(op, Value{arr(a)}, b);
  return binary_op(op, a, b);
}
Scalar or_scalar_error(const Value& v) { return to_scalar(v); }

struct Builtin {
  std::vector<Param> params;
  std::function<Value(const ValueList&)> fn;
  std::string example;
};

template <class F>
Builtin unary_fn(F f, const std::string& example) {
  return Builtin{{req("x")}, [f](const ValueList& a) { return Value{f(arr(a[0]))}; }, example};
}

Builtin reduce_fn(Array (*f)(const Array&, const Axes&, bool, std::optional<DType>), const std::string& ex) {
  return Builtin{{req("a"), opt("axis"), opt("dtype"), opt("out"), opt("keepdims", Value{false})},
                 [f](const ValueList& a) {
                   if (!a[3].is_none()) throw ValueError("out= is not supported in lina eval");
                   return Value{f(arr(a[0]), to_axes(a[1], "axis"), truthy(a[4]), opt_dtype(a[2], "dtype"))};
                 },
                 ex};
}

Builtin extremum_fn(Array (*f)(const Array&, const Axes&, bool), const std::string& ex) {
  return Builtin{{req("a"), opt("axis"), opt("out"), opt("keepdims", Value{false})},
                 [f](const ValueList& a) { return Value{f(arr(a[0]), to_axes(a[1], "axis"), truthy(a[3]))}; }, ex};
}

Builtin var_fn(Array (*f)(const Array&, const Axes&, int, bool), const std::string& ex) {
  return Builtin{{req("a"), opt("axis"), opt("dtype"), opt("out"), opt("ddof", Value{std::int64_t{0}}),
                  opt("keepdims", Value{false})},
                 [f](const ValueList& a) {
                   return Value{f(arr(a[0]), to_axes(a[1], "axis"), static_cast<int>(to_int(a[4], "ddof")),
                                  truthy(a[5]))};
                 },
                 ex};
}

Builtin arg_fn(Array (*f)(const Array&, std::optional<int>, bool), const std::string& ex) {
  return Builtin{{req("a"), opt("axis"), opt("out"), opt("keepdims", Value{false})},
                 [f](const ValueList& a) {
                   std::optional<int> axis;
                   if (!a[1].is_none()) axis = static_cast<int>(to_int(a[1], "axis"));
                   return Value{f(arr(a[0]), axis, truthy(a[3]))};
                 },
                 ex};
}

Array sum_f(const Array& a, const Axes& x, bool k, std::optional<DType> d) { return sum(a, x, k, d); }
Array mean_f(const Array& a, const Axes& x, bool k, std::optional<DType> d) { return mean(a, x, k, d); }
Array prod_f(const Array& a, const Axes& x, bool k, std::optional<DType> d) { return prod(a, x, k, d); }

const std::map<std::string, Builtin>& table() {
  static const std::map<std::string, Builtin> t = [] {
    std::map<std::string, Builtin> m;
    m["array"] = {{req("object"), opt("dtype")},
                  [](const ValueList& a) { return Value{to_array(a[0], opt_dtype(a[1], "array"))}; },
                  "array([[1, 2], [3, 4]], dtype=float32)"};
    m["zeros"] = {{req("shape"), opt("dtype", Value{DType::Float64})},
                  [](const ValueList& a) { return Value{zeros(to_shape(a[0], "zeros"), to_dtype(a[1], "zeros"))}; },
                  "zeros((2, 3))"};
    m["ones"] = {{req("shape"), opt("dtype", Value{DType::Float64})},
                 [](const ValueList& a) { return Value{ones(to_shape(a[0], "ones"), to_dtype(a[1], "ones"))}; },
                 "ones(3, dtype=int32)"};
    m["full"] = {{req("shape"), req("fill_value"), opt("dtype")},
                 [](const ValueList& a) {
                   if (a[1].is_array()) {
                     const Array v = std::get<Array>(a[1].v);
                     Array out = empty(to_shape(a[0], "full"), opt_dtype(a[2], "full").value_or(v.dtype()));
                     out.assign(v);
                     return Value{out};
                   }
                   return Value{full(to_shape(a[0], "full"), to_scalar(a[1]), opt_dtype(a[2], "full"))};
                 },
                 "full((2, 2), 7)"};
    m["eye"] = {{req("N"), opt("M"), opt("k", Value{std::int64_t{0}}), opt("dtype", Value{DType::Float64})},
                [](const ValueList& a) {
                  std::optional<std::int64_t> cols;
                  if (!a[1].is_none()) cols = to_int(a[1], "eye");
                  return Value{eye(to_int(a[0], "eye"), cols, to_int(a[2], "eye"), to_dtype(a[3], "eye"))};
                },
                "eye(3, k=1)"};
    m["arange"] = {{req("start"), opt("stop"), opt("step"), opt("dtype")},
                   [](const ValueList& a) {
                     const auto dt = opt_dtype(a[3], "arange");
                     if (a[1].is_none()) return Value{arange(0, to_scalar(a[0]), 1, dt)};
                     return Value{arange(to_scalar(a[0]), to_scalar(a[1]),
                                         a[2].is_none() ? Scalar(1) : to_scalar(a[2]), dt)};
                   },
                   "arange(0, 10, 2)"};
    m["linspace"] = {{req("start"), req("stop"), opt("num", Value{std::int64_t{50}}), opt("endpoint", Value{true})},
                     [](const ValueList& a) {
                       return Value{linspace(to_scalar(a[0]).as_double(), to_scalar(a[1]).as_double(),
                                             to_int(a[2], "linspace"), truthy(a[3]))};
                     },
                     "linspace(0, 1, 5)"};
    for (const char* op : {"add", "subtract", "multiply", "divide", "power", "maximum", "minimum"}) {
      static const std::map<std::string, std::string> sym = {{"add", "+"}, {"subtract", "-"}, {"multiply", "*"},
                                                             {"divide", "/"}, {"power", "**"}};
      const std::string name = op;
      if (sym.count(name)) {
        const std::string s = sym.at(name);
        m[name] = {{req("x1"), req("x2")}, [s](const ValueList& a) { return binary(s, a[0], a[1]); },
                   name + "(x, 2)"};
      }
    }
    m["maximum"] = {{req("x1"), req("x2")},
                    [](const ValueList& a) {
                      if (a[1].is_python_scalar()) return Value{maximum(arr(a[0]), or_scalar_error(a[1]))};
                      if (a[0].is_python_scalar()) return Value{maximum(or_scalar_error(a[0]), arr(a[1]))};
                      return Value{maximum(arr(a[0]), arr(a[1]))};
                    },
                    "maximum(x, 0)"};
    m["minimum"] = {{req("x1"), req("x2")},
                    [](const ValueList& a) {
                      if (a[1].is_python_scalar()) return Value{minimum(arr(a[0]), or_scalar_error(a[1]))};
                      if (a[0].is_python_scalar()) return Value{minimum(or_scalar_error(a[0]), arr(a[1]))};
                      return Value{minimum(arr(a[0]), arr(a[1]))};
                    },
                    "minimum(x, 1)"};
    m["negative"] = unary_fn([](const Array& x) { return negative(x); }, "negative(x)");
    m["abs"] = unary_fn([](const Array& x) { return abs(x); }, "abs(x)");
    m["exp"] = unary_fn([](const Array& x) { return exp(x); }, "exp(x)");
    m["log"] = unary_fn([](const Array& x) { return log(x); }, "log(x)");
    m["sqrt"] = unary_fn([](const Array& x) { return sqrt(x); }, "sqrt(x)");
    m["tanh"] = unary_fn([](const Array& x) { return tanh(x); }, "tanh(x)");
    m["sin"] = unary_fn([](const Array& x) { return sin(x); }, "sin(x)");
    m["cos"] = unary_fn([](const Array& x) { return cos(x); }, "cos(x)");
    m["where"] = {{req("condition"), req("x"), req("y")},
                  [](const ValueList& a) {
                    const Array c = arr(a[0]).astype(DType::Bool);
                    const bool xs = a[1].is_python_scalar(), ys = a[2].is_python_scalar();
                    if (xs && ys) return Value{where(c, to_scalar(a[1]), to_scalar(a[2]))};
                    if (xs) return Value{where(c, to_scalar(a[1]), arr(a[2]))};
                    if (ys) return Value{where(c, arr(a[1]), to_scalar(a[2]))};
                    return Value{where(c, arr(a[1]), arr(a[2]))};
                  },
                  "where(x > 0, x, 0)"};
    m["clip"] = {{req("a"), req("a_min"), req("a_max")},
                 [](const ValueList& a) {
                   // A None bound leaves that side open, as numpy.clip.
                   if (a[1].is_none() && a[2].is_none())
                     throw ValueError("clip: one of a_min and a_max must be given (both are None)");
                   if (a[1].is_none())
                     return Value{a[2].is_python_scalar() ? minimum(arr(a[0]), to_scalar(a[2])) : minimum(arr(a[0]), arr(a[2]))};
                   if (a[2].is_none())
                     return Value{a[1].is_python_scalar() ? maximum(arr(a[0]), to_scalar(a[1])) : maximum(arr(a[0]), arr(a[1]))};
                   const bool lo_s = a[1].is_python_scalar(), hi_s = a[2].is_python_scalar();
                   if (lo_s && hi_s) return Value{clip(arr(a[0]), to_scalar(a[1]), to_scalar(a[2]))};
                   if (lo_s) return Value{clip(arr(a[0]), to_scalar(a[1]), arr(a[2]))};
                   if (hi_s) return Value{clip(arr(a[0]), arr(a[1]), to_scalar(a[2]))};
                   return Value{clip(arr(a[0]), arr(a[1]), arr(a[2]))};
                 },
                 "clip(x, 0, 1)"};
    m["sum"] = reduce_fn(sum_f, "sum(x, axis=0)");
    m["mean"] = reduce_fn(mean_f, "mean(x, axis=(0, 1), keepdims=True)");
    m["prod"] = reduce_fn(prod_f, "prod(x)");
    m["max"] = extremum_fn(max, "max(x, axis=-1)");
    m["min"] = extremum_fn(min, "min(x)");
    m["std"] = var_fn(stddev, "std(x, ddof=1)");
    m["var"] = var_fn(var, "var(x, axis=0)");
    m["argmax"] = arg_fn(argmax, "argmax(x, axis=1)");
    m["argmin"] = arg_fn(argmin, "argmin(x)");
    m["reshape"] = {{req("a"), req("newshape")},
                    [](const ValueList& a) { return Value{reshape(arr(a[0]), to_shape(a[1], "reshape"))}; },
                    "reshape(x, (2, -1))"};
    m["transpose"] = {{req("a"), opt("axes")},
                      [](const ValueList& a) {
                        if (a[1].is_none()) return Value{transpose(arr(a[0]))};
                        std::vector<int> axes;
                        for (auto v : to_shape(a[1], "transpose")) axes.push_back(static_cast<int>(v));
                        return Value{transpose(arr(a[0]), axes)};
                      },
                      "transpose(x, (1, 0, 2))"};
    m["swapaxes"] = {{req("a"), req("axis1"), req("axis2")},
                     [](const ValueList& a) {
                       return Value{swapaxes(arr(a[0]), static_cast<int>(to_int(a[1], "swapaxes")),
                                             static_cast<int>(to_int(a[2], "swapaxes")))};
                     },
                     "swapaxes(x, 0, 1)"};
    m["expand_dims"] = {{req("a"), req("axis")},
                        [](const ValueList& a) { return Value{expand_dims(arr(a[0]), to_axes(a[1], "expand_dims"))}; },
                        "expand_dims(x, 0)"};
    m["squeeze"] = {{req("a"), opt("axis")},
                    [](const ValueList& a) { return Value{squeeze(arr(a[0]), to_axes(a[1], "squeeze"))}; },
                    "squeeze(x)"};
    m["broadcast_to"] = {{req("array"), req("shape")},
                         [](const ValueList& a) {
                           return Value{broadcast_to(arr(a[0]), to_shape(a[1], "broadcast_to"))};
                         },
                         "broadcast_to(x, (3, 4))"};
    m["concatenate"] = {{req("arrays"), opt("axis", Value{std::int64_t{0}})},
                        [](const ValueList& a) {
                          std::optional<int> axis;
                          if (!a[1].is_none()) axis = static_cast<int>(to_int(a[1], "concatenate"));
                          return Value{concatenate(arrays(a[0], "concatenate"), axis)};
                        },
                        "concatenate([x, y], axis=1)"};
    m["stack"] = {{req("arrays"), opt("axis", Value{std::int64_t{0}})},
                  [](const ValueList& a) {
                    return Value{stack(arrays(a[0], "stack"), static_cast<int>(to_int(a[1], "stack")))};
                  },
                  "stack([x, y])"};
    m["ravel"] = {{req("a")}, [](const ValueList& a) { return Value{ravel(arr(a[0]))}; }, "ravel(x)"};
    m["take"] = {{req("a"), req("indices"), opt("axis")},
                 [](const ValueList& a) {
                   std::optional<int> axis;
                   if (!a[2].is_none()) axis = static_cast<int>(to_int(a[2], "take"));
                   return Value{take(arr(a[0]), arr(a[1]), axis)};
                 },
                 "take(x, [0, 2], axis=1)"};
    m["nonzero"] = {{req("a")},
                    [](const ValueList& a) {
                      ValueList items;
                      for (Array& c : nonzero(arr(a[0]))) items.push_back(Value{std::move(c)});
                      return Value{Tuple{items}};
                    },
                    "nonzero(x > 0)"};
    m["astype"] = {{req("a"), req("dtype")},
                   [](const ValueList& a) { return Value{arr(a[0]).astype(to_dtype(a[1], "astype"))}; },
                   "astype(x, float32)"};
    m["dot"] = {{req("a"), req("b")}, [](const ValueList& a) { return Value{dot(arr(a[0]), arr(a[1]))}; }, "dot(x, y)"};
    m["vdot"] = {{req("a"), req("b")}, [](const ValueList& a) { return Value{vdot(arr(a[0]), arr(a[1]))}; }, "vdot(x, y)"};
    m["inner"] = {{req("a"), req("b")}, [](const ValueList& a) { return Value{inner(arr(a[0]), arr(a[1]))}; }, "inner(x, y)"};
    m["outer"] = {{req("a"), req("b")}, [](const ValueList& a) { return Value{outer(arr(a[0]), arr(a[1]))}; }, "outer(x, y)"};
    m["matmul"] = {{req("x1"), req("x2")}, [](const ValueList& a) { return binary_op("@", Value{arr(a[0])}, Value{arr(a[1])}); },
                   "matmul(x, y)"};
    m["trace"] = {{req("a"), opt("offset", Value{std::int64_t{0}}), opt("axis1", Value{std::int64_t{0}}),
                   opt("axis2", Value{std::int64_t{1}})},
                  [](const ValueList& a) {
                    return Value{trace(arr(a[0]), to_int(a[1], "trace"), static_cast<int>(to_int(a[2], "trace")),
                                       static_cast<int>(to_int(a[3], "trace")))};
                  },
                  "trace(x)"};
    m["norm"] = {{req("x"), opt("ord"), opt("axis"), opt("keepdims", Value{false})},
                 [](const ValueList& a) {
                   NormOrd ord;
                   if (const auto* s = std::get_if<std::string>(&a[1].v)) {
                     if (*s != "fro" && *s != "nuc") throw ValueError("norm: invalid norm order '" + *s + "'");
                     ord = NormOrd(s->c_str());
                   } else if (!a[1].is_none()) {
                     ord = NormOrd(to_scalar(a[1]).as_double());
                   }
                   return Value{norm(arr(a[0]), ord, to_axes(a[2], "norm"), truthy(a[3]))};
                 },
                 "norm(x, ord=inf)"};
    return m;
  }();
  return t;
}

}  // namespace

bool is_builtin(const std::string& name) { return table().count(name) > 0; }

Value call_builtin(const std::string& name, const ValueList& args, const std::map<std::string, Value>& kwargs) {
  const Builtin& b = table().at(name);
  return b.fn(bind(name, b.params, args, kwargs));
}

std::vector<std::pair<std::string, std::string>> builtin_help() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, b] : table()) out.emplace_back(name, b.example);
  return out;
}

}  // namespace lina::cli
