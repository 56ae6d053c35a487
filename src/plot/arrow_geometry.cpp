#include <cmath>
#include <string>

#include "lina/core/errors.hpp"
#include "lina/plot/geometry.hpp"
#include "lina/plot/ticks.hpp"

namespace lina::plot {

std::vector<Point> arrow_polygon(Point tail, Point tip, double shaft_width, double head_width,
                                 double head_length) {
  for (double s : {shaft_width, head_width, head_length})
    if (!(s >= 0) || !std::isfinite(s))
      throw ValueError("arrow_polygon: sizes must be finite and >= 0, got shaft_width " +
                       format_general(shaft_width) + ", head_width " + format_general(head_width) +
                       ", head_length " + format_general(head_length));
  const double dx = tip.x - tail.x, dy = tip.y - tail.y;
  const double length = std::hypot(dx, dy);
  if (!(length > 0) || !std::isfinite(length)) return {};
  if (length < head_length) {
    const double k = length / head_length;
    shaft_width *= k;
    head_width *= k;
    head_length = length;
  }
  // Unit direction (ux, uy) and its left normal (-uy, ux).
  const double ux = dx / length, uy = dy / length;
  const double nx = -uy, ny = ux;
  const double hs = shaft_width / 2, hh = head_width / 2;
  const Point base{tip.x - ux * head_length, tip.y - uy * head_length};
  return {
      {tail.x + nx * hs, tail.y + ny * hs}, {base.x + nx * hs, base.y + ny * hs},
      {base.x + nx * hh, base.y + ny * hh}, tip,
      {base.x - nx * hh, base.y - ny * hh}, {base.x - nx * hs, base.y - ny * hs},
      {tail.x - nx * hs, tail.y - ny * hs},
  };
}

}  // namespace lina::plot
