// Layers, parameter files and optimizer arguments (the update rules themselves are
// compared with PyTorch in tests/nn).
#include <gtest/gtest.h>

#include <cmath>

#include "lina/lina.hpp"
#include "lina/nn.hpp"
#include "unit/test_support.hpp"

namespace {

namespace ag = lina::autograd;
namespace nn = lina::nn;
using lina::Array;

nn::Sequential mlp(lina::Generator& gen) {
  nn::Sequential net;
  net.emplace<nn::Linear>(4, 8, gen);
  net.emplace<nn::ReLU>();
  net.emplace<nn::Dropout>(0.5, 1);
  net.emplace<nn::Linear>(8, 3, gen, nn::Init::XavierUniform, /*bias=*/false);
  return net;
}

TEST(Nn, SequentialNamesParametersLikePyTorch) {
  lina::Generator gen(1);
  nn::Sequential net = mlp(gen);
  std::vector<std::string> names;
  for (auto& [name, t] : net.named_parameters()) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"0.weight", "0.bias", "3.weight"}));
  EXPECT_EQ(net.num_parameters(), 8 * 4 + 8 + 3 * 8);
  EXPECT_NE(net.describe().find("Linear(8, 3, bias=false)"), std::string::npos);
}

TEST(Nn, InitialisationsHaveTheirBoundsAndVariance) {
  lina::Generator gen(2);
  const std::int64_t fan_in = 400, fan_out = 300;
  Array ku = nn::init_weight(nn::Init::KaimingUniform, fan_in, fan_out, gen);
  EXPECT_EQ(ku.shape(), (lina::Shape{fan_out, fan_in}));
  EXPECT_LE(lina::max(lina::abs(ku)).item<float>(), std::sqrt(6.0f / fan_in));
  Array kn = nn::init_weight(nn::Init::KaimingNormal, fan_in, fan_out, gen, lina::float64);
  EXPECT_NEAR(lina::var(kn).item<double>(), 2.0 / fan_in, 0.05 * 2.0 / fan_in);
  Array xu = nn::init_weight(nn::Init::XavierUniform, fan_in, fan_out, gen, lina::float64);
  EXPECT_LE(lina::max(lina::abs(xu)).item<double>(), std::sqrt(6.0 / (fan_in + fan_out)));
  EXPECT_NEAR(lina::var(xu).item<double>(), 2.0 / (fan_in + fan_out), 0.05 * 2.0 / (fan_in + fan_out));
  EXPECT_THROW_MSG(nn::init_weight(nn::Init::XavierNormal, 0, 3, gen), lina::ValueError, "fan_in");
}

TEST(Nn, DropoutDropsInTrainingAndPassesThroughInEvaluation) {
  nn::Dropout drop(0.25, 3);
  ag::Tensor x(lina::ones({100000}, lina::float32));
  Array y = drop(x).value();
  const double kept = lina::mean(lina::not_equal(y, 0).astype(lina::float64)).item<double>();
  EXPECT_NEAR(kept, 0.75, 0.01);
  EXPECT_NEAR(lina::mean(y).item<float>(), 1.0, 0.02);  // inverted dropout keeps the mean
  drop.eval();
  EXPECT_TRUE(drop(x).same_as(x));
  EXPECT_THROW_MSG(nn::Dropout(1.0), lina::ValueError, "[0, 1)");
}

TEST(Nn, TrainAndEvalReachEveryLayer) {
  lina::Generator gen(4);
  nn::Sequential net = mlp(gen);
  net.eval();
  EXPECT_FALSE(net[2].is_training());
  net.train();
  EXPECT_TRUE(net[2].is_training());
}

TEST(Nn, ParametersRoundTripThroughNpzThatNumPyReads) {
  lina_test::TempDir dir;
  lina::Generator gen(5);
  nn::Sequential a = mlp(gen), b = mlp(gen);
  const std::string path = dir.file("p.npz");
  nn::save_parameters(a, path);
  nn::load_parameters(b, path);
  auto pa = a.parameters(), pb = b.parameters();
  for (std::size_t i = 0; i < pa.size(); ++i) EXPECT_TRUE(lina::array_equal(pa[i].value(), pb[i].value()));
  const std::string out = lina_test::run_numpy(
      "z = np.load('p.npz'); print(sorted((k, z[k].shape, str(z[k].dtype)) for k in z.files))\n", dir);
  EXPECT_EQ(out, "[('0.bias', (8,), 'float32'), ('0.weight', (8, 4), 'float32'), ('3.weight', (3, 8), 'float32')]\n");
}

TEST(Nn, LoadingAMismatchedFileChangesNothing) {
  lina_test::TempDir dir;
  lina::Generator gen(6);
  nn::Sequential net = mlp(gen);
  const Array before = net.parameters()[0].value().copy();
  lina::save_npz(dir.file("shape.npz"), {{"0.weight", lina::zeros({8, 4}, lina::float32)},
                                         {"0.bias", lina::zeros({8}, lina::float32)},
                                         {"3.weight", lina::zeros({3, 9}, lina::float32)}});
  EXPECT_THROW_MSG(nn::load_parameters(net, dir.file("shape.npz")), lina::IOError, "3.weight", "(3,9)", "(3,8)");
  EXPECT_TRUE(lina::array_equal(net.parameters()[0].value(), before));
  lina::save_npz(dir.file("missing.npz"), {{"0.weight", lina::zeros({8, 4}, lina::float32)}});
  EXPECT_THROW_MSG(nn::load_parameters(net, dir.file("missing.npz")), lina::IOError, "0.bias");
  lina::save_npz(dir.file("extra.npz"), {{"0.weight", lina::zeros({8, 4}, lina::float32)},
                                         {"0.bias", lina::zeros({8}, lina::float32)},
                                         {"3.weight", lina::zeros({3, 8}, lina::float32)},
                                         {"9.weight", lina::zeros({1}, lina::float32)}});
  EXPECT_THROW_MSG(nn::load_parameters(net, dir.file("extra.npz")), lina::IOError, "9.weight");
  EXPECT_TRUE(lina::array_equal(net.parameters()[0].value(), before));
}

TEST(Nn, OptimizersRejectBadArguments) {
  ag::Tensor p(lina::zeros({3}), true);
  EXPECT_THROW_MSG(lina::optim::SGD({p}, -1.0), lina::ValueError, "learning rate");
  EXPECT_THROW_MSG(lina::optim::SGD({p}, 0.1, {.nesterov = true}), lina::ValueError, "Nesterov");
  EXPECT_THROW_MSG(lina::optim::Adam({p}, 0.1, {.beta1 = 1.0}), lina::ValueError, "betas");
  EXPECT_THROW_MSG(lina::optim::Adam({ag::Tensor(lina::zeros({3}))}, 0.1), lina::ValueError, "parameter 0");
  EXPECT_THROW_MSG(lina::optim::Adam({p * 2.0}, 0.1), lina::ValueError, "leaf");
  // A parameter without a gradient is left alone.
  lina::optim::Adam adam({p}, 0.1);
  adam.step();
  EXPECT_TRUE(lina::array_equal(p.value(), lina::zeros({3})));
}

TEST(Nn, ATinyNetworkLearnsXor) {
  lina::Generator gen(7);
  nn::Sequential net;
  net.emplace<nn::Linear>(2, 8, gen, nn::Init::XavierUniform, true, lina::float64);
  net.emplace<nn::Tanh>();
  net.emplace<nn::Linear>(8, 2, gen, nn::Init::XavierUniform, true, lina::float64);
  const Array x = lina::array({{0.0, 0.0}, {0.0, 1.0}, {1.0, 0.0}, {1.0, 1.0}});
  const Array y = lina::array<std::int64_t>({0, 1, 1, 0});
  lina::optim::SGD opt(net.parameters(), 0.5, {.momentum = 0.9});
  for (int i = 0; i < 300; ++i) {
    ag::Tensor loss = ag::cross_entropy(net(ag::Tensor(x)), y);
    opt.zero_grad();
    loss.backward();
    opt.step();
  }
  EXPECT_TRUE(lina::array_equal(lina::argmax(net(ag::Tensor(x)).value(), 1), y));
}

}  // namespace
