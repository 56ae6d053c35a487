// [9] The Hadamard product of a matrix and a broadcast vector: scaling columns or rows.
#include "tour.hpp"

namespace tour {

void broadcast_hadamard(const Context&) {
  DEFINE(M, "M = np.arange(1., 7.).reshape(2, 3)", lina::arange(1.0, 7.0).reshape({2, 3}));
  say("A (3,) vector broadcasts over the rows: column j is scaled by s[j].");
  DEFINE(s, "s = np.array([1., 10., 100.])", lina::array({1.0, 10.0, 100.0}));
  STEP("M * s", lina::hadamard(M, s));
  STEP("np.all(M * s == M * np.broadcast_to(s, M.shape))  # the same as stretching s first",
       lina::all(lina::hadamard(M, s) == lina::hadamard(M, lina::broadcast_to(s, M.shape()))));
  say("A (2, 1) column broadcasts over the columns: row i is scaled by t[i].");
  DEFINE(t, "t = np.array([[1.], [-1.]])", lina::array({{1.0}, {-1.0}}));
  STEP("M * t", lina::hadamard(M, t));
  say("In a network this is a per-feature scale (normalisation layers) or a 0/1 mask");
  say("(dropout, or relu's derivative: section 12). A bool mask multiplies as 0 and 1:");
  DEFINE(mask, "mask = M > 2", M > 2);
  STEP("M * mask", lina::hadamard(M, mask));
}

}  // namespace tour
