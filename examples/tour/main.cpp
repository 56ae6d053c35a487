// The cheat-sheet tour: "linear algebra for deep learning", run.
//
// Each section prints a heading `[N/M] Title`, then for every step the C++ it runs,
// the NumPy line that means the same, and the result lina computed. The sections live
// one per file (NN_name.cpp), in the sheet's order; tour.hpp has the shared helpers.
#include <cstring>
#include <iostream>
#include <string>

#include "tour.hpp"

namespace tour {

const std::vector<Section>& sections() {
  static const std::vector<Section> list = {
      {"Vectors", vectors},
      {"Scalar operations on vectors", scalar_operations},
      {"Elementwise operations", elementwise_operations},
      {"Dot product vs Hadamard product", dot_vs_hadamard},
      {"Vector fields", vector_fields},
      {"Matrices", matrices},
      {"Scalar and elementwise matrix operations", matrix_elementwise},
      {"Broadcasting", broadcasting},
      {"Hadamard product with a broadcast vector", broadcast_hadamard},
      {"Transpose", transpose},
      {"Matrix multiplication", matrix_multiplication},
      {"A tiny network", tiny_network},
      {"Linear algebra is faster", loops_vs_linear_algebra},
  };
  return list;
}

}  // namespace tour

int main(int argc, char** argv) {
  tour::Context context{"tour-pictures"};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      context.out_dir = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::cout << "usage: tour [--out DIR]   (DIR: where the pictures go, default tour-pictures)\n";
      return 0;
    } else {
      std::cerr << "tour: error: unknown argument '" << argv[i] << "' (usage: tour [--out DIR])\n";
      return 2;
    }
  }
  const auto& all = tour::sections();
  try {
    int n = 0;
    for (const auto& s : all) {
      std::cout << "[" << ++n << "/" << all.size() << "] " << s.title << "\n\n";
      s.body(context);
      tour::end_section();
    }
  } catch (const std::exception& e) {
    // A lina::Error here is a bug in the tour (the steps that show errors catch theirs);
    // so is a failed self-check (std::logic_error).
    std::cerr << "tour: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
