// Uses lina built as part of this project: a matrix product, broadcasting and a
// reduction, with the thread count the embedding program chose.
#include <lina/lina.hpp>

#include <iostream>

int main() {
  lina::set_num_threads(1);
  const lina::Array x = lina::arange(6.0).reshape({2, 3});
  const lina::Array w = lina::ones({4, 3});
  const lina::Array y = lina::matmul(x, w.T()) + lina::array({0.0, 1.0, 2.0, 3.0});
  std::cout << lina::repr(y) << "\nthreads = " << lina::get_num_threads() << "\n";
  // Rows of x sum to 3 and 12; the bias adds 0..3 to each row: 4*(3+12) + 2*(0+1+2+3).
  return lina::sum(y).item<double>() == 72.0 && lina::get_num_threads() == 1 ? 0 : 1;
}
