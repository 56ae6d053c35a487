#include "training_report.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "lina/data/datasets.hpp"
#include "lina/lina.hpp"
#include "lina/plot.hpp"

namespace examples {

using Clock = std::chrono::steady_clock;

ProgressBar::ProgressBar(int epoch, int epochs, std::int64_t batches)
    : epoch_(epoch), epochs_(epochs), batches_(batches), enabled_(isatty(2) != 0), start_(Clock::now()),
      last_draw_(start_) {}

void ProgressBar::update(double running_loss, std::int64_t images_seen) {
  ++done_;
  if (!enabled_) return;
  const auto now = Clock::now();
  if (done_ < batches_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(images_seen) / elapsed : 0;
  const double left = done_ > 0 ? elapsed * static_cast<double>(batches_ - done_) / static_cast<double>(done_) : 0;
  const int width = 30;
  const int filled = static_cast<int>(width * done_ / std::max<std::int64_t>(batches_, 1));
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(width, '.');
  std::fprintf(stderr, "\repoch %d/%d [%s] %lld/%lld  loss %.4f  %.0f images/s  %.1f s left ", epoch_, epochs_,
               bar.c_str(), static_cast<long long>(done_), static_cast<long long>(batches_), running_loss, rate, left);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_) std::fprintf(stderr, "\r%100s\r", "");
}

void TrainingHistory::add(int e, double trl, double tra, double tel, double tea) {
  epoch.push_back(e);
  train_loss.push_back(trl);
  train_accuracy.push_back(tra);
  test_loss.push_back(tel);
  test_accuracy.push_back(tea);
}

lina::Array confusion_matrix(const lina::Array& labels, const lina::Array& predictions, int classes) {
  lina::Array counts = lina::zeros({classes, classes}, lina::int64);
  const lina::Array y = labels.astype(lina::int64), p = predictions.astype(lina::int64);
  for (std::int64_t i = 0; i < y.size(); ++i) counts.at<std::int64_t>(y.data<std::int64_t>()[i], p.data<std::int64_t>()[i]) += 1;
  return counts;
}

void print_confusion(const lina::Array& confusion) {
  const std::int64_t k = confusion.shape(0);
  std::printf("confusion matrix on the test set (rows: true class, columns: predicted)\n%14s", "");
  for (std::int64_t j = 0; j < k; ++j) std::printf("%6lld", static_cast<long long>(j));
  std::printf("\n");
  for (std::int64_t i = 0; i < k; ++i) {
    std::printf("%2lld %-11s", static_cast<long long>(i), lina::data::fashion_mnist_class(static_cast<int>(i)));
    for (std::int64_t j = 0; j < k; ++j) std::printf("%6lld", static_cast<long long>(confusion.at<std::int64_t>(i, j)));
    std::printf("\n");
  }
}

namespace {

lina::Array as_array(const std::vector<double>& v) {
  return lina::frombuffer(v, {static_cast<std::int64_t>(v.size())});
}

}  // namespace

std::vector<std::string> write_training_pictures(const TrainingHistory& h, const lina::Array& confusion,
                                                 const std::string& dir) {
  namespace plot = lina::plot;
  std::vector<std::string> written;
  const auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };

  std::ofstream f(path("history.csv"));
  f << "epoch,train_loss,train_accuracy,test_loss,test_accuracy\n";
  for (std::size_t i = 0; i < h.epoch.size(); ++i)
    f << h.epoch[i] << ',' << h.train_loss[i] << ',' << h.train_accuracy[i] << ',' << h.test_loss[i] << ','
      << h.test_accuracy[i] << '\n';
  written.push_back(path("history.csv"));

  const lina::Array epochs = as_array(h.epoch);
  const plot::Color train_color = plot::Color::hex("#1f77b4"), test_color = plot::Color::hex("#d62728");
  plot::Figure curves(1, 2, 1200, 480);
  curves.suptitle("Fashion-MNIST, 784-256-128-10 MLP trained with lina");
  const struct {
    const char* title;
    const std::vector<double>& train;
    const std::vector<double>& test;
  } panels[] = {{"Cross-entropy loss", h.train_loss, h.test_loss}, {"Accuracy", h.train_accuracy, h.test_accuracy}};
  for (int i = 0; i < 2; ++i) {
    auto& ax = curves.axes(0, i);
    ax.plot(epochs, as_array(panels[i].train), {.color = train_color, .width = 2, .marker = "o", .label = "train"});
    ax.plot(epochs, as_array(panels[i].test), {.color = test_color, .width = 2, .marker = "s", .label = "test"});
    ax.set_title(panels[i].title);
    ax.set_xlabel("epoch");
    ax.grid();
    ax.legend("best");
  }
  curves.save_svg(path("training_curves.svg"));
  written.push_back(path("training_curves.svg"));

  plot::Figure cm(1, 1, 760, 680);
  auto& ax = cm.axes(0, 0);
  auto scale = ax.imshow(confusion, {.cmap = plot::Colormap::viridis(), .annotate = true});
  ax.colorbar(scale, "test images");
  ax.set_title("Confusion matrix on the 10,000 test images (row: true class, column: predicted)");
  ax.set_xlabel("predicted class");
  ax.set_ylabel("true class");
  cm.save_svg(path("confusion_matrix.svg"));
  written.push_back(path("confusion_matrix.svg"));
  return written;
}

}  // namespace examples
