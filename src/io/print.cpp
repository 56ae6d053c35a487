// NumPy 1.24's array2string, repr and str (numpy/core/arrayprint.py), for lina's
// dtypes: the same format parameters (pad_left, pad_right, precision, exponent size)
// computed the same way, and the same recursive layout with line wrapping.
#include "lina/io/print.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <cmath>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "lina/ops/shape_ops.hpp"

namespace lina {

namespace {

PrintOptions& options() {
  static PrintOptions o;
  return o;
}

// The digits "d1d2..." and the decimal exponent of d1 (value = d1.d2d3... x 10^exp) of
// |v| in scientific notation: shortest round-trip digits, or exactly `precision`
// digits after the first when given. Sign is dropped.
template <class T>
void scientific_digits(T v, std::string& digits, int& exp, std::optional<int> precision = std::nullopt) {
  char buf[64];
  const auto r = precision ? std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific, *precision)
                           : std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
  const std::string s(buf, r.ptr);
  const auto e = s.find('e');
  exp = std::stoi(s.substr(e + 1));
  digits.clear();
  for (std::size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
}

template <class T>
void shortest_digits(T v, std::string& digits, int& exp) {
  scientific_digits(v, digits, exp);
}

// dragon4_positional(x, precision, unique=True, trim='.'): shortest digits, rounded to
// at most `precision` after the point, trailing zeros trimmed but the point kept.
template <class T>
std::string positional(T v, int precision, bool exact_whole_digits = true) {
  std::string digits;
  int exp;
  shortest_digits(v, digits, exp);
  std::string s;
  const int frac = std::max(0, static_cast<int>(digits.size()) - 1 - exp);
  if (frac > precision) {
    char buf[512];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed, precision);
    s.assign(buf, r.ptr);
    if (s.find('.') == std::string::npos) s += '.';
    while (s.back() == '0') s.pop_back();
  } else {
    if (v == 0) {
      s = "0.";
    } else if (exp >= 0) {
      std::string ip;
      if (exact_whole_digits && static_cast<int>(digits.size()) < exp + 1) {
        // Whole digits past the shortest representation are the exact value's, as
        // Dragon4 prints them in arrays (float32 40230752 is "40230752.", not
        // "40230750."); NumPy's scalar str pads the shortest digits with zeros instead.
        char buf[512];
        auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed, 0);
        ip.assign(buf, r.ptr);
      } else {
        ip = digits.substr(0, std::min<std::size_t>(digits.size(), static_cast<std::size_t>(exp) + 1));
        while (static_cast<int>(ip.size()) < exp + 1) ip += '0';
      }
      s = ip + "." + (static_cast<int>(digits.size()) > exp + 1 ? digits.substr(exp + 1) : "");
    } else {
      s = "0." + std::string(-exp - 1, '0') + digits;
    }
  }
  if (std::signbit(v)) s = "-" + s;
  return s;
}

// dragon4_scientific(x, precision, unique=True, trim='.'): mantissa and exponent parts.
template <class T>
void scientific(T v, int precision, std::string& mantissa, int& exp) {
  std::string digits;
  shortest_digits(v, digits, exp);
  if (static_cast<int>(digits.size()) - 1 > precision) {
    scientific_digits(v, digits, exp, precision);
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  }
  if (v == 0) {
    digits = "0";
    exp = 0;
  }
  mantissa = (std::signbit(v) ? "-" : "") + digits.substr(0, 1) + "." + digits.substr(1);
}

std::string exponent_str(int exp, int min_digits) {
  std::string d = std::to_string(std::abs(exp));
  while (static_cast<int>(d.size()) < min_digits) d = "0" + d;
  return std::string(exp < 0 ? "e-" : "e+") + d;
}

// FloatingFormat of arrayprint.py with floatmode 'maxprec', sign '-'.
template <class T>
class FloatFormat {
 public:
  FloatFormat(const std::vector<T>& data, int precision) : precision_(precision) {
    std::vector<T> finite;
    for (T v : data)
      if (std::isfinite(v)) finite.push_back(v);
    T max_val = 0, min_val = 0;
    bool any_nonzero = false;
    for (T v : finite)
      if (v != 0) {
        const T a = std::fabs(v);
        if (!any_nonzero) max_val = min_val = a;
        max_val = std::max(max_val, a);
        min_val = std::min(min_val, a);
        any_nonzero = true;
      }
    if (any_nonzero && (max_val >= T(1e8) || min_val < T(0.0001) || max_val / min_val > T(1000))) exp_format_ = true;
    if (finite.empty()) {
      pad_left_ = pad_right_ = 0;
    } else if (exp_format_) {
      int max_frac = 0, max_int = 0, max_exp = 0;
      for (T v : finite) {
        std::string m;
        int e;
        scientific(v, precision_, m, e);
        const auto dot = m.find('.');
        max_int = std::max(max_int, static_cast<int>(dot));
        max_frac = std::max(max_frac, static_cast<int>(m.size() - dot - 1));
        max_exp = std::max(max_exp, static_cast<int>(std::max<std::size_t>(std::to_string(std::abs(e)).size(), 2)));
      }
      exp_size_ = max_exp;
      precision_ = max_frac;
      pad_left_ = max_int;
      pad_right_ = exp_size_ + 2 + precision_;
    } else {
      int max_int = 0, max_frac = 0;
      for (T v : finite) {
        const std::string s = positional(v, precision_);
        const auto dot = s.find('.');
        max_int = std::max(max_int, static_cast<int>(dot));
        max_frac = std::max(max_frac, static_cast<int>(s.size() - dot - 1));
      }
      pad_left_ = max_int;
      pad_right_ = max_frac;
    }
    if (finite.size() != data.size()) {
      bool neginf = false;
      for (T v : data)
        if (std::isinf(v) && v < 0) neginf = true;
      const int offset = pad_right_ + 1;
      pad_left_ = std::max({pad_left_, 3 - offset, 3 + (neginf ? 1 : 0) - offset});
    }
  }

  std::string operator()(T v) const {
    if (!std::isfinite(v)) {
      const std::string r = std::isnan(v) ? "nan" : (v < 0 ? "-inf" : "inf");
      return std::string(std::max(0, pad_left_ + pad_right_ + 1 - static_cast<int>(r.size())), ' ') + r;
    }
    if (exp_format_) {
      // Every value shows `precision_` digits after the point (min_digits in
      // Dragon4): digits beyond the shortest representation are the exact value's.
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific, precision_);
      const std::string full(buf, r.ptr);
      const auto epos = full.find('e');
      const int e = std::stoi(full.substr(epos + 1));
      const std::string m = full.substr(0, epos);
      const auto dot = m.find('.');
      const std::string frac = dot == std::string::npos ? "" : m.substr(dot + 1);
      std::string ip = m.substr(0, dot);
      return std::string(std::max(0, pad_left_ - static_cast<int>(ip.size())), ' ') + ip + "." + frac +
             exponent_str(e, exp_size_);
    }
    const std::string s = positional(v, precision_);
    const auto dot = s.find('.');
    const int left = static_cast<int>(dot), right = static_cast<int>(s.size() - dot - 1);
    return std::string(std::max(0, pad_left_ - left), ' ') + s + std::string(std::max(0, pad_right_ - right), ' ');
  }

 private:
  int precision_;
  bool exp_format_ = false;
  int pad_left_ = 0, pad_right_ = 0, exp_size_ = -1;
};

// Values of `a` that determine the format: all of them, or only the edge items of
// each axis when the array is summarised (numpy's _leading_trailing).
Array leading_trailing(const Array& a, int edge, int axis = 0) {
  if (axis == a.ndim()) return a;
  if (a.shape()[axis] > 2 * edge) {
    std::vector<Index> lo(a.ndim(), Index(colon)), hi(a.ndim(), Index(colon));
    lo[axis] = slice(0, edge);
    hi[axis] = slice(-edge, none);
    return concatenate({leading_trailing(a.index(lo), edge, axis + 1), leading_trailing(a.index(hi), edge, axis + 1)},
                       axis);
  }
  return leading_trailing(a, edge, axis + 1);
}

template <class T>
std::vector<T> values_of(const Array& a) {
  const Array c = a.contiguous();
  const T* p = c.data<T>();
  return std::vector<T>(p, p + c.size());
}

// Formats one element of `a` at a flat index into its C-order data.
using ElementFormatter = std::function<std::string(const Array& element)>;

ElementFormatter make_formatter(const Array& data, bool zero_d, int precision) {
  return visit_dtype(data.dtype(), [&](auto t) -> ElementFormatter {
    using T = decltype(t);
    if constexpr (std::is_same_v<T, bool>) {
      return [zero_d](const Array& e) {
        const bool v = *static_cast<const bool*>(e.raw_data());
        return v ? (zero_d ? "True" : " True") : "False";
      };
    } else if constexpr (std::is_integral_v<T>) {
      std::size_t width = 0;
      for (T v : values_of<T>(data)) width = std::max(width, std::to_string(static_cast<std::int64_t>(v)).size());
      return [width](const Array& e) {
        std::string s = std::to_string(static_cast<std::int64_t>(*static_cast<const T*>(e.raw_data())));
        return std::string(width - std::min(width, s.size()), ' ') + s;
      };
    } else {
      FloatFormat<T> f(values_of<T>(data), precision);
      return [f](const Array& e) { return f(*static_cast<const T*>(e.raw_data())); };
    }
  });
}

void extend_line(std::string& s, std::string& line, const std::string& word, int width, const std::string& prefix) {
  bool wrap = static_cast<int>(line.size() + word.size()) > width;
  if (line.size() <= prefix.size()) wrap = false;  // wrapping would not help
  if (wrap) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    s += line + "\n";
    line = prefix;
  }
  line += word;
}

struct Layout {
  const ElementFormatter& fmt;
  std::string separator;
  int edge;
  bool summarise;
};

std::string format_rec(const Array& a, const Layout& L, const std::string& hanging, int width) {
  if (a.ndim() == 0) return L.fmt(a);
  const std::string next_hanging = hanging + " ";
  const int next_width = width - 1;
  const std::int64_t n = a.shape()[0];
  const bool summary = L.summarise && 2 * L.edge < n;
  const std::int64_t leading = summary ? L.edge : 0;
  const std::int64_t trailing = summary ? L.edge : n;
  std::string s;
  std::string sep_stripped = L.separator;
  while (!sep_stripped.empty() && sep_stripped.back() == ' ') sep_stripped.pop_back();
  if (a.ndim() == 1) {
    const int elem_width = width - std::max<int>(static_cast<int>(sep_stripped.size()), 1);
    std::string line = hanging;
    for (std::int64_t i = 0; i < leading; ++i) {
      extend_line(s, line, format_rec(a[i], L, next_hanging, next_width), elem_width, hanging);
      line += L.separator;
    }
    if (summary) {
      extend_line(s, line, "...", elem_width, hanging);
      line += L.separator;
    }
    for (std::int64_t i = trailing; i > 1; --i) {
      extend_line(s, line, format_rec(a[n - i], L, next_hanging, next_width), elem_width, hanging);
      line += L.separator;
    }
    if (n > 0) extend_line(s, line, format_rec(a[n - 1], L, next_hanging, next_width), elem_width, hanging);
    s += line;
  } else {
    const std::string line_sep = sep_stripped + std::string(static_cast<std::size_t>(a.ndim() - 1), '\n');
    for (std::int64_t i = 0; i < leading; ++i) s += hanging + format_rec(a[i], L, next_hanging, next_width) + line_sep;
    if (summary) s += hanging + "..." + line_sep;
    for (std::int64_t i = trailing; i > 1; --i)
      s += hanging + format_rec(a[n - i], L, next_hanging, next_width) + line_sep;
    if (n > 0) s += hanging + format_rec(a[n - 1], L, next_hanging, next_width);
  }
  return "[" + s.substr(std::min(s.size(), hanging.size())) + "]";
}

// numpy's array2string with the given separator, prefix (for the hanging indent) and
// suffix (its length is taken off the line width).
std::string array2string(const Array& a, const std::string& separator, const std::string& prefix,
                         const std::string& suffix) {
  const PrintOptions& o = options();
  if (a.size() == 0) return "[]";
  const bool summarise = a.size() > o.threshold;
  const Array data = summarise ? leading_trailing(a, o.edgeitems) : a;
  const ElementFormatter fmt = make_formatter(data, a.ndim() == 0, o.precision);
  const Layout L{fmt, separator, o.edgeitems, summarise};
  const std::string hanging(prefix.size() + 1, ' ');  // skips "[" and the prefix
  return format_rec(a, L, hanging, o.linewidth - static_cast<int>(suffix.size()));
}

bool dtype_is_implied(DType t) { return t == DType::Float64 || t == DType::Int64 || t == DType::Bool; }

}  // namespace

PrintOptions get_printoptions() { return options(); }

void set_printoptions(const PrintOptions& o) {
  if (o.precision < 0 || o.threshold < 0 || o.edgeitems < 0 || o.linewidth < 1)
    throw ValueError("set_printoptions: precision, threshold and edgeitems must be >= 0 and linewidth >= 1");
  options() = o;
}

std::string repr(const Array& a) {
  const bool skip_dtype = dtype_is_implied(a.dtype()) && a.size() > 0;
  const std::string prefix = "array(";
  const std::string suffix = skip_dtype ? ")" : ",";
  std::string body;
  if (a.size() > 0 || a.shape() == Shape{0}) body = array2string(a, ", ", prefix, suffix);
  else body = "[], shape=" + shape_str(a.shape());
  std::string s = prefix + body + suffix;
  if (skip_dtype) return s;
  const std::string dtype_str = std::string("dtype=") + dtype_name(a.dtype()) + ")";
  const auto nl = s.rfind('\n');
  const std::size_t last_line = s.size() - (nl == std::string::npos ? 0 : nl + 1);
  const bool newline = static_cast<int>(last_line + dtype_str.size() + 1) > options().linewidth;
  return s + (newline ? "\n" + std::string(prefix.size(), ' ') : " ") + dtype_str;
}

std::string scalar_str(const Array& a) {
  if (a.size() != 1)
    throw ValueError("scalar_str: needs an array of size 1, got shape " + shape_str(a.shape()));
  const Array e = a.reshape({});
  return visit_dtype(a.dtype(), [&](auto t) -> std::string {
    using T = decltype(t);
    const T v = *static_cast<const T*>(e.raw_data());
    if constexpr (std::is_same_v<T, bool>) {
      return v ? "True" : "False";
    } else if constexpr (std::is_integral_v<T>) {
      return std::to_string(static_cast<std::int64_t>(v));
    } else {
      if (std::isnan(v)) return "nan";
      if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
      const T av = std::fabs(v);
      if (v == 0 || (av >= T(1e-4) && av < T(1e16))) {
        std::string s = positional(v, 1000, false);
        if (s.back() == '.') s += '0';
        return s;
      }
      std::string m;
      int exp;
      scientific(v, 1000, m, exp);
      if (m.back() == '.') m.pop_back();
      return m + exponent_str(exp, 2);
    }
  });
}

std::string str(const Array& a) {
  if (a.ndim() == 0) return scalar_str(a);
  return array2string(a, " ", "", "");
}

std::ostream& operator<<(std::ostream& os, const Array& a) { return os << str(a); }

}  // namespace lina
