// The options each plotting call takes, with matplotlib-like defaults. Every field has
// a default, so `{}` or designated initialisers (`{.color = Color::hex("#d62728"),
// .label = "lr 0.1"}`) read like keyword arguments.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lina/core/array.hpp"
#include "lina/plot/color.hpp"
#include "lina/plot/colormap.hpp"

namespace lina::plot {

// Marker shapes: "" none, "o" circle, "s" square, "^" triangle up, "v" triangle down,
// "D" diamond, "x" and "+" crosses.
// Dash patterns: "" or "-" solid, "--" dashed, ":" dotted, "-." dash-dot.

struct LineOptions {
  std::optional<Color> color{};  // default: the next colour of the cycle
  double width = 1.75;         // pixels
  std::string dash{};
  std::string marker{};
  double marker_size = 6;  // pixels across
  double alpha = 1;
  std::string label{};  // shown in the legend when not empty
};

struct ScatterOptions {
  std::optional<Color> color{};   // default: the next colour of the cycle
  std::optional<Array> values{};  // one value per point: colour through cmap instead
  Colormap cmap{};
  std::string marker = "o";
  double size = 7;  // pixels across
  double alpha = 1;
  std::optional<Color> edge_color{};  // default: a darker outline for filled markers
  std::string label{};
};

struct QuiverOptions {
  // Data units of arrow length per unit of vector length. Default: the longest arrow
  // is 0.9 of the grid spacing, so neighbouring arrows do not overlap.
  std::optional<double> scale{};
  // Draw every arrow with the same length (0.9 of the grid spacing) and show the
  // magnitude by colour only: a direction field.
  bool normalize = false;
  std::optional<Color> color{};        // default: the next colour of the cycle
  bool color_by_magnitude = false;   // colour each arrow by |(u, v)| through cmap
  std::optional<Array> color_values{}; // or by these values (shape of U)
  Colormap cmap{};
  double width = 0;  // shaft width in pixels; 0 picks one from the panel size
  std::string pivot = "tail";  // "tail": the arrow starts at its grid point; "middle"
  std::string label{};
};

struct ArrowOptions {
  std::optional<Color> color{};  // default: the next colour of the cycle
  double width = 2.5;          // shaft width in pixels
  double head_width = 11;      // pixels
  double head_length = 13;     // pixels
  std::string label{};           // legend entry
};

struct ContourOptions {
  std::vector<double> levels{};  // explicit levels, increasing; empty: automatic
  int num_levels = 8;          // roughly how many automatic levels
  std::optional<Color> color{};  // lines: one colour for all; default: colours from cmap
  Colormap cmap{};
  double width = 1.2;        // line width in pixels
  bool labels = true;        // contour: write each level's value on its lines
  int label_digits = 3;      // significant digits of those labels
  double alpha = 1;          // contourf: fill opacity
};

struct ImshowOptions {
  Colormap cmap{};
  std::optional<double> vmin{}, vmax{};  // default: the finite data range
  bool annotate = false;             // write each cell's value in the cell
  int decimals = -1;                 // annotate: -1 = 0 for integral data, else 2
};

struct TextOptions {
  double size = 12;  // pixels
  std::optional<Color> color{};  // default: near-black
  std::string anchor = "start";  // "start", "middle", "end"
  double dx = 0, dy = 0;  // offset in pixels (dy down)
  bool bold = false;
};

// How values map to colours in a call that used a colour map; pass it to
// Axes::colorbar to draw the key.
struct ColorScale {
  Colormap cmap{};
  double vmin = 0, vmax = 1;
  // Discrete keys: filled-contour band edges, or contour-line levels (lines = true).
  std::vector<double> levels{};
  bool lines = false;
};

}  // namespace lina::plot
