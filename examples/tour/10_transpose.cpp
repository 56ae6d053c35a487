// [10] Transpose: rows become columns, and shapes line up for a layer's product.
#include "tour.hpp"

namespace tour {

void transpose(const Context&) {
  say("The transpose swaps rows and columns: entry (i, j) moves to (j, i); (2,3) becomes (3,2).");
  DEFINE(A, "A = np.array([[1., 2., 3.], [4., 5., 6.]])", lina::array({{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}));
  STEP("A.T", A.T());
  say("It is a view: no element moves, only the strides swap.");
  show_text("A.T().shares_memory_with(A), lina::shape_str(A.T().strides())", "np.shares_memory(A.T, A), A.T.strides",
            std::string(A.T().shares_memory_with(A) ? "True" : "False") + ", " + lina::shape_str(A.T().strides()));

  say("Why networks need it: a layer keeps W as (outputs, inputs) = (4, 3); a batch X is");
  say("(batch, inputs) = (2, 3). X @ W does not line up - the inner sizes are 3 and 4:");
  DEFINE(X, "X = np.arange(6.).reshape(2, 3)", lina::arange(6.0).reshape({2, 3}));
  DEFINE(W, "W = np.arange(12.).reshape(4, 3) - 5", lina::arange(12.0).reshape({4, 3}) - 5);
  STEP_ERROR("X @ W  # ValueError: matmul: Input operand 1 has a mismatch in its core dimension 0",
             lina::matmul(X, W));
  say("X @ W.T is (2,3) @ (3,4) -> (2,4): one row of 4 outputs per example.");
  STEP("X @ W.T", lina::matmul(X, W.T()));
  say("And (X W^T)^T = W X^T: transposing a product reverses it.");
  STEP("np.all((X @ W.T).T == W @ X.T)", lina::all(lina::matmul(X, W.T()).T() == lina::matmul(W, X.T())));
  say("For more dimensions, transpose takes the new order of the axes:");
  show_text("lina::arange(24).reshape({2, 3, 4}).transpose({2, 0, 1}).shape()",
            "np.arange(24).reshape(2, 3, 4).transpose(2, 0, 1).shape",
            shape_of(lina::arange(24).reshape({2, 3, 4}).transpose({2, 0, 1})));
}

}  // namespace tour
