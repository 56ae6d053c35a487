// [2] Scalar operations on vectors: one number applied to every element.
#include "tour.hpp"

namespace tour {

void scalar_operations(const Context&) {
  say("A scalar applies to every element: adding shifts the vector, multiplying stretches it.");
  DEFINE(x, "x = np.array([2., 3., 4.])", lina::array({2.0, 3.0, 4.0}));
  STEP("x + 1", x + 1);
  STEP("x - 1", x - 1);
  STEP("x * 2", x * 2);
  STEP("x / 4", x / 4);
  say("Multiplying by 2 keeps the direction and doubles the length:");
  STEP("np.linalg.norm(x * 2) / np.linalg.norm(x)", lina::norm(x * 2) / lina::norm(x));
  STEP("-x  # multiplying by -1 reverses the arrow", -x);

  say("Scalars are weak (NEP 50): they never widen the array's dtype.");
  DEFINE(xf, "xf = np.array([2., 3., 4.], dtype=np.float32)", lina::array({2.f, 3.f, 4.f}));
  STEP("xf * 2.0  # stays float32", xf * 2.0);
  DEFINE(xi, "xi = np.array([2, 3, 4], dtype=np.int32)", lina::array({2, 3, 4}));
  STEP("xi + 1  # stays int32", xi + 1);
  STEP("xi / 2  # true division gives float64", xi / 2);
}

}  // namespace tour
