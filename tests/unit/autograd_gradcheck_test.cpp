// Every autograd rule against central differences in float64, on random inputs that
// include broadcast operands, non-contiguous views (transposes, negative steps) and
// keepdims variants. A non-scalar result y is reduced as sum(y * w) with a fixed
// random w, so each check covers a whole vector-Jacobian product.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "lina/autograd.hpp"
#include "lina/lina.hpp"

namespace {

namespace ag = lina::autograd;
using ag::Tensor;
using lina::Array;
using lina::colon;
using lina::Slice;

using Fn = std::function<Tensor(const std::vector<Tensor>&)>;

// Address of element `flat` (C order) of a float64 array of any strides.
double* element(Array& a, std::int64_t flat) {
  std::int64_t offset = 0;
  for (int ax = a.ndim() - 1; ax >= 0; --ax) {
    const std::int64_t n = a.shape(ax);
    offset += (flat % n) * a.strides()[static_cast<std::size_t>(ax)];
    flat /= n;
  }
  return reinterpret_cast<double*>(a.storage()->data() + a.offset() + offset);
}

double scalar_of(const Tensor& y, const Array& w) {
  if (y.size() == 1 && w.size() == 0) return y.item();
  return lina::sum(y.value() * w).item<double>();
}

// Checks d f / d inputs[i] for every input. `inputs` may be views; their elements are
// perturbed in place (each is restored after).
void gradcheck(const std::string& name, const Fn& f, std::vector<Array> inputs, double tol = 1e-6) {
  std::vector<Tensor> ts;
  for (const Array& a : inputs) ts.emplace_back(a, true);
  Tensor y = f(ts);
  lina::Generator gen(99);
  Array w = y.size() == 1 ? Array() : gen.normal(0, 1, y.shape());
  if (y.size() == 1) {
    y.backward();
  } else {
    y.backward(w);
  }
  const double h = 1e-6;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    ASSERT_TRUE(ts[i].has_grad()) << name << ": no gradient for input " << i;
    Array g = ts[i].grad();
    ASSERT_EQ(g.shape(), inputs[i].shape()) << name << ": gradient shape of input " << i;
    ASSERT_EQ(g.dtype(), lina::float64) << name;
    g = g.contiguous();
    for (std::int64_t k = 0; k < inputs[i].size(); ++k) {
      double* x = element(inputs[i], k);
      const double saved = *x;
      double up, down;
      {
        ag::NoGradGuard no_grad;
        *x = saved + h;
        up = scalar_of(f(ts), w);
        *x = saved - h;
        down = scalar_of(f(ts), w);
        *x = saved;
      }
      const double numeric = (up - down) / (2 * h);
      const double analytic = g.data<double>()[k];
      ASSERT_NEAR(analytic, numeric, tol * (1 + std::abs(numeric)))
          << name << ": input " << i << " element " << k;
    }
  }
}

lina::Generator gen(2026);
Array randn(const lina::Shape& s) { return gen.normal(0, 1, s); }
Array positive(const lina::Shape& s) { return gen.uniform(0.5, 2.0, s); }
// Values at least 0.1 away from zero (for relu, abs: no kink within h).
Array away_from_zero(const lina::Shape& s) {
  Array u = gen.uniform(0.1, 1.5, s);
  return lina::where(gen.uniform(0, 1, s) > 0.5, u, -u);
}
// A non-contiguous view with the given shape: the transpose of a fresh array.
Array transposed(const lina::Shape& s) {
  lina::Shape r(s.rbegin(), s.rend());
  return randn(r).T();
}
// A view with a negative step along the last axis.
Array reversed(const lina::Shape& s) {
  lina::Shape wide = s;
  wide.back() *= 2;
  return randn(wide).index({lina::ellipsis, Slice{std::nullopt, std::nullopt, -2}});
}

TEST(AutogradGradcheck, Arithmetic) {
  gradcheck("add broadcast", [](auto& t) { return t[0] + t[1]; }, {randn({3, 1, 4}), randn({2, 4})});
  gradcheck("subtract broadcast", [](auto& t) { return t[0] - t[1]; }, {randn({4}), transposed({3, 4})});
  gradcheck("multiply broadcast", [](auto& t) { return t[0] * t[1]; }, {randn({2, 3, 1}), reversed({3, 5})});
  gradcheck("divide broadcast", [](auto& t) { return t[0] / t[1]; }, {randn({2, 3}), positive({3})});
  gradcheck("power tensors", [](auto& t) { return ag::power(t[0], t[1]); }, {positive({2, 3}), randn({1, 3})});
  gradcheck("scalar ops", [](auto& t) { return (2.0 - t[0]) * 3 + t[0] / 4.0 - 1.5; }, {randn({3, 2})});
  gradcheck("scalar divide", [](auto& t) { return 2.0 / t[0]; }, {positive({5})});
  gradcheck("power scalar", [](auto& t) { return ag::power(t[0], 3) + ag::power(t[0], 0.5); }, {positive({4})});
  gradcheck("negative", [](auto& t) { return -t[0]; }, {transposed({2, 3})});
  gradcheck("0-d operands", [](auto& t) { return t[0] * t[1] + t[1]; }, {randn({}), randn({3})});
}

TEST(AutogradGradcheck, ElementwiseFunctions) {
  gradcheck("exp", [](auto& t) { return ag::exp(t[0]); }, {reversed({2, 3})});
  gradcheck("log", [](auto& t) { return ag::log(t[0]); }, {positive({3, 2})});
  gradcheck("sqrt", [](auto& t) { return ag::sqrt(t[0]); }, {positive({4})});
  gradcheck("tanh", [](auto& t) { return ag::tanh(t[0]); }, {transposed({3, 3})});
  gradcheck("sigmoid", [](auto& t) { return ag::sigmoid(t[0]); }, {randn({2, 5})});
  gradcheck("relu", [](auto& t) { return ag::relu(t[0]); }, {away_from_zero({4, 3})});
  gradcheck("abs", [](auto& t) { return ag::abs(t[0]); }, {away_from_zero({6})});
  gradcheck("maximum", [](auto& t) { return ag::maximum(t[0], t[1]); }, {randn({3, 4}), randn({4})});
  gradcheck("minimum", [](auto& t) { return ag::minimum(t[0], t[1]); }, {randn({2, 1}), transposed({2, 3})});
  gradcheck("maximum scalar", [](auto& t) { return ag::maximum(t[0], 0.05); }, {away_from_zero({5})});
  gradcheck("minimum scalar", [](auto& t) { return ag::minimum(t[0], 0.05); }, {away_from_zero({5})});
  Array cond = gen.uniform(0, 1, {3, 4}) > 0.5;
  gradcheck("where", [cond](auto& t) { return ag::where(cond, t[0], t[1]); }, {randn({3, 4}), randn({4})});
  gradcheck("clip", [](auto& t) { return ag::clip(t[0], -0.05, 0.05) + ag::clip(t[0], -10, 10); },
            {away_from_zero({8})});
}

TEST(AutogradGradcheck, Products) {
  auto mm = [](auto& t) { return ag::matmul(t[0], t[1]); };
  gradcheck("matmul 1d.1d", mm, {randn({4}), randn({4})});
  gradcheck("matmul 1d.2d", mm, {randn({3}), randn({3, 5})});
  gradcheck("matmul 2d.1d", mm, {transposed({2, 3}), randn({3})});
  gradcheck("matmul 2d.2d", mm, {randn({2, 3}), reversed({3, 4})});
  gradcheck("matmul batched", mm, {randn({2, 3, 4}), randn({4, 5})});
  gradcheck("matmul broadcast batch", mm, {randn({2, 1, 3, 4}), randn({3, 4, 2})});
  gradcheck("matmul 1d.3d", mm, {randn({3}), randn({2, 3, 4})});
  gradcheck("matmul 3d.1d", mm, {randn({2, 3, 4}), randn({4})});
  gradcheck("dot 2d", [](auto& t) { return ag::dot(t[0], t[1]); }, {randn({3, 2}), randn({2, 4})});
  gradcheck("dot 0-d", [](auto& t) { return ag::dot(t[0], t[1]); }, {randn({}), randn({3})});
  gradcheck("linear", [](auto& t) { return ag::linear(t[0], t[1], t[2]); }, {randn({5, 3}), randn({4, 3}), randn({4})});
  gradcheck("linear 3d input", [](auto& t) { return ag::linear(t[0], t[1], t[2]); },
            {randn({2, 3, 3}), transposed({2, 3}), randn({2})});
  gradcheck("linear no bias", [](auto& t) { return ag::linear(t[0], t[1], Tensor()); }, {randn({3}), randn({2, 3})});
}

TEST(AutogradGradcheck, Shapes) {
  gradcheck("transpose", [](auto& t) { return ag::transpose(t[0]); }, {randn({2, 3, 4})});
  gradcheck("transpose axes", [](auto& t) { return ag::transpose(t[0], {1, -1, 0}); }, {randn({2, 3, 4})});
  gradcheck(".T", [](auto& t) { return t[0].T() * t[1]; }, {randn({3, 2}), randn({3})});
  gradcheck("reshape", [](auto& t) { return ag::reshape(t[0], {3, -1}); }, {transposed({2, 3, 2})});
  gradcheck("expand_dims", [](auto& t) { return ag::expand_dims(t[0], {0, -1}); }, {randn({2, 3})});
  gradcheck("squeeze", [](auto& t) { return ag::squeeze(t[0]); }, {randn({1, 3, 1})});
  gradcheck("squeeze axis", [](auto& t) { return ag::squeeze(t[0], -1); }, {randn({1, 3, 1})});
  gradcheck("index", [](auto& t) { return t[0](1, Slice{std::nullopt, std::nullopt, -2}); }, {randn({3, 5})});
  gradcheck("index newaxis", [](auto& t) { return t[0](lina::newaxis, colon, -1) * t[0](0, colon); }, {randn({2, 2})});
  gradcheck("concatenate", [](auto& t) { return ag::concatenate({t[0], t[1], t[0]}, -1); },
            {randn({2, 3}), transposed({2, 1})});
  gradcheck("stack", [](auto& t) { return ag::stack({t[0], t[1]}, 1); }, {randn({2, 3}), reversed({2, 3})});
}

TEST(AutogradGradcheck, Reductions) {
  for (bool keep : {false, true}) {
    const std::string k = keep ? " keepdims" : "";
    gradcheck("sum all" + k, [keep](auto& t) { return ag::sum(t[0], {}, keep); }, {transposed({2, 3})});
    gradcheck("sum axis" + k, [keep](auto& t) { return ag::sum(t[0], -1, keep); }, {randn({2, 3, 4})});
    gradcheck("sum axes" + k, [keep](auto& t) { return ag::sum(t[0], {0, 2}, keep); }, {reversed({2, 3, 4})});
    gradcheck("mean all" + k, [keep](auto& t) { return ag::mean(t[0], {}, keep); }, {randn({3, 2})});
    gradcheck("mean axes" + k, [keep](auto& t) { return ag::mean(t[0], {-1, 0}, keep); }, {transposed({2, 3, 2})});
    gradcheck("max all" + k, [keep](auto& t) { return ag::max(t[0], {}, keep); }, {randn({3, 4})});
    gradcheck("max axis" + k, [keep](auto& t) { return ag::max(t[0], 1, keep); }, {reversed({2, 3, 4})});
  }
}

TEST(AutogradGradcheck, SoftmaxAndLosses) {
  gradcheck("softmax", [](auto& t) { return ag::softmax(t[0]); }, {randn({3, 4})});
  gradcheck("softmax axis 0", [](auto& t) { return ag::softmax(t[0], 0); }, {transposed({3, 4})});
  gradcheck("log_softmax", [](auto& t) { return ag::log_softmax(t[0], -1); }, {randn({2, 5})});
  gradcheck("log_softmax axis 0", [](auto& t) { return ag::log_softmax(t[0], 0); }, {reversed({4, 3})});
  gradcheck("mse", [](auto& t) { return ag::mse(t[0], t[1]); }, {randn({3, 2}), transposed({3, 2})});
  Array labels = lina::array<std::int64_t>({2, 0, 3, 3});
  gradcheck("cross_entropy", [labels](auto& t) { return ag::cross_entropy(t[0], labels); }, {randn({4, 5})});
  gradcheck("cross_entropy view", [labels](auto& t) { return ag::cross_entropy(t[0], labels) * 3.0; },
            {transposed({4, 5})});
}

TEST(AutogradGradcheck, CompositeMlp) {
  Array labels = lina::array<std::int64_t>({1, 0, 2});
  gradcheck("two-layer mlp",
            [labels](auto& t) {
              Tensor h = ag::tanh(ag::linear(t[0], t[1], t[2]));
              return ag::cross_entropy(ag::linear(h, t[3], t[4]), labels) + ag::mean(t[1] * t[1]) * 0.1;
            },
            {randn({3, 4}), randn({5, 4}), randn({5}), randn({3, 5}), randn({3})});
}

}  // namespace
