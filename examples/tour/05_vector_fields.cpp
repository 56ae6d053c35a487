// [5] Vector fields: a vector at every point of the plane, computed on a grid at once.
#include "pictures.hpp"
#include "tour.hpp"

namespace tour {

void vector_fields(const Context& context) {
  say("A vector field gives every point (x, y) a vector F(x, y) = (u, v): think of wind.");
  say("meshgrid turns two coordinate vectors into the x and y of every grid point:");
  const auto grid = lina::meshgrid({lina::linspace(-1, 1, 3), lina::linspace(-1, 1, 3)});
  show_text("auto grid = lina::meshgrid({lina::linspace(-1, 1, 3), lina::linspace(-1, 1, 3)})",
            "X, Y = np.meshgrid(np.linspace(-1, 1, 3), np.linspace(-1, 1, 3))",
            "2 arrays of shape " + shape_of(grid[0]));
  const lina::Array& X = grid[0];
  const lina::Array& Y = grid[1];
  STEP("X", X);
  STEP("Y", Y);

  say("The constant field [-2, 5]: the same arrow everywhere, up and to the left.");
  DEFINE(U1, "U1 = np.full_like(X, -2.)", lina::full_like(X, -2.0));
  DEFINE(V1, "V1 = np.full_like(X, 5.)", lina::full_like(X, 5.0));
  STEP("np.stack([X.ravel(), Y.ravel(), U1.ravel(), V1.ravel()], axis=1)  # columns x, y, u, v",
       lina::stack({X.ravel(), Y.ravel(), U1.ravel(), V1.ravel()}, 1));

  say("The field (x, y) -> (2x, x^2): one expression computes the vector at every point.");
  DEFINE(U2, "U2 = 2 * X", 2 * X);
  DEFINE(V2, "V2 = X ** 2", lina::square(X));
  STEP("np.stack([X.ravel(), Y.ravel(), U2.ravel(), V2.ravel()], axis=1)  # columns x, y, u, v",
       lina::stack({X.ravel(), Y.ravel(), U2.ravel(), V2.ravel()}, 1));
  say("On the line x = 0 the arrows vanish; away from it they point outwards and up.");

  for (const std::string& file : draw_vector_fields(context.out_dir)) say("Picture: " + file);
}

}  // namespace tour
