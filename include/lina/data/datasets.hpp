// Data sets for the examples and tests: the MNIST family from IDX files.
#pragma once

#include <string>

#include "lina/core/array.hpp"

namespace lina::data {

struct LabelledImages {
  Array images;  // (n, rows * cols) float32 in [0, 1]
  Array labels;  // (n,) int64 class numbers
};

struct ImageDataset {
  LabelledImages train;
  LabelledImages test;
};

// Where Debian's dataset-fashion-mnist installs the four files; the environment
// variable LINA_FASHION_MNIST_DIR overrides it.
std::string fashion_mnist_dir();

// The ten Fashion-MNIST class names, in label order.
const char* fashion_mnist_class(int label);

// Loads train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz
// and t10k-labels-idx1-ubyte.gz (or the same names without .gz) from `dir`: images
// flattened and scaled to [0, 1]. A missing or corrupt file raises IOError naming it;
// image and label counts that disagree raise IOError naming both files.
ImageDataset load_mnist_format(const std::string& dir);
inline ImageDataset load_fashion_mnist() { return load_mnist_format(fashion_mnist_dir()); }

}  // namespace lina::data
