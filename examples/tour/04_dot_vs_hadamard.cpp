// [4] Dot product vs Hadamard product: a number that measures alignment, or a vector
// of the elementwise products.
#include "tour.hpp"

namespace tour {

void dot_vs_hadamard(const Context&) {
  DEFINE(a, "a = np.array([1., 2., 3.])", lina::array({1.0, 2.0, 3.0}));
  DEFINE(b, "b = np.array([4., 5., 6.])", lina::array({4.0, 5.0, 6.0}));
  say("The dot product multiplies matching elements and sums them: one number.");
  STEP("np.dot(a, b)  # 1*4 + 2*5 + 3*6", lina::dot(a, b));
  say("The Hadamard product multiplies matching elements and keeps them: same shape.");
  STEP("a * b", lina::hadamard(a, b));
  STEP("np.sum(a * b)  # the dot product is the sum of the Hadamard product",
       lina::sum(lina::hadamard(a, b)));

  say("Geometrically, a . b = |a| |b| cos(angle): how much two arrows point the same way.");
  STEP("np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b))  # cos(angle), near 1: aligned",
       lina::dot(a, b) / (lina::norm(a) * lina::norm(b)));
  STEP("np.dot(np.array([3., -2.]), np.array([2., 3.]))  # perpendicular arrows: 0",
       lina::dot(lina::array({3.0, -2.0}), lina::array({2.0, 3.0})));
  STEP("np.dot(np.array([3., -2.]), np.array([-3., 2.]))  # opposite arrows: negative",
       lina::dot(lina::array({3.0, -2.0}), lina::array({-3.0, 2.0})));
}

}  // namespace tour
