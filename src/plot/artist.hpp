// Artist: one thing drawn in a panel (a line, a field of arrows, a contour set...).
// The panel asks each artist for its data extent (autoscaling), its legend entry and
// its points in pixels (to place the legend where it hides the least), then has it draw
// itself through the panel's Transform.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "lina/plot/color.hpp"
#include "lina/plot/colormap.hpp"
#include "lina/plot/geometry.hpp"
#include "plot/canvas.hpp"

namespace lina::plot::detail {

// Data -> pixel mapping of one panel: linear or log10 on each axis, y up (or down for
// images, invert_y).
struct Transform {
  Box box;
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;  // limits in data units
  bool xlog = false, ylog = false, invert_y = false;

  static double f(double v, bool log) { return log ? (v > 0 ? std::log10(v) : NAN) : v; }
  double px(double x) const { return box.x + (f(x, xlog) - f(x0, xlog)) / (f(x1, xlog) - f(x0, xlog)) * box.w; }
  double py(double y) const {
    const double t = (f(y, ylog) - f(y0, ylog)) / (f(y1, ylog) - f(y0, ylog));
    return invert_y ? box.y + t * box.h : box.bottom() - t * box.h;
  }
  Point operator()(double x, double y) const { return {px(x), py(y)}; }
  // Pixels per data unit (linear axes).
  double sx() const { return box.w / (x1 - x0); }
  double sy() const { return box.h / (y1 - y0); }
};

// Extent of an artist's data in data units; `tight` artists (images, contour grids) are
// not padded by the autoscale margin.
struct Extent {
  double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
  bool tight = false;
  bool empty() const { return !(xmin <= xmax) || !(ymin <= ymax); }
  // Adds a point, skipping non-finite ones and, on log axes, those <= 0.
  void add(double x, double y, bool xlog, bool ylog) {
    if (!std::isfinite(x) || !std::isfinite(y) || (xlog && x <= 0) || (ylog && y <= 0)) return;
    xmin = std::fmin(xmin, x), xmax = std::fmax(xmax, x);
    ymin = std::fmin(ymin, y), ymax = std::fmax(ymax, y);
  }
};

struct LegendEntry {
  enum class Kind { Line, Marker, Arrow, Patch } kind = Kind::Line;
  std::string label;
  Color color;
  double width = 1.75;
  std::string dash, marker;
  double marker_size = 6;
};

class Artist {
 public:
  virtual ~Artist() = default;
  virtual Extent extent(bool xlog, bool ylog) const = 0;
  virtual void draw(Canvas& canvas, const Transform& t) const = 0;
  virtual std::optional<LegendEntry> legend() const { return std::nullopt; }
  virtual void sample_points(const Transform&, std::vector<Point>&) const {}
  // Drawing order: images and filled contours, contour lines, lines and arrows, markers, text.
  virtual int zorder() const = 0;
};

// Draws one marker of `shape` centred at `c`, `size` pixels across.
void draw_marker(Canvas& canvas, Point c, const std::string& shape, double size, const Color& fill,
                 const Color& edge, double alpha);
// Throws ValueError unless `shape` is a known marker ("" allowed when allow_none).
void check_marker(const char* op, const std::string& shape, bool allow_none);
void check_dash(const char* op, const std::string& dash);
// Splits a polyline at non-finite points and clips each piece to `box` (grown by a
// few pixels) with Liang-Barsky, so huge coordinates (a diverging descent) never reach
// the file and gaps stay gaps.
std::vector<std::vector<Point>> clip_polyline(const std::vector<Point>& pts, const Box& box);

}  // namespace lina::plot::detail

namespace lina::plot::detail {
// The colour of item k of n (contour levels, filled bands) spread evenly over a map.
inline Color spread_color(const Colormap& cmap, std::size_t k, std::size_t n) {
  return cmap(n <= 1 ? 0.5 : static_cast<double>(k) / static_cast<double>(n - 1));
}
}  // namespace lina::plot::detail
