// [6] Matrices and their dimensions: rows x columns.
#include "tour.hpp"

namespace tour {

void matrices(const Context&) {
  say("A matrix is a grid of numbers; its shape is (rows, columns).");
  DEFINE(A, "A = np.array([[1., 2., 3.], [4., 5., 6.]])", lina::array({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}));
  show_text("A.shape(), A.ndim(), A.size()", "A.shape, A.ndim, A.size",
            shape_of(A) + ", " + std::to_string(A.ndim()) + ", " + std::to_string(A.size()));
  say("2 rows and 3 columns: a 2 x 3 matrix. Row i is a vector, and so is column j.");
  STEP("A[1]  # the second row", A[1]);
  STEP("A[:, 2]  # the third column", A(lina::colon, 2));
  show_text("A.at<double>(1, 2)", "A[1, 2]  # row 1, column 2", number(A.at<double>(1, 2)));
  say("A vector is a matrix with one row or one column, once it has two dimensions:");
  STEP("A[1].reshape(1, -1)  # a row vector, shape (1, 3)", A[1].reshape({1, -1}));
  STEP("A[:, 2:]  # a column vector, shape (2, 1)", A(lina::colon, lina::slice(2, lina::none)));
  say("Some matrices have names:");
  STEP("np.zeros((2, 3))", lina::zeros({2, 3}));
  STEP("np.eye(3)  # the identity: A @ np.eye(3) is A", lina::eye(3));
}

}  // namespace tour
