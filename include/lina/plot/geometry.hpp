// Plane geometry shared by the plot layer: points and the outline of an arrow.
#pragma once

#include <vector>

namespace lina::plot {

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};

// The outline of an arrow from `tail` to `tip` as a closed polygon of 7 points, in
// order: tail (left side), shaft end (left), head wing (left), tip, head wing (right),
// shaft end (right), tail (right), where "left" is to the left of the direction of
// travel in a y-up frame. The shaft is `shaft_width` wide, the head `head_width` wide
// at its base and `head_length` long. An arrow shorter than its head is drawn as a
// scaled-down copy (all three sizes times length/head_length), so short vectors keep
// their proportions instead of becoming a head with a negative shaft. A zero-length
// arrow has no outline (empty result). Throws ValueError for negative or non-finite
// sizes.
std::vector<Point> arrow_polygon(Point tail, Point tip, double shaft_width, double head_width,
                                 double head_length);

}  // namespace lina::plot
