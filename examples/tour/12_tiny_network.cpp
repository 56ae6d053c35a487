// [12] A tiny network: one forward and one backward pass of a two-layer MLP written by
// hand with the operations of the earlier sections, its gradient checked against a
// central finite difference, and one step of gradient descent.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "lina/autograd.hpp"
#include "lina/nn.hpp"
#include "pictures.hpp"
#include "tour.hpp"

namespace tour {

namespace {
void require_shape(const lina::Array& gradient, const lina::Array& parameter, const char* name) {
  if (gradient.shape() != parameter.shape())
    throw std::logic_error(std::string("tour: the gradient of ") + name + " has shape " + shape_of(gradient) +
                           " but " + name + " has shape " + shape_of(parameter));
}
}  // namespace

void tiny_network(const Context& context) {
  say("Two layers: hidden = relu(X @ W1.T + b1), then Y = hidden @ W2.T + b2; the loss is");
  say("the mean squared error against targets T. A batch of 4 examples, 3 inputs, 5 hidden");
  say("units, 2 outputs. (lina's random streams differ from NumPy's: the shapes are shown.)");
  lina::Generator rng(7);
  DEFINE_SHAPED(X, "X = rng.normal(0, 1, (4, 3))  # (batch, inputs)", rng.normal(0, 1, {4, 3}));
  DEFINE_SHAPED(T, "T = rng.normal(0, 1, (4, 2))  # (batch, outputs)", rng.normal(0, 1, {4, 2}));
  DEFINE_SHAPED(W1, "W1 = rng.normal(0, 0.5, (5, 3))  # (hidden, inputs)", rng.normal(0, 0.5, {5, 3}));
  DEFINE_SHAPED(b1, "b1 = np.zeros(5)", lina::zeros({5}));
  DEFINE_SHAPED(W2, "W2 = rng.normal(0, 0.5, (2, 5))  # (outputs, hidden)", rng.normal(0, 0.5, {2, 5}));
  DEFINE_SHAPED(b2, "b2 = np.zeros(2)", lina::zeros({2}));

  say("Forward: the transposes make (batch, inputs) meet (inputs, hidden).");
  DEFINE_SHAPED(Z1, "Z1 = X @ W1.T + b1  # (4,3) @ (3,5) + (5,) -> (4,5)", lina::matmul(X, W1.T()) + b1);
  DEFINE_SHAPED(H, "H = np.maximum(Z1, 0)  # relu", lina::maximum(Z1, 0.0));
  DEFINE_SHAPED(Y, "Y = H @ W2.T + b2  # (4,5) @ (5,2) + (2,) -> (4,2)", lina::matmul(H, W2.T()) + b2);
  DEFINE(loss, "loss = np.mean((Y - T) ** 2)", lina::mean(lina::square(Y - T)));

  say("Backward: the chain rule, one layer at a time. Each gradient has the shape of what");
  say("it is the gradient of, and transposes make the shapes line up again.");
  DEFINE_SHAPED(dY, "dY = 2 * (Y - T) / Y.size  # d loss / d Y", 2 * (Y - T) / static_cast<double>(Y.size()));
  DEFINE_SHAPED(dW2, "dW2 = dY.T @ H  # (2,4) @ (4,5) -> (2,5), the shape of W2", lina::matmul(dY.T(), H));
  DEFINE_SHAPED(db2, "db2 = dY.sum(axis=0)  # b2 was broadcast over the batch: sum it back", lina::sum(dY, 0));
  DEFINE_SHAPED(dH, "dH = dY @ W2  # (4,2) @ (2,5) -> (4,5)", lina::matmul(dY, W2));
  DEFINE_SHAPED(dZ1, "dZ1 = dH * (Z1 > 0)  # relu's derivative: a 0/1 mask (Hadamard)", lina::hadamard(dH, Z1 > 0));
  DEFINE_SHAPED(dW1, "dW1 = dZ1.T @ X  # (5,4) @ (4,3) -> (5,3), the shape of W1", lina::matmul(dZ1.T(), X));
  DEFINE_SHAPED(db1, "db1 = dZ1.sum(axis=0)", lina::sum(dZ1, 0));
  require_shape(dW1, W1, "W1"), require_shape(db1, b1, "b1"), require_shape(dW2, W2, "W2"),
      require_shape(db2, b2, "b2");

  say("Check the hand-written gradient: nudge the weight with the largest gradient both");
  say("ways and divide the change in the loss by the step (a central finite difference).");
  const auto loss_with_w1 = [&](const lina::Array& w1) {
    const lina::Array hidden = lina::maximum(lina::matmul(X, w1.T()) + b1, 0.0);
    return lina::mean(lina::square(lina::matmul(hidden, W2.T()) + b2 - T)).item<double>();
  };
  const std::int64_t flat = lina::argmax(lina::abs(dW1)).item<std::int64_t>();
  const std::int64_t i = flat / W1.shape(1), j = flat % W1.shape(1);
  const double eps = 1e-6;
  lina::Array w_plus = W1.copy(), w_minus = W1.copy();
  w_plus.at<double>(i, j) += eps;
  w_minus.at<double>(i, j) -= eps;
  const double numeric = (loss_with_w1(w_plus) - loss_with_w1(w_minus)) / (2 * eps);
  const double analytic = dW1.at<double>(i, j);
  const std::string where = "[" + std::to_string(i) + ", " + std::to_string(j) + "]";
  show_text("dW1.at<double>(i, j)", "dW1" + where + "  # backward pass", number(analytic));
  show_text("(loss_with_w1(w_plus) - loss_with_w1(w_minus)) / (2 * eps)",
            "(loss(W1 + eps at " + where + ") - loss(W1 - eps at " + where + ")) / (2 * eps)  # eps = 1e-6",
            number(numeric));
  const double relative = std::abs(analytic - numeric) / std::max(std::abs(analytic), std::abs(numeric));
  if (!(relative < 1e-6))
    throw std::logic_error("tour: the backward pass disagrees with the finite difference (relative error " +
                           number(relative) + ")");
  say("They agree to a relative error of " + number(relative) + ".");

  say("lina::autograd records the same forward pass and applies the chain rule for us:");
  namespace ag = lina::autograd;
  ag::Tensor tW1(W1, true), tb1(b1, true), tW2(W2, true), tb2(b2, true);
  const ag::Tensor hidden = ag::relu(ag::matmul(ag::Tensor(X), ag::transpose(tW1)) + tb1);
  ag::Tensor auto_loss = ag::mean(ag::power(ag::matmul(hidden, ag::transpose(tW2)) + tb2 - ag::Tensor(T), 2));
  auto_loss.backward();
  const bool same = lina::allclose(tW1.grad(), dW1, 1e-12, 1e-14) && lina::allclose(tb1.grad(), db1, 1e-12, 1e-14) &&
                    lina::allclose(tW2.grad(), dW2, 1e-12, 1e-14) && lina::allclose(tb2.grad(), db2, 1e-12, 1e-14);
  show_text("auto_loss.backward(); lina::allclose(tW1.grad(), dW1) && ... (all four)",
            "loss.backward(); all(torch.allclose(p.grad, g) for p, g in ...)  # PyTorch",
            same ? "True: autograd's gradients are the hand-written ones" : "False");
  if (!same) throw std::logic_error("tour: lina::autograd disagrees with the hand-written backward pass");

  say("One step of gradient descent moves every parameter against its gradient:");
  const double lr = 0.1;
  const lina::Array W1n = W1 - lr * dW1, b1n = b1 - lr * db1, W2n = W2 - lr * dW2, b2n = b2 - lr * db2;
  const lina::Array after =
      lina::mean(lina::square(lina::matmul(lina::maximum(lina::matmul(X, W1n.T()) + b1n, 0.0), W2n.T()) + b2n - T));
  show_text("W1 - lr * dW1, ... (lr = 0.1), then the forward pass again",
            "W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2; loss", 
            "loss " + lina::scalar_str(loss) + " -> " + lina::scalar_str(after));
  if (!(after.item<double>() < loss.item<double>()))
    throw std::logic_error("tour: a gradient descent step did not lower the loss");

  say("Many such steps are training. 200 of them, with autograd doing the backward pass:");
  std::vector<double> curve;
  {
    ag::Tensor p1(W1.copy(), true), q1(b1.copy(), true), p2(W2.copy(), true), q2(b2.copy(), true);
    lina::optim::SGD sgd({p1, q1, p2, q2}, lr);
    for (int step = 0; step <= 200; ++step) {
      const ag::Tensor h = ag::relu(ag::linear(ag::Tensor(X), p1, q1));
      ag::Tensor l = ag::mse(ag::linear(h, p2, q2), ag::Tensor(T));
      curve.push_back(l.item());
      sgd.zero_grad();
      l.backward();
      sgd.step();
    }
  }
  show_text("lina::optim::SGD sgd(params, 0.1); 200 x { loss = mse(net(X), T); loss.backward(); sgd.step(); }",
            "opt = torch.optim.SGD(params, lr=0.1)  # 200 steps of forward, backward, step",
            "loss " + number(curve.front()) + " -> " + number(curve.back()));
  for (const std::string& file : draw_descent(context.out_dir, curve)) say("Picture: " + file);
}

}  // namespace tour
