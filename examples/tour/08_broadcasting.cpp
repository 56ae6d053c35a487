// [8] Broadcasting: when arrays of different shapes combine, and when they cannot.
#include "tour.hpp"

namespace tour {

void broadcasting(const Context&) {
  say("The rule: align the shapes on the right; each pair of sizes must be equal, or one");
  say("of them 1 (a missing axis counts as 1). A size-1 axis is stretched to match, with");
  say("no copy: the stretched array is a view whose stride on that axis is 0.");
  say("Compatible pairs:");
  show_text("lina::shape_str(lina::broadcast_shapes({2, 3}, {3}))", "np.broadcast_shapes((2, 3), (3,))",
            lina::shape_str(lina::broadcast_shapes({2, 3}, {3})));
  show_text("lina::shape_str(lina::broadcast_shapes({2, 3}, {2, 1}))", "np.broadcast_shapes((2, 3), (2, 1))",
            lina::shape_str(lina::broadcast_shapes({2, 3}, {2, 1})));
  show_text("lina::shape_str(lina::broadcast_shapes({3, 1}, {1, 4}))", "np.broadcast_shapes((3, 1), (1, 4))",
            lina::shape_str(lina::broadcast_shapes({3, 1}, {1, 4})));
  show_text("lina::shape_str(lina::broadcast_shapes({8, 1, 6}, {7, 1}))", "np.broadcast_shapes((8, 1, 6), (7, 1))",
            lina::shape_str(lina::broadcast_shapes({8, 1, 6}, {7, 1})));

  DEFINE(M, "M = np.arange(6.).reshape(2, 3)", lina::arange(6.0).reshape({2, 3}));
  STEP("M + 100  # a scalar has shape (): it matches everything", M + 100);
  STEP("M + np.array([10., 20., 30.])  # (2,3) + (3,): the row repeats down", M + lina::array({10.0, 20.0, 30.0}));
  STEP("M + np.array([[100.], [200.]])  # (2,3) + (2,1): the column repeats across",
       M + lina::array({{100.0}, {200.0}}));
  STEP("np.array([[0.], [1.], [2.]]) + np.array([0., 10., 20., 30.])  # (3,1) + (4,) -> (3,4)",
       lina::array({{0.0}, {1.0}, {2.0}}) + lina::array({0.0, 10.0, 20.0, 30.0}));
  DEFINE(r, "r = np.broadcast_to(np.array([1., 2., 3.]), (2, 3))",
         lina::broadcast_to(lina::array({1.0, 2.0, 3.0}), {2, 3}));
  show_text("lina::shape_str(r.strides())", "r.strides  # 0 bytes to the next row: one row, seen twice",
            lina::shape_str(r.strides()));

  say("Incompatible pairs: (2,3) and (2,) - aligned on the right, 3 meets 2.");
  STEP_ERROR("M + np.array([1., 2.])  # ValueError: operands could not be broadcast together",
             M + lina::array({1.0, 2.0}));
  STEP_ERROR("np.broadcast_shapes((8, 4, 3), (2, 1))", lina::broadcast_shapes({8, 4, 3}, {2, 1}));
  say("lina's message names the operation, both shapes, the axis where they clash and the rule.");
  say("To add a per-row vector of size 2, give it shape (2, 1):");
  STEP("M + np.array([1., 2.])[:, None]", M + lina::array({1.0, 2.0})(lina::colon, lina::newaxis));
}

}  // namespace tour
