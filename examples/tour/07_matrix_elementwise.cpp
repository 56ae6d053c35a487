// [7] Scalar and elementwise matrix operations: the vector rules, on every entry.
#include "tour.hpp"

namespace tour {

void matrix_elementwise(const Context&) {
  DEFINE(A, "A = np.array([[1., 2., 3.], [4., 5., 6.]])", lina::array({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}));
  DEFINE(B, "B = np.array([[6., 5., 4.], [3., 2., 1.]])", lina::array({{6.0, 5.0, 4.0}, {3.0, 2.0, 1.0}}));
  say("A scalar applies to every entry:");
  STEP("A * 2 - 1", A * 2 - 1);
  STEP("A / 2", A / 2);
  STEP("A ** 2", lina::power(A, 2));
  say("Two matrices of the same shape combine entry by entry:");
  STEP("A + B", A + B);
  STEP("A - B", A - B);
  STEP("A * B  # the Hadamard product, not the matrix product", lina::hadamard(A, B));
  STEP("A / B", A / B);
  STEP("np.exp(A - A.max())  # functions apply to every entry", lina::exp(A - lina::max(A)));
  say("Shapes must match: a 2 x 3 and a 3 x 2 matrix have no entry-by-entry pairing.");
  STEP_ERROR("A + A.T  # ValueError: operands could not be broadcast together", A + A.T());
}

}  // namespace tour
