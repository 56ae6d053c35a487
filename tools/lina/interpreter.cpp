#include "interpreter.hpp"

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>

namespace lina::cli {

namespace {

Value python_scalar_of(const Array& a) {
  switch (a.dtype()) {
    case DType::Bool: return Value{a.item<bool>()};
    case DType::Float64: return Value{a.item<double>()};
    case DType::Float32: return Value{static_cast<double>(a.item<float>())};
    default: return Value{a.astype(DType::Int64).item<std::int64_t>()};
  }
}

// A Python scalar as a strong 0-d array (int -> int64, float -> float64).
Array strong(const Value& v) { return to_array(v); }

using ArrayArray = std::function<Array(const Array&, const Array&)>;
using ArrayScalar = std::function<Array(const Array&, Scalar)>;
using ScalarArray = std::function<Array(Scalar, const Array&)>;
struct BinaryImpl {
  ArrayArray aa;
  ArrayScalar as;
  ScalarArray sa;
};

#define LINA_BIN(fn)                                                  \
  BinaryImpl {                                                        \
    [](const Array& x, const Array& y) { return lina::fn(x, y); },   \
        [](const Array& x, Scalar y) { return lina::fn(x, y); },     \
        [](Scalar x, const Array& y) { return lina::fn(x, y); }      \
  }

const std::map<std::string, BinaryImpl>& binary_table() {
  static const std::map<std::string, BinaryImpl> t = {
      {"+", LINA_BIN(add)},           {"-", LINA_BIN(subtract)},     {"*", LINA_BIN(multiply)},
      {"/", LINA_BIN(divide)},        {"//", LINA_BIN(floor_divide)}, {"%", LINA_BIN(remainder)},
      {"**", LINA_BIN(power)},        {"<", LINA_BIN(less)},         {"<=", LINA_BIN(less_equal)},
      {">", LINA_BIN(greater)},       {">=", LINA_BIN(greater_equal)}, {"==", LINA_BIN(equal)},
      {"!=", LINA_BIN(not_equal)},
  };
  return t;
}

// The values a copy of `items` holds, nested tuples and lists counted element by element
// (each is a deep copy); an array counts once (its handle is shared).
std::uint64_t nested_values(const ValueList& items) {
  std::uint64_t n = items.size();
  for (const Value& v : items) {
    if (const auto* t = std::get_if<Tuple>(&v.v)) n += nested_values(t->items);
    else if (const auto* l = std::get_if<List>(&v.v)) n += nested_values(l->items);
  }
  return n;
}

bool is_sequence(const Value& v) {
  return std::holds_alternative<List>(v.v) || std::holds_alternative<Tuple>(v.v);
}

// Python's == on two tuples or lists of Python scalars (and nested ones); an array
// inside has no single truth value, as in Python.
bool python_equal(const Value& a, const Value& b) {
  if (is_sequence(a) || is_sequence(b)) {
    if (!is_sequence(a) || !is_sequence(b) || a.v.index() != b.v.index()) return false;
    const ValueList& x = std::holds_alternative<Tuple>(a.v) ? std::get<Tuple>(a.v).items : std::get<List>(a.v).items;
    const ValueList& y = std::holds_alternative<Tuple>(b.v) ? std::get<Tuple>(b.v).items : std::get<List>(b.v).items;
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (!python_equal(x[i], y[i])) return false;
    return true;
  }
  if (a.is_array() || b.is_array())
    throw ValueError("the truth value of an array with more than one element is ambiguous (== of tuples holding arrays)");
  if (a.is_python_scalar() && b.is_python_scalar())
    return strong(a).astype(DType::Float64).item<double>() == strong(b).astype(DType::Float64).item<double>();
  return a.is_none() && b.is_none();
}

// NumPy's `array ** scalar` does not always call power: ndarray.__pow__ first tries
// fast_scalar_power (numpy/core/src/multiarray/number.c, NumPy 1.24 and 2.x) when the
// exponent is a number or a 0-d array. A float array's exponents 1, -1, 0, 0.5 and 2
// become positive, reciprocal, ones_like, sqrt and square; any other array's exponent 2
// becomes square (of the array cast to float64 when the exponent is a float and the
// array an integer one). The values are power's except for sqrt (-0 ** 0.5 = -0 and
// -inf ** 0.5 = nan, where power gives +0 and inf), but the dtypes differ twice: bool ** 2
// is square's int8 (lina has none and says so), and float32 ** array(2.0) stays float32.
std::optional<Array> numpy_power_shortcut(const Array& base, const Value& exponent) {
  double e = 0;
  bool float_exponent = false;
  if (const auto* d = std::get_if<double>(&exponent.v)) e = *d, float_exponent = true;
  else if (const auto* i = std::get_if<std::int64_t>(&exponent.v)) e = static_cast<double>(*i);
  else if (const auto* b = std::get_if<bool>(&exponent.v)) e = *b ? 1 : 0;
  else if (exponent.is_array() && std::get<Array>(exponent.v).ndim() == 0) {
    const Array& x = std::get<Array>(exponent.v);
    e = x.astype(DType::Float64).item<double>();
    float_exponent = is_floating(x.dtype());
  } else {
    return std::nullopt;
  }
  if (is_floating(base.dtype())) {
    if (e == 1) return base.copy();
    if (e == -1) return divide(Scalar(1), base);
    if (e == 0) return ones_like(base);
    if (e == 0.5) return sqrt(base);
    if (e == 2) return square(base);
    return std::nullopt;
  }
  if (e != 2) return std::nullopt;
  if (is_bool(base.dtype()))
    throw TypeError("** 2 of a bool array is NumPy's square, which gives int8, a dtype lina does not have; convert "
                    "with astype() first");
  if (float_exponent && is_integer(base.dtype())) return square(base.astype(DType::Float64));
  return square(base);
}

}  // namespace

Value binary_op(const std::string& op, const Value& a0, const Value& b0) {
  // Python's tuple and list concatenation, as in `(2,) + x_shape`.
  if (op == "+") {
    if (const auto* ta = std::get_if<Tuple>(&a0.v))
      if (const auto* tb = std::get_if<Tuple>(&b0.v)) {
        Tuple t = *ta;
        t.items.insert(t.items.end(), tb->items.begin(), tb->items.end());
        return Value{t};
      }
    if (const auto* la = std::get_if<List>(&a0.v))
      if (const auto* lb = std::get_if<List>(&b0.v)) {
        List l = *la;
        l.items.insert(l.items.end(), lb->items.begin(), lb->items.end());
        return Value{l};
      }
  }
  // Without an array on either side, a tuple or list follows Python, not NumPy:
  // repetition by an int, equality as a whole, and no other arithmetic.
  if ((is_sequence(a0) || is_sequence(b0)) && !a0.is_array() && !b0.is_array()) {
    const Value& seq = is_sequence(a0) ? a0 : b0;
    const Value& other = is_sequence(a0) ? b0 : a0;
    const ValueList& items =
        std::holds_alternative<Tuple>(seq.v) ? std::get<Tuple>(seq.v).items : std::get<List>(seq.v).items;
    if (op == "*" && (std::holds_alternative<std::int64_t>(other.v) || std::holds_alternative<bool>(other.v))) {
      const std::int64_t times = std::holds_alternative<bool>(other.v) ? std::get<bool>(other.v) : std::get<std::int64_t>(other.v);
      // Repetitions multiply: ((1, 2) * 331, 2) * 331 ... grows as 331^depth. Refuse
      // results beyond lina's allocation limit, as an array of that size would be.
      const std::uint64_t per_copy = nested_values(items);
      const std::uint64_t limit = max_alloc_bytes() / sizeof(Value);
      if (times > 0 && per_copy > 0 && per_copy > limit / static_cast<std::uint64_t>(times))
        throw ValueError(std::string(seq.type_name()) + " * int: repeating " + std::to_string(per_copy) +
                         " values (nested ones counted) " + std::to_string(times) +
                         " times exceeds lina's limit of " + std::to_string(limit) + " values (" +
                         std::to_string(max_alloc_bytes()) +
                         " bytes; set LINA_MAX_ALLOC_BYTES or lina::set_max_alloc_bytes to change it)");
      ValueList out;
      for (std::int64_t r = 0; r < times; ++r) out.insert(out.end(), items.begin(), items.end());
      if (std::holds_alternative<Tuple>(seq.v)) return Value{Tuple{out}};
      return Value{List{out}};
    }
    if (op == "==" || op == "!=") {  // Python's equality of whole objects
      const bool equal = is_sequence(a0) && is_sequence(b0) && python_equal(a0, b0);
      return Value{op == "==" ? equal : !equal};
    }
    throw TypeError("unsupported operand type(s) for " + op + ": '" + a0.type_name() + "' and '" + b0.type_name() +
                    "' (tuples and lists combine with arrays elementwise, with each other only by +)");
  }
  if (op == "**" && a0.is_array())
    if (std::optional<Array> r = numpy_power_shortcut(std::get<Array>(a0.v), b0)) return Value{*r};
  const Value a = is_sequence(a0) ? Value{to_array(a0)} : a0;
  const Value b = is_sequence(b0) ? Value{to_array(b0)} : b0;
  if (op == "@") {
    if (!a.is_array() || !b.is_array())
      throw ValueError("matmul: Input operand " + std::string(a.is_array() ? "1" : "0") +
                       " does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) "
                       "requires 1)");
    return Value{matmul(std::get<Array>(a.v), std::get<Array>(b.v))};
  }
  const auto it = binary_table().find(op);
  if (it == binary_table().end()) throw ValueError("unsupported operator " + op);
  if (!(a.is_array() || a.is_python_scalar()) || !(b.is_array() || b.is_python_scalar()))
    throw TypeError("unsupported operand type(s) for " + op + ": '" + a.type_name() + "' and '" + b.type_name() + "'");
  if (a.is_array() && b.is_array()) return Value{it->second.aa(std::get<Array>(a.v), std::get<Array>(b.v))};
  if (a.is_array()) return Value{it->second.as(std::get<Array>(a.v), to_scalar(b))};
  if (b.is_array()) return Value{it->second.sa(to_scalar(a), std::get<Array>(b.v))};
  // Two Python scalars: Python's arithmetic (bools count as ints).
  const bool any_float = std::holds_alternative<double>(a.v) || std::holds_alternative<double>(b.v);
  const bool compare = op == "<" || op == "<=" || op == ">" || op == ">=" || op == "==" || op == "!=";
  Array x = strong(a), y = strong(b);
  if (!any_float && !compare) {
    x = x.astype(DType::Int64);
    y = y.astype(DType::Int64);
    if (op == "**" && y.item<std::int64_t>() < 0) x = x.astype(DType::Float64);
    if ((op == "//" || op == "%") && y.item<std::int64_t>() == 0)
      throw ValueError("integer division or modulo by zero");
  }
  if (any_float && (op == "/" || op == "//" || op == "%") && strong(b).astype(DType::Float64).item<double>() == 0)
    throw ValueError("float division by zero");
  return python_scalar_of(it->second.aa(x, y));
}

Value negate(const Value& a) {
  if (const auto* n = std::get_if<std::int64_t>(&a.v)) return Value{-*n};
  if (const auto* d = std::get_if<double>(&a.v)) return Value{-*d};
  if (const auto* b = std::get_if<bool>(&a.v)) return Value{static_cast<std::int64_t>(-static_cast<int>(*b))};
  if (a.is_array()) return Value{negative(std::get<Array>(a.v))};
  if (is_sequence(a)) return Value{negative(to_array(a))};
  throw TypeError("bad operand type for unary -: '" + a.type_name() + "'");
}

Value Interpreter::evaluate(const std::string& source) {
  toks_ = tokenize(source);
  if (toks_.front().kind == Tok::End) throw ParseError(toks_.front().column, "empty expression");
  Value v;
  for (bool dry : {true, false}) {  // a syntax-only pass, then the evaluation
    dry_ = dry;
    pos_ = 0;
    depth_ = 0;
    sequence_values_ = 0;
    try {
      v = expression();
    } catch (const std::bad_alloc&) {
      throw ValueError("out of memory while evaluating the expression");
    } catch (const std::out_of_range& e) {
      throw ValueError(std::string("value out of range: ") + e.what());
    } catch (const std::invalid_argument& e) {
      throw ValueError(std::string("invalid argument: ") + e.what());
    }
    if (peek().kind != Tok::End) throw ParseError(peek().column, "unexpected '" + peek().text + "'");
  }
  return v;
}

Value Interpreter::bin(const std::string& op, const Value& a, const Value& b) {
  if (dry_) return Value{NoneValue{}};
  Value r = binary_op(op, a, b);
  if (const auto* t = std::get_if<Tuple>(&r.v)) charge_sequence_values(nested_values(t->items));
  else if (const auto* l = std::get_if<List>(&r.v)) charge_sequence_values(nested_values(l->items));
  return r;
}

void Interpreter::charge_sequence_values(std::uint64_t values) {
  const std::uint64_t limit = max_alloc_bytes() / sizeof(Value);
  sequence_values_ += values;
  if (sequence_values_ > limit)
    throw ValueError("the expression makes more than " + std::to_string(limit) +
                     " tuple and list elements, lina's limit (" + std::to_string(max_alloc_bytes()) +
                     " bytes; set LINA_MAX_ALLOC_BYTES or lina::set_max_alloc_bytes to change it)");
}

bool Interpreter::accept(const std::string& op) {
  if (peek().kind == Tok::Op && peek().text == op) {
    ++pos_;
    return true;
  }
  return false;
}

void Interpreter::expect(const std::string& op) {
  if (!accept(op)) throw ParseError(peek().column, "expected '" + op + "'");
}

Value Interpreter::expression() {
  // Bound the recursion so that a hostile expression cannot exhaust the stack.
  struct Depth {
    int& d;
    explicit Depth(int& x) : d(x) { ++d; }
    ~Depth() { --d; }
  } depth(depth_);
  if (depth_ > kMaxDepth) throw ParseError(peek().column, "expression nested too deeply (more than " + std::to_string(kMaxDepth) + " levels)");
  Value left = arith();
  static const char* kCmp[] = {"<", "<=", ">", ">=", "==", "!="};
  for (const char* op : kCmp) {
    if (accept(op)) {
      Value right = arith();
      Value result = bin(op, left, right);
      for (const char* op2 : kCmp)
        if (peek().kind == Tok::Op && peek().text == op2)
          throw ValueError("chained comparisons are not supported: the truth value of an array is ambiguous");
      return result;
    }
  }
  return left;
}

Value Interpreter::arith() {
  Value v = term();
  for (;;) {
    if (accept("+")) v = bin("+", v, term());
    else if (accept("-")) v = bin("-", v, term());
    else return v;
  }
}

Value Interpreter::term() {
  Value v = unary();
  for (;;) {
    std::string op;
    for (const char* o : {"*", "/", "//", "%", "@"})
      if (peek().kind == Tok::Op && peek().text == o) op = o;
    if (op.empty()) return v;
    ++pos_;
    v = bin(op, v, unary());
  }
}

Value Interpreter::unary() {
  if (accept("-")) {
    Value v = unary();
    return dry_ ? v : negate(v);
  }
  if (accept("+")) {
    Value v = unary();
    if (dry_) return v;
    if (!(v.is_array() || v.is_python_scalar())) throw TypeError("bad operand type for unary +: '" + v.type_name() + "'");
    if (const auto* b = std::get_if<bool>(&v.v)) return Value{std::int64_t{*b}};  // Python: +True is 1
    return v;
  }
  return power();
}

Value Interpreter::power() {
  Value base = postfix();
  if (accept("**")) {
    Value e = unary();
    return bin("**", base, e);
  }  // right-associative, binds tighter than unary on its left
  return base;
}

Value Interpreter::postfix() {
  Value v = atom();
  for (;;) {
    const int col = peek().column;
    if (accept(".")) {
      if (peek().kind != Tok::Name)
        throw ParseError(peek().column, "expected an attribute name after '.' (NAME.KEY names a member of an .npz bound as NAME)");
      const Token name = peek();
      ++pos_;
      v = attribute(v, name.text, name.column);
      continue;
    }
    if (accept("[")) {
      const bool dry = dry_;
      v = subscript(v);
      if (dry) v = Value{NoneValue{}};
      continue;
    }
    (void)col;
    return v;
  }
}

Value Interpreter::subscript(const Value& base) {
  std::vector<AdvancedIndex> idx;
  bool any_array = false;
  auto bound = [&]() -> std::optional<std::int64_t> {
    if (peek().kind == Tok::Op && (peek().text == ":" || peek().text == "]" || peek().text == ",")) return std::nullopt;
    const Value v = expression();
    if (v.is_none() || dry_) return std::nullopt;
    return to_int(v, "slice index");
  };
  if (peek().kind == Tok::Op && peek().text == "]") throw ParseError(peek().column, "expected an index");
  do {
    if (peek().kind == Tok::Op && peek().text == "]") break;
    if (peek().kind == Tok::Op && peek().text == "...") {
      ++pos_;
      idx.emplace_back(ellipsis);
    } else if (peek().kind == Tok::Op && peek().text == ":") {
      ++pos_;
      Slice s;
      s.stop = bound();
      if (accept(":")) s.step = bound();
      idx.emplace_back(s);
    } else {
      const Value v = expression();
      if (dry_) {
        if (accept(":")) {
          bound();
          if (accept(":")) bound();
        }
        continue;
      }
      if (accept(":")) {
        Slice s;
        s.start = v.is_none() ? std::nullopt : std::optional<std::int64_t>(to_int(v, "slice index"));
        s.stop = bound();
        if (accept(":")) s.step = bound();
        idx.emplace_back(s);
      } else if (v.is_none()) {
        idx.emplace_back(newaxis);
      } else if (const auto* e = std::get_if<EllipsisValue>(&v.v)) {
        (void)e;
        idx.emplace_back(ellipsis);
      } else if ((v.is_array() && (std::get<Array>(v.v).ndim() > 0 || std::get<Array>(v.v).dtype() == DType::Bool)) ||
                 std::holds_alternative<List>(v.v)) {
        // An integer or bool array, or a list (NumPy makes it one): advanced indexing.
        const auto* list = std::get_if<List>(&v.v);
        if (list && list->items.empty()) idx.emplace_back(Array(Shape{0}, DType::Int64));  // NumPy: x[[]] is empty
        else idx.emplace_back(v.is_array() ? std::get<Array>(v.v) : to_array(v));
        any_array = true;
      } else if (const bool* b = std::get_if<bool>(&v.v)) {
        // A bool literal is a 0-d bool index, not the integer 0 or 1: x[True] is
        // x[None] selected, x[False] empty along that new axis, as in NumPy.
        Array zero_d(Shape{}, DType::Bool);
        zero_d.data<bool>()[0] = *b;
        idx.emplace_back(zero_d);
        any_array = true;
      } else if (v.is_array() && !is_integer(std::get<Array>(v.v).dtype())) {
        throw IndexError(std::string("index: only integers, slices (`:`), ellipsis (`...`), None and integer or "
                                     "boolean arrays are valid indices; got a ") + dtype_name(std::get<Array>(v.v).dtype()) +
                         " array");
      } else {
        idx.emplace_back(to_int(v, "index"));
      }
    }
  } while (accept(","));
  expect("]");
  if (dry_) return Value{NoneValue{}};
  const Array a = base.is_array() ? std::get<Array>(base.v) : to_array(base);
  if (any_array) return Value{advanced_index(a, idx)};
  std::vector<Index> basic;
  for (const auto& i : idx) basic.push_back(std::get<Index>(i.value()));
  return Value{a.index(basic)};
}

Value Interpreter::sequence(const std::string& close, bool is_list, int column) {
  ValueList items;
  bool trailing_comma = false;
  while (!accept(close)) {
    if (!items.empty() && !trailing_comma) throw ParseError(peek().column, "expected ',' or '" + close + "'");
    if (peek().kind == Tok::End) throw ParseError(peek().column, "expected '" + close + "'");
    items.push_back(expression());
    trailing_comma = accept(",");
  }
  (void)column;
  if (!dry_ && (is_list || items.size() != 1 || trailing_comma)) charge_sequence_values(items.size());
  if (is_list) return Value{List{items}};
  if (items.size() == 1 && !trailing_comma) return items[0];  // parentheses
  return Value{Tuple{items}};
}

Value Interpreter::call(const std::string& name, int column) {
  ValueList args;
  std::map<std::string, Value> kwargs;
  arguments(args, kwargs);
  (void)column;
  if (dry_) return Value{NoneValue{}};
  return call_builtin(name, args, kwargs);
}

// Attributes of an array, as ndarray has them: .T, .ndim, .size, .shape, and the methods
// that mirror a function of the language (x.sum(axis=0) is sum(x, axis=0)). reshape and
// transpose also take their shape or axes as separate arguments, as NumPy's methods do.
Value Interpreter::attribute(const Value& self, const std::string& name, int column) {
  static const std::set<std::string> kMethods = {
      "sum", "mean", "prod", "max", "min", "std", "var", "argmax", "argmin", "clip", "astype", "dot",
      "trace", "swapaxes", "squeeze", "ravel", "flatten", "reshape", "transpose"};
  const bool is_call = peek().kind == Tok::Op && peek().text == "(";
  if (!dry_ && !self.is_array())  // Python's ints, floats, tuples and lists have none of these
    throw TypeError("'" + self.type_name() + "' object has no attribute '" + name + "'");
  if (!is_call && (name == "T" || name == "ndim" || name == "size" || name == "shape")) {
    if (dry_) return Value{NoneValue{}};
    const Array& a = std::get<Array>(self.v);
    if (name == "T") return Value{transpose(a)};
    if (name == "ndim") return Value{std::int64_t{a.ndim()}};
    if (name == "size") return Value{a.size()};
    ValueList dims;
    for (std::int64_t d : a.shape()) dims.push_back(Value{d});
    return Value{Tuple{dims}};
  }
  if (!kMethods.count(name)) {
    throw ParseError(column, "unknown attribute '" + name + "': arrays have .T, .ndim, .size, .shape and the methods " +
                                 "sum mean prod max min std var argmax argmin clip astype dot trace swapaxes squeeze " +
                                 "ravel flatten reshape transpose (NAME.KEY names a member of an .npz bound as NAME)");
  }
  if (!is_call) throw ParseError(peek().column, "expected '(' after the method name '" + name + "'");
  ++pos_;
  ValueList args;
  std::map<std::string, Value> kwargs;
  arguments(args, kwargs);
  if (dry_) return Value{NoneValue{}};
  const Value& a = self;
  if (name == "reshape" || name == "transpose") {
    if (kwargs.count("shape")) {  // a.reshape(shape=(2, 3))
      args.push_back(kwargs["shape"]);
      kwargs.erase("shape");
    }
    if (args.size() > 1 || (args.size() == 1 && std::holds_alternative<std::int64_t>(args[0].v)))
      args = {Value{Tuple{args}}};
  }
  ValueList full{a};
  full.insert(full.end(), args.begin(), args.end());
  return call_builtin(name == "flatten" ? "ravel" : name, full, kwargs);
}

void Interpreter::arguments(ValueList& args, std::map<std::string, Value>& kwargs) {
  bool first = true;
  while (!accept(")")) {
    if (peek().kind == Tok::End) throw ParseError(peek().column, "expected ')'");
    if (!first) expect(",");
    first = false;
    if (accept(")")) break;
    if (peek().kind == Tok::End) throw ParseError(peek().column, "expected ')'");
    if (peek().kind == Tok::Name && toks_[pos_ + 1].kind == Tok::Op && toks_[pos_ + 1].text == "=") {
      const std::string key = peek().text;
      pos_ += 2;
      kwargs[key] = expression();
    } else {
      if (!kwargs.empty()) throw ParseError(peek().column, "positional argument follows keyword argument");
      args.push_back(expression());
    }
  }
}

Value Interpreter::atom() {
  const Token t = peek();
  switch (t.kind) {
    case Tok::Int: {
      ++pos_;
      try {
        return Value{static_cast<std::int64_t>(std::stoll(t.text))};
      } catch (const std::out_of_range&) {
        throw ValueError("integer literal " + t.text + " does not fit in int64");
      }
    }
    case Tok::Float: ++pos_; return Value{std::strtod(t.text.c_str(), nullptr)};  // overflow gives inf, as Python
    case Tok::String: ++pos_; return Value{t.text};
    case Tok::Name: {
      ++pos_;
      if (accept("(")) {
        if (dry_) return call(t.text, t.column);
        if (!is_builtin(t.text)) {
          if (names_.count(t.text)) throw TypeError("'" + t.text + "' is an array, not a function");
          throw ValueError("name '" + t.text + "' is not defined (no such function)");
        }
        return call(t.text, t.column);
      }
      // `w.W1`: a member of an .npz bound as w.
      if (peek().kind == Tok::Op && peek().text == "." && toks_[pos_ + 1].kind == Tok::Name) {
        const auto it = names_.find(t.text + "." + toks_[pos_ + 1].text);
        if (it != names_.end()) {
          pos_ += 2;
          return dry_ ? Value{NoneValue{}} : it->second;
        }
      }
      if (t.text == "True") return Value{true};
      if (t.text == "False") return Value{false};
      if (t.text == "None" || t.text == "newaxis") return Value{NoneValue{}};
      // Input names shadow the constants, as a Python variable named e or pi would.
      if (const auto it = names_.find(t.text); it != names_.end()) return dry_ ? Value{NoneValue{}} : it->second;
      if (t.text == "inf") return Value{HUGE_VAL};
      if (t.text == "nan") return Value{std::nan("")};
      if (t.text == "pi") return Value{M_PI};
      if (t.text == "e") return Value{M_E};
      if (dry_) return Value{NoneValue{}};
      for (const char* d : {"bool_", "uint8", "int32", "int64", "float32", "float64"})
        if (t.text == d) return Value{dtype_from_name(d)};
      throw ValueError("name '" + t.text + "' is not defined");
    }
    case Tok::Op:
      if (t.text == "(") {
        ++pos_;
        return sequence(")", false, t.column);
      }
      if (t.text == "[") {
        ++pos_;
        return sequence("]", true, t.column);
      }
      if (t.text == "...") {
        ++pos_;
        return Value{EllipsisValue{}};
      }
      throw ParseError(t.column, "unexpected '" + t.text + "'");
    case Tok::End: break;
  }
  throw ParseError(t.column, "unexpected end of expression");
}

}  // namespace lina::cli
