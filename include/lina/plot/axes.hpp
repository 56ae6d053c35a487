// One panel of a figure: data limits, ticks, labels and the things drawn in it.
//
// Inputs are lina Arrays of any real dtype (bool and integers too), read as float64.
// NaN and infinite values are skipped and leave a gap; on a log axis so are values
// <= 0. Arrays whose shapes do not fit together raise ShapeError naming the shapes;
// invalid option values raise ValueError.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/plot/options.hpp"

namespace lina::plot {

namespace detail {
class Artist;
class Canvas;
struct Box;
}  // namespace detail

class Axes {
 public:
  Axes();
  ~Axes();
  Axes(const Axes&) = delete;
  Axes& operator=(const Axes&) = delete;

  // --- what to draw -----------------------------------------------------------------
  // A line through (x[i], y[i]); with y alone, x is 0, 1, 2, ... Both 1-D, same length.
  void plot(const Array& y, const LineOptions& options = {});
  void plot(const Array& x, const Array& y, const LineOptions& options = {});
  // Markers at (x[i], y[i]).
  ColorScale scatter(const Array& x, const Array& y, const ScatterOptions& options = {});
  // Arrows (U, V) at the points (X, Y): X, Y, U, V of one shape, or X of shape (cols,)
  // and Y of shape (rows,) with U, V of shape (rows, cols), as meshgrid's inputs.
  ColorScale quiver(const Array& X, const Array& Y, const Array& U, const Array& V,
                    const QuiverOptions& options = {});
  // One arrow from (x, y) to (x + dx, y + dy), in data units.
  void arrow(double x, double y, double dx, double dy, const ArrowOptions& options = {});
  // Level curves / filled bands of Z sampled at (X, Y) (shapes as for quiver); with Z
  // alone the samples sit at column and row indices.
  ColorScale contour(const Array& X, const Array& Y, const Array& Z, const ContourOptions& options = {});
  ColorScale contour(const Array& Z, const ContourOptions& options = {});
  ColorScale contourf(const Array& X, const Array& Y, const Array& Z, const ContourOptions& options = {});
  ColorScale contourf(const Array& Z, const ContourOptions& options = {});
  // A 2-D array as coloured cells, row 0 at the top, cell (i, j) centred on x = j,
  // y = i (a heat map: weights, confusion matrices).
  ColorScale imshow(const Array& Z, const ImshowOptions& options = {});
  // Text at a data point.
  void text(double x, double y, const std::string& text, const TextOptions& options = {});
  // Reference lines across the whole panel (default: thin grey).
  void axhline(double y, const LineOptions& options = {});
  void axvline(double x, const LineOptions& options = {});

  // --- decoration -------------------------------------------------------------------
  void set_title(std::string title) { title_ = std::move(title); }
  void set_xlabel(std::string label) { xlabel_ = std::move(label); }
  void set_ylabel(std::string label) { ylabel_ = std::move(label); }
  // Fixed limits (lo < hi, finite; > 0 on a log axis) instead of the data's.
  void set_xlim(double lo, double hi);
  void set_ylim(double lo, double hi);
  // "linear" or "log".
  void set_xscale(const std::string& scale);
  void set_yscale(const std::string& scale);
  // One data unit is as long on x as on y (the limits grow to fill the panel).
  void set_aspect_equal(bool equal = true) { equal_aspect_ = equal; }
  void grid(bool on = true) { grid_ = on; }
  // A legend of the labelled lines, markers and arrows: "best" (the corner with the
  // least data under it), "upper right", "upper left", "lower left", "lower right".
  void legend(const std::string& location = "best");
  // A colour bar beside the panel.
  void colorbar(const ColorScale& scale, std::string label = "");

  // The limits the panel would show now (after autoscaling, before equal aspect).
  std::pair<double, double> xlim() const;
  std::pair<double, double> ylim() const;

  // Draws the panel into `cell` (used by Figure).
  void render(detail::Canvas& canvas, const detail::Box& cell) const;

 private:
  Color next_color();
  void add(std::unique_ptr<detail::Artist> artist);
  ColorScale contour_impl(const char* op, const Array* X, const Array* Y, const Array& Z,
                          const ContourOptions& options, bool filled);
  std::pair<double, double> limits(bool x_axis) const;

  std::vector<std::unique_ptr<detail::Artist>> artists_;
  int color_index_ = 0;
  std::string title_, xlabel_, ylabel_;
  std::optional<std::pair<double, double>> xlim_, ylim_;
  bool xlog_ = false, ylog_ = false;
  bool equal_aspect_ = false;
  bool grid_ = false;
  bool invert_y_ = false;         // imshow: row 0 at the top
  bool integer_ticks_ = false;    // imshow: ticks on cell indices
  std::optional<std::string> legend_;
  std::optional<std::pair<ColorScale, std::string>> colorbar_;
};

}  // namespace lina::plot
