// Autograd's behaviour apart from the derivative rules: accumulation, grad mode,
// detach, dtypes, and the errors for misuse.
#include <gtest/gtest.h>

#include "lina/autograd.hpp"
#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

namespace ag = lina::autograd;
using ag::Tensor;
using lina::Array;

template <class E, class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "no exception of the expected type";
  return "";
}

TEST(Autograd, GradientsAccumulateAcrossBackwardCallsUntilZeroGrad) {
  Tensor x(lina::array({1.0, 2.0, 3.0}), true);
  ag::sum(x * x).backward();
  ag::sum(x * 3.0).backward();
  EXPECT_TRUE(lina::array_equal(x.grad(), lina::array({5.0, 7.0, 9.0})));
  x.zero_grad();
  EXPECT_FALSE(x.has_grad());
  ag::sum(x).backward();
  EXPECT_TRUE(lina::array_equal(x.grad(), lina::array({1.0, 1.0, 1.0})));
}

TEST(Autograd, ATensorUsedTwiceGetsTheSumOfBothPaths) {
  Tensor x(lina::array({2.0}), true);
  Tensor y = x * x + x;  // dy/dx = 2x + 1
  ag::sum(y).backward();
  EXPECT_DOUBLE_EQ(x.grad().data<double>()[0], 5.0);
}

TEST(Autograd, NoGradGuardRecordsNothing) {
  Tensor x(lina::array({1.0, 2.0}), true);
  {
    ag::NoGradGuard guard;
    EXPECT_FALSE(ag::is_grad_enabled());
    Tensor y = x * 2.0;
    EXPECT_FALSE(y.requires_grad());
    EXPECT_TRUE(y.is_leaf());
  }
  EXPECT_TRUE(ag::is_grad_enabled());
  EXPECT_TRUE((x * 2.0).requires_grad());
}

TEST(Autograd, DetachCutsTheGraph) {
  Tensor x(lina::array({1.0, 2.0}), true);
  Tensor d = (x * 2.0).detach();
  EXPECT_FALSE(d.requires_grad());
  EXPECT_TRUE(d.is_leaf());
  Tensor y = ag::sum(d * x);
  y.backward();
  EXPECT_TRUE(lina::array_equal(x.grad(), lina::array({2.0, 4.0})));
}

TEST(Autograd, Float32StaysFloat32IncludingGradients) {
  Tensor x(lina::array({1.0f, -2.0f}), true);
  Tensor y = ag::sum(ag::tanh(x * 2.0 + 1) / 3);
  EXPECT_EQ(y.dtype(), lina::float32);
  y.backward();
  EXPECT_EQ(x.grad().dtype(), lina::float32);
}

TEST(Autograd, BackwardWithAnUpstreamGradient) {
  Tensor x(lina::array({1.0, 2.0}), true);
  (x * 3.0).backward(lina::array({1.0, 10.0}));
  EXPECT_TRUE(lina::array_equal(x.grad(), lina::array({3.0, 30.0})));
}

TEST(Autograd, CrossEntropyIsStableForHugeLogits) {
  Tensor logits(lina::array({{1e4, -1e4, 0.0}, {0.0, 1e4, 1e4}}, lina::float32), true);
  Tensor loss = ag::cross_entropy(logits, lina::array<std::int64_t>({0, 1}));
  // Row 0: the right class dominates (loss 0); row 1: two equal logits (loss log 2).
  EXPECT_NEAR(loss.item(), std::log(2.0) / 2, 1e-6);
  loss.backward();
  EXPECT_TRUE(lina::all(lina::isfinite(logits.grad())).item<bool>());
  Tensor ls = ag::log_softmax(logits);
  EXPECT_TRUE(lina::all(lina::isfinite(ls.value())).item<bool>());
}

TEST(Autograd, ErrorsNameTheOperationAndShapes) {
  Tensor m(lina::ones({2, 3}), true);
  EXPECT_NE(error_of<lina::ValueError>([&] { (m * 2.0).backward(); }).find("shape (2,3)"), std::string::npos);
  EXPECT_NE(error_of<lina::ValueError>([&] { Tensor(lina::ones({1})).backward(); }).find("does not require"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ShapeError>([&] { (m * 2.0).backward(lina::ones({3})); }).find("(3,)"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ShapeError>([&] { m + Tensor(lina::ones({4})); }).find("(2,3)"), std::string::npos);
  EXPECT_NE(error_of<lina::ShapeError>([&] { ag::matmul(m, m); }).find("matmul"), std::string::npos);
  EXPECT_NE(error_of<lina::TypeError>([&] { Tensor(lina::arange(3), true); }).find("int64"), std::string::npos);
  EXPECT_NE(error_of<lina::ValueError>([&] { (void)m.grad(); }).find("no gradient"), std::string::npos);
  EXPECT_NE(error_of<lina::ValueError>([&] {
              ag::cross_entropy(m, lina::array<std::int64_t>({0, 3}));
            }).find("label 3"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ShapeError>([&] { ag::cross_entropy(m, lina::array<std::int64_t>({0})); })
                .find("labels of shape (1,)"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ShapeError>([&] { ag::linear(m, Tensor(lina::ones({4, 2})), Tensor()); })
                .find("linear"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ValueError>([&] { ag::dot(Tensor(lina::ones({2, 2, 2})), m); }).find("matmul"),
            std::string::npos);
  EXPECT_NE(error_of<lina::ValueError>([&] { (m * 2.0).set_requires_grad(false); }).find("detach"),
            std::string::npos);
}

}  // namespace
