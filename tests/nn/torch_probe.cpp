// Computes, with lina, what tests/nn/compare_with_torch.py computes with PyTorch: an
// MLP's loss and every gradient, log_softmax of extreme logits, and the parameters
// after a few steps of each optimizer. Reads inputs.npz, writes outputs.npz.
#include <cstdio>
#include <map>
#include <string>

#include "lina/lina.hpp"
#include "lina/nn.hpp"

namespace ag = lina::autograd;
using ag::Tensor;
using lina::Array;

namespace {

// loss(p) = sum(c * p^2) + sum(d * p): a bowl with unequal curvature.
void run_optimizer(const std::string& name, lina::optim::Optimizer& opt, Tensor& p, const Array& c, const Array& d,
                   std::map<std::string, Array>& out, int steps = 6) {
  for (int i = 0; i < steps; ++i) {
    Tensor loss = ag::sum(Tensor(c) * p * p) + ag::sum(Tensor(d) * p);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  out["opt_" + name] = p.value().copy();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: torch_probe inputs.npz outputs.npz\n");
    return 2;
  }
  std::map<std::string, Array> in = lina::load_npz(argv[1]);
  std::map<std::string, Array> out;

  Tensor x(in.at("x"), true), w1(in.at("w1"), true), b1(in.at("b1"), true), w2(in.at("w2"), true),
      b2(in.at("b2"), true);
  Tensor loss = ag::cross_entropy(ag::linear(ag::relu(ag::linear(x, w1, b1)), w2, b2), in.at("y"));
  loss.backward();
  out["mlp_loss"] = loss.value();
  out["mlp_grad_x"] = x.grad();
  out["mlp_grad_w1"] = w1.grad();
  out["mlp_grad_b1"] = b1.grad();
  out["mlp_grad_w2"] = w2.grad();
  out["mlp_grad_b2"] = b2.grad();

  // The same network through matmul, transpose, broadcasting and mean(log_softmax).
  Tensor x2(in.at("x"), true), w1b(in.at("w1"), true), w2b(in.at("w2"), true);
  Tensor h = ag::tanh(ag::matmul(x2, w1b.T()) + Tensor(in.at("b1")));
  Tensor logp = ag::log_softmax(ag::matmul(h, w2b.T()), 1);
  Tensor nll = -ag::mean(ag::sum(logp * Tensor(in.at("onehot")), 1));
  nll.backward();
  out["tanh_loss"] = nll.value();
  out["tanh_grad_x"] = x2.grad();
  out["tanh_grad_w1"] = w1b.grad();
  out["tanh_grad_w2"] = w2b.grad();

  for (const char* dtype : {"f32", "f64"}) {
    Tensor big(in.at(std::string("big_") + dtype), true);
    Tensor ls = ag::log_softmax(big, -1);
    ls.backward(in.at(std::string("big_upstream_") + dtype));
    out[std::string("big_logsoftmax_") + dtype] = ls.value();
    out[std::string("big_grad_") + dtype] = big.grad();
    Tensor big2(in.at(std::string("big_") + dtype), true);
    Tensor ce = ag::cross_entropy(big2, in.at("big_labels"));
    ce.backward();
    out[std::string("big_ce_") + dtype] = ce.value();
    out[std::string("big_ce_grad_") + dtype] = big2.grad();
  }

  const Array p0 = in.at("p0"), c = in.at("c"), d = in.at("d");
  auto fresh = [&] { return Tensor(p0.copy(), true); };
  using namespace lina::optim;
  {
    Tensor p = fresh();
    SGD o({p}, 0.1);
    run_optimizer("sgd", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    SGD o({p}, 0.1, {.momentum = 0.9});
    run_optimizer("sgd_momentum", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    SGD o({p}, 0.1, {.momentum = 0.9, .nesterov = true, .weight_decay = 0.01});
    run_optimizer("sgd_nesterov_wd", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    Adam o({p}, 0.1);
    run_optimizer("adam", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    Adam o({p}, 0.1, {.weight_decay = 0.1});
    run_optimizer("adam_wd", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    AdamW o({p}, 0.1, {.weight_decay = 0.1});
    run_optimizer("adamw", o, p, c, d, out);
  }
  {
    Tensor p = fresh();
    SGD o({p}, 0.1);
    StepLR s(o, 2, 0.5);
    Array lrs = lina::zeros({7});
    for (int e = 0; e < 7; ++e) {
      lrs.at<double>(e) = o.lr();
      s.step();
    }
    out["lr_step"] = lrs;
  }
  {
    Tensor p = fresh();
    SGD o({p}, 0.1);
    CosineLR s(o, 5, 0.01);
    Array lrs = lina::zeros({7});
    for (int e = 0; e < 7; ++e) {
      lrs.at<double>(e) = o.lr();
      s.step();
    }
    out["lr_cosine"] = lrs;
  }
  lina::save_npz(argv[2], out);
  return 0;
}
