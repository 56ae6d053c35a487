#include "value.hpp"

#include <functional>

namespace lina::cli {

std::string Value::type_name() const {
  static const char* kNames[] = {"ndarray", "int", "float", "bool", "NoneType", "ellipsis",
                                 "tuple",   "list", "slice", "dtype", "str"};
  return kNames[v.index()];
}

namespace {

// Flattens nested lists/tuples, checking they are rectangular; records the widest
// element kind (bool < int < float) as NumPy's array() does.
void flatten(const Value& v, std::vector<Value>& out, Shape& shape, int depth, int& kind, bool& has_array) {
  const ValueList* items = nullptr;
  if (const auto* t = std::get_if<Tuple>(&v.v)) items = &t->items;
  if (const auto* l = std::get_if<List>(&v.v)) items = &l->items;
  if (items) {
    if (static_cast<int>(shape.size()) <= depth) shape.push_back(static_cast<std::int64_t>(items->size()));
    else if (shape[depth] != static_cast<std::int64_t>(items->size()))
      throw ValueError("array: setting an array element with a sequence: the nested lists are not rectangular "
                       "(a list at depth " + std::to_string(depth) + " has " + std::to_string(items->size()) +
                       " elements, expected " + std::to_string(shape[depth]) + ")");
    for (const auto& x : *items) flatten(x, out, shape, depth + 1, kind, has_array);
    return;
  }
  if (static_cast<int>(shape.size()) > depth)
    throw ValueError("array: setting an array element with a sequence: the nested lists are not rectangular");
  if (std::holds_alternative<bool>(v.v)) kind = std::max(kind, 0);
  else if (std::holds_alternative<std::int64_t>(v.v)) kind = std::max(kind, 1);
  else if (std::holds_alternative<double>(v.v)) kind = std::max(kind, 2);
  else if (v.is_array()) has_array = true;
  else throw TypeError("array: cannot make an array element from a " + v.type_name());
  out.push_back(v);
}

}  // namespace

Array to_array(const Value& v, std::optional<DType> dtype) {
  if (const auto* a = std::get_if<Array>(&v.v)) return dtype && *dtype != a->dtype() ? a->astype(*dtype) : *a;
  std::vector<Value> flat;
  Shape shape;
  int kind = -1;
  bool has_array = false;
  flatten(v, flat, shape, 0, kind, has_array);
  if (has_array) {
    // A list of arrays: stack them (all must have one shape).
    std::vector<Array> parts;
    for (const auto& x : flat) parts.push_back(to_array(x));
    Array s = stack(parts);
    Shape outer(shape.begin(), shape.end());
    Shape inner(parts[0].shape());
    outer.insert(outer.end(), inner.begin(), inner.end());
    s = reshape(s, outer);
    return dtype ? s.astype(*dtype) : s;
  }
  const DType t = kind <= 0 ? (kind < 0 ? DType::Float64 : DType::Bool) : kind == 1 ? DType::Int64 : DType::Float64;
  Array out(shape, t);
  visit_dtype(t, [&](auto tag) {
    using T = decltype(tag);
    T* p = out.data<T>();
    for (std::size_t i = 0; i < flat.size(); ++i) {
      const auto& x = flat[i].v;
      if (const auto* b = std::get_if<bool>(&x)) p[i] = static_cast<T>(*b);
      else if (const auto* n = std::get_if<std::int64_t>(&x)) p[i] = static_cast<T>(*n);
      else p[i] = static_cast<T>(std::get<double>(x));
    }
  });
  return dtype && *dtype != t ? out.astype(*dtype) : out;
}

Scalar to_scalar(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v.v)) return Scalar(*b);
  if (const auto* n = std::get_if<std::int64_t>(&v.v)) return Scalar(*n);
  if (const auto* d = std::get_if<double>(&v.v)) return Scalar(*d);
  throw TypeError("expected a number, got " + v.type_name());
}

std::int64_t to_int(const Value& v, const char* what) {
  if (const auto* n = std::get_if<std::int64_t>(&v.v)) return *n;
  if (const auto* b = std::get_if<bool>(&v.v)) return *b;
  if (const auto* a = std::get_if<Array>(&v.v))
    if (a->ndim() == 0 && is_integer(a->dtype())) return a->astype(DType::Int64).item<std::int64_t>();
  throw TypeError(std::string(what) + ": expected an integer, got " + v.type_name());
}

Shape to_shape(const Value& v, const char* what) {
  const ValueList* items = nullptr;
  if (const auto* t = std::get_if<Tuple>(&v.v)) items = &t->items;
  if (const auto* l = std::get_if<List>(&v.v)) items = &l->items;
  if (!items) return {to_int(v, what)};
  Shape s;
  for (const auto& x : *items) s.push_back(to_int(x, what));
  return s;
}

Axes to_axes(const Value& v, const char* what) {
  if (v.is_none()) return {};
  const ValueList* items = nullptr;
  if (const auto* t = std::get_if<Tuple>(&v.v)) items = &t->items;
  if (const auto* l = std::get_if<List>(&v.v)) items = &l->items;
  if (!items) return static_cast<int>(to_int(v, what));
  std::vector<int> axes;
  for (const auto& x : *items) axes.push_back(static_cast<int>(to_int(x, what)));
  return axes;
}

DType to_dtype(const Value& v, const char* what) {
  if (const auto* d = std::get_if<DType>(&v.v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v.v)) return dtype_from_name(*s);
  throw TypeError(std::string(what) + ": expected a dtype such as float32, got " + v.type_name());
}

}  // namespace lina::cli
