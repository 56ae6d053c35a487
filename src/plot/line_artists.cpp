// Lines, markers, text and reference lines.
#include <cmath>

#include "lina/core/errors.hpp"
#include "plot/artists.hpp"

namespace lina::plot::detail {

namespace {
const Color kInk{0.13, 0.13, 0.13};

Color darker(const Color& c) { return {c.r * 0.6, c.g * 0.6, c.b * 0.6}; }
}  // namespace

void check_marker(const char* op, const std::string& shape, bool allow_none) {
  static const char* kShapes[] = {"o", "s", "^", "v", "D", "x", "+"};
  if (shape.empty() && allow_none) return;
  for (const char* s : kShapes)
    if (shape == s) return;
  throw ValueError(std::string(op) + ": unknown marker '" + shape + "'; valid markers are " +
                   (allow_none ? "\"\" (none), " : "") + "o s ^ v D x +");
}

void check_dash(const char* op, const std::string& dash) {
  if (dash.empty() || dash == "-" || dash == "--" || dash == ":" || dash == "-.") return;
  throw ValueError(std::string(op) + ": unknown dash pattern '" + dash + "'; valid ones are \"\" or \"-\" (solid), "
                   "\"--\", \":\", \"-.\"");
}

void draw_marker(Canvas& canvas, Point c, const std::string& shape, double size, const Color& fill,
                 const Color& edge, double alpha) {
  const double r = size / 2;
  const std::string f = fill.to_hex();
  const Stroke outline{edge, std::max(0.6, size / 10), "", alpha};
  if (shape == "o") {
    canvas.circle(c, r, f, &outline, alpha);
  } else if (shape == "s") {
    const double h = r * 0.886;  // same area as the circle
    canvas.polygon({{c.x - h, c.y - h}, {c.x + h, c.y - h}, {c.x + h, c.y + h}, {c.x - h, c.y + h}}, f, &outline,
                   alpha);
  } else if (shape == "^" || shape == "v") {
    const double s = shape == "^" ? 1 : -1;
    const double k = r * 1.2;
    canvas.polygon({{c.x, c.y - s * k}, {c.x + k * 0.866, c.y + s * k * 0.5}, {c.x - k * 0.866, c.y + s * k * 0.5}},
                   f, &outline, alpha);
  } else if (shape == "D") {
    const double k = r * 1.15;
    canvas.polygon({{c.x, c.y - k}, {c.x + k * 0.75, c.y}, {c.x, c.y + k}, {c.x - k * 0.75, c.y}}, f, &outline,
                   alpha);
  } else if (shape == "x" || shape == "+") {
    const Stroke s{fill, std::max(1.2, size / 5), "", alpha};
    const double k = shape == "x" ? r * 0.8 : r;
    if (shape == "x") {
      canvas.line({c.x - k, c.y - k}, {c.x + k, c.y + k}, s);
      canvas.line({c.x - k, c.y + k}, {c.x + k, c.y - k}, s);
    } else {
      canvas.line({c.x - k, c.y}, {c.x + k, c.y}, s);
      canvas.line({c.x, c.y - k}, {c.x, c.y + k}, s);
    }
  }
}

// --- LineArtist ----------------------------------------------------------------------

LineArtist::LineArtist(std::vector<double> x, std::vector<double> y, Color color, LineOptions options)
    : x_(std::move(x)), y_(std::move(y)), color_(color), options_(std::move(options)) {}

Extent LineArtist::extent(bool xlog, bool ylog) const {
  Extent e;
  for (std::size_t i = 0; i < x_.size(); ++i) e.add(x_[i], y_[i], xlog, ylog);
  return e;
}

void LineArtist::draw(Canvas& canvas, const Transform& t) const {
  std::vector<Point> pts;
  pts.reserve(x_.size());
  for (std::size_t i = 0; i < x_.size(); ++i) pts.push_back(t(x_[i], y_[i]));  // NaN where skipped
  if (options_.width > 0 && options_.dash != "none") {
    const Stroke s{color_, options_.width, options_.dash, options_.alpha};
    for (const auto& piece : clip_polyline(pts, t.box)) canvas.polyline(piece, s);
  }
  if (!options_.marker.empty())
    for (const Point& p : pts)
      if (std::isfinite(p.x) && std::isfinite(p.y) && t.box.contains(p))
        draw_marker(canvas, p, options_.marker, options_.marker_size, color_, darker(color_), options_.alpha);
}

std::optional<LegendEntry> LineArtist::legend() const {
  if (options_.label.empty()) return std::nullopt;
  return LegendEntry{LegendEntry::Kind::Line, options_.label, color_, options_.width, options_.dash,
                     options_.marker, options_.marker_size};
}

void LineArtist::sample_points(const Transform& t, std::vector<Point>& out) const {
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const Point p = t(x_[i], y_[i]);
    if (std::isfinite(p.x) && std::isfinite(p.y)) out.push_back(p);
    // Points between samples too, so a long straight segment still counts.
    if (i + 1 < x_.size()) {
      const Point q = t(x_[i + 1], y_[i + 1]);
      if (std::isfinite(q.x) && std::isfinite(q.y) && std::isfinite(p.x) && std::isfinite(p.y))
        for (int k = 1; k < 8; ++k) out.push_back({p.x + (q.x - p.x) * k / 8, p.y + (q.y - p.y) * k / 8});
    }
  }
}

// --- ScatterArtist -------------------------------------------------------------------

ScatterArtist::ScatterArtist(std::vector<double> x, std::vector<double> y, std::vector<Color> colors,
                             ScatterOptions options)
    : x_(std::move(x)), y_(std::move(y)), colors_(std::move(colors)), options_(std::move(options)) {}

Extent ScatterArtist::extent(bool xlog, bool ylog) const {
  Extent e;
  for (std::size_t i = 0; i < x_.size(); ++i) e.add(x_[i], y_[i], xlog, ylog);
  return e;
}

void ScatterArtist::draw(Canvas& canvas, const Transform& t) const {
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const Point p = t(x_[i], y_[i]);
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || !t.box.contains(p)) continue;
    const Color edge = options_.edge_color ? *options_.edge_color : darker(colors_[i]);
    draw_marker(canvas, p, options_.marker, options_.size, colors_[i], edge, options_.alpha);
  }
}

std::optional<LegendEntry> ScatterArtist::legend() const {
  if (options_.label.empty() || colors_.empty()) return std::nullopt;
  return LegendEntry{LegendEntry::Kind::Marker, options_.label, colors_[colors_.size() / 2], 0, "", options_.marker,
                     options_.size};
}

void ScatterArtist::sample_points(const Transform& t, std::vector<Point>& out) const {
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const Point p = t(x_[i], y_[i]);
    if (std::isfinite(p.x) && std::isfinite(p.y)) out.push_back(p);
  }
}

// --- TextArtist ----------------------------------------------------------------------

TextArtist::TextArtist(double x, double y, std::string text, TextOptions options)
    : x_(x), y_(y), text_(std::move(text)), options_(std::move(options)) {}

Extent TextArtist::extent(bool, bool) const { return {}; }  // text never widens the limits

void TextArtist::draw(Canvas& canvas, const Transform& t) const {
  const Point p = t(x_, y_);
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return;
  TextStyle s;
  s.size = options_.size;
  s.color = options_.color ? *options_.color : kInk;
  s.anchor = options_.anchor;
  s.bold = options_.bold;
  s.baseline = "middle";
  canvas.text({p.x + options_.dx, p.y + options_.dy}, text_, s);
}

// --- RefLineArtist -------------------------------------------------------------------

RefLineArtist::RefLineArtist(bool horizontal, double value, Color color, LineOptions options)
    : horizontal_(horizontal), value_(value), color_(color), options_(std::move(options)) {}

void RefLineArtist::draw(Canvas& canvas, const Transform& t) const {
  const Stroke s{color_, options_.width, options_.dash, options_.alpha};
  if (horizontal_) {
    const double y = t.py(value_);
    if (std::isfinite(y) && y >= t.box.y && y <= t.box.bottom()) canvas.line({t.box.x, y}, {t.box.right(), y}, s);
  } else {
    const double x = t.px(value_);
    if (std::isfinite(x) && x >= t.box.x && x <= t.box.right()) canvas.line({x, t.box.y}, {x, t.box.bottom()}, s);
  }
}

std::optional<LegendEntry> RefLineArtist::legend() const {
  if (options_.label.empty()) return std::nullopt;
  return LegendEntry{LegendEntry::Kind::Line, options_.label, color_, options_.width, options_.dash, "", 0};
}

}  // namespace lina::plot::detail
