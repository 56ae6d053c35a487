// [1] Vectors: an ordered list of numbers, and an arrow with a magnitude and a direction.
#include <cmath>
#include <numbers>

#include "tour.hpp"

namespace tour {

void vectors(const Context&) {
  say("A vector is an ordered list of numbers; geometrically, an arrow from the origin.");
  DEFINE(v, "v = np.array([3., -2.])", lina::array({3.0, -2.0}));
  say("[3, -2] reads \"right 3, down 2\": x = 3 along the horizontal axis, y = -2 below it.");
  show_text("v.shape(), v.ndim()", "v.shape, v.ndim", shape_of(v) + ", " + std::to_string(v.ndim()));

  say("Every vector has a magnitude (its length) and a direction (where it points).");
  DEFINE(w, "w = np.array([-2., 5.])", lina::array({-2.0, 5.0}));
  STEP("np.linalg.norm(w)  # magnitude: sqrt((-2)**2 + 5**2)", lina::norm(w));
  STEP("np.sqrt(np.sum(w * w))  # the same, spelled out", lina::sqrt(lina::sum(w * w)));
  const double degrees = std::atan2(w.at<double>(1), w.at<double>(0)) * 180.0 / std::numbers::pi;
  show_text("std::atan2(w.at<double>(1), w.at<double>(0)) * 180 / std::numbers::pi",
            "np.degrees(np.arctan2(w[1], w[0]))  # direction, counter-clockwise from +x",
            number(degrees) + " degrees: up and to the left");
  STEP("w / np.linalg.norm(w)  # the unit vector: the direction alone, length 1", w / lina::norm(w));
}

}  // namespace tour
