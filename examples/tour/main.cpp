#include <iostream>

#include "lina/lina.hpp"

int main() {
  lina::Array a({3}, lina::float64);
  a.fill(1.0);
  std::cout << "tour: coming soon " << a.size() << "\n";
  return 0;
}
