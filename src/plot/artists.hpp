// The artists behind each Axes call. Each keeps its data in data units (float64) and
// draws through the panel's Transform when the figure is written.
#pragma once

#include <string>
#include <vector>

#include "lina/plot/options.hpp"
#include "plot/artist.hpp"

namespace lina::plot::detail {

class LineArtist final : public Artist {
 public:
  LineArtist(std::vector<double> x, std::vector<double> y, Color color, LineOptions options);
  Extent extent(bool xlog, bool ylog) const override;
  void draw(Canvas& canvas, const Transform& t) const override;
  std::optional<LegendEntry> legend() const override;
  void sample_points(const Transform& t, std::vector<Point>& out) const override;
  int zorder() const override { return 2; }

 private:
  std::vector<double> x_, y_;
  Color color_;
  LineOptions options_;
};

class ScatterArtist final : public Artist {
 public:
  ScatterArtist(std::vector<double> x, std::vector<double> y, std::vector<Color> colors, ScatterOptions options);
  Extent extent(bool xlog, bool ylog) const override;
  void draw(Canvas& canvas, const Transform& t) const override;
  std::optional<LegendEntry> legend() const override;
  void sample_points(const Transform& t, std::vector<Point>& out) const override;
  int zorder() const override { return 3; }

 private:
  std::vector<double> x_, y_;
  std::vector<Color> colors_;  // one per point
  ScatterOptions options_;
};

// Arrows from (x, y) to (x + dx, y + dy) in data units, drawn with pixel-sized heads.
struct ArrowSpec {
  double x, y, dx, dy;
  Color color;
};

class ArrowsArtist final : public Artist {
 public:
  // width: shaft in pixels (0: from the panel size, for quiver); head sizes in pixels,
  // or as multiples of the shaft width when heads_scale_with_width.
  ArrowsArtist(std::vector<ArrowSpec> arrows, double width, double head_width, double head_length,
               bool heads_scale_with_width, std::string label, Color legend_color);
  Extent extent(bool xlog, bool ylog) const override;
  void draw(Canvas& canvas, const Transform& t) const override;
  std::optional<LegendEntry> legend() const override;
  int zorder() const override { return 2; }

 private:
  std::vector<ArrowSpec> arrows_;
  double width_, head_width_, head_length_;
  bool heads_scale_;
  std::string label_;
  Color legend_color_;
};

// Lines of one or more levels, already mapped to data coordinates.
struct LevelLines {
  double level;
  Color color;
  std::vector<std::vector<Point>> lines;
};

class ContourArtist final : public Artist {
 public:
  ContourArtist(std::vector<LevelLines> levels, Extent grid, double width, bool labels, int label_digits);
  Extent extent(bool, bool) const override { return grid_; }
  void draw(Canvas& canvas, const Transform& t) const override;
  int zorder() const override { return 1; }

 private:
  std::vector<LevelLines> levels_;
  Extent grid_;
  double width_;
  bool labels_;
  int label_digits_;
};

// Filled bands: band k is region k minus region k+1, drawn by painting the nested
// regions {z >= level_k} in increasing order.
struct FilledRegion {
  Color color;
  std::vector<std::vector<Point>> loops;
};

class ContourFillArtist final : public Artist {
 public:
  ContourFillArtist(std::vector<FilledRegion> regions, Extent grid, double alpha);
  Extent extent(bool, bool) const override { return grid_; }
  void draw(Canvas& canvas, const Transform& t) const override;
  int zorder() const override { return 0; }

 private:
  std::vector<FilledRegion> regions_;
  Extent grid_;
  double alpha_;
};

class ImageArtist final : public Artist {
 public:
  ImageArtist(std::vector<double> z, std::int64_t rows, std::int64_t cols, ImshowOptions options, double vmin,
              double vmax);
  Extent extent(bool xlog, bool ylog) const override;
  void draw(Canvas& canvas, const Transform& t) const override;
  int zorder() const override { return 0; }

 private:
  std::vector<double> z_;
  std::int64_t rows_, cols_;
  ImshowOptions options_;
  double vmin_, vmax_;
};

class TextArtist final : public Artist {
 public:
  TextArtist(double x, double y, std::string text, TextOptions options);
  Extent extent(bool xlog, bool ylog) const override;
  void draw(Canvas& canvas, const Transform& t) const override;
  int zorder() const override { return 4; }

 private:
  double x_, y_;
  std::string text_;
  TextOptions options_;
};

// A horizontal (y = value) or vertical (x = value) line across the panel.
class RefLineArtist final : public Artist {
 public:
  RefLineArtist(bool horizontal, double value, Color color, LineOptions options);
  Extent extent(bool, bool) const override { return {}; }
  void draw(Canvas& canvas, const Transform& t) const override;
  std::optional<LegendEntry> legend() const override;
  int zorder() const override { return 1; }

 private:
  bool horizontal_;
  double value_;
  Color color_;
  LineOptions options_;
};

}  // namespace lina::plot::detail
