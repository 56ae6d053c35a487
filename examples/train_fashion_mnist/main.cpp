// Trains a 784-256-128-10 ReLU network with Adam on Fashion-MNIST (60,000 training
// images) and reports accuracy on the 10,000 test images.
//
//   train_fashion_mnist [--epochs N] [--seed S] [--threads T] [--out DIR]
//                       [--batch-size B] [--lr LR] [--train-limit N] [--data DIR]
//
// The last line is machine-readable:
//   final: test_accuracy=<0..1> epochs=<n> seconds_per_epoch=<s>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "lina/data/batches.hpp"
#include "lina/data/datasets.hpp"
#include "lina/lina.hpp"
#include "lina/nn.hpp"
#include "training_report.hpp"

namespace {

namespace ag = lina::autograd;
using lina::Array;
using Clock = std::chrono::steady_clock;

struct Options {
  int epochs = 10;
  std::uint64_t seed = 0;
  int threads = 0;  // 0: lina's default
  std::string out;
  std::int64_t batch_size = 128;
  double lr = 1e-3;
  std::int64_t train_limit = 0;  // 0: all
  std::string data = lina::data::fashion_mnist_dir();
};

[[noreturn]] void usage_error(const std::string& msg) {
  std::cerr << "train_fashion_mnist: error: " << msg << "\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(arg + " needs a value");
      return argv[++i];
    };
    try {
      if (arg == "--epochs") o.epochs = std::stoi(value());
      else if (arg == "--seed") o.seed = std::stoull(value());
      else if (arg == "--threads") o.threads = std::stoi(value());
      else if (arg == "--out") o.out = value();
      else if (arg == "--batch-size") o.batch_size = std::stoll(value());
      else if (arg == "--lr") o.lr = std::stod(value());
      else if (arg == "--train-limit") o.train_limit = std::stoll(value());
      else if (arg == "--data") o.data = value();
      else usage_error("unknown option " + arg);
    } catch (const std::logic_error&) {
      usage_error("bad value for " + arg);
    }
  }
  if (o.epochs < 1) usage_error("--epochs must be >= 1");
  if (o.batch_size < 1) usage_error("--batch-size must be >= 1");
  return o;
}

struct Evaluation {
  double loss = 0, accuracy = 0;
  Array predictions;  // (n,) int64
};

// Loss and accuracy over a whole split, without recording a graph.
Evaluation evaluate(lina::nn::Module& net, const lina::data::LabelledImages& split) {
  ag::NoGradGuard no_grad;
  net.eval();
  const std::int64_t n = split.images.shape(0), chunk = 2000;
  Evaluation e;
  std::vector<Array> predictions;
  double loss_sum = 0;
  for (std::int64_t start = 0; start < n; start += chunk) {
    const std::int64_t stop = std::min(n, start + chunk);
    ag::Tensor logits = net(ag::Tensor(split.images(lina::slice(start, stop))));
    Array labels = split.labels(lina::slice(start, stop));
    loss_sum += ag::cross_entropy(logits, labels).item() * static_cast<double>(stop - start);
    predictions.push_back(lina::argmax(logits.value(), 1));
  }
  e.predictions = lina::concatenate(predictions);
  e.loss = loss_sum / static_cast<double>(n);
  e.accuracy = lina::mean(lina::equal(e.predictions, split.labels).astype(lina::float64)).item<double>();
  net.train();
  return e;
}

}  // namespace

int main(int argc, char** argv) {
  const Options opt = parse(argc, argv);
  try {
    if (opt.threads > 0) lina::set_num_threads(opt.threads);
    const auto t_load = Clock::now();
    lina::data::ImageDataset ds = lina::data::load_mnist_format(opt.data);
    if (opt.train_limit > 0 && opt.train_limit < ds.train.images.shape(0)) {
      ds.train.images = ds.train.images(lina::slice(0, opt.train_limit)).copy();
      ds.train.labels = ds.train.labels(lina::slice(0, opt.train_limit)).copy();
    }
    const std::int64_t n_train = ds.train.images.shape(0);
    std::printf("Fashion-MNIST from %s: %lld training and %lld test images of %lld pixels (loaded in %.2f s)\n",
                opt.data.c_str(), static_cast<long long>(n_train), static_cast<long long>(ds.test.images.shape(0)),
                static_cast<long long>(ds.train.images.shape(1)),
                std::chrono::duration<double>(Clock::now() - t_load).count());

    lina::Generator gen(opt.seed);
    lina::nn::Sequential net;
    net.emplace<lina::nn::Linear>(784, 256, gen);
    net.emplace<lina::nn::ReLU>();
    net.emplace<lina::nn::Linear>(256, 128, gen);
    net.emplace<lina::nn::ReLU>();
    net.emplace<lina::nn::Linear>(128, 10, gen);
    std::printf("%s\n%lld parameters; Adam lr=%g with a cosine schedule, batch %lld, %d threads\n",
                net.describe().c_str(), static_cast<long long>(net.num_parameters()), opt.lr,
                static_cast<long long>(opt.batch_size), lina::get_num_threads());

    lina::optim::Adam adam(net.parameters(), opt.lr);
    lina::optim::CosineLR schedule(adam, opt.epochs);
    lina::data::BatchSampler sampler(n_train, opt.batch_size, /*shuffle=*/true, opt.seed + 1);
    Array batch_x, batch_y;
    examples::TrainingHistory history;
    double train_seconds = 0;
    Evaluation test;

    for (int epoch = 1; epoch <= opt.epochs; ++epoch) {
      examples::ProgressBar bar(epoch, opt.epochs, sampler.num_batches());
      const auto t0 = Clock::now();
      sampler.start_epoch();
      double loss_sum = 0;
      std::int64_t seen = 0;
      for (auto rows = sampler.next(); !rows.empty(); rows = sampler.next()) {
        lina::data::gather_rows(ds.train.images, rows, batch_x);
        lina::data::gather_rows(ds.train.labels, rows, batch_y);
        ag::Tensor loss = ag::cross_entropy(net(ag::Tensor(batch_x)), batch_y);
        adam.zero_grad();
        loss.backward();
        adam.step();
        const auto b = static_cast<std::int64_t>(rows.size());
        loss_sum += loss.item() * static_cast<double>(b);
        seen += b;
        bar.update(loss_sum / static_cast<double>(seen), seen);
      }
      const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
      train_seconds += seconds;
      bar.finish();
      schedule.step();

      const Evaluation train = evaluate(net, ds.train);
      test = evaluate(net, ds.test);
      history.add(epoch, train.loss, train.accuracy, test.loss, test.accuracy);
      std::printf("epoch %2d/%d  train loss %.4f acc %.4f | test loss %.4f acc %.4f | %.2f s (%.0f images/s)\n", epoch,
                  opt.epochs, train.loss, train.accuracy, test.loss, test.accuracy, seconds,
                  static_cast<double>(n_train) / seconds);
      std::fflush(stdout);
    }

    Array confusion = examples::confusion_matrix(ds.test.labels, test.predictions, 10);
    examples::print_confusion(confusion);
    if (!opt.out.empty()) {
      std::filesystem::create_directories(opt.out);
      const std::string params = (std::filesystem::path(opt.out) / "fashion_mnist_mlp.npz").string();
      lina::nn::save_parameters(net, params);
      std::printf("parameters saved to %s\n", params.c_str());
      for (const std::string& f : examples::write_training_pictures(history, confusion, opt.out))
        std::printf("picture written to %s\n", f.c_str());
    }
    std::printf("final: test_accuracy=%.4f epochs=%d seconds_per_epoch=%.3f\n", test.accuracy, opt.epochs,
                train_seconds / opt.epochs);
  } catch (const lina::Error& e) {
    std::cerr << "train_fashion_mnist: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
