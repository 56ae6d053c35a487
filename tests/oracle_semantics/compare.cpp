#include "compare.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <sstream>
#include <type_traits>
#include <vector>

namespace oracle {

namespace {

// Elements of `a` in C order as doubles (int64 values stay exact in `ints`). Reads
// through the strides itself so a layout bug in the result is reported as a value
// mismatch rather than hidden by a copy.
void flatten(const lina::Array& a, std::vector<double>& f, std::vector<std::int64_t>& ints) {
  const int nd = a.ndim();
  const auto& shape = a.shape();
  const auto& strides = a.strides();
  const auto* base = static_cast<const char*>(a.raw_data());
  f.clear();
  ints.clear();
  if (a.size() == 0) return;
  std::vector<std::int64_t> idx(nd, 0);
  for (std::int64_t n = 0; n < a.size(); ++n) {
    std::int64_t off = 0;
    for (int d = 0; d < nd; ++d) off += idx[d] * strides[d];
    const char* p = base + off;
    lina::visit_dtype(a.dtype(), [&](auto zero) {
      using T = decltype(zero);
      T v;
      std::memcpy(&v, p, sizeof(T));
      f.push_back(static_cast<double>(v));
      if constexpr (std::is_integral_v<T>) ints.push_back(static_cast<std::int64_t>(v));
      else ints.push_back(0);
    });
    for (int d = nd - 1; d >= 0; --d) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
}

std::string fmt(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

}  // namespace

Tolerance default_tolerance(lina::DType dtype) {
  if (dtype == lina::DType::Float32) return {2e-5, 1e-6};
  return {1e-6, 1e-12};
}

std::string compare_arrays(const lina::Array& expected, const lina::Array& got,
                           std::optional<Tolerance> tol) {
  std::ostringstream out;
  if (got.dtype() != expected.dtype())
    out << "dtype " << lina::dtype_name(got.dtype()) << " != NumPy's "
        << lina::dtype_name(expected.dtype()) << "; ";
  if (got.shape() != expected.shape()) {
    out << "shape " << lina::shape_str(got.shape()) << " != NumPy's "
        << lina::shape_str(expected.shape());
    return out.str();
  }
  std::vector<double> ef, gf;
  std::vector<std::int64_t> ei, gi;
  flatten(expected, ef, ei);
  flatten(got, gf, gi);
  const bool floating = lina::is_floating(expected.dtype()) || lina::is_floating(got.dtype());
  const Tolerance t = tol ? *tol : default_tolerance(lina::is_floating(expected.dtype()) ? expected.dtype() : got.dtype());
  int shown = 0;
  std::int64_t bad = 0;
  for (std::size_t k = 0; k < ef.size(); ++k) {
    bool ok;
    if (!floating) {
      ok = ei[k] == gi[k];
    } else {
      const double e = ef[k], g = gf[k];
      if (std::isnan(e) || std::isnan(g)) ok = std::isnan(e) && std::isnan(g);
      else if (std::isinf(e) || std::isinf(g)) ok = e == g;
      else ok = std::fabs(e - g) <= t.atol + t.rtol * std::fabs(e);
    }
    if (!ok) {
      ++bad;
      if (shown++ < 4)
        out << "[" << k << "] " << (floating ? fmt(gf[k]) : std::to_string(gi[k])) << " != NumPy's "
            << (floating ? fmt(ef[k]) : std::to_string(ei[k])) << "; ";
    }
  }
  if (bad) out << bad << " of " << ef.size() << " elements differ";
  return out.str();
}

}  // namespace oracle
