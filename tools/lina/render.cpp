#include "render.hpp"

namespace lina::cli {

namespace {

// An element of a tuple or list, as Python's repr shows it: arrays in full (0-d ones
// too: `array(5)`), Python scalars and the rest as at the top level.
std::string element_repr(const Value& v) {
  if (const auto* a = std::get_if<Array>(&v.v)) return repr(*a);
  return render(v);
}

std::string sequence_repr(const ValueList& items, const char* open, const char* close, bool tuple) {
  std::string s = open;
  for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + element_repr(items[i]);
  if (tuple && items.size() == 1) s += ",";
  return s + close;
}

}  // namespace

std::string render(const Value& v) {
  if (const auto* a = std::get_if<Array>(&v.v)) return a->ndim() == 0 ? scalar_str(*a) : repr(*a);
  if (const auto* t = std::get_if<Tuple>(&v.v)) return sequence_repr(t->items, "(", ")", true);
  if (const auto* l = std::get_if<List>(&v.v)) return sequence_repr(l->items, "[", "]", false);
  if (v.is_python_scalar()) return scalar_str(to_array(v));
  if (v.is_none()) return "None";
  if (const auto* d = std::get_if<DType>(&v.v)) return std::string("dtype('") + dtype_name(*d) + "')";
  if (const auto* s = std::get_if<std::string>(&v.v)) return "'" + *s + "'";
  return repr(to_array(v));
}

}  // namespace lina::cli
