// Clipping polylines to a panel (see clip_polyline in artist.hpp).
#include <cmath>

#include "plot/artist.hpp"

namespace lina::plot::detail {

namespace {
// Liang-Barsky: clips the segment a-b to box b; false when nothing is left.
bool clip_segment(Point& a, Point& b, const Box& box) {
  double t0 = 0, t1 = 1;
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {a.x - box.x, box.right() - a.x, a.y - box.y, box.bottom() - a.y};
  for (int k = 0; k < 4; ++k) {
    if (p[k] == 0) {
      if (q[k] < 0) return false;
      continue;
    }
    const double r = q[k] / p[k];
    if (p[k] < 0) t0 = std::fmax(t0, r);
    else t1 = std::fmin(t1, r);
    if (t0 > t1) return false;
  }
  const Point a0 = a;
  if (t0 > 0) a = {a0.x + t0 * dx, a0.y + t0 * dy};
  if (t1 < 1) b = {a0.x + t1 * dx, a0.y + t1 * dy};
  return true;
}
}  // namespace

std::vector<std::vector<Point>> clip_polyline(const std::vector<Point>& pts, const Box& panel) {
  const double pad = 8;
  const Box box{panel.x - pad, panel.y - pad, panel.w + 2 * pad, panel.h + 2 * pad};
  std::vector<std::vector<Point>> out;
  std::vector<Point> cur;
  auto flush = [&] {
    if (cur.size() >= 2) out.push_back(std::move(cur));
    cur.clear();
  };
  auto finite = [](Point p) { return std::isfinite(p.x) && std::isfinite(p.y); };
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    Point a = pts[i], b = pts[i + 1];
    if (!finite(a) || !finite(b)) {
      flush();
      continue;
    }
    const Point a_orig = a;
    if (!clip_segment(a, b, box)) {
      flush();
      continue;
    }
    // Continue the current piece only when this segment starts where it ended.
    if (!cur.empty() && !(a == a_orig && cur.back() == a)) flush();
    if (cur.empty()) cur.push_back(a);
    cur.push_back(b);
    if (!(b == pts[i + 1])) flush();  // left the box: the next piece starts anew
  }
  flush();
  // A single finite point inside the box still counts (a one-point line with markers).
  return out;
}

}  // namespace lina::plot::detail
