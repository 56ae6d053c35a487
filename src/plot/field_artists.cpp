// Arrows (quiver and single vectors), contour lines, filled contours and images.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "lina/plot/geometry.hpp"
#include "lina/plot/ticks.hpp"
#include "plot/artists.hpp"

namespace lina::plot::detail {

namespace {
bool finite(Point p) { return std::isfinite(p.x) && std::isfinite(p.y); }
// Pixel coordinates this far outside the panel are not drawn at all (a diverging
// descent reaches 1e30); the clip path hides whatever is merely outside.
bool near_panel(Point p, const Box& b) {
  const double m = 4 * std::max(b.w, b.h);
  return finite(p) && p.x > b.x - m && p.x < b.right() + m && p.y > b.y - m && p.y < b.bottom() + m;
}
}  // namespace

// --- ArrowsArtist --------------------------------------------------------------------

ArrowsArtist::ArrowsArtist(std::vector<ArrowSpec> arrows, double width, double head_width, double head_length,
                           bool heads_scale_with_width, std::string label, Color legend_color)
    : arrows_(std::move(arrows)),
      width_(width),
      head_width_(head_width),
      head_length_(head_length),
      heads_scale_(heads_scale_with_width),
      label_(std::move(label)),
      legend_color_(legend_color) {}

Extent ArrowsArtist::extent(bool xlog, bool ylog) const {
  Extent e;
  for (const auto& a : arrows_) {
    e.add(a.x, a.y, xlog, ylog);
    e.add(a.x + a.dx, a.y + a.dy, xlog, ylog);
  }
  return e;
}

void ArrowsArtist::draw(Canvas& canvas, const Transform& t) const {
  // Quiver shafts grow with the panel, as matplotlib's (0.005 of the width there).
  const double w = width_ > 0 ? width_ : std::clamp(0.0028 * t.box.w, 1.0, 3.0);
  const double hw = heads_scale_ ? head_width_ * w : head_width_;
  const double hl = heads_scale_ ? head_length_ * w : head_length_;
  for (const auto& a : arrows_) {
    const Point tail = t(a.x, a.y), tip = t(a.x + a.dx, a.y + a.dy);
    if (!near_panel(tail, t.box) || !near_panel(tip, t.box)) continue;
    const auto outline = arrow_polygon(tail, tip, w, hw, hl);
    canvas.polygon(outline, a.color.to_hex());
  }
}

std::optional<LegendEntry> ArrowsArtist::legend() const {
  if (label_.empty()) return std::nullopt;
  return LegendEntry{LegendEntry::Kind::Arrow, label_, legend_color_, 2, "", "", 0};
}

// --- ContourArtist -------------------------------------------------------------------

ContourArtist::ContourArtist(std::vector<LevelLines> levels, Extent grid, double width, bool labels,
                             int label_digits)
    : levels_(std::move(levels)), grid_(grid), width_(width), labels_(labels), label_digits_(label_digits) {}

void ContourArtist::draw(Canvas& canvas, const Transform& t) const {
  struct Placed {
    Point c;
    double r;
  };
  std::vector<Placed> placed;
  struct Label {
    Point at;
    double angle;
    std::string text;
    Color color;
  };
  std::vector<Label> labels;
  const double font = 10;
  for (const auto& level : levels_) {
    const Stroke s{level.color, width_, "", 1};
    // Whole digits are never rounded away: 1024 stays "1024", not "1.02e+03".
    const double mag = std::fabs(level.level);
    const int whole = mag >= 1 && mag < 1e6 ? static_cast<int>(std::floor(std::log10(mag))) + 1 : 0;
    const std::string text = format_general(level.level, std::max(label_digits_, whole));
    const double half = text_width(text, font) / 2 + 3;
    for (const auto& line : level.lines) {
      std::vector<Point> px;
      px.reserve(line.size());
      for (const Point& p : line) px.push_back(t(p.x, p.y));
      for (const auto& piece : clip_polyline(px, t.box)) {
        canvas.polyline(piece, s);
        if (!labels_) continue;
        // Label at the middle of the piece by arc length, if the piece is long enough
        // to carry it and the spot is free.
        std::vector<double> arc(piece.size(), 0);
        for (std::size_t i = 1; i < piece.size(); ++i)
          arc[i] = arc[i - 1] + std::hypot(piece[i].x - piece[i - 1].x, piece[i].y - piece[i - 1].y);
        if (arc.back() < 6 * half) continue;
        const double mid = arc.back() / 2;
        const std::size_t k = static_cast<std::size_t>(std::lower_bound(arc.begin(), arc.end(), mid) - arc.begin());
        const std::size_t i0 = k == 0 ? 0 : k - 1, i1 = std::min(k, piece.size() - 1);
        const double seg = arc[i1] - arc[i0];
        const double f = seg > 0 ? (mid - arc[i0]) / seg : 0;
        const Point c{piece[i0].x + (piece[i1].x - piece[i0].x) * f, piece[i0].y + (piece[i1].y - piece[i0].y) * f};
        // The direction over a stretch of about the label's width, not one segment.
        const auto at_arc = [&](double a) {
          const std::size_t j = static_cast<std::size_t>(
              std::clamp<std::ptrdiff_t>(std::lower_bound(arc.begin(), arc.end(), a) - arc.begin(), 0,
                                         static_cast<std::ptrdiff_t>(piece.size() - 1)));
          return piece[j];
        };
        const Point a = at_arc(mid - half), b = at_arc(mid + half);
        double angle = std::atan2(b.y - a.y, b.x - a.x) * 180 / std::numbers::pi;
        if (angle > 90) angle -= 180;
        if (angle < -90) angle += 180;
        const Box inner{t.box.x + half, t.box.y + font, t.box.w - 2 * half, t.box.h - 2 * font};
        if (!inner.contains(c)) continue;
        bool free = true;
        for (const auto& p : placed) free = free && std::hypot(p.c.x - c.x, p.c.y - c.y) > p.r + half;
        if (!free) continue;
        placed.push_back({c, half});
        labels.push_back({c, angle, text, level.color});
      }
    }
  }
  for (const auto& l : labels) {
    TextStyle st;
    st.size = font;
    st.anchor = "middle";
    st.baseline = "middle";
    st.rotate = l.angle;
    st.halo = true;
    st.color = {l.color.r * 0.55, l.color.g * 0.55, l.color.b * 0.55};
    canvas.text(l.at, l.text, st);
  }
}

// --- ContourFillArtist ---------------------------------------------------------------

ContourFillArtist::ContourFillArtist(std::vector<FilledRegion> regions, Extent grid, double alpha)
    : regions_(std::move(regions)), grid_(grid), alpha_(alpha) {}

void ContourFillArtist::draw(Canvas& canvas, const Transform& t) const {
  for (const auto& region : regions_) {
    std::vector<std::vector<Point>> loops;
    for (const auto& loop : region.loops) {
      std::vector<Point> px;
      px.reserve(loop.size());
      for (const Point& p : loop) px.push_back(t(p.x, p.y));
      loops.push_back(std::move(px));
    }
    canvas.loops(loops, region.color.to_hex(), alpha_);
  }
}

// --- ImageArtist ---------------------------------------------------------------------

ImageArtist::ImageArtist(std::vector<double> z, std::int64_t rows, std::int64_t cols, ImshowOptions options,
                         double vmin, double vmax)
    : z_(std::move(z)), rows_(rows), cols_(cols), options_(std::move(options)), vmin_(vmin), vmax_(vmax) {}

Extent ImageArtist::extent(bool, bool) const {
  Extent e;
  if (rows_ == 0 || cols_ == 0) return e;
  e.xmin = -0.5, e.xmax = static_cast<double>(cols_) - 0.5;
  e.ymin = -0.5, e.ymax = static_cast<double>(rows_) - 0.5;
  e.tight = true;
  return e;
}

void ImageArtist::draw(Canvas& canvas, const Transform& t) const {
  bool integral = true;
  for (double v : z_) integral = integral && (!std::isfinite(v) || v == std::round(v));
  const int decimals = options_.decimals >= 0 ? options_.decimals : (integral ? 0 : 2);
  for (std::int64_t i = 0; i < rows_; ++i)
    for (std::int64_t j = 0; j < cols_; ++j) {
      const double v = z_[static_cast<std::size_t>(i * cols_ + j)];
      if (!std::isfinite(v)) continue;  // a gap
      const auto fi = static_cast<double>(i), fj = static_cast<double>(j);
      const Point a = t(fj - 0.5, fi - 0.5), b = t(fj + 0.5, fi + 0.5);
      if (!finite(a) || !finite(b)) continue;
      // Cells overlap their neighbours by a fraction of a pixel, so antialiasing leaves
      // no hairline seams between them.
      const Box cell{std::min(a.x, b.x), std::min(a.y, b.y), std::fabs(b.x - a.x), std::fabs(b.y - a.y)};
      const Color c = options_.cmap.at(v, vmin_, vmax_);
      canvas.rect({cell.x, cell.y, cell.w + 0.4, cell.h + 0.4}, c.to_hex());
      if (options_.annotate) {
        const std::string text = format_fixed(v, decimals);
        const double size = std::min({14.0, cell.h * 0.45, cell.w * 0.85 / (0.64 * static_cast<double>(text.size()))});
        if (size < 6) continue;
        TextStyle st;
        st.size = size;
        st.anchor = "middle";
        st.baseline = "middle";
        st.color = c.lightness() < 55 ? Color{1, 1, 1} : Color{0.1, 0.1, 0.1};
        canvas.text({cell.x + cell.w / 2, cell.y + cell.h / 2}, text, st);
      }
    }
}

}  // namespace lina::plot::detail
