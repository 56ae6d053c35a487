// numpy.linalg.norm for vectors (one axis) and matrices (two axes), written in terms
// of lina's elementwise ops and reductions.
#include <cmath>
#include <limits>
#include <string>

#include "lina/ops/elementwise.hpp"
#include "lina/ops/linalg.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"

namespace lina {

std::string NormOrd::to_string() const {
  if (!name_.empty()) return "'" + name_ + "'";
  if (!p_) return "None";
  if (std::isinf(*p_)) return *p_ > 0 ? "inf" : "-inf";
  std::string s = std::to_string(*p_);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Array vector_norm(const Array& x, const NormOrd& ord, int axis, bool keepdims) {
  if (!ord.name().empty())
    throw ValueError("norm: invalid norm order " + ord.to_string() + " for vectors; use a number, inf or -inf");
  const Array ax = abs(x);
  if (ord.is_none() || *ord.p() == 2) return sqrt(sum(multiply(ax, ax), axis, keepdims));
  const double p = *ord.p();
  if (p == kInf) return max(ax, axis, keepdims);
  if (p == -kInf) return min(ax, axis, keepdims);
  if (p == 0) return sum(not_equal(x, 0), axis, keepdims).astype(x.dtype());
  if (p == 1) return sum(ax, axis, keepdims);
  return power(sum(power(ax, p), axis, keepdims), 1.0 / p);
}

Array matrix_norm(const Array& x, const NormOrd& ord, int row, int col, bool keepdims) {
  const Array ax = abs(x);
  Array r;
  if (ord.is_none() || ord.name() == "fro") {
    r = sqrt(sum(multiply(ax, ax), {row, col}, keepdims));
    return r;
  }
  if (ord.name() == "nuc" || (ord.p() && std::fabs(*ord.p()) == 2))
    throw ValueError("norm: ord " + ord.to_string() + " for matrices is not supported yet (it needs an SVD); use 'fro', 1, -1, inf or -inf");
  if (!ord.p() || !(std::fabs(*ord.p()) == 1 || std::isinf(*ord.p())))
    throw ValueError("norm: invalid norm order " + ord.to_string() + " for matrices; use 'fro', 1, -1, inf or -inf");
  const double p = *ord.p();
  // 1-norms sum over rows (max column sum); inf-norms sum over columns (max row sum).
  const int summed = std::fabs(p) == 1 ? row : col;
  int other = std::fabs(p) == 1 ? col : row;
  const Array s = sum(ax, summed, true);
  r = p > 0 ? max(s, other, true) : min(s, other, true);
  if (!keepdims) r = squeeze(r, {row, col});
  return r;
}

}  // namespace

Array norm(const Array& x0, const NormOrd& ord, const Axes& axis, bool keepdims) {
  const Array x = is_floating(x0.dtype()) ? x0 : x0.astype(DType::Float64);
  if (axis.is_none()) {
    if (ord.is_none()) {
      const Array r = sqrt(sum(multiply(x, x)));
      return keepdims ? reshape(r, Shape(x.ndim(), 1)) : r;
    }
    if (x.ndim() == 1) return vector_norm(x, ord, 0, keepdims);
    if (x.ndim() == 2) return matrix_norm(x, ord, 0, 1, keepdims);
    throw ValueError("norm: improper number of dimensions to norm: an ord needs a 1-D or 2-D array or an axis, got shape " +
                     shape_str(x.shape()));
  }
  const auto& v = axis.values();
  if (v.size() == 1) return vector_norm(x, ord, normalize_axis(v[0], x.ndim(), "norm"), keepdims);
  if (v.size() == 2) {
    const int r = normalize_axis(v[0], x.ndim(), "norm"), c = normalize_axis(v[1], x.ndim(), "norm");
    if (r == c) throw ValueError("norm: duplicate axes given");
    return matrix_norm(x, ord, r, c, keepdims);
  }
  throw ValueError("norm: improper number of dimensions to norm: axis must name 1 or 2 axes, got " +
                   std::to_string(v.size()));
}

}  // namespace lina
