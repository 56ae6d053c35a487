// Canvas: builds the SVG document. Coordinates are pixels, y down. Every string that
// reaches the file goes through xml_escape; every number through num(), which writes
// at most two decimals (a hundredth of a pixel) and never "nan" or "inf".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lina/plot/color.hpp"
#include "lina/plot/geometry.hpp"

namespace lina::plot::detail {

// A rectangle in pixels: left, top, width, height.
struct Box {
  double x = 0, y = 0, w = 0, h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
  bool contains(Point p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
};

struct Stroke {
  Color color;
  double width = 1;
  std::string dash;  // "", "-", "--", ":", "-."
  double opacity = 1;
};

struct TextStyle {
  double size = 12;
  Color color{0.13, 0.13, 0.13};
  std::string anchor = "start";      // start | middle | end
  std::string baseline = "auto";     // auto | middle | hanging (we shift by hand instead)
  double rotate = 0;                 // degrees, clockwise, about the anchor point
  bool bold = false;
  bool halo = false;                 // a white outline behind the glyphs
};

// Width of `text` in pixels at `size`, estimated from DejaVu Sans' advance widths
// (the font rsvg-convert and most browsers on Linux pick for sans-serif). Used for
// margins and legend boxes only, so an estimate is enough.
double text_width(std::string_view text, double size);

// `v` with at most two decimals and no trailing zeros; non-finite values become 0 (the
// callers skip non-finite geometry before it gets here).
std::string num(double v);

class Canvas {
 public:
  Canvas(double width, double height);

  void rect(const Box& b, const std::string& fill, const Stroke* stroke = nullptr, double opacity = 1);
  void line(Point a, Point b, const Stroke& s);
  // An open polyline; fewer than two points draw nothing.
  void polyline(const std::vector<Point>& pts, const Stroke& s);
  void polygon(const std::vector<Point>& pts, const std::string& fill, const Stroke* stroke = nullptr,
               double opacity = 1);
  // Closed loops filled with the even-odd rule (regions with holes).
  void loops(const std::vector<std::vector<Point>>& loops, const std::string& fill, double opacity = 1);
  void circle(Point c, double r, const std::string& fill, const Stroke* stroke = nullptr, double opacity = 1);
  // Text; "10^k" in `text` is written as 10 with a raised k (log-axis labels).
  void text(Point at, std::string_view text, const TextStyle& style);

  // A clip rectangle; returns its id for begin_group.
  std::string clip(const Box& b);
  void begin_group(const std::string& clip_id = "");
  void end_group();
  // A vertical gradient bottom (first colour) to top (last colour); returns its id.
  std::string vertical_gradient(const std::vector<Color>& colors);
  void comment(std::string_view text);

  std::string finish() const;

 private:
  void stroke_attrs(const Stroke& s);
  std::string next_id(const char* prefix);

  double width_, height_;
  std::string defs_, body_;
  int ids_ = 0;
};

}  // namespace lina::plot::detail
