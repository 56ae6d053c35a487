// softmax, log_softmax and the losses. Cross-entropy is one fused pass per row: the
// log-softmax is never materialised apart from the probabilities kept for backward.
#include <cmath>

#include "lina/autograd/functions.hpp"
#include "lina/core/errors.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/reduction.hpp"

namespace lina::autograd {
namespace {

using Grads = std::vector<Array>;

int normalize_axis(int axis, int ndim, const char* op) {
  if (ndim == 0)
    throw ValueError(std::string(op) + ": needs at least one dimension, got a 0-d tensor");
  if (axis < -ndim || axis >= ndim)
    throw IndexError(std::string(op) + ": axis " + std::to_string(axis) + " is out of bounds for a tensor of " +
                     std::to_string(ndim) + " dimensions");
  return axis < 0 ? axis + ndim : axis;
}

void require_float(const Tensor& t, const char* op) {
  if (t.dtype() != DType::Float32 && t.dtype() != DType::Float64)
    throw TypeError(std::string(op) + ": needs float32 or float64, got " + dtype_name(t.dtype()));
}

}  // namespace

Tensor softmax(const Tensor& a, int axis) {
  require_float(a, "softmax");
  const int ax = normalize_axis(axis, a.ndim(), "softmax");
  Array e = lina::exp(a.value() - lina::max(a.value(), ax, true));
  Array out = e / lina::sum(e, ax, true);
  return Tensor::from_op(out, "softmax", {a}, [out, ax](const Array& g, const std::vector<bool>&) {
    return Grads{out * (g - lina::sum(g * out, ax, true))};
  });
}

Tensor log_softmax(const Tensor& a, int axis) {
  require_float(a, "log_softmax");
  const int ax = normalize_axis(axis, a.ndim(), "log_softmax");
  Array shifted = a.value() - lina::max(a.value(), ax, true);
  Array out = shifted - lina::log(lina::sum(lina::exp(shifted), ax, true));
  return Tensor::from_op(out, "log_softmax", {a}, [out, ax](const Array& g, const std::vector<bool>&) {
    return Grads{g - lina::exp(out) * lina::sum(g, ax, true)};
  });
}

Tensor mse(const Tensor& prediction, const Tensor& target) {
  if (prediction.shape() != target.shape())
    throw ShapeError("mse: prediction of shape " + shape_str_compact(prediction.shape()) +
                     " and target of shape " + shape_str_compact(target.shape()) + " must have the same shape");
  Tensor diff = prediction - target;
  return mean(diff * diff);
}

namespace {

// One row at a time: the maximum, the log of the sum of exponentials, the loss term,
// and the probabilities (kept for the gradient softmax - onehot).
template <class T>
double cross_entropy_rows(const Array& logits, const std::int64_t* labels, Array& probs) {
  const std::int64_t n = logits.shape(0), c = logits.shape(1);
  const T* x = logits.data<T>();
  T* p = probs.data<T>();
  double total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const T* row = x + i * c;
    T* prow = p + i * c;
    T top = row[0];
    for (std::int64_t j = 1; j < c; ++j) top = row[j] > top ? row[j] : top;
    double s = 0;
    for (std::int64_t j = 0; j < c; ++j) {
      prow[j] = static_cast<T>(std::exp(static_cast<double>(row[j] - top)));
      s += static_cast<double>(prow[j]);
    }
    const double log_s = std::log(s);
    const auto inv = static_cast<T>(1.0 / s);
    for (std::int64_t j = 0; j < c; ++j) prow[j] *= inv;
    total += log_s - static_cast<double>(row[labels[i]] - top);
  }
  return n > 0 ? total / static_cast<double>(n) : std::nan("");
}

template <class T>
void cross_entropy_grad(const Array& probs, const std::int64_t* labels, double scale, Array& out) {
  const std::int64_t n = probs.shape(0), c = probs.shape(1);
  const T* p = probs.data<T>();
  T* o = out.data<T>();
  const auto s = static_cast<T>(scale);
  for (std::int64_t i = 0; i < n; ++i) {
    for (std::int64_t j = 0; j < c; ++j) o[i * c + j] = p[i * c + j] * s;
    o[i * c + labels[i]] -= s;
  }
}

}  // namespace

Tensor cross_entropy(const Tensor& logits, const Array& labels) {
  require_float(logits, "cross_entropy");
  if (logits.ndim() != 2)
    throw ShapeError("cross_entropy: logits must be 2-D (samples, classes), got shape " +
                     shape_str_compact(logits.shape()));
  const std::int64_t n = logits.shape(0), c = logits.shape(1);
  if (labels.ndim() != 1 || labels.shape(0) != n)
    throw ShapeError("cross_entropy: labels of shape " + shape_str_compact(labels.shape()) + " for logits of shape " +
                     shape_str_compact(logits.shape()) + "; expected (" + std::to_string(n) + ",)");
  if (labels.dtype() == DType::Float32 || labels.dtype() == DType::Float64 || labels.dtype() == DType::Bool)
    throw TypeError(std::string("cross_entropy: labels must be integers, got ") + dtype_name(labels.dtype()));
  Array y = labels.astype(DType::Int64);
  const std::int64_t* yp = y.data<std::int64_t>();
  for (std::int64_t i = 0; i < n; ++i)
    if (yp[i] < 0 || yp[i] >= c)
      throw ValueError("cross_entropy: label " + std::to_string(yp[i]) + " at position " + std::to_string(i) +
                       " is outside [0, " + std::to_string(c) + ") for " + std::to_string(c) + " classes");

  Array x = logits.value().contiguous();
  Array probs(x.shape(), x.dtype());
  const double loss = x.dtype() == DType::Float32 ? cross_entropy_rows<float>(x, yp, probs)
                                                  : cross_entropy_rows<double>(x, yp, probs);
  Array value = full({}, loss, x.dtype());
  return Tensor::from_op(std::move(value), "cross_entropy", {logits},
                         [probs, y, n](const Array& g, const std::vector<bool>&) {
                           const double scale = g.astype(DType::Float64).item<double>() / static_cast<double>(n);
                           Array out(probs.shape(), probs.dtype());
                           if (probs.dtype() == DType::Float32)
                             cross_entropy_grad<float>(probs, y.data<std::int64_t>(), scale, out);
                           else
                             cross_entropy_grad<double>(probs, y.data<std::int64_t>(), scale, out);
                           return Grads{out};
                         });
}

}  // namespace lina::autograd
