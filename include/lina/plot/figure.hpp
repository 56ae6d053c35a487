// A figure: one or several panels (Axes) on a grid, written as a standalone SVG 1.1
// file, or as PNG through librsvg's rsvg-convert.
//
//   lina::plot::Figure fig;                  // one 640 x 480 panel
//   auto& ax = fig.axes();
//   ax.plot(lina::linspace(0, 1, 50), y, {.label = "loss"});
//   ax.set_yscale("log");
//   fig.save_svg("loss.svg");
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lina/plot/axes.hpp"

namespace lina::plot {

class Figure {
 public:
  // rows x cols panels (1..16 each); width and height in pixels, 0 for 640 per column
  // and 480 per row. Throws ValueError on other values.
  explicit Figure(int rows = 1, int cols = 1, double width = 0, double height = 0);

  // The panel at (row, col); throws IndexError outside the grid.
  Axes& axes(int row = 0, int col = 0);
  const Axes& axes(int row = 0, int col = 0) const;
  // A title over all panels.
  void suptitle(std::string title) { suptitle_ = std::move(title); }

  double width() const { return width_; }
  double height() const { return height_; }

  // The whole figure as an SVG 1.1 document.
  std::string to_svg() const;
  // Writes to_svg() to `path` (through a temporary file renamed into place, so a
  // failed write leaves no half-written file); throws IOError.
  void save_svg(const std::string& path) const;
  // Renders to PNG with rsvg-convert (Debian's librsvg2-bin), `width_px` wide (0: the
  // figure's width). Throws IOError when rsvg-convert is not on PATH or fails.
  void save_png(const std::string& path, int width_px = 0) const;

 private:
  int rows_, cols_;
  double width_, height_;
  std::string suptitle_;
  std::vector<std::unique_ptr<Axes>> panels_;
};

// True when rsvg-convert is on PATH, i.e. save_png can work.
bool png_supported();

}  // namespace lina::plot
