// What the training example shows a person: a progress bar per epoch, the history of
// loss and accuracy, the confusion matrix, and the pictures of both.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "lina/core/array.hpp"

namespace examples {

// One line on stderr redrawn in place (only when stderr is a terminal): batches done,
// running loss, images per second and the time left in the epoch.
class ProgressBar {
 public:
  ProgressBar(int epoch, int epochs, std::int64_t batches);
  void update(double running_loss, std::int64_t images_seen);
  void finish();

 private:
  int epoch_, epochs_;
  std::int64_t batches_, done_ = 0;
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

struct TrainingHistory {
  std::vector<double> epoch, train_loss, train_accuracy, test_loss, test_accuracy;
  void add(int e, double trl, double tra, double tel, double tea);
};

// counts[i, j]: test images of class i predicted as j.
lina::Array confusion_matrix(const lina::Array& labels, const lina::Array& predictions, int classes);
void print_confusion(const lina::Array& confusion);

// Writes history.csv, and the curves and confusion-matrix pictures; returns the paths.
std::vector<std::string> write_training_pictures(const TrainingHistory& history, const lina::Array& confusion,
                                                 const std::string& dir);

}  // namespace examples
