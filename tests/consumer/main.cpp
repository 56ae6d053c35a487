// Uses the installed lina: builds an array, broadcasts, reduces, prints.
#include <lina/lina.hpp>

#include <iostream>

int main() {
  lina::Array a = lina::arange(6).reshape({2, 3}).astype(lina::float32);
  lina::Array b = a * 2.0 + lina::array({1.f, 2.f, 3.f});
  const float total = lina::sum(b).item<float>();
  std::cout << lina::repr(b) << "\nsum = " << total << "\n";
  // 2*(0+1+...+5) + 2*(1+2+3) = 30 + 12
  return total == 42.f ? 0 : 1;
}
