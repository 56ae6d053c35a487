// [3] Elementwise operations: pair up the elements at the same position.
#include "tour.hpp"

namespace tour {

void elementwise_operations(const Context&) {
  say("Elementwise operations combine the elements at the same position.");
  DEFINE(y, "y = np.array([1., 3., 5.])", lina::array({1.0, 3.0, 5.0}));
  DEFINE(z, "z = np.array([2., 4., 6.])", lina::array({2.0, 4.0, 6.0}));
  STEP("y + z", y + z);
  STEP("y - z", y - z);
  STEP("y / z", y / z);
  STEP("np.maximum(y, 4.)  # functions work elementwise too", lina::maximum(y, 4.0));
  say("Geometrically, y + z puts z's arrow at the tip of y's.");

  say("Why shapes must match: with 3 elements and 2, the third has no partner.");
  STEP_ERROR("y + np.array([1., 2.])  # ValueError: operands could not be broadcast together",
             y + lina::array({1.0, 2.0}));
  say("(Section 8 shows the one exception NumPy allows: a size of 1 stretches.)");
}

}  // namespace tour
