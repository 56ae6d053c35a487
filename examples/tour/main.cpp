// The cheat-sheet tour: "linear algebra for deep learning", run.
//
// Each section prints a heading `[N/M] Title`, then for every step the C++ it runs,
// the NumPy line that means the same, and the result lina computed.
#include <cmath>
#include <cstring>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "lina/lina.hpp"

namespace {

using lina::Array;

struct Section {
  const char* title;
  std::function<void()> body;
};

void say(const std::string& text) { std::cout << "    " << text << "\n"; }

// Prints one step: the lina code, its NumPy equivalent and the result.
void show(const char* code, const char* numpy, const Array& result) {
  std::cout << "  lina : " << code << "\n  numpy: " << numpy << "\n";
  std::string r = lina::repr(result);
  std::string indented;
  for (std::size_t i = 0; i < r.size(); ++i) {
    indented += r[i];
    if (r[i] == '\n' && i + 1 < r.size() && r[i + 1] != '\n') indented += "         ";
  }
  std::cout << "  =>     " << indented << "\n\n";
}

#define STEP(numpy, ...) show(#__VA_ARGS__, numpy, (__VA_ARGS__))

void vectors() {
  say("A vector is an ordered list of numbers; geometrically, an arrow from the origin.");
  const Array v = lina::array({3.0, -2.0});
  STEP("np.array([3., -2.])", lina::array({3.0, -2.0}));
  say("[3, -2] reads \"3 to the right, 2 down\".");
  const Array w = lina::array({-2.0, 5.0});
  STEP("np.sqrt(np.sum(w**2))  # magnitude of [-2, 5]", lina::sqrt(lina::sum(w * w)));
  STEP("np.arctan2(5, -2) in degrees  # direction", lina::array(std::atan2(5.0, -2.0) * 180.0 / M_PI));
  STEP("v.shape, v.ndim  ->  (2,), 1", lina::array({v.shape(0), static_cast<std::int64_t>(v.ndim())}));
}

void scalar_operations() {
  say("A scalar applies to every element: the vector is stretched or shifted.");
  const Array x = lina::array({2.0, 3.0, 4.0});
  STEP("x + 1", x + 1);
  STEP("x * 2", x * 2);
  STEP("x / 4", x / 4);
  say("Scalars are weak (NEP 50): a float32 vector times 2.0 stays float32.");
  const Array xf = lina::array({2.f, 3.f, 4.f});
  STEP("np.array([2, 3, 4], dtype=np.float32) * 2.0", xf * 2.0);
}

void elementwise_operations() {
  say("Elementwise operations pair up elements at the same position; shapes must match.");
  const Array y = lina::array({1.0, 3.0, 5.0});
  const Array z = lina::array({2.0, 4.0, 6.0});
  STEP("y + z", y + z);
  STEP("y - z", y - z);
  STEP("y / z", y / z);
  say("Shapes that do not line up are an error that names both shapes:");
  try {
    (void)(y + lina::array({1.0, 2.0}));
  } catch (const lina::ShapeError& e) {
    say(std::string("ShapeError: ") + e.what());
  }
  std::cout << "\n";
}

void hadamard_product() {
  say("The Hadamard product multiplies elementwise; the result keeps the shape.");
  const Array a = lina::array({{1.0, 2.0}, {3.0, 4.0}});
  const Array b = lina::array({{5.0, 6.0}, {7.0, 8.0}});
  STEP("a * b", lina::hadamard(a, b));
  STEP("np.sum(a * b)  # summing a Hadamard product of vectors gives the dot product",
       lina::sum(lina::array({1.0, 2.0, 3.0}) * lina::array({4.0, 5.0, 6.0})));
}

void dot_product() {
  say("The dot product multiplies matching elements and sums them: one number.");
  const Array a = lina::array({1.0, 2.0, 3.0});
  const Array b = lina::array({4.0, 5.0, 6.0});
  STEP("np.dot(a, b)  # 1*4 + 2*5 + 3*6", lina::dot(a, b));
  STEP("a * b  # the Hadamard product keeps the shape instead", a * b);
  say("Geometrically, a . b = |a| |b| cos(theta): zero for perpendicular vectors.");
  STEP("np.dot([3., -2.], [2., 3.])", lina::dot(lina::array({3.0, -2.0}), lina::array({2.0, 3.0})));
}

void matrices() {
  say("A matrix is a grid of numbers: rows x columns is its shape.");
  const Array a = lina::array({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});
  STEP("a = np.array([[1., 2., 3.], [4., 5., 6.]])", a);
  STEP("a.shape", lina::array({a.shape(0), a.shape(1)}));
  STEP("a * 2 - 1  # scalar operations apply to every entry", a * 2 - 1);
  STEP("a.sum(axis=0)", lina::sum(a, 0));
  STEP("a.mean(axis=1, keepdims=True)", lina::mean(a, 1, true));
}

void broadcasting() {
  say("Broadcasting: align shapes from the right; each pair of sizes must be equal or 1.");
  const Array m = lina::arange(6).reshape({2, 3}).astype(lina::float64);
  STEP("m = np.arange(6.).reshape(2, 3)", m);
  STEP("m + np.array([10., 20., 30.])   # (2,3) + (3,)", m + lina::array({10.0, 20.0, 30.0}));
  STEP("m + np.array([[100.], [200.]])  # (2,3) + (2,1)", m + lina::array({{100.0}, {200.0}}));
  STEP("np.broadcast_to(np.array([1., 2., 3.]), (2, 3))",
       lina::broadcast_to(lina::array({1.0, 2.0, 3.0}), {2, 3}));
  say("An incompatible pair, (2,3) and (2,):");
  try {
    (void)(m + lina::array({1.0, 2.0}));
  } catch (const lina::ShapeError& e) {
    say(std::string("ShapeError: ") + e.what());
  }
  std::cout << "\n";
}

void transpose() {
  say("Transpose swaps rows and columns: shape (2,3) becomes (3,2). It is a view, no copy.");
  const Array a = lina::array({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}});
  STEP("a.T", a.T());
  say("Neural networks transpose to make shapes line up: X (batch, in) and W (out, in) give X @ W.T.");
  STEP("np.arange(8).reshape(2, 2, 2).transpose(2, 0, 1)",
       lina::arange(8).reshape({2, 2, 2}).transpose({2, 0, 1}));
}

void matrix_multiplication() {
  say("(m, k) @ (k, n) -> (m, n): the inner sizes must match; entry (i, j) is row i . column j.");
  const Array a = lina::array({{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}});
  const Array b = lina::array({{1.0, 0.0, 2.0}, {0.0, 1.0, 3.0}});
  STEP("a @ b  # (3,2) @ (2,3) -> (3,3)", lina::matmul(a, b));
  STEP("np.dot(a[1], b[:, 2])  # entry (1, 2) as a row-column dot product", lina::dot(a[1], b(lina::colon, 2)));
  say("Mismatched inner sizes name both shapes and the dimensions:");
  try {
    (void)lina::matmul(a, a);
  } catch (const lina::ShapeError& e) {
    say(std::string("ShapeError: ") + e.what());
  }
  std::cout << "\n";
  say("Batches: the leading dimensions broadcast, one product per matrix.");
  const Array batch = lina::arange(12.0).reshape({3, 2, 2});
  STEP("np.arange(12.).reshape(3, 2, 2) @ np.eye(2)", lina::matmul(batch, lina::eye(2)));
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir = "tour-pictures";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      out_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::cout << "usage: tour [--out DIR]\n";
      return 0;
    } else {
      std::cerr << "tour: error: unknown argument '" << argv[i] << "' (usage: tour [--out DIR])\n";
      return 2;
    }
  }
  const std::vector<Section> sections = {
      {"Vectors", vectors},
      {"Scalar operations", scalar_operations},
      {"Elementwise operations", elementwise_operations},
      {"Hadamard product", hadamard_product},
      {"Dot product vs Hadamard product", dot_product},
      {"Matrices", matrices},
      {"Broadcasting", broadcasting},
      {"Transpose", transpose},
      {"Matrix multiplication", matrix_multiplication},
  };
  try {
    int n = 0;
    for (const auto& s : sections) {
      std::cout << "[" << ++n << "/" << sections.size() << "] " << s.title << "\n\n";
      s.body();
    }
  } catch (const lina::Error& e) {
    std::cerr << "tour: error: " << e.what() << "\n";
    return 1;
  }
  (void)out_dir;
  return 0;
}
