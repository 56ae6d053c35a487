// [11] Matrix multiplication: the shape rule, each entry a row-column dot product, and
// the same for a whole batch of matrices at once.
#include "tour.hpp"

namespace tour {

void matrix_multiplication(const Context&) {
  say("(m, k) @ (k, n) -> (m, n): the inner sizes must match, the outer ones remain.");
  DEFINE(A, "A = np.array([[1., 2.], [3., 4.], [5., 6.]])", lina::array({{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}}));
  DEFINE(B, "B = np.array([[1., 0., 2.], [0., 1., 3.]])", lina::array({{1.0, 0.0, 2.0}, {0.0, 1.0, 3.0}}));
  DEFINE(C, "C = A @ B  # (3,2) @ (2,3) -> (3,3)", lina::matmul(A, B));

  say("Entry (i, j) is the dot product of row i of A and column j of B:");
  STEP("np.dot(A[1], B[:, 2])  # C[1, 2] = 3*2 + 4*3", lina::dot(A[1], B(lina::colon, 2)));
  lina::Array by_dots = lina::zeros({A.shape(0), B.shape(1)});
  for (std::int64_t i = 0; i < A.shape(0); ++i)
    for (std::int64_t j = 0; j < B.shape(1); ++j) by_dots(i, j) = lina::dot(A[i], B(lina::colon, j));
  show("for i, j: by_dots(i, j) = lina::dot(A[i], B(lina::colon, j))",
       "by_dots = np.array([[np.dot(A[i], B[:, j]) for j in range(3)] for i in range(3)])", by_dots);
  STEP("np.all(by_dots == C)", lina::all(by_dots == C));

  say("A matrix times a vector: (3,2) @ (2,) -> (3,), a combination of A's columns.");
  STEP("A @ np.array([1., -1.])", lina::matmul(A, lina::array({1.0, -1.0})));
  say("The order matters: B @ A is (2,3) @ (3,2) -> (2,2), not C.");
  STEP("B @ A", lina::matmul(B, A));
  say("Mismatched inner sizes name both shapes and the sizes that differ:");
  STEP_ERROR("A @ A  # ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0",
             lina::matmul(A, A));

  say("Batches: the last two axes are matrices; the axes before them broadcast, one");
  say("product per matrix. Four (3,2) matrices times one (2,3):");
  DEFINE(batch, "batch = np.arange(24.).reshape(4, 3, 2)", lina::arange(24.0).reshape({4, 3, 2}));
  show_text("lina::matmul(batch, B).shape()", "(batch @ B).shape", shape_of(lina::matmul(batch, B)));
  STEP("np.all((batch @ B)[2] == batch[2] @ B)  # each product on its own",
       lina::all(lina::matmul(batch, B)[2] == lina::matmul(batch[2], B)));
  show_text("lina::matmul(lina::ones({2, 1, 3, 2}), lina::ones({5, 2, 4})).shape()",
            "(np.ones((2, 1, 3, 2)) @ np.ones((5, 2, 4))).shape  # batch axes (2,1) and (5,) -> (2,5)",
            shape_of(lina::matmul(lina::ones({2, 1, 3, 2}), lina::ones({5, 2, 4}))));
}

}  // namespace tour
