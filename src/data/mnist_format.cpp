// The MNIST file layout (also Fashion-MNIST's): four IDX files per data set.
#include <cstdlib>
#include <filesystem>

#include "lina/core/errors.hpp"
#include "lina/data/datasets.hpp"
#include "lina/io/idx.hpp"
#include "lina/ops/elementwise.hpp"

namespace lina::data {
namespace {

std::string find_file(const std::string& dir, const std::string& stem) {
  for (const char* suffix : {".gz", ""}) {
    const std::string p = (std::filesystem::path(dir) / (stem + suffix)).string();
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p;
  }
  throw IOError((std::filesystem::path(dir) / (stem + ".gz")).string() +
                ": missing (looked for it with and without .gz; on Debian, `apt-get install "
                "dataset-fashion-mnist` installs Fashion-MNIST, or set LINA_FASHION_MNIST_DIR)");
}

LabelledImages load_split(const std::string& dir, const std::string& prefix) {
  const std::string image_path = find_file(dir, prefix + "-images-idx3-ubyte");
  const std::string label_path = find_file(dir, prefix + "-labels-idx1-ubyte");
  Array images = load_idx(image_path);
  Array labels = load_idx(label_path);
  if (images.ndim() != 3 || images.dtype() != DType::UInt8)
    throw IOError(image_path + ": expected unsigned-byte images of 3 dimensions (n, rows, cols), got " +
                  std::to_string(images.ndim()) + " dimensions of " + dtype_name(images.dtype()));
  if (labels.ndim() != 1 || labels.dtype() != DType::UInt8)
    throw IOError(label_path + ": expected unsigned-byte labels of 1 dimension");
  if (labels.shape(0) != images.shape(0))
    throw IOError(image_path + " holds " + std::to_string(images.shape(0)) + " images but " + label_path +
                  " holds " + std::to_string(labels.shape(0)) + " labels");
  LabelledImages out;
  out.images = multiply(images.reshape({images.shape(0), images.shape(1) * images.shape(2)}).astype(DType::Float32),
                        1.0 / 255.0);
  out.labels = labels.astype(DType::Int64);
  return out;
}

}  // namespace

std::string fashion_mnist_dir() {
  if (const char* env = std::getenv("LINA_FASHION_MNIST_DIR"); env && *env) return env;
  return "/usr/share/datasets/fashion-mnist";
}

const char* fashion_mnist_class(int label) {
  static const char* const names[] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                      "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  if (label < 0 || label > 9) throw ValueError("fashion_mnist_class: label " + std::to_string(label) + " is not in [0, 10)");
  return names[label];
}

ImageDataset load_mnist_format(const std::string& dir) {
  return ImageDataset{load_split(dir, "train"), load_split(dir, "t10k")};
}

}  // namespace lina::data
